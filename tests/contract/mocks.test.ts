import { resetMockData, server } from '@mocks/node';
import { defineContractScenarios } from './scenarios';
import type { ContractTarget } from './target';

/** The contract scenarios against the MSW handlers, intercepted in Node by setupServer. */
defineContractScenarios(() => {
  server.listen({ onUnhandledRequest: 'error' });
  const target: ContractTarget = {
    name: 'mocks',
    request(method, path, options = {}) {
      const headers = new Headers(options.headers);
      let body = options.rawBody;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
      }
      return fetch(`http://jalon.test${path}`, { method, headers, body });
    },
    reset: () => Promise.resolve(resetMockData()),
    close: () => Promise.resolve(server.close()),
  };
  return Promise.resolve(target);
});
