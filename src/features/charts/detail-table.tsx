import { useTranslation } from 'react-i18next';
import type { KpiDefinition } from '@domain/contract/kpi';
import { smallCountLabel } from '@domain/rules/small-counts';
import { KpiStatusBadge } from '@/components/status-badges';
import { ValueText } from '@/components/value-text';
import { formatInteger, formatNumber } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import type { DetailRow } from './detail-rows';

export interface TableItem {
  key: string;
  /** The row header: the period, or the consortium and the period across consortia. */
  header: string;
  row: DetailRow;
}

interface DetailTableProps {
  kpi: KpiDefinition;
  items: readonly TableItem[];
  caption: string;
  smallCountThreshold: number;
}

/** The chart's numbers as a table, row for row: for screen readers and for copying. */
export function DetailTable({ kpi, items, caption, smallCountThreshold }: DetailTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rate = kpi.aggregation === 'rate';
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="table chart-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('charts.columns.period')}</th>
            <th scope="col" className="num">
              {t('charts.columns.value')}
            </th>
            {rate ? (
              <th scope="col" className="num">
                {t('charts.columns.n')}
              </th>
            ) : null}
            <th scope="col" className="num">
              {t('charts.columns.target')}
            </th>
            <th scope="col">{t('charts.columns.status')}</th>
            <th scope="col">{t('charts.columns.quality')}</th>
            <th scope="col">{t('charts.columns.version')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map(({ key, header, row }) => (
            <tr key={key}>
              <th scope="row" className="nowrap">
                {header}
              </th>
              <td className="num">
                {row.value === null && !row.suppressed ? (
                  <span className="muted">{t('charts.noValue')}</span>
                ) : (
                  <ValueText
                    value={row}
                    kpi={kpi}
                    smallCountThreshold={smallCountThreshold}
                    showFraction={false}
                  />
                )}
              </td>
              {rate ? (
                <td className="num nowrap">
                  {row.suppressed ? (
                    <abbr title={t('kpiTable.suppressed')}>
                      {smallCountLabel(smallCountThreshold)}
                    </abbr>
                  ) : row.numerator !== null && row.denominator !== null ? (
                    `${formatInteger(row.numerator, locale)} / ${formatInteger(row.denominator, locale)}`
                  ) : null}
                </td>
              ) : null}
              <td className="num nowrap">
                {row.target === null ? (
                  <span className="muted">{t('common.none')}</span>
                ) : (
                  formatNumber(row.target, kpi, locale)
                )}
              </td>
              <td>{row.provisional === null ? null : <KpiStatusBadge status={row.status} />}</td>
              <td>
                {row.provisional === null
                  ? null
                  : row.provisional
                    ? t('kpiEntry.provisional')
                    : t('kpiEntry.final')}
              </td>
              <td>
                {row.definitionVersion === null
                  ? null
                  : t('charts.versionLabel', { version: row.definitionVersion })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
