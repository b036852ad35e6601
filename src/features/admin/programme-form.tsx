import type { FormEvent, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { ErrorSummary } from '@/components/error-summary';
import {
  NUMBER_FIELDS,
  rangeOf,
  SETTING_FIELDS,
  TEXT_FIELDS,
  type Draft,
  type FieldError,
  type FieldErrors,
  type NumberField,
  type SettingField,
  type TextField,
} from './programme-draft';
import '@/styles/admin.css';

export const fieldId = (field: SettingField) => `programme-edit-${field}`;
const errorId = (field: SettingField) => `${fieldId(field)}-error`;
const hintId = (field: NumberField) => `${fieldId(field)}-hint`;

export function useFieldMessage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (v: number) => formatInteger(v, locale);
  return (error: FieldError) => {
    switch (error.key) {
      case 'tooLong':
        return t('admin.errors.tooLong', { limit: n(error.limit) });
      case 'range':
        return t('admin.errors.range', { min: n(error.min), max: n(error.max) });
      default:
        return t(`admin.errors.${error.key}`);
    }
  };
}

interface ProgrammeFormProps {
  draft: Draft;
  errors: FieldErrors;
  /** Changes on every rejected submit, so the summary is announced and focused again. */
  attempt: number;
  pending: boolean;
  /** A save-level message (refusal, network failure) with its action, shown above the buttons. */
  problem?: ReactNode;
  firstFieldRef: Ref<HTMLInputElement>;
  onChange: (change: Partial<Draft>) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/** The settings' fields, their messages and the error summary; the editor owns state and requests. */
export function ProgrammeForm(props: ProgrammeFormProps) {
  const { draft, errors, attempt, pending, problem, firstFieldRef, onChange, onSubmit, onCancel } =
    props;
  const { t } = useTranslation();
  const locale = useLocale();
  const message = useFieldMessage();
  const invalid = SETTING_FIELDS.filter((f) => errors[f]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  const errorText = (name: SettingField) => {
    const error = errors[name];
    return error ? (
      <p id={errorId(name)} className="field-error">
        {message(error)}
      </p>
    ) : null;
  };

  const describedBy = (...ids: (string | null)[]) => ids.filter(Boolean).join(' ') || undefined;

  const common = (name: TextField | NumberField) => ({
    id: fieldId(name),
    name,
    value: draft[name],
    'aria-invalid': errors[name] ? true : undefined,
    className: errors[name] ? 'input input-invalid' : 'input',
    onChange: (e: { target: { value: string } }) => onChange({ [name]: e.target.value }),
  });

  const textField = (name: TextField) => (
    <div className={`field field-${name}`} key={name}>
      <label htmlFor={fieldId(name)}>{t(`admin.fields.${name}`)}</label>
      {errorText(name)}
      {name === 'description' ? (
        <textarea
          {...common(name)}
          rows={4}
          aria-describedby={describedBy(errors[name] ? errorId(name) : null)}
        />
      ) : (
        <input
          {...common(name)}
          ref={name === 'name' ? firstFieldRef : undefined}
          type="text"
          autoComplete="off"
          required={name === 'name'}
          aria-describedby={describedBy(errors[name] ? errorId(name) : null)}
        />
      )}
    </div>
  );

  const numberField = (name: NumberField) => {
    const { min, max } = rangeOf(name);
    return (
      <div className={`field field-${name}`} key={name}>
        <label htmlFor={fieldId(name)}>{t(`admin.fields.${name}`)}</label>
        <p id={hintId(name)} className="field-hint">
          {t(`admin.hints.${name}`, {
            min: formatInteger(min, locale),
            max: formatInteger(max, locale),
          })}
        </p>
        {errorText(name)}
        <input
          {...common(name)}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          required
          aria-describedby={describedBy(hintId(name), errors[name] ? errorId(name) : null)}
        />
      </div>
    );
  };

  const choice = (leads: boolean) => (
    <label key={String(leads)}>
      <input
        type="radio"
        name="leadsSetTargets"
        checked={draft.leadsSetTargets === leads}
        onChange={() => onChange({ leadsSetTargets: leads })}
      />
      {t(leads ? 'admin.targetsByLeads' : 'admin.targetsByManagers')}
    </label>
  );

  return (
    <form
      className="edit-form"
      noValidate
      onSubmit={submit}
      aria-labelledby="programme-edit-heading"
    >
      <h2 id="programme-edit-heading">{t('admin.editHeading')}</h2>
      <p className="muted small">{t('admin.editIntro')}</p>
      {invalid.length > 0 ? (
        <ErrorSummary
          key={attempt}
          id="programme-edit-summary"
          title={t('admin.summary', { count: invalid.length })}
          items={invalid.map((f) => ({
            fieldId: fieldId(f),
            text: t('admin.summaryItem', {
              field: t(`admin.fields.${f}`),
              message: message(errors[f]!),
            }),
          }))}
        />
      ) : null}
      <div className="edit-fields">
        {TEXT_FIELDS.map(textField)}
        {NUMBER_FIELDS.map(numberField)}
        <fieldset
          id={fieldId('leadsSetTargets')}
          tabIndex={-1}
          className="settings-choice field-leadsSetTargets"
          aria-describedby={errors.leadsSetTargets ? errorId('leadsSetTargets') : undefined}
        >
          <legend>{t('admin.fields.leadsSetTargets')}</legend>
          {errorText('leadsSetTargets')}
          {choice(false)}
          {choice(true)}
        </fieldset>
      </div>
      {problem}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('admin.saving') : t('admin.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
