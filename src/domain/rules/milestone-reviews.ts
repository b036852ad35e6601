import type { IsoDate } from '../contract/common';
import type { Consortium } from '../contract/consortium';
import type { Evidence, Milestone, MilestoneEvent, ReviewItem } from '../contract/milestone';
import { coveredExpectedItems } from './milestone-submission';
import { daysBetween } from './periods';

export interface ReviewSource {
  /** Milestones of the consortia the reader reviews; only submitted ones are queued. */
  milestones: readonly Milestone[];
  consortia: readonly Pick<Consortium, 'id' | 'code' | 'name'>[];
  /** Their transition events, in any order. */
  events: readonly Pick<MilestoneEvent, 'milestoneId' | 'action' | 'actorName' | 'at' | 'id'>[];
  /** The evidence of those milestones, in any order. */
  evidence: readonly Pick<Evidence, 'milestoneId' | 'covers'>[];
  today: IsoDate;
}

/**
 * The review queue: every submitted milestone, oldest submission first, with who submitted it
 * and how many days it has waited since its last submission.
 */
export function buildReviewQueue(src: ReviewSource): ReviewItem[] {
  const consortia = new Map(src.consortia.map((c) => [c.id, c]));
  const lastSubmit = new Map<string, ReviewSource['events'][number]>();
  for (const e of src.events) {
    if (e.action !== 'submit') continue;
    const seen = lastSubmit.get(e.milestoneId);
    if (!seen || e.at > seen.at || (e.at === seen.at && e.id > seen.id)) {
      lastSubmit.set(e.milestoneId, e);
    }
  }
  const evidenceOf = new Map<string, Pick<Evidence, 'covers'>[]>();
  for (const e of src.evidence)
    evidenceOf.set(e.milestoneId, [...(evidenceOf.get(e.milestoneId) ?? []), e]);
  const items: ReviewItem[] = [];
  for (const m of src.milestones) {
    const consortium = consortia.get(m.consortiumId);
    if (m.status !== 'submitted' || !consortium) continue;
    const submit = lastSubmit.get(m.id);
    // A submitted milestone always has its submit event; the update time stands in otherwise.
    const submittedAt = submit?.at ?? m.updatedAt;
    items.push({
      milestone: m,
      consortium: { id: consortium.id, code: consortium.code, name: consortium.name },
      submittedAt,
      submittedBy: submit?.actorName ?? '',
      waitingDays: Math.max(0, daysBetween(submittedAt.slice(0, 10), src.today)),
      evidenceCovered: coveredExpectedItems(m, evidenceOf.get(m.id) ?? []).length,
    });
  }
  return items.sort(
    (a, b) =>
      a.submittedAt.localeCompare(b.submittedAt) || a.milestone.id.localeCompare(b.milestone.id),
  );
}
