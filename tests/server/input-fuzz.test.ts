import fc from 'fast-check';
import { sql } from 'kysely';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, routes, type RouteDef, type RouteName } from '@domain/contract';
import { TABLES } from '@server/db/schema';
import { settingsOr } from '@server/db/queries';
import { createTestServer, DEMO_LOGINS, type Client, type TestServer } from '@server/node/testing';
import {
  auditCount,
  issueInvitation,
  storeEvidenceFile,
  storeReportArchive,
} from './authz-matrix.harness';
import { FACTORIES, targetOf, type FactoryEnv } from './authz-matrix.requests';
import { MATRIX } from './authz-matrix.table';
import {
  encodeAny,
  fuzzString,
  getAt,
  REFUSED,
  seedOf,
  setAt,
  SPECIAL,
  spliced,
  stringLeaves,
  type Path,
} from './input-fuzz.strings';

/*
 * Issue 11: any string, anywhere in a request, is either taken or refused with a 4xx that left
 * the data as it was, never a 5xx. The route table drives it, so a new route is fuzzed as soon
 * as it exists; the authorization matrix's factories give each one a valid request to start from.
 * Random draws alone rarely put a NUL where it reaches the database, so each string the request
 * carries (or its contract declares) also gets a NUL and a lone surrogate, every run.
 */
const RUNS_PER_ROUTE = 3;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Factory = (typeof FACTORIES)[keyof typeof FACTORIES];

/** A valid request for a route, taken apart into the places a string can go. */
type Base = {
  params: Record<string, string>;
  query: [string, string][];
  body: unknown;
  rawBody: string | undefined;
  headers: Record<string, string>;
};
type Slot = { in: 'path'; key: string } | { in: 'query'; key: string } | { in: 'body'; leaf: Path };

let server: TestServer;
let manager: Client;
let counter = 0;
/** The data as the last refused request left it; null once something may have written. */
let known: { sums: string; audit: number } | null = null;
/** Rows holding U+FFFD, which is what a lone surrogate turns into on its way to the database. */
let replaced = 0;

const db = () => server.database.db;
const defOf = (name: RouteName): RouteDef => routes[name];
const takesJson = (def: RouteDef) => WRITES.has(def.method) && !def.rawBody;
const pathNames = (def: RouteDef) => [...def.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '');

const snapshot = async () => ({
  sums: JSON.stringify(await server.dataChecksums()),
  audit: await auditCount(db()),
});

async function replacedRows(): Promise<number> {
  const counts = TABLES.map(
    (t) =>
      sql<number>`(select count(*) from ${sql.table(t)} t where strpos(t::text, chr(65533)) > 0)`,
  );
  const { rows } = await sql<{
    n: string | number;
  }>`select ${sql.join(counts, sql` + `)} as n`.execute(db());
  return Number(rows[0]?.n ?? 0);
}

function envFor(name: RouteName): FactoryEnv {
  // A route the matrix does not know yet is still fuzzed, from an empty request.
  const scope = (MATRIX as Partial<typeof MATRIX>)[name]?.scope ?? 'n/a';
  const writes =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    (...args: A) => {
      known = null;
      return f(...args);
    };
  return {
    // The sign-in route starts from another account, so a refused attempt cannot lock ours.
    principal: name === 'login' ? 'observer' : 'manager',
    scope: 'own',
    target: targetOf(scope, 'own'),
    unique: `${++counter}-fuzz`,
    version: async (table, id) =>
      (await db().selectFrom(table).select('version').where('id', '=', id).executeTakeFirst())
        ?.version ?? null,
    kpiValueVersion: async (consortiumId, kpiId, period) =>
      (
        await db()
          .selectFrom('kpiValues')
          .select('version')
          .where('consortiumId', '=', consortiumId)
          .where('kpiId', '=', kpiId)
          .where('period', '=', period)
          .orderBy('revision', 'desc')
          .executeTakeFirst()
      )?.version ?? null,
    kpiSettings: (consortiumId, kpiId) => settingsOr(db(), consortiumId, kpiId),
    evidenceFile: writes((milestoneId: string) =>
      storeEvidenceFile(db(), milestoneId, server.clock.now()),
    ),
    reportArchive: writes((periodId: string, status: 'ready' | 'failed') =>
      storeReportArchive(db(), periodId, status, server.clock.now()),
    ),
    invitationToken: writes((consortiumId: string, email: string) =>
      issueInvitation(db(), {
        email,
        programmeId: 'pascaline',
        consortiumId,
        now: server.clock.now(),
      }),
    ),
  };
}

