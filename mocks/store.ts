import type { IsoDate } from '@domain/contract/common';
import type { User } from '@domain/contract/reporting';
import type { Dataset } from '@domain/demo/dataset';
import { todayIso } from '@domain/rules/periods';
import type { Actor, MutationContext } from '@domain/rules/mutations';
import { effectiveRole, type Principal } from '@domain/rules/permissions';
import { MockAccounts } from './accounts';
import type { AuditInput, StoredEntry } from './audit';

/** Who a write is by when nobody is signed in (as server/context.ts names it). */
const ANONYMOUS: Actor = { id: null, name: 'anonymous' };

/**
 * The mocks' whole database: a working copy of a Dataset that handlers read and replace rows in.
 * `today` is what the portfolio is computed for when no `asOf` is given, so tests can pin it.
 */
export interface MockStore {
  readonly data: Dataset;
  today(): IsoDate;
  /** Drops every change, the session and the audit trail, and starts again from `dataset`. */
  reset(dataset: Dataset, options?: { today?: IsoDate }): void;
  /** Who and when for a write: the signed-in person; public routes (accepting a link) name theirs. */
  mutationContext(): MutationContext;
  /**
   * The mock session. MSW cannot set an HttpOnly cookie in the browser, so the store holds the
   * signed-in user; sign-in sets it, sign-out clears it.
   */
  currentUserId: string | null;
  /** The signed-in person as the rules see them; null when signed out or the account is disabled. */
  principal(): Principal | null;
  currentUser(): User | null;
  readonly accounts: MockAccounts;
  readonly auditLog: readonly StoredEntry[];
  /** Appends one entry for a successful write, by the current actor unless the input names one. */
  audit(input: AuditInput): void;
}

export function createMockStore(dataset: Dataset, options: { today?: IsoDate } = {}): MockStore {
  let data = structuredClone(dataset);
  let today = options.today ?? todayIso();
  let accounts = new MockAccounts(data.users);
  let auditLog: StoredEntry[] = [];
  let seq = 0;

  const store: MockStore = {
    get data() {
      return data;
    },
    today: () => today,
    currentUserId: null,
    get accounts() {
      return accounts;
    },
    get auditLog() {
      return auditLog;
    },
    reset(next, opts = {}) {
      data = structuredClone(next);
      today = opts.today ?? todayIso();
      accounts = new MockAccounts(data.users);
      auditLog = [];
      store.currentUserId = null;
    },
    currentUser() {
      const user = data.users.find((u) => u.id === store.currentUserId);
      return user && !user.disabled ? user : null;
    },
    principal() {
      const user = store.currentUser();
      return user ? { userId: user.id, name: user.name, memberships: user.memberships } : null;
    },
    mutationContext() {
      const user = store.currentUser();
      return {
        actor: user ? { id: user.id, name: user.name } : ANONYMOUS,
        now: new Date().toISOString(),
        newId: () => crypto.randomUUID(),
      };
    },
    audit({ actor: named, role: given, ...input }) {
      const { actor: current, now } = store.mutationContext();
      const actor = named ?? current;
      const principal = store.principal();
      // As on the server: the role the actor holds on the scope of the change, unless named.
      const role =
        given !== undefined
          ? given
          : principal && input.programmeId
            ? effectiveRole(principal, {
                programmeId: input.programmeId,
                consortiumId: input.consortiumId,
              })
            : null;
      seq += 1;
      const { programmeId, ...entry } = input;
      auditLog.push({
        seq,
        programmeId,
        entry: {
          id: String(seq),
          at: now,
          actorId: actor.id,
          actorName: actor.name,
          role,
          requestId: `mock-${seq}`,
          ...entry,
        },
      });
    },
  };
  return store;
}

/** Swaps one row for its updated version, keeping the order of the table. */
export function replaceRow<T extends { id: string }>(rows: T[], next: T): void {
  const i = rows.findIndex((r) => r.id === next.id);
  if (i < 0) throw new Error(`row ${next.id} vanished`);
  rows[i] = next;
}
