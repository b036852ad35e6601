import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiDefinition } from '@domain/contract/kpi';
import { Field } from '@/components/form-field';
import type { SettingsDraft, SettingsErrors, TargetDraft } from './settings-draft';

const SETTINGS_CODES = [
  'required',
  'not_a_number',
  'invalid_period',
  'too_small',
  'too_big',
  'custom',
  'wrong_frequency',
  'outside_consortium',
  'not_after_baseline',
  'below_amber',
  'band_without_width',
  'negative',
  'not_integer',
  'above_100',
  'text_invalid_character',
] as const;
type SettingsCode = (typeof SETTINGS_CODES)[number] | 'invalid';
const codeOf = (c: string): SettingsCode =>
  (SETTINGS_CODES as readonly string[]).includes(c) ? (c as SettingsCode) : 'invalid';

interface SettingsFormProps {
  kpi: KpiDefinition;
  draft: SettingsDraft;
  errors: SettingsErrors;
  /** Bumped on each refused attempt: focus goes to the first wrong field. */
  attempt: number;
  pending: boolean;
  problem?: ReactNode;
  onChange: (draft: SettingsDraft) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/** Baseline (value, period, source), target trajectory (period → value) and tolerance bands. */
export function SettingsForm(props: SettingsFormProps) {
  const { kpi, draft, errors, attempt, pending, problem, onChange, onSubmit, onCancel } = props;
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [nextKey, setNextKey] = useState(() => draft.targets.length + 1);
  const err = (path: string) =>
    errors[path] ? t(`kpiSettings.errors.${codeOf(errors[path])}`) : null;
  const periodHint = t(`kpiSettings.periodHint.${kpi.frequency}`);
  const set = (patch: Partial<SettingsDraft>) => onChange({ ...draft, ...patch });
  const setTarget = (i: number, patch: Partial<TargetDraft>) =>
    set({ targets: draft.targets.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const unit = draft.mode === 'relative' ? t('kpiSettings.percentOfTarget') : t(`unit.${kpi.unit}`);
  return (
    <form ref={formRef} className="form settings-form" noValidate onSubmit={submit}>
      <fieldset className="settings-group">
        <legend>{t('kpiSettings.baseline')}</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.hasBaseline}
            onChange={(e) => set({ hasBaseline: e.target.checked })}
          />{' '}
          {t('kpiSettings.hasBaseline')}
        </label>
        {draft.hasBaseline ? (
          <div className="form-row">
            <Field
              label={t('kpiSettings.baselineValue')}
              inputMode="decimal"
              value={draft.baselineValue}
              error={err('baseline.value')}
              onChange={(e) => set({ baselineValue: e.target.value })}
            />
            <Field
              label={t('kpiSettings.baselinePeriod')}
              hint={periodHint}
              value={draft.baselinePeriod}
              error={err('baseline.period')}
              onChange={(e) => set({ baselinePeriod: e.target.value })}
            />
            <Field
              label={t('kpiSettings.baselineSource')}
              value={draft.baselineSource}
              error={err('baseline.source')}
              maxLength={500}
              onChange={(e) => set({ baselineSource: e.target.value })}
            />
          </div>
        ) : null}
      </fieldset>
      <fieldset className="settings-group">
        <legend>{t('kpiSettings.targets')}</legend>
        <p className="field-hint">{t('kpiSettings.targetsHint')}</p>
        {errors.targets ? <p className="field-error">{err('targets')}</p> : null}
        <ol className="plain-list target-rows">
          {draft.targets.map((target, i) => (
            <li key={target.key} className="form-row target-row">
              <Field
                label={t('kpiSettings.targetPeriod', { n: i + 1 })}
                hint={periodHint}
                value={target.period}
                error={err(`targets.${i}.period`)}
                onChange={(e) => setTarget(i, { period: e.target.value })}
              />
              <Field
                label={t('kpiSettings.targetValue', { n: i + 1 })}
                inputMode="decimal"
                value={target.value}
                error={err(`targets.${i}.value`)}
                onChange={(e) => setTarget(i, { value: e.target.value })}
              />
              <button
                type="button"
                className="button button-small"
                onClick={() => set({ targets: draft.targets.filter((_, j) => j !== i) })}
              >
                {t('kpiSettings.removeTarget', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            set({ targets: [...draft.targets, { key: nextKey, period: '', value: '' }] });
            setNextKey((k) => k + 1);
          }}
        >
          {t('kpiSettings.addTarget')}
        </button>
      </fieldset>
      <fieldset className="settings-group">
        <legend>{t('kpiSettings.tolerance')}</legend>
        <div className="radio-group" role="radiogroup" aria-label={t('kpiSettings.mode')}>
          {(['absolute', 'relative'] as const).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="tolerance-mode"
                checked={draft.mode === mode}
                onChange={() => set({ mode })}
              />{' '}
              {t(`kpiSettings.modes.${mode}`)}
            </label>
          ))}
        </div>
        <div className="form-row">
          <Field
            label={t('kpiSettings.amber', { unit })}
            inputMode="decimal"
            value={draft.amber}
            error={err('tolerance.amber')}
            onChange={(e) => set({ amber: e.target.value })}
          />
          <Field
            label={t('kpiSettings.red', { unit })}
            inputMode="decimal"
            value={draft.red}
            error={err('tolerance.red')}
            onChange={(e) => set({ red: e.target.value })}
          />
        </div>
        <p className="field-hint">{t(`kpiSettings.toleranceHint.${kpi.direction}`)}</p>
      </fieldset>
      {problem}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('kpiSettings.saving') : t('kpiSettings.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
