import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence, Milestone } from '@domain/contract/milestone';
import { submissionGaps } from '@domain/rules/milestone-submission';
import { evidenceDownloadHref, useDeleteEvidence } from '@/api/milestone-evidence';
import { isApiError } from '@/api/errors';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { EmptyState } from '@/components/empty-state';
import { Icon } from '@/components/icons';
import { formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { EvidenceForm } from './evidence-form';
import { formatBytes } from './evidence-checks';
import { classifyMilestoneError, type MilestoneProblem } from './milestone-problems';
import { ProblemMessage } from './problem-message';

interface EvidenceSectionProps {
  milestone: Milestone;
  evidence: Evidence[];
  /** May add and remove evidence: the shared `can` rule, and the milestone still open. */
  canEdit: boolean;
}

/** What the gate expects, what was filed, and the form to file more. */
export function EvidenceSection({ milestone, evidence, canEdit }: EvidenceSectionProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="ms-evidence-heading">
      <h2 id="ms-evidence-heading">{t('milestoneEvidence.heading')}</h2>
      <EvidenceChecklist milestone={milestone} evidence={evidence} />
      {milestone.requiresKpiValues ? (
        <p className="kpi-note">{t('milestonePage.kpisRequired')}</p>
      ) : null}
      <EvidenceList milestone={milestone} evidence={evidence} canEdit={canEdit} />
      {canEdit ? <EvidenceForm milestone={milestone} /> : null}
    </section>
  );
}

function EvidenceChecklist({ milestone, evidence }: Omit<EvidenceSectionProps, 'canEdit'>) {
  const { t } = useTranslation();
  if (milestone.evidenceExpected.length === 0) {
    return <p className="muted">{t('milestoneEvidence.nothingExpected')}</p>;
  }
  // The same rule that refuses a submission says which expected items are still missing.
  const missing = new Set(
    submissionGaps({
      milestone: { evidenceExpected: milestone.evidenceExpected, requiresKpiValues: false },
      evidence,
      consortium: { id: milestone.consortiumId, startDate: milestone.startDate },
      kpis: [],
      settings: [],
      values: [],
      today: milestone.startDate,
    }).flatMap((gap) => (gap.kind === 'evidence' ? [gap.item] : [])),
  );
  return (
    <>
      <h3 id="ms-expected-heading">{t('milestoneEvidence.expected')}</h3>
      <ul className="checklist" aria-labelledby="ms-expected-heading">
        {milestone.evidenceExpected.map((item) => {
          const coveredBy = evidence.filter((e) => e.covers?.trim() === item.trim());
          const covered = !missing.has(item);
          return (
            <li key={item} className={covered ? 'check-covered' : 'check-missing'}>
              <Icon name={covered ? 'check' : 'cross'} />
              <span className="check-item">{item}</span>
              <span className="check-state">
                {covered
                  ? t('milestoneEvidence.coveredBy', {
                      names: coveredBy.map((e) => e.name).join(', '),
                    })
                  : t('milestoneEvidence.missing')}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function EvidenceList({ milestone, evidence, canEdit }: EvidenceSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const remove = useDeleteEvidence();
  const [problem, setProblem] = useState<MilestoneProblem | null>(null);
  const [confirming, setConfirming] = useState<Evidence | null>(null);

  function onDelete(item: Evidence) {
    setProblem(null);
    remove.mutate(
      { milestoneId: milestone.id, evidenceId: item.id },
      {
        onSettled: () => setConfirming(null),
        onError: (error) =>
          setProblem(
            isApiError(error)
              ? classifyMilestoneError(error)
              : { kind: 'retryable', reason: 'server' },
          ),
      },
    );
  }

  if (evidence.length === 0) return <EmptyState title={t('milestoneEvidence.empty')} />;
  return (
    <>
      <h3 id="ms-filed-heading">{t('milestoneEvidence.filed')}</h3>
      {problem ? <ProblemMessage problem={problem} /> : null}
      <ul className="evidence-list" aria-labelledby="ms-filed-heading">
        {evidence.map((e) => (
          <li key={e.id} className="evidence-item">
            <div className="evidence-main">
              <Icon name={e.kind === 'file' ? 'arrow-down' : 'arrow-right'} />
              {e.kind === 'file' ? (
                <a href={evidenceDownloadHref(milestone.id, e.id)} download={e.name}>
                  {e.name}
                  <span className="visually-hidden"> {t('milestoneEvidence.download')}</span>
                </a>
              ) : (
                <a href={e.url ?? undefined} target="_blank" rel="noopener noreferrer">
                  {e.name}
                  <span className="visually-hidden"> {t('milestoneEvidence.opensNewTab')}</span>
                </a>
              )}
              <span className="tag">
                {e.kind === 'file'
                  ? t('milestoneEvidence.fileTag', {
                      size: e.sizeBytes === null ? '' : formatBytes(e.sizeBytes, locale),
                    })
                  : t('milestoneEvidence.linkTag')}
              </span>
            </div>
            <p className="evidence-meta muted small">
              {e.covers
                ? t('milestoneEvidence.coversItem', { item: e.covers })
                : t('milestoneEvidence.coversNothing')}
              {' · '}
              {t('milestoneEvidence.addedBy', {
                name: e.uploadedBy,
                date: formatDateTime(e.uploadedAt, locale),
              })}
            </p>
            {canEdit ? (
              <button
                type="button"
                className="link-button evidence-delete"
                disabled={remove.isPending}
                onClick={() => setConfirming(e)}
              >
                {t('milestoneEvidence.delete')}
                <span className="visually-hidden"> {e.name}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {confirming ? (
        <ConfirmDialog
          title={t('milestoneEvidence.deleteTitle')}
          confirmLabel={t('milestoneEvidence.delete')}
          busy={remove.isPending}
          onConfirm={() => onDelete(confirming)}
          onCancel={() => setConfirming(null)}
        >
          <p>{t('milestoneEvidence.deleteBody', { name: confirming.name })}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
