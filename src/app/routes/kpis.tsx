import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Programme } from '@domain/contract/programme';
import { kpiCatalogueQueryOptions, useKpiCatalogue } from '@/api/kpis';
import { ensureCurrentProgramme, useCurrentProgramme } from '@/api/programmes';
import { EmptyState } from '@/components/empty-state';
import { NoProgramme } from '@/components/no-programme';
import { PageHeader } from '@/components/page-header';
import { KpiCatalogueTable } from '@/features/kpis/kpi-catalogue-table';

export const loader = (queryClient: QueryClient) => async () => {
  const programme = await ensureCurrentProgramme(queryClient);
  if (programme) await queryClient.ensureQueryData(kpiCatalogueQueryOptions(programme.id));
  return null;
};

export function Component() {
  const { t } = useTranslation();
  const programme = useCurrentProgramme();
  if (!programme) return <NoProgramme title={t('catalogue.title')} />;
  return <CatalogueScreen programme={programme} />;
}

function CatalogueScreen({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const { items } = useKpiCatalogue(programme.id);
  return (
    <>
      <PageHeader title={t('catalogue.title')} eyebrow={programme.name}>
        <p>{t('catalogue.intro')}</p>
      </PageHeader>
      {items.length === 0 ? (
        <EmptyState title={t('catalogue.empty')} />
      ) : (
        <KpiCatalogueTable kpis={items} programmeName={programme.name} />
      )}
    </>
  );
}
