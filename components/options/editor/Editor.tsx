/**
 * The options page's editing state. The database (through liveQuery) is the truth; the page edits a draft;
 * ~300 ms after the last change the valid parts of the draft are saved and open platform tabs are told.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { loadStrategy, saveStrategy } from '@/lib/db/repo';
import { useLive } from '@/lib/db/live';
import { send } from '@/lib/messaging/send';
import type { Strategy } from '@/lib/strategy/schema';
import { canon, reconcile, sectionOfUnit, type ErrorMap, type FieldErrors, type SectionId } from './reconcile';
import { clearDraft, hashText, readDraft, writeDraft, type StoredDraft } from './draftStore';

export const SAVE_DELAY_MS = 300;

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'invalid'; count: number }
  | { kind: 'error'; message: string };

export type RestoreNotice =
  | { kind: 'restored'; at: number }
  /** The strategy changed after the draft was left (an import, another tab): the user decides. */
  | { kind: 'stale'; at: number; draft: Strategy };

export interface EditorApi {
  draft: Strategy;
  saved: Strategy;
  errors: ErrorMap;
  /** Errors the user should see now (new, untouched items are spared). */
  visibleErrors: ErrorMap;
  invalidSections: Set<SectionId>;
  state: SaveState;
  notice: RestoreNotice | null;
  update(recipe: (draft: Strategy) => Strategy, touched?: string): void;
  /** Mark a unit as new: its errors stay hidden until it is edited. */
  markNew(unit: string): void;
  errorsOf(unit: string): FieldErrors | undefined;
  /** Save now (before an export, on page hide). */
  flush(): Promise<void>;
  /** Replace the whole strategy and store it (start from empty, undo). */
  replace(strategy: Strategy): Promise<void>;
  /** Take a strategy that something else already stored (an import). */
  adopt(strategy: Strategy): void;
  restoreStale(): void;
  discardDraft(): void;
  dismissNotice(): void;
}

const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error('useEditor needs an <EditorProvider>');
  return api;
}

function notifyTabs() {
  // Open platform tabs pick up the new strategy; a missing background (tests, reload) is not the user's problem.
  try {
    void Promise.resolve(send({ type: 'strategyUpdated' })).catch(() => {});
  } catch {
    /* ignore */
  }
}

