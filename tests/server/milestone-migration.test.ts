import { Migrator, sql } from 'kysely';
import { expect, it } from 'vitest';
import { MilestoneTemplateInput } from '@domain/contract/milestone';
import { migrationProvider } from '@server/db/migrations';
import defaultTemplate from '@server/db/migrations/003-default-template.json';
import { openDatabase } from '@server/node/database';

/*
 * Migration 003 on a database that already holds milestones: each programme gets the default
 * template, and each consortium a plan that says what its milestones are (approved when every
 * one has a baseline, else a draft).
 */
it('backfills templates and plans on an existing database', async () => {
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    const migrator = new Migrator({ db: database.db, provider: migrationProvider });
    expect((await migrator.migrateTo('002-accounts-and-audit')).error).toBeUndefined();
    const consortium = (id: string) =>
      `INSERT INTO consortia VALUES ('${id}', 'p1', '${id}', '${id}', '', '', '',
        '2025-01-01', '2026-12-31', 0, 'active', '[]', 1, now())`;
    const milestone = (id: string, consortiumId: string, baseline: string) =>
      `INSERT INTO milestones VALUES ('${id}', '${consortiumId}', 'build', 'J6',
        '{"fr":"Recette","en":"Acceptance"}', '', 'planned', ${baseline}, '2025-03-31', NULL, 0,
        '2025-01-01', '[]', false, 1, now())`;
    for (const statement of [
      `INSERT INTO programmes VALUES ('p1', 'P', 'F', '', '2025-01-01', '2026-12-31', 10, 30, 1, now())`,
      consortium('c1'),
      consortium('c2'),
      consortium('c3'),
      milestone('m1', 'c1', `'2025-03-31'`),
      milestone('m2', 'c2', 'NULL'),
    ])
      await sql.raw(statement).execute(database.db);

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const templates = await database.db.selectFrom('milestoneTemplates').selectAll().execute();
    expect(templates.map((t) => [t.programmeId, t.items.length, t.version])).toEqual([
      ['p1', 12, 1],
    ]);
    const plans = await database.db
      .selectFrom('milestonePlans')
      .select(['consortiumId', 'status'])
      .orderBy('consortiumId')
      .execute();
    expect(plans).toEqual([
      { consortiumId: 'c1', status: 'approved' },
      { consortiumId: 'c2', status: 'draft' },
    ]);
    const evidence = await database.db.selectFrom('evidence').select('covers').execute();
    expect(evidence).toEqual([]);
  } finally {
    await database.close();
  }
});

it('writes a default template that the contract accepts', () => {
  expect(MilestoneTemplateInput.safeParse({ items: defaultTemplate }).success).toBe(true);
});
