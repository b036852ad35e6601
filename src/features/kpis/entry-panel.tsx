import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consortium } from '@domain/contract/consortium';
import { KpiValue, type ConsortiumKpiSummary, type KpiValueInput } from '@domain/contract/kpi';
import type { ReportingPeriod } from '@domain/contract/reporting';
import { classifyApiError, isApiError, type FieldProblem } from '@/api/errors';
import { consortiumKpiValuesQueryOptions } from '@/api/kpis';
import { usePutKpiValue } from '@/api/kpi-values';
import { formatDate, formatPeriod } from '@/lib/format';
import { useMe } from '@/lib/access';
import { useConflictStep } from '@/lib/use-conflict-step';
import { useLocale } from '@/lib/use-locale';
import { draftOf, type CellDraft, type CellField } from './cell-draft';
import { CellConflict } from './cell-conflict';
import { CellEditor } from './cell-editor';
import { cellFieldOf } from './cell-errors';
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

type CellProblems = readonly FieldProblem<CellField | 'root'>[];
// One empty list: the editor applies the server's refusals when the list it is given changes.
const NO_PROBLEMS: CellProblems = [];

/** The editor on a cell; after a refusal, with what was typed and what the server refused. */
interface Editing {
  kpiId: string;
  period: string;
  draft?: CellDraft;
  problems?: CellProblems;
}

/** One save of a cell: the input sent and the text it came from, kept whole whatever happens. */
interface Typed {
  kpiId: string;
  period: string;
  input: KpiValueInput;
  draft: CellDraft;
}

interface Failure {
  typed: Typed;
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
  const [editing, setEditing] = useState<Editing | null>(null);
  const conflictStep = useConflictStep<KpiValue, Typed>();
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

  async function save(typed: Typed, version: number | null) {
    const { kpiId, period, input } = typed;
    const row = rowOf(kpiId);
    if (!row) return;
    const key = cellKey(kpiId, period);
    setEditing(null);
    conflictStep.close();
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
      const problem = classifyApiError(error, { current: KpiValue, fieldOf: cellFieldOf });
      const theirs =
        problem.kind === 'conflict'
          ? problem.current
          : isApiError(error) && error.status === 428
            ? await storedValue(kpiId, period)
            : null;
      if (theirs) {
        conflictStep.open(theirs, typed);
      } else if (problem.kind === 'fields') {
        setAnnouncement(t('kpiEntry.refused', { cell: cellName(kpiId, period) }));
        setEditing({ kpiId, period, draft: typed.draft, problems: problem.fields });
      } else {
        const reason = problem.kind === 'general' && problem.reason === 'network';
        setFailure({ typed, version, reason: reason ? 'network' : 'server' });
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

  const editingRow = editing ? rowOf(editing.kpiId) : undefined;
  const { conflict } = conflictStep;
  const conflictRow = conflict ? rowOf(conflict.mine.kpiId) : undefined;
  return (
    <>
      <p id="entry-grid-help" className="muted small">
        {t('kpiEntry.grid.help')}
      </p>
      {failure ? (
        <div className="form-problem" role="alert">
          <p>
            {t(`kpiEntry.failed.${failure.reason}`, {
              cell: cellName(failure.typed.kpiId, failure.typed.period),
            })}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => void save(failure.typed, failure.version)}
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
          if (!pending.has(cellKey(kpiId, period))) setEditing({ kpiId, period });
        }}
      />
      {editing && editingRow ? (
        <CellEditor
          key={cellKey(editing.kpiId, editing.period)}
          ctx={{
            kpi: editingRow.kpi,
            settings: editingRow.settings,
            period: editing.period,
            consortium,
          }}
          consortiumId={consortium.id}
          current={byCell.get(cellKey(editing.kpiId, editing.period)) ?? null}
          draft={
            editing.draft ??
            draftOf(
              byCell.get(cellKey(editing.kpiId, editing.period)) ?? null,
              t(`sourceType.${editingRow.kpi.sourceType}`),
            )
          }
          problems={editing.problems ?? NO_PROBLEMS}
          lockedReason={lockReason(editing.period)}
          smallCountThreshold={smallCountThreshold}
          onSave={(input, draft) =>
            void save(
              { kpiId: editing.kpiId, period: editing.period, input, draft },
              byCell.get(cellKey(editing.kpiId, editing.period))?.version ?? null,
            )
          }
          onClose={() => setEditing(null)}
        />
      ) : null}
      {conflict && conflictRow ? (
        <CellConflict
          kpi={conflictRow.kpi}
          period={conflict.mine.period}
          theirs={conflict.theirs}
          mine={conflict.mine.input}
          smallCountThreshold={smallCountThreshold}
          onApplyMine={() => {
            const again = conflictStep.applyMine();
            if (again) void save(again.mine, again.version);
          }}
          onKeepTheirs={() => {
            conflictStep.keepTheirs();
            setAnnouncement(
              t('kpiEntry.keptTheirs', {
                cell: cellName(conflict.mine.kpiId, conflict.mine.period),
              }),
            );
          }}
        />
      ) : null}
    </>
  );
}
