import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import type { Permission } from '@domain/rules/permissions';
import { Icon } from '@/components/icons';
import { canInAnyProgramme, useMe } from '@/lib/access';
import { paths } from '@/lib/paths';
import { AccountMenu } from './account-menu';
import { LanguageSwitch } from './language-switch';

type NavKey =
  'portfolio' | 'consortia' | 'reviews' | 'timeline' | 'kpis' | 'reports' | 'activity' | 'admin';

/** `permission`: shown only to people the shared rules allow (see `paths`). */
const NAV_ITEMS: readonly { key: NavKey; to: string; end: boolean; permission?: Permission }[] = [
  { key: 'portfolio', to: paths.portfolio.getHref(), end: true },
  { key: 'consortia', to: paths.consortia.getHref(), end: false },
  { key: 'reviews', to: paths.reviews.getHref(), end: false, permission: paths.reviews.permission },
  {
    key: 'timeline',
    to: paths.timeline.getHref(),
    end: false,
    permission: paths.timeline.permission,
  },
  { key: 'kpis', to: paths.kpis.getHref(), end: false },
  { key: 'reports', to: paths.reports.getHref(), end: false },
  {
    key: 'activity',
    to: paths.activity.getHref(),
    end: false,
    permission: paths.activity.permission,
  },
  { key: 'admin', to: paths.admin.getHref(), end: false, permission: paths.admin.permission },
];

export function SiteHeader() {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const items = NAV_ITEMS.filter((i) => !i.permission || canInAnyProgramme(me, i.permission));

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
            {items.map((item) => (
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
        <AccountMenu me={me} />
        <LanguageSwitch />
      </div>
    </header>
  );
}
