import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Milestone, type MilestonePatch } from '@domain/contract/milestone';
import { classifyApiError, isApiError } from '@/api/errors';
import { useAdoptCurrentMilestone, usePatchMilestone } from '@/api/milestones';
import { EditFlowFrame } from '@/components/edit-flow-frame';
import { showServerProblems } from '@/lib/forms';
import { useConflictStep } from '@/lib/use-conflict-step';
import { useInlineEdit } from '@/lib/use-inline-edit';
import { MilestoneConflict } from './milestone-conflict';
import { MilestoneEditForm } from './milestone-edit-form';
import { classifyMilestoneError, type MilestoneProblem } from './milestone-problems';
import {
  baseOf,
  FORM_FIELDS,
  inputOf,
  isFormField,
  progressForm,
  type ProgressInput,
} from './milestone-schema';
import { ProblemMessage } from './problem-message';

/** What the user would send, and everything they typed, kept whole through a conflict. */
interface Mine {
  patch: MilestonePatch;
  typed: ProgressInput;
}

interface MilestoneEditorProps {
  milestone: Milestone;
  /** The consortium's period bounds the forecast date. */
  period: { startDate: string; endDate: string };
}

/** "Update progress and forecast": an inline form saved with If-Match, with the conflict view. */
export function MilestoneEditor({ milestone, period }: MilestoneEditorProps) {
  const { t } = useTranslation();
  const patch = usePatchMilestone();
  const adopt = useAdoptCurrentMilestone();
  const edit = useInlineEdit();
  const step = useConflictStep<Milestone, Mine>();
  const [base, setBase] = useState(() => baseOf(milestone));
  const [problem, setProblem] = useState<MilestoneProblem | null>(null);
  const [lastSent, setLastSent] = useState<{ version: number; mine: Mine } | null>(null);
  // The reason is required against the date the user started from, so the schema follows it.
  const resolver = useMemo(() => zodResolver(progressForm(base)), [base]);
  const form = useForm<ProgressInput, unknown, MilestonePatch | null>({
    resolver,
    defaultValues: inputOf(milestone),
    reValidateMode: 'onSubmit',
  });

  function open() {
    setBase(baseOf(milestone));
    form.reset(inputOf(milestone));
    setProblem(null);
    step.close();
    edit.open();
  }

  function send(version: number, mine: Mine) {
    setProblem(null);
    setLastSent({ version, mine });
    patch.mutate(
      { milestoneId: milestone.id, version, patch: mine.patch },
      {
        onSuccess: () => edit.close('saved'),
        onError: (error) => {
          const found = classifyApiError(error, {
            current: Milestone,
            fieldOf: (field) => (isFormField(field) ? field : null),
          });
          if (found.kind === 'conflict') return step.open(found.current, mine);
          if (found.kind === 'fields') {
            return showServerProblems(form.setError, found.fields, FORM_FIELDS, true);
          }
          // The milestone's own refusals (closed, gaps…) are worded from the server's reason.
          setProblem(
            isApiError(error)
              ? classifyMilestoneError(error)
              : { kind: 'retryable', reason: 'server' },
          );
        },
      },
    );
  }

  const submit = form.handleSubmit(
    (changes) => {
      if (!changes) return edit.setNotice('unchanged');
      edit.setNotice(null);
      send(base.version, { patch: changes, typed: form.getValues() });
    },
    () => edit.setNotice(null),
  );

  function applyMine() {
    const theirs = step.conflict?.theirs;
    const again = step.applyMine();
    if (!theirs || !again) return;
    // Back to the form at once, on their version with what the user typed: a refusal is then
    // shown beside fresh values.
    setBase(baseOf(theirs));
    form.reset({ ...inputOf({ ...theirs, ...again.mine.patch }), reason: again.mine.typed.reason });
    step.close();
    send(again.version, again.mine);
  }

  function keepTheirs() {
    const theirs = step.keepTheirs();
    if (theirs) void adopt(theirs);
    edit.close('keptTheirs');
  }

  const problemView = problem ? (
    <ProblemMessage
      problem={problem}
      onRetry={lastSent ? () => send(lastSent.version, lastSent.mine) : undefined}
    />
  ) : null;

  return (
    <EditFlowFrame
      className="consortium-editor ms-editor"
      open={edit.isOpen}
      openLabel={t('milestoneEdit.open')}
      onOpen={open}
      openButtonRef={edit.openButtonRef}
      status={edit.notice ? t(`milestoneEdit.${edit.notice}`) : null}
      statusTone={edit.notice === 'saved' ? edit.notice : undefined}
    >
      {step.conflict ? (
        <MilestoneConflict
          base={base}
          theirs={step.conflict.theirs}
          mine={step.conflict.mine.patch}
          pending={patch.isPending}
          problem={problemView}
          onApplyMine={applyMine}
          onKeepTheirs={keepTheirs}
        />
      ) : (
        <MilestoneEditForm
          form={form}
          base={base}
          pending={patch.isPending}
          minDate={period.startDate}
          maxDate={period.endDate}
          problem={problemView}
          onSubmit={(event) => void submit(event)}
          onCancel={() => edit.close(null)}
        />
      )}
    </EditFlowFrame>
  );
}
