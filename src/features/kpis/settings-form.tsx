import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Consortium } from '@domain/contract/consortium';
import type { ConsortiumKpi, ConsortiumKpiInput, KpiDefinition } from '@domain/contract/kpi';
import { classifyApiError } from '@/api/errors';
import { usePutConsortiumKpi } from '@/api/kpis';
import { Field } from '@/components/form-field';
import { errorCode, setFieldProblems, useFocusFirstInvalid } from '@/lib/form-field-errors';
import {
  settingsDraftOf,
  settingsFieldOf,
  settingsSchema,
  type SettingsDraft,
  type SettingsField,
} from './settings-draft';

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

interface SettingsFormProps {
  kpi: KpiDefinition;
  consortium: Consortium;
  /** What is stored now; after a 412 the newer row, so saving again goes over it. */
  settings: ConsortiumKpi | null;
  onSaved: () => void;
  onCancel: () => void;
}

/** Baseline (value, period, source), target trajectory (period → value) and tolerance bands. */
export function SettingsForm({ kpi, consortium, settings, onSaved, onCancel }: SettingsFormProps) {
  const { t } = useTranslation();
  // Opened on what was stored then: a newer row arriving after a 412 does not erase what is typed.
  const [initial] = useState(() => settingsDraftOf(settings));
  const { register, control, handleSubmit, setError, getFieldState, formState } = useForm<
    SettingsDraft,
    unknown,
    ConsortiumKpiInput
  >({
    defaultValues: initial,
    resolver: zodResolver(settingsSchema(kpi, consortium)),
    // As before the move to react-hook-form: a message stays until the next save.
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const targets = useFieldArray({ control, name: 'targets' });
  const hasBaseline = useWatch({ control, name: 'hasBaseline' });
  const mode = useWatch({ control, name: 'mode' });
  const { containerRef: formRef, focusFirstInvalid } = useFocusFirstInvalid<HTMLFormElement>();
  const [problem, setProblem] = useState<'conflict' | 'server' | null>(null);
  const put = usePutConsortiumKpi();
  const { errors } = formState;
  const err = (field: SettingsField) => {
    const error = field === 'root' ? errors.root : getFieldState(field, formState).error;
    const code = errorCode(error, SETTINGS_CODES);
    return code ? t(`kpiSettings.errors.${code}`) : null;
  };
  // A rule about the whole list: react-hook-form files it under `root` once the list has rows.
  const listCode = errorCode(
    errors.targets?.root ?? (errors.targets?.type ? errors.targets : undefined),
    SETTINGS_CODES,
  );
  const listError = listCode ? t(`kpiSettings.errors.${listCode}`) : null;
  const periodHint = t(`kpiSettings.periodHint.${kpi.frequency}`);

  const submit = handleSubmit((input) => {
    setProblem(null);
    put.mutate(
      { consortiumId: consortium.id, kpiId: kpi.id, version: settings?.version ?? null, input },
      {
        onSuccess: onSaved,
        onError: (error) => {
          const refusal = classifyApiError(error, { fieldOf: settingsFieldOf });
          if (refusal.kind === 'fields') {
            setFieldProblems(setError, refusal.fields);
            focusFirstInvalid();
          } else {
            // Without a stored row to compare, a 412 or 428 says: reload, then save again.
            const stale = refusal.kind === 'general' && refusal.reason === 'stale';
            setProblem(stale || error.status === 428 ? 'conflict' : 'server');
          }
        },
      },
    );
  }, focusFirstInvalid);

  const unit = mode === 'relative' ? t('kpiSettings.percentOfTarget') : t(`unit.${kpi.unit}`);
  return (
    <form
      ref={formRef}
      className="form settings-form"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      {errors.root ? (
        <p className="form-problem" role="alert">
          {err('root')}
        </p>
      ) : null}
      <fieldset className="settings-group">
        <legend>{t('kpiSettings.baseline')}</legend>
        <label className="checkbox">
          <input type="checkbox" {...register('hasBaseline')} /> {t('kpiSettings.hasBaseline')}
        </label>
        {hasBaseline ? (
          <div className="form-row">
            <Field
              label={t('kpiSettings.baselineValue')}
              inputMode="decimal"
              error={err('baselineValue')}
              {...register('baselineValue')}
            />
            <Field
              label={t('kpiSettings.baselinePeriod')}
              hint={periodHint}
              error={err('baselinePeriod')}
              {...register('baselinePeriod')}
            />
            <Field
              label={t('kpiSettings.baselineSource')}
              error={err('baselineSource')}
              maxLength={500}
              {...register('baselineSource')}
            />
          </div>
        ) : null}
      </fieldset>
      <fieldset className="settings-group">
        <legend>{t('kpiSettings.targets')}</legend>
        <p className="field-hint">{t('kpiSettings.targetsHint')}</p>
        {listError ? <p className="field-error">{listError}</p> : null}
        <ol className="plain-list target-rows">
          {targets.fields.map((target, i) => (
            <li key={target.id} className="form-row target-row">
              <Field
                label={t('kpiSettings.targetPeriod', { n: i + 1 })}
                hint={periodHint}
                error={err(`targets.${i}.period`)}
                {...register(`targets.${i}.period`)}
              />
              <Field
                label={t('kpiSettings.targetValue', { n: i + 1 })}
                inputMode="decimal"
                error={err(`targets.${i}.value`)}
                {...register(`targets.${i}.value`)}
              />
              <button
                type="button"
                className="button button-small"
                onClick={() => targets.remove(i)}
              >
                {t('kpiSettings.removeTarget', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button-small"
          onClick={() => targets.append({ period: '', value: '' }, { shouldFocus: false })}
        >
          {t('kpiSettings.addTarget')}
        </button>
      </fieldset>
      <fieldset className="settings-group">
        <legend>{t('kpiSettings.tolerance')}</legend>
        <div className="radio-group" role="radiogroup" aria-label={t('kpiSettings.mode')}>
          {(['absolute', 'relative'] as const).map((option) => (
            <label key={option}>
              <input type="radio" value={option} {...register('mode')} />{' '}
              {t(`kpiSettings.modes.${option}`)}
            </label>
          ))}
        </div>
        <div className="form-row">
          <Field
            label={t('kpiSettings.amber', { unit })}
            inputMode="decimal"
            error={err('amber')}
            {...register('amber')}
          />
          <Field
            label={t('kpiSettings.red', { unit })}
            inputMode="decimal"
            error={err('red')}
            {...register('red')}
          />
        </div>
        <p className="field-hint">{t(`kpiSettings.toleranceHint.${kpi.direction}`)}</p>
      </fieldset>
      {problem ? (
        <p className="form-problem" role="alert">
          {t(`kpiSettings.problem.${problem}`)}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={put.isPending}>
          {put.isPending ? t('kpiSettings.saving') : t('kpiSettings.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={put.isPending}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
