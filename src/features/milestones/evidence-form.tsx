import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EvidenceLinkInput, type Milestone } from '@domain/contract/milestone';
import { isApiError } from '@/api/errors';
import { useAddEvidenceLink, useUploadEvidence } from '@/api/milestone-evidence';
import {
  checkEvidenceFile,
  EVIDENCE_ACCEPT,
  MAX_MEGABYTES,
  type FileRefusal,
} from './evidence-checks';
import { FilePicker } from './file-picker';
import { classifyMilestoneError, type MilestoneProblem } from './milestone-problems';
import { ProblemMessage } from './problem-message';

type Mode = 'file' | 'link';
type LinkErrors = Partial<Record<'name' | 'url', 'required' | 'url'>>;

/** Adds a file (checked here for type and size first) or a link, filed against an expected item. */
export function EvidenceForm({ milestone }: { milestone: Milestone }) {
  const { t } = useTranslation();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<Mode>('file');
  const [covers, setCovers] = useState('');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [fileError, setFileError] = useState<FileRefusal | 'none' | null>(null);
  const [linkErrors, setLinkErrors] = useState<LinkErrors>({});
  const [problem, setProblem] = useState<MilestoneProblem | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const upload = useUploadEvidence();
  const addLink = useAddEvidenceLink();
  const pending = upload.isPending || addLink.isPending;

  const onError = (error: unknown) =>
    setProblem(
      isApiError(error) ? classifyMilestoneError(error) : { kind: 'retryable', reason: 'server' },
    );
  const onAdded = (label: string) => {
    setAdded(label);
    setName('');
    setUrl('');
    setCovers('');
    if (fileRef.current) fileRef.current.value = '';
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setAdded(null);
    if (mode === 'file') {
      const file = fileRef.current?.files?.[0];
      const refusal = file ? checkEvidenceFile(file) : 'none';
      setFileError(refusal);
      if (!file || refusal) return fileRef.current?.focus();
      upload.mutate(
        { milestoneId: milestone.id, file, covers: covers || undefined },
        { onSuccess: (e) => onAdded(e.name), onError },
      );
      return;
    }
    const parsed = EvidenceLinkInput.safeParse({ name, url, covers: covers || null });
    if (!parsed.success) {
      const errors: LinkErrors = {};
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'name') errors.name = 'required';
        if (issue.path[0] === 'url') errors.url = url.trim() ? 'url' : 'required';
      }
      return setLinkErrors(errors);
    }
    setLinkErrors({});
    addLink.mutate(
      { milestoneId: milestone.id, link: parsed.data },
      { onSuccess: (e) => onAdded(e.name), onError },
    );
  }

  const errorText = (key: string | undefined, fieldId: string) =>
    key ? (
      <p id={`${fieldId}-error`} className="field-error">
        {key}
      </p>
    ) : null;
  const fileMessage =
    fileError === 'type'
      ? t('milestoneEvidence.errors.type')
      : fileError === 'size'
        ? t('milestoneEvidence.errors.size', { max: MAX_MEGABYTES })
        : fileError === 'empty'
          ? t('milestoneEvidence.errors.empty')
          : fileError === 'none'
            ? t('milestoneEvidence.errors.noFile')
            : undefined;

  return (
    <form className="panel evidence-form" noValidate onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('milestoneEvidence.add')}</h3>
      <fieldset className="choice-row">
        <legend className="field-label">{t('milestoneEvidence.kind')}</legend>
        {(['file', 'link'] as const).map((m) => (
          <label key={m} className="choice">
            <input
              type="radio"
              name={`${id}-mode`}
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
            />
            {t(`milestoneEvidence.mode.${m}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-row">
        {mode === 'file' ? (
          <FilePicker
            id={`${id}-file`}
            label={t('milestoneEvidence.file')}
            hint={t('milestoneEvidence.fileHint', { max: MAX_MEGABYTES })}
            error={fileMessage}
            accept={EVIDENCE_ACCEPT}
            inputRef={fileRef}
            onChange={() => setFileError(null)}
          />
        ) : (
          <>
            <div className="field">
              <label htmlFor={`${id}-name`} className="field-label">
                {t('milestoneEvidence.linkName')}
              </label>
              {errorText(
                linkErrors.name && t('milestoneEvidence.errors.nameRequired'),
                `${id}-name`,
              )}
              <input
                id={`${id}-name`}
                className="input"
                value={name}
                maxLength={255}
                aria-invalid={linkErrors.name ? true : undefined}
                aria-describedby={linkErrors.name ? `${id}-name-error` : undefined}
                onChange={(e) => setName(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-url`} className="field-label">
                {t('milestoneEvidence.url')}
              </label>
              {errorText(
                linkErrors.url &&
                  t(
                    linkErrors.url === 'url'
                      ? 'milestoneEvidence.errors.url'
                      : 'milestoneEvidence.errors.urlRequired',
                  ),
                `${id}-url`,
              )}
              <input
                id={`${id}-url`}
                className="input"
                type="url"
                inputMode="url"
                placeholder="https://"
                value={url}
                maxLength={2000}
                aria-invalid={linkErrors.url ? true : undefined}
                aria-describedby={linkErrors.url ? `${id}-url-error` : undefined}
                onChange={(e) => setUrl(e.target.value)}
              />
            </div>
          </>
        )}
        {milestone.evidenceExpected.length > 0 ? (
          <div className="field">
            <label htmlFor={`${id}-covers`} className="field-label">
              {t('milestoneEvidence.covers')}
            </label>
            <select
              id={`${id}-covers`}
              className="input"
              value={covers}
              onChange={(e) => setCovers(e.target.value)}
            >
              <option value="">{t('milestoneEvidence.coversNone')}</option>
              {milestone.evidenceExpected.map((item) => (
                <option key={item} value={item}>
                  {item}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {problem ? <ProblemMessage problem={problem} /> : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('milestoneEvidence.adding') : t(`milestoneEvidence.submit.${mode}`)}
        </button>
      </div>
      <p role="status" className={added ? 'edit-status edit-status-saved' : 'edit-status'}>
        {added ? t('milestoneEvidence.added', { name: added }) : null}
      </p>
    </form>
  );
}
