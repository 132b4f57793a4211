/**
 * What this page knows of the posts' pillar tags, shared by the features that need them (the chips show them, capture
 * stores tagged posts). One getTags request per batch of keys asked in the same task, each key asked once per page:
 * a virtualised feed mounts a new element every time a post scrolls back into view, and two features asking for the
 * same keys cost two messages per stretch of feed. Kept current by tagChanged broadcasts; tagsReset (collected data
 * deleted, restored or imported elsewhere) forgets everything and asks again.
 */
import type { Broadcast } from '../messaging/protocol';
import type { send as sendFn } from '../messaging/send';

export interface PageTags {
  /** The post's pillar id; null when it is untagged; undefined while this page has not learned it. */
  get(key: string): string | null | undefined;
  /** Learn this post's tag (batched; a key already known or asked is not asked again). */
  want(key: string): void;
  /** Settles once every request made so far has been answered or has failed. */
  settled(): Promise<void>;
  /** A change made here (the user tagged a post): shown at once, the background's broadcast confirms it. */
  set(key: string, pillarId: string | null): void;
  /** Keys whose tag changed (learned tagged, tagged, untagged, or forgotten by a reset). */
  onChange(fn: (keys: string[]) => void, signal?: AbortSignal): void;
}

/** getTags accepts at most 5,000 keys; a page asks far fewer at a time, this only bounds a reset. */
const KEYS_PER_REQUEST = 1000;

export function createPageTags(
  send: typeof sendFn,
  onBroadcast: (fn: (m: Broadcast) => void) => void,
  signal: AbortSignal,
): PageTags {
  const known = new Map<string, string | null>();
  const asking = new Set<string>();
  let toAsk: string[] = [];
  let last: Promise<void> = Promise.resolve();
  const fns = new Set<(keys: string[]) => void>();

  const emit = (keys: string[]) => {
    if (keys.length) for (const fn of [...fns]) fn(keys);
  };
  /** Record values; emit the keys whose effective tag (unknown counts as untagged) changed. */
  const learn = (values: [string, string | null][]) => {
    const changed: string[] = [];
    for (const [k, v] of values) {
      if ((known.get(k) ?? null) !== v) changed.push(k);
      known.set(k, v);
    }
    emit(changed);
  };
  const ask = async () => {
    const keys = toAsk;
    toAsk = [];
    if (signal.aborted) return;
    const replies: Promise<void>[] = [];
    for (let i = 0; i < keys.length; i += KEYS_PER_REQUEST) {
      const part = keys.slice(i, i + KEYS_PER_REQUEST);
      replies.push(
        send({ type: 'getTags', keys: part })
          .then((found) => learn(part.filter((k) => !known.has(k)).map((k) => [k, found[k] ?? null])))
          .catch(() => {}) // unknown still: asked again the next time a feature wants it
          .finally(() => {
            for (const k of part) asking.delete(k);
          }),
      );
    }
    await Promise.all(replies);
  };
  const want = (key: string) => {
    if (known.has(key) || asking.has(key)) return;
    asking.add(key);
    // The request goes after the current task's other wants; settled() covers it from now on.
    if (toAsk.push(key) === 1) last = Promise.all([last, Promise.resolve().then(ask)]).then(() => {});
  };

  onBroadcast((m) => {
    if (m.type === 'tagChanged') learn([[m.key, m.pillarId]]);
    if (m.type === 'tagsReset') {
      const keys = [...known.keys()];
      const tagged = keys.filter((k) => known.get(k));
      known.clear();
      emit(tagged);
      for (const k of keys) want(k);
    }
  });

  return {
    get: (key) => known.get(key),
    want,
    settled: () => last,
    set: (key, pillarId) => learn([[key, pillarId]]),
    onChange(fn, s) {
      fns.add(fn);
      s?.addEventListener('abort', () => fns.delete(fn), { once: true });
    },
  };
}
