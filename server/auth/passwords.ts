import { readFileSync } from 'node:fs';
import argon2 from 'argon2';
import { Problem } from '../../src/domain/problems';

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

export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 128;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

// Verified against for unknown addresses so that they take as long as a wrong password.
let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hashPassword('jalon dummy password, never a real one'));

export interface Verification {
  ok: boolean;
  /** The new hash to store when the parameters changed since this one was made. */
  rehash: string | null;
}

/** Always costs one Argon2 verification, whether or not there is a stored hash. */
export async function verifyPassword(
  stored: string | null,
  password: string,
): Promise<Verification> {
  const hash = stored ?? (await dummyHash());
  const ok = await argon2.verify(hash, password).catch(() => false);
  if (!ok || stored === null) return { ok: false, rehash: null };
  const rehash = argon2.needsRehash(stored, HASH_OPTIONS) ? await hashPassword(password) : null;
  return { ok: true, rehash };
}

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l !== '' && !l.startsWith('#')),
  );
  return common;
}

/** Length and the common-password list only: composition rules are not asked (ASVS 6.2.5). */
export function passwordProblem(password: string): Problem | null {
  const issue = (code: string, message: string) =>
    new Problem(422, 'rule_violated', message, {
      issues: [{ field: 'password', code, message }],
    });
  if (password.length < MIN_PASSWORD)
    return issue('too_short', `At least ${MIN_PASSWORD} characters`);
  if (password.length > MAX_PASSWORD)
    return issue('too_long', `At most ${MAX_PASSWORD} characters`);
  if (commonPasswords().has(password.toLowerCase())) {
    return issue('common_password', 'This password is too common');
  }
  return null;
}
