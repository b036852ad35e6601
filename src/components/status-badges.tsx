import { useTranslation } from 'react-i18next';
import type { KpiStatus, Trend } from '@domain/contract/kpi';
import type { MilestoneStatus } from '@domain/contract/milestone';
import type { Health } from '@domain/contract/portfolio';
import { Icon, type IconName } from './icons';

/* Every status is shown as word + icon + colour: colour alone would fail WCAG 1.4.1. */

const HEALTH_ICON: Record<Health, IconName> = {
  on_track: 'check',
  at_risk: 'warning',
  off_track: 'cross',
};

export function HealthBadge({ health }: { health: Health }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-health-${health}`}>
      <Icon name={HEALTH_ICON[health]} />
      {t(`health.${health}`)}
    </span>
  );
}

const KPI_ICON: Record<KpiStatus, IconName> = {
  green: 'check',
  amber: 'warning',
  red: 'cross',
  no_data: 'dash',
};

/** null is the status of a value hidden from the reader: its "< 10" says why, no badge. */
export function KpiStatusBadge({ status, count }: { status: KpiStatus | null; count?: number }) {
  const { t } = useTranslation();
  if (status === null) return null;
  return (
    <span className={`badge badge-kpi-${status}`}>
      <Icon name={KPI_ICON[status]} />
      {t(`kpiStatus.${status}`)}
      {count === undefined ? null : <strong className="badge-count">{count}</strong>}
    </span>
  );
}

const MILESTONE_ICON: Record<MilestoneStatus, IconName> = {
  planned: 'clock',
  in_progress: 'arrow-right',
  submitted: 'arrow-up',
  changes_requested: 'warning',
  approved: 'check',
  waived: 'dash',
};

export function MilestoneStatusBadge({ status }: { status: MilestoneStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-ms-${status}`}>
      <Icon name={MILESTONE_ICON[status]} />
      {t(`milestoneStatus.${status}`)}
    </span>
  );
}

const TREND_ICON: Record<Trend, IconName> = {
  improving: 'arrow-up',
  worsening: 'arrow-down',
  stable: 'arrow-right',
  unknown: 'dash',
};

/** Arrow up means "getting better", whatever the KPI's direction: the word says so explicitly. */
export function TrendIndicator({ trend }: { trend: Trend }) {
  const { t } = useTranslation();
  return (
    <span className={`trend trend-${trend}`}>
      <Icon name={TREND_ICON[trend]} />
      {t(`trend.${trend}`)}
    </span>
  );
}
