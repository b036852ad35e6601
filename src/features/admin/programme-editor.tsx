import { useTranslation } from 'react-i18next';
import type { Programme, ProgrammePatch } from '@domain/contract/programme';
import { isApiError } from '@/api/errors';
import { useAdoptCurrentProgramme, usePatchProgramme } from '@/api/programmes';
import { EditFlowFrame } from '@/components/edit-flow-frame';
import { SaveFailureMessage } from '@/components/save-failure-message';
import { useEditFlow, type SaveFailure } from '@/lib/use-edit-flow';
import { focusOnMount } from '@/lib/focus';
import { ProgrammeConflict } from './programme-conflict';
import {
  buildPatch,
  classifySaveError,
  toDraft,
  valuesOf,
  type FieldErrors,
  type SaveProblem,
  type SettingValues,
} from './programme-draft';
import { ProgrammeForm } from './programme-form';

/** The version and values the manager started from: what "changed" and If-Match are relative to. */
type Base = SettingValues & { version: number };

type Failure = Extract<SaveProblem, { kind: 'refused' | 'retryable' }>;

const baseOf = (p: Programme): Base => ({ ...valuesOf(p), version: p.version });

function classify(error: unknown): SaveFailure<Programme, FieldErrors, Failure> {
  const found: SaveProblem = isApiError(error)
    ? classifySaveError(error)
    : { kind: 'retryable', reason: 'server' };
  return found.kind === 'conflict' || found.kind === 'fields'
    ? found
    : { kind: 'problem', problem: found };
}

/** "Edit settings" in Administration: an inline form, saved with If-Match. Managers only. */
export function ProgrammeEditor({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const patch = usePatchProgramme();
  const adopt = useAdoptCurrentProgramme();
  const flow = useEditFlow({
    stored: programme,
    baseOf,
    draftOf: toDraft,
    draftAfterConflict: (theirs: Programme, mine: ProgrammePatch) =>
      toDraft({ ...theirs, ...mine }),
    buildPatch,
    save: (version, changes, callbacks) =>
      patch.mutate({ programmeId: programme.id, version, patch: changes }, callbacks),
    classify,
    adopt: (theirs) => void adopt(theirs),
    onOpen: () => patch.reset(),
    emptyErrors: {},
  });
  const { problem: failure, notice } = flow;

  const failureMessage = failure ? (
    <SaveFailureMessage
      message={t(`admin.problem.${failure.reason}`)}
      onRetry={failure.kind === 'retryable' ? flow.retry : undefined}
    />
  ) : null;

  return (
    <EditFlowFrame
      className="programme-editor"
      open={flow.isOpen}
      openLabel={t('admin.edit')}
      onOpen={flow.open}
      openButtonRef={flow.openButtonRef}
      status={notice ? t(`admin.${notice}`) : null}
      statusTone={notice ?? undefined}
    >
      {flow.conflict ? (
        <ProgrammeConflict {...flow.conflict} pending={patch.isPending} problem={failureMessage} />
      ) : (
        <ProgrammeForm
          draft={flow.draft}
          errors={flow.errors}
          attempt={flow.attempt}
          pending={patch.isPending}
          problem={failureMessage}
          firstFieldRef={focusOnMount}
          onChange={(change) => flow.setDraft((d) => ({ ...d, ...change }))}
          onSubmit={flow.submit}
          onCancel={() => flow.close(null)}
        />
      )}
    </EditFlowFrame>
  );
}
