import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consortium } from '@domain/contract/consortium';
import { MilestoneCreate, Phase } from '@domain/contract/milestone';
import { isApiError } from '@/api/errors';
import { useCreateMilestone } from '@/api/milestone-plans';
import { classifyMilestoneError, type MilestoneProblem } from './milestone-problems';
import { ProblemMessage } from './problem-message';

const FIELDS = [
  'phase',
  'code',
  'titleFr',
  'titleEn',
  'startDate',
  'forecastDate',
  'description',
  'evidenceExpected',
] as const;
type Field = (typeof FIELDS)[number];
type Draft = Record<Field, string> & { requiresKpiValues: boolean };

/** The contract's path of an issue, as the form's field. */
function fieldOf(path: readonly PropertyKey[]): Field | null {
  const [head, sub] = path.map(String);
  if (head === 'title') return sub === 'en' ? 'titleEn' : 'titleFr';
  return (FIELDS as readonly string[]).includes(head ?? '') ? (head as Field) : null;
}

interface MilestoneCreateFormProps {
  consortium: Consortium;
  onCreated: () => void;
  onCancel: () => void;
}

/** A milestone the template lacks, added by the manager; checked against the contract first. */
export function MilestoneCreateForm({ consortium, onCreated, onCancel }: MilestoneCreateFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateMilestone();
  const [draft, setDraft] = useState<Draft>({
    phase: 'build',
    code: '',
    titleFr: '',
    titleEn: '',
    startDate: consortium.startDate,
    forecastDate: consortium.startDate,
    description: '',
    evidenceExpected: '',
    requiresKpiValues: false,
  });
  const [errors, setErrors] = useState<Partial<Record<Field, true>>>({});
  const [problem, setProblem] = useState<MilestoneProblem | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const parsed = MilestoneCreate.safeParse({
      phase: draft.phase,
      code: draft.code.trim().toUpperCase(),
      title: { fr: draft.titleFr.trim(), en: draft.titleEn.trim() },
      description: draft.description,
      startDate: draft.startDate,
      forecastDate: draft.forecastDate,
      evidenceExpected: draft.evidenceExpected
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      requiresKpiValues: draft.requiresKpiValues,
    });
    if (!parsed.success) {
      const next: Partial<Record<Field, true>> = {};
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.path);
        if (field) next[field] = true;
      }
      return setErrors(next);
    }
    setErrors({});
    create.mutate(
      { consortiumId: consortium.id, milestone: parsed.data },
      {
        onSuccess: onCreated,
        onError: (error) =>
          setProblem(
            isApiError(error)
              ? classifyMilestoneError(error)
              : { kind: 'retryable', reason: 'server' },
          ),
      },
    );
  }

  const control = (field: Field) => ({
    id: `${id}-${field}`,
    className: 'input',
    value: draft[field],
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${id}-${field}-error` : undefined,
    onChange: (e: { target: { value: string } }) =>
      setDraft((d) => ({ ...d, [field]: e.target.value })),
  });
  const label = (field: Field) => (
    <>
      <label htmlFor={`${id}-${field}`} className="field-label">
        {t(`milestonePlan.fields.${field}`)}
      </label>
      {errors[field] ? (
        <p id={`${id}-${field}-error`} className="field-error">
          {t(`milestonePlan.errors.${field}`)}
        </p>
      ) : null}
    </>
  );

  return (
    <form className="plan-create" noValidate onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('milestonePlan.add')}</h3>
      <div className="form-row">
        <div className="field">
          {label('phase')}
          <select {...control('phase')}>
            {Phase.options.map((p) => (
              <option key={p} value={p}>
                {t(`phase.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          {label('code')}
          <input {...control('code')} autoComplete="off" maxLength={20} />
        </div>
        <div className="field">
          {label('titleFr')}
          <input {...control('titleFr')} lang="fr" maxLength={500} />
        </div>
        <div className="field">
          {label('titleEn')}
          <input {...control('titleEn')} lang="en" maxLength={500} />
        </div>
        <div className="field">
          {label('startDate')}
          <input {...control('startDate')} type="date" />
        </div>
        <div className="field">
          {label('forecastDate')}
          <input {...control('forecastDate')} type="date" />
        </div>
      </div>
      <div className="form-row">
        <div className="field">
          {label('description')}
          <textarea {...control('description')} rows={3} maxLength={4000} />
        </div>
        <div className="field">
          {label('evidenceExpected')}
          <textarea {...control('evidenceExpected')} rows={3} />
        </div>
      </div>
      <div className="ms-filter-check">
        <input
          id={`${id}-kpis`}
          type="checkbox"
          checked={draft.requiresKpiValues}
          onChange={(e) => setDraft((d) => ({ ...d, requiresKpiValues: e.target.checked }))}
        />
        <label htmlFor={`${id}-kpis`}>{t('milestonePlan.fields.requiresKpiValues')}</label>
      </div>
      {problem ? <ProblemMessage problem={problem} /> : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('milestonePlan.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
