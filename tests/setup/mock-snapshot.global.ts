import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDemoSnapshot } from '@mocks/node-database';
import { argon2Hasher } from '@server/node/argon2';
import { DEMO_TODAY } from '@tests/contract/target';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seeded demo as a PGlite data directory, which every test file's mock API loads. */
    mockSnapshotPath: string;
  }
}

/** Built once per run: a fresh PGlite with migrations and the demo costs seconds, loading it one. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-mocks-'));
  const path = join(dir, 'demo.tar');
  writeFileSync(path, await buildDemoSnapshot(DEMO_TODAY, argon2Hasher));
  project.provide('mockSnapshotPath', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
