import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '@domain/contract/common';
import { routes, type ResponseOf, type RouteName } from '@domain/contract/routes';
import { addMonthsToDate, addPeriods } from '@domain/rules/periods';
import { DEMO_TODAY, type ContractTarget, type RequestOptions } from './target';

/**
 * The API contract as behaviour: every scenario runs unchanged against the MSW handlers and the
 * real server. Scenarios find their ids through the API (never through a target's internals) and
 * reset the target before they write.
 */
export function defineContractScenarios(makeTarget: () => Promise<ContractTarget>): void {
  let target: ContractTarget;
  let ids: DemoIds;

  const send = async (method: string, path: string, options?: RequestOptions) => {
    const res = await target.request(method, `/api/v1${path}`, options);
    const text = await res.text();
    return {
      status: res.status,
      etag: res.headers.get('etag'),
      body: text ? (JSON.parse(text) as unknown) : null,
    };
  };
  type Reply = Awaited<ReturnType<typeof send>>;

  /** Asserts a success and parses its body with the route's response schema. */
  const ok = <N extends RouteName>(reply: Reply, name: N): ResponseOf<N> => {
    const route = routes[name];
    expect(reply.status, JSON.stringify(reply.body)).toBe('status' in route ? route.status : 200);
    return route.response.parse(reply.body) as ResponseOf<N>;
  };

  /** Asserts a refusal: status, error code and, when given, the field it names. */
  const refused = (reply: Reply, status: number, code: string, field?: string) => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    const { error } = ApiErrorBody.parse(reply.body);
    expect(error.code).toBe(code);
    if (field) expect(namedFields(error)).toContain(field);
    return error;
  };

  const get = async <N extends RouteName>(name: N, path: string) =>
    ok(await send('GET', path), name);
  const consortium = (id: string) => get('getConsortium', `/consortia/${id}`);
  const milestone = (id: string) => get('getMilestone', `/milestones/${id}`);

  beforeAll(async () => {
    target = await makeTarget();
    await target.reset();
    // Every scenario runs as the demo manager, who may read and change everything.
    await target.signIn();
    ids = await discoverIds(get);
  });
  afterAll(async () => {
    await target?.close();
  });

  describe('reads', () => {
    it('reports its health: up or not to the anonymous, what runs to those signed in', async () => {
      const signedIn = ok(await send('GET', '/health'), 'health');
      expect(signedIn.status).toBe('ok');
      expect(signedIn.database).toBe(target.name === 'postgres' ? 'postgres' : 'pglite');
      target.signOut();
      const anonymous = await send('GET', '/health');
      await target.signIn();
      expect(anonymous).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect(anonymous.body).toEqual({ status: 'ok' });
    });

    it('lists and reads programmes; unknown ids are 404', async () => {
      const { items } = await get('listProgrammes', '/programmes');
      expect(items.map((p) => p.id)).toContain(ids.programme);
      await get('getProgramme', `/programmes/${ids.programme}`);
      refused(await send('GET', '/programmes/no-such-programme'), 404, 'not_found');
    });

    it('builds the portfolio with three consortia and consistent counts', async () => {
      const portfolio = await get(
        'getPortfolio',
        `/programmes/${ids.programme}/portfolio?asOf=${DEMO_TODAY}`,
      );
      expect(portfolio.asOf).toBe(DEMO_TODAY);
      expect(portfolio.consortia).toHaveLength(3);
      const health = Object.fromEntries(portfolio.consortia.map((c) => [c.id, c.health]));
      expect(health).toEqual({ [ids.a]: 'at_risk', [ids.b]: 'off_track', [ids.c]: 'on_track' });
      for (const card of portfolio.consortia) {
        const { items: ms } = await get('listMilestones', `/consortia/${card.id}/milestones`);
        const { items: kpis } = await get('listConsortiumKpis', `/consortia/${card.id}/kpis`);
        expect(card.milestones.planned + card.milestones.waived).toBe(ms.length);
        expect(card.milestones.approved).toBe(ms.filter((m) => m.status === 'approved').length);
        expect(card.milestones.awaitingReview).toBe(
          ms.filter((m) => m.status === 'submitted').length,
        );
        const { green, amber, red, no_data } = card.kpis;
        expect(green + amber + red + no_data).toBe(kpis.length);
      }
      expect(portfolio.consortia.find((c) => c.id === ids.a)?.milestones.awaitingReview).toBe(1);
    });

    it('honours asOf and rejects a malformed one', async () => {
      const path = `/programmes/${ids.programme}/portfolio`;
      const later = addMonthsToDate(DEMO_TODAY, 36);
      const future = await get('getPortfolio', `${path}?asOf=${later}`);
      expect(future.asOf).toBe(later);
      const now = await get('getPortfolio', `${path}?asOf=${DEMO_TODAY}`);
      const lateAt = (p: typeof now) => p.consortia.reduce((n, c) => n + c.milestones.late, 0);
      expect(lateAt(future)).toBeGreaterThan(lateAt(now));
      ok(await send('GET', path), 'getPortfolio');
      refused(await send('GET', `${path}?asOf=yesterday`), 400, 'validation_failed', 'asOf');
    });

    it('lists programme periods', async () => {
      const { items } = await get('listPeriods', `/programmes/${ids.programme}/periods`);
      expect(items.length).toBeGreaterThan(0);
    });

    it('lists consortia, filtered by programme', async () => {
      expect((await get('listConsortia', '/consortia')).items).toHaveLength(3);
      expect(
        (await get('listConsortia', `/consortia?programmeId=${ids.programme}`)).items,
      ).toHaveLength(3);
      expect((await get('listConsortia', '/consortia?programmeId=elsewhere')).items).toHaveLength(
        0,
      );
    });

    it('reads a consortium with its ETag; unknown is 404, malformed ids are 400', async () => {
      const reply = await send('GET', `/consortia/${ids.a}`);
      const c = ok(reply, 'getConsortium');
      expect(reply.etag).toBe(`"${c.version}"`);
      refused(await send('GET', '/consortia/no-such-consortium'), 404, 'not_found');
      refused(await send('GET', '/consortia/a%20b'), 400, 'validation_failed');
      refused(await send('GET', `/consortia/${'x'.repeat(65)}`), 400, 'validation_failed');
    });

    it('answers unknown API paths with a JSON 404', async () => {
      refused(await send('GET', '/no-such-resource'), 404, 'not_found');
    });
  });

  describe('PATCH /consortia/:id', () => {
    const patch = (id: string, options: RequestOptions) =>
      send('PATCH', `/consortia/${id}`, options);
    const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

    it('updates with If-Match and bumps the ETag; the old version is then stale (412)', async () => {
      await target.reset();
      const before = await consortium(ids.a);
      const reply = await patch(ids.a, {
        body: { name: 'Coord@Dom 2' },
        headers: ifMatch(before.version),
      });
      const after = ok(reply, 'patchConsortium');
      expect(after).toMatchObject({ name: 'Coord@Dom 2', version: before.version + 1 });
      expect(reply.etag).toBe(`"${before.version + 1}"`);
      expect(await consortium(ids.a)).toEqual(after);

      const stale = await patch(ids.a, {
        body: { name: 'Lost update' },
        headers: ifMatch(before.version),
      });
      const error = refused(stale, 412, 'precondition_failed');
      expect((error.details as { current: { version: number } }).current.version).toBe(
        after.version,
      );
      expect(await consortium(ids.a)).toEqual(after);
    });

    it('refuses bad writes and leaves the row unchanged', async () => {
      await target.reset();
      const before = await consortium(ids.a);
      const headers = ifMatch(before.version);
      refused(await patch(ids.a, { body: { name: 'No If-Match' } }), 428, 'precondition_required');
      for (const field of ['status', 'version', 'consortiumId']) {
        const body = { name: 'Mass assignment', [field]: field === 'status' ? 'closed' : 99 };
        refused(await patch(ids.a, { body, headers }), 400, 'validation_failed', field);
      }
      const proto = { rawBody: '{"name":"Proto","__proto__":{"admin":true}}' };
      refused(
        await patch(ids.a, {
          ...proto,
          headers: { ...headers, 'Content-Type': 'application/json' },
        }),
        400,
        'validation_failed',
        '__proto__',
      );
      refused(await patch(ids.a, { body: {}, headers }), 400, 'validation_failed');
      refused(
        await patch(ids.a, { body: { budgetEur: -5 }, headers }),
        400,
        'validation_failed',
        'budgetEur',
      );
      const text = {
        rawBody: '{"name":"Plain"}',
        headers: { ...headers, 'Content-Type': 'text/plain' },
      };
      refused(await patch(ids.a, text), 415, 'unsupported_media_type');
      const broken = {
        rawBody: '{"name": ',
        headers: { ...headers, 'Content-Type': 'application/json' },
      };
      refused(await patch(ids.a, broken), 400, 'bad_request');
      refused(
        await patch('no-such-consortium', { body: { name: 'X' }, headers }),
        404,
        'not_found',
      );
      expect(await consortium(ids.a)).toEqual(before);
    });
  });

  describe('milestones', () => {
    const patch = (id: string, body: unknown, version?: number) =>
      send('PATCH', `/milestones/${id}`, {
        body,
        headers: version ? { 'If-Match': `"${version}"` } : {},
      });

    it('lists a consortium plan and reads one milestone; unknown is 404', async () => {
      const { items } = await get('listMilestones', `/consortia/${ids.a}/milestones`);
      expect(items).toHaveLength(12);
      expect(new Set(items.map((m) => m.consortiumId))).toEqual(new Set([ids.a]));
      const reply = await send('GET', `/milestones/${items[0]!.id}`);
      expect(reply.etag).toBe(`"${ok(reply, 'getMilestone').version}"`);
      refused(await send('GET', '/milestones/no-such-milestone'), 404, 'not_found');
      refused(await send('GET', '/consortia/no-such-consortium/milestones'), 404, 'not_found');
    });

    it('lists evidence and events of an approved gate', async () => {
      const approved = (await get('listMilestones', `/consortia/${ids.a}/milestones`)).items.find(
        (m) => m.status === 'approved',
      )!;
      const { items: evidence } = await get('listEvidence', `/milestones/${approved.id}/evidence`);
      expect(evidence.length).toBeGreaterThanOrEqual(2);
      expect(evidence).toHaveLength(approved.evidenceCount);
      const { items: events } = await get(
        'listMilestoneEvents',
        `/milestones/${approved.id}/events`,
      );
      expect(events.map((e) => e.toStatus)).toContain('approved');
    });

    it('updates progress with If-Match; 428 without; 400 above 100', async () => {
      await target.reset();
      const m = await milestone(ids.openMilestone);
      refused(await patch(m.id, { progress: 40 }), 428, 'precondition_required');
      refused(
        await patch(m.id, { progress: 101 }, m.version),
        400,
        'validation_failed',
        'progress',
      );
      const updated = ok(await patch(m.id, { progress: 40 }, m.version), 'patchMilestone');
      expect(updated).toMatchObject({ progress: 40, version: m.version + 1 });
    });

    it('re-plans only with a reason, inside the consortium period, and records the event', async () => {
      await target.reset();
      const m = await milestone(ids.openMilestone);
      const c = await consortium(m.consortiumId);
      const newDate =
        addMonthsToDate(m.forecastDate, 1) > c.endDate
          ? c.endDate
          : addMonthsToDate(m.forecastDate, 1);
      refused(
        await patch(m.id, { forecastDate: newDate }, m.version),
        400,
        'validation_failed',
        'reason',
      );
      const outside = addMonthsToDate(c.endDate, 12);
      refused(
        await patch(m.id, { forecastDate: outside, reason: 'Too late' }, m.version),
        422,
        'rule_violated',
      );
      expect(await milestone(m.id)).toEqual(m);

      const reason = 'Partner audit moved by the host';
      const updated = ok(
        await patch(m.id, { forecastDate: newDate, reason }, m.version),
        'patchMilestone',
      );
      expect(updated.forecastDate).toBe(newDate);
      expect(updated.baselineDate).toBe(m.baselineDate);
      const { items: events } = await get('listMilestoneEvents', `/milestones/${m.id}/events`);
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'replan',
          previousDate: m.forecastDate,
          newDate,
          comment: reason,
        }),
      );
    });
  });

  describe('KPIs', () => {
    const valuesPath = (c: string, k: string) => `/consortia/${c}/kpis/${k}/values`;
    const put = (c: string, k: string, period: string, body: unknown, version?: number) =>
      send('PUT', `${valuesPath(c, k)}/${period}`, {
        body,
        headers: version ? { 'If-Match': `"${version}"` } : {},
      });
    const entry = {
      provisional: false,
      source: 'Contract test',
      explanation: 'Contract test entry',
    };

    it('lists and reads the catalogue; unknown KPI is 404', async () => {
      const { items } = await get('listKpis', `/kpis?programmeId=${ids.programme}`);
      expect(items.length).toBeGreaterThanOrEqual(18);
      await get('getKpi', `/kpis/${ids.patInc}`);
      refused(await send('GET', '/kpis/no-such-kpi'), 404, 'not_found');
    });

    it('summarises the KPIs a consortium tracks', async () => {
      const { items } = await get('listConsortiumKpis', `/consortia/${ids.a}/kpis`);
      expect(items.length).toBeGreaterThanOrEqual(5);
      expect(items.every((s) => s.settings.consortiumId === ids.a)).toBe(true);
      refused(await send('GET', '/consortia/no-such-consortium/kpis'), 404, 'not_found');
    });

    it('lists values within from/to', async () => {
      const all = (await get('listKpiValues', valuesPath(ids.a, ids.patInc))).items;
      expect(all.length).toBeGreaterThan(3);
      const from = all[1]!.period;
      const to = all[all.length - 2]!.period;
      const { items } = await get(
        'listKpiValues',
        `${valuesPath(ids.a, ids.patInc)}?from=${from}&to=${to}`,
      );
      expect(items.map((v) => v.period)).toEqual(all.slice(1, -1).map((v) => v.period));
      refused(
        await send('GET', `${valuesPath(ids.a, ids.patInc)}?from=june`),
        400,
        'validation_failed',
        'from',
      );
    });

    it('creates a value without If-Match and revises it only with the current version', async () => {
      await target.reset();
      const all = (await get('listKpiValues', valuesPath(ids.a, ids.patInc))).items;
      const latest = all[all.length - 1]!;
      const created = ok(
        await put(ids.a, ids.patInc, addPeriods(latest.period, 1), { ...entry, value: 330 }),
        'putKpiValue',
      );
      expect(created).toMatchObject({ value: 330, revision: 1 });

      refused(
        await put(ids.a, ids.patInc, latest.period, { ...entry, value: 321 }),
        428,
        'precondition_required',
      );
      const stale = await put(
        ids.a,
        ids.patInc,
        latest.period,
        { ...entry, value: 321 },
        latest.version + 7,
      );
      refused(stale, 412, 'precondition_failed');
      const reply = await put(
        ids.a,
        ids.patInc,
        latest.period,
        { ...entry, value: 321 },
        latest.version,
      );
      const revised = ok(reply, 'putKpiValue');
      expect(revised).toMatchObject({ value: 321, revision: latest.revision + 1 });
      expect(reply.etag).toBe(`"${revised.version}"`);
      const { items } = await get(
        'listKpiValues',
        `${valuesPath(ids.a, ids.patInc)}?from=${latest.period}&to=${latest.period}`,
      );
      expect(items.map((v) => v.value)).toContain(321);
    });

    it('refuses values that break the KPI rules, and unknown cells', async () => {
      await target.reset();
      const all = (await get('listKpiValues', valuesPath(ids.a, ids.patInc))).items;
      const next = addPeriods(all[all.length - 1]!.period, 1);
      refused(
        await put(ids.a, ids.patInc, next, { ...entry, value: -3 }),
        422,
        'rule_violated',
        'value',
      );
      refused(
        await put(ids.a, ids.pps, next, { ...entry, numerator: 120, denominator: 100 }),
        422,
        'rule_violated',
        'numerator',
      );
      refused(
        await put(ids.a, ids.pps, next, { ...entry, numerator: 0, denominator: 0 }),
        422,
        'rule_violated',
        'denominator',
      );
      refused(
        await put(ids.a, ids.patInc, `${next.slice(0, 4)}-Q2`, { ...entry, value: 10 }),
        422,
        'rule_violated',
        'period',
      );
      refused(
        await put(ids.a, ids.patInc, next, { ...entry, value: 10, revision: 3 }),
        400,
        'validation_failed',
        'revision',
      );
      refused(
        await put('no-such-consortium', ids.patInc, next, { ...entry, value: 10 }),
        404,
        'not_found',
      );
      refused(await put(ids.a, 'no-such-kpi', next, { ...entry, value: 10 }), 404, 'not_found');
      expect((await get('listKpiValues', valuesPath(ids.a, ids.patInc))).items).toEqual(all);
    });
  });
}

