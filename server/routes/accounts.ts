import type { Kysely, Transaction } from 'kysely';
import type { AcceptRequest, AccountLink, Locale, Role } from '../../src/domain/contract';
import { Problem } from '../../src/domain/problems';
import { writeAudit } from '../audit';
import { passwordProblem } from '../auth/passwords';
import { endUserSessions } from '../auth/sessions';
import { newToken, sha256 } from '../auth/tokens';
import type { RequestContext } from '../context';
import { transaction } from '../db/guard';
import type { DB } from '../db/schema';
import { renderMail, type MailTemplate } from '../mail/render';

export const LINK_LIFETIME_MS = 7 * 24 * 3_600_000;

const fieldProblem = (status: 400 | 422, field: string, code: string, message: string) =>
  new Problem(status, status === 400 ? 'validation_failed' : 'rule_violated', message, {
    issues: [{ field, code, message }],
  });

export async function usableToken(db: Kysely<DB>, token: string, now: string) {
  return db
    .selectFrom('accountTokens')
    .selectAll()
    .where('tokenSha256', '=', await sha256(token))
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', new Date(now))
    .executeTakeFirst();
}

interface LinkTarget {
  email: string;
  programmeId: string;
  consortiumId: string | null;
  userId: string | null;
}

/** An invitation always grants a role; a reset never does. */
export type LinkSpec =
  | (LinkTarget & { kind: 'invitation'; role: Role })
  | (LinkTarget & { kind: 'password_reset'; role: null });

/** A link just issued: the URL is always there, whoever may be shown it afterwards. */
export type IssuedLink = Omit<AccountLink, 'emailed' | 'link'> & { link: string };

/** Stores a single-use link (its hash only) in the caller's transaction; the token is returned once. */
export async function issueLink(
  tx: Transaction<DB>,
  ctx: RequestContext,
  spec: LinkSpec,
): Promise<{ id: string; token: string; link: IssuedLink }> {
  const token = newToken();
  const id = crypto.randomUUID();
  const expiresAt = new Date(Date.parse(ctx.clock.now()) + LINK_LIFETIME_MS).toISOString();
  await tx
    .insertInto('accountTokens')
    .values({
      tokenSha256: await sha256(token),
      id,
      ...spec,
      createdBy: ctx.actor.id ?? '',
      createdAt: ctx.clock.now(),
      expiresAt,
    })
    .execute();
  const link = `${ctx.linkOrigin}/accept/${token}`;
  return { id, token, link: { email: spec.email, kind: spec.kind, link, expiresAt } };
}

/**
 * The language of a mail: the account's own when the address has one. A new address gets French,
 * the programme's language and the one its account starts in (acceptToken), rather than the
 * inviter's, which says nothing about what the invitee reads.
 */
async function localeOf(db: Kysely<DB>, email: string): Promise<Locale> {
  const user = await db
    .selectFrom('users')
    .select('locale')
    .where('email', '=', email)
    .executeTakeFirst();
  return user?.locale ?? 'fr';
}

async function linkTemplate(
  ctx: RequestContext,
  link: IssuedLink,
  spec: LinkSpec,
): Promise<MailTemplate> {
  const programme = await ctx.db
    .selectFrom('programmes')
    .select('name')
    .where('id', '=', spec.programmeId)
    .executeTakeFirstOrThrow();
  const common = { programme: programme.name, link: link.link, expiresAt: link.expiresAt };
  if (spec.kind === 'password_reset') return { kind: 'password_reset', ...common };
  const consortium = spec.consortiumId
    ? await ctx.db
        .selectFrom('consortia')
        .select('name')
        .where('id', '=', spec.consortiumId)
        .executeTakeFirstOrThrow()
    : null;
  return {
    kind: 'invitation',
    ...common,
    inviter: ctx.actor.name,
    role: spec.role,
    consortium: consortium?.name ?? null,
  };
}

/**
 * Mails the link, in its recipient's language, when a mailer is configured. A mail that fails or
 * times out leaves the request answering as usual: `emailed: false` tells the manager to pass the
 * link on themselves.
 */
