import argon2 from 'argon2';
import type { PasswordHasher } from '../ports';

/**
 * Argon2id at the OWASP minimum (19 MiB, t=2, p=1). Raising these only takes a deploy: existing
 * hashes are re-computed with the new parameters at the next successful sign-in.
 */
export const HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

const hash = (password: string) => argon2.hash(password, HASH_OPTIONS);

// Verified against for unknown addresses so that they take as long as a wrong password.
let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hash('jalon dummy password, never a real one'));

/** The only password hasher a production server has. */
export const argon2Hasher: PasswordHasher = {
  hash,
  async verify(stored, password) {
    const against = stored ?? (await dummyHash());
    const ok = await argon2.verify(against, password).catch(() => false);
    if (!ok || stored === null) return { ok: false, rehash: null };
    const rehash = argon2.needsRehash(stored, HASH_OPTIONS) ? await hash(password) : null;
    return { ok: true, rehash };
  },
};
