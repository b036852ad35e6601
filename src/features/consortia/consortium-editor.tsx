import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consortium, ConsortiumPatch } from '@domain/contract/consortium';
import { useAdoptCurrentConsortium, usePatchConsortium } from '@/api/consortia';
import { isApiError } from '@/api/errors';
import { ConflictPanel } from './conflict-panel';
import {
  buildPatch,
  classifySaveError,
  EDITABLE_FIELDS,
  toDraft,
  type Draft,
  type EditableField,
  type EditableValues,
  type FieldErrors,
  type SaveProblem,
} from './consortium-draft';
import { ConsortiumForm, focusOnMount } from './consortium-form';

type Step =
  | { step: 'closed' }
  | { step: 'editing' }
  /** Someone saved first: `theirs` is what is stored, `mine` what the user changed. */
  | { step: 'conflict'; theirs: Consortium; mine: ConsortiumPatch };

/** The version and values the user started from: what "changed" and If-Match are relative to. */
type Base = EditableValues & { version: number };

type Notice = 'saved' | 'unchanged' | 'keptTheirs' | null;
type Failure = Extract<SaveProblem, { kind: 'refused' | 'retryable' }> | null;

function baseOf(c: Consortium): Base {
  const values = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, c[f]])) as EditableValues;
  return { ...values, version: c.version };
}

interface ConsortiumEditorProps {
  consortium: Consortium;
  /** From the shared `can` rule: the server decides, this only hides a button it would refuse. */
  canEdit: boolean;
}

/** "Edit details" on the consortium overview: an inline form, saved with If-Match. */
export function ConsortiumEditor({ consortium, canEdit }: ConsortiumEditorProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ step: 'closed' });
  const [base, setBase] = useState<Base>(() => baseOf(consortium));
  const [draft, setDraft] = useState<Draft>(() => toDraft(consortium));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const returnFocus = useRef(false);
  const patch = usePatchConsortium();
  const adopt = useAdoptCurrentConsortium();

  if (!canEdit) return null;

  function open() {
    setBase(baseOf(consortium));
    setDraft(toDraft(consortium));
    setErrors({});
    setFailure(null);
    setNotice(null);
    patch.reset();
    setStep({ step: 'editing' });
  }

  function close(next: Notice) {
    setStep({ step: 'closed' });
    setNotice(next);
    returnFocus.current = true;
  }

  function reject(fieldErrors: FieldErrors) {
    setErrors(fieldErrors);
    setAttempt((n) => n + 1);
  }

  function send(version: number, changes: ConsortiumPatch) {
    setFailure(null);
    patch.mutate(
      { consortiumId: consortium.id, version, patch: changes },
      {
        onSuccess: () => close('saved'),
        onError: (error) => {
          const problem: SaveProblem = isApiError(error)
            ? classifySaveError(error)
            : { kind: 'retryable', reason: 'server' };
          if (problem.kind === 'conflict') {
            setStep({ step: 'conflict', theirs: problem.current, mine: changes });
          } else if (problem.kind === 'fields') {
            setStep({ step: 'editing' });
            reject(problem.errors);
          } else {
            setFailure(problem);
          }
        },
      },
    );
  }

  function submit() {
    setNotice(null);
    const result = buildPatch(base, draft);
    if (result.kind === 'invalid') return reject(result.errors);
    setErrors({});
    if (result.kind === 'unchanged') return setNotice('unchanged');
    send(base.version, result.patch);
  }

  function applyMine(theirs: Consortium, mine: ConsortiumPatch) {
    // From now on the user's edit is relative to their version: should the server refuse a
    // field, the form reopens on their values plus the user's changes, never on stale ones.
    setBase(baseOf(theirs));
    setDraft(toDraft({ ...theirs, ...mine }));
    send(theirs.version, mine);
  }

  function keepTheirs(theirs: Consortium) {
    void adopt(theirs);
    close('keptTheirs');
  }

  const last = patch.variables;
  const failureMessage = failure ? (
    <div className="form-problem" role="alert">
      <p>{t(`consortiumEditor.problem.${failure.reason}`)}</p>
      {failure.kind === 'retryable' && last ? (
        <button type="button" className="button" onClick={() => send(last.version, last.patch)}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  ) : null;

  return (
    <div className="consortium-editor">
      {step.step === 'closed' ? (
        <div className="actions">
          <button
            ref={(el) => {
              // Back to the button that opened the form once it closes, not on first render.
              if (el && returnFocus.current) {
                returnFocus.current = false;
                el.focus();
              }
            }}
            type="button"
            className="button"
            onClick={open}
          >
            {t('consortiumEditor.edit')}
          </button>
        </div>
      ) : (
        <div className="panel edit-panel">
          {step.step === 'editing' ? (
            <ConsortiumForm
              draft={draft}
              errors={errors}
              attempt={attempt}
              pending={patch.isPending}
              problem={failureMessage}
              firstFieldRef={focusOnMount}
              onChange={(field: EditableField, value: string) =>
                setDraft((d) => ({ ...d, [field]: value }))
              }
              onSubmit={submit}
              onCancel={() => close(null)}
            />
          ) : (
            <ConflictPanel
              base={base}
              theirs={step.theirs}
              mine={step.mine}
              pending={patch.isPending}
              problem={failureMessage}
              onApplyMine={() => applyMine(step.theirs, step.mine)}
              onKeepTheirs={() => keepTheirs(step.theirs)}
            />
          )}
        </div>
      )}
      <p role="status" className={notice ? `edit-status edit-status-${notice}` : 'edit-status'}>
        {notice ? t(`consortiumEditor.${notice}`) : null}
      </p>
    </div>
  );
}
