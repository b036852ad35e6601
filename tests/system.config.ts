import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vite.config';

const resolved = typeof base === 'function' ? base({ command: 'serve', mode: 'test' }) : base;

// `npm run test:system`: real processes (start-up, signals, kill -9, the CLI, the data-directory
// lock). Slow and sensitive to a loaded machine, so kept out of `npm test`; .ci/run runs it.
export default mergeConfig(
  { resolve: resolved.resolve },
  defineConfig({
    test: {
      name: 'system',
      environment: 'node',
      include: ['tests/system/**/*.test.ts'],
      testTimeout: 300_000,
      hookTimeout: 120_000,
      // Each test runs servers of its own; two at once on two cores only makes both slower.
      fileParallelism: false,
    },
  }),
);
