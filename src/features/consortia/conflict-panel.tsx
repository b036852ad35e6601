import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consortium, ConsortiumPatch } from '@domain/contract/consortium';
import { ConflictPanel, fieldConflictRows } from '@/components/conflict-panel';
import { formatDateTime, formatEuros } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { EDITABLE_FIELDS, type EditableValues } from './consortium-schema';

interface ConsortiumConflictProps {
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
 * Someone saved the consortium first: both versions side by side, and the user decides. Nothing
 * is written until they pick one.
 */
export function ConsortiumConflict(props: ConsortiumConflictProps) {
  const { base, theirs, mine, pending } = props;
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
  const rows = fieldConflictRows({
    fields: EDITABLE_FIELDS,
    base,
    theirs,
    mine,
    label: (f) => t(`consortiumEditor.fields.${f}`),
    show,
    notChangedByYou: t('consortiumEditor.conflict.notChangedByYou'),
  });

  return (
    <ConflictPanel
      idPrefix="consortium-conflict"
      version={theirs.version}
      labels={{
        title: t('consortiumEditor.conflict.title'),
        body: t('consortiumEditor.conflict.body'),
        caption: t('consortiumEditor.conflict.caption', {
          date: formatDateTime(theirs.updatedAt, locale),
        }),
        fieldColumn: t('consortiumEditor.conflict.field'),
        theirsColumn: t('consortiumEditor.conflict.theirs'),
        mineColumn: t('consortiumEditor.conflict.yours'),
        applyHint: t('consortiumEditor.conflict.applyHint'),
        apply: pending ? t('consortiumEditor.saving') : t('consortiumEditor.conflict.apply'),
        keep: t('consortiumEditor.conflict.keep'),
      }}
      rows={rows}
      pending={pending}
      problem={props.problem}
      onApplyMine={props.onApplyMine}
      onKeepTheirs={props.onKeepTheirs}
    />
  );
}
