import {
  useEffect,
  useId,
  useRef,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';

interface FormDialogProps {
  title: string;
  /** Short explanation under the title, read with it. */
  description?: ReactNode;
  children?: ReactNode;
  submitLabel: string;
  busy?: boolean;
  /** A refusal or failure of the last attempt, shown above the buttons. */
  problem?: ReactNode;
  onSubmit: () => void;
  onCancel: () => void;
}

const FOCUSABLE = 'input, textarea, select, button, a[href]';

/**
 * A modal form: focus starts on its first field (or the confirm button), Tab stays inside,
 * Escape cancels, and focus returns to what opened it.
 */
export function FormDialog({
  title,
  description,
  children,
  submitLabel,
  busy,
  problem,
  onSubmit,
  onCancel,
}: FormDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  const boxRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first =
      boxRef.current?.querySelector<HTMLElement>('input, textarea, select') ??
      boxRef.current?.querySelector<HTMLElement>('button[type="submit"]');
    first?.focus();
    return () => previous?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = [...(boxRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter(
      (el) => !el.hasAttribute('disabled'),
    );
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <div className="dialog-backdrop">
      <form
        ref={boxRef}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? bodyId : undefined}
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={submit}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {description ? (
          <div id={bodyId} className="dialog-description">
            {description}
          </div>
        ) : null}
        {children}
        {problem}
        <div className="actions dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
