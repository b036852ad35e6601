import type { Timestamp } from '@domain/contract/common';
import type { Membership, User } from '@domain/contract/reporting';
import { DEMO_PASSWORD } from '@domain/demo/people';

/** Links live 7 days, as on the server. */
export const LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Five wrong passwords per address in 15 minutes, then 429 (reliability plan §2 F). */
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export interface AccountState {
  /** Kept in clear: this is the in-browser demo, never a real account store. */
  password: string;
  lastSignInAt: Timestamp | null;
  version: number;
}

export interface PendingLink {
  kind: 'invitation' | 'password_reset';
  email: string;
  /** The person a reset is for; null for an invitation of someone new. */
  userId: string | null;
  /** The programme the link was made in (by a manager of it). */
  programmeId: string;
  /** The role an invitation grants once accepted. */
  membership: Membership | null;
  expiresAt: number;
  used: boolean;
}

/** Accounts, one-time links and failed sign-ins: the part of the server's database the UI needs. */
export class MockAccounts {
  readonly byUser = new Map<string, AccountState>();
  readonly links = new Map<string, PendingLink>();
  private readonly failures = new Map<string, number[]>();

  constructor(users: readonly User[]) {
    for (const u of users)
      this.byUser.set(u.id, { password: DEMO_PASSWORD, lastSignInAt: null, version: 1 });
  }

  account(userId: string): AccountState {
    let state = this.byUser.get(userId);
    if (!state) {
      // Rows added after start (accepted invitations) always get one; this covers hand-made rows.
      state = { password: DEMO_PASSWORD, lastSignInAt: null, version: 1 };
      this.byUser.set(userId, state);
    }
    return state;
  }

  /** Seconds to wait before trying again, or 0 when the address may try now. */
  lockedFor(email: string, now: number): number {
    const recent = (this.failures.get(email) ?? []).filter((t) => now - t < LOGIN_WINDOW_MS);
    this.failures.set(email, recent);
    const oldest = recent[0];
    if (recent.length < MAX_LOGIN_FAILURES || oldest === undefined) return 0;
    return Math.ceil((oldest + LOGIN_WINDOW_MS - now) / 1000);
  }

  recordFailure(email: string, now: number): void {
    this.failures.set(email, [...(this.failures.get(email) ?? []), now]);
  }

  clearFailures(email: string): void {
    this.failures.delete(email);
  }

  /** A single-use link token: 256 random bits as 43 base64url characters. */
  issueLink(
    link: Omit<PendingLink, 'expiresAt' | 'used'>,
    now: number,
  ): { token: string; expiresAt: number } {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    const token = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    const expiresAt = now + LINK_TTL_MS;
    this.links.set(token, { ...link, expiresAt, used: false });
    return { token, expiresAt };
  }

  /** The link behind a token if it can still be used; used, expired and unknown look alike. */
  usableLink(token: string, now: number): PendingLink | null {
    const link = this.links.get(token);
    return link && !link.used && link.expiresAt > now ? link : null;
  }
}