interface DemoIds {
  programme: string;
  a: string;
  b: string;
  c: string;
  /** A milestone of A that is still open, to patch. */
  openMilestone: string;
  patInc: string;
  pps: string;
}

type Getter = <N extends RouteName>(name: N, path: string) => Promise<ResponseOf<N>>;

/** Finds the demo's rows by their business names, so any target's ids work. */
async function discoverIds(get: Getter): Promise<DemoIds> {
  const { items: programmes } = await get('listProgrammes', '/programmes');
  const programme = programmes.find((p) => p.name.startsWith('Pascaline')) ?? programmes[0]!;
  const { items: consortia } = await get('listConsortia', `/consortia?programmeId=${programme.id}`);
  const byName = (name: string) => consortia.find((c) => c.name === name)!.id;
  const a = byName('Coord@Dom');
  const { items: milestones } = await get('listMilestones', `/consortia/${a}/milestones`);
  const { items: kpis } = await get('listKpis', `/kpis?programmeId=${programme.id}`);
  const kpi = (code: string) => kpis.find((k) => k.code === code)!.id;
  return {
    programme: programme.id,
    a,
    b: byName('Sortie+'),
    c: byName('EHPAD Connect'),
    openMilestone: milestones.find((m) => m.status === 'in_progress')!.id,
    patInc: kpi('PAT_INC'),
    pps: kpi('PPS'),
  };
}

/** Fields an error names: from details.issues[].field (comma-joined for unknown keys). */
function namedFields(error: { message: string; details?: unknown }): string[] {
  const issues = (error.details as { issues?: { field?: unknown }[] } | undefined)?.issues ?? [];
  return issues.flatMap((i) => (typeof i.field === 'string' ? i.field.split(',') : []));
}
