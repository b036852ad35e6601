import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/icons';

/** What each mark means, with the same shapes as the chart: shape and text, not colour alone. */
export function TimelineLegend() {
  const { t } = useTranslation();
  return (
    <ul className="tl-legend" aria-label={t('programmeTimeline.legend')}>
      <li>
        <span className="tl-key tl-key-baseline" aria-hidden="true" />
        {t('programmeTimeline.key.baseline')}
      </li>
      <li>
        <span className="tl-key tl-key-forecast" aria-hidden="true" />
        {t('programmeTimeline.key.forecast')}
      </li>
      <li>
        <span className="tl-key tl-status-approved" aria-hidden="true" />
        {t('programmeTimeline.key.approved')}
      </li>
      <li>
        <span className="tl-key tl-status-changes_requested" aria-hidden="true" />
        {t('programmeTimeline.key.changesRequested')}
      </li>
      <li>
        <span className="tl-key tl-status-planned" aria-hidden="true" />
        {t('programmeTimeline.key.notStarted')}
      </li>
      <li>
        <span className="tl-key tl-key-actual" aria-hidden="true" />
        {t('programmeTimeline.key.actual')}
      </li>
      <li>
        <span className="tl-key tl-key-today" aria-hidden="true" />
        {t('programmeTimeline.key.today')}
      </li>
      <li>
        <span className="tl-late">
          <Icon name="warning" />
          {t('programmeTimeline.key.late')}
        </span>
      </li>
    </ul>
  );
}
