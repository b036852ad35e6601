import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { Icon } from '@/components/icons';
import { paths } from '../paths';
import { LanguageSwitch } from './language-switch';

const NAV_ITEMS = [
  { key: 'portfolio', to: paths.portfolio.getHref(), end: true },
  { key: 'consortia', to: paths.consortia.getHref(), end: false },
  { key: 'reviews', to: paths.reviews.getHref(), end: false },
  { key: 'kpis', to: paths.kpis.getHref(), end: false },
  { key: 'reports', to: paths.reports.getHref(), end: false },
  { key: 'admin', to: paths.admin.getHref(), end: false },
] as const;

export function SiteHeader() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();

  // Escape closes the narrow-screen menu, as users expect of any disclosure.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) setOpen(false);
  };

  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to={paths.portfolio.getHref()} className="brand">
          <span className="brand-mark" aria-hidden="true">
            J
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <nav
          className={open ? 'site-nav is-open' : 'site-nav'}
          aria-label={t('nav.label')}
          onKeyDown={onKeyDown}
        >
          <button
            type="button"
            className="menu-button"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen((o) => !o)}
          >
            <Icon name={open ? 'close' : 'menu'} />
            {t('nav.menu')}
          </button>
          <ul id={listId} className="nav-list">
            {NAV_ITEMS.map((item) => (
              <li key={item.key}>
                <NavLink
                  to={item.to}
                  end={item.end}
                  className="nav-link"
                  onClick={() => setOpen(false)}
                >
                  {t(`nav.${item.key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitch />
      </div>
    </header>
  );
}
