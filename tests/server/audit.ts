import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '@domain/contract';
import { MANAGER_NAME } from '@domain/demo/milestones';
import { DEMO_LOGINS, type Client, type TestServer } from '@server/node/testing';

/*
 * The audit trail (reliability plan §2 I): one row per successful mutation, written in the same
 * transaction; none for a refused one; the table refuses UPDATE and DELETE.
 */
export function defineAuditSuite(open: () => Promise<TestServer>) {
  let server: TestServer;
  let manager: Client;
  beforeAll(async () => {
    server = await open();
    manager = await server.as(DEMO_LOGINS.manager);
  });
  afterAll(async () => {
    await server?.close();
  });

  const count = async (table: 'audit_log' | 'security_events') => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(
      table,
    )}`.execute(server.database.db);
    return rows[0]!.n;
  };
  const patchConsortium = async (c: Client, name: string, version?: number) => {
    const etag = (await manager.request('GET', '/api/v1/consortia/coord-dom')).headers.get('ETag');
    return c.request('PATCH', '/api/v1/consortia/coord-dom', {
      body: { name },
      headers: { 'If-Match': version === undefined ? (etag ?? '') : `"${version}"` },
    });
  };
  const page = async (c: Client, path: string) => {
    const res = await c.request('GET', `/api/v1${path}`);
    expect(res.status, path).toBe(200);
    return (await res.json()) as AuditPage;
  };

  describe('audit log', () => {
    it('refuses UPDATE and DELETE on audit_log and security_events', async () => {
      await patchConsortium(manager, 'Trigger test');
      for (const table of ['audit_log', 'security_events']) {
        await expect(
          sql`update ${sql.table(table)} set at = now()`.execute(server.database.db),
        ).rejects.toThrow(/append-only/);
        await expect(
          sql`delete from ${sql.table(table)}`.execute(server.database.db),
        ).rejects.toThrow(/append-only/);
      }
      expect(await count('audit_log')).toBeGreaterThan(0);
    });

    it('writes one row per mutation with actor, role, changed fields and request id', async () => {
      await server.reset();
      const before = await count('audit_log');
      const res = await patchConsortium(manager, 'Coord@Dom audited');
      expect(res.status).toBe(200);
      expect(await count('audit_log')).toBe(before + 1);
      const { items } = await page(manager, '/programmes/pascaline/audit?limit=1');
      expect(items[0]).toMatchObject({
        actorId: 'user-manager',
        actorName: MANAGER_NAME,
        role: 'manager',
        action: 'consortium.update',
        entityType: 'consortium',
        entityId: 'coord-dom',
        consortiumId: 'coord-dom',
        before: { name: 'Coord@Dom' },
        after: { name: 'Coord@Dom audited' },
        requestId: res.headers.get('x-request-id'),
      });
      expect(items[0]!.at).toMatch(/Z$|\+00:00$/);
    });

    it('writes nothing for a refused mutation, and a security event for a denied one', async () => {
      const audit = await count('audit_log');
      const events = await count('security_events');
      expect((await patchConsortium(manager, 'Stale', 999)).status).toBe(412);
      const member = await server.as(DEMO_LOGINS.member);
      const otherLead = await server.as(DEMO_LOGINS.otherLead);
      expect((await patchConsortium(member, 'Member')).status).toBe(403);
      expect((await patchConsortium(otherLead, 'Other consortium')).status).toBe(404);
      expect(await count('audit_log')).toBe(audit);
      // Two sign-ins and two refusals.
      expect(await count('security_events')).toBe(events + 4);
    });

    it('lists activity newest first, by keyset pages, with filters', async () => {
      await server.reset();
      for (const name of ['One', 'Two', 'Three']) await patchConsortium(manager, name);
      const lead = await server.as(DEMO_LOGINS.lead);
      const ms = (await (
        await lead.request('GET', '/api/v1/consortia/coord-dom/milestones')
      ).json()) as {
        items: { id: string; status: string; version: number; progress: number }[];
      };
      const open = ms.items.find((m) => m.status === 'in_progress')!;
      const patched = await lead.request('PATCH', `/api/v1/milestones/${open.id}`, {
        body: { progress: 42 },
        headers: { 'If-Match': `"${open.version}"` },
      });
      expect(patched.status).toBe(200);

      const first = await page(manager, '/programmes/pascaline/audit?limit=2');
      expect(first.items.map((e) => e.action)).toEqual(['milestone.update', 'consortium.update']);
      expect(first.items[0]).toMatchObject({ actorId: 'user-lead-a', role: 'lead' });
      const second = await page(
        manager,
        `/programmes/pascaline/audit?limit=2&before=${first.nextBefore}`,
      );
      expect(second.items.map((e) => e.after)).toEqual([{ name: 'Two' }, { name: 'One' }]);
      expect(second.nextBefore).toBeNull();

      const byAction = await page(manager, '/programmes/pascaline/audit?action=consortium.update');
      expect(byAction.items).toHaveLength(3);
      const byActor = await page(manager, '/programmes/pascaline/audit?actorId=user-lead-a');
      expect(byActor.items).toHaveLength(1);
      const today = server.clock.now().slice(0, 10);
      const inRange = await page(manager, `/programmes/pascaline/audit?from=${today}&to=${today}`);
      expect(inRange.items).toHaveLength(4);
      const other = await page(manager, '/programmes/pascaline/audit?consortiumId=sortie-plus');
      expect(other.items).toHaveLength(0);

      // A consortium's history includes its milestones; a milestone's only itself.
      const history = await page(lead, '/consortia/coord-dom/history');
      expect(history.items).toHaveLength(4);
      const mine = await page(lead, `/milestones/${open.id}/history`);
      expect(mine.items.map((e) => e.action)).toEqual(['milestone.update']);
      expect(mine.items[0]).toMatchObject({
        before: { progress: open.progress },
        after: { progress: 42 },
      });

      // Only managers read the programme's whole trail.
      expect((await lead.request('GET', '/api/v1/programmes/pascaline/audit')).status).toBe(403);
      const otherLead = await server.as(DEMO_LOGINS.otherLead);
      expect((await otherLead.request('GET', '/api/v1/consortia/coord-dom/history')).status).toBe(
        404,
      );
    });
  });
}
