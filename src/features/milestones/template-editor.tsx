import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MilestoneTemplate,
  type MilestoneTemplateInput,
  type Phase,
} from '@domain/contract/milestone';
import { isApiError } from '@/api/errors';
import { adoptTemplate, usePutMilestoneTemplate } from '@/api/milestone-plans';
import { classifyMilestoneError, type MilestoneProblem } from './milestone-problems';
import { ProblemMessage } from './problem-message';
import {
  buildTemplate,
  emptyItem,
  toItemDraft,
  type ItemDraft,
  type TemplateResult,
} from './template-draft';
import { TemplateConflict } from './template-conflict';
import { TemplateItemEditor } from './template-item-editor';

type Invalid = Extract<TemplateResult, { kind: 'invalid' }>;
type Notice = 'saved' | 'keptTheirs' | null;

/**
 * The programme's milestone template: phases with code, FR/EN titles, description, offset and
 * duration in months, expected evidence and whether KPI values are required. Saved whole with
 * If-Match; a conflict shows what differs and lets the manager choose.
 */
export function TemplateEditor({ template }: { template: MilestoneTemplate }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = usePutMilestoneTemplate();
  const [version, setVersion] = useState(template.version);
  const [items, setItems] = useState<ItemDraft[]>(() => template.items.map(toItemDraft));
  const [invalid, setInvalid] = useState<Invalid | null>(null);
  const [problem, setProblem] = useState<MilestoneProblem | null>(null);
  const [conflict, setConflict] = useState<{
    theirs: MilestoneTemplate;
    mine: MilestoneTemplateInput;
  } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  function send(at: number, input: MilestoneTemplateInput) {
    setProblem(null);
    save.mutate(
      { programmeId: template.programmeId, version: at, template: input },
      {
        onSuccess: (saved) => {
          setVersion(saved.version);
          setConflict(null);
          setNotice('saved');
        },
        onError: (error) => {
          const current = MilestoneTemplate.safeParse(
            (error.details as { current?: unknown } | undefined)?.current,
          );
          if (error.status === 412 && current.success) {
            setConflict({ theirs: current.data, mine: input });
          } else {
            setProblem(
              isApiError(error)
                ? classifyMilestoneError(error)
                : { kind: 'retryable', reason: 'server' },
            );
          }
        },
      },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const result = buildTemplate(items);
    if (result.kind === 'invalid') return setInvalid(result);
    setInvalid(null);
    send(version, result.input);
  }

  function keepTheirs(theirs: MilestoneTemplate) {
    adoptTemplate(queryClient, theirs);
    setVersion(theirs.version);
    setItems(theirs.items.map(toItemDraft));
    setConflict(null);
    setNotice('keptTheirs');
  }

  const move = (index: number, by: -1 | 1) =>
    setItems((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });
  const lastPhase: Phase = items[items.length - 1]?.phase ?? 'selection';

  if (conflict) {
    return (
      <TemplateConflict
        theirs={conflict.theirs}
        mine={conflict.mine}
        pending={save.isPending}
        onApplyMine={() => send(conflict.theirs.version, conflict.mine)}
        onKeepTheirs={() => keepTheirs(conflict.theirs)}
      />
    );
  }

  return (
    <form className="tpl-editor" noValidate onSubmit={submit} aria-labelledby="tpl-heading">
      <h2 id="tpl-heading">{t('milestoneTemplate.heading')}</h2>
      <p className="muted">{t('milestoneTemplate.intro')}</p>
      {invalid ? (
        <div className="error-summary" role="alert">
          <h3>{t('milestoneTemplate.invalid')}</h3>
          <ul>
            {invalid.list.map((k) => (
              <li key={k}>{t(`milestoneTemplate.listErrors.${k}`)}</li>
            ))}
            {Object.keys(invalid.items).length > 0 ? (
              <li>
                {t('milestoneTemplate.itemsInvalid', {
                  count: Object.keys(invalid.items).length,
                })}
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      {items.map((item, index) => (
        <TemplateItemEditor
          key={item.key}
          item={item}
          index={index}
          count={items.length}
          errors={invalid?.items[item.key] ?? {}}
          onChange={(next) => setItems((list) => list.map((i) => (i.key === next.key ? next : i)))}
          onMove={(by) => move(index, by)}
          onRemove={() => setItems((list) => list.filter((i) => i.key !== item.key))}
        />
      ))}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => setItems((list) => [...list, emptyItem(lastPhase)])}
        >
          {t('milestoneTemplate.addItem')}
        </button>
      </div>
      {problem ? <ProblemMessage problem={problem} /> : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('milestoneEdit.saving') : t('milestoneTemplate.save')}
        </button>
      </div>
      <p role="status" className={notice ? 'edit-status edit-status-saved' : 'edit-status'}>
        {notice ? t(`milestoneTemplate.done.${notice}`) : null}
      </p>
    </form>
  );
}
