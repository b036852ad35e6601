import type { QueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme } from '@domain/contract/programme';
import { can } from '@domain/rules/permissions';
import { kpiCatalogueQueryOptions, useKpiCatalogue } from '@/api/kpis';
import { ensureCurrentProgramme, useCurrentProgramme } from '@/api/programmes';
import { EmptyState } from '@/components/empty-state';
import { NoProgramme } from '@/components/no-programme';
import { PageHeader } from '@/components/page-header';
import { CatalogueEditor, type CatalogueTarget } from '@/features/kpis/catalogue-editor';
import { KpiCatalogueTable } from '@/features/kpis/kpi-catalogue-table';
import { principalOf, useMe } from '@/lib/access';
import '@/styles/kpis.css';

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

type Notice = 'created' | 'updated' | 'unchanged' | null;

function CatalogueScreen({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const { items } = useKpiCatalogue(programme.id);
  const canManage = can(principalOf(useMe()), 'kpi.manage', { programmeId: programme.id });
  const [target, setTarget] = useState<CatalogueTarget | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  const open = (next: CatalogueTarget) => {
    setNotice(null);
    setTarget(next);
  };
  const done = (next: Notice) => {
    setTarget(null);
    setNotice(next);
    addRef.current?.focus();
  };
  return (
    <>
      <PageHeader title={t('catalogue.title')} eyebrow={programme.name}>
        <p>{t('catalogue.intro')}</p>
      </PageHeader>
      {canManage ? (
        <div className="actions page-actions">
          <button
            ref={addRef}
            type="button"
            className="button button-primary"
            onClick={() => open({ mode: 'create' })}
            disabled={target !== null}
          >
            {t('kpiCatalogue.add')}
          </button>
        </div>
      ) : null}
      <p role="status" className="edit-status">
        {notice ? t(`kpiCatalogue.notice.${notice}`) : null}
      </p>
      {target ? (
        <CatalogueEditor
          key={target.mode === 'edit' ? target.kpi.id : 'new'}
          programmeId={programme.id}
          // The catalogue as stored now: after a 412 the next save goes against the new version.
          target={
            target.mode === 'edit'
              ? { mode: 'edit', kpi: items.find((k) => k.id === target.kpi.id) ?? target.kpi }
              : target
          }
          onDone={done}
        />
      ) : null}
      {items.length === 0 ? (
        <EmptyState title={t('catalogue.empty')} />
      ) : (
        <KpiCatalogueTable
          kpis={items}
          programmeName={programme.name}
          onEdit={canManage ? (kpi) => open({ mode: 'edit', kpi }) : undefined}
        />
      )}
    </>
  );
}
