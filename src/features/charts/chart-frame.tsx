import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

interface ChartFrameProps {
  title: string;
  /** One sentence saying what the chart shows, read before it. */
  summary: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  onDownload: () => void;
}

/**
 * A chart with its two companions: "view as table" (the same numbers, kept in the URL so a
 * shared link opens the same view) and "download CSV".
 */
export function ChartFrame({ title, summary, chart, table, onDownload }: ChartFrameProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [search, setSearch] = useSearchParams();
  const asTable = search.get('view') === 'table';
  const toggle = () =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (asTable) next.delete('view');
        else next.set('view', 'table');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  return (
    <section className="chart-frame" aria-labelledby={headingId}>
      <div className="chart-frame-header">
        <h2 id={headingId}>{title}</h2>
        <div className="actions chart-actions">
          <button type="button" className="button button-small" onClick={toggle}>
            {asTable ? t('charts.viewChart') : t('charts.viewTable')}
          </button>
          <button type="button" className="button button-small" onClick={onDownload}>
            {t('charts.download')}
          </button>
        </div>
      </div>
      <p className="chart-summary">{summary}</p>
      {asTable ? table : chart}
    </section>
  );
}
