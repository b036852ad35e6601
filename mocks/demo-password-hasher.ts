import type { PasswordHasher } from '@server/ports';

/*
 * The in-browser demo's password hasher: PBKDF2-SHA256 through Web Crypto, because Argon2 is a
 * native Node module. It guards demo accounts in a developer's own IndexedDB, nothing else; it
 * lives in mocks/, which a production build never contains (scripts/check-dist.mjs), and the
 * server verifies only Argon2id hashes, so a hash made here can never open a real account.
 */

const PREFIX = '$jalon-demo-pbkdf2-sha256$';
const ITERATIONS = 10_000;

const hex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

async function derive(password: string, salt: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'PBKDF2',
      hash: 'SHA-256',
      salt: new TextEncoder().encode(salt),
      iterations: ITERATIONS,
    },
    key,
    256,
  );
  return hex(bits);
}

async function hash(password: string): Promise<string> {
  const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
  return `${PREFIX}${salt}$${await derive(password, salt)}`;
}

export const demoPasswordHasher: PasswordHasher = {
  hash,
  async verify(stored, password) {
    const [salt, expected] = stored?.startsWith(PREFIX)
      ? stored.slice(PREFIX.length).split('$')
      : [];
    // As the server does, an unknown account costs one derivation too.
    const actual = await derive(password, salt ?? 'no account');
    return { ok: salt !== undefined && actual === expected, rehash: null };
  },
};
