import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { TestServer } from '@server/node/testing';

/*
 * Concurrent edits (reliability plan §2 C): clients increment one KPI value by read-modify-write,
 * retrying on 412. Nothing may be lost: final value = initial + successes = revisions added.
 */
export function defineConcurrentIncrements(
  open: () => Promise<TestServer>,
  clients: number,
  increments: number,
) {
  it(
    `${clients} clients × ${increments} increments lose no update`,
    { timeout: 120_000 },
    async () => {
      const server = await open();
      await server.signIn();
      try {
        const cell = '/api/v1/consortia/coord-dom/kpis/kpi-pat-inc/values';
        const read = async (period: string) => {
          const res = await server.request('GET', `${cell}?from=${period}&to=${period}`);
          const { items } = (await res.json()) as {
            items: { value: number; version: number; revision: number }[];
          };
          return items[0]!;
        };
        const all = (await (await server.request('GET', cell)).json()) as {
          items: { period: string }[];
        };
        const period = all.items.at(-1)!.period;
        const initial = await read(period);
        let successes = 0;
        let conflicts = 0;
        const client = async () => {
          for (let done = 0; done < increments;) {
            const current = await read(period);
            const res = await server.request('PUT', `${cell}/${period}`, {
              body: {
                value: current.value + 1,
                provisional: false,
                source: 'test',
                explanation: 'concurrency test',
              },
              headers: { 'If-Match': `"${current.version}"` },
            });
            if (res.status === 200) {
              successes++;
              done++;
            } else if (res.status === 412) conflicts++;
            else throw new Error(`unexpected ${res.status}: ${await res.text()}`);
          }
        };
        await Promise.all(Array.from({ length: clients }, client));
        const final = await read(period);
        expect(successes).toBe(clients * increments);
        expect(final.value).toBe(initial.value + successes);
        expect(final.revision - initial.revision).toBe(successes);
        expect(final.version - initial.version).toBe(successes);
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from audit_log where action = 'kpiValue.upsert'`.execute(
          server.database.db,
        );
        expect(rows[0]?.n, 'one audit row per acknowledged write').toBe(successes);
        console.info(`${server.name}: ${successes} increments, ${conflicts} retried conflicts`);
      } finally {
        await server.close();
      }
    },
  );
}
