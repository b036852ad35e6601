import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, buildPath, routes, type RouteName } from '@domain/contract';
import { DEMO_PASSWORD } from '@domain/demo/people';
import { createTestServer, TEST_ORIGIN, type TestServer } from '@server/node/testing';

/*
 * CSRF (reliability plan §2 H, ASVS 3.5): every unsafe route of the table, forged five ways, is
 * refused before it runs, and no table changes. The table walk makes a new route join the test.
 */
let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ database: 'pglite' });
  await server.signIn();
});
afterAll(async () => {
  await server?.close();
});

const ids = {
  programmeId: 'pascaline',
  consortiumId: 'coord-dom',
  kpiId: 'kpi-pat-inc',
  periodId: 'pascaline-2026-05',
  period: '2026-05',
  userId: 'user-lead-a',
  milestoneId: '',
  evidenceId: 'any-evidence',
  version: '1',
};

/** A body each mutation would accept from its own page. */
const bodies: Record<string, unknown> = {
  login: { email: 'lead@jalon.test', password: DEMO_PASSWORD },
  logout: {},
  acceptToken: { token: 'A'.repeat(43), password: 'a long enough password', name: 'X' },
  createInvitation: {
    email: 'new@jalon.test',
    role: 'lead',
    programmeId: 'pascaline',
    consortiumId: 'coord-dom',
  },
  patchUser: { disabled: true },
  createPasswordReset: {},
  patchProgramme: { smallCountThreshold: 1 },
  patchConsortium: { name: 'Forged' },
  patchMilestone: { progress: 55 },
  putKpiValue: { value: 1, provisional: false, source: 'forged', explanation: 'forged' },
  createKpi: {
    code: 'FORGED',
    name: { fr: 'Contrefait', en: 'Forged' },
    definition: { fr: 'Contrefait', en: 'Forged' },
    unit: 'count',
    direction: 'higher',
    aggregation: 'flow',
    frequency: 'monthly',
    decimals: 0,
    sourceType: 'manual_count',
    reportingLagMonths: 0,
    validFrom: '2025-01',
  },
  patchKpi: { name: { fr: 'Contrefait', en: 'Forged' } },
  putConsortiumKpi: {
    baseline: null,
    targets: [{ period: '2026-05', value: 1 }],
    tolerance: { mode: 'absolute', amber: 1, red: 2 },
  },
  putMilestoneTemplate: { items: [] },
  createPeriod: { period: '2026-Q2', deadline: '2026-07-15' },
  patchPeriod: { commentary: 'Forged' },
  lockPeriod: {},
  reopenPeriod: { reason: 'Forged' },
  retryReportArchive: {},
  applyMilestoneTemplate: {},
  approveMilestonePlan: {},
  createMilestone: {
    phase: 'build',
    code: 'FORGED',
    title: { fr: 'Contrefait', en: 'Forged' },
    startDate: '2025-01-01',
    forecastDate: '2025-02-28',
  },
  deleteMilestone: {},
  transitionMilestone: { action: 'waive', comment: 'Forged' },
  addMilestoneComment: { comment: 'Forged' },
  addEvidenceLink: { name: 'Forged', url: 'https://evil.example/' },
  uploadEvidence: '%PDF-1.4 forged',
  deleteEvidence: {},
};
/** The Content-Type a route's own page sends: JSON, or the file's type for uploads. */
const ownType = (name: RouteName) =>
  'rawBody' in routes[name] ? 'application/pdf' : 'application/json';

const mutations = (Object.keys(routes) as RouteName[]).filter((n) => routes[n].method !== 'GET');

