import { useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';

/** Marks the URL changes the hook makes itself, as opposed to a link or back/forward. */
const OWN_WRITE = 'filtersInUrl';

/**
 * Filters as state, mirrored into the URL. The state leads: a URL change is a navigation that
 * settles a moment later, and typing in a search box must not wait for it. A URL change the hook
 * did not make (a link, back/forward, a shared address) is adopted.
 */
export function useFiltersInUrl<F>(
  read: (params: URLSearchParams) => F,
  write: (current: URLSearchParams, next: F) => URLSearchParams,
): [F, (next: F) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const [filters, setFilters] = useState(() => read(searchParams));
  const [seenKey, setSeenKey] = useState(location.key);
  if (location.key !== seenKey) {
    setSeenKey(location.key);
    const own = (location.state as { [OWN_WRITE]?: true } | null)?.[OWN_WRITE] === true;
    if (!own) setFilters(read(searchParams));
  }
  const update = (next: F) => {
    setFilters(next);
    // Replace, not push: one history entry per keystroke would make Back useless.
    setSearchParams(write(searchParams, next), {
      replace: true,
      preventScrollReset: true,
      state: { [OWN_WRITE]: true },
    });
  };
  return [filters, update];
}
