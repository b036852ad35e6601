import { Problem } from '../../src/domain/problems';
import common from './common-passwords.json';

export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 128;

let commonSet: Set<string> | null = null;
const commonPasswords = () => (commonSet ??= new Set(common.passwords.map((p) => p.toLowerCase())));

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
