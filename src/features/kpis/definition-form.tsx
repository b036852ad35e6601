import { useEffect, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Aggregation, Direction, Frequency, KpiUnit, SourceType } from '@domain/contract/kpi';
import { Field } from '@/components/form-field';
import { errorCode } from '@/lib/form-field-errors';
import type { DefinitionDraft, DefinitionSave } from './definition-draft';
import { SelectField } from './select-field';
import { TextAreaField } from './text-area-field';

const CODES = [
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_type',
  'duplicate',
  'rate_per_required',
  'rate_needs_fraction',
  'rate_per_not_allowed',
  'not_a_ratio',
  'count_is_whole',
  'wrong_frequency',
  'version_required',
  'nothing_to_version',
  'not_after_latest',
  'text_invalid_character',
] as const;

interface DefinitionFormProps {
  mode: 'create' | 'edit';
  form: UseFormReturn<DefinitionDraft, unknown, DefinitionSave>;
  /** On the form element, for focus on the first invalid field. */
  formRef: RefObject<HTMLFormElement | null>;
  /** Edit only: the change touches what is measured, so a new version is needed. */
  newVersion: boolean;
  pending: boolean;
  problem?: ReactNode;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
}

/** Every field of a catalogue entry; a change of meaning asks when the new version starts and why. */
export function DefinitionForm(props: DefinitionFormProps) {
  const { mode, form, formRef, newVersion, pending, problem } = props;
  const { t } = useTranslation();
  const { errors } = form.formState;
  const [unit, frequency] = useWatch({ control: form.control, name: ['unit', 'frequency'] });
  // On opening, the first field the person can type in; refusals move focus themselves.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input:not([readonly])')?.focus();
  }, [formRef]);

  const err = (field: keyof DefinitionDraft | 'root') => {
    const code = errorCode(errors[field], CODES);
    return code ? t(`kpiCatalogue.errors.${code}`) : null;
  };
  const text = (field: keyof DefinitionDraft) => form.register(field);
  const options = <V extends string>(values: readonly V[], label: (v: V) => string) =>
    values.map((v) => ({ value: v, label: label(v) }));
  const periodHint = t(`kpiSettings.periodHint.${frequency}`);

  return (
    <form ref={formRef} className="form definition-form" noValidate onSubmit={props.onSubmit}>
      {errors.root ? (
        <p className="form-problem" role="alert">
          {err('root')}
        </p>
      ) : null}
      <fieldset className="settings-group">
        <legend>{t('kpiCatalogue.identity')}</legend>
        <div className="form-row">
          <Field
            label={t('catalogue.code')}
            hint={mode === 'create' ? t('kpiCatalogue.codeHint') : undefined}
            readOnly={mode === 'edit'}
            error={err('code')}
            autoCapitalize="characters"
            maxLength={20}
            {...text('code')}
          />
        </div>
        <div className="form-row">
          <Field
            label={t('kpiCatalogue.nameFr')}
            error={err('nameFr')}
            maxLength={500}
            {...text('nameFr')}
            lang="fr"
          />
          <Field
            label={t('kpiCatalogue.nameEn')}
            error={err('nameEn')}
            maxLength={500}
            {...text('nameEn')}
            lang="en"
          />
        </div>
        <div className="form-row">
          <TextAreaField
            label={t('kpiCatalogue.definitionFr')}
            error={err('definitionFr')}
            maxLength={500}
            lang="fr"
            {...text('definitionFr')}
          />
          <TextAreaField
            label={t('kpiCatalogue.definitionEn')}
            error={err('definitionEn')}
            maxLength={500}
            lang="en"
            {...text('definitionEn')}
          />
        </div>
      </fieldset>
      <fieldset className="settings-group">
        <legend>{t('kpiCatalogue.measure')}</legend>
        <div className="form-row">
          <SelectField
            label={t('catalogue.unit')}
            options={options(KpiUnit.options, (u) => t(`unit.${u}`))}
            error={err('unit')}
            {...text('unit')}
          />
          {unit === 'rate' ? (
            <Field
              label={t('kpiCatalogue.ratePer')}
              hint={t('kpiCatalogue.ratePerHint')}
              inputMode="numeric"
              error={err('ratePer')}
              {...text('ratePer')}
            />
          ) : null}
          <SelectField
            label={t('kpiCatalogue.aggregation')}
            hint={t('kpiCatalogue.aggregationHint')}
            options={options(Aggregation.options, (a) => t(`kpiCatalogue.aggregations.${a}`))}
            error={err('aggregation')}
            {...text('aggregation')}
          />
        </div>
        <div className="form-row">
          <SelectField
            label={t('catalogue.direction')}
            options={options(Direction.options, (d) => t(`direction.${d}`))}
            error={err('direction')}
            {...text('direction')}
          />
          <SelectField
            label={t('catalogue.frequency')}
            options={options(Frequency.options, (f) => t(`frequency.${f}`))}
            error={err('frequency')}
            {...text('frequency')}
          />
          <Field
            label={t('kpiCatalogue.decimals')}
            inputMode="numeric"
            error={err('decimals')}
            {...text('decimals')}
          />
        </div>
      </fieldset>
      <fieldset className="settings-group">
        <legend>{t('kpiCatalogue.provenance')}</legend>
        <div className="form-row">
          <SelectField
            label={t('catalogue.source')}
            options={options(SourceType.options, (s) => t(`sourceType.${s}`))}
            error={err('sourceType')}
            {...text('sourceType')}
          />
          <Field
            label={t('kpiCatalogue.lag')}
            hint={t('kpiCatalogue.lagHint')}
            inputMode="numeric"
            error={err('reportingLagMonths')}
            {...text('reportingLagMonths')}
          />
        </div>
      </fieldset>
      {mode === 'create' ? (
        <Field
          label={t('kpiCatalogue.validFrom')}
          hint={periodHint}
          error={err('validFrom')}
          {...text('validFrom')}
        />
      ) : newVersion ? (
        <fieldset className="settings-group new-version">
          <legend>{t('kpiCatalogue.newVersion')}</legend>
          <p className="field-hint">{t('kpiCatalogue.newVersionHint')}</p>
          <Field
            label={t('kpiCatalogue.versionFrom')}
            hint={periodHint}
            error={err('validFrom')}
            {...text('validFrom')}
          />
          <TextAreaField
            label={t('kpiCatalogue.changeNote')}
            error={err('changeNote')}
            maxLength={1000}
            {...text('changeNote')}
          />
        </fieldset>
      ) : null}
      {problem}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('kpiSettings.saving') : t(`kpiCatalogue.submit.${mode}`)}
        </button>
        <button type="button" className="button" onClick={props.onCancel} disabled={pending}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
