import { useEffect, type FormEvent, type ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MilestonePatch } from '@domain/contract/milestone';
import { brokenRule } from '@/lib/forms';
import { fr } from '@/locales/messages-fr';
import type { FormField, MilestoneBase, ProgressInput } from './milestone-schema';
import { useFieldProblemText } from './problem-message';

type ErrorKey = keyof typeof fr.milestoneEdit.errors;
const isErrorKey = (key: string): key is ErrorKey => Object.hasOwn(fr.milestoneEdit.errors, key);

const fieldId = (field: FormField) => `ms-edit-${field}`;
const errorId = (field: FormField) => `${fieldId(field)}-error`;

interface MilestoneEditFormProps {
  form: UseFormReturn<ProgressInput, unknown, MilestonePatch | null>;
  base: MilestoneBase;
  pending: boolean;
  /** The consortium's period: the date picker offers nothing outside it. */
  minDate: string;
  maxDate: string;
  problem?: ReactNode;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
}

/** Progress and forecast date; the reason field is required once the date moves. */
export function MilestoneEditForm(props: MilestoneEditFormProps) {
  const { form, base, pending, minDate, maxDate, problem } = props;
  const { t } = useTranslation();
  const serverText = useFieldProblemText();
  const { register, setFocus, formState } = form;
  useEffect(() => setFocus('progress'), [setFocus]);
  const dateMoved = form.watch('forecastDate') !== base.forecastDate;

  const message = (field: FormField) => {
    const rule = brokenRule(formState.errors[field]);
    if (!rule) return null;
    if (rule.fromServer) return serverText({ field, code: rule.code });
    return t(`milestoneEdit.errors.${isErrorKey(rule.code) ? rule.code : 'progressRange'}`);
  };
  const describe = (field: FormField, hint?: string) =>
    [hint, formState.errors[field] ? errorId(field) : null].filter(Boolean).join(' ') || undefined;
  const error = (field: FormField) => {
    const text = message(field);
    return text ? (
      <p id={errorId(field)} className="field-error">
        {text}
      </p>
    ) : null;
  };
  const invalid = (field: FormField) => (formState.errors[field] ? true : undefined);

  return (
    <form
      className="edit-form"
      noValidate
      onSubmit={props.onSubmit}
      aria-labelledby="ms-edit-heading"
    >
      <h2 id="ms-edit-heading">{t('milestoneEdit.heading')}</h2>
      <div className="edit-fields">
        <div className="field">
          <label htmlFor={fieldId('progress')}>{t('milestoneEdit.progress')}</label>
          {error('progress')}
          <input
            {...register('progress')}
            id={fieldId('progress')}
            className="input"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            aria-invalid={invalid('progress')}
            aria-describedby={describe('progress')}
          />
        </div>
        <div className="field">
          <label htmlFor={fieldId('forecastDate')}>{t('milestoneEdit.forecastDate')}</label>
          {error('forecastDate')}
          <input
            {...register('forecastDate')}
            id={fieldId('forecastDate')}
            className="input"
            type="date"
            min={minDate}
            max={maxDate}
            aria-invalid={invalid('forecastDate')}
            aria-describedby={describe('forecastDate')}
          />
        </div>
        <div className="field field-description">
          <label htmlFor={fieldId('reason')}>
            {dateMoved ? t('milestoneEdit.reasonRequired') : t('milestoneEdit.reasonOptional')}
          </label>
          <p id="ms-edit-reason-hint" className="field-hint">
            {t('milestoneEdit.reasonHint')}
          </p>
          {error('reason')}
          <textarea
            {...register('reason')}
            id={fieldId('reason')}
            className="input"
            rows={3}
            maxLength={1000}
            required={dateMoved}
            aria-invalid={invalid('reason')}
            aria-describedby={describe('reason', 'ms-edit-reason-hint')}
          />
        </div>
      </div>
      {problem}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('milestoneEdit.saving') : t('milestoneEdit.save')}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
