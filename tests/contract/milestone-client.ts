import { expect } from 'vitest';
import { ApiErrorBody } from '@domain/contract/common';
import type { Milestone } from '@domain/contract/milestone';
import type { ReportingPeriod } from '@domain/contract/reporting';
import { routes, type ResponseOf, type RouteName } from '@domain/contract/routes';
import type { ContractTarget, RequestOptions } from './target';

export interface Reply {
  status: number;
  headers: Headers;
  etag: string | null;
  /** The body as text; `body` is it parsed when it is JSON. */
  text: string;
  body: unknown;
}

/** Requests and assertions for the milestone scenarios, raw bodies and downloads included. */
export interface MilestoneClient {
  send: (method: string, path: string, options?: RequestOptions) => Promise<Reply>;
  get: <N extends RouteName>(name: N, path: string) => Promise<ResponseOf<N>>;
  /** Asserts the route's success status and parses the body with its response schema. */
  ok: <N extends RouteName>(reply: Reply, name: N) => ResponseOf<N>;
  /** Asserts a refusal: status, error code and, when given, the field it names; returns details. */
  refused: (reply: Reply, status: number, code: string, field?: string) => Record<string, unknown>;
}

const parse = (text: string, type: string | null): unknown =>
  text && type?.startsWith('application/json') ? (JSON.parse(text) as unknown) : null;

export function milestoneClient(target: () => ContractTarget): MilestoneClient {
  const send = async (method: string, path: string, options: RequestOptions = {}) => {
    // Every write is JSON unless it says otherwise, bodiless ones included (the CSRF rule).
    const bodiless =
      method !== 'GET' && options.body === undefined && options.rawBody === undefined;
    const headers = bodiless
      ? { 'Content-Type': 'application/json', ...options.headers }
      : options.headers;
    const res = await target().request(method, `/api/v1${path}`, { ...options, headers });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      etag: res.headers.get('etag'),
      text,
      body: parse(text, res.headers.get('content-type')),
    };
  };
  const ok = <N extends RouteName>(reply: Reply, name: N): ResponseOf<N> => {
    const route = routes[name];
    expect(reply.status, reply.text).toBe('status' in route ? route.status : 200);
    return route.response.parse(reply.body) as ResponseOf<N>;
  };
  return {
    send,
    ok,
    get: async (name, path) => ok(await send('GET', path), name),
    refused: (reply, status, code, field) => {
      expect(reply.status, reply.text).toBe(status);
      const { error } = ApiErrorBody.parse(reply.body);
      expect(error.code, reply.text).toBe(code);
      const details = (error.details ?? {}) as Record<string, unknown>;
      if (field) expect(namedFields(details), reply.text).toContain(field);
      return details;
    },
  };
}

function namedFields(details: Record<string, unknown>): string[] {
  const issues = (details.issues ?? []) as { field?: unknown }[];
  return issues.flatMap((i) => (typeof i.field === 'string' ? i.field.split(',') : []));
}

export const ifMatch = (version: number | undefined): Record<string, string> =>
  version === undefined ? {} : { 'If-Match': `"${version}"` };

/** The demo rows the milestone scenarios use, found through the API by their business names. */
export interface MilestoneDemo {
  programme: string;
  a: string;
  b: string;
  /** Coord@Dom's milestones by code (J0…J11). */
  milestone: (code: string) => Milestone;
}

export async function discoverMilestoneDemo(api: MilestoneClient): Promise<MilestoneDemo> {
  const { items: programmes } = await api.get('listProgrammes', '/programmes');
  const programme = programmes.find((p) => p.name.startsWith('Pascaline')) ?? programmes[0]!;
  const { items: consortia } = await api.get(
    'listConsortia',
    `/consortia?programmeId=${programme.id}`,
  );
  const byName = (name: string) => consortia.find((c) => c.name === name)!.id;
  const a = byName('Coord@Dom');
  const { items } = await api.get('listMilestones', `/consortia/${a}/milestones`);
  return {
    programme: programme.id,
    a,
    b: byName('Sortie+'),
    milestone: (code) => {
      const m = items.find((x) => x.code === code);
      if (!m) throw new Error(`no demo milestone ${code}`);
      return m;
    },
  };
}

/** A reporting period of the programme by its code ("2026-05"), as the API lists it now. */
export async function periodByCode(
  api: MilestoneClient,
  programmeId: string,
  period: string,
): Promise<ReportingPeriod> {
  const { items } = await api.get('listPeriods', `/programmes/${programmeId}/periods`);
  const found = items.find((p) => p.period === period);
  if (!found) throw new Error(`no period ${period} in the demo`);
  return found;
}

/** What each group of milestone scenarios is given by `defineMilestoneScenarios`. */
export interface MilestoneScenarioContext {
  target: () => ContractTarget;
  api: MilestoneClient;
  demo: () => MilestoneDemo;
  /** Signs the target's client in as this demo account (the manager when omitted). */
  as: (email?: string) => Promise<void>;
  /** A milestone as it is now (its version moves with every write). */
  milestone: (id: string) => Promise<Milestone>;
}

export const LEAD = 'lead@jalon.test';
export const MEMBER = 'member@jalon.test';
export const OBSERVER = 'observer@jalon.test';
export const OTHER_LEAD = 'lead-b@jalon.test';
export const NEXT_COHORT_MANAGER = 'manager-2027@jalon.test';
