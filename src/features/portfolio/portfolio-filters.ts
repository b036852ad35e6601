import { Health, type ConsortiumCard } from '@domain/contract/portfolio';

/**
 * What the portfolio shows, read from and written to the URL (`?health=&q=&page=`) so that a
 * filtered page can be bookmarked, shared and survives a reload. Anything malformed is ignored
 * rather than refused: an old link still opens the portfolio.
 */
export interface PortfolioFilters {
  health: Health | null;
  search: string;
  /** 1-based; clamped to the pages that exist when the cards are paged. */
  page: number;
}

export const NO_FILTERS: PortfolioFilters = { health: null, search: '', page: 1 };

/** Two rows of cards on a wide screen, and a page that stays light at the ×170 portfolio. */
export const PAGE_SIZE = 24;

const MAX_SEARCH = 100;

export function filtersFromParams(params: URLSearchParams): PortfolioFilters {
  const page = Number(params.get('page'));
  return {
    health: Health.safeParse(params.get('health')).data ?? null,
    search: (params.get('q') ?? '').slice(0, MAX_SEARCH),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/**
 * Only what differs from the defaults goes into the URL; the parameters this feature does not own
 * (`asOf`, the date the portfolio is replayed at) are kept.
 */
export function paramsWithFilters(current: URLSearchParams, f: PortfolioFilters): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of ['health', 'q', 'page']) next.delete(key);
  if (f.health) next.set('health', f.health);
  if (f.search.trim()) next.set('q', f.search);
  if (f.page > 1) next.set('page', String(f.page));
  return next;
}

export function hasActiveFilters(f: PortfolioFilters): boolean {
  return f.health !== null || f.search.trim() !== '';
}

/** Case- and accent-insensitive, so "sante" finds "Santé". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();
}

/** Cards matching the health filter and the search (on the name and the lead partner's name). */
export function applyPortfolioFilters(
  cards: readonly ConsortiumCard[],
  f: Pick<PortfolioFilters, 'health' | 'search'>,
): ConsortiumCard[] {
  const words = fold(f.search).split(/\s+/).filter(Boolean);
  return cards.filter((card) => {
    if (f.health && card.health !== f.health) return false;
    if (words.length === 0) return true;
    const haystack = fold(`${card.name} ${card.lead?.name ?? ''}`);
    return words.every((w) => haystack.includes(w));
  });
}

export function countByHealth(cards: readonly ConsortiumCard[]): Record<Health, number> {
  const counts: Record<Health, number> = { on_track: 0, at_risk: 0, off_track: 0 };
  for (const card of cards) counts[card.health] += 1;
  return counts;
}

export interface PageOf<T> {
  items: T[];
  /** The page shown, after clamping a page number past the end to the last page. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown (0 and 0 when nothing matches). */
  from: number;
  to: number;
}

export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE): PageOf<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const shown = Math.min(Math.max(1, page), pages);
  const start = (shown - 1) * size;
  const slice = items.slice(start, start + size);
  return {
    items: slice,
    page: shown,
    pages,
    from: slice.length ? start + 1 : 0,
    to: start + slice.length,
  };
}
