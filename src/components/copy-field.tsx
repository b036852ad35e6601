import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A read-only field with a Copy button. Where the clipboard API is refused (insecure origin,
 * permissions), the text is selected so the person can copy it by hand, and told so.
 */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      inputRef.current?.select();
      setStatus('failed');
    }
  };

  return (
    <div className="field copy-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="field-control copy-control">
        <input
          ref={inputRef}
          id={id}
          className="input input-mono"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {t('link.copy')}
        </button>
      </div>
      <p className="field-hint" role="status">
        {status === 'copied' ? t('link.copied') : status === 'failed' ? t('link.copyFailed') : ''}
      </p>
    </div>
  );
}
