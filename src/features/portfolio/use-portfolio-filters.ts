import { useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { filtersFromParams, paramsWithFilters, type PortfolioFilters } from './portfolio-filters';

/** Marks the URL changes the toolbar makes itself, as opposed to a pager link or back/forward. */
const OWN_WRITE = 'portfolioFilters';
/** Marks a move made by the pager's links: the view then takes focus back to the list. */
export const PAGER_STEP = 'portfolioPage';

/**
 * The filters as state, mirrored into the URL. The state leads: a URL change is a navigation
 * that settles a moment later, and typing in the search box must not wait for it. A URL change
 * the toolbar did not make (a pager link, back/forward, a shared link) is adopted.
 */
export function usePortfolioFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const [filters, setFilters] = useState(() => filtersFromParams(searchParams));
  const [seenKey, setSeenKey] = useState(location.key);
  if (location.key !== seenKey) {
    setSeenKey(location.key);
    const own = (location.state as { [OWN_WRITE]?: true } | null)?.[OWN_WRITE] === true;
    if (!own) setFilters(filtersFromParams(searchParams));
  }
  const update = (next: PortfolioFilters) => {
    setFilters(next);
    // Replace, not push: one history entry per keystroke would make Back useless.
    setSearchParams(paramsWithFilters(searchParams, next), {
      replace: true,
      preventScrollReset: true,
      state: { [OWN_WRITE]: true },
    });
  };
  /** The search part of a link to `next`, keeping the parameters the portfolio does not own. */
  const searchOf = (next: PortfolioFilters) => {
    const query = paramsWithFilters(searchParams, next).toString();
    return query ? `?${query}` : '';
  };
  const pagerStep =
    (location.state as { [PAGER_STEP]?: true } | null)?.[PAGER_STEP] === true ? location.key : null;
  return { filters, update, searchOf, pagerStep };
}
