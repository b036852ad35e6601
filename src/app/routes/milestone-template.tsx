import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Programme } from '@domain/contract/programme';
import { milestoneTemplateQueryOptions, useMilestoneTemplate } from '@/api/milestone-plans';
import { ensureCurrentProgramme, useCurrentProgramme } from '@/api/programmes';
import { NoProgramme } from '@/components/no-programme';
import { PageHeader } from '@/components/page-header';
import { AdminTabs } from '@/features/admin/admin-tabs';
import { TemplateEditor } from '@/features/milestones/template-editor';

export const loader = (queryClient: QueryClient) => async () => {
  const programme = await ensureCurrentProgramme(queryClient);
  if (programme) await queryClient.ensureQueryData(milestoneTemplateQueryOptions(programme.id));
  return null;
};

export function Component() {
  const { t } = useTranslation();
  const programme = useCurrentProgramme();
  if (!programme) return <NoProgramme title={t('admin.title')} />;
  return <TemplateScreen programme={programme} />;
}

function TemplateScreen({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const template = useMilestoneTemplate(programme.id);
  return (
    <>
      <PageHeader title={t('admin.title')} eyebrow={programme.name}>
        <p>{t('admin.intro')}</p>
      </PageHeader>
      <AdminTabs />
      <TemplateEditor template={template} />
    </>
  );
}
