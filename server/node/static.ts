import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { notFound } from '../../src/domain/problems';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

// Vite puts content-hashed files under /assets/: their URL changes whenever their bytes do.
const IMMUTABLE = 'public, max-age=31536000, immutable';

async function fileAt(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = join(root, normalize(decoded));
  if (full !== root && !full.startsWith(root + sep)) return null;
  const info = await stat(full).catch(() => null);
  return info?.isFile() ? full : null;
}

async function send(c: Context, file: string, cacheControl: string) {
  const body = await readFile(file);
  const headers = {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(body.byteLength),
    'Cache-Control': cacheControl,
  };
  return c.req.method === 'HEAD'
    ? c.body(null, 200, headers)
    : c.body(new Uint8Array(body), 200, headers);
}

/**
 * Serves the built SPA: real files first, then index.html for client-side routes. Missing
 * assets and the MSW worker get a 404, never index.html (reliability plan §3, MSW 2).
 */
export function staticFiles(distDir: string): MiddlewareHandler {
  const root = resolve(distDir);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path;
    if (path === '/mockServiceWorker.js') throw notFound('Resource');
    // Source maps stay on the build machine: served, they would hand out the whole source.
    if (path.endsWith('.map')) throw notFound('Resource');
    const file = path === '/' ? null : await fileAt(root, path);
    if (file) return send(c, file, path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    if (path.startsWith('/assets/') || extname(path) !== '') throw notFound('Resource');
    const index = await fileAt(root, '/index.html');
    if (!index) return next();
    return send(c, index, 'no-cache');
  };
}
