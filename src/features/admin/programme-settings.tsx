import { useTranslation } from 'react-i18next';
import type { Programme } from '@domain/contract/programme';
import { can } from '@domain/rules/permissions';
import { FactList } from '@/components/fact-list';
import { principalOf, useMe } from '@/lib/access';
import { formatDate, formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { ProgrammeEditor } from './programme-editor';

/**
 * The programme's rules as they stand: what decides suppression, lateness and who sets targets.
 * Its managers change them here; anyone else who reaches the page reads them.
 */
export function ProgrammeSettings({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // From the shared `can` rule: the server decides, this only hides a form it would refuse.
  const canEdit = can(principalOf(useMe()), 'programme.manage', { programmeId: programme.id });
  return (
    <>
      {canEdit ? <ProgrammeEditor programme={programme} /> : null}
      <section className="panel" aria-labelledby="admin-programme">
        <h2 id="admin-programme">{t('admin.programme')}</h2>
        <FactList
          className="facts-grid"
          facts={[
            { label: t('admin.name'), value: programme.name },
            { label: t('admin.funder'), value: programme.funder || t('common.notSet') },
            {
              label: t('admin.dates'),
              value: t('common.dateRange', {
                start: formatDate(programme.startDate, locale),
                end: formatDate(programme.endDate, locale),
              }),
            },
            { label: t('admin.description'), value: programme.description || t('common.notSet') },
          ]}
        />
      </section>
      <section className="panel" aria-labelledby="admin-thresholds">
        <h2 id="admin-thresholds">{t('admin.thresholds')}</h2>
        <FactList
          facts={[
            {
              label: t('admin.smallCountThreshold'),
              value: t('admin.smallCountValue', { count: programme.smallCountThreshold }),
            },
            {
              label: t('admin.slippageTolerance'),
              value: t('admin.slippageValue', { count: programme.slippageToleranceDays }),
            },
            {
              label: t('admin.targetsSetBy'),
              value: t(
                programme.leadsSetTargets ? 'admin.targetsByLeads' : 'admin.targetsByManagers',
              ),
            },
          ]}
        />
      </section>
      <p className="muted small">
        {t('admin.lastChange', {
          version: programme.version,
          date: formatDateTime(programme.updatedAt, locale),
        })}
      </p>
    </>
  );
}
