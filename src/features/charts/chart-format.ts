import type { Locale } from '@domain/contract/common';
import { parsePeriod } from '@domain/rules/periods';
import { dateFormat, formatPeriod, intlLocale, numberFormat } from '@/lib/format';

/** Axis ticks: "nov. 26" / "Nov 26" for months; quarters and years are short already. */
export function shortPeriod(period: string, locale: Locale): string {
  const p = parsePeriod(period);
  if (p.frequency !== 'monthly') return formatPeriod(period, locale);
  const month = dateFormat(intlLocale(locale), {
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(p.year, p.index - 1, 1)));
  return `${month} ${String(p.year).slice(2)}`;
}

/** Axis numbers without the unit (the axis label carries it), compact for thousands. */
export function axisNumber(value: number, locale: Locale): string {
  return numberFormat(intlLocale(locale), {
    notation: Math.abs(value) >= 10_000 ? 'compact' : 'standard',
    maximumFractionDigits: 1,
  }).format(value);
}
