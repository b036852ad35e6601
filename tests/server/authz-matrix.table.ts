import type { RouteName } from '@domain/contract';

/**
 * The authorization matrix (reliability plan §2 A): route × principal × scope → status. Every
 * principal is listed on every row and refusals count as much as grants (GitLab's rule). The
 * request each cell sends is built in `authz-matrix.requests.ts`.
 *
 * Principals: `member` and `lead` belong to Coord@Dom; `observer` and `manager` to the demo
 * programme; `disabled` is Sortie+'s neighbour lead-c, signed in and then disabled in the database
 * while its session row stays live (its cookie is revived before every cell).
 *
 * Scopes (what `own`, `other`, `missing` name, per kind of scope):
 * - consortium, milestone: Coord@Dom's object / Sortie+'s object / an id that does not exist;
 * - programme, kpi, period: the demo programme (or its KPI, or its open period 2026-05) /
 *   programme `x-pascaline`, seeded by the
 *   test, to which no demo principal belongs (there is no "other consortium" of a programme) /
 *   a missing id;
 * - user: a member of the demo programme / a user of `x-pascaline` / a missing user of the demo
 *   programme (the programme is visible, so non-managers get 403, not 404);
 * - list: `?programmeId=` the demo programme / `x-pascaline` / a missing id (lists are filtered,
 *   never refused);
 * - account (login): the principal's own credentials (anonymous: the lead's) / Sortie+'s lead /
 *   an unknown address;
 * - token: an invitation into Coord@Dom / into Sortie+ / an unknown token.
 * - `n/a`: the route names no object; one cell per principal.
 */
