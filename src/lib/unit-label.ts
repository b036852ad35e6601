import { useTranslation } from 'react-i18next';
import type { KpiDefinition } from '@domain/contract/kpi';
import { formatInteger } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';

/** "Taux pour 100" rather than "Taux" when the rate has a base: the base is part of the unit. */
export function useUnitLabel() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (kpi: Pick<KpiDefinition, 'unit' | 'ratePer'>) =>
    kpi.unit === 'rate' && kpi.ratePer && kpi.ratePer > 1
      ? t('unit.ratePer', { per: formatInteger(kpi.ratePer, locale) })
      : t(`unit.${kpi.unit}`);
}
