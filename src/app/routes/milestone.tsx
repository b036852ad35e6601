import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import type { Consortium } from '@domain/contract/consortium';
import type { Milestone } from '@domain/contract/milestone';
import { acceptsChanges, availableActions, isUnderReview } from '@domain/rules/milestone-machine';
import { todayIso } from '@domain/rules/periods';
import { can, effectiveRole } from '@domain/rules/permissions';
import { consortiumQueryOptions, useConsortium } from '@/api/consortia';
import { consortiumKpisQueryOptions, useConsortiumKpis } from '@/api/kpis';
import {
  evidenceQueryOptions,
  milestoneEventsQueryOptions,
  milestoneQueryOptions,
  useEvidence,
  useMilestone,
  useMilestoneEvents,
} from '@/api/milestones';
import { programmesQueryOptions, useProgrammes } from '@/api/programmes';
import { PageHeader } from '@/components/page-header';
import { entityNames } from '@/features/activity/entity-names';
import { KpiTable } from '@/features/kpis/kpi-table';
import { EvidenceSection } from '@/features/milestones/evidence-section';
import { MilestoneActions } from '@/features/milestones/milestone-actions';
import { MilestoneEditor } from '@/features/milestones/milestone-editor';
import { healthOf } from '@/features/milestones/milestone-health';
import { MilestoneHistory } from '@/features/activity/milestone-history';
import { MilestoneSummary } from '@/features/milestones/milestone-summary';
import { MilestoneThread } from '@/features/milestones/milestone-thread';
import { principalOf, useMe } from '@/lib/access';
import { paths } from '@/lib/paths';
import { useLocale } from '@/lib/use-locale';
import { smallCountThresholdOf } from '@domain/rules/small-counts';

/** The programme's own values are always listed; these only guard a reader who cannot see it. */
const DEFAULT_TOLERANCE_DAYS = 30;

function milestoneIdOf(params: Record<string, string | undefined>): string {
  // The route table guarantees the segment; an empty one would be answered 404 by the API.
  return params.milestoneId ?? '';
}

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const id = milestoneIdOf(params);
    const [milestone] = await Promise.all([
      queryClient.ensureQueryData(milestoneQueryOptions(id)),
      queryClient.ensureQueryData(milestoneEventsQueryOptions(id)),
      queryClient.ensureQueryData(evidenceQueryOptions(id)),
      queryClient.ensureQueryData(programmesQueryOptions()),
    ]);
    await Promise.all([
      queryClient.ensureQueryData(consortiumQueryOptions(milestone.consortiumId)),
      milestone.requiresKpiValues
        ? queryClient.ensureQueryData(consortiumKpisQueryOptions(milestone.consortiumId))
        : null,
    ]);
    return null;
  };

export function Component() {
  const id = milestoneIdOf(useParams());
  const milestone = useMilestone(id);
  const consortium = useConsortium(milestone.consortiumId);
  // Keyed on the milestone: forms and notices start afresh on another one.
  return <MilestoneScreen key={id} milestone={milestone} consortium={consortium} />;
}

function MilestoneScreen({
  milestone,
  consortium,
}: {
  milestone: Milestone;
  consortium: Consortium;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const events = useMilestoneEvents(milestone.id);
  const evidence = useEvidence(milestone.id);
  const programme = useProgrammes().items.find((p) => p.id === consortium.programmeId);
  const principal = principalOf(useMe());
  const scope = { programmeId: consortium.programmeId, consortiumId: consortium.id };
  const role = effectiveRole(principal, scope);
  const canUpdate = acceptsChanges(milestone.status) && can(principal, 'milestone.update', scope);
  // Whoever could take the submission back is told why the edit controls are gone.
  const frozenForMe =
    isUnderReview(milestone.status) &&
    role !== null &&
    availableActions(role, milestone.status).includes('withdraw');
  const title = milestone.title[locale];
  const health = healthOf(
    milestone,
    todayIso(),
    programme?.slippageToleranceDays ?? DEFAULT_TOLERANCE_DAYS,
  );
  return (
    <>
      <PageHeader
        title={title}
        eyebrow={
          <Link to={paths.consortium.getHref(consortium.id)} className="back-link">
            {t('milestonePage.back', { name: consortium.name })}
          </Link>
        }
      >
        <p>{t('milestonePage.intro', { code: milestone.code, name: consortium.name })}</p>
      </PageHeader>
      <MilestoneActions milestone={milestone} role={role} />
      {frozenForMe ? <p className="notice">{t('milestonePage.underReview')}</p> : null}
      <MilestoneSummary milestone={milestone} health={health} />
      {canUpdate ? (
        <MilestoneEditor
          milestone={milestone}
          period={{ startDate: consortium.startDate, endDate: consortium.endDate }}
        />
      ) : null}
      <EvidenceSection milestone={milestone} evidence={evidence.items} canEdit={canUpdate} />
      {milestone.requiresKpiValues ? (
        <LinkedKpis
          consortium={consortium}
          smallCountThreshold={smallCountThresholdOf(programme)}
        />
      ) : null}
      <MilestoneThread
        milestoneId={milestone.id}
        events={events.items}
        canComment={can(principal, 'milestone.comment', scope)}
      />
      <MilestoneHistory
        milestoneId={milestone.id}
        title={title}
        names={entityNames(locale, { consortia: [consortium], milestones: [milestone] })}
      />
    </>
  );
}

/** A gate that needs KPI values shows the consortium's indicators, as the reviewer weighs them. */
function LinkedKpis({
  consortium,
  smallCountThreshold,
}: {
  consortium: Consortium;
  smallCountThreshold: number;
}) {
  const kpis = useConsortiumKpis(consortium.id);
  return (
    <KpiTable
      kpis={kpis.items}
      consortiumName={consortium.name}
      smallCountThreshold={smallCountThreshold}
    />
  );
}
