import { useTranslation } from 'react-i18next';
import type { KpiDefinition } from '@domain/contract/kpi';
import { formatInteger, formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';

function useUnitLabel() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (kpi: KpiDefinition) =>
    kpi.unit === 'rate' && kpi.ratePer && kpi.ratePer > 1
      ? t('unit.ratePer', { per: formatInteger(kpi.ratePer, locale) })
      : t(`unit.${kpi.unit}`);
}

export function KpiCatalogueTable({
  kpis,
  programmeName,
}: {
  kpis: KpiDefinition[];
  programmeName: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unitLabel = useUnitLabel();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="catalogue-caption">
      <table className="table">
        <caption id="catalogue-caption">{t('catalogue.caption', { name: programmeName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalogue.code')}</th>
            <th scope="col">{t('catalogue.name')}</th>
            <th scope="col">{t('catalogue.unit')}</th>
            <th scope="col">{t('catalogue.direction')}</th>
            <th scope="col">{t('catalogue.frequency')}</th>
            <th scope="col">{t('catalogue.source')}</th>
            <th scope="col">{t('catalogue.version')}</th>
          </tr>
        </thead>
        <tbody>
          {kpis.map((kpi) => {
            const current = kpi.definitionVersions.reduce((a, b) =>
              b.version > a.version ? b : a,
            );
            return (
              <tr key={kpi.id}>
                <td className="kpi-code">{kpi.code}</td>
                <th scope="row">
                  <span className="kpi-name">{kpi.name[locale]}</span>
                  <span className="kpi-definition">{kpi.definition[locale]}</span>
                </th>
                <td>{unitLabel(kpi)}</td>
                <td>{t(`direction.${kpi.direction}`)}</td>
                <td>{t(`frequency.${kpi.frequency}`)}</td>
                <td>{t(`sourceType.${kpi.sourceType}`)}</td>
                <td className="nowrap">
                  {t('catalogue.versionSince', {
                    version: current.version,
                    period: formatPeriod(current.validFrom, locale),
                  })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
