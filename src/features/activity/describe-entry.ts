import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@domain/contract/reporting';
import { useLocale } from '@/lib/use-locale';
import { describeEntry } from './audit-sentences';
import type { DescribedEntry, EntityNames } from './sentence-parts';

/** Entries in the reader's language: "Claire Martin (Gestionnaire) a soumis J8 « … » pour revue". */
export function useDescribeEntry(names: EntityNames): (entry: AuditEntry) => DescribedEntry {
  const { t } = useTranslation();
  const locale = useLocale();
  return (entry) => describeEntry(entry, { t, locale, names });
}
