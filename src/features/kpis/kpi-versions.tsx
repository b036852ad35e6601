import { useTranslation } from 'react-i18next';
import type { KpiDefinition } from '@domain/contract/kpi';
import { formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';

/** The definition's versions, newest first, each with the period it applies from and why. */
export function KpiVersions({ kpi }: { kpi: KpiDefinition }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const versions = [...kpi.definitionVersions].sort((a, b) => b.version - a.version);
  return (
    <ol className="plain-list version-list">
      {versions.map((v) => (
        <li key={v.version}>
          <strong>
            {t('catalogue.versionSince', {
              version: v.version,
              period: formatPeriod(v.validFrom, locale),
            })}
          </strong>
          {v.changeNote ? <span className="version-note"> — {v.changeNote}</span> : null}
        </li>
      ))}
    </ol>
  );
}
