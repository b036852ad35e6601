import { useTranslation } from 'react-i18next';
import { Phase, type Milestone } from '@domain/contract/milestone';
import { slippageDays } from '@domain/rules/milestone-health';
import { EmptyState } from '@/components/empty-state';
import { ProgressBar } from '@/components/progress-bar';
import { MilestoneStatusBadge } from '@/components/status-badges';
import { formatDate } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';

/** Template order first (the plan reads as the trial unfolds), then by forecast date within a phase. */
function byPlanOrder(a: Milestone, b: Milestone): number {
  return (
    Phase.options.indexOf(a.phase) - Phase.options.indexOf(b.phase) ||
    a.forecastDate.localeCompare(b.forecastDate) ||
    a.code.localeCompare(b.code)
  );
}

export function MilestoneTable({
  milestones,
  consortiumName,
}: {
  milestones: Milestone[];
  consortiumName: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = (iso: string | null) =>
    iso ? formatDate(iso, locale) : <span className="muted">{t('common.none')}</span>;
  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">{t('milestones.heading')}</h2>
      {milestones.length === 0 ? (
        <EmptyState title={t('milestones.empty')} />
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="milestones-caption">
          <table className="table">
            <caption id="milestones-caption">
              {t('milestones.caption', { name: consortiumName })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('milestones.phase')}</th>
                <th scope="col">{t('milestones.title')}</th>
                <th scope="col">{t('milestones.status')}</th>
                <th scope="col">{t('milestones.baseline')}</th>
                <th scope="col">{t('milestones.forecast')}</th>
                <th scope="col">{t('milestones.actual')}</th>
                <th scope="col" className="num">
                  {t('milestones.slippage')}
                </th>
                <th scope="col">{t('milestones.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {[...milestones].sort(byPlanOrder).map((m) => {
                const slip = slippageDays(m);
                return (
                  <tr key={m.id}>
                    <td>{t(`phase.${m.phase}`)}</td>
                    <th scope="row">{m.title[locale]}</th>
                    <td>
                      <MilestoneStatusBadge status={m.status} />
                    </td>
                    <td className="nowrap">{date(m.baselineDate)}</td>
                    <td className="nowrap">{date(m.forecastDate)}</td>
                    <td className="nowrap">{date(m.actualDate)}</td>
                    <td className={slip > 0 ? 'num text-danger' : 'num'}>
                      {slip > 0
                        ? t('milestones.slippageDays', { count: slip })
                        : t('milestones.noSlippage')}
                    </td>
                    <td>
                      <ProgressBar
                        percent={m.progress}
                        label={t('common.percent', { value: m.progress })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
