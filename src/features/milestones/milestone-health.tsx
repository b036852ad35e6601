import { useTranslation } from 'react-i18next';
import type { IsoDate } from '@domain/contract/common';
import type { Milestone } from '@domain/contract/milestone';
import { daysLate, milestoneHealth, type MilestoneHealth } from '@domain/rules/milestone-health';
import { Icon, type IconName } from '@/components/icons';

const HEALTH_ICON: Record<MilestoneHealth, IconName> = {
  done: 'check',
  on_track: 'arrow-right',
  at_risk: 'warning',
  late: 'clock',
};

export interface HealthOf {
  health: MilestoneHealth;
  daysLate: number;
}

/** Health from the shared rule, with the programme's tolerance. */
export function healthOf(m: Milestone, today: IsoDate, slippageToleranceDays: number): HealthOf {
  return {
    health: milestoneHealth(m, { today, slippageToleranceDays }),
    daysLate: daysLate(m, today),
  };
}

/** Word + icon + colour, and the days behind when late: never colour alone. */
export function MilestoneHealthBadge({ health, daysLate: late }: HealthOf) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-ms-health-${health}`}>
      <Icon name={HEALTH_ICON[health]} />
      {health === 'late' && late > 0
        ? t('milestoneHealth.lateBy', { count: late })
        : t(`milestoneHealth.${health}`)}
    </span>
  );
}
