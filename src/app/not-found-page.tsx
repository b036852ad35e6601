import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { paths } from '@/lib/paths';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="error-state">
      <PageHeader title={t('errors.pageNotFound.title')}>
        <p>{t('errors.pageNotFound.body')}</p>
      </PageHeader>
      <div className="actions">
        <Link className="button button-primary" to={paths.portfolio.getHref()}>
          {t('common.backHome')}
        </Link>
      </div>
    </section>
  );
}
