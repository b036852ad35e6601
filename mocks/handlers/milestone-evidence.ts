import type { HttpHandler } from 'msw';
import type { Evidence } from '@domain/contract/milestone';
import type { Dataset } from '@domain/demo/dataset';
import { demoFileContent } from '@domain/demo/evidence-files';
import { notFound } from '@domain/problems';
import {
  checkCovers,
  checkEvidenceWritable,
  downloadHeaders,
  evidenceAudit,
  evidenceEvent,
  fileEvidence,
  linkEvidence,
} from '@domain/rules/milestone-evidence';
import { defineRoute, findOr404, type HandlerContext, type RawFile } from '../http';
import { replaceRow } from '../store';

/**
 * Uploaded bytes, kept in memory beside the store's rows. Keyed by the dataset object, which a
 * reset replaces, so a reset drops the files with the rows.
 */
const filesByDataset = new WeakMap<Dataset, Map<string, Uint8Array<ArrayBuffer>>>();
function filesOf(data: Dataset): Map<string, Uint8Array<ArrayBuffer>> {
  let files = filesByDataset.get(data);
  if (!files) {
    files = new Map();
    filesByDataset.set(data, files);
  }
  return files;
}

export function evidenceHandlers(ctx: HandlerContext): HttpHandler[] {
  const data = () => ctx.store.data;
  const find = (milestoneId: string) => {
    const milestone = findOr404(data().milestones, milestoneId, 'Milestone');
    const consortium = findOr404(data().consortia, milestone.consortiumId, 'Consortium');
    return { milestone, consortium };
  };
  /** Stores a new piece of evidence, recounts the milestone's and audits it under the milestone. */
  const add = (milestoneId: string, evidence: Evidence) => {
    const { milestone, consortium } = find(milestoneId);
    const d = data();
    d.evidence.push(evidence);
    d.milestoneEvents.push(evidenceEvent(evidence, () => crypto.randomUUID()));
    replaceRow(d.milestones, { ...milestone, evidenceCount: milestone.evidenceCount + 1 });
    ctx.store.audit({
      action: 'evidence.add',
      entityType: 'milestone',
      entityId: milestone.id,
      programmeId: consortium.programmeId,
      consortiumId: consortium.id,
      before: null,
      after: evidenceAudit(evidence),
    });
    return evidence;
  };
  return [
    defineRoute(ctx, 'listEvidence', ({ params }) => {
      const { milestone } = find(params.milestoneId);
      const items = data()
        .evidence.filter((e) => e.milestoneId === milestone.id)
        .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.id.localeCompare(b.id));
      return { items };
    }),
    defineRoute(ctx, 'addEvidenceLink', ({ params, body }) => {
      const { milestone } = find(params.milestoneId);
      checkEvidenceWritable(milestone);
      checkCovers(milestone, body.covers);
      return add(milestone.id, linkEvidence(milestone.id, body, ctx.store.mutationContext()));
    }),
    defineRoute(ctx, 'uploadEvidence', ({ params, query, raw }) => {
      const { milestone } = find(params.milestoneId);
      checkEvidenceWritable(milestone);
      const covers = query.covers ?? null;
      checkCovers(milestone, covers);
      if (!raw) throw new Error('uploadEvidence is a rawBody route');
      const evidence = fileEvidence(
        milestone.id,
        { name: query.name, covers, mediaType: raw.mediaType, sizeBytes: raw.bytes.byteLength },
        ctx.store.mutationContext(),
      );
      filesOf(data()).set(evidence.id, raw.bytes);
      return add(milestone.id, evidence);
    }),
    defineRoute(ctx, 'downloadEvidence', ({ params }): RawFile => {
      const { milestone } = find(params.milestoneId);
      const evidence = data().evidence.find(
        (e) => e.id === params.evidenceId && e.milestoneId === milestone.id,
      );
      if (!evidence || evidence.kind !== 'file') throw notFound('Evidence file');
      // Seeded files are rebuilt from their row, as the server stored them at seeding.
      const bytes = filesOf(data()).get(evidence.id) ?? demoFileContent(evidence);
      return { bytes, headers: downloadHeaders(evidence) };
    }),
    defineRoute(ctx, 'deleteEvidence', ({ params }) => {
      const { milestone, consortium } = find(params.milestoneId);
      const d = data();
      const evidence = d.evidence.find(
        (e) => e.id === params.evidenceId && e.milestoneId === milestone.id,
      );
      if (!evidence) throw notFound('Evidence');
      checkEvidenceWritable(milestone);
      d.evidence = d.evidence.filter((e) => e.id !== evidence.id);
      filesOf(d).delete(evidence.id);
      replaceRow(d.milestones, { ...milestone, evidenceCount: milestone.evidenceCount - 1 });
      ctx.store.audit({
        action: 'evidence.delete',
        entityType: 'milestone',
        entityId: milestone.id,
        programmeId: consortium.programmeId,
        consortiumId: consortium.id,
        before: evidenceAudit(evidence),
        after: null,
      });
      return { ok: true as const };
    }),
  ];
}
