import type { TFunction } from 'i18next';
import type { Locale } from '@domain/contract/common';
import { HiddenCount } from '@domain/contract/reporting';
import { smallCountLabel } from '@domain/rules/small-counts';
import {
  formatDate,
  formatEuros,
  formatNumber,
  formatPeriod,
  intlLocale,
  numberFormat,
  type NumberSpec,
} from '@/lib/format';
import { fr } from '@/locales/messages-fr';

/** What a field formatter knows besides the value: the language and the entry's KPI, if any. */
export interface ValueContext {
  t: TFunction;
  locale: Locale;
  /** The unit and decimals of the KPI the entry is about; unknown when the screen lacks it. */
  kpi: NumberSpec | undefined;
}

type Formatter = (v: unknown, ctx: ValueContext) => string | null;

const MAX_TEXT = 160;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isKey = <K extends string>(table: Record<K, unknown>, key: unknown): key is K =>
  typeof key === 'string' && key in table;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const hiddenOf = (v: unknown) => {
  const parsed = HiddenCount.safeParse(v);
  return parsed.success ? parsed.data : null;
};

/** A number whose unit the screen does not know: as written, without padding decimals. */
const plain = (n: number, locale: Locale) =>
  numberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(n);

const number =
  (format: (n: number, ctx: ValueContext) => string): Formatter =>
  (v, ctx) => {
    const hidden = hiddenOf(v);
    if (hidden) return smallCountLabel(hidden.threshold);
    return typeof v === 'number' && Number.isFinite(v) ? format(v, ctx) : null;
  };

/** In the entry's KPI unit and decimals ("55", "72 %", "4 jours"). */
const kpiNumber = number((n, { kpi, locale }) =>
  kpi ? formatNumber(n, kpi, locale) : plain(n, locale),
);
/** People and items are counted whole, whatever the KPI's decimals. */
const count = number((n, { locale }) => plain(n, locale));

const textValue: Formatter = (v, { locale }) => {
  const s = isRecord(v) && typeof v[locale] === 'string' ? v[locale] : v;
  if (typeof s !== 'string' || s.trim() === '') return null;
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s;
};

const date: Formatter = (v, { locale }) =>
  typeof v === 'string' && DATE.test(v) ? formatDate(v, locale, 'long') : null;

/** "mars 2026", "T1 2026": the periods of KPI cells and targets. */
export const period: Formatter = (v, { locale }) =>
  typeof v === 'string' && v !== '' ? formatPeriod(v, locale) : null;

const yesNo: Formatter = (v, { t }) =>
  typeof v === 'boolean' ? (v ? t('audit.yes') : t('audit.no')) : null;

/** A label from one of the app's tables of names, or nothing for a value it does not know. */
const named =
  <K extends string>(
    table: Record<K, unknown>,
    label: (key: K, t: TFunction) => string,
  ): Formatter =>
  (v, { t }) =>
    isKey(table, v) ? label(v, t) : null;

/** A band's width: points for a percentage KPI, else in the KPI's unit; relative ones in %. */
export const tolerance: Formatter = (v, ctx) => {
  if (!isRecord(v) || typeof v.amber !== 'number' || typeof v.red !== 'number') return null;
  const { t, locale, kpi } = ctx;
  if (v.mode === 'relative') {
    const pct = (n: number) =>
      formatNumber(n * 100, { unit: 'percent', decimals: 0, ratePer: null }, locale);
    return t('audit.tolerance.relative', { amber: pct(v.amber), red: pct(v.red) });
  }
  const width = (n: number) =>
    kpi?.unit === 'percent'
      ? t('audit.points', { count: n, formattedCount: plain(n, locale) })
      : (kpiNumber(n, ctx) ?? plain(n, locale));
  return t('audit.tolerance.absolute', { amber: width(v.amber), red: width(v.red) });
};

const baseline: Formatter = (v, ctx) => {
  if (!isRecord(v)) return null;
  const value = kpiNumber(v.value, ctx);
  const when = period(v.period, ctx);
  if (value === null || when === null) return null;
  const source = textValue(v.source, ctx);
  return source === null
    ? ctx.t('audit.baseline', { value, period: when })
    : ctx.t('audit.baselineWithSource', { value, period: when, source });
};

