import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Heatmap } from '@domain/contract/heatmap';
import { KpiStatusBadge } from '@/components/status-badges';
import { ValueText } from '@/components/value-text';
import { formatNumber, formatPeriod } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useLocale } from '@/lib/use-locale';

/** The heatmap as one row per cell: what a screen reader or a narrow screen reads best. */
export function HeatmapList({ heatmap }: { heatmap: Heatmap }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const kpiOf = new Map(heatmap.kpis.map((k) => [k.id, k]));
  const nameOf = new Map(heatmap.consortia.map((c) => [c.id, c.name]));
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="heatmap-list-caption">
      <table className="table">
        <caption id="heatmap-list-caption">
          {t('heatmap.caption', { period: formatPeriod(heatmap.period, locale) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('heatmap.consortium')}</th>
            <th scope="col">{t('heatmap.kpi')}</th>
            <th scope="col">{t('heatmap.period')}</th>
            <th scope="col" className="num">
              {t('heatmap.value')}
            </th>
            <th scope="col" className="num">
              {t('heatmap.target')}
            </th>
            <th scope="col">{t('heatmap.status')}</th>
          </tr>
        </thead>
        <tbody>
          {heatmap.cells.map((cell) => {
            const kpi = kpiOf.get(cell.kpiId)!;
            return (
              <tr key={`${cell.consortiumId}|${cell.kpiId}`}>
                <th scope="row">{nameOf.get(cell.consortiumId)}</th>
                <td>
                  <Link to={paths.kpiDetail.getHref(cell.consortiumId, cell.kpiId)}>
                    {kpi.code} — {kpi.name[locale]}
                  </Link>
                </td>
                <td className="nowrap">
                  {formatPeriod(cell.period, locale)}
                  {cell.provisional ? ` (${t('heatmap.provisional')})` : null}
                </td>
                <td className="num">
                  <ValueText
                    value={{ ...cell, numerator: null, denominator: null }}
                    kpi={kpi}
                    smallCountThreshold={heatmap.smallCountThreshold}
                    showFraction={false}
                  />
                </td>
                <td className="num">
                  {cell.target === null ? (
                    <span className="muted">{t('common.none')}</span>
                  ) : (
                    formatNumber(cell.target, kpi, locale)
                  )}
                </td>
                <td>
                  {cell.status ? (
                    <KpiStatusBadge status={cell.status} />
                  ) : (
                    <span className="muted">{t('heatmap.hidden')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
