import type { ReactNode } from 'react';
import { focusOnMount } from '@/lib/focus';

/** One line of the "theirs vs mine" table. */
export interface ConflictRow {
  key: string;
  label: ReactNode;
  theirs: ReactNode;
  mine: ReactNode;
  /** Free text keeps its line breaks and long words wrap; badges and titles need no such rule. */
  valueClassName?: string;
}

/** The words of one flow: each feature has its own keys, some shared between flows. */
export interface ConflictLabels {
  title: string;
  body: string;
  caption: string;
  fieldColumn: string;
  theirsColumn: string;
  mineColumn: string;
  applyHint: string;
  apply: string;
  keep: string;
}

interface ConflictPanelProps {
  /** Makes the heading and caption ids unique on the page. */
  idPrefix: string;
  /** The stored version shown: a newer conflict remounts the heading, which takes focus again. */
  version: number;
  labels: ConflictLabels;
  rows: ConflictRow[];
  pending: boolean;
  problem?: ReactNode;
  /** Extra classes on the section, for a panel that is not already inside one. */
  className?: string;
  onApplyMine: () => void;
  onKeepTheirs: () => void;
}

/**
 * Someone saved first: both versions side by side, and the user decides. Nothing is written
 * until they pick one.
 */
export function ConflictPanel(props: ConflictPanelProps) {
  const { idPrefix, version, labels, rows, pending, problem, className } = props;
  const headingId = `${idPrefix}-heading`;
  const captionId = `${idPrefix}-caption`;
  return (
    <section
      className={className ? `conflict-panel ${className}` : 'conflict-panel'}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} tabIndex={-1} ref={focusOnMount} key={version}>
        {labels.title}
      </h2>
      <p>{labels.body}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="table conflict-table">
          <caption id={captionId}>{labels.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.fieldColumn}</th>
              <th scope="col">{labels.theirsColumn}</th>
              <th scope="col">{labels.mineColumn}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className={row.valueClassName}>{row.theirs}</td>
                <td className={row.valueClassName}>{row.mine}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">{labels.applyHint}</p>
      {problem}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={pending}
          onClick={props.onApplyMine}
        >
          {labels.apply}
        </button>
        <button type="button" className="button" disabled={pending} onClick={props.onKeepTheirs}>
          {labels.keep}
        </button>
      </div>
    </section>
  );
}

interface FieldConflictInput<Field extends string, Value> {
  fields: readonly Field[];
  /** What the user started from. */
  base: Record<Field, Value>;
  /** What is stored now (the 412 answer's `current`). */
  theirs: Record<Field, Value>;
  /** The fields the user changed, as they would be sent. */
  mine: Partial<Record<Field, Value>>;
  label: (field: Field) => ReactNode;
  /** A value as the reader sees it; the field says how to read it. */
  show: (value: Value, field: Field) => ReactNode;
  notChangedByYou: string;
}

/** Rows for the fields either side touched; untouched ones are the same in both versions. */
export function fieldConflictRows<Field extends string, Value>(
  input: FieldConflictInput<Field, Value>,
): ConflictRow[] {
  const { fields, base, theirs, mine, label, show } = input;
  return fields
    .filter((f) => mine[f] !== undefined || theirs[f] !== base[f])
    .map((f) => {
      const yours = mine[f];
      return {
        key: f,
        label: label(f),
        theirs: show(theirs[f], f),
        mine:
          yours === undefined ? (
            <span className="muted">{input.notChangedByYou}</span>
          ) : (
            show(yours, f)
          ),
        valueClassName: 'conflict-value',
      };
    });
}
