import { useTranslation } from 'react-i18next';
import type { MilestoneTemplate, MilestoneTemplateInput } from '@domain/contract/milestone';
import { formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { focusOnMount } from './milestone-edit-form';
import { templateDifferences } from './template-draft';

interface TemplateConflictProps {
  theirs: MilestoneTemplate;
  mine: MilestoneTemplateInput;
  pending: boolean;
  onApplyMine: () => void;
  onKeepTheirs: () => void;
}

/** Someone saved the template first: the phases the two versions disagree on, side by side. */
export function TemplateConflict({
  theirs,
  mine,
  pending,
  onApplyMine,
  onKeepTheirs,
}: TemplateConflictProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const differences = templateDifferences(theirs.items, mine.items);
  const describe = (item: MilestoneTemplateInput['items'][number] | null) =>
    item ? (
      item.title[locale]
    ) : (
      <span className="muted">{t('milestoneTemplate.conflict.absent')}</span>
    );
  return (
    <section className="conflict-panel panel" aria-labelledby="tpl-conflict-heading">
      <h2 id="tpl-conflict-heading" tabIndex={-1} ref={focusOnMount} key={theirs.version}>
        {t('milestoneTemplate.conflict.title')}
      </h2>
      <p>{t('milestoneTemplate.conflict.body')}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="tpl-conflict-caption">
        <table className="table conflict-table">
          <caption id="tpl-conflict-caption">
            {t('milestoneTemplate.conflict.caption', {
              date: formatDateTime(theirs.updatedAt, locale),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('milestoneTemplate.fields.code')}</th>
              <th scope="col">{t('milestoneEdit.conflict.theirs')}</th>
              <th scope="col">{t('milestoneEdit.conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {differences.map((d) => (
              <tr key={d.code}>
                <th scope="row">{d.code}</th>
                <td>{describe(d.theirs)}</td>
                <td>{describe(d.mine)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('milestoneTemplate.conflict.applyHint')}</p>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={pending}
          onClick={onApplyMine}
        >
          {t('milestoneEdit.conflict.apply')}
        </button>
        <button type="button" className="button" disabled={pending} onClick={onKeepTheirs}>
          {t('milestoneEdit.conflict.keep')}
        </button>
      </div>
    </section>
  );
}
