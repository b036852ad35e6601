// Post-build gate: mocks must never ship, and the first paint must stay light.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';
const BUDGET_KB = 150;
// MSW, the in-page API of `npm run dev` (PGlite) and its demo-only password hasher.
const FORBIDDEN = [
  /mockServiceWorker/,
  /setupWorker/,
  /\bmsw\b/,
  /electric-sql/,
  /pglite\.(wasm|data)/,
  /jalon-demo-pbkdf2/,
];

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const failures = [];
for (const file of walk(DIST)) {
  if (file.endsWith('.map')) continue;
  const text = readFileSync(file, 'latin1');
  for (const pattern of FORBIDDEN) {
    if (pattern.test(text) || pattern.test(file))
      failures.push(`${relative(DIST, file)} mentions ${pattern}`);
  }
}

// The initial JS is what index.html loads eagerly: its entry script and modulepreloads.
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let gzipBytes = 0;
for (const asset of initial) {
  const source = readFileSync(join(DIST, asset));
  gzipBytes += gzipSync(source, { level: 9 }).length;
  if (
    /recharts/i.test(source.toString('latin1')) &&
    /CartesianGrid|ResponsiveContainer/.test(source.toString('latin1'))
  ) {
    failures.push(`${asset} is loaded at start and contains recharts`);
  }
}
const kb = gzipBytes / 1024;
console.log(
  `initial JS: ${initial.length} file(s), ${kb.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`,
);
if (initial.length === 0) failures.push('index.html loads no JS: the build looks broken');
if (kb > BUDGET_KB)
  failures.push(`initial JS is ${kb.toFixed(1)} kB gzip, over the ${BUDGET_KB} kB budget`);

if (failures.length) {
  console.error(`dist check failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('dist check: no mock code, initial JS within budget');
