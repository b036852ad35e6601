import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Milestone } from '@domain/contract/milestone';
import { slippageDays } from '@domain/rules/milestone-health';
import { todayIso } from '@domain/rules/periods';
import { EmptyState } from '@/components/empty-state';
import { Icon } from '@/components/icons';
import { ProgressBar } from '@/components/progress-bar';
import { MilestoneStatusBadge } from '@/components/status-badges';
import { formatDate } from '@/lib/format';
import { useFiltersInUrl } from '@/lib/use-filters-in-url';
import { paths } from '@/lib/paths';
import { useLocale } from '@/lib/use-locale';
import {
  applyMilestoneFilters,
  filtersFromParams,
  paramsFromFilters,
  type MilestoneFilters,
  type SortKey,
} from './milestone-filters';
import { healthOf, MilestoneHealthBadge, type HealthOf } from './milestone-health';
import { MilestoneTableFilters } from './milestone-table-filters';

interface MilestoneTableProps {
  milestones: Milestone[];
  consortiumName: string;
  slippageToleranceDays: number;
}

/** The consortium's milestones, filtered and sorted from the URL; each row opens its page. */
export function MilestoneTable({
  milestones,
  consortiumName,
  slippageToleranceDays,
}: MilestoneTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const today = todayIso();
  const [filters, update] = useFiltersInUrl(
    filtersFromParams,
    (_, next) => new URLSearchParams(paramsFromFilters(next)),
  );
  const rows = applyMilestoneFilters(milestones, filters, { today, locale });

  const date = (iso: string | null) =>
    iso ? formatDate(iso, locale) : <span className="muted">{t('common.none')}</span>;

  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">{t('milestones.heading')}</h2>
      {milestones.length === 0 ? (
        <EmptyState title={t('milestones.empty')} />
      ) : (
        <>
          <MilestoneTableFilters
            filters={filters}
            shown={rows.length}
            total={milestones.length}
            onChange={update}
          />
          {rows.length === 0 ? (
            <EmptyState title={t('milestoneTable.noMatch')} />
          ) : (
            <div
              className="table-wrap"
              tabIndex={0}
              role="region"
              aria-labelledby="milestones-caption"
            >
              <table className="table ms-table">
                <caption id="milestones-caption">
                  {t('milestones.caption', { name: consortiumName })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="ms-sticky">
                      {t('milestones.title')}
                    </th>
                    <th scope="col">{t('milestoneTable.statusHealth')}</th>
                    <SortHeader column="plan" filters={filters} onSort={update}>
                      {t('milestones.phase')}
                    </SortHeader>
                    <SortHeader column="baseline" filters={filters} onSort={update}>
                      {t('milestoneTable.baselineShort')}
                    </SortHeader>
                    <SortHeader column="forecast" filters={filters} onSort={update}>
                      {t('milestoneTable.forecastShort')}
                    </SortHeader>
                    <SortHeader column="actual" filters={filters} onSort={update}>
                      {t('milestoneTable.actualShort')}
                    </SortHeader>
                    <th scope="col" className="num">
                      {t('milestones.slippage')}
                    </th>
                    <th scope="col">{t('milestones.progress')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((m) => {
                    const slip = slippageDays(m);
                    return (
                      <tr key={m.id}>
                        <th scope="row" className="ms-sticky">
                          <Link to={paths.milestone.getHref(m.id)}>{m.title[locale]}</Link>
                        </th>
                        <td>
                          <StatusAndHealth
                            milestone={m}
                            health={healthOf(m, today, slippageToleranceDays)}
                          />
                        </td>
                        <td>
                          <span className="ms-code">{m.code}</span> {t(`phase.${m.phase}`)}
                        </td>
                        <td className="nowrap">{date(m.baselineDate)}</td>
                        <td className="nowrap">{date(m.forecastDate)}</td>
                        <td className="nowrap">{date(m.actualDate)}</td>
                        <td className={slip > 0 ? 'num text-danger nowrap' : 'num nowrap'}>
                          {slip > 0
                            ? t('milestones.slippageDays', { count: slip })
                            : t('milestones.noSlippage')}
                        </td>
                        <td>
                          <ProgressBar
                            percent={m.progress}
                            label={t('common.percent', { value: m.progress })}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** The status, and for an open milestone its health: one cell, so the table fits a laptop. */
function StatusAndHealth({ milestone, health }: { milestone: Milestone; health: HealthOf }) {
  return (
    <span className="status-stack">
      <MilestoneStatusBadge status={milestone.status} />
      {health.health === 'done' ? null : <MilestoneHealthBadge {...health} />}
    </span>
  );
}

/**
 * A column header that sorts: a button inside the th, with aria-sort on the th, as the ARIA
 * sortable-table pattern has it. A second press reverses the order.
 */
function SortHeader({
  column,
  filters,
  onSort,
  children,
}: {
  column: SortKey;
  filters: MilestoneFilters;
  onSort: (next: MilestoneFilters) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const active = filters.sort === column;
  const ariaSort = active ? (filters.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  const next = active && filters.direction === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort({ ...filters, sort: column, direction: next })}
      >
        {children}
        <Icon
          name={active ? 'chevron-down' : 'dash'}
          className={active ? `sort-icon sort-${filters.direction}` : 'sort-icon'}
        />
        <span className="visually-hidden">
          {active
            ? t(`milestoneTable.sorted.${filters.direction}`)
            : t('milestoneTable.sorted.none')}
        </span>
      </button>
    </th>
  );
}
