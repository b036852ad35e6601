import { expect, it } from 'vitest';
import { ApiErrorBody } from '@domain/contract';
import { Milestone } from '@domain/contract/milestone';
import { DEMO_LOGINS, type Client, type TestServer } from '@server/node/testing';

/*
 * Two people edit one milestone from the same version (issue 5): the lead changes its progress
 * while the manager waives it. Exactly one wins; the other gets 412 with the milestone as it now
 * is, re-applies on that version, and nothing is lost: the events and the audit trail hold both
 * changes once each.
 */
export function defineMilestoneConflict(open: () => Promise<TestServer>) {
  it('two sessions on one milestone: one wins, the other gets 412 and the current milestone', async () => {
    const server = await open();
    try {
      const id = 'coord-dom-j10';
      const path = `/api/v1/milestones/${id}`;
      const lead = await server.as(DEMO_LOGINS.lead);
      const manager = await server.as(DEMO_LOGINS.manager);
      const read = async (c: Client) =>
        Milestone.parse(await (await c.request('GET', path)).json());
      const count = async (table: 'milestoneEvents' | 'auditLog') => {
        const q = server.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'));
        const row = await (
          table === 'milestoneEvents'
            ? q.where('milestoneId', '=', id)
            : q.where('entityId', '=', id)
        ).executeTakeFirstOrThrow();
        return Number(row.n);
      };
      const initial = await read(lead);
      const events = await count('milestoneEvents');
      const audits = await count('auditLog');

      const progress = (c: Client, version: number) =>
        c.request('PATCH', path, {
          body: { progress: 65 },
          headers: { 'If-Match': `"${version}"` },
        });
      const waive = (c: Client, version: number) =>
        c.request('POST', `${path}/transitions`, {
          body: { action: 'waive', comment: 'Remplacé par le jalon J6B.' },
          headers: { 'If-Match': `"${version}"` },
        });
      const [a, b] = await Promise.all([
        progress(lead, initial.version),
        waive(manager, initial.version),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([200, 412]);
      const loser = a.status === 412 ? a : b;
      const winner = Milestone.parse(await (a.status === 200 ? a : b).json());
      const { error } = ApiErrorBody.parse(await loser.json());
      expect(error.code).toBe('precondition_failed');
      const current = Milestone.parse((error.details as { current: unknown }).current);
      expect(current).toEqual(winner);
      expect(current.version).toBe(initial.version + 1);
      expect(await read(manager)).toEqual(winner);

      if (a.status === 412) {
        // The lead re-applies on top of the waiver: a waived milestone takes no progress.
        expect((await progress(lead, current.version)).status).toBe(422);
      } else {
        // The manager re-applies on top of the new progress: the waiver goes through.
        expect((await waive(manager, current.version)).status).toBe(200);
      }
      const final = await read(lead);
      const applied = a.status === 412 ? 1 : 2;
      expect(final.version).toBe(initial.version + applied);
      // One progress event for the patch, one transition event for the waiver.
      expect(await count('milestoneEvents')).toBe(events + applied);
      expect(await count('auditLog')).toBe(audits + applied);
      if (applied === 2) expect(final).toMatchObject({ status: 'waived', progress: 65 });
      else expect(final).toMatchObject({ status: 'waived', progress: initial.progress });
    } finally {
      await server.close();
    }
  });
}
