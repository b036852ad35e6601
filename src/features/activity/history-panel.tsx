import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { consortiumHistoryQueryOptions } from '@/api/audit';
import { EmptyState } from '@/components/empty-state';
import { AuditTable } from './audit-table';
import type { EntityNames } from './describe-entry';

/**
 * "History" of one consortium for everyone who can see it. It loads on its own, after the
 * overview: a failure here says so in place and leaves the rest of the page usable.
 */
export function HistoryPanel({
  consortiumId,
  consortiumName,
  names,
}: {
  consortiumId: string;
  consortiumName: string;
  names: EntityNames;
}) {
  const { t } = useTranslation();
  const history = useInfiniteQuery(consortiumHistoryQueryOptions(consortiumId));
  const entries = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.title')}</h2>
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
          caption={t('history.caption', { name: consortiumName })}
          captionId="history-caption"
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
