import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@domain/demo/people';
import { sha256 } from '@server/auth/tokens';
import { createTestServer, type Client, type TestServer } from '@server/node/testing';
import { auditCount, securityEventCount, tokenOf } from './authz-matrix.harness';

/*
 * Audit completeness (reliability plan §2 I): random operations by random principals. After each
 * one: a success leaves exactly one audit row whose before/after is exactly the change read back,
 * a refusal leaves no row and no change; at the end, rows = successes, and replaying the rows
 * from the seeded state rebuilds the consortia, milestones and account flags.
 */

/** The audit property of reliability plan §2 I, run against one database kind. */
export function auditPropertySuite(database: 'pglite' | 'postgres'): void {
  const RUNS = Number(process.env.JALON_AUDIT_RUNS ?? 3);
  const OPS_PER_RUN = Number(process.env.JALON_AUDIT_OPS ?? 110);
  const MISSING = 'missing-id-0000';
  const NEW_PASSWORD = 'une phrase de passe assez longue';
  /** Each person's current password: accepting a reset link changes it. */
  let passwords = new Map<string, string>();

  const PEOPLE = {
    manager: { email: 'manager@jalon.test', id: 'user-manager' },
    observer: { email: 'observer@jalon.test', id: 'user-observer' },
    lead: { email: 'lead@jalon.test', id: 'user-lead-a' },
    member: { email: 'member@jalon.test', id: 'user-member-a' },
    leadB: { email: 'lead-b@jalon.test', id: 'user-lead-b' },
  } as const;
  type Person = keyof typeof PEOPLE;
  type Who = Person | 'anonymous';

  const who: fc.Arbitrary<Who> = fc.oneof(
    { arbitrary: fc.constant<Who>('manager'), weight: 6 },
    { arbitrary: fc.constant<Who>('lead'), weight: 4 },
    { arbitrary: fc.constantFrom<Who>('observer', 'member', 'leadB', 'anonymous'), weight: 2 },
  );
  type IfMatch = 'current' | 'stale' | 'none';
  const ifMatch = fc.oneof(
    { arbitrary: fc.constant<IfMatch>('current'), weight: 8 },
    { arbitrary: fc.constantFrom<IfMatch>('stale', 'none'), weight: 1 },
  );
  /** Often absent, mostly valid, sometimes invalid. */
  const field = <T>(valid: T[], invalid: T[]) =>
    fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 4 },
      { arbitrary: fc.constantFrom(...valid), weight: 5 },
      { arbitrary: fc.constantFrom(...invalid), weight: 1 },
    );
  const rarely = <T>(value: T) =>
    fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 25 },
      { arbitrary: fc.constant(value), weight: 1 },
    );
  const mostly = <T>(common: T[], rare: T[]) =>
    fc.oneof(
      { arbitrary: fc.constantFrom(...common), weight: 6 },
      { arbitrary: fc.constantFrom(...rare), weight: 1 },
    );

  const op = fc.oneof(
    fc.record({
      kind: fc.constant('patchConsortium' as const),
      who,
      id: mostly(['coord-dom', 'sortie-plus', 'ehpad-connect'], [MISSING]),
      ifMatch,
      body: fc.record({
        name: field(['Coord@Dom', 'Nom revu'], ['']),
        territory: field(['Isère', 'Drôme', 'Savoie'], ['x'.repeat(201)]),
        budgetEur: field([120_000, 480_000, 0], [-1, 2.5]),
        description: field(['Description revue', ''], ['y'.repeat(4001)]),
        status: rarely('closed'),
      }),
    }),
    fc.record({
      kind: fc.constant('patchMilestone' as const),
      who,
      id: mostly(['coord-dom-j10', 'coord-dom-j11', 'sortie-plus-j10'], ['coord-dom-j00', MISSING]),
      ifMatch,
      body: fc.record({
        progress: field([0, 10, 35, 60, 100], [-1, 101]),
        replan: field(
          [
            { forecastDate: '2026-07-20', reason: 'Retard du fournisseur' },
            { forecastDate: '2026-09-30', reason: 'Réorganisation du calendrier' },
            { forecastDate: '2026-11-02', reason: 'Attente du comité' },
          ],
          [
            { forecastDate: '2026-08-01', reason: undefined },
            { forecastDate: '2026-08-01', reason: 'no' },
            { forecastDate: '2035-01-01', reason: 'Hors période' },
          ],
        ),
        description: field(['Étape revue', ''], ['z'.repeat(4001)]),
        version: rarely(99),
      }),
    }),
    fc.record({
      kind: fc.constant('transitionMilestone' as const),
      who,
      id: mostly(['coord-dom-j10', 'coord-dom-j11', 'sortie-plus-j10'], ['coord-dom-j00', MISSING]),
      // Biased towards steps that can succeed: most random transitions are refused by the rules.
      action: mostly(
        ['start', 'waive', 'reopen'] as const,
        ['resume', 'submit', 'approve', 'request_changes'] as const,
      ),
      comment: mostly<string | undefined>(['Décision du comité de pilotage'], [undefined, '   ']),
      ifMatch,
    }),
    fc.record({
      kind: fc.constant('addMilestoneComment' as const),
      who,
      id: mostly(['coord-dom-j10', 'coord-dom-j08', 'sortie-plus-j10'], [MISSING]),
      comment: mostly(['Point fait en COTECH', 'Pièce relue'], ['   ', 'c'.repeat(4001)]),
    }),
    fc.record({
      kind: fc.constant('putKpiValue' as const),
      who,
      consortiumId: mostly(['coord-dom', 'coord-dom', 'sortie-plus'], [MISSING]),
      // PRO_EQ is tracked by both consortia; PAT_INC by Coord@Dom only; SAT_PRO is quarterly.
      kpiId: mostly(['kpi-pro-eq'], ['kpi-pat-inc', 'kpi-sat-pro']),
      period: mostly(['2026-05', '2026-06'], ['2026-Q2', '2026-03', '2026-13']),
      ifMatch,
      body: fc.record({
        value: mostly<number | string | undefined>([180, 205, 230, 260], [-3, 'NaN', undefined]),
        provisional: fc.boolean(),
        source: mostly(['Journal d’usage', 'Enquête'], ['']),
        explanation: mostly(['Écart expliqué par une montée en charge'], [undefined]),
        consortiumId: rarely('sortie-plus'),
      }),
    }),
    fc.record({
      kind: fc.constant('patchUser' as const),
      who,
      userId: mostly(['user-lead-c', 'user-observer', 'user-member-a'], ['user-manager', MISSING]),
      disabled: fc.boolean(),
      ifMatch,
    }),
    fc.record({
      kind: fc.constant('createInvitation' as const),
      who,
      programmeId: mostly(['pascaline'], [MISSING]),
      invite: mostly(
        [
          { role: 'member', consortiumId: 'coord-dom' },
          { role: 'lead', consortiumId: 'sortie-plus' },
          { role: 'observer', consortiumId: null },
        ],
        [
          { role: 'member', consortiumId: null },
          { role: 'manager', consortiumId: 'coord-dom' },
          { role: 'member', consortiumId: MISSING },
        ],
      ),
      validEmail: mostly([true], [false]),
    }),
    fc.record({
      kind: fc.constant('createPasswordReset' as const),
      who,
      userId: mostly(['user-lead-c', 'user-observer', 'user-member-a'], [MISSING]),
    }),
    fc.record({
      kind: fc.constant('acceptToken' as const),
      token: mostly<'invitation' | 'reset' | 'used' | 'unknown'>(
        ['invitation', 'reset'],
        ['used', 'unknown'],
      ),
      weakPassword: mostly([false], [true]),
    }),
  );
  type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

  type Json = Record<string, unknown>;
  interface AuditRow {
    id: string;
    actorId: string | null;
    action: string;
    entityType: string;
    entityId: string;
    consortiumId: string | null;
    role: string | null;
    at: Date;
    before: Json | null;
    after: Json | null;
    requestId: string;
  }

  let server: TestServer;
  let clients: Record<Who, Client>;
  let links: { invitation: string[]; reset: string[]; used: string[] };
  const stats = { ops: 0, successes: 0, refusals: 0 };
  const byKind = new Map<string, { ok: number; refused: number }>();
  const debug = new Map<string, number>();

  const db = () => server.database.db;
  const clean = (o: Json) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  const pick = (o: Json, fields: readonly string[]) =>
    Object.fromEntries(fields.map((f) => [f, o[f]]));
  /** The audit diff convention: only the fields whose value changed. */
  function changed(before: Json, after: Json, fields: readonly string[]) {
    const b: Json = {};
    const a: Json = {};
    for (const f of fields) {
      if (JSON.stringify(before[f]) === JSON.stringify(after[f])) continue;
      b[f] = before[f];
      a[f] = after[f];
    }
    return { before: b, after: a };
  }

  const CONSORTIUM_FIELDS = ['name', 'solution', 'description', 'territory', 'budgetEur'] as const;
  const MILESTONE_FIELDS = ['progress', 'forecastDate', 'description'] as const;
  const TRANSITION_FIELDS = ['status', 'actualDate', 'progress'] as const;
  const VALUE_FIELDS = [
    'value',
    'numerator',
    'denominator',
    'provisional',
    'source',
    'note',
    'explanation',
  ] as const;

  async function readJson(path: string): Promise<Json | null> {
    const res = await clients.manager.request('GET', `/api/v1${path}`);
    return res.status === 200 ? ((await res.json()) as Json) : null;
  }

  /** The object an operation targets, read as the manager (reads write nothing: see the matrix). */
  async function readTarget(o: Op): Promise<Json | null> {
    switch (o.kind) {
      case 'patchConsortium':
        return readJson(`/consortia/${o.id}`);
      case 'patchMilestone':
      case 'transitionMilestone':
      case 'addMilestoneComment':
        return readJson(`/milestones/${o.id}`);
      case 'putKpiValue': {
        const list = await readJson(`/consortia/${o.consortiumId}/kpis/${o.kpiId}/values`);
        const items = (list?.items ?? []) as Json[];
        return items.find((v) => v.period === o.period) ?? null;
      }
      case 'patchUser': {
        const row = await db()
          .selectFrom('users')
          .select(['disabled', 'version'])
          .where('id', '=', o.userId)
          .executeTakeFirst();
        return row ? { disabled: row.disabled, version: row.version } : null;
      }
      default:
        return null;
    }
  }

  /** A signed-in principal whose session ended (disabled then enabled, password reset) signs in again. */
  async function ensureSession(w: Who): Promise<void> {
    if (w === 'anonymous') return;
    const token = tokenOf(clients[w]);
    const live = token
      ? await db()
          .selectFrom('sessions')
          .select('userId')
          .where('tokenSha256', '=', await sha256(token))
          .executeTakeFirst()
      : undefined;
    if (live) return;
    const user = await db()
      .selectFrom('users')
      .select('disabled')
      .where('id', '=', PEOPLE[w].id)
      .executeTakeFirstOrThrow();
    if (!user.disabled)
      await clients[w].signIn(PEOPLE[w].email, passwords.get(PEOPLE[w].id) ?? DEMO_PASSWORD);
  }

  function requestOf(o: Op, target: Json | null, n: number) {
    const version = typeof target?.version === 'number' ? target.version : null;
    const im = (mode: IfMatch): Record<string, string> =>
      mode === 'none'
        ? {}
        : { 'If-Match': `"${mode === 'stale' ? (version ?? 1) + 7 : (version ?? 1)}"` };
    switch (o.kind) {
      case 'patchConsortium':
        return {
          method: 'PATCH',
          path: `/consortia/${o.id}`,
          body: clean(o.body),
          headers: im(o.ifMatch),
        };
      case 'patchMilestone': {
        const { replan, ...rest } = o.body;
        return {
          method: 'PATCH',
          path: `/milestones/${o.id}`,
          body: clean({ ...rest, ...replan }),
          headers: im(o.ifMatch),
        };
      }
      case 'transitionMilestone':
        return {
          method: 'POST',
          path: `/milestones/${o.id}/transitions`,
          body: clean({ action: o.action, comment: o.comment }),
          headers: im(o.ifMatch),
        };
      case 'addMilestoneComment':
        return {
          method: 'POST',
          path: `/milestones/${o.id}/comments`,
          body: { comment: o.comment },
          headers: {},
        };
      case 'putKpiValue': {
        // When the cell is new, "current" means no If-Match at all.
        const headers = o.ifMatch === 'current' && version === null ? {} : im(o.ifMatch);
        const value = o.body.value === 'NaN' ? Number.NaN : o.body.value;
        return {
          method: 'PUT',
          path: `/consortia/${o.consortiumId}/kpis/${o.kpiId}/values/${o.period}`,
          body: clean({ ...o.body, value }),
          headers,
        };
      }
      case 'patchUser':
        return {
          method: 'PATCH',
          path: `/programmes/pascaline/users/${o.userId}`,
          body: { disabled: o.disabled },
          headers: im(o.ifMatch),
        };
      case 'createInvitation':
        return {
          method: 'POST',
          path: `/programmes/${o.programmeId}/invitations`,
          body: {
            email: o.validEmail ? `invite-${n}@jalon.test` : `invite-${n}`,
            programmeId: o.programmeId,
            ...o.invite,
          },
          headers: {},
        };
      case 'createPasswordReset':
        return {
          method: 'POST',
          path: `/programmes/pascaline/users/${o.userId}/password-reset`,
          headers: {},
        };
      case 'acceptToken': {
        const pool = o.token === 'unknown' ? [] : links[o.token];
        const token = pool.at(-1) ?? 'B'.repeat(43);
        return {
          method: 'POST',
          path: '/auth/accept',
          body: {
            token,
            name: 'Nouvelle Personne',
            password: o.weakPassword ? 'short' : NEW_PASSWORD,
          },
          headers: {},
        };
      }
    }
  }

  /** The audit row a success must leave, checked against what was read before and after. */
  async function checkAuditRow(
    o: Op,
    row: AuditRow,
    before: Json | null,
    after: Json | null,
    res: Json,
  ) {
    switch (o.kind) {
      case 'patchConsortium':
        expect(row).toMatchObject({
          action: 'consortium.update',
          entityId: o.id,
          consortiumId: o.id,
        });
        expect({ before: row.before, after: row.after }).toEqual(
          changed(before!, after!, CONSORTIUM_FIELDS),
        );
        return;
      case 'patchMilestone': {
        expect(row).toMatchObject({ action: 'milestone.update', entityId: o.id });
        const diff = changed(before!, after!, MILESTONE_FIELDS);
        const reason = o.body.replan?.reason;
        if ('forecastDate' in diff.after && reason !== undefined) diff.after.reason = reason;
        expect({ before: row.before, after: row.after }).toEqual(diff);
        return;
      }
      case 'transitionMilestone': {
        expect(row).toMatchObject({ action: 'milestone.transition', entityId: o.id });
        const diff = changed(before!, after!, TRANSITION_FIELDS);
        expect({ before: row.before, after: row.after }).toEqual({
          before: diff.before,
          after: { ...diff.after, action: o.action, comment: o.comment?.trim() || null },
        });
        return;
      }
      case 'addMilestoneComment':
        expect(row).toMatchObject({ action: 'milestone.comment', entityId: o.id, before: null });
        expect(row.after).toEqual({ comment: o.comment.trim() });
        expect(after).toEqual(before);
        return;
      case 'putKpiValue': {
        expect(row).toMatchObject({
          action: 'kpiValue.upsert',
          entityId: after!.id,
          consortiumId: o.consortiumId,
        });
        // The entry always names its cell, so the trail can say which KPI and period.
        const cell = { kpiId: o.kpiId, period: o.period };
        const diff = before
          ? changed(before, after!, VALUE_FIELDS)
          : { before: null, after: pick(after!, VALUE_FIELDS) };
        expect({ before: row.before, after: row.after }).toEqual({
          before: diff.before,
          after: { ...diff.after, ...cell },
        });
        return;
      }
      case 'patchUser': {
        expect(row).toMatchObject({
          action: o.disabled ? 'user.disable' : 'user.enable',
          entityId: o.userId,
        });
        expect({ before: row.before, after: row.after }).toEqual(
          changed(pick(before!, ['disabled']), pick(after!, ['disabled']), ['disabled']),
        );
        return;
      }
      case 'createInvitation': {
        const token = await db()
          .selectFrom('accountTokens')
          .selectAll()
          .where('id', '=', row.entityId)
          .executeTakeFirstOrThrow();
        expect(row).toMatchObject({
          action: 'user.invite',
          entityType: 'invitation',
          consortiumId: o.invite.consortiumId,
        });
        expect(row.before).toBeNull();
        expect(row.after).toEqual({
          email: token.email,
          role: token.role,
          consortiumId: token.consortiumId,
          expiresAt: res.expiresAt,
        });
        expect(new Date(String(res.expiresAt)).getTime()).toBe(token.expiresAt.getTime());
        return;
      }
      case 'createPasswordReset':
        expect(row).toMatchObject({
          action: 'user.passwordReset',
          entityId: o.userId,
          before: null,
        });
        expect(row.after).toEqual({ expiresAt: res.expiresAt });
        return;
      case 'acceptToken': {
        const user = await db()
          .selectFrom('users')
          .select('email')
          .where('id', '=', row.entityId)
          .executeTakeFirstOrThrow();
        if (row.action === 'user.passwordChange') {
          passwords.set(row.entityId, NEW_PASSWORD);
          expect({ before: row.before, after: row.after }).toEqual({ before: null, after: null });
          return;
        }
        expect(row.action).toBe('user.accept');
        expect(row.before).toBeNull();
        expect(row.after).toMatchObject({ email: user.email, newAccount: true });
        const m = await db()
          .selectFrom('memberships')
          .selectAll()
          .where('userId', '=', row.entityId)
          .execute();
        expect(m.map((x) => ({ role: x.role, consortiumId: x.consortiumId }))).toEqual([
          { role: row.after?.role, consortiumId: row.after?.consortiumId },
        ]);
      }
    }
  }

  async function lastAuditRow(): Promise<AuditRow> {
    const r = await db()
      .selectFrom('auditLog')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const json = (v: unknown): Json | null =>
      v === null ? null : typeof v === 'string' ? (JSON.parse(v) as Json) : (v as Json);
    return { ...r, id: String(r.id), before: json(r.before), after: json(r.after) };
  }

  const checksums = async () => JSON.stringify(await server.dataChecksums());

  async function runOne(o: Op, n: number): Promise<void> {
    const w: Who = o.kind === 'acceptToken' ? 'anonymous' : o.who;
    await ensureSession(w);
    await ensureSession('manager');
    const before = await readTarget(o);
    const sums = await checksums();
    const audit = await auditCount(db());
    const denials = await securityEventCount(db(), ['access_denied']);
    const req = requestOf(o, before, n);
    const res = await clients[w].request(req.method, `/api/v1${req.path}`, {
      body: req.body,
      headers: { 'Content-Type': 'application/json', ...req.headers },
    });
    const text = await res.text();
    if (process.env.JALON_AUDIT_DEBUG) {
      const code = /"message":"([^"]{0,60})/.exec(text)?.[1] ?? '';
      const k = `${o.kind} ${w} ${res.status} ${code}`;
      debug.set(k, (debug.get(k) ?? 0) + 1);
    }
    const label = `#${n} ${JSON.stringify(o)} as ${w} → ${res.status} ${text.slice(0, 200)}`;
    expect(res.status, label).toBeLessThan(500);
    const added = (await auditCount(db())) - audit;
    const denied = (await securityEventCount(db(), ['access_denied'])) - denials;
    // Each authorization refusal is one security event; nothing else is (plan §2 I).
    if (res.status === 401 || res.status === 403) expect(denied, label).toBe(1);
    else if (res.ok) expect(denied, label).toBe(0);
    else expect(denied, label).toBeLessThanOrEqual(1);
    const tally = byKind.get(o.kind) ?? { ok: 0, refused: 0 };
    byKind.set(o.kind, tally);
    stats.ops++;
    if (res.ok) {
      stats.successes++;
      tally.ok++;
      expect(added, label).toBe(1);
      const row = await lastAuditRow();
      expect(row.requestId, label).toBe(res.headers.get('x-request-id'));
      expect(row.actorId, label).toBe(w === 'anonymous' ? row.entityId : PEOPLE[w].id);
      // Who, in which role, when (the server's clock, UTC): plan §2 I.
      if (w !== 'anonymous') {
        const role = w === 'manager' || w === 'member' ? w : 'lead';
        expect(row.role, label).toBe(role);
      }
      expect(row.at.toISOString(), label).toBe(server.clock.now());
      const body = JSON.parse(text) as Json;
      if (o.kind === 'createInvitation')
        links.invitation.push(String(body.link).split('/').pop() ?? '');
      if (o.kind === 'createPasswordReset')
        links.reset.push(String(body.link).split('/').pop() ?? '');
      if (o.kind === 'acceptToken') {
        const pool = links[o.token === 'reset' ? 'reset' : 'invitation'];
        links.used.push(pool.pop() ?? '');
      }
      const after = await readTarget(o);
      try {
        await checkAuditRow(o, row, before, after, body);
      } catch (e) {
        throw new Error(
          `${label}\n${String(e)}\naudit: ${JSON.stringify(row)}\nbefore: ${JSON.stringify(before)}\nafter: ${JSON.stringify(after)}`,
        );
      }
    } else {
      stats.refusals++;
      tally.refused++;
      expect(added, label).toBe(0);
      expect(await checksums(), `${label}: refused but the data changed`).toBe(sums);
    }
  }

  /** Replays every audit row onto the seeded state; the result must be the state read back. */
  async function replayMatches(seed: { consortia: Json[]; milestones: Json[]; users: Json[] }) {
    const rows = await db().selectFrom('auditLog').selectAll().orderBy('id').execute();
    const state = new Map<string, Json>();
    for (const c of seed.consortia)
      state.set(`consortium:${String(c.id)}`, pick(c, CONSORTIUM_FIELDS));
    for (const m of seed.milestones)
      state.set(`milestone:${String(m.id)}`, pick(m, MILESTONE_FIELDS));
    for (const u of seed.users) state.set(`user:${String(u.id)}`, pick(u, ['disabled']));
    for (const r of rows) {
      const key = `${r.entityType}:${r.entityId}`;
      const cur = state.get(key);
      if (!cur || r.after === null) continue;
      const after = (typeof r.after === 'string' ? JSON.parse(r.after) : r.after) as Json;
      for (const [k, v] of Object.entries(after)) if (k in cur) cur[k] = v;
    }
    const now = await snapshot();
    for (const c of now.consortia)
      expect(state.get(`consortium:${String(c.id)}`)).toEqual(pick(c, CONSORTIUM_FIELDS));
    for (const m of now.milestones)
      expect(state.get(`milestone:${String(m.id)}`)).toEqual(pick(m, MILESTONE_FIELDS));
    for (const u of now.users.filter((x) => state.has(`user:${String(x.id)}`))) {
      expect(state.get(`user:${String(u.id)}`)).toEqual(pick(u, ['disabled']));
    }
  }

  /** Passwords, link tokens and session tokens never reach the audit trail or the security log. */
  async function noSecretsLogged() {
    const { rows } = await sql<{ text: string }>`
      select coalesce((select string_agg(a::text, '|') from audit_log a), '') ||
             coalesce((select string_agg(e::text, '|') from security_events e), '') as text`.execute(
      db(),
    );
    const logged = rows[0]?.text ?? '';
    expect(logged.length).toBeGreaterThan(0);
    const secrets = [
      DEMO_PASSWORD,
      NEW_PASSWORD,
      ...links.invitation,
      ...links.reset,
      ...links.used,
    ];
    for (const c of Object.values(clients)) {
      const t = tokenOf(c);
      if (t) secrets.push(t);
    }
    for (const secret of secrets.filter((x) => x.length > 0))
      expect(logged.includes(secret), secret).toBe(false);
  }

  async function snapshot() {
    const consortia = ((await readJson('/consortia'))?.items ?? []) as Json[];
    const milestones: Json[] = [];
    for (const c of consortia)
      milestones.push(
        ...(((await readJson(`/consortia/${String(c.id)}/milestones`))?.items ?? []) as Json[]),
      );
    const users = (await db().selectFrom('users').select(['id', 'disabled']).execute()) as Json[];
    return { consortia, milestones, users };
  }

  beforeAll(async () => {
    server = await createTestServer({ database });
    clients = {
      anonymous: server.client(),
      manager: await server.as(PEOPLE.manager.email),
      observer: await server.as(PEOPLE.observer.email),
      lead: await server.as(PEOPLE.lead.email),
      member: await server.as(PEOPLE.member.email),
      leadB: await server.as(PEOPLE.leadB.email),
    };
  });
  afterAll(async () => {
    await server?.close();
    if (debug.size)
      process.stderr.write(
        [...debug]
          .sort()
          .map(([k, v]) => `${v}\t${k}`)
          .join('\n') + '\n',
      );
    process.stderr.write(
      `audit property: ${JSON.stringify(stats)} ${JSON.stringify(Object.fromEntries(byKind))}\n`,
    );
  });

  describe('audit trail', () => {
    it(`${RUNS} runs × ${OPS_PER_RUN} random operations: rows = successes, diffs = changes, refusals change nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(op, { minLength: OPS_PER_RUN, maxLength: OPS_PER_RUN }),
          async (ops) => {
            await server.reset();
            links = { invitation: [], reset: [], used: [] };
            passwords = new Map();
            const successesBefore = stats.successes;
            expect(await auditCount(db())).toBe(0);
            await ensureSession('manager');
            const seed = await snapshot();
            for (const [i, o] of ops.entries()) await runOne(o, stats.ops + i);
            expect(await auditCount(db())).toBe(stats.successes - successesBefore);
            await replayMatches(seed);
            await noSecretsLogged();
          },
        ),
        { numRuns: RUNS, endOnFailure: true },
      );
      expect(stats.ops).toBeGreaterThanOrEqual(300);
      // A property that only ever sees refusals proves nothing.
      expect(stats.successes).toBeGreaterThan(stats.ops / 5);
      for (const [kind, t] of byKind) expect(t.ok, `${kind} never succeeded`).toBeGreaterThan(0);
    }, 120_000);
  });
}
