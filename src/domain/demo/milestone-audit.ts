import type { Consortium } from '../contract/consortium';
import type { MilestoneEvent, Milestone } from '../contract/milestone';
import type { AuditAction, Role, User } from '../contract/reporting';

/** An audit row as the stores insert it: what `writeAudit` writes for a change made through the API. */
export interface SeedAuditRow {
  at: string;
  actorId: string | null;
  actorName: string;
  role: Role | null;
  action: AuditAction;
  entityType: 'milestone';
  entityId: string;
  programmeId: string;
  consortiumId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string;
}

type Change = Pick<SeedAuditRow, 'action' | 'before' | 'after'>;

/** What the API would have audited for each kind of event (progress and evidence have their own rows). */
function changeOf(e: MilestoneEvent): Change | null {
  switch (e.type) {
    case 'transition':
      return {
        action: 'milestone.transition',
        before: { status: e.fromStatus },
        after: { status: e.toStatus, action: e.action, comment: e.comment },
      };
    case 'replan':
      return {
        action: 'milestone.update',
        before: { forecastDate: e.previousDate },
        after: { forecastDate: e.newDate, reason: e.comment },
      };
    case 'comment':
      return { action: 'milestone.comment', before: null, after: { comment: e.comment } };
    case 'progress':
    case 'evidence':
      return null;
  }
}

/**
 * The audit trail of the demo's milestone history. A change made through the API writes its event
 * and its audit row together; the demo's past is generated as events, so without these rows a
 * milestone's thread would tell its slips and approvals while its history said nothing happened.
 * Rows come oldest first, so that the trail's ids follow time as they do in use.
 */
export function milestoneEventsAudit(
  events: readonly MilestoneEvent[],
  milestones: readonly Pick<Milestone, 'id' | 'consortiumId'>[],
  consortia: readonly Pick<Consortium, 'id' | 'programmeId'>[],
  users: readonly Pick<User, 'id' | 'name' | 'memberships'>[],
): SeedAuditRow[] {
  const milestoneById = new Map(milestones.map((m) => [m.id, m]));
  const programmeOf = new Map(consortia.map((c) => [c.id, c.programmeId]));
  const byName = new Map(users.map((u) => [u.name, u]));
  return [...events]
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
    .flatMap((e) => {
      const change = changeOf(e);
      const milestone = milestoneById.get(e.milestoneId);
      const programmeId = milestone && programmeOf.get(milestone.consortiumId);
      if (!change || !milestone || !programmeId) return [];
      const actor = byName.get(e.actorName);
      const membership = actor?.memberships.find(
        (m) => m.consortiumId === milestone.consortiumId || m.consortiumId === null,
      );
      return [
        {
          at: e.at,
          actorId: actor?.id ?? null,
          actorName: e.actorName,
          role: membership?.role ?? null,
          entityType: 'milestone' as const,
          entityId: milestone.id,
          programmeId,
          consortiumId: milestone.consortiumId,
          requestId: `demo-${e.id}`,
          ...change,
        },
      ];
    });
}
