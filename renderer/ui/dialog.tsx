import { useId, useLayoutEffect, useRef, type KeyboardEventHandler, type ReactNode } from 'react';

type DialogName =
  /** A visible heading, which names the dialog. */
  | { title: ReactNode; label?: undefined }
  /** A name without a heading, for a dialog whose first line is its input (the command palette). */
  | { label: string; title?: undefined };

type DialogProps = DialogName & {
  /** Called however she leaves: Escape, a Cancel button, or the dialog being closed by the browser. */
  onClose: () => void;
  className?: string;
  onKeyDown?: KeyboardEventHandler<HTMLDialogElement>;
  children: ReactNode;
};

/**
 * A modal dialog, open while it is rendered; the element marked `data-autofocus` takes focus when it
 * opens. The browser's own modal `<dialog>` makes the page
 * behind it inert and closes on Escape. Focus goes back to where she was when it opened (the Edit
 * button of the row she was on) explicitly: the browser restores focus when a dialog is closed,
 * not when React removes it, as it does after Save.
 */
export function Dialog({ title, label, onClose, className, onKeyDown, children }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useLayoutEffect(() => {
    const node = dialog.current;
    // Read before showModal(): nothing inside a closed dialog can hold focus yet.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    node?.showModal();
    // showModal() focuses the first focusable element, which can be a wrapper (cmdk's root, with
    // tabindex -1), not the field she types in: a dialog names that field with data-autofocus.
    node?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      node?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={title === undefined ? undefined : titleId}
      aria-label={label}
      // Escape is taken at `cancel`, not at the `close` the browser fires a moment later: a key pressed
      // in between (the `?` for the shortcuts) would otherwise still land in the closing dialog's input.
      onCancel={onClose}
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      {title !== undefined && <h2 id={titleId}>{title}</h2>}
      {children}
    </dialog>
  );
}
