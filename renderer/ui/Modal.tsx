import { useEffect, useId, useRef, type ReactNode } from 'react';
import { focusGrid } from './dom-ids';
import './dialog.css';

interface ModalProps {
  title: ReactNode;
  /** Called when the dialog closes: Esc, a Close button, or the owner. */
  onClose: () => void;
  children: ReactNode;
  /** Wider dialogs for forms and review. */
  size?: 'small' | 'large';
  /** Marks the dialog for tests and styles, e.g. `create`. */
  kind: string;
}

/**
 * A modal dialog on the native <dialog>: the browser traps focus, Esc closes it, and the
 * rest of the page is inert. Focus goes back where it was; when that element is gone (the
 * drawer closed under it), to the table.
 */
export function Modal({ title, onClose, children, size = 'small', kind }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    return () => {
      if (element.open) element.close();
      // After React has removed the dialog, so the restored focus is not taken back.
      queueMicrotask(() => {
        if (opener?.isConnected) opener.focus();
        else if (document.activeElement === document.body || !document.activeElement) focusGrid();
      });
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={`dialog mdialog mdialog-${size}`}
      data-dialog={kind}
      aria-labelledby={titleId}
      onClose={(event) => {
        // Closed by a StrictMode re-run of the effect and opened again: not a real close.
        if (!event.currentTarget.open) onClose();
      }}
    >
      <h2 id={titleId} className="panel-title mdialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
