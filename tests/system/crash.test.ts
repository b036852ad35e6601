import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '@server/node/database';
import { MANAGER_NAME } from '@domain/demo/milestones';
import { freePort, killLeftovers, signInHeaders, startServe } from './process';

/*
 * Crash consistency (reliability plan §2 D): writers record a write only once it is acknowledged
 * with a 2xx; the real server process is killed with SIGKILL at a random moment, restarted on the
 * same PGlite directory, and every acknowledged write must still be there.
 */
const CYCLES = Number(process.env.CRASH_CYCLES ?? 20);

interface Cell {
  path: string;
  version: number;
  acked: { id: string; revision: number }[];
}
interface MilestoneWriter {
  path: string;
  version: number;
  initialVersion: number;
  ackedVersion: number;
  progress: number;
}

const dataDir = mkdtempSync(join(tmpdir(), 'jalon-crash-'));
afterAll(() => {
  killLeftovers();
  rmSync(dataDir, { recursive: true, force: true });
});

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
// Signed in once as the demo manager; the session row survives the kills like any other write.
let auth: Record<string, string> = {};
const call = (url: string, init: RequestInit = {}) =>
  fetch(url, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
const write = (url: string, method: string, body: unknown, version: number) =>
  call(url, {
    method,
    headers: { 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
    body: JSON.stringify(body),
  });

async function discover(api: string): Promise<{ cells: Cell[]; milestones: MilestoneWriter[] }> {
  type Summary = { kpi: { id: string; frequency: string; aggregation: string } };
  const periods = (
    await json<{ items: { period: string; status: string }[] }>(
      await call(`${api}/programmes/pascaline/periods`),
    )
  ).items
    .filter((p) => p.status === 'open' && /^\d{4}-\d{2}$/.test(p.period))
    .map((p) => p.period);
  const { items: consortia } = await json<{ items: { id: string }[] }>(
    await call(`${api}/consortia`),
  );
  const cells: Cell[] = [];
  const milestones: MilestoneWriter[] = [];
  for (const c of consortia) {
    const { items } = await json<{ items: Summary[] }>(await call(`${api}/consortia/${c.id}/kpis`));
    const kpis = items.filter((s) => s.kpi.frequency === 'monthly' && s.kpi.aggregation !== 'rate');
    const mine = () => cells.filter((cell) => cell.path.includes(`/consortia/${c.id}/`)).length;
    for (const { kpi } of kpis) {
      for (const period of periods) {
        if (mine() >= 2) break;
        const path = `${api}/consortia/${c.id}/kpis/${kpi.id}/values/${period}`;
        const existing = await json<{ items: { version: number }[] }>(
          await call(`${api}/consortia/${c.id}/kpis/${kpi.id}/values?from=${period}&to=${period}`),
        );
        const body = {
          value: 1,
          provisional: true,
          source: 'crash test',
          explanation: 'crash test',
        };
        const version = existing.items[0]?.version;
        const res = await call(path, {
          method: 'PUT',
          headers: {
            'Content-Type': 'application/json',
            ...(version ? { 'If-Match': `"${version}"` } : {}),
          },
          body: JSON.stringify(body),
        });
        if (res.ok)
          cells.push({ path, version: (await json<{ version: number }>(res)).version, acked: [] });
      }
    }
    const { items: ms } = await json<{
      items: { id: string; status: string; version: number; progress: number }[];
    }>(await call(`${api}/consortia/${c.id}/milestones`));
    const open = ms.find((m) => m.status === 'in_progress' || m.status === 'planned');
    if (open) {
      const path = `${api}/milestones/${open.id}`;
      const { version, progress } = open;
      milestones.push({ path, version, initialVersion: version, ackedVersion: version, progress });
    }
  }
  return { cells, milestones };
}

/** After a restart: nothing acknowledged is missing, and writers resume from what is stored. */
async function verifyAndRefresh(api: string, cells: Cell[], milestones: MilestoneWriter[]) {
  for (const cell of cells) {
    const period = cell.path.split('/').at(-1);
    const base = cell.path.slice(0, cell.path.lastIndexOf('/'));
    const { items } = await json<{ items: { revision: number; version: number }[] }>(
      await call(`${base}?from=${period}&to=${period}`),
    );
    const current = items[0];
    expect(current, cell.path).toBeDefined();
    expect(current!.revision).toBeGreaterThanOrEqual(
      Math.max(0, ...cell.acked.map((a) => a.revision)),
    );
    cell.version = current!.version;
  }
  for (const m of milestones) {
    const { version, progress } = await json<{ version: number; progress: number }>(
      await call(m.path),
    );
    expect(version).toBeGreaterThanOrEqual(m.ackedVersion);
    m.version = version;
    m.progress = progress;
  }
}

async function runWriters(cells: Cell[], milestones: MilestoneWriter[], until: () => boolean) {
  let value = 0;
  const kpiWriter = async (cell: Cell) => {
    while (!until()) {
      const body = {
        value: (value++ % 50) + 1,
        provisional: true,
        source: 'crash test',
        explanation: 'crash test',
      };
      const res = await write(cell.path, 'PUT', body, cell.version).catch(() => null);
      if (!res) return;
      if (res.ok) {
        const v = await json<{ id: string; revision: number; version: number }>(res).catch(
          () => null,
        );
        if (!v) return;
        cell.acked.push({ id: v.id, revision: v.revision });
        cell.version = v.version;
      } else if (res.status === 412) {
        const { current } = (
          await json<{ error: { details: { current: { version: number } } } }>(res)
        ).error.details;
        cell.version = current.version;
      } else throw new Error(`unexpected ${res.status} ${await res.text()}`);
    }
  };
  const milestoneWriter = async (m: MilestoneWriter) => {
    while (!until()) {
      // Progress always changes, so every committed PATCH writes exactly one progress event.
      const res = await write(
        m.path,
        'PATCH',
        { progress: m.progress === 30 ? 70 : 30 },
        m.version,
      ).catch(() => null);
      if (!res) return;
      if (!res.ok) throw new Error(`unexpected ${res.status} ${await res.text()}`);
      const body = await json<{ version: number; progress: number }>(res).catch(() => null);
      if (!body) return;
      m.version = m.ackedVersion = body.version;
      m.progress = body.progress;
    }
  };
  await Promise.all([...cells.map(kpiWriter), ...milestones.map(milestoneWriter)]);
}

it(
  `keeps every acknowledged write across ${CYCLES} kill -9 cycles`,
  { timeout: 400_000 },
  async () => {
    const started = Date.now();
    const startups: number[] = [];
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()) };
    const api = `http://127.0.0.1:${env.PORT}/api/v1`;
    let server = await startServe(env);
    auth = await signInHeaders(`http://127.0.0.1:${env.PORT}`);
    const { cells, milestones } = await discover(api);
    expect(cells.length).toBeGreaterThanOrEqual(4);
    expect(milestones.length).toBeGreaterThanOrEqual(2);

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      if (cycle > 0) {
        server = await startServe(env, []);
        startups.push(server.startupMs);
        await verifyAndRefresh(api, cells, milestones);
      }
      let killed = false;
      const writers = runWriters(cells, milestones, () => killed);
      await new Promise((r) => setTimeout(r, 500 + Math.random() * 2_500));
      server.child.kill('SIGKILL');
      killed = true;
      await server.exited;
      await writers;
    }

    server = await startServe(env, []);
    await verifyAndRefresh(api, cells, milestones);
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);

    const database = await openDatabase({ kind: 'pglite', dataDir });
    const ids = cells.flatMap((c) => c.acked.map((a) => a.id));
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from kpi_values where id in (${sql.join(ids)})`.execute(
      database.db,
    );
    expect(rows[0]?.n).toBe(ids.length);
    for (const m of milestones) {
      const id = m.path.split('/').at(-1) ?? '';
      const stored = await database.db
        .selectFrom('milestones')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const { rows: events } = await sql<{ n: number }>`
      select count(*)::int as n from milestone_events where milestone_id = ${id} and type = 'progress' and actor_name = ${MANAGER_NAME}`.execute(
        database.db,
      );
      expect(events[0]?.n, 'one progress event per committed update').toBe(
        stored.version - m.initialVersion,
      );
      const { rows: audit } = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where entity_id = ${id} and action = 'milestone.update'`.execute(
        database.db,
      );
      expect(audit[0]?.n, 'one audit row per committed update').toBe(
        stored.version - m.initialVersion,
      );
    }
    await database.close();
    console.info(
      `crash test: ${CYCLES} cycles, ${ids.length} KPI writes and ${milestones.reduce((n, m) => n + m.ackedVersion - m.initialVersion, 0)} milestone writes acknowledged, ` +
        `restart median ${startups.sort((a, b) => a - b)[startups.length >> 1]} ms, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  },
);
