import { useTranslation } from 'react-i18next';
import type { NumberSpec } from '@/lib/format';
import type { AuditEntry } from '@domain/contract/reporting';
import { formatDate, formatEuros, formatNumber, formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { fr } from '@/locales';

/** Names of the things entries point at, from data the screen has already loaded. */
export interface EntityNames {
  consortium: (id: string) => string | undefined;
  milestone: (id: string) => string | undefined;
  kpi: (id: string) => { name: string; spec: NumberSpec } | undefined;
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
      const kpi = entry.entityType === 'kpiValue' ? names.kpi(entry.entityId) : undefined;
      return formatNumber(
        v,
        kpi && field === 'value' ? kpi.spec : { unit: 'count', decimals: 2, ratePer: null },
        locale,
      );
    }
    if (typeof v !== 'string') return JSON.stringify(v);
    if (field === 'period') return formatPeriod(v, locale);
    if (field === 'role' && isKey(fr.role, v)) return t(`role.${v}`);
    if (field === 'status' && isKey(fr.milestoneStatus, v)) return t(`milestoneStatus.${v}`);
    if (DATE.test(v)) return formatDate(v, locale);
    return v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT)}…` : v;
  };

  const sentence = (entry: AuditEntry): string => {
    const key = entry.action.replace('.', '_');
    if (!isKey<SentenceKey>(fr.audit.sentence, key))
      return t('audit.sentence.other', { action: entry.action });
    const after = entry.after ?? {};
    const name =
      entry.entityType === 'milestone'
        ? names.milestone(entry.entityId)
        : entry.entityType === 'kpiValue'
          ? names.kpi(entry.entityId)?.name
          : entry.entityType === 'consortium'
            ? names.consortium(entry.entityId)
            : names.user(entry.entityId);
    return t(`audit.sentence.${key}`, {
      name: name ?? entry.entityId,
      period: typeof after.period === 'string' ? formatPeriod(after.period, locale) : '',
      email: typeof after.email === 'string' ? after.email : '',
      role: typeof after.role === 'string' ? value('role', after.role, entry) : '',
    });
  };

  /** Field by field; `period` only names the KPI cell and `role`/`email` are in the sentence. */
  const changes = (entry: AuditEntry): Change[] => {
    if (
      entry.entityType !== 'kpiValue' &&
      entry.entityType !== 'milestone' &&
      entry.entityType !== 'consortium' &&
      entry.action !== 'user.disable' &&
      entry.action !== 'user.enable'
    )
      return [];
    return Object.entries(entry.after ?? {})
      .filter(([field]) => field !== 'period')
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
