import { buildPath, routes, type ConsortiumKpi, type HttpMethod } from '@domain/contract';
import { templateItems } from '@domain/demo/milestone-template';
import { DEMO_PASSWORD } from '@domain/demo/people';
import type { MatrixRoute, PrincipalName, ScopeKind, ScopeName } from './authz-matrix.table';

/** What one matrix cell sends; the path is under /api/v1 already. */
export interface RequestSpec {
  method: HttpMethod;
  path: string;
  body?: unknown;
  /** A file body (uploads), sent as is with the factory's Content-Type. */
  rawBody?: string;
  headers: Record<string, string>;
}

/** Ids the cell's scope names; each kind of scope picks the ones it needs. */
export interface Target {
  programmeId: string;
  consortiumId: string;
  milestoneId: string;
  kpiId: string;
  periodId: string;
  userId: string;
  /** The consortium an invitation into `programmeId` names. */
  inviteConsortiumId: string;
}

export const MISSING = 'missing-id-0000';
export const OPEN_PERIOD = '2026-05';
export const LOCKED_PERIOD = '2026-03';

const CONSORTIUM_TARGETS: Record<ScopeName, Target> = {
  own: {
    programmeId: 'pascaline',
    consortiumId: 'coord-dom',
    milestoneId: 'coord-dom-j10',
    kpiId: 'kpi-pro-eq',
    periodId: `pascaline-${OPEN_PERIOD}`,
    userId: 'user-member-a',
    inviteConsortiumId: 'coord-dom',
  },
  other: {
    programmeId: 'pascaline',
    consortiumId: 'sortie-plus',
    milestoneId: 'sortie-plus-j10',
    kpiId: 'kpi-pro-eq',
    periodId: `pascaline-${OPEN_PERIOD}`,
    userId: 'user-lead-b',
    inviteConsortiumId: 'sortie-plus',
  },
  missing: {
    programmeId: 'pascaline',
    consortiumId: MISSING,
    milestoneId: MISSING,
    kpiId: 'kpi-pro-eq',
    periodId: MISSING,
    userId: MISSING,
    inviteConsortiumId: 'coord-dom',
  },
};

/** Programme-level scopes: the other tenant is the foreign programme `x-pascaline`. */
const PROGRAMME_TARGETS: Record<ScopeName, Target> = {
  own: CONSORTIUM_TARGETS.own,
  other: {
    programmeId: 'x-pascaline',
    consortiumId: 'x-coord-dom',
    milestoneId: 'x-coord-dom-j10',
    kpiId: 'x-kpi-pro-eq',
    periodId: `x-pascaline-${OPEN_PERIOD}`,
    userId: 'x-user-member-a',
    inviteConsortiumId: 'x-coord-dom',
  },
  missing: {
    ...CONSORTIUM_TARGETS.missing,
    programmeId: MISSING,
    kpiId: MISSING,
    periodId: MISSING,
  },
};

export function targetOf(kind: ScopeKind | 'n/a', scope: ScopeName | 'n/a'): Target {
  if (scope === 'n/a') return CONSORTIUM_TARGETS.own;
  if (kind === 'programme' || kind === 'kpi' || kind === 'period' || kind === 'list')
    return PROGRAMME_TARGETS[scope];
  if (kind === 'user') {
    return scope === 'missing'
      ? { ...CONSORTIUM_TARGETS.own, userId: MISSING }
      : PROGRAMME_TARGETS[scope];
  }
  return CONSORTIUM_TARGETS[scope];
}

/** What a factory may look up: current versions (for If-Match) and fresh links. */
export interface FactoryEnv {
  principal: PrincipalName;
  scope: ScopeName | 'n/a';
  target: Target;
  /** A unique suffix for e-mails created by this cell. */
  unique: string;
  version: (
    table: 'programmes' | 'consortia' | 'milestones' | 'users' | 'kpis' | 'reportingPeriods',
    id: string,
  ) => Promise<number | null>;
  kpiValueVersion: (consortiumId: string, kpiId: string, period: string) => Promise<number | null>;
  /** A consortium's settings for a KPI; null when it does not track it yet. */
  kpiSettings: (consortiumId: string, kpiId: string) => Promise<ConsortiumKpi | null>;
  invitationToken: (consortiumId: string, email: string) => Promise<string>;
  /** Stores a PDF on the milestone (no audit row) and returns its evidence id. */
  evidenceFile: (milestoneId: string) => Promise<string>;
  /** Stores version 1 of the period's report archive, ready or failed. */
  reportArchive: (periodId: string, status: 'ready' | 'failed') => Promise<void>;
}

const EMAILS: Record<PrincipalName, string> = {
  anonymous: 'lead@jalon.test',
  observer: 'observer@jalon.test',
  member: 'member@jalon.test',
  lead: 'lead@jalon.test',
  manager: 'manager@jalon.test',
  disabled: 'lead-c@jalon.test',
};

