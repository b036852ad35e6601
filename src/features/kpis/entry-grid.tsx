import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsortiumKpiSummary, KpiValue } from '@domain/contract/kpi';
import { statusOfValue } from '@domain/rules/summaries';
import { KpiStatusBadge } from '@/components/status-badges';
import { formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { ValueText } from '@/components/value-text';

export const cellKey = (kpiId: string, period: string) => `${kpiId}|${period}`;

interface EntryGridProps {
  /** The id of the heading that names the grid (kept outside the sideways-scrolling box). */
  labelledBy: string;
  rows: ConsortiumKpiSummary[];
  periods: string[];
  /** Current values by cellKey. */
  values: ReadonlyMap<string, KpiValue>;
  /** Locked periods (read-only). */
  locked: ReadonlySet<string>;
  /** Cells whose save is on its way. */
  pending: ReadonlySet<string>;
  smallCountThreshold: number;
  onOpen: (kpiId: string, period: string) => void;
}

type Position = { row: number; col: number };

const MOVES: Record<string, (p: Position, rows: number, cols: number, ctrl: boolean) => Position> =
  {
    ArrowRight: (p, _r, c) => ({ ...p, col: Math.min(c - 1, p.col + 1) }),
    ArrowLeft: (p) => ({ ...p, col: Math.max(0, p.col - 1) }),
    ArrowDown: (p, r) => ({ ...p, row: Math.min(r - 1, p.row + 1) }),
    ArrowUp: (p) => ({ ...p, row: Math.max(0, p.row - 1) }),
    Home: (p, _r, _c, ctrl) => ({ row: ctrl ? 0 : p.row, col: 0 }),
    End: (p, r, c, ctrl) => ({ row: ctrl ? r - 1 : p.row, col: c - 1 }),
  };

/**
 * Periods × KPIs as an ARIA grid: one Tab stop, arrow keys (and Home/End) move between cells,
 * Enter or Space opens the cell. Each saved cell says its status in words next to the colour.
 */
export function EntryGrid(props: EntryGridProps) {
  const { labelledBy, rows, periods, values, locked, pending, smallCountThreshold, onOpen } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const tableRef = useRef<HTMLTableElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  // Starts on the most recent period: the one a lead usually comes to fill in.
  const [active, setActive] = useState<Position>({ row: 0, col: periods.length - 1 });
  const at = {
    row: Math.min(active.row, rows.length - 1),
    col: Math.min(active.col, periods.length - 1),
  };

  // On a narrow screen the grid scrolls sideways: start on the recent periods, as the focus does.
  useLayoutEffect(() => {
    const wrap = wrapRef.current;
    if (wrap) wrap.scrollLeft = wrap.scrollWidth;
  }, [periods]);

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const move = MOVES[event.key];
    if (!move || !(event.target instanceof HTMLButtonElement)) return;
    event.preventDefault();
    const next = move(at, rows.length, periods.length, event.ctrlKey || event.metaKey);
    setActive(next);
    tableRef.current
      ?.querySelector<HTMLButtonElement>(`[data-cell="${next.row}-${next.col}"]`)
      ?.focus();
  }

  return (
    <div ref={wrapRef} className="table-wrap entry-grid-wrap">
      <table
        ref={tableRef}
        className="table entry-grid"
        role="grid"
        aria-labelledby={labelledBy}
        aria-describedby="entry-grid-help"
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr>
            <th scope="col">{t('kpiEntry.grid.kpi')}</th>
            {periods.map((p) => (
              <th key={p} scope="col" className="nowrap">
                {formatPeriod(p, locale)}
                {locked.has(p) ? (
                  <span className="tag tag-locked">{t('kpiEntry.grid.locked')}</span>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.kpi.id}>
              <th scope="row">
                <span className="kpi-name">{row.kpi.name[locale]}</span>
                <span className="kpi-code">{row.kpi.code}</span>
              </th>
              {periods.map((period, c) => {
                const key = cellKey(row.kpi.id, period);
                const value = values.get(key) ?? null;
                const saving = pending.has(key);
                return (
                  <td key={period} role="gridcell" aria-busy={saving || undefined}>
                    <button
                      type="button"
                      className="entry-cell"
                      data-cell={`${r}-${c}`}
                      tabIndex={r === at.row && c === at.col ? 0 : -1}
                      onFocus={() => setActive({ row: r, col: c })}
                      onClick={() => onOpen(row.kpi.id, period)}
                    >
                      {value ? (
                        <>
                          <ValueText
                            value={value}
                            kpi={row.kpi}
                            smallCountThreshold={smallCountThreshold}
                            showFraction={false}
                          />
                          <KpiStatusBadge status={statusOfValue(row.kpi, row.settings, value)} />
                          {value.provisional ? (
                            <span className="tag tag-provisional">{t('kpiEntry.provisional')}</span>
                          ) : null}
                        </>
                      ) : locked.has(period) ? (
                        <span className="entry-empty">
                          <span aria-hidden="true">—</span>
                          <span className="visually-hidden">{t('kpiEntry.grid.none')}</span>
                        </span>
                      ) : (
                        <span className="entry-empty">
                          <span className="visually-hidden">{t('kpiEntry.grid.none')}, </span>
                          {t('kpiEntry.grid.enter')}
                        </span>
                      )}
                      {saving ? <span className="tag">{t('kpiEntry.grid.saving')}</span> : null}
                    </button>
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
