import type { HttpHandler } from 'msw';
import type { AccountLink, Me, UserSummary } from '@domain/contract/auth';
import type { AuditEntry, Membership, User } from '@domain/contract/reporting';
import { homePath, seesSmallCounts } from '@domain/rules/permissions';
import { suppressAuditCounts } from '@domain/rules/small-counts';
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

function fieldProblem(status: 400 | 422, field: string, code: string, message: string) {
  const errorCode = status === 400 ? 'validation_failed' : 'rule_violated';
  return new Problem(status, errorCode, message, { issues: [{ field, code, message }] });
}

const sameMembership = (a: Membership, b: Membership) =>
  a.role === b.role && a.programmeId === b.programmeId && a.consortiumId === b.consortiumId;

/** The order of the server's `ORDER BY name, id` (code points, as the C collation). */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A KPI-value entry as someone who must not see small counts (observers) reads it. */
function suppressSmallCountsOf(store: MockStore, e: AuditEntry): AuditEntry {
  if (e.entityType !== 'kpiValue') return e;
  const d = store.data;
  const row = d.kpiValues.find((v) => v.id === e.entityId);
  const kpi = row && d.kpis.find((k) => k.id === row.kpiId);
  const programme = kpi && d.programmes.find((p) => p.id === kpi.programmeId);
  if (!row || !kpi || !programme) return e;
  return suppressAuditCounts(e, kpi, row, programme.smallCountThreshold);
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
  const linkOf = (link: Omit<PendingLink, 'expiresAt' | 'used'>) => {
    const { token, expiresAt } = store.accounts.issueLink(link, Date.now());
    const accountLink: AccountLink = {
      email: link.email,
      kind: link.kind,
      link: `/accept/${token}`,
      expiresAt: new Date(expiresAt).toISOString(),
      emailed: false,
    };
    return { id: crypto.randomUUID(), link: accountLink };
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
      const existing = data().users.find((u) => u.email === link.email);
      if (existing?.disabled || (link.kind === 'password_reset' && !existing)) {
        throw unusableLink();
      }
      if (link.kind === 'invitation' && existing) {
        // Whoever holds an invitation link (the manager saw it too) must not take over an account.
        if (store.accounts.account(existing.id).password !== body.password) {
          throw fieldProblem(
            422,
            'password',
            'wrong_password',
            'Enter the password of your account',
          );
        }
      } else {
        if (COMMON_PASSWORDS.has(body.password.toLowerCase())) {
          throw fieldProblem(422, 'password', 'common_password', 'This password is too common');
        }
        if (link.kind === 'invitation' && !body.name) {
          throw fieldProblem(400, 'name', 'too_small', 'Your name is required');
        }
      }
      link.used = true;
      const user: User = existing ?? {
        id: crypto.randomUUID(),
        email: link.email,
        name: body.name ?? link.email,
        locale: 'fr',
        disabled: false,
        memberships: [],
      };
      const actor = { id: user.id, name: user.name };
      const base = {
        entityType: 'user',
        entityId: user.id,
        programmeId: link.programmeId,
        consortiumId: link.membership?.consortiumId ?? null,
        actor,
      };
      if (link.kind === 'password_reset') {
        const account = store.accounts.account(user.id);
        account.password = body.password;
        account.version += 1;
        store.audit({
          ...base,
          action: 'user.passwordChange',
          role: null,
          before: null,
          after: null,
        });
        return startSession(user);
      }
      if (!existing) {
        data().users.push(user);
        store.accounts.account(user.id).password = body.password;
      }
      const m = link.membership;
      if (m && !user.memberships.some((x) => sameMembership(x, m))) user.memberships.push(m);
      store.audit({
        ...base,
        action: 'user.accept',
        role: m?.role ?? null,
        before: null,
        after: {
          email: link.email,
          role: m?.role ?? null,
          consortiumId: m?.consortiumId ?? null,
          newAccount: !existing,
        },
      });
      return startSession(user);
    }),
    defineRoute(ctx, 'createInvitation', ({ params, body }) => {
      if (
        body.consortiumId !== null &&
        !data().consortia.some(
          (c) => c.id === body.consortiumId && c.programmeId === params.programmeId,
        )
      ) {
        throw new Problem(422, 'rule_violated', 'This consortium is not part of the programme', {
          issues: [{ field: 'consortiumId', code: 'other_programme', message: 'not in programme' }],
        });
      }
      const existing = data().users.find((u) => u.email === body.email);
      const { id, link } = linkOf({
        kind: 'invitation',
        email: body.email,
        userId: existing?.id ?? null,
        programmeId: params.programmeId,
        membership: {
          role: body.role,
          programmeId: params.programmeId,
          consortiumId: body.consortiumId,
        },
      });
      store.audit({
        action: 'user.invite',
        entityType: 'invitation',
        entityId: id,
        programmeId: params.programmeId,
        consortiumId: body.consortiumId,
        before: null,
        after: {
          email: body.email,
          role: body.role,
          consortiumId: body.consortiumId,
          expiresAt: link.expiresAt,
        },
      });
      return link;
    }),
    defineRoute(ctx, 'listUsers', ({ params }) => {
      const items = data()
        .users.filter((u) => u.memberships.some((m) => m.programmeId === params.programmeId))
        .sort((a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.id, b.id))
        .map((u) => summary(u, params.programmeId));
      return { items };
    }),
    defineRoute(ctx, 'patchUser', ({ params, body, precondition }) => {
      if (params.userId === store.currentUserId && body.disabled) {
        throw fieldProblem(422, 'disabled', 'self', 'You cannot disable your own account');
      }
      const user = userIn(params.programmeId, params.userId);
      const account = store.accounts.account(user.id);
      precondition(account);
      const changed = user.disabled !== body.disabled;
      // Disabling ends the person's sessions at once: principal() ignores disabled accounts.
      user.disabled = body.disabled;
      account.version += 1;
      store.audit({
        action: body.disabled ? 'user.disable' : 'user.enable',
        entityType: 'user',
        entityId: user.id,
        programmeId: params.programmeId,
        consortiumId: null,
        before: changed ? { disabled: !body.disabled } : {},
        after: changed ? { disabled: body.disabled } : {},
      });
      return summary(user, params.programmeId);
    }),
    defineRoute(ctx, 'createPasswordReset', ({ params }) => {
      const user = userIn(params.programmeId, params.userId);
      const { link } = linkOf({
        kind: 'password_reset',
        email: user.email,
        userId: user.id,
        programmeId: params.programmeId,
        membership: null,
      });
      store.audit({
        action: 'user.passwordReset',
        entityType: 'user',
        entityId: user.id,
        programmeId: params.programmeId,
        consortiumId: null,
        before: null,
        after: { expiresAt: link.expiresAt },
      });
      return link;
    }),
    // Managers only (audit.readAll), who see small counts.
    defineRoute(ctx, 'listActivity', ({ params, query }) =>
      pageOf(store.auditLog, query, (s) => s.programmeId === params.programmeId),
    ),
    defineRoute(ctx, 'consortiumHistory', ({ params, query, principal, scope }) => {
      const page = pageOf(
        store.auditLog,
        query,
        (s) => s.entry.consortiumId === params.consortiumId,
      );
      if (scope && seesSmallCounts(principal, scope)) return page;
      return { ...page, items: page.items.map((e) => suppressSmallCountsOf(store, e)) };
    }),
    defineRoute(ctx, 'milestoneHistory', ({ params, query }) =>
      pageOf(
        store.auditLog,
        query,
        (s) => s.entry.entityType === 'milestone' && s.entry.entityId === params.milestoneId,
      ),
    ),
  ];
}
