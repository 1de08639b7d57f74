import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export interface ToastAction {
  label: string;
  run: () => unknown;
}

interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: ToastAction | undefined;
}

interface ToastApi {
  show(message: string, options?: { action?: ToastAction; tone?: Toast['tone'] }): void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** How long a toast, and so its Undo, stays on screen. */
const TOAST_MS = 8000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);

  const api = useMemo<ToastApi>(
    () => ({
      show(message, options = {}) {
        const id = nextId.current++;
        setToasts((all) => [...all.slice(-3), { id, message, tone: options.tone ?? 'info', action: options.action }]);
        window.setTimeout(() => dismiss(id), TOAST_MS);
      },
    }),
    [dismiss],
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section className="toasts" aria-label="Notifications">
        <div role="status" aria-live="polite">
          {toasts.map((toast) => (
            <div key={toast.id} className={`toast toast-${toast.tone}`} role="group" aria-label={toast.message}>
              <span>{toast.message}</span>
              {toast.action && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    dismiss(toast.id);
                    void toast.action?.run();
                  }}
                >
                  {toast.action.label}
                </button>
              )}
              <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
                ×
              </button>
            </div>
          ))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts outside ToastProvider');
  return api;
}
