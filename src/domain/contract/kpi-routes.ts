import { z } from 'zod';
import { Id, listOf, Period } from './common';
import {
  ConsortiumKpi,
  ConsortiumKpiInput,
  KpiDefinition,
  KpiDefinitionInput,
  KpiDefinitionPatch,
  KpiSeriesQuery,
  KpiSeriesResponse,
  KpiValue,
} from './kpi';
import type { RouteDef } from './routes';

const route = <const R extends RouteDef>(r: R): R => r;
const cellParams = z.strictObject({ consortiumId: Id, kpiId: Id, period: Period });

/** The indicator catalogue, per-consortium settings, value history and chart series. */
export const kpiRoutes = {
  createKpi: route({
    method: 'POST',
    access: { kind: 'scoped', permission: 'kpi.manage', scope: 'programme' },
    path: '/programmes/:programmeId/kpis',
    params: z.strictObject({ programmeId: Id }),
    body: KpiDefinitionInput,
    response: KpiDefinition,
    status: 201,
  }),
  patchKpi: route({
    method: 'PATCH',
    access: { kind: 'scoped', permission: 'kpi.manage', scope: 'kpi' },
    path: '/kpis/:kpiId',
    params: z.strictObject({ kpiId: Id }),
    body: KpiDefinitionPatch,
    response: KpiDefinition,
    ifMatch: 'required',
  }),
  putConsortiumKpi: route({
    method: 'PUT',
    // Managers always; leads only where the programme lets them (checked by canSetTargets).
    access: { kind: 'scoped', permission: 'kpiTarget.write', scope: 'consortium' },
    path: '/consortia/:consortiumId/kpis/:kpiId',
    params: z.strictObject({ consortiumId: Id, kpiId: Id }),
    body: ConsortiumKpiInput,
    response: ConsortiumKpi,
    ifMatch: 'when-exists',
  }),
  listConsortiumKpiValues: route({
    method: 'GET',
    access: { kind: 'scoped', permission: 'consortium.read', scope: 'consortium' },
    path: '/consortia/:consortiumId/kpi-values',
    params: z.strictObject({ consortiumId: Id }),
    query: z.strictObject({ from: Period.optional(), to: Period.optional() }),
    response: listOf(KpiValue),
  }),
  listKpiValueHistory: route({
    method: 'GET',
    access: { kind: 'scoped', permission: 'consortium.read', scope: 'consortium' },
    path: '/consortia/:consortiumId/kpis/:kpiId/values/:period/history',
    params: cellParams,
    /** Every revision of the cell, newest first. */
    response: listOf(KpiValue),
  }),
  getKpiSeries: route({
    method: 'GET',
    access: { kind: 'scoped', permission: 'consortium.read', scope: 'kpi' },
    path: '/kpis/:kpiId/series',
    params: z.strictObject({ kpiId: Id }),
    query: KpiSeriesQuery,
    response: KpiSeriesResponse,
  }),
} as const;
