import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consortium } from '@domain/contract/consortium';
import type { Milestone } from '@domain/contract/milestone';
import { isApiError } from '@/api/errors';
import {
  useApplyMilestoneTemplate,
  useApproveMilestonePlan,
  useDeleteMilestone,
  useMilestonePlan,
} from '@/api/milestone-plans';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { formatDate, formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { MilestoneCreateForm } from './milestone-create-form';
import { classifyMilestoneError, type MilestoneProblem } from './milestone-problems';
import { ProblemMessage } from './problem-message';

interface PlanPanelProps {
  consortium: Consortium;
  milestones: Milestone[];
  /** The shared `can(…, 'milestone.plan')`: the incubator manager. */
  canPlan: boolean;
}

type Confirming = { kind: 'approve' } | { kind: 'delete'; milestone: Milestone } | null;

/**
 * The consortium's plan: none until the programme template is applied, a draft the manager
 * adjusts, then approved, which freezes every baseline date.
 */
export function PlanPanel({ consortium, milestones, canPlan }: PlanPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const plan = useMilestonePlan(consortium.id);
  const apply = useApplyMilestoneTemplate();
  const approve = useApproveMilestonePlan();
  const remove = useDeleteMilestone();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<MilestoneProblem | null>(null);
  const [notice, setNotice] = useState<'applied' | 'approved' | 'deleted' | 'created' | null>(null);

  const fail = (error: unknown) =>
    setProblem(
      isApiError(error) ? classifyMilestoneError(error) : { kind: 'retryable', reason: 'server' },
    );
  const begin = () => {
    setProblem(null);
    setNotice(null);
  };
  const settled = { onSettled: () => setConfirming(null), onError: fail };

  return (
    <section className="panel plan-panel" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('milestonePlan.heading')}</h2>
      <p className="plan-status">
        <span className={`badge badge-plan-${plan.status}`}>
          {t(`milestonePlan.status.${plan.status}`)}
        </span>{' '}
        {plan.status === 'approved' && plan.approvedAt
          ? t('milestonePlan.approvedOn', {
              date: formatDateTime(plan.approvedAt, locale),
              name: plan.approvedBy ?? t('common.none'),
            })
          : t(`milestonePlan.explain.${plan.status}`, { count: plan.milestoneCount })}
      </p>
      {problem ? <ProblemMessage problem={problem} /> : null}
      {canPlan ? (
        <div className="actions">
          {plan.status === 'none' ? (
            <button
              type="button"
              className="button button-primary"
              disabled={apply.isPending}
              onClick={() => {
                begin();
                apply.mutate(
                  { consortiumId: consortium.id },
                  { onSuccess: () => setNotice('applied'), onError: fail },
                );
              }}
            >
              {t('milestonePlan.apply')}
            </button>
          ) : null}
          {plan.status === 'draft' ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setConfirming({ kind: 'approve' })}
            >
              {t('milestonePlan.approve')}
            </button>
          ) : null}
          {!adding ? (
            <button type="button" className="button" onClick={() => setAdding(true)}>
              {t('milestonePlan.add')}
            </button>
          ) : null}
        </div>
      ) : null}
      {canPlan && adding ? (
        <MilestoneCreateForm
          consortium={consortium}
          onCreated={() => {
            setAdding(false);
            setNotice('created');
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      {canPlan && plan.status === 'draft' && milestones.length > 0 ? (
        <>
          <h3 id="plan-draft-heading">{t('milestonePlan.draftList')}</h3>
          <ul className="plan-list" aria-labelledby="plan-draft-heading">
            {milestones.map((m) => (
              <li key={m.id}>
                <span>
                  <span className="ms-code">{m.code}</span> {m.title[locale]}{' '}
                  <span className="muted small">{formatDate(m.forecastDate, locale)}</span>
                </span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setConfirming({ kind: 'delete', milestone: m })}
                >
                  {t('milestonePlan.delete')}
                  <span className="visually-hidden"> {m.title[locale]}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p role="status" className={notice ? 'edit-status edit-status-saved' : 'edit-status'}>
        {notice ? t(`milestonePlan.done.${notice}`) : null}
      </p>
      {confirming?.kind === 'approve' ? (
        <ConfirmDialog
          title={t('milestonePlan.approveTitle')}
          confirmLabel={t('milestonePlan.approve')}
          busy={approve.isPending}
          onConfirm={() => {
            begin();
            approve.mutate(
              { consortiumId: consortium.id, version: plan.version },
              { ...settled, onSuccess: () => setNotice('approved') },
            );
          }}
          onCancel={() => setConfirming(null)}
        >
          <p>{t('milestonePlan.approveBody', { count: plan.milestoneCount })}</p>
        </ConfirmDialog>
      ) : null}
      {confirming?.kind === 'delete' ? (
        <ConfirmDialog
          title={t('milestonePlan.deleteTitle')}
          confirmLabel={t('milestonePlan.delete')}
          busy={remove.isPending}
          onConfirm={() => {
            begin();
            remove.mutate(
              { milestone: confirming.milestone },
              { ...settled, onSuccess: () => setNotice('deleted') },
            );
          }}
          onCancel={() => setConfirming(null)}
        >
          <p>{t('milestonePlan.deleteBody', { title: confirming.milestone.title[locale] })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
