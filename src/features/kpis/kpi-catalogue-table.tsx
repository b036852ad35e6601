import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KpiDefinition } from '@domain/contract/kpi';
import { latestVersion } from '@domain/rules/kpi-catalogue';
import { formatPeriod } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useLocale } from '@/lib/use-locale';
import { KpiVersions } from './kpi-versions';
import { useUnitLabel } from '@/lib/unit-label';

interface KpiCatalogueTableProps {
  kpis: KpiDefinition[];
  programmeName: string;
  /** Managers get an Edit button per row (the shared `can` rule decides). */
  onEdit?: (kpi: KpiDefinition) => void;
}

export function KpiCatalogueTable({ kpis, programmeName, onEdit }: KpiCatalogueTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unitLabel = useUnitLabel();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="catalogue-caption">
      <table className="table catalogue-table">
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
            {onEdit ? <th scope="col">{t('kpiCatalogue.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {kpis.map((kpi) => {
            const current = latestVersion(kpi.definitionVersions);
            return (
              <tr key={kpi.id}>
                <td className="kpi-code">{kpi.code}</td>
                <th scope="row">
                  <Link to={paths.kpiCross.getHref(kpi.id)} className="kpi-name">
                    {kpi.name[locale]}
                  </Link>
                  <span className="kpi-definition">{kpi.definition[locale]}</span>
                </th>
                <td>{unitLabel(kpi)}</td>
                <td>{t(`direction.${kpi.direction}`)}</td>
                <td>{t(`frequency.${kpi.frequency}`)}</td>
                <td>{t(`sourceType.${kpi.sourceType}`)}</td>
                <td>
                  {kpi.definitionVersions.length > 1 ? (
                    <details className="versions">
                      <summary className="nowrap">
                        {t('catalogue.versionSince', {
                          version: current.version,
                          period: formatPeriod(current.validFrom, locale),
                        })}
                      </summary>
                      <KpiVersions kpi={kpi} />
                    </details>
                  ) : (
                    <span className="nowrap">
                      {t('catalogue.versionSince', {
                        version: current.version,
                        period: formatPeriod(current.validFrom, locale),
                      })}
                    </span>
                  )}
                </td>
                {onEdit ? (
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => onEdit(kpi)}
                      aria-label={t('kpiCatalogue.editLabel', { code: kpi.code })}
                    >
                      {t('kpiCatalogue.edit')}
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
