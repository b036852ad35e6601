import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consortium, ConsortiumPatch } from '@domain/contract/consortium';
import { formatDateTime, formatEuros } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { EDITABLE_FIELDS, type EditableValues } from './consortium-draft';
import { focusOnMount } from './consortium-form';

interface ConflictPanelProps {
  /** What the user started from. */
  base: EditableValues;
  /** What is stored now (the 412 answer's `current`). */
  theirs: Consortium;
  /** The fields the user changed, as they would be sent. */
  mine: ConsortiumPatch;
  pending: boolean;
  problem?: ReactNode;
  onApplyMine: () => void;
  onKeepTheirs: () => void;
}

/**
 * Someone saved first: both versions side by side, and the user decides. Nothing is written
 * until they pick one.
 */
export function ConflictPanel(props: ConflictPanelProps) {
  const { base, theirs, mine, pending, problem, onApplyMine, onKeepTheirs } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const show = (value: string | number) => {
    if (typeof value === 'number') return formatEuros(value, locale);
    return value.trim() ? (
      value
    ) : (
      <span className="muted">{t('consortiumEditor.conflict.empty')}</span>
    );
  };
  // The fields either side touched; untouched ones are the same in both versions.
  const rows = EDITABLE_FIELDS.filter((f) => mine[f] !== undefined || theirs[f] !== base[f]);

  return (
    <section className="conflict-panel" aria-labelledby="consortium-conflict-heading">
      <h2 id="consortium-conflict-heading" tabIndex={-1} ref={focusOnMount} key={theirs.version}>
        {t('consortiumEditor.conflict.title')}
      </h2>
      <p>{t('consortiumEditor.conflict.body')}</p>
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-labelledby="consortium-conflict-caption"
      >
        <table className="table conflict-table">
          <caption id="consortium-conflict-caption">
            {t('consortiumEditor.conflict.caption', {
              date: formatDateTime(theirs.updatedAt, locale),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('consortiumEditor.conflict.field')}</th>
              <th scope="col">{t('consortiumEditor.conflict.theirs')}</th>
              <th scope="col">{t('consortiumEditor.conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => {
              const yours = mine[f];
              return (
                <tr key={f}>
                  <th scope="row">{t(`consortiumEditor.fields.${f}`)}</th>
                  <td className="conflict-value">{show(theirs[f])}</td>
                  <td className="conflict-value">
                    {yours === undefined ? (
                      <span className="muted">
                        {t('consortiumEditor.conflict.notChangedByYou')}
                      </span>
                    ) : (
                      show(yours)
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('consortiumEditor.conflict.applyHint')}</p>
      {problem}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={pending}
          onClick={onApplyMine}
        >
          {pending ? t('consortiumEditor.saving') : t('consortiumEditor.conflict.apply')}
        </button>
        <button type="button" className="button" disabled={pending} onClick={onKeepTheirs}>
          {t('consortiumEditor.conflict.keep')}
        </button>
      </div>
    </section>
  );
}
