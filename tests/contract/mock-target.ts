import { DEMO_PASSWORD } from '@domain/demo/people';
import { mockApi } from '@tests/support/mock-api';
import type { ContractTarget } from './target';

// Several suites of one file share the one MSW server, which may be enabled only once.
let users = 0;

/** The dev mocks as a contract target: fetch intercepted in Node by MSW, answered by the app. */
export function mockTarget(): Promise<ContractTarget> {
  if (users++ === 0) mockApi.server.listen({ onUnhandledRequest: 'error' });
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
    // Sessions survive a reset, as on the server target, so a client signed in once stays so.
    reset: () => mockApi.reset({ keepSessions: true }),
    async signIn(email = 'manager@jalon.test') {
      const res = await target.request('POST', '/api/v1/auth/login', {
        body: { email, password: DEMO_PASSWORD },
      });
      if (res.status !== 200) throw new Error(`mocks sign-in as ${email}: ${res.status}`);
    },
    signOut: () => mockApi.session.write(null),
    async close() {
      if (--users > 0) return;
      mockApi.server.close();
      await mockApi.close();
    },
  };
  return Promise.resolve(target);
}
