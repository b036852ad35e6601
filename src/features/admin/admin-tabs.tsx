import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '@/lib/paths';

/** The sections of Administration; only managers reach this page. */
export function AdminTabs() {
  const { t } = useTranslation();
  return (
    <nav className="tabs" aria-label={t('admin.sections')}>
      <NavLink to={paths.admin.getHref()} end className="tab">
        {t('admin.tabProgramme')}
      </NavLink>
      <NavLink to={paths.users.getHref()} className="tab">
        {t('admin.tabUsers')}
      </NavLink>
      <NavLink to={paths.milestoneTemplate.getHref()} className="tab">
        {t('milestoneTemplate.tab')}
      </NavLink>
    </nav>
  );
}
