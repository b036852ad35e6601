import { useTranslation } from 'react-i18next';
import type { KpiDefinition, KpiSeries } from '@domain/contract/kpi';
import { EmptyState } from '@/components/empty-state';
import { useUnitLabel } from '@/lib/unit-label';
import { formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { detailCsv } from './chart-csv';
import { ChartFrame } from './chart-frame';
import { downloadCsv } from './csv';
import { detailRows, versionBreaks } from './detail-rows';
import { DetailTable } from './detail-table';
import { KpiDetailChart } from './kpi-detail-chart';

interface DetailViewProps {
  kpi: KpiDefinition;
  series: KpiSeries;
  smallCountThreshold: number;
}

/** One consortium's KPI over time, as a chart or as a table, and as a CSV file. */
export function DetailView({ kpi, series, smallCountThreshold }: DetailViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unitLabel = useUnitLabel()(kpi);
  const rows = detailRows(kpi, series);
  if (rows.length === 0)
    return <EmptyState title={t('charts.detail.empty', { name: series.consortium.name })} />;
  const breaks = versionBreaks(kpi, rows);
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const title = t('charts.detail.title', { kpi: kpi.name[locale], name: series.consortium.name });
  const summary = [
    t('charts.detail.summary', {
      from: formatPeriod(first.period, locale),
      to: formatPeriod(last.period, locale),
      count: series.points.length,
    }),
    series.downsampled
      ? t('charts.downsampled', { shown: series.points.length, total: series.totalPoints })
      : null,
  ]
    .filter(Boolean)
    .join(' ');
  const filename = `${kpi.code}-${series.consortium.code}.csv`;
  // A hidden baseline (a small count, for an observer) draws no line at its height.
  const seenBaseline = series.settings?.baseline ?? null;
  const drawnBaseline =
    seenBaseline && seenBaseline.value !== null
      ? { ...seenBaseline, value: seenBaseline.value }
      : null;
  return (
    <ChartFrame
      title={title}
      summary={summary}
      onDownload={() => downloadCsv(filename, detailCsv(t, kpi, series, smallCountThreshold))}
      chart={
        <KpiDetailChart
          kpi={kpi}
          rows={rows}
          baseline={drawnBaseline}
          breaks={breaks}
          unitLabel={unitLabel}
          smallCountThreshold={smallCountThreshold}
        />
      }
      table={
        <DetailTable
          kpi={kpi}
          caption={t('charts.tableCaption', { title })}
          items={rows.map((row) => ({
            key: row.period,
            header: formatPeriod(row.period, locale),
            row,
          }))}
          smallCountThreshold={smallCountThreshold}
        />
      }
    />
  );
}
