import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Programme } from '@domain/contract/programme';
import { consortiaQueryOptions, useConsortia } from '@/api/consortia';
import { milestonesQueryOptions, useMilestonesOf } from '@/api/milestones';
import { ensureCurrentProgramme, useCurrentProgramme } from '@/api/programmes';
import { NoProgramme } from '@/components/no-programme';
import { PageHeader } from '@/components/page-header';
import { ReviewQueue, reviewQueue } from '@/features/milestones/review-queue';

export const loader = (queryClient: QueryClient) => async () => {
  const programme = await ensureCurrentProgramme(queryClient);
  if (!programme) return null;
  const { items } = await queryClient.ensureQueryData(consortiaQueryOptions(programme.id));
  // One list per consortium, fetched in parallel: the API has no cross-consortium milestone query yet.
  await Promise.all(items.map((c) => queryClient.ensureQueryData(milestonesQueryOptions(c.id))));
  return null;
};

export function Component() {
  const { t } = useTranslation();
  const programme = useCurrentProgramme();
  if (!programme) return <NoProgramme title={t('reviews.title')} />;
  return <ReviewsScreen programme={programme} />;
}

function ReviewsScreen({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const { items: consortia } = useConsortia(programme.id);
  const milestones = useMilestonesOf(consortia.map((c) => c.id));
  return (
    <>
      <PageHeader title={t('reviews.title')} eyebrow={programme.name}>
        <p>{t('reviews.intro')}</p>
      </PageHeader>
      <ReviewQueue items={reviewQueue(consortia, milestones)} />
    </>
  );
}
