import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { KpiDefinition, KpiValue } from '@domain/contract/kpi';
import { kpiValueHistoryQueryOptions } from '@/api/kpis';
import { formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { ValueText } from '@/components/value-text';

interface CellHistoryProps {
  consortiumId: string;
  kpi: KpiDefinition;
  period: string;
  smallCountThreshold: number;
}

/** Every revision of one cell, newest first: corrections keep what they replaced. */
export function CellHistory({ consortiumId, kpi, period, smallCountThreshold }: CellHistoryProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const history = useQuery(kpiValueHistoryQueryOptions(consortiumId, kpi.id, period));
  return (
    <section className="cell-history" aria-labelledby="cell-history-heading">
      <h3 id="cell-history-heading">{t('kpiEntry.history.title')}</h3>
      {history.isPending ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : history.isError ? (
        <p className="form-error">{t('kpiEntry.history.error')}</p>
      ) : history.data.items.length === 0 ? (
        <p className="muted">{t('kpiEntry.history.empty')}</p>
      ) : (
        <ol className="history-list">
          {history.data.items.map((rev: KpiValue) => (
            <li key={rev.id} className="history-item">
              <p className="history-line">
                <strong>{t('kpiEntry.history.revision', { revision: rev.revision })}</strong>{' '}
                <ValueText value={rev} kpi={kpi} smallCountThreshold={smallCountThreshold} />{' '}
                <span className="tag">
                  {rev.provisional ? t('kpiEntry.provisional') : t('kpiEntry.final')}
                </span>
              </p>
              <p className="muted small">
                {t('kpiEntry.history.by', {
                  name: rev.enteredBy,
                  date: formatDateTime(rev.enteredAt, locale),
                })}
                {' · '}
                {t('kpiEntry.history.source', { source: rev.source })}
              </p>
              {rev.note ? (
                <p className="small">{t('kpiEntry.history.note', { note: rev.note })}</p>
              ) : null}
              {rev.explanation ? (
                <p className="small">
                  {t('kpiEntry.history.explanation', { explanation: rev.explanation })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
