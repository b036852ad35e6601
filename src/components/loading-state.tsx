import { useTranslation } from 'react-i18next';

/** Shown while a screen's chunk and data load: announced once, with a skeleton of the page. */
export function RouteLoading() {
  const { t } = useTranslation();
  return (
    <div className="loading" aria-busy="true">
      <p role="status" className="loading-label">
        <span className="spinner" aria-hidden="true" />
        {t('common.loading')}
      </p>
      <div className="skeleton skeleton-title" aria-hidden="true" />
      <div className="skeleton-grid" aria-hidden="true">
        <div className="skeleton skeleton-card" />
        <div className="skeleton skeleton-card" />
        <div className="skeleton skeleton-card" />
      </div>
    </div>
  );
}