export function EditorProvider({ children, fallback }: { children: ComponentChildren; fallback?: ComponentChildren }) {
  const live = useLive(() => loadStrategy(), []);
  const draftRef = useRef<Strategy | null>(null);
  const savedRef = useRef<Strategy | null>(null);
  const lastWritten = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [pending, setPending] = useState(false);
  const [writeError, setWriteError] = useState<string | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<RestoreNotice | null>(null);

  const persistLocal = () => {
    if (!draftRef.current || !savedRef.current) return;
    writeDraft({ draft: draftRef.current, base: hashText(canon(savedRef.current)), at: Date.now() });
  };

  const isClean = () => {
    const r = reconcile(draftRef.current!, savedRef.current!);
    return !r.problem && Object.keys(r.errors).length === 0 && canon(r.next) === canon(savedRef.current!);
  };

  const saveNow = useCallback((): Promise<void> => {
    const run = async () => {
      const draft = draftRef.current;
      const saved = savedRef.current;
      if (!draft || !saved) return;
      const r = reconcile(draft, saved);
      if (r.problem) {
        setWriteError(r.problem);
      } else if (canon(r.next) !== canon(saved)) {
        try {
          const clean = await saveStrategy(r.next);
          savedRef.current = clean;
          lastWritten.current = canon(clean);
          setWriteError(null);
          notifyTabs();
        } catch (e) {
          setWriteError(e instanceof Error ? e.message : String(e));
        }
      } else {
        setWriteError(null);
      }
      if (isClean()) clearDraft();
      else persistLocal();
      if (timer.current === undefined) setPending(false);
      rerender(0);
    };
    chain.current = chain.current.then(run, run);
    return chain.current;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const schedule = useCallback(
    (ms = SAVE_DELAY_MS) => {
      clearTimeout(timer.current);
      setPending(true);
      timer.current = setTimeout(() => {
        timer.current = undefined;
        void saveNow();
      }, ms);
    },
    [saveNow],
  );

  // Database → page.
  useEffect(() => {
    if (live.status !== 'ready') return;
    const value = live.value;
    const text = canon(value);
    if (savedRef.current === null) {
      savedRef.current = value;
      draftRef.current = value;
      lastWritten.current = text;
      const local = readDraft();
      if (local) {
        if (local.base === hashText(text)) {
          draftRef.current = local.draft;
          setNotice({ kind: 'restored', at: local.at });
          schedule(0);
        } else {
          setNotice({ kind: 'stale', at: local.at, draft: local.draft });
        }
      }
      rerender(0);
      return;
    }
    if (text === lastWritten.current || text === canon(savedRef.current)) return;
    // Changed elsewhere (another tab, an import). Take it unless the user has edits in flight here.
    const busy = timer.current !== undefined || !isClean();
    savedRef.current = value;
    lastWritten.current = text;
    if (!busy) {
      draftRef.current = value;
      clearDraft();
    }
    rerender(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live]);

  // Leaving the page: store what can be stored; the local draft keeps the rest.
  useEffect(() => {
    const onHide = () => {
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
        timer.current = undefined;
        void saveNow();
      }
    };
    addEventListener('pagehide', onHide);
    return () => {
      removeEventListener('pagehide', onHide);
      clearTimeout(timer.current);
    };
  }, [saveNow]);

  const draft = draftRef.current;
  const saved = savedRef.current;
  const reconciled = useMemo(() => (draft && saved ? reconcile(draft, saved) : null), [draft, saved]);

  const api = useMemo<EditorApi | null>(() => {
    if (!draft || !saved || !reconciled) return null;
    const visibleErrors: ErrorMap = {};
    for (const [unit, errs] of Object.entries(reconciled.errors)) if (!fresh.has(unit)) visibleErrors[unit] = errs;
    const invalidSections = new Set(Object.keys(visibleErrors).map(sectionOfUnit));
    const count = Object.values(visibleErrors).reduce((n, e) => n + Object.keys(e).length, 0);
    const state: SaveState = writeError
      ? { kind: 'error', message: writeError }
      : count
        ? { kind: 'invalid', count }
        : pending
          ? { kind: 'saving' }
          : { kind: 'saved' };
    const reset = (s: Strategy) => {
      clearTimeout(timer.current);
      timer.current = undefined;
      draftRef.current = s;
      savedRef.current = s;
      lastWritten.current = canon(s);
      clearDraft();
      setFresh(new Set());
      setPending(false);
      setWriteError(null);
      setNotice(null);
      rerender(0);
    };
    return {
      draft,
      saved,
      errors: reconciled.errors,
      visibleErrors,
      invalidSections,
      state,
      notice,
      update(recipe, touched) {
        draftRef.current = recipe(draftRef.current!);
        if (touched && fresh.has(touched)) {
          const f = new Set(fresh);
          f.delete(touched);
          setFresh(f);
        }
        persistLocal();
        rerender(0);
        schedule();
      },
      markNew(unit) {
        setFresh((f) => new Set(f).add(unit));
      },
      errorsOf: (unit) => visibleErrors[unit],
      flush() {
        clearTimeout(timer.current);
        timer.current = undefined;
        return saveNow();
      },
      async replace(strategy) {
        clearTimeout(timer.current);
        timer.current = undefined;
        await chain.current;
        const clean = await saveStrategy(strategy);
        notifyTabs();
        reset(clean);
      },
      adopt: reset,
      restoreStale() {
        if (notice?.kind !== 'stale') return;
        draftRef.current = notice.draft;
        setNotice({ kind: 'restored', at: notice.at });
        persistLocal();
        rerender(0);
        schedule(0);
      },
      discardDraft() {
        clearTimeout(timer.current);
        timer.current = undefined;
        draftRef.current = savedRef.current;
        clearDraft();
        setNotice(null);
        setPending(false);
        setWriteError(null);
        rerender(0);
      },
      dismissNotice: () => setNotice(null),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, saved, reconciled, fresh, pending, writeError, notice]);

  if (live.status === 'error')
    return (
      <div class="alert alert--danger" role="alert">
        <div class="alert__body">
          <p class="alert__title">Brandline could not open its database.</p>
          <p>{live.error.message}</p>
        </div>
      </div>
    );
  if (!api) return <>{fallback ?? null}</>;
  return <EditorContext.Provider value={api}>{children}</EditorContext.Provider>;
}
