import { useTranslation } from 'react-i18next';
import type { NumberSpec } from '@/lib/format';
import type { AuditEntry } from '@domain/contract/reporting';
import { formatDate, formatEuros, formatInteger, formatNumber, formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { fr } from '@/locales/messages-fr';

/** Names of the things entries point at, from data the screen has already loaded. */
export interface EntityNames {
  consortium: (id: string) => string | undefined;
  milestone: (id: string) => string | undefined;
  kpi: (id: string) => { name: string; code: string; spec: NumberSpec } | undefined;
  user: (id: string) => string | undefined;
}

export interface Change {
  field: string;
  label: string;
  before: string | null;
  after: string;
}

type SentenceKey = keyof typeof fr.audit.sentence;
type FieldKey = keyof typeof fr.audit.field;
const isKey = <K extends string>(table: Record<K, string>, key: string): key is K => key in table;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 160;
/** Entry kinds that list their changes field by field. */
const DETAILED = new Set([
  'kpiValue',
  'kpi',
  'consortiumKpi',
  'milestone',
  'consortium',
  'programme',
  'period',
]);
/** Fields that say which cell or KPI an entry is about, not what changed. */
const NAMING_FIELDS = new Set(['period', 'kpiId', 'evidenceId', 'evidenceName']);

/** The KPI an entry is about: its own id, or the KPI its cell or settings name. */
function kpiIdOf(entry: AuditEntry): string | undefined {
  if (entry.entityType === 'kpi') return entry.entityId;
  const named = entry.after?.kpiId ?? entry.before?.kpiId;
  return typeof named === 'string' ? named : undefined;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

const isLocalized = (v: unknown): v is Record<'fr' | 'en', string> =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { fr?: unknown }).fr === 'string' &&
  typeof (v as { en?: unknown }).en === 'string';

/** Turns entries into words: "changed the milestone “Go-live”", "Progress: 40 % becomes 60 %". */
export function useDescribeEntry(names: EntityNames) {
  const { t } = useTranslation();
  const locale = useLocale();

  const value = (field: string, v: unknown, entry: AuditEntry): string => {
    if (v === null || v === undefined || v === '') return t('audit.empty');
    if (typeof v === 'boolean') return v ? t('audit.yes') : t('audit.no');
    if (typeof v === 'number') {
      if (field === 'progress') return t('common.percent', { value: v });
      if (field === 'budgetEur') return formatEuros(v, locale);
      if (field === 'smallCountThreshold') return formatInteger(v, locale);
      if (field === 'slippageToleranceDays')
        return formatNumber(v, { unit: 'days', decimals: 0, ratePer: null }, locale);
      const id = entry.entityType === 'kpiValue' ? kpiIdOf(entry) : undefined;
      const kpi = id === undefined ? undefined : names.kpi(id);
      return formatNumber(
        v,
        kpi && field === 'value' ? kpi.spec : { unit: 'count', decimals: 2, ratePer: null },
        locale,
      );
    }
    if (isLocalized(v)) return v[locale];
    if (typeof v !== 'string') return JSON.stringify(v);
    if (field === 'period') return formatPeriod(v, locale);
    if (field === 'role' && isKey(fr.role, v)) return t(`role.${v}`);
    if (field === 'status' && isKey(fr.milestoneStatus, v)) return t(`milestoneStatus.${v}`);
    if (field === 'action' && isKey(fr.milestoneActions.action, v))
      return t(`milestoneActions.action.${v}`);
    if (field === 'phase' && isKey(fr.phase, v)) return t(`phase.${v}`);
    if (field === 'kind' && isKey(fr.audit.evidenceKind, v)) return t(`audit.evidenceKind.${v}`);
    if (DATE.test(v)) return formatDate(v, locale);
    return v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT)}…` : v;
  };

  const sentence = (entry: AuditEntry): string => {
    const after = entry.after ?? {};
    const before = entry.before ?? {};
    // Readers who do not manage people get the invitation without its address.
    const key =
      entry.action === 'user.invite' && typeof after.email !== 'string'
        ? 'user_inviteSomeone'
        : entry.action.replace('.', '_');
    if (!isKey<SentenceKey>(fr.audit.sentence, key))
      return t('audit.sentence.other', { action: entry.action });
    // KPI entries are named by the KPI's code: "PAT_INC" for March 2026.
    const kpiId = kpiIdOf(entry);
    const name =
      entry.entityType === 'milestone'
        ? names.milestone(entry.entityId)
        : entry.entityType === 'milestonePlan'
          ? names.consortium(entry.entityId)
          : kpiId !== undefined
            ? (names.kpi(kpiId)?.code ?? kpiId)
            : entry.entityType === 'consortium'
              ? names.consortium(entry.entityId)
              : names.user(entry.entityId);
    return t(`audit.sentence.${key}`, {
      name: name ?? entry.entityId,
      period: typeof after.period === 'string' ? formatPeriod(after.period, locale) : '',
      email: typeof after.email === 'string' ? after.email : '',
      role: typeof after.role === 'string' ? value('role', after.role, entry) : '',
      // A milestone added or removed, a piece of evidence attached or removed, by its own name.
      code: text(after.code ?? before.code),
      evidence: text(after.evidenceName ?? before.evidenceName),
    });
  };

  /** Field by field; `period` and `kpiId` only name the KPI cell and `role`/`email` are in the sentence. */
  const changes = (entry: AuditEntry): Change[] => {
    if (
      !DETAILED.has(entry.entityType) &&
      entry.action !== 'user.disable' &&
      entry.action !== 'user.enable'
    )
      return [];
    return Object.entries(entry.after ?? {})
      .filter(([field]) => !NAMING_FIELDS.has(field))
      .map(([field, after]) => ({
        field,
        label: isKey<FieldKey>(fr.audit.field, field) ? t(`audit.field.${field}`) : field,
        before: entry.before ? value(field, entry.before[field], entry) : null,
        after: value(field, after, entry),
      }));
  };

  const who = (entry: AuditEntry): string =>
    entry.role && isKey(fr.role, entry.role)
      ? t('audit.who', { name: entry.actorName, role: t(`role.${entry.role}`) })
      : entry.actorName;

  return { sentence, changes, who };
}
