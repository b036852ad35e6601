import type { Locale } from '@domain/contract/common';
import type { KpiDefinition } from '@domain/contract/kpi';
import { parsePeriod } from '@domain/rules/periods';

/**
 * Locale-aware formatting through Intl only. English uses en-GB conventions (day before month,
 * 24-hour clock): the readers are in Europe.
 */
const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export function intlLocale(locale: Locale): string {
  return INTL_LOCALE[locale];
}

/*
 * Building an Intl formatter costs far more than using one, and a table of 500 rows formats
 * thousands of cells: each locale-and-options pair is built once and kept.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(tag, options)));
  return format;
}

export function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(tag, options)));
  return format;
}

/** Formats a calendar date (YYYY-MM-DD) without letting the reader's time zone shift the day. */
export function formatDate(
  iso: string,
  locale: Locale,
  style: 'medium' | 'long' = 'medium',
): string {
  return dateFormat(INTL_LOCALE[locale], { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

export function formatInteger(n: number, locale: Locale): string {
  return numberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 0 }).format(n);
}

export function formatEuros(n: number, locale: Locale): string {
  return numberFormat(INTL_LOCALE[locale], {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(n);
}

export type NumberSpec = Pick<KpiDefinition, 'unit' | 'decimals' | 'ratePer'>;

/** A KPI value with its unit, e.g. "45 %", "3,5 jours", "12,4 / 100", "1 200 €". */
export function formatNumber(value: number, spec: NumberSpec, locale: Locale): string {
  const digits = { minimumFractionDigits: spec.decimals, maximumFractionDigits: spec.decimals };
  const tag = INTL_LOCALE[locale];
  switch (spec.unit) {
    case 'percent':
      return numberFormat(tag, { style: 'percent', ...digits }).format(value / 100);
    case 'days':
      return numberFormat(tag, {
        style: 'unit',
        unit: 'day',
        unitDisplay: 'long',
        ...digits,
      }).format(value);
    case 'minutes':
      return numberFormat(tag, {
        style: 'unit',
        unit: 'minute',
        unitDisplay: 'long',
        ...digits,
      }).format(value);
    case 'eur':
      return numberFormat(tag, { style: 'currency', currency: 'EUR', ...digits }).format(value);
    case 'rate': {
      // "per N" written as "/ N" reads the same in French and English; "per 1" says nothing.
      const n = numberFormat(tag, digits).format(value);
      return spec.ratePer && spec.ratePer > 1 ? `${n} / ${formatInteger(spec.ratePer, locale)}` : n;
    }
    case 'score':
      return `${numberFormat(tag, digits).format(value)} / 100`;
    case 'count':
      return numberFormat(tag, digits).format(value);
  }
}

// Quarter prefixes are a typographic convention of each language (trimestre / quarter), which Intl lacks.
const QUARTER_PREFIX: Record<Locale, string> = { fr: 'T', en: 'Q' };

/** 2025-06 → "juin 2025" / "June 2025"; 2025-Q2 → "T2 2025" / "Q2 2025"; 2025 → "2025". */
export function formatPeriod(period: string, locale: Locale): string {
  const p = parsePeriod(period);
  if (p.frequency === 'quarterly') return `${QUARTER_PREFIX[locale]}${p.index} ${p.year}`;
  if (p.frequency === 'yearly') return String(p.year);
  return dateFormat(INTL_LOCALE[locale], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(p.year, p.index - 1, 1)));
}

/** Timestamps (audit, locks) in the reader's own time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  return dateFormat(INTL_LOCALE[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/**
 * A number as people type it in either language: "12,5" (French) and "12.5" (English) are both
 * read, whatever the interface language, because figures are often pasted from the other one.
 * Spaces, including the no-break ones Intl writes in French, are thousands separators. Anything
 * else ("abc", "12,5,3", "1.200,5") is 'invalid' rather than a guess; blank is undefined.
 */
export function parseLocaleNumber(text: string): number | undefined | 'invalid' {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return undefined;
  if (!/^[-+]?(\d+[.,]?\d*|[.,]\d+)$/.test(compact)) return 'invalid';
  return Number(compact.replace(',', '.'));
}
