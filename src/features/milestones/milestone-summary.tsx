import { useTranslation } from 'react-i18next';
import type { Milestone } from '@domain/contract/milestone';
import { slippageDays } from '@domain/rules/milestone-health';
import { FactList } from '@/components/fact-list';
import { ProgressBar } from '@/components/progress-bar';
import { MilestoneStatusBadge } from '@/components/status-badges';
import { formatDate } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { MilestoneHealthBadge, type HealthOf } from './milestone-health';

/** Where the milestone stands: status, health, the three dates and how far it slipped. */
export function MilestoneSummary({
  milestone: m,
  health,
}: {
  milestone: Milestone;
  health: HealthOf;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const slip = slippageDays(m);
  const date = (iso: string | null, none: string) =>
    iso ? formatDate(iso, locale, 'long') : <span className="muted">{none}</span>;
  return (
    <section className="panel ms-summary" aria-labelledby="ms-summary-heading">
      <h2 id="ms-summary-heading" className="visually-hidden">
        {t('milestonePage.summary')}
      </h2>
      <FactList
        className="facts-grid"
        facts={[
          { label: t('milestones.status'), value: <MilestoneStatusBadge status={m.status} /> },
          { label: t('milestoneTable.health'), value: <MilestoneHealthBadge {...health} /> },
          {
            label: t('milestones.phase'),
            value: (
              <>
                <span className="ms-code">{m.code}</span> {t(`phase.${m.phase}`)}
              </>
            ),
          },
          { label: t('milestonePage.start'), value: date(m.startDate, t('common.none')) },
          {
            label: t('milestones.baseline'),
            value: date(m.baselineDate, t('milestonePage.noBaseline')),
          },
          { label: t('milestones.forecast'), value: date(m.forecastDate, t('common.none')) },
          { label: t('milestones.actual'), value: date(m.actualDate, t('milestonePage.notYet')) },
          {
            label: t('milestones.slippage'),
            value:
              slip > 0 ? (
                <strong className="text-danger">
                  {t('milestones.slippageDays', { count: slip })}
                </strong>
              ) : (
                t('milestones.noSlippage')
              ),
          },
          {
            label: t('milestones.progress'),
            value: (
              <ProgressBar
                percent={m.progress}
                label={t('common.percent', { value: m.progress })}
              />
            ),
          },
        ]}
      />
      {m.description ? <p className="ms-description">{m.description}</p> : null}
    </section>
  );
}
