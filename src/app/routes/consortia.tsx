import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { consortiaQueryOptions, useConsortia } from '@/api/consortia';
import { ensureCurrentProgramme, useCurrentProgramme } from '@/api/programmes';
import { EmptyState } from '@/components/empty-state';
import { NoProgramme } from '@/components/no-programme';
import { PageHeader } from '@/components/page-header';
import { ConsortiaTable } from '@/features/consortia/consortia-table';
import type { Programme } from '@domain/contract/programme';

export const loader = (queryClient: QueryClient) => async () => {
  const programme = await ensureCurrentProgramme(queryClient);
  if (programme) await queryClient.ensureQueryData(consortiaQueryOptions(programme.id));
  return null;
};

export function Component() {
  const { t } = useTranslation();
  const programme = useCurrentProgramme();
  if (!programme) return <NoProgramme title={t('nav.consortia')} />;
  return <ConsortiaScreen programme={programme} />;
}

function ConsortiaScreen({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const { items } = useConsortia(programme.id);
  return (
    <>
      <PageHeader title={t('consortia.title')} eyebrow={programme.name} />
      {items.length === 0 ? (
        <EmptyState title={t('portfolio.empty.title')}>
          <p>{t('portfolio.empty.body')}</p>
        </EmptyState>
      ) : (
        <ConsortiaTable consortia={items} programmeName={programme.name} />
      )}
    </>
  );
}
