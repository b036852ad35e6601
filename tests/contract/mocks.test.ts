import { DEMO_PASSWORD } from '@domain/demo/people';
import { mockStore, resetMockData, server } from '@mocks/node';
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
    reset() {
      // Sessions survive a reset, as on the server target, so a client signed in once stays so.
      const session = mockStore.currentUserId;
      resetMockData();
      mockStore.currentUserId = session;
      return Promise.resolve();
    },
    async signIn(email = 'manager@jalon.test') {
      const res = await target.request('POST', '/api/v1/auth/login', {
        body: { email, password: DEMO_PASSWORD },
      });
      if (res.status !== 200) throw new Error(`mocks sign-in as ${email}: ${res.status}`);
    },
    close: () => Promise.resolve(server.close()),
  };
  return Promise.resolve(target);
});
