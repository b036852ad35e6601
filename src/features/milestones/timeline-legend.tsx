import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/icons';

/** Each swatch with the class the chart draws it with and the key of its label. */
const SWATCHES = [
  ['tl-key-baseline', 'baseline'],
  ['tl-key-forecast', 'forecast'],
  ['tl-status-approved', 'approved'],
  ['tl-status-changes_requested', 'changesRequested'],
  ['tl-status-planned', 'notStarted'],
  ['tl-key-actual', 'actual'],
  ['tl-key-today', 'today'],
] as const;

/** What each mark means, with the same shapes as the chart: shape and text, not colour alone. */
export function TimelineLegend() {
  const { t } = useTranslation();
  return (
    <ul className="tl-legend" aria-label={t('programmeTimeline.legend')}>
      {SWATCHES.map(([className, key]) => (
        <li key={key}>
          <span className={`tl-key ${className}`} aria-hidden="true" />
          {t(`programmeTimeline.key.${key}`)}
        </li>
      ))}
      <li>
        <span className="tl-late">
          <Icon name="warning" />
          {t('programmeTimeline.key.late')}
        </span>
      </li>
    </ul>
  );
}
