import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { Frequency } from '@domain/contract/kpi';
import { can } from '@domain/rules/permissions';
import { consortiumQueryOptions, useConsortium } from '@/api/consortia';
import {
  consortiumKpisQueryOptions,
  consortiumKpiValuesQueryOptions,
  useConsortiumKpis,
  useConsortiumKpiValues,
} from '@/api/kpis';
import {
  periodsQueryOptions,
  programmesQueryOptions,
  usePeriods,
  useProgrammes,
} from '@/api/programmes';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { EntryPanel } from '@/features/kpis/entry-panel';
import { entryWindow } from '@/features/kpis/entry-window';
import { principalOf, useMe } from '@/lib/access';
import { formatPeriod } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useLocale } from '@/lib/use-locale';
import '@/styles/kpis.css';
import { smallCountThresholdOf } from '@domain/rules/small-counts';

/** The programme's threshold is always listed; this only guards a reader who cannot see it. */

const consortiumIdOf = (params: Record<string, string | undefined>) => params.consortiumId ?? '';

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const id = consortiumIdOf(params);
    const [consortium] = await Promise.all([
      queryClient.ensureQueryData(consortiumQueryOptions(id)),
      queryClient.ensureQueryData(consortiumKpisQueryOptions(id)),
      queryClient.ensureQueryData(consortiumKpiValuesQueryOptions(id)),
      queryClient.ensureQueryData(programmesQueryOptions()),
    ]);
    await queryClient.ensureQueryData(periodsQueryOptions(consortium.programmeId));
    return null;
  };

export function Component() {
  const { t } = useTranslation();
  const id = consortiumIdOf(useParams());
  const consortium = useConsortium(id);
  const canWrite = can(principalOf(useMe()), 'kpiValue.write', {
    programmeId: consortium.programmeId,
    consortiumId: consortium.id,
  });
  return (
    <>
      <PageHeader
        title={t('kpiEntry.title')}
        eyebrow={
          <Link to={paths.consortium.getHref(consortium.id)} className="back-link">
            {t('kpiEntry.back', { name: consortium.name })}
          </Link>
        }
      >
        <p>{t('kpiEntry.intro')}</p>
      </PageHeader>
      {canWrite ? (
        <EntryScreen consortiumId={id} />
      ) : (
        <EmptyState title={t('kpiEntry.notAllowed')}>
          <p>{t('kpiEntry.notAllowedBody')}</p>
        </EmptyState>
      )}
    </>
  );
}

function EntryScreen({ consortiumId }: { consortiumId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [search] = useSearchParams();
  const consortium = useConsortium(consortiumId);
  const kpis = useConsortiumKpis(consortiumId).items;
  const values = useConsortiumKpiValues(consortiumId).items;
  const reportingPeriods = usePeriods(consortium.programmeId).items;
  const programme = useProgrammes().items.find((p) => p.id === consortium.programmeId);
  const frequencies = Frequency.options.filter((f) => kpis.some((k) => k.kpi.frequency === f));
  const wanted = Frequency.safeParse(search.get('frequency'));
  const frequency =
    wanted.success && frequencies.includes(wanted.data) ? wanted.data : frequencies[0];
  if (!frequency) return <EmptyState title={t('kpiTable.empty')} />;
  const shown = entryWindow(consortium, frequency, search.get('to'));
  const href = (to: string | null, f = frequency) =>
    `?${new URLSearchParams({ frequency: f, ...(to ? { to } : {}) }).toString()}`;
  const first = shown.periods[0];
  const last = shown.periods[shown.periods.length - 1];
  return (
    <section aria-labelledby="entry-heading">
      <h2 id="entry-heading" className="entry-heading">
        {t('kpiEntry.grid.caption', { name: consortium.name })}
      </h2>
      <div className="entry-toolbar">
        {frequencies.length > 1 ? (
          <nav aria-label={t('kpiEntry.frequencies')} className="tabs">
            {frequencies.map((f) => (
              <Link
                key={f}
                to={href(null, f)}
                className="tab"
                aria-current={f === frequency ? 'page' : undefined}
              >
                {t(`frequency.${f}`)}
              </Link>
            ))}
          </nav>
        ) : null}
        <nav aria-label={t('kpiEntry.window')} className="entry-window-nav">
          {first && last ? (
            <span className="entry-window-range">
              {t('common.dateRange', {
                start: formatPeriod(first, locale),
                end: formatPeriod(last, locale),
              })}
            </span>
          ) : null}
          {shown.earlier ? (
            <Link to={href(shown.earlier)} className="button button-small">
              <span aria-hidden="true">‹ </span>
              {t('kpiEntry.earlier')}
            </Link>
          ) : null}
          {shown.later ? (
            <Link to={href(shown.later)} className="button button-small">
              {t('kpiEntry.later')}
              <span aria-hidden="true"> ›</span>
            </Link>
          ) : null}
        </nav>
      </div>
      <EntryPanel
        key={frequency}
        labelledBy="entry-heading"
        consortium={consortium}
        rows={kpis.filter((k) => k.kpi.frequency === frequency)}
        periods={shown.periods}
        values={values}
        reportingPeriods={reportingPeriods}
        smallCountThreshold={smallCountThresholdOf(programme)}
      />
    </section>
  );
}
