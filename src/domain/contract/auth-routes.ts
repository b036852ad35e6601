import { z } from 'zod';
import { Id, listOf } from './common';
import {
  AcceptRequest,
  AccountLink,
  AuditPage,
  AuditQuery,
  InvitationRequest,
  LoginRequest,
  Me,
  TokenInfo,
  UserPatch,
  UserSummary,
} from './auth';
import type { RouteDef } from './routes';

const route = <const R extends RouteDef>(r: R): R => r;
const programmeParams = z.strictObject({ programmeId: Id });
const userParams = z.strictObject({ programmeId: Id, userId: Id });
const Ok = z.strictObject({ ok: z.literal(true) });

/** Accounts, sessions and the audit trail. */
export const authRoutes = {
  login: route({
    method: 'POST',
    path: '/auth/login',
    access: { kind: 'public' },
    body: LoginRequest,
    response: Me,
  }),
  logout: route({ method: 'POST', path: '/auth/logout', access: { kind: 'public' }, response: Ok }),
  getMe: route({ method: 'GET', path: '/auth/me', access: { kind: 'signed-in' }, response: Me }),
  getToken: route({
    method: 'GET',
    path: '/auth/tokens/:token',
    access: { kind: 'public' },
    params: z.strictObject({ token: AcceptRequest.shape.token }),
    response: TokenInfo,
  }),
  acceptToken: route({
    method: 'POST',
    path: '/auth/accept',
    access: { kind: 'public' },
    body: AcceptRequest,
    response: Me,
  }),
  createInvitation: route({
    method: 'POST',
    path: '/programmes/:programmeId/invitations',
    access: { kind: 'scoped', permission: 'user.manage', scope: 'programme' },
    params: programmeParams,
    body: InvitationRequest,
    response: AccountLink,
    status: 201,
  }),
  listUsers: route({
    method: 'GET',
    path: '/programmes/:programmeId/users',
    access: { kind: 'scoped', permission: 'user.manage', scope: 'programme' },
    params: programmeParams,
    response: listOf(UserSummary),
  }),
  patchUser: route({
    method: 'PATCH',
    path: '/programmes/:programmeId/users/:userId',
    access: { kind: 'scoped', permission: 'user.manage', scope: 'programme' },
    params: userParams,
    body: UserPatch,
    response: UserSummary,
    ifMatch: 'required',
  }),
  createPasswordReset: route({
    method: 'POST',
    path: '/programmes/:programmeId/users/:userId/password-reset',
    access: { kind: 'scoped', permission: 'user.manage', scope: 'programme' },
    params: userParams,
    response: AccountLink,
    status: 201,
  }),
  listActivity: route({
    method: 'GET',
    path: '/programmes/:programmeId/audit',
    access: { kind: 'scoped', permission: 'audit.readAll', scope: 'programme' },
    params: programmeParams,
    query: AuditQuery,
    response: AuditPage,
  }),
  consortiumHistory: route({
    method: 'GET',
    path: '/consortia/:consortiumId/history',
    access: { kind: 'scoped', permission: 'consortium.read', scope: 'consortium' },
    params: z.strictObject({ consortiumId: Id }),
    query: AuditQuery.pick({ before: true, limit: true }),
    response: AuditPage,
  }),
  milestoneHistory: route({
    method: 'GET',
    path: '/milestones/:milestoneId/history',
    access: { kind: 'scoped', permission: 'consortium.read', scope: 'milestone' },
    params: z.strictObject({ milestoneId: Id }),
    query: AuditQuery.pick({ before: true, limit: true }),
    response: AuditPage,
  }),
} as const;
