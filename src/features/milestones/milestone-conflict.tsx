import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone, MilestonePatch } from '@domain/contract/milestone';
import { ConflictPanel, fieldConflictRows, type ConflictRow } from '@/components/conflict-panel';
import { MilestoneStatusBadge } from '@/components/status-badges';
import { formatDate, formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { EDITED_FIELDS, type MilestoneBase } from './milestone-schema';

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
  const { base, theirs, mine, pending } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const notChangedByYou = t('milestoneEdit.conflict.notChangedByYou');
  // The status is not edited here, so only their side can have changed it.
  const statusRow: ConflictRow[] =
    theirs.status !== base.status
      ? [
          {
            key: 'status',
            label: t('milestones.status'),
            theirs: <MilestoneStatusBadge status={theirs.status} />,
            mine: <span className="muted">{notChangedByYou}</span>,
          },
        ]
      : [];
  const fieldRows = fieldConflictRows({
    fields: EDITED_FIELDS,
    base,
    theirs,
    mine,
    label: (f) => t(`milestoneEdit.${f}`),
    show: (value: string | number, field) =>
      field === 'progress'
        ? t('common.percent', { value })
        : formatDate(String(value), locale, 'long'),
    notChangedByYou,
  });

  return (
    <ConflictPanel
      idPrefix="ms-conflict"
      version={theirs.version}
      labels={{
        title: t('milestoneEdit.conflict.title'),
        body: t('milestoneEdit.conflict.body'),
        caption: t('milestoneEdit.conflict.caption', {
          date: formatDateTime(theirs.updatedAt, locale),
        }),
        fieldColumn: t('milestoneEdit.conflict.field'),
        theirsColumn: t('milestoneEdit.conflict.theirs'),
        mineColumn: t('milestoneEdit.conflict.yours'),
        applyHint: t('milestoneEdit.conflict.applyHint'),
        apply: pending ? t('milestoneEdit.saving') : t('milestoneEdit.conflict.apply'),
        keep: t('milestoneEdit.conflict.keep'),
      }}
      rows={[...statusRow, ...fieldRows]}
      pending={pending}
      problem={props.problem}
      onApplyMine={props.onApplyMine}
      onKeepTheirs={props.onKeepTheirs}
    />
  );
}
