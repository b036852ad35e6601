import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:postgres`: the suites that need a real PostgreSQL. Refusing to run without one
// beats a green run that tested nothing.
if (!process.env.DATABASE_URL) {
  throw new Error(
    'DATABASE_URL is not set. Point it at an empty PostgreSQL database, e.g. ' +
      'DATABASE_URL=postgres://jalon:jalon@127.0.0.1:5432/jalon_test npm run test:postgres',
  );
}

const dir = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@': dir('../src'),
      '@domain': dir('../src/domain'),
      '@mocks': dir('../mocks'),
      '@server': dir('../server'),
      '@tests': dir('.'),
    },
  },
  test: {
    name: 'postgres',
    environment: 'node',
    root: dir('..'),
    include: ['tests/contract/postgres.test.pg.ts', 'tests/server/**/*.test.pg.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
