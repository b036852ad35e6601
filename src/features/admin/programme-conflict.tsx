import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme, ProgrammePatch } from '@domain/contract/programme';
import { ConflictPanel, fieldConflictRows } from '@/components/conflict-panel';
import { formatDateTime, formatInteger } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { SETTING_FIELDS, type SettingValues } from './programme-schema';

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
  const { base, theirs, mine, pending } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const show = (value: string | number | boolean) => {
    if (typeof value === 'boolean')
      return t(value ? 'admin.targetsByLeads' : 'admin.targetsByManagers');
    if (typeof value === 'number') return formatInteger(value, locale);
    return value.trim() ? value : <span className="muted">{t('admin.conflict.empty')}</span>;
  };
  const rows = fieldConflictRows({
    fields: SETTING_FIELDS,
    base,
    theirs,
    mine,
    label: (f) => t(`admin.fields.${f}`),
    show,
    notChangedByYou: t('admin.conflict.notChangedByYou'),
  });

  return (
    <ConflictPanel
      idPrefix="programme-conflict"
      version={theirs.version}
      labels={{
        title: t('admin.conflict.title'),
        body: t('admin.conflict.body'),
        caption: t('admin.conflict.caption', { date: formatDateTime(theirs.updatedAt, locale) }),
        fieldColumn: t('admin.conflict.field'),
        theirsColumn: t('admin.conflict.theirs'),
        mineColumn: t('admin.conflict.yours'),
        applyHint: t('admin.conflict.applyHint'),
        apply: pending ? t('admin.saving') : t('admin.conflict.apply'),
        keep: t('admin.conflict.keep'),
      }}
      rows={rows}
      pending={pending}
      problem={props.problem}
      onApplyMine={props.onApplyMine}
      onKeepTheirs={props.onKeepTheirs}
    />
  );
}
