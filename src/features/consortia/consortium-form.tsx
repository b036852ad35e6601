import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '@/components/error-summary';
import { formatInteger } from '@/lib/format';
import { brokenRule } from '@/lib/forms';
import { useLocale } from '@/lib/use-locale';
import {
  EDITABLE_FIELDS,
  errorFor,
  type DetailsInput,
  type DetailsOutput,
  type EditableField,
  type FieldError,
} from './consortium-schema';

export const fieldId = (field: EditableField) => `consortium-edit-${field}`;
const errorId = (field: EditableField) => `${fieldId(field)}-error`;
const BUDGET_HINT_ID = 'consortium-edit-budget-hint';

function useFieldMessage() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (error: FieldError) =>
    t(`consortiumEditor.errors.${error.key}`, {
      limit: error.limit === undefined ? '' : formatInteger(error.limit, locale),
    });
}

interface ConsortiumFormProps {
  form: UseFormReturn<DetailsInput, unknown, DetailsOutput>;
  /** Changes on every rejected submit, so the summary is announced and focused again. */
  attempt: number;
  pending: boolean;
  /** A save-level message (refusal, network failure) with its action, shown above the buttons. */
  problem?: ReactNode;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
}

/** The fields, their messages and the error summary; the editor owns the requests. */
export function ConsortiumForm({
  form,
  attempt,
  pending,
  problem,
  onSubmit,
  onCancel,
}: ConsortiumFormProps) {
  const { t } = useTranslation();
  const message = useFieldMessage();
  const { register, setFocus, formState } = form;
  const errors: Partial<Record<EditableField, FieldError>> = Object.fromEntries(
    EDITABLE_FIELDS.flatMap((f) => {
      const rule = brokenRule(formState.errors[f]);
      return rule ? [[f, errorFor(f, rule)]] : [];
    }),
  );
  const invalid = EDITABLE_FIELDS.filter((f) => errors[f]);
  // The first field on opening; when the form comes back with refusals the summary has focus.
  const [focusFirst] = useState(invalid.length === 0);
  useEffect(() => {
    if (focusFirst) setFocus('name');
  }, [focusFirst, setFocus]);

  function field(name: EditableField) {
    const error = errors[name];
    const describedBy = [name === 'budgetEur' ? BUDGET_HINT_ID : null, error ? errorId(name) : null]
      .filter(Boolean)
      .join(' ');
    const common = {
      ...register(name),
      id: fieldId(name),
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy || undefined,
      className: error ? 'input input-invalid' : 'input',
    };
    return (
      <div className={`field field-${name}`} key={name}>
        <label htmlFor={fieldId(name)}>{t(`consortiumEditor.fields.${name}`)}</label>
        {name === 'budgetEur' ? (
          <p id={BUDGET_HINT_ID} className="field-hint">
            {t('consortiumEditor.budgetHint')}
          </p>
        ) : null}
        {error ? (
          <p id={errorId(name)} className="field-error">
            {message(error)}
          </p>
        ) : null}
        {name === 'description' ? (
          <textarea {...common} rows={5} />
        ) : (
          <input
            {...common}
            type="text"
            inputMode={name === 'budgetEur' ? 'numeric' : undefined}
            autoComplete="off"
            required={name === 'name'}
          />
        )}
      </div>
    );
  }

  return (
    <form
      className="edit-form"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="consortium-edit-heading"
    >
      <h2 id="consortium-edit-heading">{t('consortiumEditor.heading')}</h2>
      <p className="muted small">{t('consortiumEditor.intro')}</p>
      {invalid.length > 0 ? (
        <ErrorSummary
          key={attempt}
          id="consortium-edit-summary"
          title={t('consortiumEditor.summary', { count: invalid.length })}
          items={invalid.map((f) => ({
            fieldId: fieldId(f),
            text: t('consortiumEditor.summaryItem', {
              field: t(`consortiumEditor.fields.${f}`),
              message: message(errors[f]!),
            }),
          }))}
        />
      ) : null}
      <div className="edit-fields">{EDITABLE_FIELDS.map(field)}</div>
      {problem}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('consortiumEditor.saving') : t('consortiumEditor.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('consortiumEditor.cancel')}
        </button>
      </div>
    </form>
  );
}
