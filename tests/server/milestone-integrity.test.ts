import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evidence, Milestone, ReviewItem } from '@domain/contract';
import { createTestServer, DEMO_LOGINS, type Client, type TestServer } from '@server/node/testing';

/*
 * What a manager approves is what was submitted: a submitted milestone is frozen until the lead
 * withdraws it, approval re-checks what is missing, and lateness runs from the declared date.
 * Coord@Dom's J8 is submitted in the demo, with evidence for both expected items.
 */
let server: TestServer;
let lead: Client;
let manager: Client;
const J8 = '/api/v1/milestones/coord-dom-j08';

beforeAll(async () => {
  server = await createTestServer({ database: 'pglite' });
  lead = await server.as(DEMO_LOGINS.lead);
  manager = await server.as(DEMO_LOGINS.manager);
});
afterAll(async () => {
  await server?.close();
});

const read = async <T>(c: Client, path: string) =>
  (await (await c.request('GET', path)).json()) as T;
const milestone = () => read<Milestone>(lead, J8);
const evidence = async () => (await read<{ items: Evidence[] }>(lead, `${J8}/evidence`)).items;
const ifMatch = async () => ({ 'If-Match': `"${(await milestone()).version}"` });
const transition = async (c: Client, body: object) =>
  c.request('POST', `${J8}/transitions`, { body, headers: await ifMatch() });
const reasonOf = async (res: Response) =>
  ((await res.json()) as { error: { details?: { reason?: string } } }).error.details?.reason;

describe('a submitted milestone', () => {
  it('keeps its evidence, progress and dates while under review', async () => {
    const [piece] = await evidence();
    const removal = await lead.request('DELETE', `${J8}/evidence/${piece!.id}`, { body: {} });
    expect(removal.status).toBe(422);
    expect(await reasonOf(removal)).toBe('under_review');
    const patch = await lead.request('PATCH', J8, {
      body: { progress: 70 },
      headers: await ifMatch(),
    });
    expect(patch.status).toBe(422);
    expect(await reasonOf(patch)).toBe('under_review');
    const link = await lead.request('POST', `${J8}/evidence`, {
      body: { name: 'Autre', url: 'https://example.org/x' },
    });
    expect(link.status).toBe(422);
    expect((await evidence()).length).toBeGreaterThan(0);
    expect((await milestone()).progress).toBe(100);
  });

  it('is counted in the review queue by the expected items its evidence covers', async () => {
    const queue = await read<{ items: ReviewItem[] }>(
      manager,
      '/api/v1/reviews?programmeId=pascaline',
    );
    const j8 = queue.items.find((i) => i.milestone.id === 'coord-dom-j08')!;
    expect(j8.evidenceCovered).toBe(2);
    expect(j8.milestone.evidenceExpected).toHaveLength(2);
  });

  it('is withdrawn by its lead, changed, and submitted again with its achievement date', async () => {
    const manage = await transition(manager, { action: 'withdraw' });
    expect(manage.status).toBe(403);
    const back = await transition(lead, { action: 'withdraw' });
    expect(back.status).toBe(200);
    expect(await milestone()).toMatchObject({ status: 'in_progress', actualDate: null });

    const [piece] = await evidence();
    expect((await lead.request('DELETE', `${J8}/evidence/${piece!.id}`, { body: {} })).status).toBe(
      200,
    );
    const refused = await transition(lead, { action: 'submit' });
    expect(refused.status).toBe(422);
    expect(await reasonOf(refused)).toBe('submission_gaps');
    const replaced = await lead.request('POST', `${J8}/evidence`, {
      body: { name: 'Nouvelle version', url: 'https://example.org/v2', covers: piece!.covers },
    });
    expect(replaced.status).toBe(201);
    const future = await transition(lead, { action: 'submit', achievedOn: '2026-06-16' });
    expect(future.status).toBe(422);
    expect(await reasonOf(future)).toBe('achieved_on_invalid');
    const sent = await transition(lead, { action: 'submit', achievedOn: '2026-05-28' });
    expect(sent.status).toBe(200);
    expect(await milestone()).toMatchObject({ status: 'submitted', actualDate: '2026-05-28' });
  });

  it('is not approved when an expected item has lost its evidence, and keeps its date when it is', async () => {
    const [piece] = await evidence();
    // Evidence can no longer go through the API; a repair or restore in the database can.
    await server.database.db.deleteFrom('evidence').where('id', '=', piece!.id).execute();
    const refused = await transition(manager, { action: 'approve' });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as {
      error: { details: { reason: string; missing: { item: string }[] } };
    };
    expect(body.error.details.reason).toBe('submission_gaps');
    expect(body.error.details.missing).toEqual([{ kind: 'evidence', item: piece!.covers }]);
    expect((await milestone()).status).toBe('submitted');

    await server.database.db
      .insertInto('evidence')
      .values({ ...piece!, uploadedAt: new Date(piece!.uploadedAt).toISOString() })
      .execute();
    const approved = await transition(manager, { action: 'approve' });
    expect(approved.status).toBe(200);
    expect(await milestone()).toMatchObject({ status: 'approved', actualDate: '2026-05-28' });
  });
});