async function baseOf(name: RouteName): Promise<Base> {
  const env = envFor(name);
  const factory: Factory = (FACTORIES as Partial<Record<RouteName, Factory>>)[name] ?? (() => ({}));
  const extra = await factory(env);
  const all: Record<string, string> = { ...env.target, ...extra.params };
  const params = Object.fromEntries(pathNames(defOf(name)).map((p) => [p, all[p] ?? '']));
  const query = [...new URLSearchParams(extra.query ?? '')];
  return { params, query, body: extra.body, rawBody: extra.rawBody, headers: { ...extra.headers } };
}

/** One string leaf per field: the items of a list share their fields, the first one stands for all. */
function fieldsOf(body: unknown): Path[] {
  const seen = new Set<string>();
  return stringLeaves(body).filter((leaf) => {
    const field = leaf.map((k) => (typeof k === 'number' ? '[]' : k)).join('.');
    if (seen.has(field)) return false;
    seen.add(field);
    return true;
  });
}

/** Top-level body fields the valid request leaves out but the contract takes any text in. */
function textFieldsOf(schema: z.ZodType | undefined, body: unknown): Path[] {
  if (!(schema instanceof z.ZodObject)) return [];
  const sent = typeof body === 'object' && body !== null ? Object.keys(body) : [];
  return Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([key, field]) => !sent.includes(key) && field.safeParse('x').success)
    .map(([key]) => [key]);
}

/** Every place of the request a string goes: path, query and body, sent or declared. */
function slotsOf(name: RouteName, base: Base): Slot[] {
  const def = defOf(name);
  const keys = new Set([
    ...base.query.map(([k]) => k),
    ...(def.query instanceof z.ZodObject ? Object.keys(def.query.shape) : []),
  ]);
  return [
    ...Object.keys(base.params).map((key): Slot => ({ in: 'path', key })),
    ...[...keys].map((key): Slot => ({ in: 'query', key })),
    ...fieldsOf(base.body).map((leaf): Slot => ({ in: 'body', leaf })),
    ...textFieldsOf(def.body, base.body).map((leaf): Slot => ({ in: 'body', leaf })),
  ];
}

const valueAt = (base: Base, slot: Slot): string | undefined =>
  slot.in === 'path'
    ? base.params[slot.key]
    : slot.in === 'query'
      ? base.query.find(([k]) => k === slot.key)?.[1]
      : getAt(base.body, slot.leaf);

function withValue(base: Base, slot: Slot, value: string): Base {
  if (slot.in === 'path') return { ...base, params: { ...base.params, [slot.key]: value } };
  if (slot.in === 'body') return { ...base, body: setAt(base.body, slot.leaf, value) };
  return { ...base, query: [...base.query.filter(([k]) => k !== slot.key), [slot.key, value]] };
}

/** Lone surrogates go in the URL as WTF-8 bytes; in JSON, JSON.stringify writes them as `\ud800`. */
function toRequest(name: RouteName, base: Base) {
  const def = defOf(name);
  const path = def.path.replace(/:([A-Za-z]+)/g, (_, p: string) => encodeAny(base.params[p] ?? ''));
  const search = base.query.map(([k, v]) => `${encodeAny(k)}=${encodeAny(v)}`).join('&');
  const headers = { ...base.headers };
  if (takesJson(def)) headers['Content-Type'] ??= 'application/json';
  return {
    method: def.method,
    url: `${API_PREFIX}${path}${search ? `?${search}` : ''}`,
    options: { body: base.body, rawBody: base.rawBody, headers },
  };
}

