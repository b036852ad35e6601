import { useTranslation } from 'react-i18next';
import type { ReportingPeriod } from '@domain/contract/reporting';
import { comparePeriods } from '@domain/rules/periods';
import { Icon } from '@/components/icons';
import { formatDate, formatDateTime, formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';

/** Most recent period first: the one being reported on is what people come for. */
export function PeriodsTable({
  periods,
  programmeName,
}: {
  periods: ReportingPeriod[];
  programmeName: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sorted = [...periods].sort((a, b) => comparePeriods(b.period, a.period));
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="periods-caption">
      <table className="table">
        <caption id="periods-caption">{t('reports.caption', { name: programmeName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.period')}</th>
            <th scope="col">{t('reports.status')}</th>
            <th scope="col">{t('reports.deadline')}</th>
            <th scope="col">{t('reports.lockedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((p) => (
            <tr key={p.id}>
              <th scope="row">{formatPeriod(p.period, locale)}</th>
              <td>
                <span className={`badge badge-period-${p.status}`}>
                  <Icon name={p.status === 'locked' ? 'check' : 'clock'} />
                  {t(`periodStatus.${p.status}`)}
                </span>
              </td>
              <td className="nowrap">{formatDate(p.deadline, locale)}</td>
              <td className="nowrap">
                {p.lockedAt ? (
                  formatDateTime(p.lockedAt, locale)
                ) : (
                  <span className="muted">{t('common.none')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
