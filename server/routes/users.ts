import type { Kysely } from 'kysely';
import type { Role, UserSummary } from '../../src/domain/contract';
import { notFound, preconditionFailed, Problem } from '../../src/domain/problems';
import { writeAudit } from '../audit';
import { endUserSessions } from '../auth/sessions';
import { transaction } from '../db/guard';
import type { DB } from '../db/schema';
import { issueLink, mailLink } from './accounts';
import type { Handlers } from './types';

/** A user as seen from one programme: only that programme's memberships are shown. */
async function summaryOf(
  db: Kysely<DB>,
  programmeId: string,
  userId: string,
): Promise<UserSummary> {
  const users = await summaries(db, programmeId, userId);
  const user = users[0];
  if (!user) throw notFound('User');
  return user;
}

async function summaries(db: Kysely<DB>, programmeId: string, userId?: string) {
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
      lastSignInAt: r.lastSignInAt ? r.lastSignInAt.toISOString() : null,
      version: r.version,
    };
    user.memberships.push({ role: r.role as Role, programmeId, consortiumId: r.consortiumId });
    byId.set(r.id, user);
  }
  return [...byId.values()];
}

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
    const { link } = await transaction(ctx.db, async (tx) => {
      const issued = await issueLink(tx, ctx, {
        kind: 'invitation',
        ...body,
        programmeId: params.programmeId,
        userId: null,
      });
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
    return { ...link, emailed: await mailLink(ctx, link) };
  },

  async listUsers({ params, ctx }) {
    return { items: await summaries(ctx.db, params.programmeId) };
  },

  async patchUser({ params, body, ifMatch, ctx }) {
    if (params.userId === ctx.principal?.userId && body.disabled) {
      throw new Problem(422, 'rule_violated', 'You cannot disable your own account', {
        issues: [{ field: 'disabled', code: 'self', message: 'your own account' }],
      });
    }
    await transaction(ctx.db, async (tx) => {
      const current = await summaryOf(tx, params.programmeId, params.userId);
      if (current.version !== ifMatch) throw preconditionFailed(current);
      const { numUpdatedRows } = await tx
        .updateTable('users')
        .set({ disabled: body.disabled, version: (eb) => eb('version', '+', 1) })
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (numUpdatedRows === 0n)
        throw preconditionFailed(await summaryOf(tx, params.programmeId, current.id));
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
    return summaryOf(ctx.db, params.programmeId, params.userId);
  },

  async createPasswordReset({ params, ctx }) {
    const user = await summaryOf(ctx.db, params.programmeId, params.userId);
    const { link } = await transaction(ctx.db, async (tx) => {
      const issued = await issueLink(tx, ctx, {
        kind: 'password_reset',
        email: user.email,
        role: null,
        programmeId: params.programmeId,
        consortiumId: null,
        userId: user.id,
      });
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
    return { ...link, emailed: await mailLink(ctx, link) };
  },
};
