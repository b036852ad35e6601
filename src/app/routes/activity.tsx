import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { Id, IsoDate } from '@domain/contract/common';
import type { Programme } from '@domain/contract/programme';
import { AuditAction } from '@domain/contract/reporting';
import { activityQueryOptions, useActivity, type ActivityFilters } from '@/api/audit';
import { consortiaQueryOptions, useConsortia } from '@/api/consortia';
import { kpiCatalogueQueryOptions, useKpiCatalogue } from '@/api/kpis';
import { milestonesQueryOptions, useMilestonesOf } from '@/api/milestones';
import { ensureCurrentProgramme, useCurrentProgramme } from '@/api/programmes';
import { usersQueryOptions, useUsers } from '@/api/users';
import { EmptyState } from '@/components/empty-state';
import { NoProgramme } from '@/components/no-programme';
import { PageHeader } from '@/components/page-header';
import { ActivityFiltersForm } from '@/features/activity/activity-filters';
import { AuditTable } from '@/features/activity/audit-table';
import { entityNames } from '@/features/activity/entity-names';
import { useLocale } from '@/lib/use-locale';
import { paths } from '@/lib/paths';

/** Only well-formed filters reach the API; anything else in the URL is ignored. */
function filtersFrom(params: URLSearchParams): ActivityFilters {
  const pick = <T,>(value: string | null, ok: (v: string) => boolean): T | undefined =>
    value && ok(value) ? (value as T) : undefined;
  return {
    consortiumId: pick(params.get('consortiumId'), (v) => Id.safeParse(v).success),
    actorId: pick(params.get('actorId'), (v) => Id.safeParse(v).success),
    action: pick(params.get('action'), (v) => AuditAction.safeParse(v).success),
    from: pick(params.get('from'), (v) => IsoDate.safeParse(v).success),
    to: pick(params.get('to'), (v) => IsoDate.safeParse(v).success),
  };
}

export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const programme = await ensureCurrentProgramme(queryClient);
    if (!programme) return null;
    const filters = filtersFrom(new URL(request.url).searchParams);
    // The activity call goes first so a non-manager is refused (403) before anything else loads.
    await queryClient.ensureInfiniteQueryData(activityQueryOptions(programme.id, filters));
    const [{ items }] = await Promise.all([
      queryClient.ensureQueryData(consortiaQueryOptions(programme.id)),
      queryClient.ensureQueryData(usersQueryOptions(programme.id)),
      queryClient.ensureQueryData(kpiCatalogueQueryOptions(programme.id)),
    ]);
    await Promise.all(items.map((c) => queryClient.ensureQueryData(milestonesQueryOptions(c.id))));
    return null;
  };

export function Component() {
  const { t } = useTranslation();
  const programme = useCurrentProgramme();
  if (!programme) return <NoProgramme title={t('activity.title')} />;
  return <ActivityScreen programme={programme} />;
}

function ActivityScreen({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const activity = useActivity(programme.id, filters);
  const { items: consortia } = useConsortia(programme.id);
  const { items: users } = useUsers(programme.id);
  const { items: kpis } = useKpiCatalogue(programme.id);
  const milestones = useMilestonesOf(consortia.map((c) => c.id)).flat();
  const entries = activity.data.pages.flatMap((p) => p.items);
  const names = entityNames(locale, { consortia, milestones, kpis, users });
  return (
    <>
      <PageHeader title={t('activity.title')} eyebrow={programme.name}>
        <p>{t('activity.intro')}</p>
      </PageHeader>
      <ActivityFiltersForm
        filters={filters}
        consortia={consortia}
        people={[...users].sort((a, b) => a.name.localeCompare(b.name, locale))}
        clearHref={paths.activity.getHref()}
        onApply={setSearchParams}
      />
      {entries.length === 0 ? (
        <EmptyState title={t('activity.empty.title')}>
          <p>{t('activity.empty.body')}</p>
        </EmptyState>
      ) : (
        <AuditTable
          entries={entries}
          names={names}
          caption={t('activity.caption', { name: programme.name })}
          captionId="activity-caption"
        />
      )}
      {activity.hasNextPage ? (
        <div className="actions load-more">
          <button
            type="button"
            className="button"
            disabled={activity.isFetchingNextPage}
            onClick={() => void activity.fetchNextPage()}
          >
            {activity.isFetchingNextPage ? t('common.loading') : t('activity.older')}
          </button>
        </div>
      ) : null}
    </>
  );
}
