import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vite.config';

const resolved = typeof base === 'function' ? base({ command: 'serve', mode: 'test' }) : base;

export default mergeConfig(
  { resolve: resolved.resolve },
  defineConfig({
    test: {
      name: 'e2e',
      environment: 'node',
      include: ['tests/e2e/**/*.e2e.ts'],
      globalSetup: ['tests/e2e/global-setup.ts'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      fileParallelism: false,
    },
  }),
);
