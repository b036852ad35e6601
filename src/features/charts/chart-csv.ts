import type { TFunction } from 'i18next';
import type { KpiDefinition } from '@domain/contract/kpi';
import { smallCountLabel } from '@domain/rules/small-counts';
import type { ConsortiumSeries } from './cross-rows';
import type { DetailRow } from './detail-rows';
import { toCsv, type CsvCell } from '@domain/rules/csv';

/** The numbers of a row as the API sent them; a suppressed count reads "< 10", as on screen. */
function numbers(kpi: KpiDefinition, row: DetailRow, threshold: number): CsvCell[] {
  const hidden = smallCountLabel(threshold);
  const rate = kpi.aggregation === 'rate';
  return [
    row.suppressed ? hidden : row.value,
    rate ? (row.suppressed ? hidden : row.numerator) : null,
    rate ? row.denominator : null,
    row.target,
  ];
}

function labels(t: TFunction, row: DetailRow): CsvCell[] {
  return [
    row.provisional === null || row.status === null ? null : t(`kpiStatus.${row.status}`),
    row.provisional === null
      ? null
      : row.provisional
        ? t('kpiEntry.provisional')
        : t('kpiEntry.final'),
    row.definitionVersion,
  ];
}

const header = (t: TFunction) => [
  t('charts.columns.value'),
  t('charts.columns.numerator'),
  t('charts.columns.denominator'),
  t('charts.columns.target'),
  t('charts.columns.status'),
  t('charts.columns.quality'),
  t('charts.columns.version'),
];

/** The KPI detail table as CSV: one line per period, the same rows the table shows. */
export function detailCsv(
  t: TFunction,
  kpi: KpiDefinition,
  rows: readonly DetailRow[],
  threshold: number,
) {
  return toCsv(
    [t('charts.columns.period'), ...header(t)],
    rows.map((r) => [r.period, ...numbers(kpi, r, threshold), ...labels(t, r)]),
  );
}

/** The cross-consortium table as CSV: one line per consortium and period. */
export function crossCsv(
  t: TFunction,
  kpi: KpiDefinition,
  series: readonly ConsortiumSeries[],
  threshold: number,
) {
  return toCsv(
    [t('charts.columns.consortium'), t('charts.columns.period'), ...header(t)],
    series.flatMap((s) =>
      s.rows.map((r) => [
        s.consortium.name,
        r.period,
        ...numbers(kpi, r, threshold),
        ...labels(t, r),
      ]),
    ),
  );
}
