import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { resetMockData, server } from '@mocks/node';
import {
  recordConsoleError,
  takeUnexpectedConsoleErrors,
} from '@tests/component/support/console-guard';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(recordConsoleError);
});

afterEach(() => {
  // Testing Library only auto-cleans with vitest globals, which this project does not enable.
  cleanup();
  server.resetHandlers();
  resetMockData();
  window.localStorage.clear();
  document.documentElement.lang = 'fr';
  vi.restoreAllMocks();
  expect(takeUnexpectedConsoleErrors(), 'unexpected console.error').toEqual([]);
});

afterAll(() => server.close());
