/**
 * What this page knows of the posts' pillar tags, shared by the features that need them (the chips show them, capture
 * stores tagged posts). Kept current by tagChanged broadcasts; tagsReset (collected data deleted, restored or imported
 * elsewhere) forgets everything and asks again.
 *
 * Given its platform, the page asks once for every tag of that platform (getPlatformTags) and then knows every post's
 * tag without a message: a virtualised feed mounts cells one or two at a time, and asking per stretch of feed cost one
 * message round trip per mount or two (133 on the feed benchmark's scroll, BENCHMARKS.md). When the platform has more
 * tags than the background sends at once, or that request fails, it asks per post instead: one getTags request per
 * batch of keys asked in the same task, each key asked once per page.
 */
import type { Broadcast } from '../messaging/protocol';
import type { send as sendFn } from '../messaging/send';
import type { Platform } from '../strategy/schema';

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
  opts: { platform?: Platform } = {},
): PageTags {
  const known = new Map<string, string | null>();
  const asking = new Set<string>();
  let toAsk: string[] = [];
  let last: Promise<void> = Promise.resolve();
  const fns = new Set<(keys: string[]) => void>();
  /**
   * 'all': every tag of the platform is known (a key not in `known` is untagged); 'loading': that answer is awaited
   * (keys wanted meanwhile wait in `deferred`); 'each': ask per key.
   */
  let mode: 'all' | 'loading' | 'each' = opts.platform ? 'loading' : 'each';
  const deferred = new Set<string>();

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
    if (mode === 'all' || known.has(key) || asking.has(key)) return;
    if (mode === 'loading') {
      deferred.add(key);
      return;
    }
    asking.add(key);
    // The request goes after the current task's other wants; settled() covers it from now on.
    if (toAsk.push(key) === 1) last = Promise.all([last, Promise.resolve().then(ask)]).then(() => {});
  };

  /** Ask for every tag of the platform; on a partial answer or a failure, ask per key from then on. */
  let generation = 0;
  const askAll = (platform: Platform) => {
    mode = 'loading';
    const gen = ++generation;
    const reply = send({ type: 'getPlatformTags', platform }).catch(() => null);
    last = Promise.all([
      last,
      reply.then((r) => {
        if (gen !== generation || signal.aborted) return;
        const keys = [...deferred];
        deferred.clear();
        if (r && r.complete === true && r.tags && typeof r.tags === 'object') {
          mode = 'all';
          // A broadcast that arrived while the answer was on its way is newer than it.
          learn(Object.entries(r.tags).filter(([k, v]) => typeof v === 'string' && !known.has(k)));
          return;
        }
        mode = 'each';
        for (const k of keys) want(k);
      }),
    ]).then(() => {});
  };
  if (opts.platform) askAll(opts.platform);

  onBroadcast((m) => {
    if (m.type === 'tagChanged') learn([[m.key, m.pillarId]]);
    if (m.type === 'tagsReset') {
      const keys = [...known.keys()];
      const tagged = keys.filter((k) => known.get(k));
      known.clear();
      emit(tagged);
      if (opts.platform) askAll(opts.platform);
      else for (const k of keys) want(k);
    }
  });

  return {
    get: (key) => (known.has(key) ? known.get(key) : mode === 'all' ? null : undefined),
    want,
    settled: () => last,
    set: (key, pillarId) => learn([[key, pillarId]]),
    onChange(fn, s) {
      fns.add(fn);
      s?.addEventListener('abort', () => fns.delete(fn), { once: true });
    },
  };
}
