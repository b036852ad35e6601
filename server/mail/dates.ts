import type { IsoDate, Locale, Timestamp } from '../../src/domain/contract';

// Same conventions as the app (src/lib/format): en-GB for English readers, who are in Europe.
const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

const longDates = new Map<Locale, Intl.DateTimeFormat>();
const times = new Map<Locale, Intl.DateTimeFormat>();

function longDateFormat(locale: Locale) {
  let format = longDates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone: 'UTC' });
    longDates.set(locale, format);
  }
  return format;
}

/**
 * "1er décembre 2026", "3 décembre 2026", "1 December 2026". French writes the first of the
 * month as an ordinal, which Intl does not.
 */
function longDateOf(date: Date, locale: Locale): string {
  return longDateFormat(locale)
    .formatToParts(date)
    .map((p) => (locale === 'fr' && p.type === 'day' && p.value === '1' ? '1er' : p.value))
    .join('');
}

/** A calendar date, read as such: the reader's time zone never moves it to the day before. */
export function formatLongDate(iso: IsoDate, locale: Locale): string {
  return longDateOf(new Date(`${iso}T00:00:00Z`), locale);
}

/** The day and the 24-hour time of an instant, in UTC (the mail says so). */
export function formatInstant(at: Timestamp, locale: Locale): { date: string; time: string } {
  let format = times.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    });
    times.set(locale, format);
  }
  const date = new Date(at);
  return { date: longDateOf(date, locale), time: format.format(date) };
}