/** Sends it; soft assertions, so one run names every request of the route that goes wrong. */
async function send(name: RouteName, base: Base, what: string): Promise<void> {
  const req = toRequest(name, base);
  const before = (known ??= await snapshot());
  const res = await manager.request(req.method, req.url, req.options);
  const label = `${what}: ${req.method} ${req.url.slice(0, 160)} → ${res.status} ${(await res.text()).slice(0, 240)}`;
  expect.soft(res.status, label).toBeLessThan(500);
  if (res.status >= 400) {
    const after = await snapshot();
    expect.soft(after, `${label}\nchanged the data`).toEqual(before);
    known = after;
    return;
  }
  known = null;
  if (!WRITES.has(req.method)) return;
  const now = await replacedRows();
  // A U+FFFD the request sent itself is fine; one the server made up is a surrogate it stored.
  if (!JSON.stringify(base).includes('\uFFFD')) {
    expect.soft(now, `${label}\nstored a replacement character`).toBe(replaced);
  }
  replaced = now;
  // An accepted invitation or a sign-out took the cookie: be the manager again.
  if (defOf(name).access.kind === 'public') manager = await server.as(DEMO_LOGINS.manager);
}

type Mutation = {
  /** Slip one odd character into the valid value, or (null) replace the value by a fuzzed one. */
  splice: string | null;
  /** An unknown key instead of a known slot: it must be refused, whatever it holds. */
  extraKey: boolean;
  pick: number;
  key: string;
  value: string;
};

const mutation: fc.Arbitrary<Mutation> = fc.record({
  splice: fc.option(fc.constantFrom(...SPECIAL), { freq: 2 }),
  extraKey: fc.nat(4).map((n) => n === 0),
  pick: fc.nat(),
  key: fuzzString,
  value: fuzzString,
});

function mutated(name: RouteName, base: Base, m: Mutation): Base {
  const slots = slotsOf(name, base);
  const slot = slots[m.pick % Math.max(slots.length, 1)];
  if (m.extraKey || slot === undefined) {
    if (takesJson(defOf(name)))
      return { ...base, body: { ...(base.body as object), [m.key]: m.value } };
    return withValue(base, { in: 'query', key: m.key }, m.value);
  }
  const current = valueAt(base, slot) ?? '';
  const at = m.pick % (current.length + 1);
  const value = m.splice === null ? m.value : current.slice(0, at) + m.splice + current.slice(at);
  return withValue(base, slot, value);
}

const describeSlot = (slot: Slot) =>
  slot.in === 'body' ? `body ${slot.leaf.join('.')}` : `${slot.in} ${slot.key}`;

describe('fuzzed strings on every route, signed in as the manager', () => {
  beforeAll(async () => {
    server = await createTestServer({ database: 'pglite' });
    manager = await server.as(DEMO_LOGINS.manager);
    replaced = await replacedRows();
  });
  afterAll(() => server.close());

  it.each(Object.keys(routes) as RouteName[])(
    '%s answers no 5xx; a refusal changes nothing',
    async (name) => {
      const slots = slotsOf(name, await baseOf(name));
      for (const slot of slots) {
        for (const [kind, odd] of Object.entries(REFUSED)) {
          // A fresh base each time: versions and links move as requests are accepted.
          const base = await baseOf(name);
          await send(
            name,
            withValue(base, slot, spliced(valueAt(base, slot) ?? 'x', odd)),
            `${kind} in ${describeSlot(slot)}`,
          );
        }
      }
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          await send(
            name,
            mutated(name, await baseOf(name), m),
            `random ${JSON.stringify(m).slice(0, 120)}`,
          );
        }),
        { seed: seedOf(name), numRuns: RUNS_PER_ROUTE },
      );
    },
    120_000,
  );
});
