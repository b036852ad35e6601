import { useLocation, useSearchParams } from 'react-router';
import { useFiltersInUrl } from '@/lib/use-filters-in-url';
import { filtersFromParams, paramsWithFilters, type PortfolioFilters } from './portfolio-filters';

/** Marks a move made by the pager's links: the view then takes focus back to the list. */
export const PAGER_STEP = 'portfolioPage';

/** The portfolio's filters in the URL, beside the parameters it does not own (`asOf`). */
export function usePortfolioFilters() {
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const [filters, update] = useFiltersInUrl(filtersFromParams, paramsWithFilters);
  /** The search part of a link to `next`, keeping the parameters the portfolio does not own. */
  const searchOf = (next: PortfolioFilters) => {
    const query = paramsWithFilters(searchParams, next).toString();
    return query ? `?${query}` : '';
  };
  const pagerStep =
    (location.state as { [PAGER_STEP]?: true } | null)?.[PAGER_STEP] === true ? location.key : null;
  return { filters, update, searchOf, pagerStep };
}
