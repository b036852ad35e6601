import { z } from 'zod';
import { HealthResponse, Id, IsoDate, listOf, Period } from './common';
import { Consortium, ConsortiumPatch } from './consortium';
import { ConsortiumKpiSummary, KpiDefinition, KpiValue, KpiValueInput } from './kpi';
import { Evidence, Milestone, MilestoneEvent, MilestonePatch } from './milestone';
import { Heatmap } from './heatmap';
import { Portfolio } from './portfolio';
import { Programme, ProgrammePatch } from './programme';
import { ReportingPeriod } from './reporting';
import type { Access, ScopeSource } from '../rules/access';
import { authRoutes } from './auth-routes';
import { kpiRoutes } from './kpi-routes';
import { milestoneRoutes } from './milestone-routes';
import { periodRoutes } from './period-routes';
import { periodExportRoutes } from './period-exports';
import { periodReportRoutes } from './period-report';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * If-Match policy: `required` → 428 without it; `when-exists` → required only when the target
 * row already exists (upserts); `none` → reads and creations.
 */
export type IfMatchPolicy = 'required' | 'when-exists' | 'none';

export interface RouteDef {
  method: HttpMethod;
  /** Path under /api/v1 with `:name` parameters. */
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** 201 for creations, 200 otherwise. */
  status?: 200 | 201;
  ifMatch?: IfMatchPolicy;
  /** The request body is raw bytes (a file), not JSON: `body` stays unset. */
  rawBody?: true;
  /** The response is raw bytes (a download), not JSON: `response` is not checked. */
  rawResponse?: true;
  /** Who may call it; enforced by the server and the mocks with `decideAccess`. */
  access: Access;
}

const route = <const R extends RouteDef>(r: R): R => r;

/** Reading an object: allowed to whoever can see it. */
const read = (scope: ScopeSource): Access => ({
  kind: 'scoped',
  permission: 'consortium.read',
  scope,
});

const consortiumParams = z.strictObject({ consortiumId: Id });
const milestoneParams = z.strictObject({ milestoneId: Id });
const programmeParams = z.strictObject({ programmeId: Id });

/** Programmes, consortia, milestones and KPIs. */
const dataRoutes = {
  health: route({
    method: 'GET',
    access: { kind: 'public' },
    path: '/health',
    response: HealthResponse,
  }),
  listProgrammes: route({
    method: 'GET',
    access: { kind: 'signed-in' },
    path: '/programmes',
    response: listOf(Programme),
  }),
  getProgramme: route({
    method: 'GET',
    access: read('programme'),
    path: '/programmes/:programmeId',
    params: programmeParams,
    response: Programme,
  }),
  patchProgramme: route({
    method: 'PATCH',
    access: { kind: 'scoped', permission: 'programme.manage', scope: 'programme' },
    path: '/programmes/:programmeId',
    params: programmeParams,
    body: ProgrammePatch,
    response: Programme,
    ifMatch: 'required',
  }),
  getPortfolio: route({
    method: 'GET',
    access: read('programme'),
    path: '/programmes/:programmeId/portfolio',
    params: programmeParams,
    query: z.strictObject({ asOf: IsoDate.optional() }),
    response: Portfolio,
  }),
  getHeatmap: route({
    method: 'GET',
    access: read('programme'),
    path: '/programmes/:programmeId/heatmap',
    params: programmeParams,
    query: z.strictObject({ period: Period }),
    response: Heatmap,
  }),
  listPeriods: route({
    method: 'GET',
    access: read('programme'),
    path: '/programmes/:programmeId/periods',
    params: programmeParams,
    response: listOf(ReportingPeriod),
  }),
  listConsortia: route({
    method: 'GET',
    access: { kind: 'signed-in' },
    path: '/consortia',
    query: z.strictObject({ programmeId: Id.optional() }),
    response: listOf(Consortium),
  }),
  getConsortium: route({
    method: 'GET',
    access: read('consortium'),
    path: '/consortia/:consortiumId',
    params: consortiumParams,
    response: Consortium,
  }),
  patchConsortium: route({
    method: 'PATCH',
    access: { kind: 'scoped', permission: 'consortium.update', scope: 'consortium' },
    path: '/consortia/:consortiumId',
    params: consortiumParams,
    body: ConsortiumPatch,
    response: Consortium,
    ifMatch: 'required',
  }),
  listMilestones: route({
    method: 'GET',
    access: read('consortium'),
    path: '/consortia/:consortiumId/milestones',
    params: consortiumParams,
    response: listOf(Milestone),
  }),
  getMilestone: route({
    method: 'GET',
    access: read('milestone'),
    path: '/milestones/:milestoneId',
    params: milestoneParams,
    response: Milestone,
  }),
  patchMilestone: route({
    method: 'PATCH',
    access: { kind: 'scoped', permission: 'milestone.update', scope: 'milestone' },
    path: '/milestones/:milestoneId',
    params: milestoneParams,
    body: MilestonePatch,
    response: Milestone,
    ifMatch: 'required',
  }),
  listMilestoneEvents: route({
    method: 'GET',
    access: read('milestone'),
    path: '/milestones/:milestoneId/events',
    params: milestoneParams,
    response: listOf(MilestoneEvent),
  }),
  listEvidence: route({
    method: 'GET',
    access: read('milestone'),
    path: '/milestones/:milestoneId/evidence',
    params: milestoneParams,
    response: listOf(Evidence),
  }),
  listKpis: route({
    method: 'GET',
    access: { kind: 'signed-in' },
    path: '/kpis',
    query: z.strictObject({ programmeId: Id.optional() }),
    response: listOf(KpiDefinition),
  }),
  getKpi: route({
    method: 'GET',
    access: read('kpi'),
    path: '/kpis/:kpiId',
    params: z.strictObject({ kpiId: Id }),
    response: KpiDefinition,
  }),
  listConsortiumKpis: route({
    method: 'GET',
    access: read('consortium'),
    path: '/consortia/:consortiumId/kpis',
    params: consortiumParams,
    response: listOf(ConsortiumKpiSummary),
  }),
  listKpiValues: route({
    method: 'GET',
    access: read('consortium'),
    path: '/consortia/:consortiumId/kpis/:kpiId/values',
    params: z.strictObject({ consortiumId: Id, kpiId: Id }),
    query: z.strictObject({ from: Period.optional(), to: Period.optional() }),
    response: listOf(KpiValue),
  }),
  putKpiValue: route({
    method: 'PUT',
    access: { kind: 'scoped', permission: 'kpiValue.write', scope: 'consortium' },
    path: '/consortia/:consortiumId/kpis/:kpiId/values/:period',
    params: z.strictObject({ consortiumId: Id, kpiId: Id, period: Period }),
    body: KpiValueInput,
    response: KpiValue,
    ifMatch: 'when-exists',
  }),
} as const;

/** The single route table: the server registers, and the matrix test walks, exactly these. */
export const routes = {
  ...dataRoutes,
  ...milestoneRoutes,
  ...kpiRoutes,
  ...periodRoutes,
  ...periodExportRoutes,
  ...periodReportRoutes,
  ...authRoutes,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type ResponseOf<N extends RouteName> = z.infer<Routes[N]['response']>;

/** Fills `:name` placeholders, encoding each value. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(v);
  });
}

export const API_PREFIX = '/api/v1';
