import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReviewItem } from '@domain/contract/milestone';
import { EmptyState } from '@/components/empty-state';
import { Icon } from '@/components/icons';
import { formatDate, formatDateTime } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useLocale } from '@/lib/use-locale';

/**
 * Submissions awaiting the incubator's decision, in the server's order: oldest first, as the one
 * waiting longest is the one to look at. Each opens the milestone's page, where the evidence,
 * linked KPI values and history are and where the decision is taken.
 */
export function ReviewQueue({ items }: { items: ReviewItem[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (items.length === 0) {
    return (
      <EmptyState title={t('reviews.empty.title')}>
        <p>{t('reviews.empty.body')}</p>
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="reviews-caption">
      <table className="table table-cards review-table">
        <caption id="reviews-caption">{t('reviews.caption', { count: items.length })}</caption>
        <thead>
          <tr>
            <th scope="col" className="ms-sticky">
              {t('milestones.title')}
            </th>
            <th scope="col">{t('reviewQueue.waiting')}</th>
            <th scope="col">{t('reviews.consortium')}</th>
            <th scope="col">{t('milestones.phase')}</th>
            <th scope="col">{t('reviewQueue.submittedBy')}</th>
            <th scope="col">{t('milestones.forecast')}</th>
            <th scope="col">{t('reviewQueue.needs')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map(
            ({
              milestone: m,
              consortium: c,
              submittedAt,
              submittedBy,
              waitingDays,
              evidenceCovered,
            }) => (
              <tr key={m.id}>
                <th scope="row" className="ms-sticky">
                  <Link to={paths.milestone.getHref(m.id)}>{m.title[locale]}</Link>
                </th>
                <td className="nowrap" data-label={t('reviewQueue.waiting')}>
                  <strong>{t('reviewQueue.waitingDays', { count: waitingDays })}</strong>
                  <span className="block muted small">
                    {t('reviewQueue.since', { date: formatDateTime(submittedAt, locale) })}
                  </span>
                </td>
                <td data-label={t('reviews.consortium')}>
                  <Link to={paths.consortium.getHref(c.id)}>{c.name}</Link>
                </td>
                <td data-label={t('milestones.phase')}>
                  <span className="ms-code">{m.code}</span> {t(`phase.${m.phase}`)}
                </td>
                <td data-label={t('reviewQueue.submittedBy')}>{submittedBy}</td>
                <td className="nowrap" data-label={t('milestones.forecast')}>
                  {formatDate(m.forecastDate, locale)}
                </td>
                <td data-label={t('reviewQueue.needs')}>
                  <span className="block">
                    {m.evidenceExpected.length === 0
                      ? t('reviewQueue.evidenceNone')
                      : t('reviewQueue.evidenceCovered', {
                          covered: evidenceCovered,
                          expected: m.evidenceExpected.length,
                        })}
                  </span>
                  {m.requiresKpiValues ? (
                    <span className="block muted small">
                      <Icon name="check" /> {t('reviewQueue.kpisLinked')}
                    </span>
                  ) : null}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
