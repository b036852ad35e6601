import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { consortiaQueryOptions } from '@/api/consortia';
import { ensureCurrentProgramme, useCurrentProgramme } from '@/api/programmes';
import { usersQueryOptions } from '@/api/users';
import { NoProgramme } from '@/components/no-programme';
import { PageHeader } from '@/components/page-header';
import { AdminTabs } from '@/features/admin/admin-tabs';
import { UsersAdmin } from '@/features/users/users-admin';

export const loader = (queryClient: QueryClient) => async () => {
  const programme = await ensureCurrentProgramme(queryClient);
  if (programme) {
    // Non-managers are refused here by the server (403), and the error screen says so.
    await Promise.all([
      queryClient.ensureQueryData(usersQueryOptions(programme.id)),
      queryClient.ensureQueryData(consortiaQueryOptions(programme.id)),
    ]);
  }
  return null;
};

export function Component() {
  const { t } = useTranslation();
  const programme = useCurrentProgramme();
  if (!programme) return <NoProgramme title={t('users.title')} />;
  return (
    <>
      <PageHeader title={t('users.title')} eyebrow={programme.name}>
        <p>{t('users.intro')}</p>
      </PageHeader>
      <AdminTabs />
      <UsersAdmin programme={programme} />
    </>
  );
}
