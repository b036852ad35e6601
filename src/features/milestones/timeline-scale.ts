import type { IsoDate } from '@domain/contract/common';
import type { Milestone } from '@domain/contract/milestone';

/**
 * The programme timeline's geometry, free of React: a month-aligned range covering every date
 * shown, a linear scale in pixels, and the ticks for the chosen zoom.
 */
export type Zoom = 'quarter' | 'year';

/** Wide enough at quarter zoom to read a month; a two-year programme fits a laptop at year zoom. */
export const PX_PER_MONTH: Record<Zoom, number> = { quarter: 56, year: 34 };

/** Months since year 0, with the day as a fraction: 2025-01-16 → 24300.5. */
function monthPosition(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return y * 12 + (m - 1) + (d - 1) / daysInMonth;
}

export interface TimelineScale {
  /** First month shown (month index since year 0) and how many months. */
  startMonth: number;
  months: number;
  width: number;
  x: (date: IsoDate) => number;
}

function datesOf(m: Milestone): IsoDate[] {
  return [m.startDate, m.forecastDate, m.baselineDate, m.actualDate].filter(
    (d): d is IsoDate => d !== null,
  );
}

/** The whole programme, widened to any milestone date outside it and to today, whole months. */
export function timelineScale(
  milestones: readonly Milestone[],
  bounds: { startDate: IsoDate; endDate: IsoDate; today: IsoDate },
  zoom: Zoom,
): TimelineScale {
  const positions = [
    bounds.startDate,
    bounds.endDate,
    bounds.today,
    ...milestones.flatMap(datesOf),
  ].map(monthPosition);
  const startMonth = Math.floor(Math.min(...positions));
  const endMonth = Math.floor(Math.max(...positions)) + 1;
  const months = Math.max(1, endMonth - startMonth);
  const px = PX_PER_MONTH[zoom];
  return {
    startMonth,
    months,
    width: months * px,
    x: (date) => Math.round((monthPosition(date) - startMonth) * px * 10) / 10,
  };
}

export interface Tick {
  x: number;
  year: number;
  /** 1–4 for a quarter tick, null for a year tick. */
  quarter: number | null;
  /** A year boundary: drawn stronger. */
  major: boolean;
}

/** Quarter ticks at quarter zoom, year ticks at year zoom (with quarter lines in between). */
export function timelineTicks(scale: TimelineScale, zoom: Zoom): { labels: Tick[]; lines: Tick[] } {
  const px = scale.width / scale.months;
  const lines: Tick[] = [];
  for (let i = 0; i <= scale.months; i += 1) {
    const month = scale.startMonth + i;
    if (month % 3 !== 0) continue;
    const year = Math.floor(month / 12);
    const quarter = (month % 12) / 3 + 1;
    lines.push({ x: i * px, year, quarter, major: quarter === 1 });
  }
  const labels =
    zoom === 'quarter'
      ? lines.filter((l) => l.x < scale.width)
      : lines.filter((l) => l.major && l.x < scale.width).map((l) => ({ ...l, quarter: null }));
  // A range that starts mid-period still names its first period, when there is room for it.
  const first = labels[0];
  if (!first || first.x >= 2 * px) {
    const month = scale.startMonth;
    labels.unshift({
      x: 0,
      year: Math.floor(month / 12),
      quarter: zoom === 'quarter' ? Math.floor((month % 12) / 3) + 1 : null,
      major: false,
    });
  }
  return { labels, lines };
}
