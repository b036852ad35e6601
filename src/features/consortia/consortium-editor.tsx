import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Consortium, type ConsortiumPatch } from '@domain/contract/consortium';
import { useAdoptCurrentConsortium, usePatchConsortium } from '@/api/consortia';
import { classifyApiError, type GeneralReason } from '@/api/errors';
import { EditFlowFrame } from '@/components/edit-flow-frame';
import { SaveFailureMessage } from '@/components/save-failure-message';
import { showServerProblems } from '@/lib/forms';
import { useConflictStep } from '@/lib/use-conflict-step';
import { useInlineEdit } from '@/lib/use-inline-edit';
import { ConsortiumConflict } from './conflict-panel';
import { ConsortiumForm } from './consortium-form';
import {
  changesOf,
  DetailsForm,
  EDITABLE_FIELDS,
  inputOf,
  isEditableField,
  valuesOf,
  type DetailsInput,
  type DetailsOutput,
} from './consortium-schema';

/** What the user would send, and the text they typed for it, kept whole through a conflict. */
interface Mine {
  patch: ConsortiumPatch;
  typed: Partial<DetailsInput>;
}

const typedOf = (values: DetailsInput, patch: ConsortiumPatch): Partial<DetailsInput> =>
  Object.fromEntries(EDITABLE_FIELDS.filter((f) => f in patch).map((f) => [f, values[f]]));

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
  const edit = useInlineEdit();
  const step = useConflictStep<Consortium, Mine>();
  // The version and values the user started from: what "changed" and If-Match are relative to.
  const [base, setBase] = useState(consortium);
  const [failure, setFailure] = useState<GeneralReason | null>(null);
  // Counts refused submits, so the error summary takes focus each time.
  const [attempt, setAttempt] = useState(0);
  // What the last save sent, for "retry" after a network or server failure.
  const [lastSent, setLastSent] = useState<{ version: number; mine: Mine } | null>(null);
  const form = useForm<DetailsInput, unknown, DetailsOutput>({
    resolver: zodResolver(DetailsForm),
    defaultValues: inputOf(consortium),
    // The summary takes focus, and its links lead to each field.
    shouldFocusError: false,
    reValidateMode: 'onSubmit',
  });

  if (!canEdit) return null;

  function open() {
    setBase(consortium);
    form.reset(inputOf(consortium));
    setFailure(null);
    patch.reset();
    step.close();
    edit.open();
  }

  function send(version: number, mine: Mine) {
    setFailure(null);
    setLastSent({ version, mine });
    patch.mutate(
      { consortiumId: consortium.id, version, patch: mine.patch },
      {
        onSuccess: () => {
          step.close();
          edit.close('saved');
        },
        onError: (error) => {
          const problem = classifyApiError(error, {
            current: Consortium,
            fieldOf: (field) => (isEditableField(field) ? field : null),
          });
          if (problem.kind === 'conflict') return step.open(problem.current, mine);
          if (problem.kind === 'general') return setFailure(problem.reason);
          step.close();
          showServerProblems(form.setError, problem.fields, EDITABLE_FIELDS, false);
          setAttempt((n) => n + 1);
        },
      },
    );
  }

  const submit = form.handleSubmit(
    (checked) => {
      const changes = changesOf(valuesOf(base), checked);
      if (!changes) return edit.setNotice('unchanged');
      edit.setNotice(null);
      send(base.version, { patch: changes, typed: typedOf(form.getValues(), changes) });
    },
    () => {
      edit.setNotice(null);
      setAttempt((n) => n + 1);
    },
  );

  function applyMine() {
    const theirs = step.conflict?.theirs;
    const again = step.applyMine();
    if (!theirs || !again) return;
    // From now on the edit is relative to their version: should the server refuse a field, the
    // form reopens on their values plus what the user typed, never on stale ones.
    setBase(theirs);
    form.reset({ ...inputOf(theirs), ...again.mine.typed });
    send(again.version, again.mine);
  }

  function keepTheirs() {
    const theirs = step.keepTheirs();
    if (theirs) void adopt(theirs);
    edit.close('keptTheirs');
  }

  const failureMessage = failure ? (
    <SaveFailureMessage
      message={t(`consortiumEditor.problem.${failure}`)}
      onRetry={
        (failure === 'network' || failure === 'server') && lastSent
          ? () => send(lastSent.version, lastSent.mine)
          : undefined
      }
    />
  ) : null;

  return (
    <EditFlowFrame
      className="consortium-editor"
      open={edit.isOpen}
      openLabel={t('consortiumEditor.edit')}
      onOpen={open}
      openButtonRef={edit.openButtonRef}
      status={edit.notice ? t(`consortiumEditor.${edit.notice}`) : null}
      statusTone={edit.notice ?? undefined}
    >
      {step.conflict ? (
        <ConsortiumConflict
          base={valuesOf(base)}
          theirs={step.conflict.theirs}
          mine={step.conflict.mine.patch}
          pending={patch.isPending}
          problem={failureMessage}
          onApplyMine={applyMine}
          onKeepTheirs={keepTheirs}
        />
      ) : (
        <ConsortiumForm
          form={form}
          attempt={attempt}
          pending={patch.isPending}
          problem={failureMessage}
          onSubmit={(event) => void submit(event)}
          onCancel={() => edit.close(null)}
        />
      )}
    </EditFlowFrame>
  );
}
