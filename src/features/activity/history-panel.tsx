import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@domain/contract/reporting';
import { consortiumHistoryQueryOptions } from '@/api/audit';
import { EmptyState } from '@/components/empty-state';
import { AuditTable } from './audit-table';
import type { EntityNames } from './sentence-parts';

/** The parts of a paged audit query that a history section reads. */
interface AuditHistoryQuery {
  data?: { pages: { items: AuditEntry[] }[] };
  isPending: boolean;
  isError: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

interface AuditHistoryProps {
  history: AuditHistoryQuery;
  names: EntityNames;
  /** Ids must differ between the histories that can share a page. */
  headingId: string;
  caption: string;
  captionId: string;
}

/**
 * The audit entries of one thing (a consortium, a milestone), older pages on demand. It loads
 * after the page, so a failure here says so in place and leaves the rest usable.
 */
export function AuditHistory({ history, names, headingId, caption, captionId }: AuditHistoryProps) {
  const { t } = useTranslation();
  const entries = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('history.title')}</h2>
      {history.isPending ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : history.isError ? (
        <p className="form-error">{t('history.error')}</p>
      ) : entries.length === 0 ? (
        <EmptyState title={t('history.empty')} />
      ) : (
        <AuditTable entries={entries} names={names} caption={caption} captionId={captionId} />
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

/** "History" of one consortium for everyone who can see it. */
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
  return (
    <AuditHistory
      history={history}
      names={names}
      headingId="history-heading"
      caption={t('history.caption', { name: consortiumName })}
      captionId="history-caption"
    />
  );
}
