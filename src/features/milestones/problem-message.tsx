import { useTranslation } from 'react-i18next';
import type { SubmissionGap } from '@domain/contract/milestone';
import { formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { fr } from '@/locales/messages-fr';
import type { FieldProblem, MilestoneProblem } from './milestone-problems';

type FieldKey = keyof typeof fr.milestoneProblems.field;
type CodeKey = keyof typeof fr.milestoneProblems.code;
type ReasonKey = keyof typeof fr.milestoneProblems.reason;

const has = <K extends string>(table: Record<K, string>, key: string): key is K =>
  Object.hasOwn(table, key);

/** "Forecast date: must fall within the consortium's period", in the reader's language. */
export function useFieldProblemText() {
  const { t } = useTranslation();
  return ({ field, code }: FieldProblem) => {
    const name = has<FieldKey>(fr.milestoneProblems.field, field)
      ? t(`milestoneProblems.field.${field}`)
      : field;
    const message = has<CodeKey>(fr.milestoneProblems.code, code)
      ? t(`milestoneProblems.code.${code}`)
      : t('milestoneProblems.code.invalid');
    return t('milestoneProblems.fieldMessage', { field: name, message });
  };
}

export function GapList({ missing }: { missing: SubmissionGap[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="gap-list">
      {missing.map((gap) =>
        gap.kind === 'evidence' ? (
          <li key={`e-${gap.item}`}>{t('milestoneProblems.gapEvidence', { item: gap.item })}</li>
        ) : (
          <li key={`k-${gap.kpiId}-${gap.period}`}>
            {t('milestoneProblems.gapKpiValue', {
              code: gap.kpiCode,
              period: formatPeriod(gap.period, locale),
            })}
          </li>
        ),
      )}
    </ul>
  );
}

interface ProblemMessageProps {
  problem: MilestoneProblem;
  /** Shown with a retryable problem: sends the same request again. */
  onRetry?: () => void;
}

/** A refused or failed write, said plainly, with what to do next. Conflicts have their own view. */
export function ProblemMessage({ problem, onRetry }: ProblemMessageProps) {
  const { t } = useTranslation();
  const fieldText = useFieldProblemText();
  if (problem.kind === 'conflict') return null;
  return (
    <div className="form-problem" role="alert">
      {problem.kind === 'gaps' ? (
        <>
          <p>{t('milestoneProblems.gapsIntro', { count: problem.missing.length })}</p>
          <GapList missing={problem.missing} />
        </>
      ) : problem.kind === 'fields' ? (
        <ul className="gap-list">
          {problem.fields.map((f) => (
            <li key={`${f.field}-${f.code}`}>{fieldText(f)}</li>
          ))}
        </ul>
      ) : problem.kind === 'refused' ? (
        <p>
          {has<ReasonKey>(fr.milestoneProblems.reason, problem.reason)
            ? t(`milestoneProblems.reason.${problem.reason}`)
            : t('milestoneProblems.reason.invalid')}
        </p>
      ) : (
        <>
          <p>{t(`milestoneProblems.retryable.${problem.reason}`)}</p>
          {onRetry ? (
            <button type="button" className="button" onClick={onRetry}>
              {t('common.retry')}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
