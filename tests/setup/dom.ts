import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { provideMessages } from '@/lib/i18n';
import { en } from '@/locales/messages-en';
import {
  recordConsoleError,
  takeUnexpectedConsoleErrors,
} from '@tests/component/support/console-guard';
import { mockApi } from '@tests/support/mock-api';

// Routes load lazily (a dynamic import, then the loaders): on a busy CI machine that can take
// longer than Testing Library's 1 s default for findBy queries.
configure({ asyncUtilTimeout: 5000 });

// Tests render in either language synchronously; the app fetches English on demand instead.
provideMessages('en', en);

beforeAll(() => mockApi.server.listen({ onUnhandledRequest: 'error' }));

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(recordConsoleError);
});

afterEach(async () => {
  // Testing Library only auto-cleans with vitest globals, which this project does not enable.
  cleanup();
  mockApi.server.resetHandlers();
  await mockApi.reset();
  window.localStorage.clear();
  document.documentElement.lang = 'fr';
  vi.restoreAllMocks();
  expect(takeUnexpectedConsoleErrors(), 'unexpected console.error').toEqual([]);
});

afterAll(async () => {
  mockApi.server.close();
  await mockApi.close();
});
