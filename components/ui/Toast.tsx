/** Short notices at the bottom of the page, with an optional action (Undo). */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Icon } from './Icon';

export interface ToastInput {
  message: string;
  action?: { label: string; run(): void };
  /** How long it stays, in ms (paused while hovered or focused). */
  duration?: number;
}
interface ToastItem extends ToastInput {
  id: number;
}
interface ToastApi {
  show(t: ToastInput): void;
}

const ToastContext = createContext<ToastApi>({ show: () => {} });
export const useToast = () => useContext(ToastContext);

const MAX = 3;

export function ToastProvider({ children }: { children: ComponentChildren }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setItems((list) => list.filter((t) => t.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({
      show: (t) => setItems((list) => [...list, { ...t, id: next.current++ }].slice(-MAX)),
    }),
    [],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div class="toasts" role="status" aria-live="polite">
        {items.map((t) => (
          <Toast key={t.id} item={t} onDone={() => dismiss(t.id)} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function Toast({ item, onDone }: { item: ToastItem; onDone(): void }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const t = setTimeout(onDone, item.duration ?? (item.action ? 10_000 : 4_000));
    return () => clearTimeout(t);
  }, [paused, item, onDone]);
  return (
    <div
      class="toast"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocusIn={() => setPaused(true)}
      onFocusOut={() => setPaused(false)}
    >
      <span class="toast__msg">{item.message}</span>
      {item.action && (
        <button
          type="button"
          class="toast__action"
          onClick={() => {
            item.action!.run();
            onDone();
          }}
        >
          {item.action.label}
        </button>
      )}
      <button type="button" class="toast__close" aria-label="Dismiss" onClick={onDone}>
        <Icon name="x" />
      </button>
    </div>
  );
}
