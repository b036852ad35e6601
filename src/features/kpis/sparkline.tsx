import type { KpiStatus } from '@domain/contract/kpi';

interface SparklineProps {
  values: (number | null)[];
  /** Text alternative summarising the series; the SVG is an image of it. */
  label: string;
  /** Colours the last point like the status badge next to it (which carries the word). */
  status: KpiStatus | null;
}

const WIDTH = 96;
const HEIGHT = 28;
const PAD = 3;

/**
 * A plain SVG line of the recent values. Deliberately not recharts: this table is on a screen
 * that must stay out of the charting chunk, and 12 points need no library. A period without a
 * value breaks the line, as on the full chart.
 */
export function Sparkline({ values, label, status }: SparklineProps) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const step = (WIDTH - 2 * PAD) / Math.max(1, values.length - 1);
  const runs: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length) runs.push(run);
      run = [];
      return;
    }
    run.push({ x: PAD + i * step, y: HEIGHT - PAD - ((v - min) / span) * (HEIGHT - 2 * PAD) });
  });
  if (run.length) runs.push(run);
  const last = runs[runs.length - 1]?.at(-1);
  return (
    <svg
      // A hidden status draws in the neutral colour of "no data".
      className={`sparkline sparkline-${status ?? 'no_data'}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label}
    >
      {runs.map((r) =>
        r.length === 1 ? (
          <circle key={r[0]!.x} cx={r[0]!.x} cy={r[0]!.y} r={1.5} fill="currentColor" />
        ) : (
          <polyline
            key={r[0]!.x}
            points={r.map((c) => `${c.x.toFixed(1)},${c.y.toFixed(1)}`).join(' ')}
            fill="none"
            stroke="currentColor"
            strokeWidth={1.5}
            strokeLinejoin="round"
          />
        ),
      )}
      {last ? <circle className="sparkline-last" cx={last.x} cy={last.y} r={3} /> : null}
    </svg>
  );
}
