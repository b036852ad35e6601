import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '@/components/error-summary';
import { formatInteger } from '@/lib/format';
import { brokenRule } from '@/lib/forms';
import { useLocale } from '@/lib/use-locale';
import {
  errorFor,
  NUMBER_FIELDS,
  rangeOf,
  SETTING_FIELDS,
  TEXT_FIELDS,
  type FieldError,
  type NumberField,
  type SettingField,
  type SettingsInput,
  type SettingsOutput,
  type TextField,
} from './programme-schema';
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
  form: UseFormReturn<SettingsInput, unknown, SettingsOutput>;
  /** Changes on every rejected submit, so the summary is announced and focused again. */
  attempt: number;
  pending: boolean;
  /** A save-level message (refusal, network failure) with its action, shown above the buttons. */
  problem?: ReactNode;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
}

/** The settings' fields, their messages and the error summary; the editor owns the requests. */
export function ProgrammeForm({
  form,
  attempt,
  pending,
  problem,
  onSubmit,
  onCancel,
}: ProgrammeFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const message = useFieldMessage();
  const { register, setFocus, formState } = form;
  const errors = Object.fromEntries(
    SETTING_FIELDS.flatMap((f) => {
      const rule = brokenRule(formState.errors[f]);
      return rule ? [[f, errorFor(f, rule.code)]] : [];
    }),
  ) as Partial<Record<SettingField, FieldError>>;
  const invalid = SETTING_FIELDS.filter((f) => errors[f]);
  // The first field on opening; when the form comes back with refusals the summary has focus.
  const [focusFirst] = useState(invalid.length === 0);
  useEffect(() => {
    if (focusFirst) setFocus('name');
  }, [focusFirst, setFocus]);

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
    ...register(name),
    id: fieldId(name),
    'aria-invalid': errors[name] ? true : undefined,
    className: errors[name] ? 'input input-invalid' : 'input',
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

  // Set by hand: a radio's value is text, the setting a boolean.
  const leads = form.watch('leadsSetTargets');
  const choice = (value: boolean) => (
    <label key={String(value)}>
      <input
        type="radio"
        name="leadsSetTargets"
        checked={leads === value}
        onChange={() => form.setValue('leadsSetTargets', value)}
      />
      {t(value ? 'admin.targetsByLeads' : 'admin.targetsByManagers')}
    </label>
  );

  return (
    <form
      className="edit-form"
      noValidate
      onSubmit={onSubmit}
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
