import { z } from 'zod';
import { emailText, Id, IsoDate, Period, text, Timestamp, Version } from './common';

export const ReportingPeriod = z.strictObject({
  id: Id,
  programmeId: Id,
  period: Period,
  status: z.enum(['open', 'locked']),
  deadline: IsoDate,
  openedAt: Timestamp,
  lockedAt: Timestamp.nullable(),
  /** The last reopening and its reason; every earlier one stays in the audit trail. */
  reopenedAt: Timestamp.nullable(),
  reopenReason: text().max(2000).nullable(),
  /** The manager's words for the steering committee, editable until the period is locked. */
  commentary: text().max(10_000),
  version: Version,
});
export type ReportingPeriod = z.infer<typeof ReportingPeriod>;

/** Every change the server records; each has a sentence in both languages (audit.sentence). */
export const AuditAction = z.enum([
  'programme.update',
  'consortium.update',
  'milestone.update',
  'milestone.transition',
  'milestone.comment',
  'milestone.create',
  'milestone.delete',
  'milestonePlan.apply',
  'milestonePlan.approve',
  'milestoneTemplate.update',
  'evidence.add',
  'evidence.delete',
  'kpi.create',
  'kpi.update',
  'consortiumKpi.update',
  'kpiValue.upsert',
  'user.create',
  'user.invite',
  'user.accept',
  'user.disable',
  'user.enable',
  'user.passwordReset',
  'user.passwordChange',
  'period.open',
  'period.update',
  'period.lock',
  'period.reopen',
  'period.archiveRetry',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** What an entry is about; evidence is filed under its milestone. */
export const AuditEntityType = z.enum([
  'programme',
  'consortium',
  'milestone',
  'milestonePlan',
  'milestoneTemplate',
  'kpi',
  'consortiumKpi',
  'kpiValue',
  'user',
  'invitation',
  'period',
]);
export type AuditEntityType = z.infer<typeof AuditEntityType>;

/**
 * What a reader who may not see small counts finds in an audit entry instead of a count below the
 * programme's threshold: it reads "< threshold", like a suppressed cell, and bounds nothing more.
 */
export const HiddenCount = z.strictObject({
  hidden: z.literal('belowThreshold'),
  threshold: z.number().int().positive(),
});
export type HiddenCount = z.infer<typeof HiddenCount>;

export const AuditEntry = z.strictObject({
  id: Id,
  at: Timestamp,
  actorId: Id.nullable(),
  actorName: text().max(200),
  role: text().max(40).nullable(),
  action: AuditAction,
  entityType: AuditEntityType,
  entityId: Id,
  consortiumId: Id.nullable(),
  before: z.record(text(), z.unknown()).nullable(),
  after: z.record(text(), z.unknown()).nullable(),
  requestId: text().max(80),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const Role = z.enum(['manager', 'lead', 'member', 'observer']);
export type Role = z.infer<typeof Role>;

export const Membership = z.strictObject({
  role: Role,
  programmeId: Id,
  consortiumId: Id.nullable(),
});
export type Membership = z.infer<typeof Membership>;

export const User = z.strictObject({
  id: Id,
  email: emailText(),
  name: text().min(1).max(200),
  locale: z.enum(['fr', 'en']),
  disabled: z.boolean(),
  memberships: z.array(Membership),
});
export type User = z.infer<typeof User>;
