import { z } from 'zod';
import { Id, IsoDate, Period, Timestamp, Version } from './common';

export const ReportingPeriod = z.strictObject({
  id: Id,
  programmeId: Id,
  period: Period,
  status: z.enum(['open', 'locked']),
  deadline: IsoDate,
  lockedAt: Timestamp.nullable(),
  version: Version,
});
export type ReportingPeriod = z.infer<typeof ReportingPeriod>;

export const AuditEntry = z.strictObject({
  id: Id,
  at: Timestamp,
  actorId: Id.nullable(),
  actorName: z.string().max(200),
  role: z.string().max(40).nullable(),
  action: z.string().max(80),
  entityType: z.string().max(40),
  entityId: Id,
  consortiumId: Id.nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().max(80),
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
  email: z.email(),
  name: z.string().min(1).max(200),
  locale: z.enum(['fr', 'en']),
  disabled: z.boolean(),
  memberships: z.array(Membership),
});
export type User = z.infer<typeof User>;