const ifMatch = (v: number | null): Record<string, string> =>
  // A missing object has no version: any value keeps the request well formed.
  ({ 'If-Match': `"${v ?? 1}"` });

/** A well-formed token that was never issued. */
export const UNKNOWN_TOKEN = 'A'.repeat(43);

type Extra = {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
};
type Factory = (env: FactoryEnv) => Promise<Extra> | Extra;

const none: Factory = () => ({});
const byProgramme: Factory = ({ target }) => ({ query: `programmeId=${target.programmeId}` });

/** The per-route part of each request: valid input for the cell's scope. */
export const FACTORIES: Record<MatrixRoute, Factory> = {
  health: none,
  listProgrammes: none,
  getProgramme: none,
  patchProgramme: async (env) => ({
    body: { slippageToleranceDays: 45 },
    headers: ifMatch(await env.version('programmes', env.target.programmeId)),
  }),
  getPortfolio: none,
  getHeatmap: () => ({ query: 'period=2026-06' }),
  listPeriods: none,
  // A quarter: the demo opens months only.
  createPeriod: () => ({ body: { period: '2026-Q2', deadline: '2026-07-15' } }),
  getPeriod: none,
  patchPeriod: async (env) => ({
    body: { deadline: '2026-06-20' },
    headers: ifMatch(await env.version('reportingPeriods', env.target.periodId)),
  }),
  lockPeriod: async (env) => ({
    headers: ifMatch(await env.version('reportingPeriods', env.target.periodId)),
  }),
  // A locked month of the same programme (the demo locks each a month after its deadline).
  reopenPeriod: async (env) => {
    const periodId = env.target.periodId.replace(OPEN_PERIOD, LOCKED_PERIOD);
    return {
      params: { periodId },
      body: { reason: 'Correction demandée par le financeur' },
      headers: ifMatch(await env.version('reportingPeriods', periodId)),
    };
  },
  getPeriodChecklist: none,
  exportPeriodXlsx: none,
  exportPeriodCsv: () => ({ query: 'sheet=kpis' }),
  getPeriodReport: none,
  listReportArchives: none,
  downloadReportArchive: async (env) => {
    await env.reportArchive(env.target.periodId, 'ready');
    return { params: { version: '1' } };
  },
  retryReportArchive: async (env) => {
    await env.reportArchive(env.target.periodId, 'failed');
    return { params: { version: '1' } };
  },
  listConsortia: byProgramme,
  getConsortium: none,
  patchConsortium: async (env) => ({
    body: { territory: `Territoire ${env.unique}` },
    headers: ifMatch(await env.version('consortia', env.target.consortiumId)),
  }),
  listMilestones: none,
  getMilestone: none,
  patchMilestone: async (env) => ({
    body: { progress: 55 },
    headers: ifMatch(await env.version('milestones', env.target.milestoneId)),
  }),
  listMilestoneEvents: none,
  listEvidence: none,
  listKpis: byProgramme,
  getKpi: none,
  listConsortiumKpis: none,
  listKpiValues: none,
  putKpiValue: async ({ target, kpiValueVersion }) => {
    const v = await kpiValueVersion(target.consortiumId, target.kpiId, OPEN_PERIOD);
    return {
      params: { period: OPEN_PERIOD },
      body: {
        value: 123,
        provisional: false,
        source: 'Matrice d’autorisations',
        explanation: 'Valeur de contrôle, hors tendance',
      },
      headers: v === null ? {} : ifMatch(v),
    };
  },
  createKpi: ({ unique }) => ({
    body: {
      code: `MATRIX_${unique.replace(/\D/g, '')}`,
      name: { fr: 'Indicateur de contrôle', en: 'Check indicator' },
      definition: { fr: 'Créé par la matrice', en: 'Created by the matrix' },
      unit: 'count',
      direction: 'higher',
      aggregation: 'flow',
      frequency: 'monthly',
      decimals: 0,
      sourceType: 'manual_count',
      reportingLagMonths: 0,
      validFrom: OPEN_PERIOD,
    },
  }),
  patchKpi: async (env) => ({
    body: { name: { fr: `Renommé ${env.unique}`, en: `Renamed ${env.unique}` } },
    headers: ifMatch(await env.version('kpis', env.target.kpiId)),
  }),
  // New bands on the current trajectory: the targets of locked periods stay as they were.
  putConsortiumKpi: async ({ target, kpiSettings }) => {
    const current = await kpiSettings(target.consortiumId, target.kpiId);
    return {
      body: {
        baseline: current?.baseline ?? null,
        targets: current?.targets ?? [{ period: OPEN_PERIOD, value: 120 }],
        tolerance: { mode: 'absolute', amber: 5, red: 10 },
      },
      headers: current === null ? {} : ifMatch(current.version),
    };
  },
  listConsortiumKpiValues: none,
  listKpiValueHistory: () => ({ params: { period: OPEN_PERIOD } }),
  getKpiSeries: none,
  getMilestoneTemplate: none,
  // Each write cell starts from the seeded data, where the template is at version 1.
  putMilestoneTemplate: () => ({ body: { items: templateItems() }, headers: ifMatch(1) }),
  listProgrammeMilestones: none,
  getMilestonePlan: none,
  applyMilestoneTemplate: none,
  approveMilestonePlan: () => ({ headers: ifMatch(2) }),
  createMilestone: ({ unique }) => ({
    body: {
      phase: 'build',
      code: `M${unique.replace(/\D/g, '')}`,
      title: { fr: 'Jalon de contrôle', en: 'Check milestone' },
      startDate: '2025-01-01',
      forecastDate: '2025-03-31',
    },
  }),
  deleteMilestone: async (env) => ({
    headers: ifMatch(await env.version('milestones', env.target.milestoneId)),
  }),
  transitionMilestone: async (env) => ({
    body: { action: 'waive', comment: 'Matrice d’autorisations' },
    headers: ifMatch(await env.version('milestones', env.target.milestoneId)),
  }),
  addMilestoneComment: () => ({ body: { comment: 'Matrice d’autorisations' } }),
  addEvidenceLink: () => ({
    body: { name: 'Lien de contrôle', url: 'https://ged.example.org/matrice' },
  }),
  uploadEvidence: () => ({
    query: 'name=Matrice.pdf',
    rawBody: '%PDF-1.4\n%%EOF\n',
    headers: { 'Content-Type': 'application/pdf' },
  }),
  // A file on the milestone of the cell's scope (none for a missing milestone).
  downloadEvidence: async ({ target, evidenceFile }) => ({
    params: {
      evidenceId: target.milestoneId === MISSING ? MISSING : await evidenceFile(target.milestoneId),
    },
  }),
  deleteEvidence: async ({ target, evidenceFile }) => ({
    params: {
      evidenceId: target.milestoneId === MISSING ? MISSING : await evidenceFile(target.milestoneId),
    },
  }),
  listReviews: byProgramme,
  login: ({ principal, scope, unique }) => {
    const email =
      scope === 'other'
        ? 'lead-b@jalon.test'
        : scope === 'missing'
          ? `nobody-${unique}@jalon.test`
          : EMAILS[principal];
    return { body: { email, password: DEMO_PASSWORD } };
  },
  logout: none,
  getMe: none,
  getToken: async ({ scope, target, unique, invitationToken }) => ({
    params: {
      token:
        scope === 'missing'
          ? UNKNOWN_TOKEN
          : await invitationToken(target.consortiumId, `invitee-${unique}@jalon.test`),
    },
  }),
  acceptToken: async ({ scope, target, unique, invitationToken }) => ({
    body: {
      token:
        scope === 'missing'
          ? UNKNOWN_TOKEN
          : await invitationToken(target.consortiumId, `invitee-${unique}@jalon.test`),
      name: 'Camille Invitée',
      password: 'une phrase de passe assez longue',
    },
  }),
  createInvitation: ({ target, unique }) => ({
    body: {
      email: `invited-${unique}@jalon.test`,
      role: 'member',
      programmeId: target.programmeId,
      consortiumId: target.inviteConsortiumId,
    },
  }),
  listUsers: none,
  patchUser: async (env) => ({
    body: { disabled: true },
    headers: ifMatch(await env.version('users', env.target.userId)),
  }),
  createPasswordReset: none,
  listActivity: none,
  consortiumHistory: none,
  milestoneHistory: none,
};

const WRITES: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isWrite = (name: MatrixRoute) => WRITES.has(routes[name].method);

/** The full request of a cell: path parameters from the target, the factory's extras. */
export async function requestFor(name: MatrixRoute, env: FactoryEnv): Promise<RequestSpec> {
  const def = routes[name];
  const extra = await FACTORIES[name](env);
  const { target } = env;
  const params: Record<string, string> = {
    programmeId: target.programmeId,
    consortiumId: target.consortiumId,
    milestoneId: target.milestoneId,
    kpiId: target.kpiId,
    periodId: target.periodId,
    userId: target.userId,
    ...extra.params,
  };
  const path = `/api/v1${buildPath(def.path, params)}${extra.query ? `?${extra.query}` : ''}`;
  const headers: Record<string, string> = { ...extra.headers };
  if (WRITES.has(def.method)) headers['Content-Type'] ??= 'application/json';
  return { method: def.method, path, body: extra.body, rawBody: extra.rawBody, headers };
}
