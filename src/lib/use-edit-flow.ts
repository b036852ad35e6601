import { useRef, useState } from 'react';

type EditStep<Stored, Patch> =
  | { step: 'closed' }
  | { step: 'editing' }
  /** Someone saved first: `theirs` is what is stored, `mine` what the user would send. */
  | { step: 'conflict'; theirs: Stored; mine: Patch };

/** What the status line says once the form closes, or after a save that changed nothing. */
export type EditNotice = 'saved' | 'unchanged' | 'keptTheirs' | null;

/** A failed save as the flow routes it: each kind is shown in a different place. */
export type SaveFailure<Stored, Errors, Problem> =
  /** A 412 with the stored row: the conflict panel. */
  | { kind: 'conflict'; current: Stored }
  /** Fields the server refused: back to the form, beside each field. */
  | { kind: 'fields'; errors: Errors }
  /** Anything else: a message above the buttons of whichever view is open. */
  | { kind: 'problem'; problem: Problem };

type DraftResult<Errors, Patch> =
  { kind: 'unchanged' } | { kind: 'invalid'; errors: Errors } | { kind: 'valid'; patch: Patch };

interface SaveCallbacks {
  onSuccess: () => void;
  onError: (error: unknown) => void;
}

interface EditFlowOptions<Stored, Patch, Base, Draft, Errors, Problem> {
  /** The record as the page shows it now: what opening the form starts from. */
  stored: Stored;
  /** The version and values the user starts from: what "changed" and If-Match are relative to. */
  baseOf: (stored: Stored) => Base;
  draftOf: (stored: Stored) => Draft;
  /** The form reopened on their version plus the user's changes, after "apply mine". */
  draftAfterConflict: (theirs: Stored, mine: Patch) => Draft;
  buildPatch: (base: Base, draft: Draft) => DraftResult<Errors, Patch>;
  /** Sends one save with If-Match `version`. */
  save: (version: number, patch: Patch, callbacks: SaveCallbacks) => void;
  classify: (error: unknown) => SaveFailure<Stored, Errors, Problem>;
  /** Shows the stored version everywhere, without writing anything. */
  adopt: (theirs: Stored) => void;
  /** Runs on each opening, e.g. to forget the previous save's outcome. */
  onOpen?: () => void;
  /**
   * Go back to the form as soon as "apply mine" is sent, for flows whose refusals are shown in
   * the form; otherwise the conflict panel stays, pending, until the answer.
   */
  reapplyFromForm?: boolean;
  emptyErrors: Errors;
}

/**
 * The edit → save → 412 conflict → "apply mine" / "keep theirs" steps shared by the inline
 * editors, with the focus going back to the opening button when the form closes.
 */
export function useEditFlow<
  Stored extends { version: number },
  Patch,
  Base extends { version: number },
  Draft,
  Errors,
  Problem,
>(options: EditFlowOptions<Stored, Patch, Base, Draft, Errors, Problem>) {
  const { stored, baseOf, draftOf, emptyErrors } = options;
  const [step, setStep] = useState<EditStep<Stored, Patch>>({ step: 'closed' });
  const [base, setBase] = useState(() => baseOf(stored));
  const [draft, setDraft] = useState<Draft>(() => draftOf(stored));
  const [errors, setErrors] = useState<Errors>(emptyErrors);
  // Counts refused submits, so the form can move focus to its error summary each time.
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<EditNotice>(null);
  const returnFocus = useRef(false);
  // What the last save sent, for "retry" after a network or server failure.
  const lastSent = useRef<{ version: number; changes: Patch } | null>(null);

  function open() {
    setBase(baseOf(stored));
    setDraft(draftOf(stored));
    setErrors(emptyErrors);
    setProblem(null);
    setNotice(null);
    options.onOpen?.();
    setStep({ step: 'editing' });
  }

  function close(next: EditNotice) {
    setStep({ step: 'closed' });
    setNotice(next);
    returnFocus.current = true;
  }

  function reject(fieldErrors: Errors) {
    setErrors(fieldErrors);
    setAttempt((n) => n + 1);
  }

  function send(version: number, changes: Patch) {
    setProblem(null);
    lastSent.current = { version, changes };
    options.save(version, changes, {
      onSuccess: () => close('saved'),
      onError: (error) => {
        const failure = options.classify(error);
        if (failure.kind === 'conflict') {
          setStep({ step: 'conflict', theirs: failure.current, mine: changes });
        } else if (failure.kind === 'fields') {
          setStep({ step: 'editing' });
          reject(failure.errors);
        } else {
          setProblem(failure.problem);
        }
      },
    });
  }

  function submit() {
    setNotice(null);
    const result = options.buildPatch(base, draft);
    if (result.kind === 'invalid') return reject(result.errors);
    setErrors(emptyErrors);
    if (result.kind === 'unchanged') return setNotice('unchanged');
    send(base.version, result.patch);
  }

  function retry() {
    if (lastSent.current) send(lastSent.current.version, lastSent.current.changes);
  }

  /** "Apply mine" on the conflict panel: the user's changes again, over their version. */
  function applyMine() {
    if (step.step !== 'conflict') return;
    const { theirs, mine } = step;
    // From now on the edit is relative to their version: should the server refuse a field, the
    // form reopens on their values plus the user's changes, never on stale ones.
    setBase(baseOf(theirs));
    setDraft(options.draftAfterConflict(theirs, mine));
    if (options.reapplyFromForm) setStep({ step: 'editing' });
    send(theirs.version, mine);
  }

  /** "Keep theirs" on the conflict panel: nothing is written, the page shows their version. */
  function keepTheirs() {
    if (step.step !== 'conflict') return;
    options.adopt(step.theirs);
    close('keptTheirs');
  }

  /** On the button that opens the form: focus comes back to it once the form closes. */
  function openButtonRef(element: HTMLButtonElement | null) {
    // Only after a close, not on first render.
    if (element && returnFocus.current) {
      returnFocus.current = false;
      element.focus();
    }
  }

  return {
    isOpen: step.step !== 'closed',
    /** While someone else's save is in the way: what the conflict panel shows and its choices. */
    conflict:
      step.step === 'conflict'
        ? {
            base,
            theirs: step.theirs,
            mine: step.mine,
            onApplyMine: applyMine,
            onKeepTheirs: keepTheirs,
          }
        : null,
    base,
    draft,
    setDraft,
    errors,
    attempt,
    problem,
    notice,
    open,
    close,
    retry,
    submit,
    openButtonRef,
  };
}
