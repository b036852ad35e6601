import fc from 'fast-check';

/** What people never type but clients can send: NUL, half surrogate pairs, non-characters, bidi marks. */
export const SPECIAL = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\uFFFF',
  '\uFFFE',
  '\u202E',
  '\u200F',
  '\u0085',
  '😀',
];

/** Strings from the whole Unicode range, lone surrogates included, now and then very long. */
export const fuzzString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc
    .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...SPECIAL), fc.string({ maxLength: 8 }))
    .map((parts) => parts.join('')),
  fc.constantFrom(...SPECIAL),
  fc.constantFrom('x'.repeat(70_000), 'é\u0000'.repeat(3_000), '\uD83D'.repeat(5_000)),
);

/** What the contract must refuse wherever a string goes: every request carrying one is a 400. */
export const REFUSED = { nul: '\u0000', 'lone surrogate': '\uD800' } as const;

/** The valid value with `odd` slipped in at its end, where no format (a URL's host, an e-mail's domain) refuses it first. */
export const spliced = (valid: string, odd: string) => `${valid}${odd}`;

/** A stable seed per route (FNV-1a of its name), so a failing draw replays on its own. */
export function seedOf(name: string): number {
  let hash = 0x811c9dc5;
  for (const ch of name) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
  return hash | 0;
}

const hex = (b: number) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** encodeURIComponent, except that a lone surrogate is sent as its three WTF-8 bytes instead of throwing. */
export function encodeAny(value: string): string {
  return value.replace(
    /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]|[^\uD800-\uDFFF]+/g,
    (part) => {
      const unit = part.charCodeAt(0);
      if (part.length !== 1 || unit < 0xd800 || unit > 0xdfff) return encodeURIComponent(part);
      return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map(hex)
        .join('');
    },
  );
}

export type Path = (string | number)[];

/** Where the strings of a JSON value are. */
export function stringLeaves(value: unknown, at: Path = []): Path[] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...at, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...at, k]));
  }
  return [];
}

/** A copy of `value` with `next` at `path`. */
export function setAt(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    return (value as unknown[]).map((v, i) => (i === head ? setAt(v, rest, next) : v));
  }
  const record = (value ?? {}) as Record<string, unknown>;
  return { ...record, [String(head)]: setAt(record[String(head)], rest, next) };
}

/** The string at `path`, if a string is there. */
export function getAt(value: unknown, path: Path): string | undefined {
  const found = path.reduce<unknown>(
    (v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined),
    value,
  );
  return typeof found === 'string' ? found : undefined;
}
