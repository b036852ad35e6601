import type { IsoDate } from '@domain/contract/common';
import type { Dataset } from '@domain/demo/dataset';
import { todayIso } from '@domain/rules/periods';
import type { MutationContext } from '@domain/rules/mutations';

/**
 * The mocks' whole database: a working copy of a Dataset that handlers read and replace rows in.
 * `today` is what the portfolio is computed for when no `asOf` is given, so tests can pin it.
 */
export interface MockStore {
  readonly data: Dataset;
  today(): IsoDate;
  /** Drops every change and starts again from `dataset`. */
  reset(dataset: Dataset, options?: { today?: IsoDate }): void;
  /** Who and when for a write: the mocks have no sessions, so the demo manager acts. */
  mutationContext(): MutationContext;
}

export function createMockStore(dataset: Dataset, options: { today?: IsoDate } = {}): MockStore {
  let data = structuredClone(dataset);
  let today = options.today ?? todayIso();
  return {
    get data() {
      return data;
    },
    today: () => today,
    reset(next, opts = {}) {
      data = structuredClone(next);
      today = opts.today ?? todayIso();
    },
    mutationContext() {
      const manager = data.users.find((u) => u.memberships.some((m) => m.role === 'manager'));
      return {
        actor: { id: manager?.id ?? null, name: manager?.name ?? 'Mock user' },
        now: new Date().toISOString(),
        newId: () => crypto.randomUUID(),
      };
    },
  };
}

/** Swaps one row for its updated version, keeping the order of the table. */
export function replaceRow<T extends { id: string }>(rows: T[], next: T): void {
  const i = rows.findIndex((r) => r.id === next.id);
  if (i < 0) throw new Error(`row ${next.id} vanished`);
  rows[i] = next;
}
