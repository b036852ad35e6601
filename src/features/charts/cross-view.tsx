import { useTranslation } from 'react-i18next';
import type { KpiSeriesResponse } from '@domain/contract/kpi';
import { EmptyState } from '@/components/empty-state';
import { useUnitLabel } from '@/lib/unit-label';
import { formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { crossCsv } from './chart-csv';
import { ChartFrame } from './chart-frame';
import { consortiumSeries, crossChartRows } from './cross-rows';
import { downloadCsv } from './csv';
import { DetailTable } from './detail-table';
import { KpiCrossChart } from './kpi-cross-chart';

interface CrossViewProps {
  data: KpiSeriesResponse;
  smallCountThreshold: number;
}

/** The same KPI for every consortium the reader may see, each against its own targets. */
export function CrossView({ data, smallCountThreshold }: CrossViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unitLabel = useUnitLabel()(data.kpi);
  const { kpi, series } = data;
  const rows = crossChartRows(kpi, series);
  if (rows.length === 0) return <EmptyState title={t('charts.cross.empty')} />;
  const perConsortium = consortiumSeries(kpi, series);
  const title = t('charts.cross.title', { kpi: kpi.name[locale] });
  const first = rows[0]!.period;
  const last = rows[rows.length - 1]!.period;
  return (
    <ChartFrame
      title={title}
      summary={t('charts.cross.summary', {
        count: series.length,
        from: formatPeriod(first, locale),
        to: formatPeriod(last, locale),
      })}
      onDownload={() =>
        downloadCsv(`${kpi.code}-consortia.csv`, crossCsv(t, kpi, series, smallCountThreshold))
      }
      chart={
        <KpiCrossChart
          kpi={kpi}
          series={series}
          rows={rows}
          unitLabel={unitLabel}
          smallCountThreshold={smallCountThreshold}
        />
      }
      table={
        <DetailTable
          kpi={kpi}
          caption={t('charts.tableCaption', { title })}
          items={perConsortium.flatMap((s) =>
            s.rows.map((row) => ({
              key: `${s.consortium.id}-${row.period}`,
              header: t('charts.cross.rowHeader', {
                name: s.consortium.name,
                period: formatPeriod(row.period, locale),
              }),
              row,
            })),
          )}
          smallCountThreshold={smallCountThreshold}
        />
      }
    />
  );
}
