interface SparklineProps {
  values: (number | null)[];
  /** Text alternative summarising the series; the SVG is an image of it. */
  label: string;
}

const WIDTH = 96;
const HEIGHT = 28;
const PAD = 3;

/**
 * A plain SVG line of the recent values. Deliberately not recharts: this table is on a screen
 * that must stay out of the charting chunk, and 12 points need no library.
 */
export function Sparkline({ values, label }: SparklineProps) {
  const points = values
    .map((v, i) => ({ i, v }))
    .filter((p): p is { i: number; v: number } => p.v !== null);
  if (points.length < 2) return null;
  const min = Math.min(...points.map((p) => p.v));
  const max = Math.max(...points.map((p) => p.v));
  const span = max - min || 1;
  const step = (WIDTH - 2 * PAD) / Math.max(1, values.length - 1);
  const coords = points.map((p) => ({
    x: PAD + p.i * step,
    y: HEIGHT - PAD - ((p.v - min) / span) * (HEIGHT - 2 * PAD),
  }));
  const last = coords[coords.length - 1];
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label}
    >
      <polyline
        points={coords.map((c) => `${c.x.toFixed(1)},${c.y.toFixed(1)}`).join(' ')}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
        strokeLinejoin="round"
      />
      {last ? <circle cx={last.x} cy={last.y} r={2.5} fill="currentColor" /> : null}
    </svg>
  );
}
