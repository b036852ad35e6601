import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody, EVIDENCE_MAX_BYTES, Evidence } from '@domain/contract';
import { dumpSql, restoreSql, tableChecksums } from '@server/db/backup';
import { migrate } from '@server/db/migrate';
import { openDatabase } from '@server/node/database';
import { createTestServer, DEMO_LOGINS, TEST_ORIGIN, type TestServer } from '@server/node/testing';

/** Server-level checks of evidence files the contract targets cannot make (binary, chunked). */
let server: TestServer;
const MILESTONE = 'coord-dom-j10';
const files = `/api/v1/milestones/${MILESTONE}/evidence/files`;
/** A PNG signature and bytes that are not UTF-8, so that only a byte-exact store round-trips. */
/** A PNG's signature and IHDR chunk header, then bytes that no text decoding would keep. */
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0xff, 0xfe, 0x80, 0x7f,
]);

beforeAll(async () => {
  server = await createTestServer({ database: 'pglite' });
  await server.signIn(DEMO_LOGINS.lead);
});
afterAll(async () => {
  await server?.close();
});

const headers = (type: string, extra: Record<string, string> = {}) => ({
  'Content-Type': type,
  Cookie: server.cookie() ?? '',
  Origin: TEST_ORIGIN,
  ...extra,
});
const upload = (name: string, type: string, body: BodyInit, extra: Record<string, string> = {}) =>
  server.app.request(`${files}?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    body,
    headers: headers(type, extra),
  });
const download = (id: string, cookie = server.cookie() ?? '') =>
  server.app.request(`/api/v1/milestones/${MILESTONE}/evidence/${id}/content`, {
    headers: { Cookie: cookie },
  });

describe('evidence files on the server', () => {
  it('stores the exact bytes and sends them back as a nosniff attachment named as uploaded', async () => {
    const name = 'Capture « écran » "finale".png';
    const res = await upload(name, 'image/png', PNG);
    expect(res.status, await res.clone().text()).toBe(201);
    const evidence = Evidence.parse(await res.json());
    expect(evidence).toMatchObject({ name, mediaType: 'image/png', sizeBytes: PNG.byteLength });

    const got = await download(evidence.id);
    expect(got.status).toBe(200);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PNG);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('cache-control')).toBe('private, no-store');
    expect(got.headers.get('content-disposition')).toBe(
      'attachment; filename="Capture _ ecran _ _finale_.png"; ' +
        "filename*=UTF-8''Capture%20%C2%AB%20%C3%A9cran%20%C2%BB%20%22finale%22.png",
    );
  });

  it('refuses a web page sent as a CSV or hidden behind a PNG signature, storing nothing', async () => {
    const before = await server.dataChecksums();
    const page = '<!doctype html><script>fetch("/api/v1/auth/me")</script>';
    expect((await upload('Export.csv', 'text/csv', page)).status).toBe(415);
    const polyglot = new Uint8Array([...PNG.slice(0, 8), ...new TextEncoder().encode(page)]);
    expect((await upload('Capture.png', 'image/png', polyglot)).status).toBe(415);
    expect(await server.dataChecksums()).toEqual(before);
  });

  it('answers 404 to another consortium’s lead, 401 signed out, 200 to a member', async () => {
    const res = await upload('Note.pdf', 'application/pdf', '%PDF-1.4\n%%EOF\n');
    const { id } = Evidence.parse(await res.json());
    const other = await server.as(DEMO_LOGINS.otherLead);
    expect((await download(id, other.cookie() ?? '')).status).toBe(404);
    expect((await download(id, '')).status).toBe(401);
    const member = await server.as(DEMO_LOGINS.member);
    expect((await download(id, member.cookie() ?? '')).status).toBe(200);
  });

  it('refuses an unlisted type before the session (415) and a cross-site upload (403)', async () => {
    const plain = await server.app.request(`${files}?name=a.txt`, {
      method: 'POST',
      body: 'hello',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(plain.status).toBe(415);
    const forged = await upload('a.pdf', 'application/pdf', '%PDF-1.4', {
      Origin: 'https://evil.example',
    });
    expect(forged.status).toBe(403);
  });

  it('413 on a declared size over 10 MB and on a streamed body without Content-Length', async () => {
    const declared = await upload('big.csv', 'text/csv', 'a;b\n', {
      'Content-Length': String(EVIDENCE_MAX_BYTES + 1),
    });
    expect(declared.status).toBe(413);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(256 * 1024).fill(0x61));
      },
    });
    const streamed = await server.app.request(`${files}?name=big.csv`, {
      method: 'POST',
      body: endless,
      headers: headers('text/csv'),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(ApiErrorBody.parse(await streamed.json()).error.code).toBe('payload_too_large');
    // Reading stopped at the limit: an endless body is never buffered.
    expect(pulled * 256 * 1024).toBeLessThanOrEqual(EVIDENCE_MAX_BYTES + 3 * 256 * 1024);
  });

  it('413 over real HTTP with chunked transfer encoding', async () => {
    const http = serve({ fetch: server.app.fetch, port: 8321, hostname: '127.0.0.1' });
    try {
      await new Promise<void>((ok) => http.once('listening', () => ok()));
      const { port } = http.address() as AddressInfo;
      const status = await new Promise<number>((ok, fail) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `${files}?name=big.csv`,
            headers: headers('text/csv'),
          },
          (res) => {
            res.resume();
            ok(res.statusCode ?? 0);
          },
        );
        req.on('error', (e) => (req.destroyed ? undefined : fail(e)));
        expect(req.getHeader('content-length')).toBeUndefined();
        const chunk = Buffer.alloc(1024 * 1024, 0x61);
        let sent = 0;
        const pump = () => {
          while (sent < 12 && req.write(chunk)) sent++;
          if (sent < 12) req.once('drain', pump);
          else req.end();
        };
        pump();
      });
      expect(status).toBe(413);
    } finally {
      await new Promise<void>((done) => http.close(() => done()));
    }
  });

  it('keeps the files through a backup and a restore', async () => {
    await upload('Binaire.png', 'image/png', PNG);
    const dump = await dumpSql(server.database.db);
    expect(dump).toMatch(/^INSERT INTO "evidence_files" /m);
    const target = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      await migrate(target.db);
      await restoreSql(target.db, dump);
      expect(await tableChecksums(target.db)).toEqual(await tableChecksums(server.database.db));
      const rows = await target.db.selectFrom('evidenceFiles').select('content').execute();
      expect(rows.some((r) => Buffer.from(r.content).equals(Buffer.from(PNG)))).toBe(true);
    } finally {
      await target.close();
    }
  });
});
