import type { Frequency } from '../contract/kpi';
import type { IsoDate, Period } from '../contract/common';

export interface ParsedPeriod {
  year: number;
  frequency: Frequency;
  /** 1–12 for months, 1–4 for quarters, 1 for years. */
  index: number;
}

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

export function parsePeriod(period: Period): ParsedPeriod {
  const m = PERIOD.exec(period);
  if (!m) throw new RangeError(`invalid period: ${period}`);
  const year = Number(m[1]);
  if (m[2]) return { year, frequency: 'monthly', index: Number(m[2]) };
  if (m[3]) return { year, frequency: 'quarterly', index: Number(m[3]) };
  return { year, frequency: 'yearly', index: 1 };
}

export function isPeriod(value: string): value is Period {
  return PERIOD.test(value);
}

export function formatPeriod({ year, frequency, index }: ParsedPeriod): Period {
  if (frequency === 'monthly') return `${year}-${String(index).padStart(2, '0')}`;
  if (frequency === 'quarterly') return `${year}-Q${index}`;
  return String(year);
}

export function frequencyOf(period: Period): Frequency {
  return parsePeriod(period).frequency;
}

const PER_YEAR: Record<Frequency, number> = { monthly: 12, quarterly: 4, yearly: 1 };
const MONTHS: Record<Frequency, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/** Months since year 0 of the period's last month: lets periods of any frequency be compared and interpolated. */
export function endMonthOrdinal(period: Period): number {
  const p = parsePeriod(period);
  return p.year * 12 + p.index * MONTHS[p.frequency] - 1;
}

export function startMonthOrdinal(period: Period): number {
  const p = parsePeriod(period);
  return p.year * 12 + (p.index - 1) * MONTHS[p.frequency];
}

export function comparePeriods(a: Period, b: Period): number {
  return endMonthOrdinal(a) - endMonthOrdinal(b) || startMonthOrdinal(a) - startMonthOrdinal(b);
}

export function addPeriods(period: Period, n: number): Period {
  const p = parsePeriod(period);
  const per = PER_YEAR[p.frequency];
  const linear = p.year * per + (p.index - 1) + n;
  return formatPeriod({
    year: Math.floor(linear / per),
    frequency: p.frequency,
    index: (linear % per) + 1,
  });
}

/** Periods from `from` to `to` inclusive, both of the same frequency. */
export function periodsBetween(from: Period, to: Period): Period[] {
  if (frequencyOf(from) !== frequencyOf(to))
    throw new RangeError('periods of different frequencies');
  const out: Period[] = [];
  for (let p = from; comparePeriods(p, to) <= 0; p = addPeriods(p, 1)) out.push(p);
  return out;
}

export function periodOfDate(date: IsoDate, frequency: Frequency): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const index =
    frequency === 'monthly' ? month : frequency === 'quarterly' ? Math.ceil(month / 3) : 1;
  return formatPeriod({ year, frequency, index });
}

function isoFromYmd(year: number, month0: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month0, day)).toISOString().slice(0, 10);
}

export function periodStartDate(period: Period): IsoDate {
  const o = startMonthOrdinal(period);
  return isoFromYmd(Math.floor(o / 12), o % 12, 1);
}

export function periodEndDate(period: Period): IsoDate {
  const o = endMonthOrdinal(period) + 1;
  return isoFromYmd(Math.floor(o / 12), o % 12, 0);
}

/** Whether a date (or the day of a timestamp) falls within the period; never for no date. */
export function isWithinPeriod(date: string | null, period: Period): boolean {
  if (date === null) return false;
  const day = date.slice(0, 10);
  return day >= periodStartDate(period) && day <= periodEndDate(period);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addMonthsToDate(date: IsoDate, months: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function todayIso(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}
