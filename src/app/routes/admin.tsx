import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ensureCurrentProgramme, useCurrentProgramme } from '@/api/programmes';
import { NoProgramme } from '@/components/no-programme';
import { PageHeader } from '@/components/page-header';
import { AdminTabs } from '@/features/admin/admin-tabs';
import { ProgrammeSettings } from '@/features/admin/programme-settings';

export const loader = (queryClient: QueryClient) => async () => {
  await ensureCurrentProgramme(queryClient);
  return null;
};

export function Component() {
  const { t } = useTranslation();
  const programme = useCurrentProgramme();
  if (!programme) return <NoProgramme title={t('admin.title')} />;
  return (
    <>
      <PageHeader title={t('admin.title')} eyebrow={programme.name}>
        <p>{t('admin.intro')}</p>
      </PageHeader>
      <AdminTabs />
      <ProgrammeSettings programme={programme} />
    </>
  );
}
