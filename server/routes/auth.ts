import type { Kysely } from 'kysely';
import type { Me } from '../../src/domain/contract';
import { Problem } from '../../src/domain/problems';
import { homePath } from '../../src/domain/rules';
import {
  checkLoginLimit,
  clearLoginFailures,
  recordLoginFailure,
  RateLimited,
} from '../auth/rate-limit';
import { membershipsOf } from '../auth/sessions';
import type { RequestContext } from '../context';
import type { DB } from '../db/schema';
import { acceptToken, usableToken } from './accounts';
import type { Handlers } from './types';

/** Unknown address, wrong password and disabled account: one answer, so none can be told apart. */
const wrongCredentials = () => new Problem(401, 'unauthenticated', 'Wrong e-mail or password');
const unusableLink = () =>
  new Problem(404, 'not_found', 'This link is unknown, has expired or was already used');

export async function meOf(db: Kysely<DB>, userId: string): Promise<Me> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const memberships = await membershipsOf(db, userId);
  return { ...user, memberships, homePath: homePath({ userId, name: user.name, memberships }) };
}

async function login(ctx: RequestContext, email: string, password: string): Promise<Me> {
  const now = () => new Date(ctx.clock.now());
  const route = 'login';
  try {
    await checkLoginLimit(ctx.db, email, ctx.ip, now());
  } catch (error) {
    if (error instanceof RateLimited) {
      await ctx.security({ kind: 'rate_limited', email, route, status: 429 });
    }
    throw error;
  }
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'passwordHash', 'disabled'])
    .where('email', '=', email)
    .executeTakeFirst();
  // Outside any transaction: ~50 ms of Argon2 must not hold PGlite's only connection.
  const { ok, rehash } = await ctx.passwords.verify(user?.passwordHash ?? null, password);
  if (!user || !ok || user.disabled) {
    await recordLoginFailure(ctx.db, email, ctx.ip, now());
    const kind = user && ok ? 'account_disabled' : 'sign_in_failed';
    await ctx.security({ kind, userId: user?.id ?? null, email, route, status: 401 });
    throw wrongCredentials();
  }
  await ctx.db
    .updateTable('users')
    .set({ lastSignInAt: ctx.clock.now(), ...(rehash ? { passwordHash: rehash } : {}) })
    .where('id', '=', user.id)
    .execute();
  await clearLoginFailures(ctx.db, email, ctx.ip);
  await ctx.session.start(user.id);
  await ctx.security({ kind: 'sign_in', userId: user.id, email, route, status: 200 });
  return meOf(ctx.db, user.id);
}

export const authHandlers: Pick<
  Handlers,
  'login' | 'logout' | 'getMe' | 'getToken' | 'acceptToken'
> = {
  login: ({ body, ctx }) => login(ctx, body.email, body.password),

  async logout({ ctx }) {
    await ctx.session.end();
    if (ctx.principal) {
      await ctx.security({
        kind: 'sign_out',
        userId: ctx.principal.userId,
        route: 'logout',
        status: 200,
      });
    }
    return { ok: true };
  },

  async getMe({ ctx }) {
    if (!ctx.principal) throw new Problem(401, 'unauthenticated', 'Sign in to continue');
    return meOf(ctx.db, ctx.principal.userId);
  },

  async getToken({ params, ctx }) {
    const token = await usableToken(ctx.db, params.token, ctx.clock.now());
    if (!token) throw unusableLink();
    const user = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', token.email)
      .executeTakeFirst();
    return {
      kind: token.kind,
      email: token.email,
      needsName: token.kind === 'invitation' && !user,
    };
  },

  async acceptToken({ body, ctx }) {
    const userId = await acceptToken(ctx, body);
    if (userId === null) throw unusableLink();
    await ctx.session.start(userId);
    await ctx.security({ kind: 'sign_in', userId, route: 'acceptToken', status: 200 });
    return meOf(ctx.db, userId);
  },
};
