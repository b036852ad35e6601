import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Consortium } from '@domain/contract/consortium';
import type { ConsortiumKpiSummary } from '@domain/contract/kpi';
import { can } from '@domain/rules/permissions';
import { smallCountLabel } from '@domain/rules/small-counts';
import { EmptyState } from '@/components/empty-state';
import { KpiStatusBadge, TrendIndicator } from '@/components/status-badges';
import { principalOf, useMe } from '@/lib/access';
import { formatNumber, formatPeriod } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useLocale } from '@/lib/use-locale';
import { Sparkline } from './sparkline';
import '@/styles/kpis.css';

interface KpiTableProps {
  kpis: ConsortiumKpiSummary[];
  consortiumName: string;
  smallCountThreshold: number;
  /** On the consortium overview: a link to the entry grid for those who may enter values. */
  entryFor?: Pick<Consortium, 'id' | 'programmeId'>;
}

export function KpiTable({ kpis, consortiumName, smallCountThreshold, entryFor }: KpiTableProps) {
  const { t } = useTranslation();
  const principal = principalOf(useMe());
  const canEnter =
    entryFor !== undefined &&
    can(principal, 'kpiValue.write', {
      programmeId: entryFor.programmeId,
      consortiumId: entryFor.id,
    });
  return (
    <section aria-labelledby="kpis-heading">
      <div className="section-heading">
        <h2 id="kpis-heading">{t('kpiTable.heading')}</h2>
        {entryFor && canEnter ? (
          <Link to={paths.kpiEntry.getHref(entryFor.id)} className="button button-small">
            {t('kpiEntry.link')}
          </Link>
        ) : null}
      </div>
      {kpis.length === 0 ? (
        <EmptyState title={t('kpiTable.empty')} />
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="kpis-caption">
          <table className="table">
            <caption id="kpis-caption">{t('kpiTable.caption', { name: consortiumName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kpiTable.name')}</th>
                <th scope="col">{t('kpiTable.period')}</th>
                <th scope="col" className="num">
                  {t('kpiTable.value')}
                </th>
                <th scope="col" className="num">
                  {t('kpiTable.target')}
                </th>
                <th scope="col">{t('kpiTable.status')}</th>
                <th scope="col">{t('kpiTable.trend')}</th>
                <th scope="col">{t('kpiTable.recent')}</th>
              </tr>
            </thead>
            <tbody>
              {kpis.map((row) => (
                <KpiRow key={row.kpi.id} row={row} smallCountThreshold={smallCountThreshold} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function KpiRow({
  row,
  smallCountThreshold,
}: {
  row: ConsortiumKpiSummary;
  smallCountThreshold: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { kpi, latest } = row;
  const fmt = (v: number) => formatNumber(v, kpi, locale);
  const known = row.recent.filter((p) => p.value !== null);
  const first = known[0];
  const last = known[known.length - 1];
  return (
    <tr>
      <th scope="row">
        <Link to={paths.kpiDetail.getHref(row.settings.consortiumId, kpi.id)} className="kpi-name">
          {kpi.name[locale]}
        </Link>
        <span className="kpi-code">{kpi.code}</span>
      </th>
      <td className="nowrap">
        {latest ? (
          formatPeriod(latest.period, locale)
        ) : (
          <span className="muted">{t('common.none')}</span>
        )}
      </td>
      <td className="num">
        {latest === null ? (
          <span className="muted">{t('kpiTable.noValue')}</span>
        ) : latest.suppressed || latest.value === null ? (
          <abbr title={t('kpiTable.suppressed')}>{smallCountLabel(smallCountThreshold)}</abbr>
        ) : (
          <span className="nowrap">{fmt(latest.value)}</span>
        )}
        {latest?.provisional ? (
          <span className="tag tag-provisional">{t('kpiTable.provisional')}</span>
        ) : null}
      </td>
      <td className="num nowrap">
        {row.targetAtLatest === null ? (
          <span className="muted">{t('common.none')}</span>
        ) : (
          fmt(row.targetAtLatest)
        )}
      </td>
      <td>
        <KpiStatusBadge status={row.status} />
      </td>
      <td>
        <TrendIndicator trend={row.trend} />
      </td>
      <td>
        {first && last && first !== last ? (
          <Sparkline
            values={row.recent.map((p) => p.value)}
            status={row.status}
            label={t('kpiTable.sparkline', {
              from: fmt(first.value ?? 0),
              fromPeriod: formatPeriod(first.period, locale),
              to: fmt(last.value ?? 0),
              toPeriod: formatPeriod(last.period, locale),
            })}
          />
        ) : (
          <span className="muted">{t('common.none')}</span>
        )}
      </td>
    </tr>
  );
}
