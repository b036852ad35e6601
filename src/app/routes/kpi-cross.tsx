import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import { kpiSeriesQueryOptions, useKpiSeries } from '@/api/kpis';
import { programmesQueryOptions, useProgrammes } from '@/api/programmes';
import { PageHeader } from '@/components/page-header';
import { CrossView } from '@/features/charts/cross-view';
import { paths } from '@/lib/paths';
import { useLocale } from '@/lib/use-locale';
import '@/styles/kpis.css';
import { smallCountThresholdOf } from '@domain/rules/small-counts';

const kpiIdOf = (params: Record<string, string | undefined>) => params.kpiId ?? '';

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    await Promise.all([
      queryClient.ensureQueryData(kpiSeriesQueryOptions(kpiIdOf(params))),
      queryClient.ensureQueryData(programmesQueryOptions()),
    ]);
    return null;
  };

/** One KPI across the programme's consortia (a lead sees only its own: the server filters). */
export function Component() {
  const { t } = useTranslation();
  const locale = useLocale();
  const data = useKpiSeries(kpiIdOf(useParams()));
  const programme = useProgrammes().items.find((p) => p.id === data.kpi.programmeId);
  return (
    <>
      <PageHeader
        title={data.kpi.name[locale]}
        eyebrow={
          <Link to={paths.kpis.getHref()} className="back-link">
            {t('kpiCross.back')}
          </Link>
        }
      >
        <p>{data.kpi.definition[locale]}</p>
      </PageHeader>
      <CrossView data={data} smallCountThreshold={smallCountThresholdOf(programme)} />
      {data.series.length > 0 ? (
        <section aria-labelledby="kpi-cross-links">
          <h2 id="kpi-cross-links">{t('kpiCross.perConsortium')}</h2>
          <ul className="plain-list link-list">
            {data.series.map((s) => (
              <li key={s.consortium.id}>
                <Link to={paths.kpiDetail.getHref(s.consortium.id, data.kpi.id)}>
                  {s.consortium.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
