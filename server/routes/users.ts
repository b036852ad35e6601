import type { Kysely } from 'kysely';
import type { UserSummary } from '../../src/domain/contract';
import { notFound, preconditionFailed, Problem } from '../../src/domain/problems';
import { hasAuthorityOverAccount, type Principal } from '../../src/domain/rules/permissions';
import { writeAudit } from '../audit';
import { endUserSessions } from '../auth/sessions';
import { transaction } from '../db/guard';
import type { DB } from '../db/schema';
import { issueLink, mailLink, type LinkSpec } from './accounts';
import type { Handlers } from './types';

/** A user as seen from one programme: only that programme's memberships are shown. */
async function summaryOf(
  db: Kysely<DB>,
  viewer: Principal | null,
  programmeId: string,
  userId: string,
): Promise<UserSummary> {
  const users = await summaries(db, viewer, programmeId, userId);
  const user = users[0];
  if (!user) throw notFound('User');
  return user;
}

async function summaries(
  db: Kysely<DB>,
  viewer: Principal | null,
  programmeId: string,
  userId?: string,
) {
  let q = db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.userId', 'u.id')
    .select(['u.id', 'u.email', 'u.name', 'u.disabled', 'u.lastSignInAt', 'u.version'])
    .select(['m.role', 'm.consortiumId', 'm.position'])
    .where('m.programmeId', '=', programmeId)
    .orderBy('u.name')
    .orderBy('u.id')
    .orderBy('m.position');
  if (userId !== undefined) q = q.where('u.id', '=', userId);
  const byId = new Map<string, UserSummary>();
  for (const r of await q.execute()) {
    const user = byId.get(r.id) ?? {
      id: r.id,
      email: r.email,
      name: r.name,
      disabled: r.disabled,
      memberships: [],
      accountWide: false,
      lastSignInAt: r.lastSignInAt ? r.lastSignInAt.toISOString() : null,
      version: r.version,
    };
    user.memberships.push({ role: r.role, programmeId, consortiumId: r.consortiumId });
    byId.set(r.id, user);
  }
  const programmesOf = await accountProgrammes(db, [...byId.keys()]);
  for (const user of byId.values()) {
    const memberships = (programmesOf.get(user.id) ?? []).map((id) => ({ programmeId: id }));
    user.accountWide = hasAuthorityOverAccount(viewer, { memberships });
  }
  return [...byId.values()];
}

/** Every programme each listed account belongs to, this one included: one query for the page. */
async function accountProgrammes(db: Kysely<DB>, userIds: string[]) {
  const byUser = new Map<string, string[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('memberships')
    .select(['userId', 'programmeId'])
    .distinct()
    .where('userId', 'in', userIds)
    .execute();
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r.programmeId]);
  return byUser;
}

const otherProgrammes = (action: string) =>
  new Problem(403, 'forbidden', `Only a manager of every programme of this account may ${action}`, {
    issues: [{ field: 'userId', code: 'other_programmes', message: 'account in other programmes' }],
  });

export const userHandlers: Pick<
  Handlers,
  'createInvitation' | 'listUsers' | 'patchUser' | 'createPasswordReset'
> = {
  async createInvitation({ params, body, ctx }) {
    if (body.consortiumId !== null) {
      const c = await ctx.db
        .selectFrom('consortia')
        .select('id')
        .where('id', '=', body.consortiumId)
        .where('programmeId', '=', params.programmeId)
        .executeTakeFirst();
      if (!c) {
        throw new Problem(422, 'rule_violated', 'This consortium is not part of the programme', {
          issues: [{ field: 'consortiumId', code: 'other_programme', message: 'not in programme' }],
        });
      }
    }
    const spec: LinkSpec = {
      kind: 'invitation',
      ...body,
      programmeId: params.programmeId,
      userId: null,
    };
    const { link } = await transaction(ctx.db, async (tx) => {
      const issued = await issueLink(tx, ctx, spec);
      await writeAudit(tx, ctx, {
        action: 'user.invite',
        entityType: 'invitation',
        entityId: issued.id,
        programmeId: params.programmeId,
        consortiumId: body.consortiumId,
        before: null,
        after: {
          email: body.email,
          role: body.role,
          consortiumId: body.consortiumId,
          expiresAt: issued.link.expiresAt,
        },
      });
      return issued;
    });
    return { ...link, emailed: await mailLink(ctx, link, spec) };
  },

  async listUsers({ params, ctx }) {
    return { items: await summaries(ctx.db, ctx.principal, params.programmeId) };
  },

  async patchUser({ params, body, ifMatch, ctx }) {
    if (params.userId === ctx.principal?.userId && body.disabled) {
      throw new Problem(422, 'rule_violated', 'You cannot disable your own account', {
        issues: [{ field: 'disabled', code: 'self', message: 'your own account' }],
      });
    }
    await transaction(ctx.db, async (tx) => {
      const current = await summaryOf(tx, ctx.principal, params.programmeId, params.userId);
      // Disabling locks the person out of every programme: not one manager's call alone.
      if (!current.accountWide) throw otherProgrammes('disable or enable it');
      if (current.version !== ifMatch) throw preconditionFailed(current);
      const { numUpdatedRows } = await tx
        .updateTable('users')
        .set({ disabled: body.disabled, version: (eb) => eb('version', '+', 1) })
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (numUpdatedRows === 0n)
        throw preconditionFailed(
          await summaryOf(tx, ctx.principal, params.programmeId, current.id),
        );
      // Sessions end in the same transaction: no request can slip in with the old cookie.
      if (body.disabled) await endUserSessions(tx, current.id);
      const changed = current.disabled !== body.disabled;
      await writeAudit(tx, ctx, {
        action: body.disabled ? 'user.disable' : 'user.enable',
        entityType: 'user',
        entityId: current.id,
        programmeId: params.programmeId,
        consortiumId: null,
        before: changed ? { disabled: current.disabled } : {},
        after: changed ? { disabled: body.disabled } : {},
      });
    });
    return summaryOf(ctx.db, ctx.principal, params.programmeId, params.userId);
  },

  async createPasswordReset({ params, ctx }) {
    const user = await summaryOf(ctx.db, ctx.principal, params.programmeId, params.userId);
    // A link shown to this manager would let them sign in as someone they do not fully manage:
    // then it goes to its owner by e-mail only, and without e-mail it cannot be issued at all.
    if (!user.accountWide && !ctx.mailer) throw otherProgrammes('receive a reset link by hand');
    const spec: LinkSpec = {
      kind: 'password_reset',
      email: user.email,
      role: null,
      programmeId: params.programmeId,
      consortiumId: null,
      userId: user.id,
    };
    const { link } = await transaction(ctx.db, async (tx) => {
      const issued = await issueLink(tx, ctx, spec);
      await writeAudit(tx, ctx, {
        action: 'user.passwordReset',
        entityType: 'user',
        entityId: user.id,
        programmeId: params.programmeId,
        consortiumId: null,
        before: null,
        after: { expiresAt: issued.link.expiresAt },
      });
      return issued;
    });
    const emailed = await mailLink(ctx, link, spec);
    return { ...link, link: user.accountWide ? link.link : null, emailed };
  },
};
