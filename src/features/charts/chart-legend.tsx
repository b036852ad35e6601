export type LegendKind =
  | 'final'
  | 'provisional'
  | 'target'
  | 'ownTarget'
  | 'baseline'
  | 'green'
  | 'amber'
  | 'break'
  | { series: number };

export interface LegendItem {
  kind: LegendKind;
  label: string;
}

/** Each series' colour and dash pattern: two consortia never differ by colour alone. */
export const SERIES_STYLES = [
  { stroke: '#1f4e79', dash: undefined },
  { stroke: '#b45309', dash: '8 3' },
  { stroke: '#6b21a8', dash: '2 3' },
  { stroke: '#0f766e', dash: '12 3 2 3' },
  { stroke: '#9b1c14', dash: '4 4' },
  { stroke: '#374151', dash: '1 2' },
] as const;

export const seriesStyle = (i: number) => SERIES_STYLES[i % SERIES_STYLES.length]!;

function Swatch({ kind }: { kind: LegendKind }) {
  const line = (stroke: string, dash?: string, width = 2) => (
    <line x1="2" y1="8" x2="26" y2="8" stroke={stroke} strokeWidth={width} strokeDasharray={dash} />
  );
  let body;
  if (typeof kind === 'object') {
    const s = seriesStyle(kind.series);
    body = line(s.stroke, s.dash, 2.5);
  } else if (kind === 'final') {
    body = (
      <>
        {line('var(--color-text)')}
        <circle cx="14" cy="8" r="4" className="dot-final" />
      </>
    );
  } else if (kind === 'provisional') {
    body = (
      <>
        {line('var(--color-text)')}
        <circle cx="14" cy="8" r="4.5" className="dot-provisional" />
      </>
    );
  } else if (kind === 'target') body = line('var(--color-primary)', '6 4', 1.5);
  else if (kind === 'ownTarget') body = line('var(--color-text-muted)', '3 5', 1.25);
  else if (kind === 'baseline') body = line('var(--color-grey-line)', '2 4', 1.5);
  else if (kind === 'break')
    body = (
      <line x1="14" y1="0" x2="14" y2="16" stroke="var(--color-text-muted)" strokeDasharray="4 2" />
    );
  else
    body = (
      <rect
        x="2"
        y="2"
        width="24"
        height="12"
        fill={kind === 'green' ? 'var(--color-green-line)' : 'var(--color-amber-line)'}
        fillOpacity={0.25}
      />
    );
  return (
    <svg
      className="legend-swatch"
      width="28"
      height="16"
      viewBox="0 0 28 16"
      aria-hidden="true"
      focusable="false"
    >
      {body}
    </svg>
  );
}

/** The chart's key as a plain list, so it wraps on a phone and reads as text. */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.label}>
          <Swatch kind={item.kind} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
