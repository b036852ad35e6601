import { useTranslation } from 'react-i18next';
import { Area, Line, ReferenceLine, type DotItemDotProps } from 'recharts';
import type { Baseline, KpiDefinition } from '@domain/contract/kpi';
import { formatNumber, formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import type { DetailRow, VersionBreak } from './detail-rows';
import { DetailTooltip } from './detail-tooltip';
import { KpiChartCanvas } from './kpi-chart-canvas';

interface KpiDetailChartProps {
  kpi: KpiDefinition;
  rows: DetailRow[];
  baseline: Baseline | null;
  breaks: VersionBreak[];
  unitLabel: string;
  smallCountThreshold: number;
}

const HEIGHT = 340;
const BAND = {
  stroke: 'none',
  isAnimationActive: false,
  activeDot: false,
  connectNulls: false,
} as const;
const GREEN_BAND = { ...BAND, fill: 'var(--color-green-line)', fillOpacity: 0.16 };
const AMBER_BAND = { ...BAND, fill: 'var(--color-amber-line)', fillOpacity: 0.16 };
/** Beyond this many points final values are drawn as a plain line; provisional ones keep a ring. */
const MAX_DOTS = 120;

/**
 * Values (final: filled dot, provisional: hollow ring) over the target trajectory (dashed), the
 * baseline (dotted) and the tolerance bands; definition changes are vertical lines labelled with
 * the new version; a missing period is a gap in the line.
 */
export function KpiDetailChart(props: KpiDetailChartProps) {
  const { kpi, rows, baseline, breaks, unitLabel, smallCountThreshold } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const dots = rows.length <= MAX_DOTS;

  const renderDot = ({ cx, cy, payload, index }: DotItemDotProps) => {
    const row = payload as DetailRow;
    if (cx === undefined || cy === undefined || row.value === null) return null;
    if (!row.provisional && !dots) return null;
    return (
      <circle
        key={index}
        cx={cx}
        cy={cy}
        r={row.provisional ? 4.5 : 3.5}
        className={row.provisional ? 'dot-provisional' : 'dot-final'}
      />
    );
  };

  return (
    <KpiChartCanvas
      rows={rows}
      height={HEIGHT}
      title={t('charts.detail.svgTitle', { kpi: kpi.name[locale] })}
      unitLabel={unitLabel}
      gridClassName="chart-grid"
      tooltip={(p) => <DetailTooltip {...p} kpi={kpi} smallCountThreshold={smallCountThreshold} />}
      legend={[
        { kind: 'final', label: t('charts.legend.final') },
        { kind: 'provisional', label: t('charts.legend.provisional') },
        { kind: 'target', label: t('charts.legend.target') },
        ...(baseline
          ? [
              {
                kind: 'baseline' as const,
                label: t('charts.legend.baseline', {
                  period: formatPeriod(baseline.period, locale),
                }),
              },
            ]
          : []),
        { kind: 'green', label: t('charts.legend.green') },
        { kind: 'amber', label: t('charts.legend.amber') },
        ...(breaks.length ? [{ kind: 'break' as const, label: t('charts.legend.break') }] : []),
      ]}
    >
      <Area {...AMBER_BAND} dataKey="amberBelow" />
      <Area {...AMBER_BAND} dataKey="amberAbove" />
      <Area {...GREEN_BAND} dataKey="green" />
      {baseline ? (
        <ReferenceLine
          y={baseline.value}
          stroke="var(--color-grey-line)"
          strokeWidth={1.5}
          strokeDasharray="2 4"
          label={{
            value: t('charts.baselineLabel', {
              value: formatNumber(baseline.value, kpi, locale),
            }),
            position: 'insideBottomRight',
            className: 'chart-ref-label',
          }}
        />
      ) : null}
      {breaks.map((b) => (
        <ReferenceLine
          key={b.period}
          x={b.period}
          stroke="var(--color-text-muted)"
          strokeDasharray="4 2"
          label={{
            value: t('charts.versionLabel', { version: b.version }),
            position: 'insideTopLeft',
            className: 'chart-ref-label',
          }}
        />
      ))}
      <Line
        dataKey="target"
        stroke="var(--color-primary)"
        strokeWidth={1.5}
        strokeDasharray="6 4"
        dot={false}
        activeDot={false}
        connectNulls={false}
        isAnimationActive={false}
      />
      <Line
        dataKey="value"
        className="line-value"
        stroke="var(--color-text)"
        strokeWidth={2}
        dot={renderDot}
        connectNulls={false}
        isAnimationActive={false}
      />
    </KpiChartCanvas>
  );
}
