import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { focusOnMount } from '@/lib/focus';
import type { MilestoneBase, MilestoneDraft, DraftErrors, DraftField } from './milestone-draft';

const fieldId = (field: DraftField) => `ms-edit-${field}`;
const errorId = (field: DraftField) => `${fieldId(field)}-error`;

interface MilestoneEditFormProps {
  base: MilestoneBase;
  draft: MilestoneDraft;
  errors: DraftErrors;
  pending: boolean;
  /** The consortium's period: the date picker offers nothing outside it. */
  minDate: string;
  maxDate: string;
  problem?: ReactNode;
  onChange: (field: DraftField, value: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/** Progress and forecast date; the reason field is required once the date moves. */
export function MilestoneEditForm(props: MilestoneEditFormProps) {
  const { base, draft, errors, pending, minDate, maxDate, problem } = props;
  const { t } = useTranslation();
  const dateMoved = draft.forecastDate !== base.forecastDate;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onSubmit();
  }

  const describe = (field: DraftField, hint?: string) =>
    [hint, errors[field] ? errorId(field) : null].filter(Boolean).join(' ') || undefined;
  const error = (field: DraftField) => {
    const key = errors[field];
    return key ? (
      <p id={errorId(field)} className="field-error">
        {t(`milestoneEdit.errors.${key}`)}
      </p>
    ) : null;
  };

  return (
    <form className="edit-form" noValidate onSubmit={submit} aria-labelledby="ms-edit-heading">
      <h2 id="ms-edit-heading">{t('milestoneEdit.heading')}</h2>
      <div className="edit-fields">
        <div className="field">
          <label htmlFor={fieldId('progress')}>{t('milestoneEdit.progress')}</label>
          {error('progress')}
          <input
            id={fieldId('progress')}
            ref={focusOnMount}
            className="input"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            value={draft.progress}
            aria-invalid={errors.progress ? true : undefined}
            aria-describedby={describe('progress')}
            onChange={(e) => props.onChange('progress', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={fieldId('forecastDate')}>{t('milestoneEdit.forecastDate')}</label>
          {error('forecastDate')}
          <input
            id={fieldId('forecastDate')}
            className="input"
            type="date"
            min={minDate}
            max={maxDate}
            value={draft.forecastDate}
            aria-invalid={errors.forecastDate ? true : undefined}
            aria-describedby={describe('forecastDate')}
            onChange={(e) => props.onChange('forecastDate', e.target.value)}
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
            id={fieldId('reason')}
            className="input"
            rows={3}
            maxLength={1000}
            value={draft.reason}
            required={dateMoved}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={describe('reason', 'ms-edit-reason-hint')}
            onChange={(e) => props.onChange('reason', e.target.value)}
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
