/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const alias = {
  '@': fileURLToPath(new URL('./src', import.meta.url)),
  '@domain': fileURLToPath(new URL('./src/domain', import.meta.url)),
  '@mocks': fileURLToPath(new URL('./mocks', import.meta.url)),
  '@server': fileURLToPath(new URL('./server', import.meta.url)),
  '@tests': fileURLToPath(new URL('./tests', import.meta.url)),
};

const apiTarget = process.env.JALON_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig(({ command, mode }) => ({
  plugins: [react()],
  resolve: { alias },
  // The MSW worker script lives outside the production public dir so it can never ship.
  publicDir: command === 'serve' && mode !== 'api' ? 'mocks/public' : false,
  define:
    command === 'serve' && mode !== 'api' ? { 'import.meta.env.VITE_API_MOCKS': '"true"' } : {},
  // PGlite loads its WASM and data files next to its module, which pre-bundling would break.
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  server: {
    host: '127.0.0.1',
    proxy: mode === 'api' ? { '/api': { target: apiTarget, changeOrigin: false } } : undefined,
  },
  build: {
    target: 'es2022',
    // Written for debugging a build, never referenced by the bundles nor served (server/node/static.ts).
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 600,
  },
  test: {
    globalSetup: ['tests/setup/mock-snapshot.global.ts'],
    // Vitest leaves one core to itself by default, which on a 2-core machine runs every file in
    // turn; the main process is mostly idle, so both cores run test files (5 min 54 s → 4 min 38 s).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/domain/**/*.test.ts',
            'server/**/*.test.ts',
            'tests/{unit,contract,server}/**/*.test.ts',
          ],
          setupFiles: [],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'tests/component/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/dom.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
}));
