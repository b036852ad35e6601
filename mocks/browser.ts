import { setupWorker } from 'msw/browser';
import { generateDemo } from '@domain/demo/generate';
import { todayIso } from '@domain/rules/periods';
import { createHandlers } from './handlers';
import { createMockStore } from './store';

// In the browser the demo is anchored on the real date, so the trial always looks "current".
const today = todayIso();

export const mockStore = createMockStore(generateDemo({ today }), { today });

/** Set VITE_MOCK_LATENCY_MS to see loading states; 0 by default. */
const latencyMs = Number(import.meta.env.VITE_MOCK_LATENCY_MS ?? 0) || 0;

export const worker = setupWorker(...createHandlers(mockStore, { latencyMs }));
