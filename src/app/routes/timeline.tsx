import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Programme } from '@domain/contract/programme';
import { todayIso } from '@domain/rules/periods';
import { consortiaQueryOptions, useConsortia } from '@/api/consortia';
import { programmeMilestonesQueryOptions, useProgrammeMilestones } from '@/api/milestones';
import { ensureCurrentProgramme, useCurrentProgramme } from '@/api/programmes';
import { EmptyState } from '@/components/empty-state';
import { NoProgramme } from '@/components/no-programme';
import { PageHeader } from '@/components/page-header';
import { ProgrammeTimeline } from '@/features/milestones/programme-timeline';
import { TimelineLegend } from '@/features/milestones/timeline-legend';
import { groupByConsortium } from '@/features/milestones/timeline-groups';
import { TimelineTable } from '@/features/milestones/timeline-table';
import type { Zoom } from '@/features/milestones/timeline-scale';

export const loader = (queryClient: QueryClient) => async () => {
  const programme = await ensureCurrentProgramme(queryClient);
  if (!programme) return null;
  await Promise.all([
    queryClient.ensureQueryData(consortiaQueryOptions(programme.id)),
    queryClient.ensureQueryData(programmeMilestonesQueryOptions(programme.id)),
  ]);
  return null;
};

export function Component() {
  const { t } = useTranslation();
  const programme = useCurrentProgramme();
  if (!programme) return <NoProgramme title={t('programmeTimeline.title')} />;
  return <TimelineScreen programme={programme} />;
}

function TimelineScreen({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // The whole programme by default; quarters zoom in.
  const zoom: Zoom = params.get('zoom') === 'quarter' ? 'quarter' : 'year';
  const asTable = params.get('view') === 'table';
  const { items: consortia } = useConsortia(programme.id);
  const { items: milestones } = useProgrammeMilestones(programme.id);
  const groups = groupByConsortium(consortia, milestones);
  const today = todayIso();

  // Zoom and view live in the URL: a shared link opens the same view.
  const set = (key: 'zoom' | 'view', value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  return (
    <>
      <PageHeader title={t('programmeTimeline.title')} eyebrow={programme.name}>
        <p>{t('programmeTimeline.intro')}</p>
      </PageHeader>
      {groups.length === 0 ? (
        <EmptyState title={t('programmeTimeline.empty')} />
      ) : (
        <>
          <div className="tl-controls">
            <div role="group" aria-label={t('programmeTimeline.zoom')} className="toggle-group">
              {(['quarter', 'year'] as const).map((z) => (
                <button
                  key={z}
                  type="button"
                  className="toggle"
                  aria-pressed={zoom === z}
                  disabled={asTable}
                  onClick={() => set('zoom', z === 'year' ? null : z)}
                >
                  {t(`programmeTimeline.zoomTo.${z}`)}
                </button>
              ))}
            </div>
            <button
              type="button"
              className="toggle"
              aria-pressed={asTable}
              onClick={() => set('view', asTable ? null : 'table')}
            >
              {t('programmeTimeline.asTable')}
            </button>
          </div>
          {asTable ? (
            <TimelineTable groups={groups} today={today} />
          ) : (
            <>
              <TimelineLegend />
              <ProgrammeTimeline
                groups={groups}
                bounds={{ startDate: programme.startDate, endDate: programme.endDate }}
                today={today}
                zoom={zoom}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
