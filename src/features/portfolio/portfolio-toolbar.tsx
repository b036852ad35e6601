import { useTranslation } from 'react-i18next';
import { Health } from '@domain/contract/portfolio';
import type { PortfolioFilters } from './portfolio-filters';

interface PortfolioToolbarProps {
  filters: PortfolioFilters;
  counts: Record<Health, number>;
  onChange: (next: PortfolioFilters) => void;
}

/**
 * The search and the health filter apply as they change (no submit button to find); each is a
 * labelled native control. Any change goes back to the first page: page 7 of the old result
 * means nothing in the new one.
 */
export function PortfolioToolbar({ filters, counts, onChange }: PortfolioToolbarProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<PortfolioFilters>) => onChange({ ...filters, ...patch, page: 1 });
  return (
    <div className="portfolio-filters" role="search" aria-label={t('portfolio.filters')}>
      <div className="field portfolio-search">
        <label htmlFor="portfolio-search" className="field-label">
          {t('portfolio.search')}
        </label>
        <input
          id="portfolio-search"
          className="input"
          type="search"
          value={filters.search}
          maxLength={100}
          autoComplete="off"
          onChange={(e) => set({ search: e.target.value })}
        />
      </div>
      <div className="field portfolio-health">
        <label htmlFor="portfolio-health" className="field-label">
          {t('portfolio.health')}
        </label>
        <select
          id="portfolio-health"
          className="input"
          value={filters.health ?? ''}
          onChange={(e) => set({ health: Health.safeParse(e.target.value).data ?? null })}
        >
          <option value="">{t('portfolio.allHealth')}</option>
          {Health.options.map((h) => (
            <option key={h} value={h}>
              {t('portfolio.healthOption', { label: t(`health.${h}`), count: counts[h] })}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
