import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import { sha256 } from './tokens';

/** The security_events.kind CHECK lists these same values (see the schema-checks test). */
export const SecurityEventKind = z.enum([
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'access_denied',
  'rate_limited',
  'account_disabled',
  'session_expired',
]);
export type SecurityEventKind = z.infer<typeof SecurityEventKind>;

export interface SecurityEvent {
  kind: SecurityEventKind;
  userId?: string | null;
  /** Hashed before storage: an attempt with a mistyped password as e-mail must not keep it. */
  email?: string | null;
  ip: string;
  route: string;
  status: number;
  requestId: string;
}

/** Append-only like the audit log (ASVS 16.3.1–3): who tried what, from where, and the answer. */
export async function recordSecurityEvent(
  db: Kysely<DB>,
  at: Date,
  e: SecurityEvent,
): Promise<void> {
  await db
    .insertInto('securityEvents')
    .values({
      at: at.toISOString(),
      kind: e.kind,
      userId: e.userId ?? null,
      emailSha256: e.email ? await sha256(e.email) : null,
      ip: e.ip,
      route: e.route,
      status: e.status,
      requestId: e.requestId,
    })
    .execute();
}
