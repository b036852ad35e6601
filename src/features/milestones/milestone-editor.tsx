import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone, MilestonePatch } from '@domain/contract/milestone';
import { isApiError } from '@/api/errors';
import { useAdoptCurrentMilestone, usePatchMilestone } from '@/api/milestones';
import { MilestoneConflict } from './milestone-conflict';
import {
  baseOf,
  buildMilestonePatch,
  draftOf,
  type DraftErrors,
  type MilestoneBase,
  type MilestoneDraft,
} from './milestone-draft';
import { MilestoneEditForm } from './milestone-edit-form';
import { classifyMilestoneError, type MilestoneProblem } from './milestone-problems';
import { ProblemMessage } from './problem-message';

type Step =
  | { step: 'closed' }
  | { step: 'editing' }
  /** Someone saved first: `theirs` is what is stored, `mine` what the user would send. */
  | { step: 'conflict'; theirs: Milestone; mine: MilestonePatch };

type Notice = 'saved' | 'unchanged' | 'keptTheirs' | null;

interface MilestoneEditorProps {
  milestone: Milestone;
  /** The consortium's period bounds the forecast date. */
  period: { startDate: string; endDate: string };
}

/** "Update progress and forecast": an inline form saved with If-Match, with the conflict view. */
export function MilestoneEditor({ milestone, period }: MilestoneEditorProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ step: 'closed' });
  const [base, setBase] = useState<MilestoneBase>(() => baseOf(milestone));
  const [draft, setDraft] = useState<MilestoneDraft>(() => draftOf(milestone));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [problem, setProblem] = useState<MilestoneProblem | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const returnFocus = useRef(false);
  const patch = usePatchMilestone();
  const adopt = useAdoptCurrentMilestone();

  function open() {
    setBase(baseOf(milestone));
    setDraft(draftOf(milestone));
    setErrors({});
    setProblem(null);
    setNotice(null);
    setStep({ step: 'editing' });
  }

  function close(next: Notice) {
    setStep({ step: 'closed' });
    setNotice(next);
    returnFocus.current = true;
  }

  function send(version: number, changes: MilestonePatch) {
    setProblem(null);
    patch.mutate(
      { milestoneId: milestone.id, version, patch: changes },
      {
        onSuccess: () => close('saved'),
        onError: (error) => {
          const found: MilestoneProblem = isApiError(error)
            ? classifyMilestoneError(error)
            : { kind: 'retryable', reason: 'server' };
          if (found.kind === 'conflict') {
            setStep({ step: 'conflict', theirs: found.current, mine: changes });
          } else {
            setProblem(found);
          }
        },
      },
    );
  }

  function submit() {
    setNotice(null);
    const result = buildMilestonePatch(base, draft);
    if (result.kind === 'invalid') return setErrors(result.errors);
    setErrors({});
    if (result.kind === 'unchanged') return setNotice('unchanged');
    send(base.version, result.patch);
  }

  function applyMine(theirs: Milestone, mine: MilestonePatch) {
    // From now on the edit is relative to their version, so a refusal reopens on fresh values.
    setBase(baseOf(theirs));
    setDraft({ ...draftOf({ ...theirs, ...mine }), reason: mine.reason ?? '' });
    setStep({ step: 'editing' });
    send(theirs.version, mine);
  }

  function keepTheirs(theirs: Milestone) {
    void adopt(theirs);
    close('keptTheirs');
  }

  const last = patch.variables;
  const problemView = problem ? (
    <ProblemMessage
      problem={problem}
      onRetry={last ? () => send(last.version, last.patch) : undefined}
    />
  ) : null;

  return (
    <div className="consortium-editor ms-editor">
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
            {t('milestoneEdit.open')}
          </button>
        </div>
      ) : (
        <div className="panel edit-panel">
          {step.step === 'editing' ? (
            <MilestoneEditForm
              base={base}
              draft={draft}
              errors={errors}
              pending={patch.isPending}
              minDate={period.startDate}
              maxDate={period.endDate}
              problem={problemView}
              onChange={(field, value) => setDraft((d) => ({ ...d, [field]: value }))}
              onSubmit={submit}
              onCancel={() => close(null)}
            />
          ) : (
            <MilestoneConflict
              base={base}
              theirs={step.theirs}
              mine={step.mine}
              pending={patch.isPending}
              problem={problemView}
              onApplyMine={() => applyMine(step.theirs, step.mine)}
              onKeepTheirs={() => keepTheirs(step.theirs)}
            />
          )}
        </div>
      )}
      <p
        role="status"
        className={notice === 'saved' ? 'edit-status edit-status-saved' : 'edit-status'}
      >
        {notice ? t(`milestoneEdit.${notice}`) : null}
      </p>
    </div>
  );
}
