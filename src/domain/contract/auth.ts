import { z } from 'zod';
import { emailText, Id, IsoDate, Locale, text, Timestamp, Version } from './common';
import { AuditAction, AuditEntityType, AuditEntry, Membership, Role } from './reporting';

/** Long enough for passphrases; bounded so hashing cannot be used to exhaust the server. */
export const Password = text().min(8, 'at least 8 characters').max(128, 'at most 128 characters');

export const Email = text().trim().toLowerCase().max(254).pipe(emailText());

export const LoginRequest = z.strictObject({
  email: text().trim().toLowerCase().max(254),
  password: text().max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Me = z.strictObject({
  id: Id,
  email: emailText(),
  name: text(),
  locale: Locale,
  memberships: z.array(Membership),
  homePath: text(),
});
export type Me = z.infer<typeof Me>;

export const InvitationRequest = z
  .strictObject({
    email: Email,
    role: Role,
    programmeId: Id,
    consortiumId: Id.nullable(),
  })
  .refine((r) => (r.role === 'lead' || r.role === 'member') === (r.consortiumId !== null), {
    message: 'leads and members belong to a consortium; managers and observers to the programme',
    path: ['consortiumId'],
  });
export type InvitationRequest = z.infer<typeof InvitationRequest>;

export const AccountLinkKind = z.enum(['invitation', 'password_reset']);
export type AccountLinkKind = z.infer<typeof AccountLinkKind>;

/** A single-use link: shown once to the manager who asked for it, and mailed when SMTP is set. */
export const AccountLink = z.strictObject({
  email: emailText(),
  kind: AccountLinkKind,
  /** Null when the link went by e-mail to its owner only (see hasAuthorityOverAccount). */
  link: text().nullable(),
  expiresAt: Timestamp,
  emailed: z.boolean(),
});
export type AccountLink = z.infer<typeof AccountLink>;

export const AcceptRequest = z.strictObject({
  token: text().regex(/^[A-Za-z0-9_-]{43}$/, 'invalid link'),
  name: text().trim().min(1).max(200).optional(),
  password: Password,
});
export type AcceptRequest = z.infer<typeof AcceptRequest>;

export const TokenInfo = z.strictObject({
  kind: AccountLinkKind,
  email: emailText(),
  needsName: z.boolean(),
});
export type TokenInfo = z.infer<typeof TokenInfo>;

export const UserSummary = z.strictObject({
  id: Id,
  email: emailText(),
  name: text(),
  disabled: z.boolean(),
  memberships: z.array(Membership),
  /** The caller manages every programme of this account: they may disable it and see its reset links. */
  accountWide: z.boolean(),
  lastSignInAt: Timestamp.nullable(),
  version: Version,
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserPatch = z.strictObject({ disabled: z.boolean() });
export type UserPatch = z.infer<typeof UserPatch>;

export const AuditQuery = z.strictObject({
  entityType: AuditEntityType.optional(),
  entityId: Id.optional(),
  consortiumId: Id.optional(),
  actorId: Id.optional(),
  action: AuditAction.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.strictObject({
  items: z.array(AuditEntry),
  /** Pass as `before` to read older entries; null at the end. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;
