import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Consortium } from '@domain/contract/consortium';
import type { Milestone } from '@domain/contract/milestone';
import { paths } from '@/lib/paths';
import { EmptyState } from '@/components/empty-state';
import { formatDate, formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';

export interface ReviewItem {
  milestone: Milestone;
  consortium: Pick<Consortium, 'id' | 'name'>;
}

/**
 * Submitted milestones awaiting the incubator's decision, oldest first: the one waiting longest
 * is the one to look at. updatedAt is when the milestone last changed, i.e. its submission.
 */
export function reviewQueue(
  consortia: Consortium[],
  milestonesByConsortium: Milestone[][],
): ReviewItem[] {
  return consortia
    .flatMap((consortium, i) =>
      (milestonesByConsortium[i] ?? [])
        .filter((m) => m.status === 'submitted')
        .map((milestone) => ({
          milestone,
          consortium: { id: consortium.id, name: consortium.name },
        })),
    )
    .sort((a, b) => a.milestone.updatedAt.localeCompare(b.milestone.updatedAt));
}

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
      <table className="table">
        <caption id="reviews-caption">{t('reviews.caption', { count: items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reviews.submittedAt')}</th>
            <th scope="col">{t('reviews.consortium')}</th>
            <th scope="col">{t('milestones.phase')}</th>
            <th scope="col">{t('milestones.title')}</th>
            <th scope="col">{t('milestones.forecast')}</th>
            <th scope="col" className="num">
              {t('reviews.evidence')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map(({ milestone: m, consortium: c }) => (
            <tr key={m.id}>
              <td className="nowrap">{formatDateTime(m.updatedAt, locale)}</td>
              <td>
                <Link to={paths.consortium.getHref(c.id)}>{c.name}</Link>
              </td>
              <td>{t(`phase.${m.phase}`)}</td>
              <th scope="row">{m.title[locale]}</th>
              <td className="nowrap">{formatDate(m.forecastDate, locale)}</td>
              <td className="num">{m.evidenceCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
