import { useTranslation } from 'react-i18next';
import type { MilestoneTemplate, MilestoneTemplateInput } from '@domain/contract/milestone';
import { ConflictPanel } from '@/components/conflict-panel';
import { formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { templateDifferences } from './template-schema';

interface TemplateConflictProps {
  theirs: MilestoneTemplate;
  mine: MilestoneTemplateInput;
  pending: boolean;
  onApplyMine: () => void;
  onKeepTheirs: () => void;
}

/** Someone saved the template first: the phases the two versions disagree on, side by side. */
export function TemplateConflict({ theirs, mine, ...choices }: TemplateConflictProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const describe = (item: MilestoneTemplateInput['items'][number] | null) =>
    item ? (
      item.title[locale]
    ) : (
      <span className="muted">{t('milestoneTemplate.conflict.absent')}</span>
    );
  const rows = templateDifferences(theirs.items, mine.items).map((d) => ({
    key: d.code,
    label: d.code,
    theirs: describe(d.theirs),
    mine: describe(d.mine),
  }));
  return (
    <ConflictPanel
      idPrefix="tpl-conflict"
      // Shown in place of the template form rather than inside an edit panel, so it draws its own.
      className="panel"
      version={theirs.version}
      labels={{
        title: t('milestoneTemplate.conflict.title'),
        body: t('milestoneTemplate.conflict.body'),
        caption: t('milestoneTemplate.conflict.caption', {
          date: formatDateTime(theirs.updatedAt, locale),
        }),
        fieldColumn: t('milestoneTemplate.fields.code'),
        theirsColumn: t('milestoneEdit.conflict.theirs'),
        mineColumn: t('milestoneEdit.conflict.yours'),
        applyHint: t('milestoneTemplate.conflict.applyHint'),
        apply: t('milestoneEdit.conflict.apply'),
        keep: t('milestoneEdit.conflict.keep'),
      }}
      rows={rows}
      {...choices}
    />
  );
}
