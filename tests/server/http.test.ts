import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '@domain/contract';
import { createApp } from '@server/app';
import { createLogger } from '@server/logger';
import { argon2Hasher } from '@server/node/argon2';
import { createTestServer, TEST_ORIGIN, type TestServer } from '@server/node/testing';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
  "form-action 'self'; worker-src 'none'";

// No page of Jalon uses a device or a payment: none of them may be asked for.
const PERMISSIONS_POLICY =
  'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=()';

let server: TestServer;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'jalon-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Jalon</title>');
  writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js.map'), '{"version":3}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
  // As if a build had copied MSW's worker into dist (mswjs/msw#291): only the guard may stop it.
  writeFileSync(join(dist, 'mockServiceWorker.js'), "self.addEventListener('fetch', () => {});");
  server = await createTestServer({ database: 'pglite', distDir: dist });
  await server.signIn();
});
afterAll(async () => {
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
});

const signedIn = () => ({ Cookie: server.cookie() ?? '', Origin: TEST_ORIGIN });
const get = (path: string, headers: Record<string, string> = {}) =>
  server.app.request(path, { headers: { ...signedIn(), ...headers } });

function securityHeaders(res: Response) {
  const pick = [
    'content-security-policy',
    'strict-transport-security',
    'x-content-type-options',
    'referrer-policy',
    'permissions-policy',
    'x-powered-by',
    'cache-control',
    'content-type',
  ];
  return Object.fromEntries(pick.map((h) => [h, res.headers.get(h)]));
}

describe('security headers', () => {
  const base = {
    'content-security-policy': CSP,
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy': PERMISSIONS_POLICY,
    'x-powered-by': null,
  };

  it('are exact on JSON, index.html, an asset and an error, each with a request id', async () => {
    const json = await get('/api/v1/health');
    const index = await get('/');
    const asset = await get('/assets/index-Ab12Cd34.js');
    const error = await get('/api/v1/consortia/no-such-consortium');
    expect([json.status, index.status, asset.status, error.status]).toEqual([200, 200, 200, 404]);
    expect(securityHeaders(json)).toEqual({
      ...base,
      'cache-control': 'no-store',
      'content-type': 'application/json',
    });
    expect(securityHeaders(index)).toEqual({
      ...base,
      'cache-control': 'no-cache',
      'content-type': 'text/html; charset=utf-8',
    });
    expect(securityHeaders(asset)).toEqual({
      ...base,
      'cache-control': 'public, max-age=31536000, immutable',
      'content-type': 'text/javascript; charset=utf-8',
    });
    expect(securityHeaders(error)).toEqual({
      ...base,
      'cache-control': 'no-store',
      'content-type': 'application/json',
    });
    const ids = [json, index, asset, error].map((r) => r.headers.get('x-request-id'));
    expect(ids.every((id) => /^[0-9a-f-]{36}$/.test(id ?? ''))).toBe(true);
    expect(new Set(ids).size).toBe(4);
  });
});

