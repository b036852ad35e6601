import { useState } from 'react';

interface Conflict<Row, Values> {
  /** What is stored now, from the 412. */
  theirs: Row;
  /** What the user had typed: kept whole, so nothing is lost whichever way they choose. */
  mine: Values;
}

/**
 * The 412 step of an edit form: the server holds a newer row, the conflict panel shows it beside
 * what the user typed, and they pick one. Sending and adopting stay with the form, which knows
 * its mutation and its cache.
 */
export function useConflictStep<Row extends { version: number }, Values>() {
  const [conflict, setConflict] = useState<Conflict<Row, Values> | null>(null);

  return {
    conflict,
    /** On a 412 with the stored row; a newer one replaces the previous conflict. */
    open: (theirs: Row, mine: Values) => setConflict({ theirs, mine }),
    /**
     * "Apply mine": the typed values and the version to send them over. The panel stays until the
     * answer, so a refusal can be shown on it and another 412 can replace it.
     */
    applyMine: (): { version: number; mine: Values } | null =>
      conflict ? { version: conflict.theirs.version, mine: conflict.mine } : null,
    /** "Keep theirs": nothing is written; the form adopts the stored row. */
    keepTheirs: (): Row | null => {
      setConflict(null);
      return conflict?.theirs ?? null;
    },
    /** Once "apply mine" is saved, or the form closes. */
    close: () => setConflict(null),
  };
}
