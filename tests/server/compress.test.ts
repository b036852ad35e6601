import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressed } from '@server/node/compress';

const json = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: `c-${i}` })) });
const request = (acceptEncoding: string | null, path = '/api/v1/programmes', method = 'GET') =>
  new Request(`http://127.0.0.1${path}`, {
    method,
    headers: acceptEncoding === null ? {} : { 'Accept-Encoding': acceptEncoding },
  });
const answer = (body: string, type: string, cacheControl = 'no-store') =>
  new Response(body, {
    status: 200,
    headers: { 'Content-Type': type, 'Cache-Control': cacheControl, Vary: 'Cookie' },
  });

describe('compressed answers from the Node server', () => {
  it('sends JSON as brotli when accepted, and it reads back to the same bytes', async () => {
    const res = await compressed(request('gzip, deflate, br'), answer(json, 'application/json'));
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Vary')).toBe('Cookie, Accept-Encoding');
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('Content-Length'))).toBe(body.byteLength);
    expect(body.byteLength).toBeLessThan(json.length / 4);
    expect(brotliDecompressSync(body).toString()).toBe(json);
  });

  it('falls back to gzip, and to no encoding when none is accepted or br is refused', async () => {
    const gz = await compressed(request('gzip'), answer(json, 'application/json'));
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(json);
    const refused = await compressed(request('br;q=0, gzip'), answer(json, 'application/json'));
    expect(refused.headers.get('Content-Encoding')).toBe('gzip');
    const plain = await compressed(request(null), answer(json, 'application/json'));
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.headers.get('Vary')).toBe('Cookie, Accept-Encoding');
    expect(await plain.text()).toBe(json);
  });

  it('leaves small answers, images, HEAD and already encoded answers as they are', async () => {
    const small = await compressed(request('br'), answer('{"ok":true}', 'application/json'));
    expect(small.headers.get('Content-Encoding')).toBeNull();
    expect(await small.text()).toBe('{"ok":true}');
    const png = await compressed(request('br'), answer('x'.repeat(5000), 'image/png'));
    expect(png.headers.get('Content-Encoding')).toBeNull();
    const head = await compressed(
      request('br', '/api/v1/programmes', 'HEAD'),
      answer(json, 'application/json'),
    );
    expect(head.headers.get('Content-Encoding')).toBeNull();
  });

  it('compresses a hashed asset once and serves the same bytes again', async () => {
    const script = `export const x = ${JSON.stringify('é'.repeat(4000))};`;
    const asset = () => answer(script, 'text/javascript', 'public, max-age=31536000, immutable');
    const first = await compressed(request('br', '/assets/app-1a2b.js'), asset());
    const second = await compressed(request('br', '/assets/app-1a2b.js'), asset());
    const a = Buffer.from(await first.arrayBuffer());
    expect(Buffer.from(await second.arrayBuffer()).equals(a)).toBe(true);
    expect(brotliDecompressSync(a).toString()).toBe(script);
  });
});
