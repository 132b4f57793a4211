/**
 * The background's request handlers. Pure of browser APIs except through `deps`, so they are tested
 * with fake-indexeddb and a fake sender.
 */
import { getDb, type BrandlineDB } from '../db';
import { loadSettings, loadStrategy, recordSeen, setTag, upsertPosts } from '../db/repo';
import { isOwnHandle } from '../strategy/channels';
import { postKey, type Settings } from '../strategy/schema';
import {
  ContentRequestSchema,
  PageRequestSchema,
  PLATFORM_TAGS_MAX,
  type Broadcast,
  type ErrorReply,
  type Health,
  type SeenPost,
  type Context,
} from './protocol';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface Deps {
  db?: BrandlineDB;
  /** This extension's id (browser.runtime.id). */
  extensionId: string;
  /** This extension's base URL (browser.runtime.getURL('/')). */
  extensionOrigin: string;
  broadcast(message: Broadcast): void | Promise<void>;
  setHealth?(tabId: number, health: Health): void | Promise<void>;
  /** Called after the options page saved settings (e.g. to register Mastodon instances). */
  settingsChanged?(settings: Settings): void | Promise<void>;
  now?(): number;
}

/**
 * The strategy and settings, read once and kept for a few seconds: a scrolling feed sends a postsSeen batch every
 * half second, and re-reading and re-validating the whole strategy for each one cost more than storing the batch.
 * Brandline's pages announce their changes (strategyUpdated / settingsUpdated), which drops the cache at once.
 */
const CONTEXT_TTL_MS = 5_000;
const contextCache = new WeakMap<BrandlineDB, { at: number; value: Promise<Context> }>();
function readContext(db: BrandlineDB, now: number): Promise<Context> {
  const hit = contextCache.get(db);
  if (hit && now - hit.at < CONTEXT_TTL_MS) return hit.value;
  const value = Promise.all([loadStrategy(db), loadSettings(db)]).then(([strategy, settings]) => ({ strategy, settings }));
  contextCache.set(db, { at: now, value });
  value.catch(() => contextCache.delete(db));
  return value;
}

function keyMatches(post: SeenPost): boolean {
  return post.key === postKey(post.platform, post.postId);
}

/** Answer one request. Returns an ErrorReply (never throws) for anything refused. */
export async function handleRequest(message: unknown, sender: Sender, deps: Deps): Promise<unknown> {
  if (!sender || sender.id !== deps.extensionId) return { error: 'refused: not from this extension' } satisfies ErrorReply;
  const db = deps.db ?? getDb();
  const now = deps.now?.() ?? Date.now();
  // Brandline's own pages (options in a tab, popup): their URL is in the extension's origin. A content script's
  // sender URL is the web page's, so it can never pass for one.
  const fromPage = typeof sender.url === 'string' && sender.url.startsWith(deps.extensionOrigin);

  const page = PageRequestSchema.safeParse(message);
  if (page.success) {
    if (!fromPage) return { error: 'refused: only Brandline pages may send this' } satisfies ErrorReply;
    if (page.data.type === 'collectedDataChanged') {
      await deps.broadcast({ type: 'tagsReset' });
      return { ok: true };
    }
    contextCache.delete(db);
    const { strategy, settings } = await readContext(db, now);
    if (page.data.type === 'settingsUpdated') await deps.settingsChanged?.(settings);
    await deps.broadcast({ type: 'contextChanged', strategy, settings });
    return { ok: true };
  }

  const parsed = ContentRequestSchema.safeParse(message);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { error: `invalid message: ${first?.path.join('.') || 'type'}: ${first?.message}` } satisfies ErrorReply;
  }
  const req = parsed.data;
  switch (req.type) {
    case 'getContext':
      return readContext(db, now);
    case 'getTags': {
      const tags = await db.tags.bulkGet(req.keys);
      const out: Record<string, string> = {};
      for (const t of tags) if (t) out[t.key] = t.pillarId;
      return out;
    }
    case 'getPlatformTags': {
      const prefix = `${req.platform}:`;
      const found = await db.tags.where('key').startsWith(prefix).limit(PLATFORM_TAGS_MAX + 1).toArray();
      if (found.length > PLATFORM_TAGS_MAX) return { complete: false, tags: {} };
      const tags: Record<string, string> = {};
      for (const t of found) tags[t.key] = t.pillarId;
      return { complete: true, tags };
    }
    case 'setTag': {
      if (!keyMatches(req.post)) return { error: 'invalid message: post.key does not match platform and postId' };
      const { strategy } = await readContext(db, now);
      if (req.pillarId !== null && !strategy.pillars.some((p) => p.id === req.pillarId))
        return { error: `invalid message: pillarId: no pillar has the id "${req.pillarId}"` };
      const own = isOwnHandle(req.post.platform, req.post.authorHandle, strategy.channels);
      await db.transaction('rw', db.posts, db.tags, async () => {
        await upsertPosts([{ ...req.post, own }], now, db);
        await setTag(req.post.key, req.pillarId, req.source, db);
      });
      await deps.broadcast({ type: 'tagChanged', key: req.post.key, pillarId: req.pillarId });
      return { ok: true };
    }
    case 'postsSeen': {
      const { strategy, settings } = await readContext(db, now);
      if (!settings.features.capture) return { stored: 0 };
      const items = req.items.filter((i) => keyMatches(i.post));
      const tagged = new Set(
        (await db.tags.bulkGet(items.map((i) => i.post.key))).filter(Boolean).map((t) => t!.key),
      );
      const keep = items
        .map((i) => ({ ...i, own: isOwnHandle(i.post.platform, i.post.authorHandle, strategy.channels) }))
        .filter(
          (i) =>
            settings.captureScope === 'all' ||
            i.own ||
            (settings.captureScope === 'ownAndTagged' && tagged.has(i.post.key)),
        );
      if (!keep.length) return { stored: 0 };
      const stored = await recordSeen(
        keep.map((i) => ({ post: { ...i.post, own: i.own }, counts: i.counts })),
        now,
        db,
      );
      return { stored };
    }
    case 'health': {
      if (sender.tab?.id !== undefined) await deps.setHealth?.(sender.tab.id, req.health);
      return { ok: true };
    }
  }
}
