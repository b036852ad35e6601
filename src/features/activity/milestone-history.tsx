import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { milestoneHistoryQueryOptions } from '@/api/milestones';
import { AuditHistory } from './history-panel';
import type { EntityNames } from './sentence-parts';

/** The milestone's audit entries: every change with who, when and what it was before. */
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
  return (
    <AuditHistory
      history={history}
      names={names}
      headingId="ms-history-heading"
      caption={t('milestonePage.historyCaption', { title })}
      captionId="ms-history-caption"
    />
  );
}
