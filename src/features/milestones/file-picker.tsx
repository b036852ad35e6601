import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface FilePickerProps {
  id: string;
  label: string;
  hint: string;
  error?: string;
  accept: string;
  inputRef: Ref<HTMLInputElement>;
  onChange: () => void;
}

/**
 * A file input that speaks the page's language: the native control's "Choose File / No file
 * chosen" comes from the browser's own language. The real input stays focusable (visually
 * hidden), named by the field label; the button-like label opens it and the chosen name shows.
 */
export function FilePicker({
  id,
  label,
  hint,
  error,
  accept,
  inputRef,
  onChange,
}: FilePickerProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div className="field">
      <label id={`${id}-label`} htmlFor={id} className="field-label">
        {label}
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <div className="file-picker">
        <input
          ref={inputRef}
          id={id}
          className="file-input"
          type="file"
          accept={accept}
          aria-labelledby={`${id}-label`}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : '', `${id}-chosen`]
            .filter(Boolean)
            .join(' ')}
          onChange={(e) => {
            setChosen(e.target.files?.[0]?.name ?? null);
            onChange();
          }}
        />
        <label htmlFor={id} className="button file-button" aria-hidden="true">
          {t('milestoneEvidence.chooseFile')}
        </label>
        <span id={`${id}-chosen`} className="file-chosen">
          {chosen ?? t('milestoneEvidence.noFileChosen')}
        </span>
      </div>
    </div>
  );
}