export const PRINCIPALS = [
  'anonymous',
  'observer',
  'member',
  'lead',
  'manager',
  'disabled',
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

export const SCOPES = ['own', 'other', 'missing'] as const;
export type ScopeName = (typeof SCOPES)[number];

/** 422: let through by the access rules, then refused by a business rule (e.g. a plan exists). */
export type Status = 200 | 201 | 401 | 403 | 404 | 422;
export type Triple = readonly [own: Status, other: Status, missing: Status];
export type ScopeKind =
  | 'programme'
  | 'consortium'
  | 'milestone'
  | 'kpi'
  | 'period'
  | 'user'
  | 'list'
  | 'account'
  | 'token';

export type Grid = Readonly<Record<PrincipalName, Triple>>;
export type Row =
  | { scope: 'n/a'; expect: Readonly<Record<PrincipalName, Status>> }
  | { scope: ScopeKind; expect: Grid };

const OUT: Triple = [401, 401, 401];

/** Readable by whoever sees a Coord@Dom object; Sortie+'s is 404 for its outsiders. */
const consortiumRead: Grid = {
  anonymous: OUT,
  observer: [200, 200, 404],
  member: [200, 404, 404],
  lead: [200, 404, 404],
  manager: [200, 200, 404],
  disabled: OUT,
};
/** Changed by Coord@Dom's lead and the manager; visible-but-refused is 403. */
const consortiumWrite = (ok: 200 | 201): Grid => ({
  anonymous: OUT,
  observer: [403, 403, 404],
  member: [403, 404, 404],
  lead: [ok, 404, 404],
  manager: [ok, ok, 404],
  disabled: OUT,
});
/**
 * A consortium's KPI targets: like other consortium writes, except that the demo programme keeps
 * targets for its managers (`leadsSetTargets: false`), so Coord@Dom's lead gets 403.
 */
const targetsWrite: Grid = { ...consortiumWrite(200), lead: [403, 404, 404] };
/** Programme-level objects: visible to anyone in the programme, nobody sees `x-pascaline`. */
const programmeRead: Grid = {
  anonymous: OUT,
  observer: [200, 404, 404],
  member: [200, 404, 404],
  lead: [200, 404, 404],
  manager: [200, 404, 404],
  disabled: OUT,
};
/** Manager-only programme functions (settings, users, invitations, the programme's audit trail). */
const managerOnly = (ok: 200 | 201): Grid => ({
  anonymous: OUT,
  observer: [403, 404, 404],
  member: [403, 404, 404],
  lead: [403, 404, 404],
  manager: [ok, 404, 404],
  disabled: OUT,
});
/** The committee's files (exports, archived reports): managers and observers, not consortia. */
const exportRead: Grid = {
  anonymous: OUT,
  observer: [200, 404, 404],
  member: [403, 404, 404],
  lead: [403, 404, 404],
  manager: [200, 404, 404],
  disabled: OUT,
};
/** Manager-only functions on a user: a missing user of a visible programme is 403 to non-managers. */
const managerOnUser = (ok: 200 | 201): Grid => ({
  anonymous: OUT,
  observer: [403, 404, 403],
  member: [403, 404, 403],
  lead: [403, 404, 403],
  manager: [ok, 404, 404],
  disabled: OUT,
});
/** Filtered lists: never refused to a signed-in principal, whatever the filter. */
const list: Grid = {
  anonymous: OUT,
  observer: [200, 200, 200],
  member: [200, 200, 200],
  lead: [200, 200, 200],
  manager: [200, 200, 200],
  disabled: OUT,
};
/** Public link routes: the token is the credential, the session does not matter. */
const tokenRoute: Grid = {
  anonymous: [200, 200, 404],
  observer: [200, 200, 404],
  member: [200, 200, 404],
  lead: [200, 200, 404],
  manager: [200, 200, 404],
  disabled: [200, 200, 404],
};
/**
 * Planning (milestone.plan) is the manager's. The demo consortia's plans are approved, so the
 * manager's request passes the gate and meets the rule: 422 (no template re-applied, no second
 * approval, no deletion from an approved plan).
 */
const planning = (manager: 201 | 422): Grid => ({
  anonymous: OUT,
  observer: [403, 403, 404],
  member: [403, 404, 404],
  lead: [403, 404, 404],
  manager: [manager, manager, 404],
  disabled: OUT,
});
/** Comments: anyone inside the consortium and the incubator; observers read only. */
const commentWrite: Grid = {
  anonymous: OUT,
  observer: [403, 403, 404],
  member: [201, 404, 404],
  lead: [201, 404, 404],
  manager: [201, 201, 404],
  disabled: OUT,
};
const signedIn = {
  anonymous: 401,
  observer: 200,
  member: 200,
  lead: 200,
  manager: 200,
  disabled: 401,
} as const;
const everyone = {
  anonymous: 200,
  observer: 200,
  member: 200,
  lead: 200,
  manager: 200,
  disabled: 200,
} as const;

export const MATRIX = {
  health: { scope: 'n/a', expect: everyone },
  listProgrammes: { scope: 'n/a', expect: signedIn },
  getProgramme: { scope: 'programme', expect: programmeRead },
  patchProgramme: { scope: 'programme', expect: managerOnly(200) },
  getPortfolio: { scope: 'programme', expect: programmeRead },
  getHeatmap: { scope: 'programme', expect: programmeRead },
  listPeriods: { scope: 'programme', expect: programmeRead },
  createPeriod: { scope: 'programme', expect: managerOnly(201) },
  getPeriod: { scope: 'period', expect: programmeRead },
  patchPeriod: { scope: 'period', expect: managerOnly(200) },
  lockPeriod: { scope: 'period', expect: managerOnly(200) },
  reopenPeriod: { scope: 'period', expect: managerOnly(200) },
  getPeriodChecklist: { scope: 'period', expect: programmeRead },
  exportPeriodXlsx: { scope: 'period', expect: programmeRead },
  exportPeriodCsv: { scope: 'period', expect: programmeRead },
  getPeriodReport: { scope: 'period', expect: programmeRead },
  listReportArchives: { scope: 'period', expect: exportRead },
  downloadReportArchive: { scope: 'period', expect: exportRead },
  retryReportArchive: { scope: 'period', expect: managerOnly(200) },
  listConsortia: { scope: 'list', expect: list },
  getConsortium: { scope: 'consortium', expect: consortiumRead },
  patchConsortium: { scope: 'consortium', expect: consortiumWrite(200) },
  listMilestones: { scope: 'consortium', expect: consortiumRead },
  getMilestone: { scope: 'milestone', expect: consortiumRead },
  patchMilestone: { scope: 'milestone', expect: consortiumWrite(200) },
  listMilestoneEvents: { scope: 'milestone', expect: consortiumRead },
  listEvidence: { scope: 'milestone', expect: consortiumRead },
  listKpis: { scope: 'list', expect: list },
  getKpi: { scope: 'kpi', expect: programmeRead },
  listConsortiumKpis: { scope: 'consortium', expect: consortiumRead },
  listKpiValues: { scope: 'consortium', expect: consortiumRead },
  putKpiValue: { scope: 'consortium', expect: consortiumWrite(200) },
  createKpi: { scope: 'programme', expect: managerOnly(201) },
  patchKpi: { scope: 'kpi', expect: managerOnly(200) },
  putConsortiumKpi: { scope: 'consortium', expect: targetsWrite },
  listConsortiumKpiValues: { scope: 'consortium', expect: consortiumRead },
  listKpiValueHistory: { scope: 'consortium', expect: consortiumRead },
  getKpiSeries: { scope: 'kpi', expect: programmeRead },
  getMilestoneTemplate: { scope: 'programme', expect: programmeRead },
  putMilestoneTemplate: { scope: 'programme', expect: managerOnly(200) },
  listProgrammeMilestones: { scope: 'programme', expect: programmeRead },
  getMilestonePlan: { scope: 'consortium', expect: consortiumRead },
  applyMilestoneTemplate: { scope: 'consortium', expect: planning(422) },
  approveMilestonePlan: { scope: 'consortium', expect: planning(422) },
  createMilestone: { scope: 'consortium', expect: planning(201) },
  deleteMilestone: { scope: 'milestone', expect: planning(422) },
  // The request waives: past the gate (lead or manager), the state machine lets only managers.
  transitionMilestone: {
    scope: 'milestone',
    expect: { ...consortiumWrite(200), lead: [403, 404, 404] },
  },
  addMilestoneComment: { scope: 'milestone', expect: commentWrite },
  addEvidenceLink: { scope: 'milestone', expect: consortiumWrite(201) },
  uploadEvidence: { scope: 'milestone', expect: consortiumWrite(201) },
  downloadEvidence: { scope: 'milestone', expect: consortiumRead },
  deleteEvidence: { scope: 'milestone', expect: consortiumWrite(200) },
  listReviews: { scope: 'list', expect: list },
  login: {
    scope: 'account',
    expect: {
      anonymous: [200, 200, 401],
      observer: [200, 200, 401],
      member: [200, 200, 401],
      lead: [200, 200, 401],
      manager: [200, 200, 401],
      // Its own account is disabled: the same 401 as a wrong password.
      disabled: [401, 200, 401],
    },
  },
  logout: { scope: 'n/a', expect: everyone },
  getMe: { scope: 'n/a', expect: signedIn },
  getToken: { scope: 'token', expect: tokenRoute },
  acceptToken: { scope: 'token', expect: tokenRoute },
  createInvitation: { scope: 'programme', expect: managerOnly(201) },
  listUsers: { scope: 'programme', expect: managerOnly(200) },
  patchUser: { scope: 'user', expect: managerOnUser(200) },
  createPasswordReset: { scope: 'user', expect: managerOnUser(201) },
  listActivity: { scope: 'programme', expect: managerOnly(200) },
  consortiumHistory: { scope: 'consortium', expect: consortiumRead },
  milestoneHistory: { scope: 'milestone', expect: consortiumRead },
} as const satisfies Record<RouteName, Row>;

export type MatrixRoute = keyof typeof MATRIX;

/**
 * Account routes on an account that also belongs to `x-pascaline`, asked through the demo
 * programme: its manager reaches the membership, not the account. Disabling and a reset link
 * handed to the caller need a manager of every programme (the matrix server sends no e-mail, so
 * an e-mailed reset is not possible either: 403).
 */
const SHARED_REFUSED = {
  anonymous: 401,
  observer: 403,
  member: 403,
  lead: 403,
  manager: 403,
  disabled: 401,
} as const;
export const SHARED_ACCOUNT_CELLS = {
  patchUser: SHARED_REFUSED,
  createPasswordReset: SHARED_REFUSED,
} as const satisfies Partial<Record<MatrixRoute, Readonly<Record<PrincipalName, Status>>>>;

/** Every asserted cell of a row: three per principal, or one where the route names no object. */
export interface Cell {
  principal: PrincipalName;
  scope: ScopeName | 'n/a';
  status: Status;
}
export function cellsOf(row: Row): Cell[] {
  return PRINCIPALS.flatMap<Cell>((principal) => {
    if (row.scope === 'n/a')
      return [{ principal, scope: 'n/a' as const, status: row.expect[principal] }];
    const triple = row.expect[principal];
    return SCOPES.map((scope, i) => ({ principal, scope, status: triple[i] as Status }));
  });
}