describe('forged writes', () => {
  it('cover every unsafe route of the table', () => {
    expect(new Set(mutations)).toEqual(new Set(Object.keys(bodies)));
  });

  it('are refused (415 or 403) with no state change', async () => {
    const ms = (await (
      await server.request('GET', '/api/v1/consortia/coord-dom/milestones')
    ).json()) as { items: { id: string; status: string }[] };
    ids.milestoneId = ms.items.find((m) => m.status === 'in_progress')!.id;
    const before = await server.dataChecksums();
    const cookie = server.cookie()!;
    const forgeries: [string, Record<string, string>, (body: unknown) => string, number][] = [
      ['text/plain', { 'Content-Type': 'text/plain', Origin: TEST_ORIGIN }, JSON.stringify, 415],
      [
        'form',
        { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN },
        () => 'name=Forged',
        415,
      ],
      [
        'multipart',
        { 'Content-Type': 'multipart/form-data; boundary=x', Origin: TEST_ORIGIN },
        () => '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nForged\r\n--x--',
        415,
      ],
      ['foreign Origin', { Origin: 'https://evil.example' }, JSON.stringify, 403],
      ['null Origin', { Origin: 'null' }, JSON.stringify, 403],
      ['cross-site', { 'Sec-Fetch-Site': 'cross-site' }, JSON.stringify, 403],
      ['same-site', { 'Sec-Fetch-Site': 'same-site', Origin: TEST_ORIGIN }, JSON.stringify, 403],
      ['no Origin at all', {}, JSON.stringify, 403],
    ];
    let cells = 0;
    for (const name of mutations) {
      const def = routes[name];
      const path = `${API_PREFIX}${buildPath(def.path, ids)}`;
      for (const [label, headers, encode, status] of forgeries) {
        const res = await server.app.request(path, {
          method: def.method,
          headers: {
            'Content-Type': ownType(name),
            'If-Match': '"1"',
            Cookie: cookie,
            ...headers,
          },
          body: encode(bodies[name]),
        });
        expect(res.status, `${name} × ${label}`).toBe(status);
        cells++;
      }
    }
    expect(cells).toBe(mutations.length * forgeries.length);
    expect(await server.dataChecksums()).toEqual(before);
  });

  it('are allowed with Sec-Fetch-Site: same-origin and no Origin (control)', async () => {
    const current = await server.request('GET', '/api/v1/consortia/coord-dom');
    const res = await server.app.request('/api/v1/consortia/coord-dom', {
      method: 'PATCH',
      headers: {
        'Content-Type': 'application/json',
        'Sec-Fetch-Site': 'same-origin',
        'If-Match': current.headers.get('ETag') ?? '',
        Cookie: server.cookie()!,
      },
      body: JSON.stringify({ name: 'Same origin' }),
    });
    expect(res.status).toBe(200);
  });

  it('trust the configured origin, never the Host the request names', async () => {
    const before = await server.dataChecksums();
    const current = await server.request('GET', '/api/v1/consortia/coord-dom');
    // A page on evil.example whose requests reach this server (DNS rebinding, a shared proxy).
    const forged = await server.app.request('http://evil.example/api/v1/consortia/coord-dom', {
      method: 'PATCH',
      headers: {
        'Content-Type': 'application/json',
        Host: 'evil.example',
        Origin: 'http://evil.example',
        'If-Match': current.headers.get('ETag') ?? '',
        Cookie: server.cookie()!,
      },
      body: JSON.stringify({ name: 'Forged' }),
    });
    expect(forged.status).toBe(403);
    expect(await server.dataChecksums()).toEqual(before);
  });

  it('build invitation links from the configured origin, whatever Host the request names', async () => {
    const res = await server.app.request(
      'http://evil.example/api/v1/programmes/pascaline/invitations',
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Host: 'evil.example',
          'Sec-Fetch-Site': 'same-origin',
          Cookie: server.cookie()!,
        },
        body: JSON.stringify({
          email: 'new@jalon.test',
          role: 'member',
          programmeId: 'pascaline',
          consortiumId: 'coord-dom',
        }),
      },
    );
    expect(res.status).toBe(201);
    const { link } = (await res.json()) as { link: string };
    expect(link.startsWith(`${TEST_ORIGIN}/accept/`)).toBe(true);
    await server.reset();
  });
});
