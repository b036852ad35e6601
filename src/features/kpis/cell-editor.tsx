import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { KpiValue, KpiValueInput } from '@domain/contract/kpi';
import { SourceType } from '@domain/contract/kpi';
import { targetAt } from '@domain/rules/kpi-status';
import type { FieldProblem } from '@/api/errors';
import { Field } from '@/components/form-field';
import { KpiStatusBadge } from '@/components/status-badges';
import { errorCode, setFieldProblems, useFocusFirstInvalid } from '@/lib/form-field-errors';
import { formatNumber, formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import {
  cellSchema,
  previewOf,
  type CellContext,
  type CellDraft,
  type CellField,
} from './cell-draft';
import { KNOWN_CODES } from './cell-errors';
import { CellHistory } from './cell-history';
import { Modal } from './modal';
import { TextAreaField } from './text-area-field';
import { ValueText } from '@/components/value-text';

interface CellEditorProps {
  ctx: CellContext;
  consortiumId: string;
  current: KpiValue | null;
  draft: CellDraft;
  /** What the server refused on the last attempt, shown on its fields. Kept by identity. */
  problems: readonly FieldProblem<CellField | 'root'>[];
  /** Why the cell cannot change (a locked period); null when it can. */
  lockedReason: string | null;
  smallCountThreshold: number;
  onSave: (input: KpiValueInput, draft: CellDraft) => void;
  onClose: () => void;
}

/** The cell's editor: value (or fraction), source, note, provisional flag, and the history. */
export function CellEditor(props: CellEditorProps) {
  const { ctx, consortiumId, current, lockedReason, smallCountThreshold, onSave, onClose } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const titleId = useId();
  const { register, handleSubmit, control, setValue, setError, getValues, formState } = useForm<
    CellDraft,
    unknown,
    KpiValueInput
  >({
    defaultValues: props.draft,
    resolver: zodResolver(cellSchema(ctx)),
    // As before the move to react-hook-form: a message stays until the next save.
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const { containerRef: formRef, focusFirstInvalid } = useFocusFirstInvalid<HTMLFormElement>();
  // useWatch types every field as possibly absent; the defaults fill what it has not seen yet.
  const draft: CellDraft = { ...props.draft, ...useWatch({ control }) };
  const { errors } = formState;
  const { kpi } = ctx;
  const preview = previewOf(draft, ctx);
  const target = targetAt(ctx.settings, ctx.period);
  const needsExplanation =
    preview.status === 'red' || draft.explanation !== '' || errors.explanation !== undefined;

  const { problems } = props;
  useEffect(() => {
    if (problems.length === 0) return;
    setFieldProblems(setError, problems);
    focusFirstInvalid();
  }, [problems, setError, focusFirstInvalid]);

  const message = (field: CellField | 'root') => {
    const code = errorCode(errors[field], KNOWN_CODES);
    return code ? t(`kpiEntry.errors.${code}`) : null;
  };
  const submit = handleSubmit((input) => onSave(input, getValues()), focusFirstInvalid);

  const sourceListId = `${titleId}-sources`;
  return (
    <Modal titleId={titleId} onClose={onClose} className="cell-editor">
      <h2 id={titleId} className="dialog-title">
        {t('kpiEntry.editor.title', {
          kpi: kpi.name[locale],
          period: formatPeriod(ctx.period, locale),
        })}
      </h2>
      <dl className="facts cell-facts">
        <div className="fact">
          <dt>{t('kpiEntry.editor.target')}</dt>
          <dd>{target === null ? t('common.none') : formatNumber(target, kpi, locale)}</dd>
        </div>
        <div className="fact">
          <dt>{t('kpiEntry.editor.current')}</dt>
          <dd>
            {current ? (
              <ValueText value={current} kpi={kpi} smallCountThreshold={smallCountThreshold} />
            ) : (
              t('kpiEntry.editor.noValue')
            )}
          </dd>
        </div>
      </dl>
      {lockedReason ? (
        <>
          <p className="notice">{lockedReason}</p>
          <div className="actions">
            <button type="button" className="button" onClick={onClose} data-autofocus>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form
          ref={formRef}
          className="form cell-form"
          noValidate
          onSubmit={(event) => void submit(event)}
        >
          {errors.root ? (
            <p className="form-problem" role="alert">
              {message('root')}
            </p>
          ) : null}
          {kpi.aggregation === 'rate' ? (
            <div className="form-row">
              <Field
                label={t('kpiEntry.editor.numerator')}
                inputMode="decimal"
                autoComplete="off"
                error={message('numerator')}
                {...register('numerator')}
                data-autofocus
              />
              <Field
                label={t('kpiEntry.editor.denominator')}
                inputMode="decimal"
                autoComplete="off"
                error={message('denominator')}
                {...register('denominator')}
              />
            </div>
          ) : (
            <Field
              label={t('kpiEntry.editor.value', { unit: t(`unit.${kpi.unit}`) })}
              inputMode="decimal"
              autoComplete="off"
              error={message('value')}
              {...register('value')}
              data-autofocus
            />
          )}
          <p className="cell-preview" aria-live="polite">
            {kpi.aggregation === 'rate' ? (
              <span>
                {t('kpiEntry.editor.computed')}{' '}
                <strong>
                  {preview.value === null
                    ? t('common.none')
                    : formatNumber(preview.value, kpi, locale)}
                </strong>{' '}
              </span>
            ) : null}
            <span>
              {t('kpiEntry.editor.status')} <KpiStatusBadge status={preview.status} />
            </span>
          </p>
          <Field
            label={t('kpiEntry.editor.source')}
            hint={t('kpiEntry.editor.sourceHint')}
            list={sourceListId}
            error={message('source')}
            {...register('source')}
            maxLength={500}
          />
          <datalist id={sourceListId}>
            {SourceType.options.map((s) => (
              <option key={s} value={t(`sourceType.${s}`)} />
            ))}
          </datalist>
          <fieldset className="field radio-group">
            <legend className="field-label">{t('kpiEntry.editor.quality')}</legend>
            <label>
              <input
                type="radio"
                name={`${titleId}-quality`}
                checked={draft.provisional}
                onChange={() => setValue('provisional', true)}
              />{' '}
              {t('kpiEntry.provisional')}
            </label>
            <label>
              <input
                type="radio"
                name={`${titleId}-quality`}
                checked={!draft.provisional}
                onChange={() => setValue('provisional', false)}
              />{' '}
              {t('kpiEntry.final')}
            </label>
          </fieldset>
          <TextAreaField
            label={t('kpiEntry.editor.note')}
            error={message('note')}
            maxLength={2000}
            {...register('note')}
          />
          {needsExplanation ? (
            <TextAreaField
              label={t('kpiEntry.editor.explanation')}
              hint={t('kpiEntry.editor.explanationHint')}
              error={message('explanation')}
              maxLength={2000}
              {...register('explanation')}
            />
          ) : null}
          <div className="actions">
            <button type="submit" className="button button-primary">
              {t('kpiEntry.editor.save')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {current ? (
        <CellHistory
          consortiumId={consortiumId}
          kpi={kpi}
          period={ctx.period}
          smallCountThreshold={smallCountThreshold}
        />
      ) : null}
    </Modal>
  );
}
