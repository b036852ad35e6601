import type { TFunction } from 'i18next';
import type { KpiDefinition, KpiSeries } from '@domain/contract/kpi';
import { exportReader, seriesForReader } from '@domain/rules/disclosure';
import { smallCountLabel } from '@domain/rules/small-counts';
import { consortiumSeries } from './cross-rows';
import { detailRows, type DetailRow } from './detail-rows';
import { toCsv, type CsvCell } from '@domain/rules/csv';

/*
 * A file leaves the dashboard: it is read as the programme's setting says of exports, small
 * counts masked whoever downloads it (a manager's screen shows them, their file does not).
 */
const forExport = (kpi: KpiDefinition, series: KpiSeries, threshold: number) =>
  seriesForReader(kpi, series, exportReader({ smallCountThreshold: threshold }));

/** The numbers of a row as the export may show them; a hidden cell reads "< 10" as on screen. */
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

/** The KPI detail table as CSV: one line per period, the rows the table shows, for export. */
export function detailCsv(t: TFunction, kpi: KpiDefinition, series: KpiSeries, threshold: number) {
  return toCsv(
    [t('charts.columns.period'), ...header(t)],
    detailRows(kpi, forExport(kpi, series, threshold)).map((r) => [
      r.period,
      ...numbers(kpi, r, threshold),
      ...labels(t, r),
    ]),
  );
}

/** The cross-consortium table as CSV: one line per consortium and period. */
export function crossCsv(
  t: TFunction,
  kpi: KpiDefinition,
  series: readonly KpiSeries[],
  threshold: number,
) {
  const exported = series.map((s) => forExport(kpi, s, threshold));
  return toCsv(
    [t('charts.columns.consortium'), t('charts.columns.period'), ...header(t)],
    consortiumSeries(kpi, exported).flatMap((s) =>
      s.rows.map((r) => [
        s.consortium.name,
        r.period,
        ...numbers(kpi, r, threshold),
        ...labels(t, r),
      ]),
    ),
  );
}
