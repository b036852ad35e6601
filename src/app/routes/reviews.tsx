import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Programme } from '@domain/contract/programme';
import { ensureCurrentProgramme, useCurrentProgramme } from '@/api/programmes';
import { reviewsQueryOptions, useReviews } from '@/api/reviews';
import { NoProgramme } from '@/components/no-programme';
import { PageHeader } from '@/components/page-header';
import { ReviewQueue } from '@/features/milestones/review-queue';

export const loader = (queryClient: QueryClient) => async () => {
  const programme = await ensureCurrentProgramme(queryClient);
  if (programme) await queryClient.ensureQueryData(reviewsQueryOptions(programme.id));
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
  const { items } = useReviews(programme.id);
  return (
    <>
      <PageHeader title={t('reviews.title')} eyebrow={programme.name}>
        <p>{t('reviews.intro')}</p>
      </PageHeader>
      <ReviewQueue items={items} />
    </>
  );
}
