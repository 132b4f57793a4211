/** Add, edit and delete the items of one list in the draft; deleting offers Undo, which puts the exact item back. */
import type { Strategy } from '@/lib/strategy/schema';
import { useToast } from '@/components/ui/Toast';
import { useEditor } from './Editor';
import { LISTS, unitKey, type FieldErrors, type ListKey, type ListTypes } from './reconcile';

/** Extra changes a deletion makes elsewhere (clearing references), and how to take them back. */
export type Cascade = (s: Strategy) => { next: Strategy; undo(s: Strategy): Strategy };

export interface ListApi<T> {
  items: T[];
  add(item: T, opts?: { atStart?: boolean }): void;
  patch(key: string, patch: Partial<T>): void;
  remove(key: string, label?: string, cascade?: Cascade): void;
  errorsOf(key: string): FieldErrors | undefined;
}

export function useList<K extends ListKey>(list: K): ListApi<ListTypes[K]> {
  type T = ListTypes[K];
  const editor = useEditor();
  const toast = useToast();
  const spec = LISTS[list] as unknown as {
    get(s: Strategy): T[];
    set(s: Strategy, v: T[]): Strategy;
    keyOf(i: T): string;
    noun: string;
  };
  const items = spec.get(editor.draft);
  return {
    items,
    add(item, opts) {
      const unit = unitKey(list, spec.keyOf(item));
      editor.markNew(unit);
      editor.update((s) => {
        const cur = spec.get(s);
        return spec.set(s, opts?.atStart ? [item, ...cur] : [...cur, item]);
      });
    },
    patch(key, patch) {
      editor.update(
        (s) => spec.set(s, spec.get(s).map((i) => (spec.keyOf(i) === key ? { ...i, ...patch } : i))),
        unitKey(list, key),
      );
    },
    remove(key, label, cascade) {
      const cur = spec.get(editor.draft);
      const index = cur.findIndex((i) => spec.keyOf(i) === key);
      if (index < 0) return;
      const item = cur[index];
      let undoCascade: ((s: Strategy) => Strategy) | null = null;
      editor.update((s) => {
        let next = spec.set(s, spec.get(s).filter((i) => spec.keyOf(i) !== key));
        if (cascade) {
          const c = cascade(next);
          next = c.next;
          undoCascade = c.undo;
        }
        return next;
      });
      toast.show({
        message: label ? `Deleted ${spec.noun} “${label}”.` : `Deleted ${spec.noun}.`,
        action: {
          label: 'Undo',
          run: () =>
            editor.update((s) => {
              const now = spec.get(s);
              if (now.some((i) => spec.keyOf(i) === key)) return s;
              const restored = [...now];
              restored.splice(Math.min(index, restored.length), 0, item);
              const next = spec.set(s, restored);
              return undoCascade ? undoCascade(next) : next;
            }),
        },
      });
    },
    errorsOf: (key) => editor.errorsOf(unitKey(list, key)),
  };
}
