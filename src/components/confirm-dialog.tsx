import { useId, type ReactNode } from 'react';
import { Dialog, DialogActions } from './dialog';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question before an action with consequences. Focus starts on Cancel (the safe
 * choice) and Escape cancels.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, children, confirmLabel, busy, onConfirm, onCancel } = props;
  const titleId = useId();
  const bodyId = useId();
  return (
    <Dialog role="alertdialog" labelledBy={titleId} describedBy={bodyId} onClose={onCancel}>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div id={bodyId}>{children}</div>
      <DialogActions onCancel={onCancel} focusCancel>
        <button type="button" className="button button-danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </DialogActions>
    </Dialog>
  );
}
