import { useTranslation } from 'react-i18next';
import { Outlet, useNavigation } from 'react-router';
import { SiteHeader } from './site-header';

/** The shell around every screen: skip link, header with navigation, main region. */
export function AppLayout() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const loading = navigation.state === 'loading';
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
      <main id="main" className="main" tabIndex={-1} aria-busy={loading}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