export async function mailLink(
  ctx: RequestContext,
  link: IssuedLink,
  spec: LinkSpec,
): Promise<boolean> {
  if (!ctx.mailer) return false;
  try {
    const template = await linkTemplate(ctx, link, spec);
    const locale = await localeOf(ctx.db, spec.email);
    await ctx.mailer.send({ to: link.email, ...renderMail(template, locale) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Uses a link: an invitation creates the account (or adds the membership to an existing one, whose
 * owner proves it with their current password), a reset sets the password and ends every session.
 * Returns the user to sign in, or null when the link is not usable.
 */
export async function acceptToken(
  ctx: RequestContext,
  body: AcceptRequest,
): Promise<string | null> {
  const now = ctx.clock.now();
  const found = await usableToken(ctx.db, body.token, now);
  if (!found) return null;
  const existing = await ctx.db
    .selectFrom('users')
    .select(['id', 'name', 'passwordHash', 'disabled'])
    .where('email', '=', found.email)
    .executeTakeFirst();
  if (existing?.disabled || (found.kind === 'password_reset' && !existing)) return null;
  // Hashing happens before the transaction, never inside it (pitfall §3.1).
  let hash: string | null = null;
  if (found.kind === 'invitation' && existing) {
    // Whoever holds an invitation link (the manager saw it too) must not take over an account.
    if (!(await ctx.passwords.verify(existing.passwordHash, body.password)).ok) {
      throw fieldProblem(422, 'password', 'wrong_password', 'Enter the password of your account');
    }
  } else {
    const weak = passwordProblem(body.password);
    if (weak) throw weak;
    if (found.kind === 'invitation' && !body.name) {
      throw fieldProblem(400, 'name', 'too_small', 'Your name is required');
    }
    hash = await ctx.passwords.hash(body.password);
  }
  return transaction(ctx.db, async (tx) => {
    // The conditional update is what makes a link single-use, even under concurrent accepts.
    const claimed = await tx
      .updateTable('accountTokens')
      .set({ usedAt: now })
      .where('tokenSha256', '=', found.tokenSha256)
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) return null;
    const userId = existing?.id ?? crypto.randomUUID();
    const actor = { id: userId, name: existing?.name ?? body.name ?? found.email };
    const base = {
      entityType: 'user' as const,
      entityId: userId,
      programmeId: found.programmeId,
      consortiumId: found.consortiumId,
      actor,
    };
    if (found.kind === 'password_reset') {
      await tx
        .updateTable('users')
        .set({ passwordHash: hash, version: (eb) => eb('version', '+', 1) })
        .where('id', '=', userId)
        .execute();
      await endUserSessions(tx, userId);
      await writeAudit(tx, ctx, {
        ...base,
        action: 'user.passwordChange',
        role: null,
        before: null,
        after: null,
      });
      return userId;
    }
    if (!existing) {
      await tx
        .insertInto('users')
        .values({
          id: userId,
          email: found.email,
          name: actor.name,
          locale: 'fr',
          disabled: false,
          version: 1,
          passwordHash: hash,
        })
        .execute();
    }
    const role = found.role as Role;
    const memberships = await tx
      .selectFrom('memberships')
      .selectAll()
      .where('userId', '=', userId)
      .execute();
    const already = memberships.some(
      (m) =>
        m.role === role &&
        m.programmeId === found.programmeId &&
        m.consortiumId === found.consortiumId,
    );
    if (!already) {
      const position = Math.max(-1, ...memberships.map((m) => m.position)) + 1;
      await tx
        .insertInto('memberships')
        .values({
          userId,
          position,
          role,
          programmeId: found.programmeId,
          consortiumId: found.consortiumId,
        })
        .execute();
    }
    await writeAudit(tx, ctx, {
      ...base,
      action: 'user.accept',
      role,
      before: null,
      after: { email: found.email, role, consortiumId: found.consortiumId, newAccount: !existing },
    });
    return userId;
  });
}
