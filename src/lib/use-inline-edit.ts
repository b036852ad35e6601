import { useRef, useState } from 'react';

/** What the status line says once the form closes, or after a save that changed nothing. */
export type EditNotice = 'saved' | 'unchanged' | 'keptTheirs' | null;

/**
 * Whether an inline editor is open and what its last edit ended with; focus goes back to the
 * opening button when it closes (WCAG 2.4.3). The form's values live in react-hook-form.
 */
export function useInlineEdit() {
  const [isOpen, setOpen] = useState(false);
  const [notice, setNotice] = useState<EditNotice>(null);
  const returnFocus = useRef(false);

  return {
    isOpen,
    notice,
    setNotice,
    open: () => {
      setNotice(null);
      setOpen(true);
    },
    close: (next: EditNotice) => {
      setOpen(false);
      setNotice(next);
      returnFocus.current = true;
    },
    /** On the button that opens the form. */
    openButtonRef: (element: HTMLButtonElement | null) => {
      // Only after a close, not on first render.
      if (element && returnFocus.current) {
        returnFocus.current = false;
        element.focus();
      }
    },
  };
}
