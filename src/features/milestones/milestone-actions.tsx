import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone, TransitionAction } from '@domain/contract/milestone';
import type { Role } from '@domain/contract/reporting';
import { availableActions, checkTransition, TRANSITIONS } from '@domain/rules/milestone-machine';
import { todayIso } from '@domain/rules/periods';
import { isApiError } from '@/api/errors';
import { useAdoptCurrentMilestone, useTransitionMilestone } from '@/api/milestones';
import { FormDialog } from './form-dialog';
import { classifyMilestoneError, type MilestoneProblem } from './milestone-problems';
import { GapList, ProblemMessage } from './problem-message';

/** The decisions of the incubator stand out; the rest are ordinary buttons. */
const PRIMARY: readonly TransitionAction[] = ['submit', 'approve', 'start'];

type Outcome =
  | { kind: 'done'; action: TransitionAction }
  | { kind: 'changed' }
  | { kind: 'problem'; problem: MilestoneProblem }
  | null;

interface MilestoneActionsProps {
  milestone: Milestone;
  /** The reader's role on this milestone's consortium (effectiveRole), null when none. */
  role: Role | null;
}

/**
 * The transitions the shared state machine allows this role from this status, each confirmed in
 * a dialog that asks for the comment or reason the rule requires. The server decides again.
 */
export function MilestoneActions({ milestone, role }: MilestoneActionsProps) {
  const { t } = useTranslation();
  const commentId = useId();
  const achievedId = useId();
  const [achievedOn, setAchievedOn] = useState(() => todayIso(new Date()));
  const [open, setOpen] = useState<TransitionAction | null>(null);
  const [comment, setComment] = useState('');
  const [commentMissing, setCommentMissing] = useState(false);
  const [dialogProblem, setDialogProblem] = useState<MilestoneProblem | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const transition = useTransitionMilestone();
  const adopt = useAdoptCurrentMilestone();
  const actions = role ? availableActions(role, milestone.status) : [];

  if (actions.length === 0 && outcome === null) return null;

  function start(action: TransitionAction) {
    setOpen(action);
    setComment('');
    setAchievedOn(todayIso(new Date()));
    setCommentMissing(false);
    setDialogProblem(null);
    setOutcome(null);
  }

  function send(action: TransitionAction) {
    if (!role) return;
    const check = checkTransition(role, milestone.status, action, comment);
    if (!check.ok && check.reason === 'comment_required') return setCommentMissing(true);
    setCommentMissing(false);
    transition.mutate(
      {
        milestoneId: milestone.id,
        version: milestone.version,
        transition: {
          action,
          comment: comment.trim() || undefined,
          // Left at today, the server's own day is meant: the browser's clock may be a day off.
          ...(action === 'submit' && achievedOn !== todayIso(new Date()) ? { achievedOn } : {}),
        },
      },
      {
        onSuccess: () => {
          setOpen(null);
          setOutcome({ kind: 'done', action });
        },
        onError: (error) => {
          const problem: MilestoneProblem = isApiError(error)
            ? classifyMilestoneError(error)
            : { kind: 'retryable', reason: 'server' };
          if (problem.kind === 'conflict') {
            // Someone changed it first: show what is stored now and let the reader decide again.
            void adopt(problem.current);
            setOpen(null);
            setOutcome({ kind: 'changed' });
          } else if (problem.kind === 'gaps') {
            setOpen(null);
            setOutcome({ kind: 'problem', problem });
          } else {
            setDialogProblem(problem);
          }
        },
      },
    );
  }

  const rule = open ? TRANSITIONS[open] : null;
  const commentLabel = open
    ? t(`milestoneActions.comment.${open}`) +
      (rule?.commentRequired ? '' : ` ${t('milestoneActions.optional')}`)
    : '';

  return (
    <section className="ms-actions" aria-labelledby="ms-actions-heading">
      <h2 id="ms-actions-heading" className="visually-hidden">
        {t('milestoneActions.heading')}
      </h2>
      {actions.length > 0 ? (
        <div className="actions">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={PRIMARY.includes(action) ? 'button button-primary' : 'button'}
              onClick={() => start(action)}
            >
              {t(`milestoneActions.action.${action}`)}
            </button>
          ))}
        </div>
      ) : null}
      {outcome?.kind === 'problem' && outcome.problem.kind === 'gaps' ? (
        <div className="form-problem" role="alert">
          <p>{t('milestoneActions.submitRefused', { count: outcome.problem.missing.length })}</p>
          <GapList missing={outcome.problem.missing} />
        </div>
      ) : null}
      <p
        role="status"
        className={outcome?.kind === 'done' ? 'edit-status edit-status-saved' : 'edit-status'}
      >
        {outcome?.kind === 'done'
          ? t(`milestoneActions.done.${outcome.action}`)
          : outcome?.kind === 'changed'
            ? t('milestoneActions.changedMeanwhile')
            : null}
      </p>
      {open ? (
        <FormDialog
          title={t(`milestoneActions.confirm.${open}`)}
          description={<p>{t(`milestoneActions.explain.${open}`)}</p>}
          submitLabel={t(`milestoneActions.action.${open}`)}
          busy={transition.isPending}
          problem={dialogProblem ? <ProblemMessage problem={dialogProblem} /> : null}
          onSubmit={() => send(open)}
          onCancel={() => setOpen(null)}
        >
          {open === 'submit' ? (
            <div className="field">
              <label htmlFor={achievedId} className="field-label">
                {t('milestoneActions.achievedOn')}
              </label>
              <p id={`${achievedId}-hint`} className="field-hint">
                {t('milestoneActions.achievedOnHint')}
              </p>
              <input
                id={achievedId}
                type="date"
                className="input"
                required
                max={todayIso(new Date())}
                value={achievedOn}
                aria-describedby={`${achievedId}-hint`}
                onChange={(e) => setAchievedOn(e.target.value)}
              />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={commentId} className="field-label">
              {commentLabel}
            </label>
            {commentMissing ? (
              <p id={`${commentId}-error`} className="field-error">
                {t('milestoneActions.commentRequired')}
              </p>
            ) : null}
            <textarea
              id={commentId}
              className="input"
              rows={4}
              maxLength={4000}
              value={comment}
              required={rule?.commentRequired}
              aria-invalid={commentMissing || undefined}
              aria-describedby={commentMissing ? `${commentId}-error` : undefined}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
        </FormDialog>
      ) : null}
    </section>
  );
}
