import type { Kysely, Transaction } from 'kysely';
import type { Consortium, Evidence } from '../../src/domain/contract';
import { notFound } from '../../src/domain/problems';
import {
  checkCovers,
  checkEvidenceWritable,
  downloadHeaders,
  evidenceAudit,
  evidenceEvent,
  fileEvidence,
  linkEvidence,
} from '../../src/domain/rules';
import { writeAudit } from '../audit';
import type { RequestContext } from '../context';
import { mutationContext } from '../context';
import { transaction } from '../db/guard';
import { consortiumOr404, milestoneOr404 } from '../db/queries';
import { toEvidence } from '../db/rows';
import type { DB } from '../db/schema';
import { evidenceOf } from './milestone-store';
import type { Handlers, RawFile } from './types';

/** The milestone (open for evidence) and its consortium, read inside the write's transaction. */
async function openMilestone(tx: Transaction<DB>, milestoneId: string) {
  const milestone = await milestoneOr404(tx, milestoneId);
  checkEvidenceWritable(milestone);
  return { milestone, consortium: await consortiumOr404(tx, milestone.consortiumId) };
}

/** Stores a new piece of evidence with its event in the thread and its audit entry. */
async function addEvidence(
  tx: Transaction<DB>,
  ctx: RequestContext,
  consortium: Pick<Consortium, 'id' | 'programmeId'>,
  evidence: Evidence,
  content: Uint8Array | null,
): Promise<Evidence> {
  await tx.insertInto('evidence').values(evidence).execute();
  if (content) {
    await tx.insertInto('evidenceFiles').values({ evidenceId: evidence.id, content }).execute();
  }
  await tx
    .insertInto('milestoneEvents')
    .values(evidenceEvent(evidence, mutationContext(ctx).newId))
    .execute();
  // Filed under the milestone, so that its history shows the evidence coming and going.
  await writeAudit(tx, ctx, {
    action: 'evidence.add',
    entityType: 'milestone',
    entityId: evidence.milestoneId,
    programmeId: consortium.programmeId,
    consortiumId: consortium.id,
    before: null,
    after: evidenceAudit(evidence),
  });
  return evidence;
}

async function evidenceOr404(
  db: Kysely<DB>,
  ids: { milestoneId: string; evidenceId: string },
): Promise<Evidence> {
  const row = await db
    .selectFrom('evidence')
    .selectAll()
    .where('id', '=', ids.evidenceId)
    .where('milestoneId', '=', ids.milestoneId)
    .executeTakeFirst();
  if (!row) throw notFound('Evidence');
  return toEvidence(row);
}

export const evidenceHandlers: Pick<
  Handlers,
  'listEvidence' | 'addEvidenceLink' | 'uploadEvidence' | 'downloadEvidence' | 'deleteEvidence'
> = {
  async listEvidence({ params, ctx }) {
    await milestoneOr404(ctx.db, params.milestoneId);
    return { items: await evidenceOf(ctx.db, params.milestoneId) };
  },

  async addEvidenceLink({ params, body, ctx }) {
    return transaction(ctx.db, async (tx) => {
      const { milestone, consortium } = await openMilestone(tx, params.milestoneId);
      checkCovers(milestone, body.covers);
      const evidence = linkEvidence(milestone.id, body, mutationContext(ctx));
      return addEvidence(tx, ctx, consortium, evidence, null);
    });
  },

  async uploadEvidence({ params, query, raw, ctx }) {
    if (!raw) throw new Error('uploadEvidence is a rawBody route');
    return transaction(ctx.db, async (tx) => {
      const { milestone, consortium } = await openMilestone(tx, params.milestoneId);
      const covers = query.covers ?? null;
      checkCovers(milestone, covers);
      const evidence = fileEvidence(
        milestone.id,
        { name: query.name, covers, mediaType: raw.mediaType, sizeBytes: raw.bytes.byteLength },
        mutationContext(ctx),
      );
      return addEvidence(tx, ctx, consortium, evidence, raw.bytes);
    });
  },

  async downloadEvidence({ params, ctx }): Promise<RawFile> {
    const evidence = await evidenceOr404(ctx.db, params);
    const file = await ctx.db
      .selectFrom('evidenceFiles')
      .select('content')
      .where('evidenceId', '=', evidence.id)
      .executeTakeFirst();
    // Links have no content.
    if (!file) throw notFound('Evidence file');
    // Copied into a plain Uint8Array: drivers hand back a Buffer over a shared pool.
    return { bytes: new Uint8Array(file.content), headers: downloadHeaders(evidence) };
  },

  async deleteEvidence({ params, ctx }) {
    return transaction(ctx.db, async (tx) => {
      const milestone = await milestoneOr404(tx, params.milestoneId);
      const evidence = await evidenceOr404(tx, params);
      checkEvidenceWritable(milestone);
      const consortium = await consortiumOr404(tx, milestone.consortiumId);
      // Its bytes go with it (ON DELETE CASCADE).
      await tx.deleteFrom('evidence').where('id', '=', evidence.id).execute();
      await writeAudit(tx, ctx, {
        action: 'evidence.delete',
        entityType: 'milestone',
        entityId: evidence.milestoneId,
        programmeId: consortium.programmeId,
        consortiumId: consortium.id,
        before: evidenceAudit(evidence),
        after: null,
      });
      return { ok: true as const };
    });
  },
};