describe('static files', () => {
  it('falls back to index.html for client routes', async () => {
    const res = await get('/consortia/coord-dom/milestones');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Jalon</title>');
  });

  it('never serves the MSW worker, a source map, a missing asset or a file outside dist', async () => {
    for (const path of [
      '/mockServiceWorker.js',
      '/assets/missing-123.js',
      // Source maps stay on the build machine: they would hand out the whole source.
      '/assets/index-Ab12Cd34.js.map',
      '/favicon.png',
      '/..%2f..%2fpackage.json',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(ApiErrorBody.parse(await res.json()).error.code).toBe('not_found');
    }
  });

  it('answers unknown /api paths with JSON 404, never index.html', async () => {
    for (const path of ['/api/v1/nope', '/api/v2/programmes', '/api']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json');
    }
  });
});

describe('request refusals', () => {
  const patch = (body: BodyInit | null, headers: Record<string, string>, init: RequestInit = {}) =>
    server.app.request('/api/v1/consortia/coord-dom', {
      method: 'PATCH',
      body,
      headers: { ...signedIn(), ...headers },
      ...init,
    });
  const json = { 'Content-Type': 'application/json', 'If-Match': '"1"' };

  it('413 on a declared or streamed body over 1 MB', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024) });
    const declared = await patch(big, { ...json, 'Content-Length': String(big.length) });
    expect(declared.status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
        for (let i = 0; i < 20; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await patch(stream, json, { duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(ApiErrorBody.parse(await streamed.json()).error.code).toBe('payload_too_large');
  });

  it('415 without application/json, 400 on malformed JSON', async () => {
    expect(
      (await patch('{"name":"x"}', { 'If-Match': '"1"', 'Content-Type': 'text/plain' })).status,
    ).toBe(415);
    expect(
      (
        await patch('name=x', {
          'If-Match': '"1"',
          'Content-Type': 'application/x-www-form-urlencoded',
        })
      ).status,
    ).toBe(415);
    expect((await patch('{"name":"x"}', { 'If-Match': '"1"' })).status).toBe(415);
    const malformed = await patch('{"name":', json);
    expect(malformed.status).toBe(400);
    expect(ApiErrorBody.parse(await malformed.json()).error.code).toBe('bad_request');
  });

  it('428 without If-Match, 412 with the current row when stale', async () => {
    const missing = await patch('{"name":"x"}', { 'Content-Type': 'application/json' });
    expect(missing.status).toBe(428);
    const current = (await (await get('/api/v1/consortia/coord-dom')).json()) as {
      version: number;
    };
    const stale = await patch('{"name":"x"}', { ...json, 'If-Match': `"${current.version + 3}"` });
    expect(stale.status).toBe(412);
    const body = ApiErrorBody.parse(await stale.json());
    expect(body.error.details).toEqual({ current });
  });

  it('refuses a body that names another programme than its path', async () => {
    const res = await server.request('POST', '/api/v1/programmes/pascaline/invitations', {
      body: {
        email: 'new@jalon.test',
        role: 'observer',
        programmeId: 'cohorte-2027',
        consortiumId: null,
      },
    });
    expect(res.status).toBe(400);
    expect(ApiErrorBody.parse(await res.json()).error.details).toMatchObject({
      issues: [{ field: 'programmeId', code: 'path_mismatch' }],
    });
  });

  it('refuses a NUL or half a surrogate pair with 400 naming the field and why', async () => {
    const issuesOf = async (res: Response) => {
      expect(res.status).toBe(400);
      return ApiErrorBody.parse(await res.json()).error.details;
    };
    const query = await get('/api/v1/programmes/pascaline/audit?actorId=a%00b');
    // The identifier's own format is broken too; the character is named first.
    expect(await issuesOf(query)).toMatchObject({
      issues: [{ field: 'actorId', code: 'text_invalid_character' }, { field: 'actorId' }],
    });
    // JSON.stringify writes a lone surrogate as the escape \ud800, which is how a client sends it.
    const body = await server.request('POST', '/api/v1/programmes/pascaline/invitations', {
      body: {
        email: 'new\uD800@jalon.test',
        role: 'observer',
        programmeId: 'pascaline',
        consortiumId: null,
      },
    });
    expect(await issuesOf(body)).toMatchObject({
      issues: [{ field: 'email', code: 'text_invalid_character' }],
    });
  });

  it('refuses an address whose escapes are not UTF-8, such as a lone surrogate', async () => {
    for (const url of [
      '/api/v1/programmes/pascaline/audit?action=x%ED%A0%80',
      '/api/v1/consortia/coord%FF',
      '/api/v1/programmes/pascaline/audit?action=%E0%A4',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(ApiErrorBody.parse(await res.json()).error.code).toBe('bad_request');
    }
  });

  it('refuses a repeated query parameter', async () => {
    const res = await get('/api/v1/consortia?programmeId=a&programmeId=b');
    expect(res.status).toBe(400);
  });
});

describe('unexpected errors', () => {
  it('answer 500 with only a request id: no message, stack or SQL leaks', async () => {
    const lines: string[] = [];
    const app = createApp({
      database: server.database,
      passwords: argon2Hasher,
      origins: { links: TEST_ORIGIN, accepted: [TEST_ORIGIN] },
      logger: createLogger('error', (l) => lines.push(l)),
      clock: {
        now: () => {
          throw new Error('select * from users where secret = 1');
        },
        today: () => '2026-06-15',
      },
    });
    const res = await app.request('/api/v1/health');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/select|secret|Error|at /);
    const body = ApiErrorBody.parse(JSON.parse(text));
    expect(body.error).toEqual({
      code: 'internal',
      message: 'Something went wrong on our side',
      details: { requestId: res.headers.get('x-request-id') },
    });
    expect(lines.join('')).toContain(res.headers.get('x-request-id'));
    expect(lines.join('')).toContain('select * from users');
  });
});
