import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this, headers and a round of compression cost more than the bytes saved. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json)|image\/svg\+xml)/;

type Encoding = 'br' | 'gzip';

function chosenEncoding(accept: string | null): Encoding | null {
  const offered = (accept ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => q?.trim() !== 'q=0')
    .map(([name]) => name?.trim().toLowerCase());
  if (offered.includes('br')) return 'br';
  if (offered.includes('gzip')) return 'gzip';
  return null;
}

/*
 * Hashed assets never change under their URL: each is compressed once, at brotli's best, and
 * kept. API answers change with every write, so they get a quick level instead.
 */
const assetCache = new Map<string, Uint8Array<ArrayBuffer>>();

async function compress(
  bytes: Uint8Array,
  encoding: Encoding,
  best: boolean,
): Promise<Uint8Array<ArrayBuffer>> {
  const out =
    encoding === 'gzip'
      ? await gzipAsync(bytes, { level: best ? 9 : 6 })
      : await brotli(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: best ? 11 : 4,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
          },
        });
  // zlib's Buffer may sit in Node's shared pool; a Response body wants bytes of its own.
  return new Uint8Array(out);
}

/**
 * The Node server's answers compressed as the browser accepts (brotli, else gzip): JSON, HTML,
 * scripts, styles and SVG over 1 kB. The Hono app stays runtime-neutral; the dev mocks, which
 * run it in the page, have nothing to gain from it.
 */
export async function compressed(request: Request, response: Response): Promise<Response> {
  // Headers first: @hono/node-server's Response rebuilds itself from its original init once its
  // body is read, dropping headers that middleware added afterwards (request id, CSP…).
  const headers = new Headers(response.headers);
  const type = headers.get('Content-Type') ?? '';
  if (request.method === 'HEAD' || headers.has('Content-Encoding') || !COMPRESSIBLE.test(type)) {
    return response;
  }
  if (!response.body) return new Response(null, { status: response.status, headers });
  // Caches between here and the browser must keep one copy per encoding.
  const vary = headers.get('Vary');
  if (!vary?.toLowerCase().includes('accept-encoding')) {
    headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  }
  const init = { status: response.status, statusText: response.statusText, headers };
  const encoding = chosenEncoding(request.headers.get('Accept-Encoding'));
  if (!encoding) return new Response(response.body, init);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength < MIN_BYTES) return new Response(bytes, init);
  const immutable = /\bimmutable\b/.test(response.headers.get('Cache-Control') ?? '');
  const key = `${encoding} ${new URL(request.url).pathname}`;
  let body = immutable ? assetCache.get(key) : undefined;
  if (!body) {
    body = await compress(bytes, encoding, immutable);
    if (immutable) assetCache.set(key, body);
  }
  headers.set('Content-Encoding', encoding);
  headers.set('Content-Length', String(body.byteLength));
  return new Response(body, init);
}
