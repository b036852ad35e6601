import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone, MilestonePatch } from '@domain/contract/milestone';
import { MilestoneStatusBadge } from '@/components/status-badges';
import { formatDate, formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { EDITED_FIELDS, type MilestoneBase } from './milestone-draft';
import { focusOnMount } from './milestone-edit-form';

interface MilestoneConflictProps {
  base: MilestoneBase;
  /** What is stored now (the 412 answer's `current`). */
  theirs: Milestone;
  /** What the user would send. */
  mine: MilestonePatch;
  pending: boolean;
  problem?: ReactNode;
  onApplyMine: () => void;
  onKeepTheirs: () => void;
}

/**
 * Someone saved the milestone first: what they changed beside what the user changed, and the user
 * decides. Nothing is written until they pick one.
 */
export function MilestoneConflict(props: MilestoneConflictProps) {
  const { base, theirs, mine, pending, problem, onApplyMine, onKeepTheirs } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const show = (field: (typeof EDITED_FIELDS)[number], value: string | number) =>
    field === 'progress'
      ? t('common.percent', { value })
      : formatDate(String(value), locale, 'long');
  const rows = EDITED_FIELDS.filter((f) => mine[f] !== undefined || theirs[f] !== base[f]);

  return (
    <section className="conflict-panel" aria-labelledby="ms-conflict-heading">
      <h2 id="ms-conflict-heading" tabIndex={-1} ref={focusOnMount} key={theirs.version}>
        {t('milestoneEdit.conflict.title')}
      </h2>
      <p>{t('milestoneEdit.conflict.body')}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="ms-conflict-caption">
        <table className="table conflict-table">
          <caption id="ms-conflict-caption">
            {t('milestoneEdit.conflict.caption', {
              date: formatDateTime(theirs.updatedAt, locale),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('milestoneEdit.conflict.field')}</th>
              <th scope="col">{t('milestoneEdit.conflict.theirs')}</th>
              <th scope="col">{t('milestoneEdit.conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {theirs.status !== base.status ? (
              <tr>
                <th scope="row">{t('milestones.status')}</th>
                <td>
                  <MilestoneStatusBadge status={theirs.status} />
                </td>
                <td className="muted">{t('milestoneEdit.conflict.notChangedByYou')}</td>
              </tr>
            ) : null}
            {rows.map((f) => {
              const yours = mine[f];
              return (
                <tr key={f}>
                  <th scope="row">{t(`milestoneEdit.${f}`)}</th>
                  <td className="conflict-value">{show(f, theirs[f])}</td>
                  <td className="conflict-value">
                    {yours === undefined ? (
                      <span className="muted">{t('milestoneEdit.conflict.notChangedByYou')}</span>
                    ) : (
                      show(f, yours)
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('milestoneEdit.conflict.applyHint')}</p>
      {problem}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={pending}
          onClick={onApplyMine}
        >
          {pending ? t('milestoneEdit.saving') : t('milestoneEdit.conflict.apply')}
        </button>
        <button type="button" className="button" disabled={pending} onClick={onKeepTheirs}>
          {t('milestoneEdit.conflict.keep')}
        </button>
      </div>
    </section>
  );
}
