import { useTranslation } from 'react-i18next';
import type { Milestone, MilestonePatch } from '@domain/contract/milestone';
import { isApiError } from '@/api/errors';
import { useAdoptCurrentMilestone, usePatchMilestone } from '@/api/milestones';
import { EditFlowFrame } from '@/components/edit-flow-frame';
import { useEditFlow, type SaveFailure } from '@/lib/use-edit-flow';
import { MilestoneConflict } from './milestone-conflict';
import { baseOf, buildMilestonePatch, draftOf, type DraftErrors } from './milestone-draft';
import { MilestoneEditForm } from './milestone-edit-form';
import { classifyMilestoneError, type MilestoneProblem } from './milestone-problems';
import { ProblemMessage } from './problem-message';

// Every refusal, the server's field issues included, is one message: the form has no per-field
// place for what the server says.
function classify(error: unknown): SaveFailure<Milestone, DraftErrors, MilestoneProblem> {
  const found: MilestoneProblem = isApiError(error)
    ? classifyMilestoneError(error)
    : { kind: 'retryable', reason: 'server' };
  return found.kind === 'conflict' ? found : { kind: 'problem', problem: found };
}

/** Their version with the user's changes on top, the reason included. */
const draftAfterConflict = (theirs: Milestone, mine: MilestonePatch) => ({
  ...draftOf({ ...theirs, ...mine }),
  reason: mine.reason ?? '',
});

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
  const flow = useEditFlow({
    stored: milestone,
    baseOf,
    draftOf,
    draftAfterConflict,
    buildPatch: buildMilestonePatch,
    save: (version, changes, callbacks) =>
      patch.mutate({ milestoneId: milestone.id, version, patch: changes }, callbacks),
    classify,
    adopt: (theirs) => void adopt(theirs),
    // The form shows the answer to "apply mine", so a refusal appears beside fresh values.
    reapplyFromForm: true,
    emptyErrors: {},
  });
  const { problem, notice } = flow;

  const problemView = problem ? <ProblemMessage problem={problem} onRetry={flow.retry} /> : null;

  return (
    <EditFlowFrame
      className="consortium-editor ms-editor"
      open={flow.isOpen}
      openLabel={t('milestoneEdit.open')}
      onOpen={flow.open}
      openButtonRef={flow.openButtonRef}
      status={notice ? t(`milestoneEdit.${notice}`) : null}
      statusTone={notice === 'saved' ? notice : undefined}
    >
      {flow.conflict ? (
        <MilestoneConflict {...flow.conflict} pending={patch.isPending} problem={problemView} />
      ) : (
        <MilestoneEditForm
          base={flow.base}
          draft={flow.draft}
          errors={flow.errors}
          pending={patch.isPending}
          minDate={period.startDate}
          maxDate={period.endDate}
          problem={problemView}
          onChange={(field, value) => flow.setDraft((d) => ({ ...d, [field]: value }))}
          onSubmit={flow.submit}
          onCancel={() => flow.close(null)}
        />
      )}
    </EditFlowFrame>
  );
}
