import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Programme } from '@domain/contract/programme';
import {
  ensureCurrentProgramme,
  periodsQueryOptions,
  useCurrentProgramme,
  usePeriods,
} from '@/api/programmes';
import { EmptyState } from '@/components/empty-state';
import { NoProgramme } from '@/components/no-programme';
import { PageHeader } from '@/components/page-header';
import { PeriodsTable } from '@/features/periods/periods-table';

export const loader = (queryClient: QueryClient) => async () => {
  const programme = await ensureCurrentProgramme(queryClient);
  if (programme) await queryClient.ensureQueryData(periodsQueryOptions(programme.id));
  return null;
};

export function Component() {
  const { t } = useTranslation();
  const programme = useCurrentProgramme();
  if (!programme) return <NoProgramme title={t('reports.title')} />;
  return <ReportsScreen programme={programme} />;
}

function ReportsScreen({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const { items } = usePeriods(programme.id);
  return (
    <>
      <PageHeader title={t('reports.title')} eyebrow={programme.name}>
        <p>{t('reports.intro')}</p>
      </PageHeader>
      {items.length === 0 ? (
        <EmptyState title={t('reports.empty.title')}>
          <p>{t('reports.empty.body')}</p>
        </EmptyState>
      ) : (
        <PeriodsTable periods={items} programmeName={programme.name} />
      )}
    </>
  );
}
