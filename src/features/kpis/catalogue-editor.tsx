import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { KpiDefinition } from '@domain/contract/kpi';
import { classifyApiError } from '@/api/errors';
import { useCreateKpi, usePatchKpi } from '@/api/kpis';
import { setFieldProblems, useFocusFirstInvalid } from '@/lib/form-field-errors';
import {
  changesMeaning,
  definitionDraftOf,
  definitionFieldOf,
  definitionSchema,
  EMPTY_DEFINITION,
  type DefinitionDraft,
  type DefinitionSave,
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
  const kpi = target.mode === 'edit' ? target.kpi : null;
  const form = useForm<DefinitionDraft, unknown, DefinitionSave>({
    defaultValues: kpi ? definitionDraftOf(kpi) : EMPTY_DEFINITION,
    resolver: zodResolver(definitionSchema(kpi)),
    // As before the move to react-hook-form: a message stays until the next save.
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const { containerRef: formRef, focusFirstInvalid } = useFocusFirstInvalid<HTMLFormElement>();
  const draft = { ...EMPTY_DEFINITION, ...useWatch({ control: form.control }) };
  const [problem, setProblem] = useState<Problem>(null);
  const create = useCreateKpi();
  const patch = usePatchKpi();

  const onError = (error: unknown) => {
    const refusal = classifyApiError(error, { fieldOf: definitionFieldOf });
    if (refusal.kind === 'fields') {
      setFieldProblems(form.setError, refusal.fields);
      focusFirstInvalid();
    } else {
      setProblem(refusal.kind === 'general' && refusal.reason === 'stale' ? 'conflict' : 'server');
    }
  };

  const submit = form.handleSubmit((save) => {
    setProblem(null);
    if (save.kind === 'unchanged') return onDone('unchanged');
    if (save.kind === 'create')
      return create.mutate(
        { programmeId, input: save.input },
        { onSuccess: () => onDone('created'), onError },
      );
    if (kpi)
      patch.mutate(
        { kpiId: kpi.id, version: kpi.version, patch: save.patch },
        { onSuccess: () => onDone('updated'), onError },
      );
  }, focusFirstInvalid);

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
        form={form}
        formRef={formRef}
        newVersion={kpi !== null && changesMeaning(kpi, draft)}
        pending={create.isPending || patch.isPending}
        problem={
          problem ? (
            <p className="form-problem" role="alert">
              {t(`kpiCatalogue.problem.${problem}`)}
            </p>
          ) : null
        }
        onSubmit={(event) => void submit(event)}
        onCancel={() => onDone(null)}
      />
    </section>
  );
}
