import { setupServer } from 'msw/node';
import type { IsoDate } from '@domain/contract/common';
import { generateDemo } from '@domain/demo/generate';
import { DEMO_TODAY } from '@tests/contract/target';
import { createHandlers } from './handlers';
import { createMockStore } from './store';

/** Tests default to the fixed DEMO_TODAY so every run sees the same portfolio. */
export const mockStore = createMockStore(generateDemo({ today: DEMO_TODAY }), {
  today: DEMO_TODAY,
});

/** Call `server.listen({ onUnhandledRequest: 'error' })` in the test file or setup. */
export const server = setupServer(...createHandlers(mockStore));

/** Reloads the demo generated for `today`, dropping every change made through the handlers. */
export function resetMockData(today: IsoDate = DEMO_TODAY): void {
  mockStore.reset(generateDemo({ today }), { today });
}
