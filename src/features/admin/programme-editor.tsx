import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme, ProgrammePatch } from '@domain/contract/programme';
import { isApiError } from '@/api/errors';
import { useAdoptCurrentProgramme, usePatchProgramme } from '@/api/programmes';
import { focusOnMount } from '@/features/consortia/consortium-form';
import { ProgrammeConflict } from './programme-conflict';
import {
  buildPatch,
  classifySaveError,
  toDraft,
  valuesOf,
  type Draft,
  type FieldErrors,
  type SaveProblem,
  type SettingValues,
} from './programme-draft';
import { ProgrammeForm } from './programme-form';

type Step =
  | { step: 'closed' }
  | { step: 'editing' }
  /** Another manager saved first: `theirs` is what is stored, `mine` what this one changed. */
  | { step: 'conflict'; theirs: Programme; mine: ProgrammePatch };

/** The version and values the manager started from: what "changed" and If-Match are relative to. */
type Base = SettingValues & { version: number };

type Notice = 'saved' | 'unchanged' | 'keptTheirs' | null;
type Failure = Extract<SaveProblem, { kind: 'refused' | 'retryable' }> | null;

const baseOf = (p: Programme): Base => ({ ...valuesOf(p), version: p.version });

/** "Edit settings" in Administration: an inline form, saved with If-Match. Managers only. */
export function ProgrammeEditor({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ step: 'closed' });
  const [base, setBase] = useState<Base>(() => baseOf(programme));
  const [draft, setDraft] = useState<Draft>(() => toDraft(programme));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const returnFocus = useRef(false);
  const patch = usePatchProgramme();
  const adopt = useAdoptCurrentProgramme();

  function open() {
    setBase(baseOf(programme));
    setDraft(toDraft(programme));
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

  function send(version: number, changes: ProgrammePatch) {
    setFailure(null);
    patch.mutate(
      { programmeId: programme.id, version, patch: changes },
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

  function applyMine(theirs: Programme, mine: ProgrammePatch) {
    // From now on the edit is relative to their version: should the server refuse a field, the
    // form reopens on their values plus this manager's changes, never on stale ones.
    setBase(baseOf(theirs));
    setDraft(toDraft({ ...theirs, ...mine }));
    send(theirs.version, mine);
  }

  function keepTheirs(theirs: Programme) {
    void adopt(theirs);
    close('keptTheirs');
  }

  const last = patch.variables;
  const failureMessage = failure ? (
    <div className="form-problem" role="alert">
      <p>{t(`admin.problem.${failure.reason}`)}</p>
      {failure.kind === 'retryable' && last ? (
        <button type="button" className="button" onClick={() => send(last.version, last.patch)}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  ) : null;

  return (
    <div className="programme-editor">
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
            {t('admin.edit')}
          </button>
        </div>
      ) : (
        <div className="panel edit-panel">
          {step.step === 'editing' ? (
            <ProgrammeForm
              draft={draft}
              errors={errors}
              attempt={attempt}
              pending={patch.isPending}
              problem={failureMessage}
              firstFieldRef={focusOnMount}
              onChange={(change) => setDraft((d) => ({ ...d, ...change }))}
              onSubmit={submit}
              onCancel={() => close(null)}
            />
          ) : (
            <ProgrammeConflict
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
        {notice ? t(`admin.${notice}`) : null}
      </p>
    </div>
  );
}
