import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IsoDate } from '@domain/contract/common';
import { daysLate, isLate, slippageDays } from '@domain/rules/milestone-health';
import { Icon } from '@/components/icons';
import { MilestoneStatusBadge } from '@/components/status-badges';
import { formatDate } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useLocale } from '@/lib/use-locale';
import type { TimelineGroup } from './timeline-groups';

/** The timeline's data as a table: the same rows and dates, one table per consortium. */
export function TimelineTable({ groups, today }: { groups: TimelineGroup[]; today: IsoDate }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = (d: IsoDate | null) =>
    d ? formatDate(d, locale) : <span className="muted">{t('common.none')}</span>;
  return (
    <div className="timeline-tables">
      {groups.map((group) => {
        const captionId = `tl-table-${group.consortium.id}`;
        return (
          <div
            key={group.consortium.id}
            className="table-wrap"
            tabIndex={0}
            role="region"
            aria-labelledby={captionId}
          >
            <table className="table ms-table">
              <caption id={captionId}>
                {t('programmeTimeline.tableCaption', { name: group.consortium.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="ms-sticky">
                    {t('milestones.title')}
                  </th>
                  <th scope="col">{t('milestones.status')}</th>
                  <th scope="col">{t('milestonePage.start')}</th>
                  <th scope="col">{t('milestoneTable.baselineShort')}</th>
                  <th scope="col">{t('milestoneTable.forecastShort')}</th>
                  <th scope="col">{t('milestoneTable.actualShort')}</th>
                  <th scope="col" className="num">
                    {t('milestones.slippage')}
                  </th>
                  <th scope="col">{t('programmeTimeline.late')}</th>
                </tr>
              </thead>
              <tbody>
                {group.milestones.map((m) => {
                  const slip = slippageDays(m);
                  const late = isLate(m, today);
                  return (
                    <tr key={m.id}>
                      <th scope="row" className="ms-sticky">
                        <span className="ms-code">{m.code}</span>{' '}
                        <Link to={paths.milestone.getHref(m.id)}>{m.title[locale]}</Link>
                      </th>
                      <td>
                        <MilestoneStatusBadge status={m.status} />
                      </td>
                      <td className="nowrap">{date(m.startDate)}</td>
                      <td className="nowrap">{date(m.baselineDate)}</td>
                      <td className="nowrap">{date(m.forecastDate)}</td>
                      <td className="nowrap">{date(m.actualDate)}</td>
                      <td className="num nowrap">
                        {slip > 0
                          ? t('milestones.slippageDays', { count: slip })
                          : t('milestones.noSlippage')}
                      </td>
                      <td>
                        {late ? (
                          <span className="tl-late">
                            <Icon name="warning" />
                            {t('milestoneHealth.lateBy', { count: daysLate(m, today) })}
                          </span>
                        ) : (
                          t('programmeTimeline.notLate')
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
