/** A tiny observable value: the strategy/settings and tag state the in-page features share. */
export interface Store<T> {
  get(): T;
  set(value: T): void;
  subscribe(fn: (value: T) => void, signal?: AbortSignal): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const subs = new Set<(v: T) => void>();
  return {
    get: () => value,
    set(v) {
      value = v;
      for (const fn of [...subs]) fn(v);
    },
    subscribe(fn, signal) {
      subs.add(fn);
      const off = () => subs.delete(fn);
      signal?.addEventListener('abort', off, { once: true });
      return off;
    },
  };
}
