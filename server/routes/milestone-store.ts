import type { Kysely } from 'kysely';
import type {
  Consortium,
  IsoDate,
  Milestone,
  MilestoneTemplate,
  SubmissionGap,
} from '../../src/domain/contract';
import { notFound, preconditionFailed } from '../../src/domain/problems';
import { submissionGaps, type PlanRecord } from '../../src/domain/rules';
import { currentValuesOf, kpisOf, milestoneOr404, settingsOf } from '../db/queries';
import { toEvidence, toMilestoneTemplate, toPlanRecord } from '../db/rows';
import type { DB } from '../db/schema';

/** Reads and writes the milestone handlers share; `db` is the root handle or a transaction. */
type Db = Kysely<DB>;

export async function planOf(db: Db, consortiumId: string): Promise<PlanRecord | null> {
  const row = await db
    .selectFrom('milestonePlans')
    .selectAll()
    .where('consortiumId', '=', consortiumId)
    .executeTakeFirst();
  return row ? toPlanRecord(row) : null;
}

export async function milestoneCountOf(db: Db, consortiumId: string): Promise<number> {
  const row = await db
    .selectFrom('milestones')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('consortiumId', '=', consortiumId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function templateOr404(db: Db, programmeId: string): Promise<MilestoneTemplate> {
  const row = await db
    .selectFrom('milestoneTemplates')
    .selectAll()
    .where('programmeId', '=', programmeId)
    .executeTakeFirst();
  if (!row) throw notFound('Milestone template');
  return toMilestoneTemplate(row);
}

export async function evidenceOf(db: Db, milestoneId: string) {
  const rows = await db
    .selectFrom('evidence')
    .selectAll()
    .where('milestoneId', '=', milestoneId)
    .orderBy('uploadedAt')
    .orderBy('id')
    .execute();
  return rows.map(toEvidence);
}

/** What a submission of this milestone still lacks. */
export async function gapsOf(
  db: Db,
  milestone: Milestone,
  consortium: Consortium,
  today: IsoDate,
): Promise<SubmissionGap[]> {
  return submissionGaps({
    milestone,
    evidence: await evidenceOf(db, milestone.id),
    consortium,
    kpis: await kpisOf(db, consortium.programmeId),
    settings: await settingsOf(db, [consortium.id]),
    values: await currentValuesOf(db, [consortium.id]),
    today,
  });
}

/**
 * Writes the changed lifecycle and plan columns of a milestone if nobody changed it since it was
 * read; otherwise the caller gets 412 with the milestone as it now is.
 */
export async function saveMilestone(tx: Db, before: Milestone, after: Milestone): Promise<void> {
  const { numUpdatedRows } = await tx
    .updateTable('milestones')
    .set({
      status: after.status,
      baselineDate: after.baselineDate,
      forecastDate: after.forecastDate,
      actualDate: after.actualDate,
      progress: after.progress,
      updatedAt: after.updatedAt,
      version: after.version,
    })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) throw preconditionFailed(await milestoneOr404(tx, before.id));
}
