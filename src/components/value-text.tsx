import { useTranslation } from 'react-i18next';
import type { KpiDefinition } from '@domain/contract/kpi';
import { smallCountLabel } from '@domain/rules/small-counts';
import { formatInteger, formatNumber } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';

interface ValueTextProps {
  value: {
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    suppressed: boolean;
  };
  kpi: Pick<KpiDefinition, 'unit' | 'decimals' | 'ratePer' | 'aggregation'>;
  smallCountThreshold: number;
  /** Rates show their fraction ("n = 12 / 40"): one event moves a small cohort's rate a lot. */
  showFraction?: boolean;
}

/** A stored value as people read it: with its unit, its fraction for rates, "< 10" when hidden. */
export function ValueText({
  value,
  kpi,
  smallCountThreshold,
  showFraction = true,
}: ValueTextProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (value.suppressed || value.value === null) {
    return value.suppressed ? (
      <abbr title={t('kpiTable.suppressed')}>{smallCountLabel(smallCountThreshold)}</abbr>
    ) : (
      <span className="muted">{t('common.none')}</span>
    );
  }
  const fraction =
    showFraction &&
    kpi.aggregation === 'rate' &&
    value.numerator !== null &&
    value.denominator !== null
      ? t('kpiEntry.fraction', {
          numerator: formatInteger(value.numerator, locale),
          denominator: formatInteger(value.denominator, locale),
        })
      : null;
  return (
    <span className="value-text">
      <span className="nowrap">{formatNumber(value.value, kpi, locale)}</span>
      {fraction ? <span className="value-fraction nowrap"> {fraction}</span> : null}
    </span>
  );
}
