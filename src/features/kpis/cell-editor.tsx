import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiValue, KpiValueInput } from '@domain/contract/kpi';
import { SourceType } from '@domain/contract/kpi';
import { targetAt } from '@domain/rules/kpi-status';
import { Field } from '@/components/form-field';
import { KpiStatusBadge } from '@/components/status-badges';
import { formatNumber, formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import {
  checkDraft,
  previewOf,
  type CellContext,
  type CellDraft,
  type CellErrors,
} from './cell-draft';
import { messageCode } from './cell-errors';
import { CellHistory } from './cell-history';
import { Modal } from './modal';
import { TextAreaField } from './text-area-field';
import { ValueText } from '@/components/value-text';

interface CellEditorProps {
  ctx: CellContext;
  consortiumId: string;
  current: KpiValue | null;
  draft: CellDraft;
  /** Errors the server named on the last attempt, shown on their fields. */
  errors: CellErrors;
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
  const [draft, setDraft] = useState(props.draft);
  const [errors, setErrors] = useState(props.errors);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const { kpi } = ctx;
  const preview = previewOf(draft, ctx);
  const target = targetAt(ctx.settings, ctx.period);
  const needsExplanation =
    preview.status === 'red' || draft.explanation !== '' || errors.explanation !== undefined;

  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const set = (field: keyof CellDraft) => (value: string | boolean) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const message = (field: keyof CellErrors) =>
    errors[field] ? t(`kpiEntry.errors.${messageCode(errors[field])}`) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = checkDraft(draft, ctx);
    if (!result.ok) {
      setErrors(result.errors);
      setAttempt((n) => n + 1);
      return;
    }
    onSave(result.input, draft);
  }

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
        <form ref={formRef} className="form cell-form" noValidate onSubmit={submit}>
          {errors.period ? (
            <p className="form-problem" role="alert">
              {message('period')}
            </p>
          ) : null}
          {kpi.aggregation === 'rate' ? (
            <div className="form-row">
              <Field
                label={t('kpiEntry.editor.numerator')}
                inputMode="decimal"
                autoComplete="off"
                value={draft.numerator}
                error={message('numerator')}
                onChange={(e) => set('numerator')(e.target.value)}
                data-autofocus
              />
              <Field
                label={t('kpiEntry.editor.denominator')}
                inputMode="decimal"
                autoComplete="off"
                value={draft.denominator}
                error={message('denominator')}
                onChange={(e) => set('denominator')(e.target.value)}
              />
            </div>
          ) : (
            <Field
              label={t('kpiEntry.editor.value', { unit: t(`unit.${kpi.unit}`) })}
              inputMode="decimal"
              autoComplete="off"
              value={draft.value}
              error={message('value')}
              onChange={(e) => set('value')(e.target.value)}
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
            value={draft.source}
            error={message('source')}
            onChange={(e) => set('source')(e.target.value)}
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
                onChange={() => set('provisional')(true)}
              />{' '}
              {t('kpiEntry.provisional')}
            </label>
            <label>
              <input
                type="radio"
                name={`${titleId}-quality`}
                checked={!draft.provisional}
                onChange={() => set('provisional')(false)}
              />{' '}
              {t('kpiEntry.final')}
            </label>
          </fieldset>
          <TextAreaField
            label={t('kpiEntry.editor.note')}
            value={draft.note}
            error={message('note')}
            maxLength={2000}
            onChange={(e) => set('note')(e.target.value)}
          />
          {needsExplanation ? (
            <TextAreaField
              label={t('kpiEntry.editor.explanation')}
              hint={t('kpiEntry.editor.explanationHint')}
              value={draft.explanation}
              error={message('explanation')}
              maxLength={2000}
              onChange={(e) => set('explanation')(e.target.value)}
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
