import { format } from 'node:util';

/**
 * console.error fails the test that caused it: React and the router report real problems
 * (act warnings, missing keys, unhandled render errors) there. A test that provokes one on
 * purpose declares it with expectConsoleError.
 */
let allowed: RegExp[] = [];
let unexpected: string[] = [];

export function expectConsoleError(pattern: RegExp): void {
  allowed.push(pattern);
}

export function recordConsoleError(...args: unknown[]): void {
  const message = format(...args);
  if (!allowed.some((p) => p.test(message))) unexpected.push(message);
}

/** Returns what was logged without permission since the last call, and resets. */
export function takeUnexpectedConsoleErrors(): string[] {
  const out = unexpected;
  unexpected = [];
  allowed = [];
  return out;
}
