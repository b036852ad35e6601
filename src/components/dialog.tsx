import { useEffect, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What Tab may land on inside a dialog: enabled controls, links and explicit tab stops. */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface DialogProps {
  /** Id of the heading that names the dialog. */
  labelledBy: string;
  /** Id of the text read out with the heading, if any. */
  describedBy?: string;
  /** `alertdialog` for a question that interrupts the work (a confirmation). */
  role?: 'dialog' | 'alertdialog';
  className?: string;
  /**
   * Where focus starts when no control is marked `data-autofocus`: the first match in the
   * dialog, in document order.
   */
  initialFocus?: string;
  /** Escape ends here: nothing is saved. */
  onClose: () => void;
  /** When given, the dialog is a form, so Enter in a field submits it. */
  onSubmit?: () => void;
  children: ReactNode;
}

/**
 * The mechanics every modal shares: focus moves inside on open (to the control marked
 * `data-autofocus`, else to the first `initialFocus` match), Tab stays inside, Escape closes,
 * and focus goes back to what opened it on close.
 */
export function Dialog({
  labelledBy,
  describedBy,
  role = 'dialog',
  className,
  initialFocus = FOCUSABLE,
  onClose,
  onSubmit,
  children,
}: DialogProps) {
  // The backdrop holds only the dialog, so searching it is searching the dialog, whatever element
  // (div or form) the dialog is.
  const backdropRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const backdrop = backdropRef.current;
    const first =
      backdrop?.querySelector<HTMLElement>('[data-autofocus]') ??
      backdrop?.querySelector<HTMLElement>(initialFocus);
    first?.focus();
    return () => previous?.focus();
  }, [initialFocus]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      // A dialog may sit inside something that also listens for Escape (a grid): only close it.
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
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

  const box = {
    className: className ? `dialog ${className}` : 'dialog',
    role,
    'aria-modal': true,
    'aria-labelledby': labelledBy,
    'aria-describedby': describedBy,
    onKeyDown,
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };

  return (
    <div ref={backdropRef} className="dialog-backdrop">
      {onSubmit ? (
        <form {...box} noValidate onSubmit={submit}>
          {children}
        </form>
      ) : (
        <div {...box}>{children}</div>
      )}
    </div>
  );
}

interface DialogActionsProps {
  onCancel: () => void;
  /** Start on Cancel, the safe choice, when the action has consequences. */
  focusCancel?: boolean;
  /** The button that carries out the dialog's purpose, after Cancel. */
  children: ReactNode;
}

/** The button row at the foot of a dialog: Cancel first, then the action. */
export function DialogActions({ onCancel, focusCancel, children }: DialogActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="actions dialog-actions">
      <button
        type="button"
        className="button"
        onClick={onCancel}
        data-autofocus={focusCancel || undefined}
      >
        {t('common.cancel')}
      </button>
      {children}
    </div>
  );
}
