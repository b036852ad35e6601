import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import { can, canSetTargets } from '@domain/rules/permissions';
import { latestVersion } from '@domain/rules/kpi-catalogue';
import { consortiumQueryOptions, useConsortium } from '@/api/consortia';
import { kpiSeriesQueryOptions, useKpiSeries } from '@/api/kpis';
import { programmesQueryOptions, useProgrammes } from '@/api/programmes';
import { FactList } from '@/components/fact-list';
import { PageHeader } from '@/components/page-header';
import { KpiStatusBadge } from '@/components/status-badges';
import { DetailView } from '@/features/charts/detail-view';
import { KpiVersions } from '@/features/kpis/kpi-versions';
import { SettingsPanel } from '@/features/kpis/settings-panel';
import { useUnitLabel } from '@/lib/unit-label';
import { ValueText } from '@/components/value-text';
import { principalOf, useMe } from '@/lib/access';
import { formatNumber, formatPeriod } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useLocale } from '@/lib/use-locale';
import '@/styles/kpis.css';
import { smallCountThresholdOf } from '@domain/rules/small-counts';

const idsOf = (params: Record<string, string | undefined>) => ({
  consortiumId: params.consortiumId ?? '',
  kpiId: params.kpiId ?? '',
});

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const { consortiumId, kpiId } = idsOf(params);
    await Promise.all([
      queryClient.ensureQueryData(consortiumQueryOptions(consortiumId)),
      queryClient.ensureQueryData(kpiSeriesQueryOptions(kpiId, { consortiumId })),
      queryClient.ensureQueryData(programmesQueryOptions()),
    ]);
    return null;
  };

export function Component() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { consortiumId, kpiId } = idsOf(useParams());
  const consortium = useConsortium(consortiumId);
  const { kpi, series } = useKpiSeries(kpiId, { consortiumId });
  const programme = useProgrammes().items.find((p) => p.id === consortium.programmeId);
  const principal = principalOf(useMe());
  const scope = { programmeId: consortium.programmeId, consortiumId: consortium.id };
  const unitLabel = useUnitLabel();
  const threshold = smallCountThresholdOf(programme);
  const mine = series.find((s) => s.consortium.id === consortium.id) ?? {
    consortium: { id: consortium.id, code: consortium.code, name: consortium.name },
    settings: null,
    points: [],
    totalPoints: 0,
    downsampled: false,
  };
  const latest = [...mine.points].reverse().find((p) => p.value !== null || p.suppressed);
  const current = latestVersion(kpi.definitionVersions);
  return (
    <>
      <PageHeader
        title={kpi.name[locale]}
        eyebrow={
          <Link to={paths.consortium.getHref(consortium.id)} className="back-link">
            {t('kpiDetail.back', { name: consortium.name })}
          </Link>
        }
      >
        <p>{kpi.definition[locale]}</p>
      </PageHeader>
      <div className="actions page-actions">
        {can(principal, 'kpiValue.write', scope) ? (
          <Link to={paths.kpiEntry.getHref(consortium.id)} className="button">
            {t('kpiDetail.enter')}
          </Link>
        ) : null}
        <Link to={paths.kpiCross.getHref(kpi.id)} className="button">
          {t('kpiDetail.compare')}
        </Link>
      </div>
      <section className="panel" aria-labelledby="kpi-now-heading">
        <h2 id="kpi-now-heading">{t('kpiDetail.now')}</h2>
        <FactList
          className="facts-grid kpi-facts"
          facts={[
            {
              label: latest
                ? t('kpiDetail.latestAt', { period: formatPeriod(latest.period, locale) })
                : t('kpiDetail.latest'),
              value: latest ? (
                <span className="latest-value">
                  <ValueText value={latest} kpi={kpi} smallCountThreshold={threshold} />{' '}
                  <KpiStatusBadge status={latest.status} />
                  {latest.provisional ? (
                    <span className="tag tag-provisional">{t('kpiEntry.provisional')}</span>
                  ) : null}
                </span>
              ) : (
                t('kpiTable.noValue')
              ),
            },
            {
              label: t('kpiDetail.target'),
              value:
                latest?.target === null || latest === undefined
                  ? t('common.none')
                  : formatNumber(latest.target, kpi, locale),
            },
            { label: t('catalogue.code'), value: kpi.code },
            { label: t('catalogue.unit'), value: unitLabel(kpi) },
            { label: t('catalogue.direction'), value: t(`direction.${kpi.direction}`) },
            { label: t('catalogue.frequency'), value: t(`frequency.${kpi.frequency}`) },
            { label: t('catalogue.source'), value: t(`sourceType.${kpi.sourceType}`) },
            {
              label: t('catalogue.version'),
              value: t('catalogue.versionSince', {
                version: current.version,
                period: formatPeriod(current.validFrom, locale),
              }),
            },
          ]}
        />
      </section>
      <DetailView kpi={kpi} series={mine} smallCountThreshold={threshold} />
      <SettingsPanel
        kpi={kpi}
        consortium={consortium}
        settings={mine.settings}
        canEdit={programme ? canSetTargets(principal, scope, programme) : false}
        smallCountThreshold={threshold}
      />
      <section className="panel" aria-labelledby="kpi-versions-heading">
        <h2 id="kpi-versions-heading">{t('kpiDetail.versions')}</h2>
        <KpiVersions kpi={kpi} />
      </section>
    </>
  );
}
