import { useTranslation } from 'react-i18next';
import { Phase } from '@domain/contract/milestone';
import { useLocale } from '@/lib/use-locale';
import type { ItemDraft, ItemErrors, ItemField } from './template-draft';

interface TemplateItemEditorProps {
  item: ItemDraft;
  index: number;
  count: number;
  errors: ItemErrors;
  onChange: (next: ItemDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/**
 * One phase of the template: a fieldset named after its position and code. The move buttons at
 * either end are aria-disabled rather than disabled, so focus stays on them after a move.
 */
export function TemplateItemEditor(props: TemplateItemEditorProps) {
  const { item, index, count, errors, onChange, onMove, onRemove } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const id = `tpl-${item.key}`;
  const name = t('milestoneTemplate.itemName', {
    n: index + 1,
    code: item.code || '—',
    title: (locale === 'en' ? item.titleEn : item.titleFr) || t('milestoneTemplate.untitled'),
  });

  const field = (f: ItemField, input: 'text' | 'number' | 'area' = 'text') => {
    const common = {
      id: `${id}-${f}`,
      className: 'input',
      value: item[f],
      'aria-invalid': errors[f] ? true : undefined,
      'aria-describedby': errors[f] ? `${id}-${f}-error` : undefined,
      onChange: (e: { target: { value: string } }) => onChange({ ...item, [f]: e.target.value }),
    };
    return (
      <div className={`field tpl-field-${f}`}>
        <label htmlFor={`${id}-${f}`} className="field-label">
          {t(`milestoneTemplate.fields.${f}`)}
        </label>
        {errors[f] ? (
          <p id={`${id}-${f}-error`} className="field-error">
            {t(`milestoneTemplate.errors.${f}`)}
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
          <select
            id={`${id}-phase`}
            className="input"
            value={item.phase}
            onChange={(e) =>
              onChange({ ...item, phase: Phase.safeParse(e.target.value).data ?? item.phase })
            }
          >
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
            checked={item.requiresKpiValues}
            onChange={(e) => onChange({ ...item, requiresKpiValues: e.target.checked })}
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
