import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import { consortiumQueryOptions, useConsortium } from '@/api/consortia';
import { consortiumKpisQueryOptions, useConsortiumKpis } from '@/api/kpis';
import { milestonesQueryOptions, useMilestones } from '@/api/milestones';
import { programmesQueryOptions, useProgrammes } from '@/api/programmes';
import { can } from '@domain/rules/permissions';
import { PageHeader } from '@/components/page-header';
import { entityNames } from '@/features/activity/entity-names';
import { HistoryPanel } from '@/features/activity/history-panel';
import { ConsortiumEditor } from '@/features/consortia/consortium-editor';
import { principalOf, useMe } from '@/lib/access';
import { ConsortiumFacts } from '@/features/consortia/consortium-facts';
import { PartnersTable } from '@/features/consortia/partners-table';
import { KpiTable } from '@/features/kpis/kpi-table';
import { MilestoneTable } from '@/features/milestones/milestone-table';
import { PlanPanel } from '@/features/milestones/plan-panel';
import { milestonePlanQueryOptions } from '@/api/milestone-plans';
import { useLocale } from '@/lib/use-locale';
import { paths } from '@/lib/paths';
import { smallCountThresholdOf } from '@domain/rules/small-counts';

/** The programme's threshold is always listed; this only guards a reader who cannot see the programme. */
const DEFAULT_SLIPPAGE_TOLERANCE_DAYS = 30;

function consortiumIdOf(params: Record<string, string | undefined>): string {
  // The route table guarantees the segment; an empty one would be answered 404 by the API.
  return params.consortiumId ?? '';
}

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const id = consortiumIdOf(params);
    await Promise.all([
      queryClient.ensureQueryData(consortiumQueryOptions(id)),
      queryClient.ensureQueryData(milestonesQueryOptions(id)),
      queryClient.ensureQueryData(milestonePlanQueryOptions(id)),
      queryClient.ensureQueryData(consortiumKpisQueryOptions(id)),
      queryClient.ensureQueryData(programmesQueryOptions()),
    ]);
    return null;
  };

export function Component() {
  const { t } = useTranslation();
  const id = consortiumIdOf(useParams());
  const consortium = useConsortium(id);
  const milestones = useMilestones(id);
  const kpis = useConsortiumKpis(id);
  const programme = useProgrammes().items.find((p) => p.id === consortium.programmeId);
  const me = useMe();
  const canEdit = can(principalOf(me), 'consortium.update', {
    programmeId: consortium.programmeId,
    consortiumId: consortium.id,
  });
  const names = entityNames(useLocale(), {
    consortia: [consortium],
    milestones: milestones.items,
    kpis: kpis.items.map((k) => k.kpi),
  });
  return (
    <>
      <PageHeader
        title={consortium.name}
        eyebrow={
          <Link to={paths.consortia.getHref()} className="back-link">
            {t('common.backConsortia')}
          </Link>
        }
      />
      <ConsortiumEditor consortium={consortium} canEdit={canEdit} />
      <ConsortiumFacts consortium={consortium} />
      <PartnersTable partners={consortium.partners} consortiumName={consortium.name} />
      <PlanPanel
        consortium={consortium}
        milestones={milestones.items}
        canPlan={can(principalOf(me), 'milestone.plan', {
          programmeId: consortium.programmeId,
          consortiumId: consortium.id,
        })}
      />
      <MilestoneTable
        milestones={milestones.items}
        consortiumName={consortium.name}
        slippageToleranceDays={programme?.slippageToleranceDays ?? DEFAULT_SLIPPAGE_TOLERANCE_DAYS}
      />
      <KpiTable
        kpis={kpis.items}
        consortiumName={consortium.name}
        entryFor={consortium}
        smallCountThreshold={smallCountThresholdOf(programme)}
      />
      <HistoryPanel consortiumId={id} consortiumName={consortium.name} names={names} />
    </>
  );
}
