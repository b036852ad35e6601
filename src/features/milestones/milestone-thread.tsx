import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentRequest, type MilestoneEvent } from '@domain/contract/milestone';
import { isApiError } from '@/api/errors';
import { useAddMilestoneComment } from '@/api/milestones';
import { EmptyState } from '@/components/empty-state';
import { formatDate, formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { classifyMilestoneError, type MilestoneProblem } from './milestone-problems';
import { ProblemMessage } from './problem-message';

/** One line saying what happened, in the reader's language; the comment or reason follows it. */
function useEventSentence() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (e: MilestoneEvent): string => {
    switch (e.type) {
      case 'transition':
        return e.action
          ? t(`milestoneThread.transition.${e.action}`, {
              to: e.toStatus ? t(`milestoneStatus.${e.toStatus}`) : '',
            })
          : t('milestoneThread.statusChanged');
      case 'replan':
        return t('milestoneThread.replan', {
          from: e.previousDate ? formatDate(e.previousDate, locale) : t('common.none'),
          to: e.newDate ? formatDate(e.newDate, locale) : t('common.none'),
        });
      case 'progress':
        return t('milestoneThread.progress');
      case 'evidence':
        return t('milestoneThread.evidence');
      case 'comment':
        return t('milestoneThread.comment');
    }
  };
}

interface MilestoneThreadProps {
  milestoneId: string;
  events: MilestoneEvent[];
  canComment: boolean;
}

/** Transitions, re-plans, progress, evidence and comments in one thread, oldest first. */
export function MilestoneThread({ milestoneId, events, canComment }: MilestoneThreadProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sentence = useEventSentence();
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  return (
    <section aria-labelledby="ms-thread-heading">
      <h2 id="ms-thread-heading">{t('milestoneThread.heading')}</h2>
      {ordered.length === 0 ? (
        <EmptyState title={t('milestoneThread.empty')} />
      ) : (
        <ol className="thread" aria-labelledby="ms-thread-heading">
          {ordered.map((e) => (
            <li key={e.id} className={`thread-item thread-${e.type}`}>
              <p className="thread-head">
                <strong>{e.actorName}</strong> <span>{sentence(e)}</span>{' '}
                <time className="muted small" dateTime={e.at}>
                  {formatDateTime(e.at, locale)}
                </time>
              </p>
              {e.comment ? <p className="thread-text">{e.comment}</p> : null}
            </li>
          ))}
        </ol>
      )}
      {canComment ? <CommentForm milestoneId={milestoneId} /> : null}
    </section>
  );
}

function CommentForm({ milestoneId }: { milestoneId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [comment, setComment] = useState('');
  const [empty, setEmpty] = useState(false);
  const [problem, setProblem] = useState<MilestoneProblem | null>(null);
  const add = useAddMilestoneComment();

  function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const parsed = CommentRequest.safeParse({ comment });
    if (!parsed.success) return setEmpty(true);
    setEmpty(false);
    add.mutate(
      { milestoneId, comment: parsed.data.comment },
      {
        onSuccess: () => setComment(''),
        onError: (error) =>
          setProblem(
            isApiError(error)
              ? classifyMilestoneError(error)
              : { kind: 'retryable', reason: 'server' },
          ),
      },
    );
  }

  return (
    <form className="comment-form" noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor={id} className="field-label">
          {t('milestoneThread.addComment')}
        </label>
        {empty ? (
          <p id={`${id}-error`} className="field-error">
            {t('milestoneThread.commentEmpty')}
          </p>
        ) : null}
        <textarea
          id={id}
          className="input"
          rows={3}
          maxLength={4000}
          value={comment}
          aria-invalid={empty || undefined}
          aria-describedby={empty ? `${id}-error` : undefined}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {problem ? <ProblemMessage problem={problem} /> : null}
      <div className="actions">
        <button type="submit" className="button" disabled={add.isPending}>
          {add.isPending ? t('milestoneThread.sending') : t('milestoneThread.send')}
        </button>
      </div>
    </form>
  );
}
