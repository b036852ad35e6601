import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme, ProgrammePatch } from '@domain/contract/programme';
import { formatDateTime, formatInteger } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { focusOnMount } from '@/features/consortia/consortium-form';
import { SETTING_FIELDS, type SettingValues } from './programme-draft';

interface ProgrammeConflictProps {
  /** What the manager started from. */
  base: SettingValues;
  /** What is stored now (the 412 answer's `current`). */
  theirs: Programme;
  /** The settings the manager changed, as they would be sent. */
  mine: ProgrammePatch;
  pending: boolean;
  problem?: ReactNode;
  onApplyMine: () => void;
  onKeepTheirs: () => void;
}

/**
 * Another manager saved first: both versions side by side, and this one decides. Nothing is
 * written until they pick.
 */
export function ProgrammeConflict(props: ProgrammeConflictProps) {
  const { base, theirs, mine, pending, problem, onApplyMine, onKeepTheirs } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const show = (value: string | number | boolean) => {
    if (typeof value === 'boolean')
      return t(value ? 'admin.targetsByLeads' : 'admin.targetsByManagers');
    if (typeof value === 'number') return formatInteger(value, locale);
    return value.trim() ? value : <span className="muted">{t('admin.conflict.empty')}</span>;
  };
  // The settings either side touched; untouched ones are the same in both versions.
  const rows = SETTING_FIELDS.filter((f) => mine[f] !== undefined || theirs[f] !== base[f]);

  return (
    <section className="conflict-panel" aria-labelledby="programme-conflict-heading">
      <h2 id="programme-conflict-heading" tabIndex={-1} ref={focusOnMount} key={theirs.version}>
        {t('admin.conflict.title')}
      </h2>
      <p>{t('admin.conflict.body')}</p>
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-labelledby="programme-conflict-caption"
      >
        <table className="table conflict-table">
          <caption id="programme-conflict-caption">
            {t('admin.conflict.caption', { date: formatDateTime(theirs.updatedAt, locale) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.conflict.field')}</th>
              <th scope="col">{t('admin.conflict.theirs')}</th>
              <th scope="col">{t('admin.conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => {
              const yours = mine[f];
              return (
                <tr key={f}>
                  <th scope="row">{t(`admin.fields.${f}`)}</th>
                  <td className="conflict-value">{show(theirs[f])}</td>
                  <td className="conflict-value">
                    {yours === undefined ? (
                      <span className="muted">{t('admin.conflict.notChangedByYou')}</span>
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
      <p className="muted small">{t('admin.conflict.applyHint')}</p>
      {problem}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={pending}
          onClick={onApplyMine}
        >
          {pending ? t('admin.saving') : t('admin.conflict.apply')}
        </button>
        <button type="button" className="button" disabled={pending} onClick={onKeepTheirs}>
          {t('admin.conflict.keep')}
        </button>
      </div>
    </section>
  );
}
