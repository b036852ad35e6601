import { useTranslation } from 'react-i18next';
import { MilestoneStatus, Phase } from '@domain/contract/milestone';
import { hasActiveFilters, NO_FILTERS, type MilestoneFilters } from './milestone-filters';

interface MilestoneTableFiltersProps {
  filters: MilestoneFilters;
  shown: number;
  total: number;
  onChange: (next: MilestoneFilters) => void;
}

/**
 * Filters apply as they change (no submit button to find): each one is a labelled native control,
 * and the count of rows shown is announced politely.
 */
export function MilestoneTableFilters({
  filters,
  shown,
  total,
  onChange,
}: MilestoneTableFiltersProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<MilestoneFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className="ms-filters" role="search" aria-label={t('milestoneTable.filters')}>
      <div className="ms-filters-grid">
        <div className="field">
          <label htmlFor="ms-filter-search" className="field-label">
            {t('milestoneTable.search')}
          </label>
          <input
            id="ms-filter-search"
            className="input"
            type="search"
            value={filters.search}
            maxLength={100}
            autoComplete="off"
            onChange={(e) => set({ search: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="ms-filter-phase" className="field-label">
            {t('milestones.phase')}
          </label>
          <select
            id="ms-filter-phase"
            className="input"
            value={filters.phase ?? ''}
            onChange={(e) => set({ phase: Phase.safeParse(e.target.value).data ?? null })}
          >
            <option value="">{t('milestoneTable.allPhases')}</option>
            {Phase.options.map((p) => (
              <option key={p} value={p}>
                {t(`phase.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ms-filter-status" className="field-label">
            {t('milestones.status')}
          </label>
          <select
            id="ms-filter-status"
            className="input"
            value={filters.status ?? ''}
            onChange={(e) =>
              set({ status: MilestoneStatus.safeParse(e.target.value).data ?? null })
            }
          >
            <option value="">{t('milestoneTable.allStatuses')}</option>
            {MilestoneStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`milestoneStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="ms-filter-check">
          <input
            id="ms-filter-late"
            type="checkbox"
            checked={filters.lateOnly}
            onChange={(e) => set({ lateOnly: e.target.checked })}
          />
          <label htmlFor="ms-filter-late">{t('milestoneTable.lateOnly')}</label>
        </div>
      </div>
      <div className="ms-filters-footer">
        <p role="status" className="muted small">
          {t('milestoneTable.shown', { count: shown, total })}
        </p>
        {hasActiveFilters(filters) ? (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              onChange({ ...NO_FILTERS, sort: filters.sort, direction: filters.direction })
            }
          >
            {t('milestoneTable.clear')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