const FORMATTERS: Record<string, Formatter> = {
  // Programme
  name: textValue,
  funder: textValue,
  description: textValue,
  smallCountThreshold: count,
  slippageToleranceDays: number((n, { locale }) =>
    formatNumber(n, { unit: 'days', decimals: 0, ratePer: null }, locale),
  ),
  leadsSetTargets: yesNo,
  // Consortium
  solution: textValue,
  territory: textValue,
  budgetEur: number((n, { locale }) => formatEuros(n, locale)),
  // Milestones, plans and evidence
  progress: number((n, { t }) => t('common.percent', { value: n })),
  forecastDate: date,
  actualDate: date,
  baselineDate: date,
  startDate: date,
  approvedAt: date,
  approvedBy: textValue,
  reason: textValue,
  comment: textValue,
  status: named(fr.milestoneStatus, (k, t) => t(`milestoneStatus.${k}`)),
  phase: named(fr.phase, (k, t) => t(`phase.${k}`)),
  // KPI values
  value: kpiNumber,
  numerator: count,
  denominator: count,
  provisional: (v, { t }) =>
    typeof v === 'boolean' ? (v ? t('audit.provisional') : t('audit.final')) : null,
  source: textValue,
  note: textValue,
  explanation: textValue,
  // KPI catalogue
  definition: textValue,
  unit: named(fr.unit, (k, t) => t(`unit.${k}`)),
  ratePer: count,
  direction: named(fr.direction, (k, t) => t(`direction.${k}`)),
  aggregation: named(fr.kpiCatalogue.aggregations, (k, t) => t(`kpiCatalogue.aggregations.${k}`)),
  frequency: named(fr.frequency, (k, t) => t(`frequency.${k}`)),
  decimals: count,
  sourceType: named(fr.sourceType, (k, t) => t(`sourceType.${k}`)),
  reportingLagMonths: number((n, { t, locale }) =>
    t('audit.months', { count: n, formattedCount: plain(n, locale) }),
  ),
  definitionVersion: number((n, { t, locale }) =>
    t('audit.version', { version: plain(n, locale) }),
  ),
  validFrom: period,
  changeNote: textValue,
  // Consortium KPI settings (targets are compared period by period, see audit-sentences)
  baseline,
  tolerance,
  // Reporting periods
  deadline: date,
  reopenReason: textValue,
  commentary: textValue,
};

type FieldKey = keyof typeof fr.audit.field;

/** The fields an entry can list, with a label in both languages and a formatter. */
export const isListedField = (field: string): field is FieldKey =>
  field in FORMATTERS && isKey(fr.audit.field, field);

/** A field's value in words, or null when there is nothing to say (empty, or not a known shape). */
export function formatValue(field: string, v: unknown, ctx: ValueContext): string | null {
  return FORMATTERS[field]?.(v, ctx) ?? null;
}

/**
 * One change as a phrase: "Avancement : 60 % (était 40 %)", "Note : vérifié" (set), "Note :
 * valeur effacée (était vérifié)"; null when both sides read the same or both are empty.
 */
export function changePhrase(
  label: string,
  before: string | null,
  after: string | null,
  t: TFunction,
): string | null {
  if (before === after) return null;
  if (after === null) return t('audit.change.cleared', { label, before });
  if (before === null) return t('audit.change.set', { label, after });
  return t('audit.change.changed', { label, after, before });
}

/** Every listed field an entry changed, each as a phrase, in the order the entry holds them. */
export function fieldChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ctx: ValueContext,
  skip: readonly string[] = [],
): string[] {
  const fields = new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})]);
  const phrases: string[] = [];
  for (const field of fields) {
    if (skip.includes(field) || !isListedField(field)) continue;
    const phrase = changePhrase(
      ctx.t(`audit.field.${field}`),
      formatValue(field, before?.[field], ctx),
      formatValue(field, after?.[field], ctx),
      ctx.t,
    );
    if (phrase !== null) phrases.push(phrase);
  }
  return phrases;
}
