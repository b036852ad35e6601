import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, routes, type RouteName } from '@domain/contract';
import { createTestServer, DEMO_LOGINS, type Client, type TestServer } from '@server/node/testing';
import { settingsOr } from '@server/db/queries';
import {
  auditCount,
  issueInvitation,
  readSessions,
  storeEvidenceFile,
  storeReportArchive,
  restoreSessions,
  securityEventCount,
  seedForeignProgramme,
  SHARED_ACCOUNT_ID,
  setDisabled,
  type SessionRow,
} from './authz-matrix.harness';
import {
  isWrite,
  requestFor,
  targetOf,
  type FactoryEnv,
  type Target,
  type RequestSpec,
} from './authz-matrix.requests';
import {
  cellsOf,
  MATRIX,
  PRINCIPALS,
  SCOPES,
  SHARED_ACCOUNT_CELLS,
  type MatrixRoute,
  type PrincipalName,
  type ScopeName,
} from './authz-matrix.table';

/** The authorization matrix of reliability plan §2 A, run against one database kind. */
export function authzMatrixSuite(database: 'pglite' | 'postgres'): void {
  const DISABLED_EMAIL = 'lead-c@jalon.test';
  /** Mutations that must leave exactly one audit row when they succeed (sign-in/out are security events). */
  const AUDITED: ReadonlySet<MatrixRoute> = new Set([
    'patchProgramme',
    'createPeriod',
    'patchPeriod',
    'lockPeriod',
    'reopenPeriod',
    'retryReportArchive',
    'patchConsortium',
    'patchMilestone',
    'putKpiValue',
    'createKpi',
    'patchKpi',
    'putConsortiumKpi',
    'createInvitation',
    'patchUser',
    'createPasswordReset',
    'acceptToken',
    'putMilestoneTemplate',
    'applyMilestoneTemplate',
    'approveMilestonePlan',
    'createMilestone',
    'deleteMilestone',
    'transitionMilestone',
    'addMilestoneComment',
    'addEvidenceLink',
    'uploadEvidence',
    'deleteEvidence',
    'retryReportArchive',
  ]);
  /** Routes whose request factory stores something first (a link, a file to delete). */
  const STORES_FIRST: ReadonlySet<MatrixRoute> = new Set([
    'downloadReportArchive',
    'retryReportArchive',
    'acceptToken',
    'downloadEvidence',
    'deleteEvidence',
  ]);
  const SIGN_IN_EVENTS = ['sign_in', 'sign_in_failed', 'account_disabled'] as const;
  const ROUTE_NAMES = Object.keys(MATRIX) as MatrixRoute[];
  const READS = ROUTE_NAMES.filter((n) => !isWrite(n));
  const WRITES = ROUTE_NAMES.filter((n) => isWrite(n));

  let server: TestServer;
  let clients: Record<PrincipalName, Client>;
  let sessions: SessionRow[];
  let signInTimes: { id: string; lastSignInAt: Date | null }[];
  let pristine: string;
  /** Checksums of the data as it stands, when known: saves one full checksum per write cell. */
  let known: string | null = null;
  let counter = 0;

  const db = () => server.database.db;
  const checksums = async () => (known = JSON.stringify(await server.dataChecksums()));

  /** Every principal's session row back, and lead-c disabled again (a reset re-enables it). */
  async function prepare(): Promise<void> {
    await restoreSessions(db(), sessions);
    await setDisabled(db(), DISABLED_EMAIL, true);
  }

  /** Back to the seeded state when an earlier write succeeded, so no cell sees another's change. */
  async function resetIfDirty(): Promise<void> {
    if ((known ?? (await checksums())) === pristine) return;
    await server.reset();
    await seedForeignProgramme(db());
    await prepare();
    await restoreSignInTimes();
    known = pristine;
  }

  /** A sign-in stamps `lastSignInAt`, which no later cell depends on: put it back, not reset. */
  async function restoreSignInTimes(): Promise<void> {
    for (const u of signInTimes) {
      await db()
        .updateTable('users')
        .set({ lastSignInAt: u.lastSignInAt?.toISOString() ?? null })
        .where('id', '=', u.id)
        .execute();
    }
  }

  function envFor(
    name: MatrixRoute,
    principal: PrincipalName,
    scope: ScopeName | 'n/a',
    target: Target = targetOf(MATRIX[name].scope, scope),
  ): FactoryEnv {
    return {
      principal,
      scope,
      target,
      unique: `${++counter}-${principal}`,
      version: async (table, id) => {
        const row = await db()
          .selectFrom(table)
          .select('version')
          .where('id', '=', id)
          .executeTakeFirst();
        return row?.version ?? null;
      },
      kpiValueVersion: async (consortiumId, kpiId, period) => {
        const row = await db()
          .selectFrom('kpiValues')
          .select('version')
          .where('consortiumId', '=', consortiumId)
          .where('kpiId', '=', kpiId)
          .where('period', '=', period)
          .orderBy('revision', 'desc')
          .executeTakeFirst();
        return row?.version ?? null;
      },
      kpiSettings: (consortiumId, kpiId) => settingsOr(db(), consortiumId, kpiId),
      evidenceFile: (milestoneId) => storeEvidenceFile(db(), milestoneId, server.clock.now()),
      reportArchive: (periodId, status) =>
        storeReportArchive(db(), periodId, status, server.clock.now()),
      invitationToken: (consortiumId, email) =>
        issueInvitation(db(), {
          email,
          programmeId: 'pascaline',
          consortiumId,
          now: server.clock.now(),
        }),
    };
  }

  async function send(principal: PrincipalName, spec: RequestSpec, rawBody = spec.rawBody) {
    await prepare();
    const res = await clients[principal].request(spec.method, spec.path, {
      body: rawBody === undefined ? spec.body : undefined,
      rawBody,
      headers: spec.headers,
    });
    const text = await res.text();
    return { status: res.status, text };
  }

  type Observed = Record<string, number | number[]>;

  /** Runs every cell of a route; returns the observed grid and what went wrong beside the status. */
  async function runRoute(name: MatrixRoute, specs?: Map<string, RequestSpec>) {
    const row = MATRIX[name];
    const observed: Observed = {};
    const notes: string[] = [];
    for (const cell of cellsOf(row)) {
      const key = `${cell.principal}/${cell.scope}`;
      let before: { sums: string; audit: number; signIns: number } | null = null;
      let spec = specs?.get(key);
      if (isWrite(name)) {
        await resetIfDirty();
        spec = await requestFor(name, envFor(name, cell.principal, cell.scope));
        await prepare();
        // Some factories store a row first; otherwise the data is as the last cell left it.
        const sums = STORES_FIRST.has(name) || known === null ? await checksums() : known;
        before = {
          sums,
          audit: await auditCount(db()),
          signIns: await securityEventCount(db(), SIGN_IN_EVENTS),
        };
      }
      if (!spec) throw new Error(`no request for ${name} ${key}`);
      const { status, text } = await send(cell.principal, spec);
      if (status !== cell.status)
        notes.push(`${key}: expected ${cell.status}, got ${status} ${text.slice(0, 160)}`);
      if (before) {
        const audit = (await auditCount(db())) - before.audit;
        const ok = status >= 200 && status < 300;
        const expectedAudit = ok && AUDITED.has(name) ? 1 : 0;
        if (audit !== expectedAudit)
          notes.push(`${key}: ${audit} audit rows for ${status}, expected ${expectedAudit}`);
        if (name === 'login') {
          // Every sign-in attempt is logged, successful or not (plan §2 I).
          const logged = (await securityEventCount(db(), SIGN_IN_EVENTS)) - before.signIns;
          if (logged !== 1) notes.push(`${key}: ${logged} sign-in security events, expected 1`);
          if (ok) await restoreSignInTimes();
        }
        if (!ok && (await checksums()) !== before.sums)
          notes.push(`${key}: refused (${status}) but data changed`);
        if (ok) await checksums();
      }
      if (cell.scope === 'n/a') observed[cell.principal] = status;
      else ((observed[cell.principal] ??= []) as number[]).push(status);
    }
    return { observed, notes };
  }

  const expectedGrid = (name: MatrixRoute): Observed =>
    JSON.parse(JSON.stringify(MATRIX[name].expect)) as Observed;

  beforeAll(async () => {
    server = await createTestServer({ database });
    await seedForeignProgramme(db());
    clients = {
      anonymous: server.client(),
      observer: await server.as(DEMO_LOGINS.observer),
      member: await server.as(DEMO_LOGINS.member),
      lead: await server.as(DEMO_LOGINS.lead),
      manager: await server.as(DEMO_LOGINS.manager),
      disabled: await server.disabledClient(),
    };
    sessions = await readSessions(db());
    signInTimes = await db().selectFrom('users').select(['id', 'lastSignInAt']).execute();
    pristine = await checksums();
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('route inventory', () => {
    it('the table lists exactly the routes of the contract', () => {
      expect([...ROUTE_NAMES].sort()).toEqual(Object.keys(routes).sort());
    });

    it('the server registers exactly the routes of the contract', () => {
      const registered = new Set(
        server.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`),
      );
      const declared = new Set(
        (Object.keys(routes) as RouteName[]).map(
          (n) => `${routes[n].method} ${API_PREFIX}${routes[n].path}`,
        ),
      );
      expect([...registered].sort()).toEqual([...declared].sort());
    });

    it('has no empty cell and about 450 of them', () => {
      const cells = ROUTE_NAMES.flatMap((n) => cellsOf(MATRIX[n]));
      for (const c of cells) expect([200, 201, 401, 403, 404, 422]).toContain(c.status);
      for (const n of ROUTE_NAMES)
        expect(cellsOf(MATRIX[n]).length).toBe(MATRIX[n].scope === 'n/a' ? 6 : 18);
      expect(cells.length).toBeGreaterThanOrEqual(450);
    });
  });

  describe('reads', () => {
    const specs = new Map<MatrixRoute, Map<string, RequestSpec>>();
    let before: { sums: string; audit: number };

    beforeAll(async () => {
      // Built first: link routes store their tokens here, before the "no writes" baseline.
      for (const name of READS) {
        const m = new Map<string, RequestSpec>();
        for (const cell of cellsOf(MATRIX[name])) {
          m.set(
            `${cell.principal}/${cell.scope}`,
            await requestFor(name, envFor(name, cell.principal, cell.scope)),
          );
        }
        specs.set(name, m);
      }
      await prepare();
      before = { sums: await checksums(), audit: await auditCount(db()) };
    });
    afterAll(() => {
      known = null;
    });

    it.each(READS)('%s', async (name) => {
      const { observed, notes } = await runRoute(name, specs.get(name));
      expect(observed, notes.join('\n')).toEqual(expectedGrid(name));
    });

    it('cause no writes: audit rows and data checksums unchanged across every read cell', async () => {
      expect(await auditCount(db())).toBe(before.audit);
      expect(await checksums()).toBe(before.sums);
    });
  });

  describe('writes (database reset between successful cells)', () => {
    it.each(WRITES)('%s', async (name) => {
      const { observed, notes } = await runRoute(name);
      expect(notes).toEqual([]);
      expect(observed).toEqual(expectedGrid(name));
    });
  });

  describe('account routes on an account shared with another programme', () => {
    const shared: Target = { ...targetOf('user', 'own'), userId: SHARED_ACCOUNT_ID };
    const names = Object.keys(SHARED_ACCOUNT_CELLS) as (keyof typeof SHARED_ACCOUNT_CELLS)[];

    it.each(names)('%s', async (name) => {
      const observed: Partial<Record<PrincipalName, number>> = {};
      const notes: string[] = [];
      for (const principal of PRINCIPALS) {
        await resetIfDirty();
        const spec = await requestFor(name, envFor(name, principal, 'own', shared));
        await prepare();
        const sums = await checksums();
        const { status, text } = await send(principal, spec);
        observed[principal] = status;
        if (status >= 300 && (await checksums()) !== sums)
          notes.push(`${principal}: refused (${status}) but data changed: ${text.slice(0, 120)}`);
      }
      expect(notes).toEqual([]);
      expect(observed).toEqual(SHARED_ACCOUNT_CELLS[name]);
    });

    it('lists the shared account to its manager without account-wide authority', async () => {
      await resetIfDirty();
      const res = await clients.manager.request('GET', '/api/v1/programmes/pascaline/users');
      const { items } = (await res.json()) as { items: { id: string; accountWide: boolean }[] };
      expect(items.find((u) => u.id === SHARED_ACCOUNT_ID)?.accountWide).toBe(false);
      expect(items.find((u) => u.id === 'user-member-a')?.accountWide).toBe(true);
    });
  });

  describe('lists with three consortia and a foreign programme show no foreign rows', () => {
    const OWN = ['coord-dom'];
    const ALL = ['coord-dom', 'ehpad-connect', 'sortie-plus'];
    const seen: Record<'observer' | 'member' | 'lead' | 'manager', string[]> = {
      observer: ALL,
      member: OWN,
      lead: OWN,
      manager: ALL,
    };
    const get = async <T>(who: PrincipalName, path: string): Promise<T> => {
      const res = await clients[who].request('GET', `/api/v1${path}`);
      expect(res.status, `${who} GET ${path}`).toBe(200);
      return (await res.json()) as T;
    };
    type Items<T> = { items: T[] };

    beforeAll(async () => {
      await resetIfDirty();
      await prepare();
      // Audit rows in two consortia, so that a history leak would show.
      for (const id of ['coord-dom', 'sortie-plus', 'ehpad-connect']) {
        const c = await get<{ version: number }>('manager', `/consortia/${id}`);
        const res = await clients.manager.request('PATCH', `/api/v1/consortia/${id}`, {
          body: { territory: `Liste ${id}` },
          headers: { 'If-Match': `"${c.version}"` },
        });
        expect(res.status).toBe(200);
      }
      known = null;
    });

    it.each(Object.keys(seen) as (keyof typeof seen)[])('%s', async (who) => {
      const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
      expect(ids((await get<Items<{ id: string }>>(who, '/consortia')).items)).toEqual(seen[who]);
      expect(
        ids((await get<Items<{ id: string }>>(who, '/consortia?programmeId=pascaline')).items),
      ).toEqual(seen[who]);
      expect((await get<Items<unknown>>(who, '/consortia?programmeId=x-pascaline')).items).toEqual(
        [],
      );
      expect(ids((await get<Items<{ id: string }>>(who, '/programmes')).items)).toEqual([
        'pascaline',
      ]);
      const kpis = (await get<Items<{ programmeId: string }>>(who, '/kpis')).items;
      expect(kpis.length).toBeGreaterThan(0);
      expect(kpis.filter((k) => k.programmeId !== 'pascaline')).toEqual([]);
      expect((await get<Items<unknown>>(who, '/kpis?programmeId=x-pascaline')).items).toEqual([]);
      const portfolio = await get<{ consortia: { id: string }[] }>(
        who,
        '/programmes/pascaline/portfolio',
      );
      expect(ids(portfolio.consortia)).toEqual(seen[who]);
      const milestones = (
        await get<Items<{ consortiumId: string }>>(who, '/consortia/coord-dom/milestones')
      ).items;
      expect(milestones.length).toBeGreaterThan(0);
      expect(milestones.filter((m) => m.consortiumId !== 'coord-dom')).toEqual([]);
      const history = (
        await get<Items<{ consortiumId: string | null }>>(who, '/consortia/coord-dom/history')
      ).items;
      expect(history.length).toBeGreaterThan(0);
      expect(history.filter((h) => h.consortiumId !== 'coord-dom')).toEqual([]);
      const kpiSummaries = (
        await get<Items<{ settings: { consortiumId: string } }>>(who, '/consortia/coord-dom/kpis')
      ).items;
      expect(kpiSummaries.filter((k) => k.settings.consortiumId !== 'coord-dom')).toEqual([]);
      if (who === 'manager') {
        const users = (
          await get<Items<{ email: string; memberships: { programmeId: string }[] }>>(
            who,
            '/programmes/pascaline/users',
          )
        ).items;
        // Only the account that is also a member here; its foreign membership stays hidden.
        expect(users.filter((u) => u.email.startsWith('x-')).map((u) => u.email)).toEqual([
          'x-lead-b@jalon.test',
        ]);
        expect(
          users.flatMap((u) => u.memberships).filter((m) => m.programmeId !== 'pascaline'),
        ).toEqual([]);
        const activity = (
          await get<Items<{ consortiumId: string | null }>>(who, '/programmes/pascaline/audit')
        ).items;
        expect(activity.length).toBe(3);
      }
    });
  });

  describe('field level (ASVS 8.2.3): an observer never sees a suppressed small count', () => {
    type Value = {
      period: string;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
      suppressed: boolean;
    };
    type Entry = {
      entityType: string;
      entityId: string;
      before: Value | null;
      after: Value | null;
    };
    let entityId = '';

    beforeAll(async () => {
      await resetIfDirty();
      await prepare();
      const list = await clients.lead.request(
        'GET',
        '/api/v1/consortia/coord-dom/kpis/kpi-pps/values',
      );
      const current = (
        (await list.json()) as { items: (Value & { version: number })[] }
      ).items.find((v) => v.period === '2026-05');
      // 4 patients out of 20: a rate whose numerator is below the threshold of 10.
      const res = await clients.lead.request(
        'PUT',
        '/api/v1/consortia/coord-dom/kpis/kpi-pps/values/2026-05',
        {
          body: {
            numerator: 4,
            denominator: 20,
            provisional: false,
            source: 'DPI',
            explanation: 'Petit effectif',
          },
          headers: {
            'Content-Type': 'application/json',
            ...(current ? { 'If-Match': `"${current.version}"` } : {}),
          },
        },
      );
      expect(res.status, await res.clone().text()).toBe(200);
      entityId = ((await res.json()) as { id: string }).id;
      known = null;
    });

    it('the value is suppressed in the values list', async () => {
      const res = await clients.observer.request(
        'GET',
        '/api/v1/consortia/coord-dom/kpis/kpi-pps/values?from=2026-05&to=2026-05',
      );
      const [v] = ((await res.json()) as { items: Value[] }).items;
      expect(v).toMatchObject({
        suppressed: true,
        value: null,
        numerator: null,
        denominator: null,
      });
    });

    it('and in the consortium history (its audit entry must not carry the count)', async () => {
      const res = await clients.observer.request('GET', '/api/v1/consortia/coord-dom/history');
      expect(res.status).toBe(200);
      const entries = ((await res.json()) as { items: Entry[] }).items.filter(
        (e) => e.entityId === entityId,
      );
      expect(entries).toHaveLength(1);
      const after = entries[0]?.after;
      expect({
        value: after?.value ?? null,
        numerator: after?.numerator ?? null,
        denominator: after?.denominator ?? null,
      }).toEqual({
        // The numbers are gone; only the marker that they are below the threshold remains.
        value: { hidden: 'belowThreshold', threshold: 10 },
        numerator: { hidden: 'belowThreshold', threshold: 10 },
        denominator: { hidden: 'belowThreshold', threshold: 10 },
      });
    });

    it('while the consortium itself and the manager still see it', async () => {
      for (const who of ['lead', 'member', 'manager'] as const) {
        const res = await clients[who].request(
          'GET',
          '/api/v1/consortia/coord-dom/kpis/kpi-pps/values?from=2026-05&to=2026-05',
        );
        const [v] = ((await res.json()) as { items: Value[] }).items;
        expect(v, who).toMatchObject({ suppressed: false, numerator: 4, denominator: 20 });
      }
    });
  });

  describe('mass assignment (BOPLA): extra fields on every mutation are refused and change nothing', () => {
    // Raw JSON text: `__proto__` arrives as a real key, as it would from an attacker.
    const INJECTED = new Map<string, string>([
      ['consortiumId', '"sortie-plus"'],
      ['status', '"approved"'],
      ['version', '99'],
      ['createdBy', '"user-lead-b"'],
      ['__proto__', '{"role":"manager","disabled":false,"consortiumId":"sortie-plus"}'],
    ]);
    const cases = WRITES.flatMap((name) => [...INJECTED.keys()].map((key) => ({ name, key })));
    // Inviting someone names the consortium they join: there `consortiumId` is a legitimate field.
    // An upload's body is the file itself: it has no fields to inject.
    const legitimate = (name: MatrixRoute, key: string) =>
      (name === 'createInvitation' && key === 'consortiumId') || 'rawBody' in routes[name];

    it.each(cases.filter((c) => !legitimate(c.name, c.key)))(
      '$name + $key → 400',
      async ({ name, key }) => {
        await resetIfDirty();
        const principal: PrincipalName =
          name === 'login' || name === 'acceptToken' ? 'anonymous' : 'manager';
        const spec = await requestFor(
          name,
          envFor(name, principal, MATRIX[name].scope === 'n/a' ? 'n/a' : 'own'),
        );
        if (STORES_FIRST.has(name)) known = null;
        const base = JSON.stringify(spec.body ?? {});
        const raw = `${base.slice(0, -1)}${base === '{}' ? '' : ','}"${key}":${INJECTED.get(key)}}`;
        await prepare();
        const sums = known ?? (await checksums());
        const audit = await auditCount(db());
        const { status, text } = await send(principal, spec, raw);
        expect(status, text.slice(0, 200)).toBe(400);
        expect(await auditCount(db())).toBe(audit);
        expect(await checksums()).toBe(sums);
      },
    );
  });

  describe("another programme: its consortia are 404 even to this programme's manager and observer", () => {
    const FOREIGN: Target = {
      programmeId: 'x-pascaline',
      consortiumId: 'x-coord-dom',
      milestoneId: 'x-coord-dom-j10',
      kpiId: 'x-kpi-pro-eq',
      periodId: 'x-pascaline-2026-05',
      userId: 'x-user-member-a',
      inviteConsortiumId: 'x-coord-dom',
    };
    const foreignScoped = ROUTE_NAMES.filter((n) => {
      const scope = MATRIX[n].scope;
      return scope === 'consortium' || scope === 'milestone';
    });
    const cases = foreignScoped.flatMap((name) =>
      (['observer', 'member', 'lead', 'manager'] as const).map((principal) => ({
        name,
        principal,
      })),
    );

    it.each(cases)('$name as $principal → 404, nothing changed', async ({ name, principal }) => {
      await resetIfDirty();
      const spec = await requestFor(name, envFor(name, principal, 'other', FOREIGN));
      if (STORES_FIRST.has(name)) known = null;
      await prepare();
      const sums = known ?? (await checksums());
      const audit = await auditCount(db());
      const { status, text } = await send(principal, spec);
      expect(status, text.slice(0, 200)).toBe(404);
      expect(await auditCount(db())).toBe(audit);
      expect(await checksums()).toBe(sums);
    });

    it('a user of another programme cannot be managed through this one', async () => {
      await resetIfDirty();
      const version = await db()
        .selectFrom('users')
        .select('version')
        .where('id', '=', 'x-user-member-a')
        .executeTakeFirstOrThrow();
      const sums = known ?? (await checksums());
      const patch = await send('manager', {
        method: 'PATCH',
        path: '/api/v1/programmes/pascaline/users/x-user-member-a',
        body: { disabled: true },
        headers: { 'Content-Type': 'application/json', 'If-Match': `"${version.version}"` },
      });
      expect(patch.status, patch.text).toBe(404);
      const reset = await send('manager', {
        method: 'POST',
        path: '/api/v1/programmes/pascaline/users/x-user-member-a/password-reset',
        headers: { 'Content-Type': 'application/json' },
      });
      expect(reset.status, reset.text).toBe(404);
      const invite = await send('manager', {
        method: 'POST',
        path: '/api/v1/programmes/pascaline/invitations',
        body: {
          email: 'cross@jalon.test',
          role: 'member',
          programmeId: 'pascaline',
          consortiumId: 'x-coord-dom',
        },
        headers: { 'Content-Type': 'application/json' },
      });
      expect(invite.status, invite.text).toBe(422);
      expect(await checksums()).toBe(sums);
    });
  });

  // Keeps the scope list honest: a cell per scope name, so adding a scope widens every row.
  it('scopes are own, other, missing', () => {
    expect(SCOPES).toEqual(['own', 'other', 'missing']);
    expect(PRINCIPALS).toHaveLength(6);
  });
}
