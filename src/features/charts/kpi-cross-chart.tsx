import { useTranslation } from 'react-i18next';
import { Line, type TooltipContentProps } from 'recharts';
import type { KpiDefinition, KpiSeries } from '@domain/contract/kpi';
import { smallCountLabel } from '@domain/rules/small-counts';
import { formatNumber, formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { seriesStyle } from './chart-legend';
import { targetKey, valueKey, type CrossChartRow } from './cross-rows';
import { KpiChartCanvas } from './kpi-chart-canvas';

interface KpiCrossChartProps {
  kpi: KpiDefinition;
  series: KpiSeries[];
  rows: CrossChartRow[];
  unitLabel: string;
  smallCountThreshold: number;
}

const HEIGHT = 360;

/** Each consortium's values (solid) and its own target trajectory (thin, same colour and dash). */
export function KpiCrossChart({
  kpi,
  series,
  rows,
  unitLabel,
  smallCountThreshold,
}: KpiCrossChartProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <KpiChartCanvas
      rows={rows}
      height={HEIGHT}
      title={t('charts.cross.svgTitle', { kpi: kpi.name[locale] })}
      unitLabel={unitLabel}
      tooltip={(p) => (
        <CrossTooltip {...p} kpi={kpi} series={series} smallCountThreshold={smallCountThreshold} />
      )}
      legend={[
        ...series.map((s, i) => ({ kind: { series: i }, label: s.consortium.name })),
        { kind: 'ownTarget' as const, label: t('charts.legend.ownTarget') },
      ]}
    >
      {series.map((s, i) => {
        const style = seriesStyle(i);
        return [
          <Line
            key={`t-${s.consortium.id}`}
            dataKey={targetKey(i)}
            stroke={style.stroke}
            strokeOpacity={0.55}
            strokeWidth={1.25}
            strokeDasharray="3 5"
            dot={false}
            activeDot={false}
            connectNulls={false}
            isAnimationActive={false}
          />,
          <Line
            key={`v-${s.consortium.id}`}
            dataKey={valueKey(i)}
            stroke={style.stroke}
            strokeWidth={2.5}
            strokeDasharray={style.dash}
            dot={rows.length <= 60 ? { r: 2.5, fill: style.stroke } : false}
            connectNulls={false}
            isAnimationActive={false}
          />,
        ];
      })}
    </KpiChartCanvas>
  );
}

type CrossTooltipProps = Pick<TooltipContentProps, 'active' | 'payload'> & {
  kpi: KpiDefinition;
  series: KpiSeries[];
  smallCountThreshold: number;
};

function CrossTooltip({ active, payload, kpi, series, smallCountThreshold }: CrossTooltipProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const row = payload[0]?.payload as CrossChartRow | undefined;
  if (!active || !row) return null;
  const number = (v: unknown) => (typeof v === 'number' ? formatNumber(v, kpi, locale) : null);
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{formatPeriod(row.period, locale)}</p>
      <dl>
        {series.map((s, i) => {
          const point = s.points.find((p) => p.period === row.period);
          const value = point?.suppressed
            ? smallCountLabel(smallCountThreshold)
            : (number(row[valueKey(i)]) ?? t('charts.noValue'));
          const target = number(row[targetKey(i)]);
          return (
            <div key={s.consortium.id}>
              <dt>{s.consortium.name}</dt>
              <dd>
                {value}
                {target ? ` · ${t('charts.targetShort', { target })}` : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
