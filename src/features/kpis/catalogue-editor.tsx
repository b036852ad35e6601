import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiDefinition } from '@domain/contract/kpi';
import { isApiError } from '@/api/errors';
import { fieldProblems } from '@/api/kpi-values';
import { useCreateKpi, usePatchKpi } from '@/api/kpis';
import {
  buildCreate,
  buildPatch,
  changesMeaning,
  definitionDraftOf,
  EMPTY_DEFINITION,
  type DefinitionDraft,
  type DefinitionErrors,
} from './definition-draft';
import { DefinitionForm } from './definition-form';

export type CatalogueTarget = { mode: 'create' } | { mode: 'edit'; kpi: KpiDefinition };

interface CatalogueEditorProps {
  programmeId: string;
  target: CatalogueTarget;
  onDone: (notice: 'created' | 'updated' | 'unchanged' | null) => void;
}

type Problem = 'conflict' | 'server' | null;

/** Adds an indicator or edits one (If-Match); refusals land on the fields they name. */
export function CatalogueEditor({ programmeId, target, onDone }: CatalogueEditorProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<DefinitionDraft>(() =>
    target.mode === 'edit' ? definitionDraftOf(target.kpi) : EMPTY_DEFINITION,
  );
  const [errors, setErrors] = useState<DefinitionErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<Problem>(null);
  const create = useCreateKpi();
  const patch = usePatchKpi();

  const refuse = (next: DefinitionErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };
  const onError = (error: unknown) => {
    const named = fieldProblems(error);
    if (named.length > 0) refuse(Object.fromEntries(named.map((p) => [p.field, p.code])));
    else setProblem(isApiError(error) && error.status === 412 ? 'conflict' : 'server');
  };

  function submit() {
    setProblem(null);
    if (target.mode === 'create') {
      const built = buildCreate(draft);
      if (!built.ok) return refuse(built.errors);
      setErrors({});
      create.mutate(
        { programmeId, input: built.input },
        { onSuccess: () => onDone('created'), onError },
      );
      return;
    }
    const built = buildPatch(target.kpi, draft);
    if (built.ok === 'unchanged') return onDone('unchanged');
    if (!built.ok) return refuse(built.errors);
    setErrors({});
    patch.mutate(
      { kpiId: target.kpi.id, version: target.kpi.version, patch: built.patch },
      { onSuccess: () => onDone('updated'), onError },
    );
  }

  const headingId = 'catalogue-editor-heading';
  return (
    <section className="panel edit-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {target.mode === 'create'
          ? t('kpiCatalogue.createTitle')
          : t('kpiCatalogue.editTitle', { code: target.kpi.code })}
      </h2>
      <DefinitionForm
        mode={target.mode}
        draft={draft}
        errors={errors}
        attempt={attempt}
        newVersion={target.mode === 'edit' && changesMeaning(target.kpi, draft)}
        pending={create.isPending || patch.isPending}
        problem={
          problem ? (
            <p className="form-problem" role="alert">
              {t(`kpiCatalogue.problem.${problem}`)}
            </p>
          ) : null
        }
        onChange={setDraft}
        onSubmit={submit}
        onCancel={() => onDone(null)}
      />
    </section>
  );
}
