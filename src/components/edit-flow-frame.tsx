import type { ReactNode } from 'react';

interface EditFlowFrameProps {
  /** The editor's own class, for its layout. */
  className: string;
  open: boolean;
  openLabel: string;
  onOpen: () => void;
  /** From `useEditFlow`: gives focus back to this button when the form closes. */
  openButtonRef: (element: HTMLButtonElement | null) => void;
  /** What the last edit ended with; the line stays in place (empty) so it is always announced. */
  status: string | null;
  /** Adds `edit-status-<tone>`, e.g. the green of a save; none keeps the neutral look. */
  statusTone?: string;
  /** The form or the conflict panel, shown while open. */
  children: ReactNode;
}

/** The button that opens an inline editor, the panel it opens, and its status line. */
export function EditFlowFrame(props: EditFlowFrameProps) {
  const { className, open, openLabel, onOpen, openButtonRef, status, statusTone, children } = props;
  return (
    <div className={className}>
      {open ? (
        <div className="panel edit-panel">{children}</div>
      ) : (
        <div className="actions">
          <button ref={openButtonRef} type="button" className="button" onClick={onOpen}>
            {openLabel}
          </button>
        </div>
      )}
      <p
        role="status"
        className={statusTone ? `edit-status edit-status-${statusTone}` : 'edit-status'}
      >
        {status}
      </p>
    </div>
  );
}
