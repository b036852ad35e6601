import type { IsoDate, Locale } from '@domain/contract/common';
import { MilestoneStatus, Phase, type Milestone } from '@domain/contract/milestone';
import { isLate } from '@domain/rules/milestone-health';
import { compareMilestones } from '@domain/rules/ordering';

/**
 * What the consortium's milestone table shows, read from and written to the URL so a filtered
 * view can be bookmarked, shared and survives back/forward. Anything malformed is ignored.
 */
export const SORT_KEYS = ['plan', 'baseline', 'forecast', 'actual'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface MilestoneFilters {
  phase: Phase | null;
  status: MilestoneStatus | null;
  lateOnly: boolean;
  search: string;
  sort: SortKey;
  direction: SortDirection;
}

export const NO_FILTERS: MilestoneFilters = {
  phase: null,
  status: null,
  lateOnly: false,
  search: '',
  sort: 'plan',
  direction: 'asc',
};

function oneOf<T extends string>(options: readonly T[], value: string | null): T | null {
  return value !== null && (options as readonly string[]).includes(value) ? (value as T) : null;
}

export function filtersFromParams(params: URLSearchParams): MilestoneFilters {
  return {
    phase: oneOf(Phase.options, params.get('phase')),
    status: oneOf(MilestoneStatus.options, params.get('status')),
    lateOnly: params.get('late') === '1',
    search: (params.get('q') ?? '').slice(0, 100),
    sort: oneOf(SORT_KEYS, params.get('sort')) ?? 'plan',
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** Only what differs from the defaults goes into the URL. */
export function paramsFromFilters(f: MilestoneFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (f.phase) params.phase = f.phase;
  if (f.status) params.status = f.status;
  if (f.lateOnly) params.late = '1';
  if (f.search.trim()) params.q = f.search;
  if (f.sort !== 'plan') params.sort = f.sort;
  if (f.direction === 'desc') params.dir = 'desc';
  return params;
}

export function hasActiveFilters(f: MilestoneFilters): boolean {
  return f.phase !== null || f.status !== null || f.lateOnly || f.search.trim() !== '';
}

/** Case- and accent-insensitive, so "securite" finds "Sécurité". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();
}

const DATE_OF: Record<Exclude<SortKey, 'plan'>, (m: Milestone) => string | null> = {
  baseline: (m) => m.baselineDate,
  forecast: (m) => m.forecastDate,
  actual: (m) => m.actualDate,
};

/** Dates sort in the chosen direction; milestones without that date always come last. */
function comparator(sort: SortKey, direction: SortDirection) {
  if (sort === 'plan') {
    return direction === 'asc'
      ? compareMilestones
      : (a: Milestone, b: Milestone) => compareMilestones(b, a);
  }
  const dateOf = DATE_OF[sort];
  return (a: Milestone, b: Milestone) => {
    const da = dateOf(a);
    const db = dateOf(b);
    if (da === db) return compareMilestones(a, b);
    if (da === null) return 1;
    if (db === null) return -1;
    return direction === 'asc' ? da.localeCompare(db) : db.localeCompare(da);
  };
}

export function applyMilestoneFilters(
  milestones: readonly Milestone[],
  f: MilestoneFilters,
  { today, locale }: { today: IsoDate; locale: Locale },
): Milestone[] {
  const needle = fold(f.search.trim());
  return milestones
    .filter(
      (m) =>
        (f.phase === null || m.phase === f.phase) &&
        (f.status === null || m.status === f.status) &&
        (!f.lateOnly || isLate(m, today)) &&
        (needle === '' || fold(`${m.code} ${m.title[locale]}`).includes(needle)),
    )
    .sort(comparator(f.sort, f.direction));
}
