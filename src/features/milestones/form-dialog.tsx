import { useId, type ReactNode } from 'react';
import { Dialog, DialogActions } from '@/components/dialog';

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

/** Focus starts on the first field, or on the confirm button when the form has none. */
const FIRST_FIELD = 'input, textarea, select, button[type="submit"]';

/** A modal form: Enter submits, Escape cancels. */
export function FormDialog(props: FormDialogProps) {
  const { title, description, children, submitLabel, busy, problem, onSubmit, onCancel } = props;
  const titleId = useId();
  const bodyId = useId();
  return (
    <Dialog
      labelledBy={titleId}
      describedBy={description ? bodyId : undefined}
      initialFocus={FIRST_FIELD}
      onClose={onCancel}
      onSubmit={onSubmit}
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
      <DialogActions onCancel={onCancel}>
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </DialogActions>
    </Dialog>
  );
}
