import { expect } from 'vitest';
import { ApiErrorBody } from '@domain/contract/common';
import type { KpiDefinition } from '@domain/contract/kpi';
import { routes, type ResponseOf, type RouteName } from '@domain/contract/routes';
import type { ContractTarget, RequestOptions } from './target';

export interface Reply {
  status: number;
  etag: string | null;
  body: unknown;
}

/** What the KPI scenarios need from one target: requests, and assertions on the answers. */
export interface KpiClient {
  send(method: string, path: string, options?: RequestOptions): Promise<Reply>;
  get<N extends RouteName>(name: N, path: string): Promise<ResponseOf<N>>;
  /** Asserts the route's success status and parses the body with its response schema. */
  ok<N extends RouteName>(reply: Reply, name: N): ResponseOf<N>;
  /** Asserts a refusal: status, error code and, when given, a field it names. */
  refused(reply: Reply, status: number, code: string, field?: string): void;
}

export function kpiClient(target: () => ContractTarget): KpiClient {
  const send = async (method: string, path: string, options?: RequestOptions) => {
    const res = await target().request(method, `/api/v1${path}`, options);
    const text = await res.text();
    return {
      status: res.status,
      etag: res.headers.get('etag'),
      body: text ? (JSON.parse(text) as unknown) : null,
    };
  };
  const ok = <N extends RouteName>(reply: Reply, name: N): ResponseOf<N> => {
    const route = routes[name];
    expect(reply.status, JSON.stringify(reply.body)).toBe('status' in route ? route.status : 200);
    return route.response.parse(reply.body) as ResponseOf<N>;
  };
  return {
    send,
    ok,
    get: async (name, path) => ok(await send('GET', path), name),
    refused(reply, status, code, field) {
      expect(reply.status, JSON.stringify(reply.body)).toBe(status);
      const { error } = ApiErrorBody.parse(reply.body);
      expect(error.code).toBe(code);
      if (field) expect(namedFields(error.details), JSON.stringify(error)).toContain(field);
    },
  };
}

function namedFields(details: unknown): string[] {
  const issues = (details as { issues?: { field?: unknown }[] } | undefined)?.issues ?? [];
  return issues.flatMap((i) => (typeof i.field === 'string' ? i.field.split(',') : []));
}

export const ifMatch = (version: number | undefined): Record<string, string> =>
  version === undefined ? {} : { 'If-Match': `"${version}"` };

/** The demo rows the KPI scenarios use, found by their business names on any target. */
export interface KpiDemo {
  programme: string;
  a: string;
  b: string;
  c: string;
  kpis: KpiDefinition[];
  kpi: (code: string) => KpiDefinition;
}

export async function discoverKpiDemo(api: KpiClient): Promise<KpiDemo> {
  const { items: programmes } = await api.get('listProgrammes', '/programmes');
  const programme = programmes.find((p) => p.name.startsWith('Pascaline')) ?? programmes[0]!;
  const { items: consortia } = await api.get(
    'listConsortia',
    `/consortia?programmeId=${programme.id}`,
  );
  const byName = (name: string) => consortia.find((c) => c.name === name)!.id;
  const { items: kpis } = await api.get('listKpis', `/kpis?programmeId=${programme.id}`);
  return {
    programme: programme.id,
    a: byName('Coord@Dom'),
    b: byName('Sortie+'),
    c: byName('EHPAD Connect'),
    kpis,
    kpi: (code) => {
      const k = kpis.find((x) => x.code === code);
      if (!k) throw new Error(`no demo KPI ${code}`);
      return k;
    },
  };
}

/** What each group of KPI scenarios is given by `defineKpiScenarios`. */
export interface KpiScenarioContext {
  target: () => ContractTarget;
  api: KpiClient;
  demo: () => KpiDemo;
  /** Signs the target's client in as this demo account (the manager when omitted). */
  as: (email?: string) => Promise<void>;
}
