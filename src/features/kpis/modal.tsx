import type { ReactNode } from 'react';
import { Dialog } from '@/components/dialog';

interface ModalProps {
  titleId: string;
  children: ReactNode;
  /** Escape and the Cancel button both end here: nothing is saved. */
  onClose: () => void;
  className?: string;
}

/**
 * A modal dialog for the grid: focus moves inside (to the first field, else the first control)
 * and goes back to the grid cell that opened it on close.
 */
export function Modal({ titleId, children, onClose, className }: ModalProps) {
  return (
    <Dialog labelledBy={titleId} className={className} onClose={onClose}>
      {children}
    </Dialog>
  );
}
