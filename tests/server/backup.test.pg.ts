import { expect, it } from 'vitest';
import { dumpSql, restoreSql, tableChecksums } from '@server/db/backup';
import { createTestServer } from '@server/node/testing';

// The upgrade and migration path of ADR 003: a PGlite dump restores into PostgreSQL and back,
// with every table's checksum unchanged.
it('moves the data between PGlite and PostgreSQL through a SQL dump', async () => {
  const pglite = await createTestServer({ database: 'pglite' });
  const postgres = await createTestServer({ database: 'postgres' });
  try {
    await pglite.signIn();
    const read = await pglite.request('GET', '/api/v1/consortia/coord-dom');
    const patched = await pglite.request('PATCH', '/api/v1/consortia/coord-dom', {
      body: { description: "Ligne 1\nL'entrepôt \\ « HDS »\t😀" },
      headers: { 'If-Match': read.headers.get('ETag') ?? '' },
    });
    expect(patched.status).toBe(200);
    const expected = await tableChecksums(pglite.database.db);
    await restoreSql(postgres.database.db, await dumpSql(pglite.database.db), { force: true });
    expect(await tableChecksums(postgres.database.db)).toEqual(expected);

    await restoreSql(pglite.database.db, await dumpSql(postgres.database.db), { force: true });
    expect(await tableChecksums(pglite.database.db)).toEqual(expected);
  } finally {
    await pglite.close();
    await postgres.close();
  }
});
