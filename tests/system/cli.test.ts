import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { argon2Hasher } from '@server/node/argon2';
import { openDatabase } from '@server/node/database';
import { killLeftovers, runJalon } from './process';

const dir = mkdtempSync(join(tmpdir(), 'jalon-cli-'));
afterAll(() => {
  killLeftovers();
  rmSync(dir, { recursive: true, force: true });
});

const PASSWORD = 'Le premier gestionnaire de Jalon';
const args = ['create-admin', '--email', 'Ada@Example.org', '--name', 'Ada L', '--programme'];

describe('create-admin', () => {
  // Five CLI processes, each starting tsx and PGlite: slow on a 2-core machine.
  it(
    'reads the password from stdin, refuses a common one, and creates a manager',
    { timeout: 120_000 },
    async () => {
      const env = { DATA_DIR: dir };
      expect((await runJalon(['seed', '--demo'], env).exited).code).toBe(0);

      const weak = runJalon([...args, 'pascaline'], env, 'motdepasse123\n');
      expect((await weak.exited).code).toBe(1);
      expect(weak.stderr()).toContain('Password refused: This password is too common');

      const nowhere = runJalon([...args, 'no-such-programme'], env, `${PASSWORD}\n`);
      expect((await nowhere.exited).code).toBe(1);
      expect(nowhere.stderr()).toContain('No programme "no-such-programme"; known: pascaline');

      const ok = runJalon([...args, 'pascaline'], env, `${PASSWORD}\n`);
      expect((await ok.exited).code, ok.stderr()).toBe(0);
      expect(ok.stdout()).toContain('Created manager ada@example.org for programme pascaline');
      expect(ok.stdout() + ok.stderr()).not.toContain(PASSWORD);

      const again = runJalon([...args, 'pascaline'], env, `${PASSWORD}\n`);
      expect((await again.exited).code).toBe(1);
      expect(again.stderr()).toContain('already exists');

      const database = await openDatabase({ kind: 'pglite', dataDir: dir });
      try {
        const user = await database.db
          .selectFrom('users as u')
          .innerJoin('memberships as m', 'm.userId', 'u.id')
          .select(['u.passwordHash', 'm.role', 'm.programmeId', 'm.consortiumId'])
          .where('u.email', '=', 'ada@example.org')
          .executeTakeFirstOrThrow();
        expect(user).toMatchObject({
          role: 'manager',
          programmeId: 'pascaline',
          consortiumId: null,
        });
        expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
        expect((await argon2Hasher.verify(user.passwordHash, PASSWORD)).ok).toBe(true);
      } finally {
        await database.close();
      }
    },
  );
});
