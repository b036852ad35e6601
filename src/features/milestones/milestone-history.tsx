import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { milestoneHistoryQueryOptions } from '@/api/milestones';
import { EmptyState } from '@/components/empty-state';
import { AuditTable } from '@/features/activity/audit-table';
import type { EntityNames } from '@/features/activity/describe-entry';

/**
 * The milestone's audit entries: every change with who, when and what it was before. It loads
 * after the page, so a failure here says so in place and leaves the rest usable.
 */
export function MilestoneHistory({
  milestoneId,
  title,
  names,
}: {
  milestoneId: string;
  title: string;
  names: EntityNames;
}) {
  const { t } = useTranslation();
  const history = useInfiniteQuery(milestoneHistoryQueryOptions(milestoneId));
  const entries = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="ms-history-heading">
      <h2 id="ms-history-heading">{t('history.title')}</h2>
      {history.isPending ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : history.isError ? (
        <p className="form-error">{t('history.error')}</p>
      ) : entries.length === 0 ? (
        <EmptyState title={t('history.empty')} />
      ) : (
        <AuditTable
          entries={entries}
          names={names}
          caption={t('milestonePage.historyCaption', { title })}
          captionId="ms-history-caption"
        />
      )}
      {history.hasNextPage ? (
        <div className="actions load-more">
          <button
            type="button"
            className="button"
            disabled={history.isFetchingNextPage}
            onClick={() => void history.fetchNextPage()}
          >
            {history.isFetchingNextPage ? t('common.loading') : t('activity.older')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
