import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';

/** A fresh installation before any programme is created: say so rather than show blank tables. */
export function NoProgramme({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title={t('programme.none.title')}>
        <p>{t('programme.none.body')}</p>
      </EmptyState>
    </>
  );
}
