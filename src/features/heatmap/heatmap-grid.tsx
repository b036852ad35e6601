import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Heatmap, HeatmapCell, HeatmapKpi } from '@domain/contract/heatmap';
import { Icon, type IconName } from '@/components/icons';
import { ValueText } from '@/components/value-text';
import { formatPeriod } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useLocale } from '@/lib/use-locale';

const ICON: Record<NonNullable<HeatmapCell['status']> | 'hidden', IconName> = {
  green: 'check',
  amber: 'warning',
  red: 'cross',
  no_data: 'dash',
  hidden: 'dash',
};

const MOVES: Record<string, [number, number]> = {
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
};

/** Arrow keys move between cells as in a spreadsheet; Tab still walks every link in order. */
function moveFocus(event: KeyboardEvent<HTMLTableElement>) {
  const move = MOVES[event.key];
  const from = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
  if (!move || !from) return;
  const [row, col] = (from.dataset.cell ?? '').split(':').map(Number) as [number, number];
  const next = event.currentTarget.querySelector<HTMLElement>(
    `[data-cell="${row + move[0]}:${col + move[1]}"] a`,
  );
  if (!next) return;
  event.preventDefault();
  next.focus();
}

export function HeatmapGrid({ heatmap }: { heatmap: Heatmap }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const cellOf = new Map(heatmap.cells.map((c) => [`${c.consortiumId}|${c.kpiId}`, c]));
  return (
    <div
      className="table-wrap heatmap-wrap"
      tabIndex={0}
      role="region"
      aria-labelledby="heatmap-caption"
    >
      <table className="table heatmap" onKeyDown={moveFocus}>
        <caption id="heatmap-caption">
          {t('heatmap.caption', { period: formatPeriod(heatmap.period, locale) })}
          <span className="visually-hidden"> {t('heatmap.keyboard')}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('heatmap.consortium')}</th>
            {heatmap.kpis.map((k) => (
              <th key={k.id} scope="col" className="heatmap-kpi">
                <abbr title={k.name[locale]}>{k.code}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heatmap.consortia.map((c, row) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={paths.consortium.getHref(c.id)}>{c.name}</Link>
              </th>
              {heatmap.kpis.map((k, col) => {
                const cell = cellOf.get(`${c.id}|${k.id}`);
                return cell ? (
                  <HeatCell key={k.id} cell={cell} kpi={k} heatmap={heatmap} at={`${row}:${col}`} />
                ) : (
                  <td key={k.id} className="heat heat-untracked" data-cell={`${row}:${col}`}>
                    <span className="muted">{t('heatmap.untracked')}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HeatCell({
  cell,
  kpi,
  heatmap,
  at,
}: {
  cell: HeatmapCell;
  kpi: HeatmapKpi;
  heatmap: Heatmap;
  at: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const state = cell.status ?? 'hidden';
  const label = cell.status ? t(`kpiStatus.${cell.status}`) : t('heatmap.hidden');
  return (
    <td className={`heat heat-${state}`} data-cell={at}>
      <Link to={paths.kpiDetail.getHref(cell.consortiumId, cell.kpiId)} className="heat-link">
        <span className="heat-status">
          <Icon name={ICON[state]} />
          {label}
        </span>
        <span className="heat-value">
          <ValueText
            value={{ ...cell, numerator: null, denominator: null }}
            kpi={kpi}
            smallCountThreshold={heatmap.smallCountThreshold}
            showFraction={false}
          />
        </span>
        {cell.provisional ? <span className="heat-note">{t('heatmap.provisional')}</span> : null}
        {cell.period !== heatmap.period ? (
          <span className="heat-note">{formatPeriod(cell.period, locale)}</span>
        ) : null}
      </Link>
    </td>
  );
}
