import type { HttpHandler } from 'msw';
import type { AccountLink, Me, UserSummary } from '@domain/contract/auth';
import type { User } from '@domain/contract/reporting';
import { homePath } from '@domain/rules/permissions';
import { notFound, Problem } from '@domain/problems';
import type { PendingLink } from '../accounts';
import { pageOf } from '../audit';
import { defineRoute, findOr404, type HandlerContext } from '../http';
import type { MockStore } from '../store';

/** A few of the passwords every list of breached passwords starts with; the server checks 3,000+. */
const COMMON_PASSWORDS = new Set(['password', 'motdepasse', '12345678', 'azertyuiop', 'jalon2026']);

const wrongCredentials = () => new Problem(401, 'unauthenticated', 'Wrong e-mail or password');
const unusableLink = () =>
  new Problem(404, 'not_found', 'This link is unknown, has expired or was already used');

function fieldProblem(status: 400 | 409 | 422, field: string, code: string, message: string) {
  const errorCode =
    status === 400 ? 'validation_failed' : status === 409 ? 'conflict' : 'rule_violated';
  return new Problem(status, errorCode, message, { issues: [{ field, code, message }] });
}

function meOf(user: User): Me {
  const principal = { userId: user.id, name: user.name, memberships: user.memberships };
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    memberships: user.memberships,
    homePath: homePath(principal),
  };
}

function signedIn(store: MockStore): User {
  const user = store.currentUser();
  // The route guard already refused anonymous callers; this keeps the types honest.
  if (!user) throw new Problem(401, 'unauthenticated', 'Sign in to continue');
  return user;
}

