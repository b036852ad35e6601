import { useTranslation } from 'react-i18next';
import type { Consortium, ConsortiumPatch } from '@domain/contract/consortium';
import { useAdoptCurrentConsortium, usePatchConsortium } from '@/api/consortia';
import { isApiError } from '@/api/errors';
import { EditFlowFrame } from '@/components/edit-flow-frame';
import { SaveFailureMessage } from '@/components/save-failure-message';
import { useEditFlow, type SaveFailure } from '@/lib/use-edit-flow';
import { ConsortiumConflict } from './conflict-panel';
import {
  buildPatch,
  classifySaveError,
  EDITABLE_FIELDS,
  toDraft,
  type EditableField,
  type EditableValues,
  type FieldErrors,
  type SaveProblem,
} from './consortium-draft';
import { focusOnMount } from '@/lib/focus';
import { ConsortiumForm } from './consortium-form';

/** The version and values the user started from: what "changed" and If-Match are relative to. */
type Base = EditableValues & { version: number };

type Failure = Extract<SaveProblem, { kind: 'refused' | 'retryable' }>;

function baseOf(c: Consortium): Base {
  const values = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, c[f]])) as EditableValues;
  return { ...values, version: c.version };
}

function classify(error: unknown): SaveFailure<Consortium, FieldErrors, Failure> {
  const found: SaveProblem = isApiError(error)
    ? classifySaveError(error)
    : { kind: 'retryable', reason: 'server' };
  return found.kind === 'conflict' || found.kind === 'fields'
    ? found
    : { kind: 'problem', problem: found };
}

interface ConsortiumEditorProps {
  consortium: Consortium;
  /** From the shared `can` rule: the server decides, this only hides a button it would refuse. */
  canEdit: boolean;
}

/** "Edit details" on the consortium overview: an inline form, saved with If-Match. */
export function ConsortiumEditor({ consortium, canEdit }: ConsortiumEditorProps) {
  const { t } = useTranslation();
  const patch = usePatchConsortium();
  const adopt = useAdoptCurrentConsortium();
  const flow = useEditFlow({
    stored: consortium,
    baseOf,
    draftOf: toDraft,
    draftAfterConflict: (theirs: Consortium, mine: ConsortiumPatch) =>
      toDraft({ ...theirs, ...mine }),
    buildPatch,
    save: (version, changes, callbacks) =>
      patch.mutate({ consortiumId: consortium.id, version, patch: changes }, callbacks),
    classify,
    adopt: (theirs) => void adopt(theirs),
    onOpen: () => patch.reset(),
    emptyErrors: {},
  });
  const { problem: failure, notice } = flow;

  if (!canEdit) return null;

  const failureMessage = failure ? (
    <SaveFailureMessage
      message={t(`consortiumEditor.problem.${failure.reason}`)}
      onRetry={failure.kind === 'retryable' ? flow.retry : undefined}
    />
  ) : null;

  return (
    <EditFlowFrame
      className="consortium-editor"
      open={flow.isOpen}
      openLabel={t('consortiumEditor.edit')}
      onOpen={flow.open}
      openButtonRef={flow.openButtonRef}
      status={notice ? t(`consortiumEditor.${notice}`) : null}
      statusTone={notice ?? undefined}
    >
      {flow.conflict ? (
        <ConsortiumConflict {...flow.conflict} pending={patch.isPending} problem={failureMessage} />
      ) : (
        <ConsortiumForm
          draft={flow.draft}
          errors={flow.errors}
          attempt={flow.attempt}
          pending={patch.isPending}
          problem={failureMessage}
          firstFieldRef={focusOnMount}
          onChange={(field: EditableField, value: string) =>
            flow.setDraft((d) => ({ ...d, [field]: value }))
          }
          onSubmit={flow.submit}
          onCancel={() => flow.close(null)}
        />
      )}
    </EditFlowFrame>
  );
}
