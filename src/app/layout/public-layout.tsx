import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSwitch } from './language-switch';

/** The frame of the pages open to anyone (sign-in, invitation): brand and language, nothing else. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <div className="app app-public">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              J
            </span>
            <span className="brand-name">{t('app.name')}</span>
          </span>
          <span className="header-spacer" />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="main main-narrow" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