export function authHandlers(ctx: HandlerContext): HttpHandler[] {
  const store = ctx.store;
  const data = () => store.data;
  const userIn = (programmeId: string, userId: string) => {
    const user = findOr404(data().users, userId, 'User');
    if (!user.memberships.some((m) => m.programmeId === programmeId)) throw notFound('User');
    return user;
  };
  const summary = (user: User, programmeId: string): UserSummary => {
    const account = store.accounts.account(user.id);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      disabled: user.disabled,
      memberships: user.memberships.filter((m) => m.programmeId === programmeId),
      lastSignInAt: account.lastSignInAt,
      version: account.version,
    };
  };
  const linkOf = (link: Omit<PendingLink, 'expiresAt' | 'used'>): AccountLink => {
    const { token, expiresAt } = store.accounts.issueLink(link, Date.now());
    return {
      email: link.email,
      kind: link.kind,
      link: `/accept/${token}`,
      expiresAt: new Date(expiresAt).toISOString(),
      emailed: false,
    };
  };
  const startSession = (user: User) => {
    store.currentUserId = user.id;
    store.accounts.account(user.id).lastSignInAt = new Date().toISOString();
    return meOf(user);
  };

  return [
    defineRoute(ctx, 'login', ({ body }) => {
      const now = Date.now();
      const wait = store.accounts.lockedFor(body.email, now);
      if (wait > 0) {
        throw new Problem(429, 'rate_limited', 'Too many attempts; try again later', {
          retryAfterSeconds: wait,
        });
      }
      const user = data().users.find((u) => u.email === body.email);
      // Unknown address, wrong password and disabled account get the same answer.
      if (!user || user.disabled || store.accounts.account(user.id).password !== body.password) {
        store.accounts.recordFailure(body.email, now);
        throw wrongCredentials();
      }
      store.accounts.clearFailures(body.email);
      return startSession(user);
    }),
    defineRoute(ctx, 'logout', () => {
      store.currentUserId = null;
      return { ok: true as const };
    }),
    defineRoute(ctx, 'getMe', () => meOf(signedIn(store))),
    defineRoute(ctx, 'getToken', ({ params }) => {
      const link = store.accounts.usableLink(params.token, Date.now());
      if (!link) throw unusableLink();
      const known = data().users.some((u) => u.email === link.email);
      return {
        kind: link.kind,
        email: link.email,
        needsName: link.kind === 'invitation' && !known,
      };
    }),
    defineRoute(ctx, 'acceptToken', ({ body }) => {
      const link = store.accounts.usableLink(body.token, Date.now());
      if (!link) throw unusableLink();
      if (COMMON_PASSWORDS.has(body.password.toLowerCase())) {
        throw fieldProblem(422, 'password', 'common_password', 'This password is too common');
      }
      let user = data().users.find((u) => u.email === link.email);
      if (user?.disabled) throw unusableLink();
      if (!user) {
        if (!body.name) throw fieldProblem(400, 'name', 'too_small', 'Your name is required');
        user = {
          id: crypto.randomUUID(),
          email: link.email,
          name: body.name,
          locale: 'fr',
          disabled: false,
          memberships: [],
        };
        data().users.push(user);
      }
      const m = link.membership;
      if (
        m &&
        !user.memberships.some(
          (x) =>
            x.role === m.role &&
            x.programmeId === m.programmeId &&
            x.consortiumId === m.consortiumId,
        )
      ) {
        user.memberships.push(m);
      }
      const account = store.accounts.account(user.id);
      account.password = body.password;
      account.version += 1;
      link.used = true;
      const me = startSession(user);
      store.audit({
        action: link.kind === 'invitation' ? 'invitation.accept' : 'user.passwordReset',
        entityType: 'user',
        entityId: user.id,
        consortiumId: m?.consortiumId ?? null,
        before: null,
        after: m ? { role: m.role } : null,
      });
      return me;
    }),
    defineRoute(ctx, 'createInvitation', ({ params, body }) => {
      findOr404(data().programmes, params.programmeId, 'Programme');
      const consortium = body.consortiumId
        ? data().consortia.find(
            (c) => c.id === body.consortiumId && c.programmeId === params.programmeId,
          )
        : null;
      if (body.consortiumId && !consortium) {
        throw fieldProblem(400, 'consortiumId', 'unknown', 'No such consortium in this programme');
      }
      const membership = {
        role: body.role,
        programmeId: params.programmeId,
        consortiumId: body.consortiumId,
      };
      const existing = data().users.find((u) => u.email === body.email);
      if (
        existing?.memberships.some(
          (x) =>
            x.role === membership.role &&
            x.programmeId === membership.programmeId &&
            x.consortiumId === membership.consortiumId,
        )
      ) {
        throw fieldProblem(409, 'email', 'already_member', 'This person already has this role');
      }
      store.audit({
        action: 'invitation.create',
        entityType: 'invitation',
        entityId: `invitation-${store.auditLog.length + 1}`,
        consortiumId: body.consortiumId,
        before: null,
        after: { email: body.email, role: body.role },
      });
      return linkOf({
        kind: 'invitation',
        email: body.email,
        userId: existing?.id ?? null,
        membership,
      });
    }),
    defineRoute(ctx, 'listUsers', ({ params }) => {
      findOr404(data().programmes, params.programmeId, 'Programme');
      const items = data()
        .users.filter((u) => u.memberships.some((m) => m.programmeId === params.programmeId))
        .map((u) => summary(u, params.programmeId));
      return { items };
    }),
    defineRoute(ctx, 'patchUser', ({ params, body, precondition }) => {
      const user = userIn(params.programmeId, params.userId);
      const account = store.accounts.account(user.id);
      precondition(account);
      if (user.id === store.currentUserId && body.disabled) {
        throw fieldProblem(422, 'disabled', 'self', 'You cannot disable your own account');
      }
      if (user.disabled !== body.disabled) {
        store.audit({
          action: body.disabled ? 'user.disable' : 'user.enable',
          entityType: 'user',
          entityId: user.id,
          consortiumId: null,
          before: { disabled: user.disabled },
          after: { disabled: body.disabled },
        });
        // Disabling ends the person's sessions at once: principal() ignores disabled accounts.
        user.disabled = body.disabled;
        account.version += 1;
      }
      return summary(user, params.programmeId);
    }),
    defineRoute(ctx, 'createPasswordReset', ({ params }) => {
      const user = userIn(params.programmeId, params.userId);
      store.audit({
        action: 'user.resetLink',
        entityType: 'user',
        entityId: user.id,
        consortiumId: null,
        before: null,
        after: null,
      });
      return linkOf({
        kind: 'password_reset',
        email: user.email,
        userId: user.id,
        membership: null,
      });
    }),
    defineRoute(ctx, 'listActivity', ({ params, query }) => {
      const inProgramme = new Set(
        data()
          .consortia.filter((c) => c.programmeId === params.programmeId)
          .map((c) => c.id),
      );
      return pageOf(
        store.auditLog,
        query,
        (e) => e.consortiumId === null || inProgramme.has(e.consortiumId),
      );
    }),
    defineRoute(ctx, 'consortiumHistory', ({ params, query }) =>
      pageOf(store.auditLog, query, (e) => e.consortiumId === params.consortiumId),
    ),
    defineRoute(ctx, 'milestoneHistory', ({ params, query }) =>
      pageOf(
        store.auditLog,
        query,
        (e) => e.entityType === 'milestone' && e.entityId === params.milestoneId,
      ),
    ),
  ];
}
