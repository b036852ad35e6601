/**
 * One API under test. The contract scenarios run unchanged against every target: the MSW
 * handlers, the server on PGlite and the server on PostgreSQL, so the mocks cannot drift.
 */
export interface RequestOptions {
  /** Serialised as JSON with Content-Type: application/json. */
  body?: unknown;
  /** Sent as is (for malformed-body scenarios); set the Content-Type header yourself. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ContractTarget {
  name: 'mocks' | 'pglite' | 'postgres';
  /** `path` starts with /api/v1. */
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  /** Reloads the demo dataset generated for DEMO_TODAY so each scenario starts from the same state. */
  reset(): Promise<void>;
  /** Signs in (default: the demo manager) so that later requests carry the session. */
  signIn(email?: string): Promise<void>;
  /** Drops the session: later requests are anonymous until the next signIn. */
  signOut(): void;
  close(): Promise<void>;
}

/** The fixed "today" the contract scenarios generate the demo for and pass as `asOf`. */
export const DEMO_TODAY = '2026-06-15';
