import type { ReactNode } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { useLocale } from '@/lib/use-locale';
import { axisNumber, shortPeriod } from './chart-format';
import { ChartLegend, type LegendItem } from './chart-legend';
import { useChartWidth } from './use-chart-width';

interface KpiChartCanvasProps {
  /** One row per period, keyed by `period`. */
  rows: { period: string }[];
  height: number;
  /** The SVG's own title, for those who meet the chart before its heading. */
  title: string;
  /** Written along the value axis. */
  unitLabel: string;
  gridClassName?: string;
  tooltip: (props: TooltipContentProps) => ReactNode;
  legend: LegendItem[];
  /** The chart's lines, areas and reference marks, drawn over the grid and axes. */
  children: ReactNode;
}

/**
 * What every KPI chart shares: it fills its box's width, periods run along the bottom, values
 * (in the KPI's unit) up the side, a tooltip follows the pointer and the legend sits below.
 */
export function KpiChartCanvas({
  rows,
  height,
  title,
  unitLabel,
  gridClassName,
  tooltip,
  legend,
  children,
}: KpiChartCanvasProps) {
  const locale = useLocale();
  const [boxRef, width] = useChartWidth<HTMLDivElement>(720);
  return (
    // data-points: how many periods the chart was given (the benchmark reports it).
    <div ref={boxRef} className="chart-box" data-points={rows.length}>
      <ComposedChart
        width={width}
        height={height}
        data={rows}
        margin={{ top: 16, right: 16, bottom: 8, left: 8 }}
        title={title}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} className={gridClassName} />
        <XAxis
          dataKey="period"
          tickFormatter={(p: string) => shortPeriod(p, locale)}
          minTickGap={18}
          interval="preserveStartEnd"
        />
        <YAxis
          width={64}
          domain={['auto', 'auto']}
          tickFormatter={(v: number) => axisNumber(v, locale)}
          label={{
            value: unitLabel,
            angle: -90,
            position: 'insideLeft',
            className: 'chart-axis-label',
          }}
        />
        <Tooltip content={tooltip} />
        {children}
      </ComposedChart>
      <ChartLegend items={legend} />
    </div>
  );
}
