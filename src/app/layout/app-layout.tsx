import { Suspense, useLayoutEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigation } from 'react-router';
import { isApiError } from '@/api/errors';
import { meQueryOptions } from '@/api/session';
import { RouteLoading } from '@/components/loading-state';
import { SessionExpired } from '../session-gate';
import { SiteHeader } from './site-header';

/** The shell around every signed-in screen: skip link, header with navigation, main region. */
export function AppLayout() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const loading = navigation.state === 'loading';
  const mainRef = useFocusMainOnNavigation();
  // Re-read whenever any request gets a 401 (see query-client.ts): a 401 here ends the visit.
  const { error } = useQuery(meQueryOptions());
  if (isApiError(error) && error.isUnauthenticated) return <SessionExpired />;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <SiteHeader />
      <div className={loading ? 'nav-progress is-active' : 'nav-progress'} aria-hidden="true" />
      {/* Announces page changes that take a moment; the bar above is the visual twin. */}
      <p className="visually-hidden" role="status">
        {loading ? t('common.loading') : ''}
      </p>
      <main id="main" ref={mainRef} className="main" tabIndex={-1} aria-busy={loading}>
        {/* Loaders fill the cache first, so screens rarely suspend; this covers a query that was
            garbage-collected between the loader and the render. */}
        <Suspense fallback={<RouteLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}

/**
 * After a client-side navigation, focus moves to the main region so screen-reader and keyboard
 * users start at the new content rather than on the link they used. Not on the first load.
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previous = useRef(pathname);
  // A layout effect: focus moves in the same commit as the new screen, before anyone can act on it.
  useLayoutEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);
  return mainRef;
}
