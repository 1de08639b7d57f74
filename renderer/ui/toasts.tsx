import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { dismiss, enqueue, visibleToasts, type Toast, type ToastAction, type ToastTone } from './toast-queue';

export type { ToastAction } from './toast-queue';

export interface ToastOptions {
  action?: ToastAction;
  tone?: ToastTone;
  /**
   * Toasts of one group merge while one is shown, so deleting five rows says so once, with one
   * Undo for all five. Defaults to the message: the same error twice shows once, "(×2)".
   */
  group?: string;
  /** What a merged toast says for `count` of them: `(count) => \`Deleted ${count} time entries\``. */
  plural?: (count: number) => string;
}

interface ToastApi {
  show(message: string, options?: ToastOptions): void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** How long a toast, and so its Undo, stays on screen; the time starts again when one merges into it. */
const TOAST_MS = 8000;

/**
 * Toasts sit at the bottom of the sidebar (full width at the bottom on a narrow window), clear of
 * every row's Edit, Delete and Undo buttons. They never take focus: she reaches Undo with the
 * pointer or by Tab, and while she is on a toast its time stands still.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [queue, setQueue] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const remove = useCallback((id: number) => setQueue((all) => dismiss(all, id)), []);

  const api = useMemo<ToastApi>(
    () => ({
      show(message, options = {}) {
        const id = nextId.current++;
        const request = { message, tone: options.tone ?? 'info', group: options.group ?? message, plural: options.plural, action: options.action };
        setQueue((all) => enqueue(all, id, request));
      },
    }),
    [],
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section className="toasts" aria-label="Notifications">
        <div role="status" aria-live="polite">
          {visibleToasts(queue).map((toast) => (
            <ToastView key={toast.id} toast={toast} onDismiss={remove} />
          ))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}

function ToastView({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = hovered || focused;
  const { id, version } = toast;

  useEffect(() => {
    if (held) return;
    const timer = window.setTimeout(() => onDismiss(id), TOAST_MS);
    return () => window.clearTimeout(timer);
    // `version` restarts the time when another toast merges into this one.
  }, [held, id, version, onDismiss]);

  const [action] = toast.actions;
  return (
    <div
      className={`toast toast-${toast.tone}`}
      role="group"
      aria-label={toast.message}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
      }}
    >
      <span className="toast-message">{toast.message}</span>
      {action && (
        <button
          type="button"
          className="button button-small toast-action"
          onClick={() => {
            onDismiss(id);
            for (const merged of toast.actions) void merged.run();
          }}
        >
          {action.label}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => onDismiss(id)}>
        ×
      </button>
    </div>
  );
}

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts outside ToastProvider');
  return api;
}
