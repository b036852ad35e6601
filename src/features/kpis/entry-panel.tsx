import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consortium } from '@domain/contract/consortium';
import type { ConsortiumKpiSummary, KpiValue, KpiValueInput } from '@domain/contract/kpi';
import type { ReportingPeriod } from '@domain/contract/reporting';
import { isApiError } from '@/api/errors';
import { consortiumKpiValuesQueryOptions } from '@/api/kpis';
import { conflictingValue, fieldProblems, usePutKpiValue } from '@/api/kpi-values';
import { formatDate, formatPeriod } from '@/lib/format';
import { useMe } from '@/lib/access';
import { useLocale } from '@/lib/use-locale';
import { draftOf, type CellDraft, type CellErrors } from './cell-draft';
import { CellConflict } from './cell-conflict';
import { CellEditor } from './cell-editor';
import { cellErrorsOf } from './cell-errors';
import { cellKey, EntryGrid } from './entry-grid';

interface EntryPanelProps {
  /** The id of the visible heading that names the grid. */
  labelledBy: string;
  consortium: Consortium;
  rows: ConsortiumKpiSummary[];
  periods: string[];
  values: KpiValue[];
  reportingPeriods: ReportingPeriod[];
  smallCountThreshold: number;
}

type Open =
  | { kind: 'editor'; kpiId: string; period: string; draft?: CellDraft; errors?: CellErrors }
  | { kind: 'conflict'; kpiId: string; period: string; theirs: KpiValue; mine: KpiValueInput };

interface Failure {
  kpiId: string;
  period: string;
  input: KpiValueInput;
  version: number | null;
  reason: 'network' | 'server';
}

/**
 * The entry grid with its editor: a save closes the editor and shows the value at once; a
 * refusal puts it back (rolled back in the cache) and says why, on the field when it names one.
 */
export function EntryPanel(props: EntryPanelProps) {
  const { labelledBy, consortium, rows, periods, values, reportingPeriods, smallCountThreshold } =
    props;
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const queryClient = useQueryClient();
  const put = usePutKpiValue();
  const [open, setOpen] = useState<Open | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<Failure | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const byCell = new Map(values.map((v) => [cellKey(v.kpiId, v.period), v]));
  const lockedPeriods = new Map(
    reportingPeriods.filter((p) => p.status === 'locked').map((p) => [p.period, p]),
  );
  const rowOf = (kpiId: string) => rows.find((r) => r.kpi.id === kpiId);
  const cellName = (kpiId: string, period: string) =>
    t('kpiEntry.cellName', {
      kpi: rowOf(kpiId)?.kpi.code ?? kpiId,
      period: formatPeriod(period, locale),
    });

  const mark = (key: string, on: boolean) =>
    setPending((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  /** After a 428 (the cell was empty when read, filled since), the value now stored. */
  async function storedValue(kpiId: string, period: string): Promise<KpiValue | null> {
    const fresh = await queryClient.fetchQuery({
      ...consortiumKpiValuesQueryOptions(consortium.id),
      staleTime: 0,
    });
    return fresh.items.find((v) => v.kpiId === kpiId && v.period === period) ?? null;
  }

  async function save(
    kpiId: string,
    period: string,
    input: KpiValueInput,
    version: number | null,
    draft?: CellDraft,
  ) {
    const row = rowOf(kpiId);
    if (!row) return;
    const key = cellKey(kpiId, period);
    setOpen(null);
    setFailure(null);
    mark(key, true);
    try {
      await put.mutateAsync({
        consortiumId: consortium.id,
        kpi: row.kpi,
        period,
        input,
        version,
        enteredBy: me.name,
      });
      setAnnouncement(t('kpiEntry.saved', { cell: cellName(kpiId, period) }));
    } catch (error) {
      const theirs =
        conflictingValue(error) ??
        (isApiError(error) && error.status === 428 ? await storedValue(kpiId, period) : null);
      const problems = fieldProblems(error);
      if (theirs) {
        setOpen({ kind: 'conflict', kpiId, period, theirs, mine: input });
      } else if (problems.length > 0) {
        setAnnouncement(t('kpiEntry.refused', { cell: cellName(kpiId, period) }));
        setOpen({ kind: 'editor', kpiId, period, draft, errors: cellErrorsOf(problems) });
      } else {
        const reason = isApiError(error) && error.kind === 'network' ? 'network' : 'server';
        setFailure({ kpiId, period, input, version, reason });
      }
    } finally {
      mark(key, false);
    }
  }

  const lockReason = (period: string) => {
    const locked = lockedPeriods.get(period);
    if (!locked) return null;
    return t('kpiEntry.lockedReason', {
      period: formatPeriod(period, locale),
      date: locked.lockedAt ? formatDate(locked.lockedAt.slice(0, 10), locale) : '—',
    });
  };

  const openRow = open ? rowOf(open.kpiId) : undefined;
  return (
    <>
      <p id="entry-grid-help" className="muted small">
        {t('kpiEntry.grid.help')}
      </p>
      {failure ? (
        <div className="form-problem" role="alert">
          <p>
            {t(`kpiEntry.failed.${failure.reason}`, {
              cell: cellName(failure.kpiId, failure.period),
            })}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() =>
                void save(failure.kpiId, failure.period, failure.input, failure.version)
              }
            >
              {t('common.retry')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setFailure(null)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <EntryGrid
        labelledBy={labelledBy}
        rows={rows}
        periods={periods}
        values={byCell}
        locked={new Set(lockedPeriods.keys())}
        pending={pending}
        smallCountThreshold={smallCountThreshold}
        onOpen={(kpiId, period) => {
          if (!pending.has(cellKey(kpiId, period))) setOpen({ kind: 'editor', kpiId, period });
        }}
      />
      {open && openRow && open.kind === 'editor' ? (
        <CellEditor
          key={cellKey(open.kpiId, open.period)}
          ctx={{ kpi: openRow.kpi, settings: openRow.settings, period: open.period, consortium }}
          consortiumId={consortium.id}
          current={byCell.get(cellKey(open.kpiId, open.period)) ?? null}
          draft={
            open.draft ??
            draftOf(
              byCell.get(cellKey(open.kpiId, open.period)) ?? null,
              t(`sourceType.${openRow.kpi.sourceType}`),
            )
          }
          errors={open.errors ?? {}}
          lockedReason={lockReason(open.period)}
          smallCountThreshold={smallCountThreshold}
          onSave={(input, draft) =>
            void save(
              open.kpiId,
              open.period,
              input,
              byCell.get(cellKey(open.kpiId, open.period))?.version ?? null,
              draft,
            )
          }
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open && openRow && open.kind === 'conflict' ? (
        <CellConflict
          kpi={openRow.kpi}
          period={open.period}
          theirs={open.theirs}
          mine={open.mine}
          smallCountThreshold={smallCountThreshold}
          onApplyMine={() => void save(open.kpiId, open.period, open.mine, open.theirs.version)}
          onKeepTheirs={() => {
            setOpen(null);
            setAnnouncement(t('kpiEntry.keptTheirs', { cell: cellName(open.kpiId, open.period) }));
          }}
        />
      ) : null}
    </>
  );
}
