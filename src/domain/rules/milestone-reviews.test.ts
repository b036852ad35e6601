import { describe, expect, it } from 'vitest';
import { ReviewItem, type Milestone } from '../contract/milestone';
import { buildReviewQueue } from './milestone-reviews';

const milestone = (id: string, consortiumId: string, status: Milestone['status']): Milestone => ({
  id,
  consortiumId,
  phase: 'build',
  code: id.toUpperCase(),
  title: { fr: id, en: id },
  description: '',
  status,
  baselineDate: '2026-03-31',
  forecastDate: '2026-03-31',
  actualDate: null,
  progress: 80,
  startDate: '2026-01-01',
  evidenceExpected: [],
  requiresKpiValues: false,
  evidenceCount: 0,
  version: 3,
  updatedAt: '2026-03-20T10:00:00.000Z',
});
const submit = (id: string, milestoneId: string, at: string, actorName = 'Thomas Leroy') => ({
  id,
  milestoneId,
  action: 'submit' as const,
  actorName,
  at,
});

describe('buildReviewQueue', () => {
  const consortia = [
    { id: 'a', code: 'A', name: 'Coord@Dom' },
    { id: 'b', code: 'B', name: 'Sortie+' },
  ];

  it('queues submitted milestones, oldest last submission first, with the waiting time', () => {
    const queue = buildReviewQueue({
      milestones: [
        milestone('m1', 'a', 'submitted'),
        milestone('m2', 'b', 'submitted'),
        milestone('m3', 'a', 'in_progress'),
        milestone('m4', 'a', 'approved'),
      ],
      consortia,
      events: [
        // m1 was sent back once and resubmitted: it waits since its last submission.
        submit('e1', 'm1', '2026-03-01T09:00:00.000Z'),
        {
          id: 'e2',
          milestoneId: 'm1',
          action: 'request_changes',
          actorName: 'Claire Martin',
          at: '2026-03-03T09:00:00.000Z',
        },
        submit('e3', 'm1', '2026-03-10T09:00:00.000Z', 'Julie Moreau'),
        submit('e4', 'm2', '2026-03-05T16:00:00.000Z', 'Karim Haddad'),
        submit('e5', 'm3', '2026-02-01T09:00:00.000Z'),
      ],
      evidence: [],
      today: '2026-03-15',
    });
    expect(queue.map((r) => [r.milestone.id, r.submittedBy, r.waitingDays])).toEqual([
      ['m2', 'Karim Haddad', 10],
      ['m1', 'Julie Moreau', 5],
    ]);
    expect(queue[0]?.consortium).toEqual({ id: 'b', code: 'B', name: 'Sortie+' });
    for (const item of queue) expect(() => ReviewItem.parse(item)).not.toThrow();
  });

  it('leaves out milestones of consortia the reader does not review, and never waits < 0 days', () => {
    const queue = buildReviewQueue({
      milestones: [milestone('m1', 'a', 'submitted'), milestone('m9', 'z', 'submitted')],
      consortia,
      events: [submit('e1', 'm1', '2026-04-01T09:00:00.000Z')],
      evidence: [],
      today: '2026-03-15',
    });
    expect(queue.map((r) => [r.milestone.id, r.waitingDays])).toEqual([['m1', 0]]);
  });

  it('counts the expected items some evidence covers, not every piece filed', () => {
    const expecting = {
      ...milestone('m1', 'a', 'submitted'),
      evidenceExpected: ['Rapport final', 'Compte rendu du comité'],
    };
    const queue = buildReviewQueue({
      milestones: [expecting],
      consortia,
      events: [submit('e1', 'm1', '2026-03-01T09:00:00.000Z')],
      evidence: [
        { milestoneId: 'm1', covers: 'Compte rendu du comité' },
        { milestoneId: 'm1', covers: 'Compte rendu du comité' },
        { milestoneId: 'm1', covers: null },
        { milestoneId: 'm2', covers: 'Rapport final' },
      ],
      today: '2026-03-15',
    });
    expect(queue[0]?.evidenceCovered).toBe(1);
  });
});
