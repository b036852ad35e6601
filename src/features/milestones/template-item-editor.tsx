import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TEXT_INVALID_CHARACTER } from '@domain/contract/common';
import { Phase, type MilestoneTemplateInput } from '@domain/contract/milestone';
import { brokenRule } from '@/lib/forms';
import { useLocale } from '@/lib/use-locale';
import { itemPath, type ItemField, type TemplateForm } from './template-schema';

interface TemplateItemEditorProps {
  /** Stable across moves, for the ids of the fields and their errors. */
  id: string;
  form: UseFormReturn<TemplateForm, unknown, MilestoneTemplateInput>;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/**
 * One phase of the template: a fieldset named after its position and code. The move buttons at
 * either end are aria-disabled rather than disabled, so focus stays on them after a move.
 */
export function TemplateItemEditor(props: TemplateItemEditorProps) {
  const { id, form, index, count, onMove, onRemove } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const { register, formState } = form;
  // The legend follows the code and title as they are typed.
  const [code, titleFr, titleEn] = useWatch({
    control: form.control,
    name: [itemPath(index, 'code'), itemPath(index, 'titleFr'), itemPath(index, 'titleEn')],
  });
  const name = t('milestoneTemplate.itemName', {
    n: index + 1,
    code: code || '—',
    title: (locale === 'en' ? titleEn : titleFr) || t('milestoneTemplate.untitled'),
  });
  const errors = formState.errors.items?.[index];

  // The field's own wording says its limits; only a forbidden character needs its own sentence.
  const message = (f: ItemField) => {
    const rule = brokenRule(errors?.[f]);
    if (!rule) return null;
    return rule.code === TEXT_INVALID_CHARACTER
      ? t('milestoneTemplate.errors.invalidCharacter')
      : t(`milestoneTemplate.errors.${f}`);
  };

  const field = (f: ItemField, input: 'text' | 'number' | 'area' = 'text') => {
    const text = message(f);
    const common = {
      ...register(itemPath(index, f)),
      id: `${id}-${f}`,
      className: 'input',
      'aria-invalid': text ? true : undefined,
      'aria-describedby': text ? `${id}-${f}-error` : undefined,
    };
    return (
      <div className={`field tpl-field-${f}`}>
        <label htmlFor={`${id}-${f}`} className="field-label">
          {t(`milestoneTemplate.fields.${f}`)}
        </label>
        {text ? (
          <p id={`${id}-${f}-error`} className="field-error">
            {text}
          </p>
        ) : null}
        {input === 'area' ? (
          <textarea {...common} rows={3} />
        ) : (
          <input
            {...common}
            type={input}
            inputMode={input === 'number' ? 'numeric' : undefined}
            min={input === 'number' ? 0 : undefined}
            max={input === 'number' ? 120 : undefined}
          />
        )}
      </div>
    );
  };

  return (
    <fieldset className="tpl-item">
      <legend>{name}</legend>
      <div className="tpl-grid">
        <div className="field">
          <label htmlFor={`${id}-phase`} className="field-label">
            {t('milestones.phase')}
          </label>
          <select id={`${id}-phase`} className="input" {...register(`items.${index}.phase`)}>
            {Phase.options.map((p) => (
              <option key={p} value={p}>
                {t(`phase.${p}`)}
              </option>
            ))}
          </select>
        </div>
        {field('code')}
        {field('offsetMonths', 'number')}
        {field('durationMonths', 'number')}
        {field('titleFr')}
        {field('titleEn')}
        {field('description', 'area')}
        {field('evidenceExpected', 'area')}
      </div>
      <div className="tpl-item-footer">
        <div className="ms-filter-check">
          <input
            id={`${id}-kpis`}
            type="checkbox"
            {...register(`items.${index}.requiresKpiValues`)}
          />
          <label htmlFor={`${id}-kpis`}>{t('milestonePlan.fields.requiresKpiValues')}</label>
        </div>
        <div className="row-actions">
          <button
            type="button"
            className="button button-small"
            aria-disabled={index === 0 || undefined}
            onClick={() => index > 0 && onMove(-1)}
          >
            {t('milestoneTemplate.moveUp')}
            <span className="visually-hidden"> {name}</span>
          </button>
          <button
            type="button"
            className="button button-small"
            aria-disabled={index === count - 1 || undefined}
            onClick={() => index < count - 1 && onMove(1)}
          >
            {t('milestoneTemplate.moveDown')}
            <span className="visually-hidden"> {name}</span>
          </button>
          <button type="button" className="button button-small" onClick={onRemove}>
            {t('milestoneTemplate.remove')}
            <span className="visually-hidden"> {name}</span>
          </button>
        </div>
      </div>
    </fieldset>
  );
}
