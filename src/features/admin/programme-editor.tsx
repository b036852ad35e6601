import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Programme, type ProgrammePatch } from '@domain/contract/programme';
import { classifyApiError, type GeneralReason } from '@/api/errors';
import { useAdoptCurrentProgramme, usePatchProgramme } from '@/api/programmes';
import { EditFlowFrame } from '@/components/edit-flow-frame';
import { SaveFailureMessage } from '@/components/save-failure-message';
import { showServerProblems } from '@/lib/forms';
import { useConflictStep } from '@/lib/use-conflict-step';
import { useInlineEdit } from '@/lib/use-inline-edit';
import { ProgrammeConflict } from './programme-conflict';
import { ProgrammeForm } from './programme-form';
import {
  changesOf,
  inputOf,
  isSettingField,
  SETTING_FIELDS,
  SettingsForm,
  valuesOf,
  type SettingsInput,
  type SettingsOutput,
} from './programme-schema';

/** What the manager would send, and the text they typed for it, kept whole through a conflict. */
interface Mine {
  patch: ProgrammePatch;
  typed: Partial<SettingsInput>;
}

const typedOf = (values: SettingsInput, patch: ProgrammePatch): Partial<SettingsInput> =>
  Object.fromEntries(SETTING_FIELDS.filter((f) => f in patch).map((f) => [f, values[f]]));

/** "Edit settings" in Administration: an inline form, saved with If-Match. Managers only. */
export function ProgrammeEditor({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const patch = usePatchProgramme();
  const adopt = useAdoptCurrentProgramme();
  const edit = useInlineEdit();
  const step = useConflictStep<Programme, Mine>();
  // The version and values the manager started from: what "changed" and If-Match are relative to.
  const [base, setBase] = useState(programme);
  const [failure, setFailure] = useState<GeneralReason | null>(null);
  // Counts refused submits, so the error summary takes focus each time.
  const [attempt, setAttempt] = useState(0);
  // What the last save sent, for "retry" after a network or server failure.
  const [lastSent, setLastSent] = useState<{ version: number; mine: Mine } | null>(null);
  const form = useForm<SettingsInput, unknown, SettingsOutput>({
    resolver: zodResolver(SettingsForm),
    defaultValues: inputOf(programme),
    // The summary takes focus, and its links lead to each field.
    shouldFocusError: false,
    reValidateMode: 'onSubmit',
  });

  function open() {
    setBase(programme);
    form.reset(inputOf(programme));
    setFailure(null);
    patch.reset();
    step.close();
    edit.open();
  }

  function send(version: number, mine: Mine) {
    setFailure(null);
    setLastSent({ version, mine });
    patch.mutate(
      { programmeId: programme.id, version, patch: mine.patch },
      {
        onSuccess: () => {
          step.close();
          edit.close('saved');
        },
        onError: (error) => {
          const problem = classifyApiError(error, {
            current: Programme,
            fieldOf: (field) => (isSettingField(field) ? field : null),
          });
          if (problem.kind === 'conflict') return step.open(problem.current, mine);
          if (problem.kind === 'general') return setFailure(problem.reason);
          step.close();
          showServerProblems(form.setError, problem.fields, SETTING_FIELDS, false);
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
    // form reopens on their values plus what the manager typed, never on stale ones.
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
      message={t(`admin.problem.${failure}`)}
      onRetry={
        (failure === 'network' || failure === 'server') && lastSent
          ? () => send(lastSent.version, lastSent.mine)
          : undefined
      }
    />
  ) : null;

  return (
    <EditFlowFrame
      className="programme-editor"
      open={edit.isOpen}
      openLabel={t('admin.edit')}
      onOpen={open}
      openButtonRef={edit.openButtonRef}
      status={edit.notice ? t(`admin.${edit.notice}`) : null}
      statusTone={edit.notice ?? undefined}
    >
      {step.conflict ? (
        <ProgrammeConflict
          base={valuesOf(base)}
          theirs={step.conflict.theirs}
          mine={step.conflict.mine.patch}
          pending={patch.isPending}
          problem={failureMessage}
          onApplyMine={applyMine}
          onKeepTheirs={keepTheirs}
        />
      ) : (
        <ProgrammeForm
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
