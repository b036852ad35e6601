import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  MilestoneTemplate,
  type MilestoneTemplateInput,
  type Phase,
} from '@domain/contract/milestone';
import { classifyApiError, isApiError } from '@/api/errors';
import { adoptTemplate, usePutMilestoneTemplate } from '@/api/milestone-plans';
import { useFocusFirstInvalid } from '@/lib/form-field-errors';
import { showServerProblems } from '@/lib/forms';
import { useConflictStep } from '@/lib/use-conflict-step';
import { classifyMilestoneError, type MilestoneProblem } from './milestone-problems';
import { ProblemMessage } from './problem-message';
import { TemplateConflict } from './template-conflict';
import { TemplateItemEditor } from './template-item-editor';
import {
  emptyItem,
  formPathOf,
  LIST_PROBLEMS,
  templateForm,
  toItemInput,
  type TemplateForm,
} from './template-schema';

type Notice = 'saved' | 'keptTheirs' | null;

/** What the user would send, and everything they typed, kept whole through a conflict. */
interface Mine {
  input: MilestoneTemplateInput;
  typed: TemplateForm;
}

const resolver = zodResolver(templateForm);

/**
 * The programme's milestone template: phases with code, FR/EN titles, description, offset and
 * duration in months, expected evidence and whether KPI values are required. Saved whole with
 * If-Match; a conflict shows what differs and lets the manager choose.
 */
export function TemplateEditor({ template }: { template: MilestoneTemplate }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = usePutMilestoneTemplate();
  const step = useConflictStep<MilestoneTemplate, Mine>();
  const { containerRef, focusFirstInvalid } = useFocusFirstInvalid<HTMLFormElement>();
  const [version, setVersion] = useState(template.version);
  const [problem, setProblem] = useState<MilestoneProblem | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const form = useForm<TemplateForm, unknown, MilestoneTemplateInput>({
    resolver,
    defaultValues: { items: template.items.map(toItemInput) },
    reValidateMode: 'onSubmit',
  });
  const items = useFieldArray({ control: form.control, name: 'items' });
  const { errors } = form.formState;

  function send(at: number, mine: Mine) {
    setProblem(null);
    save.mutate(
      { programmeId: template.programmeId, version: at, template: mine.input },
      {
        onSuccess: (saved) => {
          setVersion(saved.version);
          setNotice('saved');
        },
        onError: (error) => {
          const found = classifyApiError(error, {
            current: MilestoneTemplate,
            fieldOf: formPathOf,
          });
          if (found.kind === 'conflict') return step.open(found.current, mine);
          if (found.kind === 'fields') {
            // Focus goes to the first refused field on the page, as after the form's own check:
            // no list of paths to keep in step with the item's layout.
            showServerProblems(form.setError, found.fields, [], false);
            return focusFirstInvalid();
          }
          // The template's own refusals are worded from the server's reason.
          setProblem(
            isApiError(error)
              ? classifyMilestoneError(error)
              : { kind: 'retryable', reason: 'server' },
          );
        },
      },
    );
  }

  const submit = form.handleSubmit(
    (input) => {
      setNotice(null);
      send(version, { input, typed: form.getValues() });
    },
    () => {
      setNotice(null);
      focusFirstInvalid();
    },
  );

  function applyMine() {
    const again = step.applyMine();
    if (!again) return;
    // Back to the form at once with what the user typed: a refusal is then shown beside it.
    form.reset(again.mine.typed);
    step.close();
    send(again.version, again.mine);
  }

  function keepTheirs() {
    const theirs = step.keepTheirs();
    if (!theirs) return;
    adoptTemplate(queryClient, theirs);
    setVersion(theirs.version);
    form.reset({ items: theirs.items.map(toItemInput) });
    setNotice('keptTheirs');
  }

  if (step.conflict) {
    return (
      <TemplateConflict
        theirs={step.conflict.theirs}
        mine={step.conflict.mine.input}
        pending={save.isPending}
        onApplyMine={applyMine}
        onKeepTheirs={keepTheirs}
      />
    );
  }

  const listProblems = LIST_PROBLEMS.filter((k) => errors.root?.[k]);
  const invalidItems = Array.isArray(errors.items) ? errors.items.filter(Boolean).length : 0;
  // Read at the click: a phase changed in its select does not re-render the editor.
  const lastPhase = (): Phase => form.getValues('items').at(-1)?.phase ?? 'selection';

  return (
    <form
      ref={containerRef}
      className="tpl-editor"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="tpl-heading"
    >
      <h2 id="tpl-heading">{t('milestoneTemplate.heading')}</h2>
      <p className="muted">{t('milestoneTemplate.intro')}</p>
      {listProblems.length > 0 || invalidItems > 0 ? (
        <div className="error-summary" role="alert">
          <h3>{t('milestoneTemplate.invalid')}</h3>
          <ul>
            {listProblems.map((k) => (
              <li key={k}>{t(`milestoneTemplate.listErrors.${k}`)}</li>
            ))}
            {invalidItems > 0 ? (
              <li>{t('milestoneTemplate.itemsInvalid', { count: invalidItems })}</li>
            ) : null}
          </ul>
        </div>
      ) : null}
      {items.fields.map((item, index) => (
        <TemplateItemEditor
          key={item.id}
          id={`tpl-${item.id}`}
          form={form}
          index={index}
          count={items.fields.length}
          onMove={(by) => items.move(index, index + by)}
          onRemove={() => items.remove(index)}
        />
      ))}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => items.append(emptyItem(lastPhase()), { shouldFocus: false })}
        >
          {t('milestoneTemplate.addItem')}
        </button>
      </div>
      {problem ? <ProblemMessage problem={problem} /> : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('milestoneEdit.saving') : t('milestoneTemplate.save')}
        </button>
      </div>
      <p role="status" className={notice ? 'edit-status edit-status-saved' : 'edit-status'}>
        {notice ? t(`milestoneTemplate.done.${notice}`) : null}
      </p>
    </form>
  );
}
