import { useTranslation } from 'react-i18next';
import type { TooltipContentProps } from 'recharts';
import type { KpiDefinition } from '@domain/contract/kpi';
import { KpiStatusBadge } from '@/components/status-badges';
import { formatNumber, formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { ValueText } from '@/components/value-text';
import type { DetailRow } from './detail-rows';

type DetailTooltipProps = Pick<TooltipContentProps, 'active' | 'payload'> & {
  kpi: KpiDefinition;
  smallCountThreshold: number;
};

/** One period in words: value with its unit (and n for rates), target, status, provisional or final. */
export function DetailTooltip({ active, payload, kpi, smallCountThreshold }: DetailTooltipProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const row = payload[0]?.payload as DetailRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{formatPeriod(row.period, locale)}</p>
      <dl>
        <div>
          <dt>{t('charts.columns.value')}</dt>
          <dd>
            {row.value === null && !row.suppressed ? (
              t('charts.noValue')
            ) : (
              <ValueText value={row} kpi={kpi} smallCountThreshold={smallCountThreshold} />
            )}
          </dd>
        </div>
        <div>
          <dt>{t('charts.columns.target')}</dt>
          <dd>{row.target === null ? t('common.none') : formatNumber(row.target, kpi, locale)}</dd>
        </div>
        {row.provisional === null ? null : (
          <div>
            <dt>{t('charts.columns.status')}</dt>
            <dd>
              <KpiStatusBadge status={row.status} />{' '}
              {row.provisional ? t('kpiEntry.provisional') : t('kpiEntry.final')}
            </dd>
          </div>
        )}
        {row.definitionVersion === null ? null : (
          <div>
            <dt>{t('charts.columns.version')}</dt>
            <dd>{t('charts.versionLabel', { version: row.definitionVersion })}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
