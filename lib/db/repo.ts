/**
 * Small repositories over the database. Every write goes through here and is validated first,
 * so a bad value names its field and nothing is half-written.
 */
import { getDb, type BrandlineDB } from './index';
import { buildExport, type ExportFile } from '../strategy/transfer';
import {
  StrategySchema,
  SettingsSchema,
  emptyStrategy,
  defaultSettings,
  type Strategy,
  type Settings,
  type Counts,
  type Post,
  type Snapshot,
  COUNT_KEYS,
} from '../strategy/schema';

export async function loadStrategy(db: BrandlineDB = getDb()): Promise<Strategy> {
  const row = await db.strategy.get('main');
  if (!row) return emptyStrategy();
  const { id: _id, updatedAt: _u, ...rest } = row;
  const parsed = StrategySchema.safeParse(rest);
  return parsed.success ? parsed.data : emptyStrategy();
}

export async function hasStrategy(db: BrandlineDB = getDb()): Promise<boolean> {
  return (await db.strategy.count()) > 0;
}

/** Validates and stores the whole strategy. Throws a ZodError (nothing written) when invalid. */
export async function saveStrategy(strategy: Strategy, db: BrandlineDB = getDb()): Promise<Strategy> {
  const clean = StrategySchema.parse(strategy);
  await db.strategy.put({ ...clean, id: 'main', updatedAt: Date.now() });
  return clean;
}

export async function loadSettings(db: BrandlineDB = getDb()): Promise<Settings> {
  const row = await db.settings.get('main');
  if (!row) return defaultSettings();
  const { id: _id, ...rest } = row;
  const parsed = SettingsSchema.safeParse(rest);
  return parsed.success ? parsed.data : defaultSettings();
}

export async function saveSettings(settings: Settings, db: BrandlineDB = getDb()): Promise<Settings> {
  const clean = SettingsSchema.parse(settings);
  await db.settings.put({ ...clean, id: 'main' });
  return clean;
}

export function sameCounts(a: Counts | undefined, b: Counts): boolean {
  if (!a) return false;
  return COUNT_KEYS.every((k) => a[k] === b[k]);
}

export interface SeenPost extends Omit<Post, 'firstSeen' | 'lastSeen' | 'lastCounts'> {}

/**
 * A sighting of a stored post, without blanking what an earlier one read: a page that showed less this time (a name
 * not read, a text not rendered yet) must not erase it.
 */
function merged(p: SeenPost, prev: Post | undefined): SeenPost {
  if (!prev) return p;
  return {
    ...p,
    permalink: p.permalink || prev.permalink,
    authorHandle: p.authorHandle || prev.authorHandle,
    authorName: p.authorName || prev.authorName,
    text: p.text || prev.text,
    publishedAt: p.publishedAt ?? prev.publishedAt,
  };
}

/** Upsert posts seen on a page, keeping firstSeen and lastCounts. */
export async function upsertPosts(posts: SeenPost[], now = Date.now(), db: BrandlineDB = getDb()) {
  if (!posts.length) return;
  await db.transaction('rw', db.posts, async () => {
    const existing = await db.posts.bulkGet(posts.map((p) => p.key));
    await db.posts.bulkPut(
      posts.map((p, i) => ({
        ...merged(p, existing[i]),
        firstSeen: existing[i]?.firstSeen ?? now,
        lastSeen: now,
        ...(existing[i]?.lastCounts ? { lastCounts: existing[i]!.lastCounts } : {}),
      })),
    );
  });
}

/**
 * Posts seen with their counts, in one transaction: upsert the posts and store a snapshot for each post whose
 * counts differ from its latest one. The latest counts live on the post record, so a batch of 100 posts costs
 * two bulk reads/writes instead of a query per post. Returns how many snapshots were stored.
 */
export async function recordSeen(
  items: { post: SeenPost; counts: Counts }[],
  now = Date.now(),
  db: BrandlineDB = getDb(),
): Promise<number> {
  if (!items.length) return 0;
  return db.transaction('rw', db.posts, db.snapshots, async () => {
    const keys = [...new Set(items.map((i) => i.post.key))];
    const existing = await db.posts.bulkGet(keys);
    const latest = new Map<string, Counts | undefined>();
    const stored = new Map<string, Post>();
    // Posts stored before lastCounts existed: find their latest snapshot once.
    const unknown = keys.filter((k, i) => existing[i] && !existing[i]!.lastCounts);
    const lasts = await Promise.all(
      unknown.map((key) => db.snapshots.where('[key+at]').between([key, -Infinity], [key, Infinity]).last()),
    );
    unknown.forEach((k, i) => latest.set(k, lasts[i]?.counts));
    keys.forEach((k, i) => {
      if (existing[i]) {
        stored.set(k, existing[i]!);
        if (existing[i]!.lastCounts) latest.set(k, existing[i]!.lastCounts);
      }
    });
    const snapshots: Snapshot[] = [];
    const posts = new Map<string, Post>();
    for (const { post, counts } of items) {
      const prev = stored.get(post.key);
      let last = latest.get(post.key);
      if (Object.keys(counts).length && !sameCounts(last, counts)) {
        snapshots.push({ key: post.key, at: now, counts });
        latest.set(post.key, counts);
        last = counts;
      }
      posts.set(post.key, {
        ...merged(post, posts.get(post.key) ?? prev),
        firstSeen: prev?.firstSeen ?? now,
        lastSeen: now,
        ...(last ? { lastCounts: last } : {}),
      });
    }
    await db.posts.bulkPut([...posts.values()]);
    if (snapshots.length) await db.snapshots.bulkAdd(snapshots);
    return snapshots.length;
  });
}

export async function setTag(
  key: string,
  pillarId: string | null,
  source: 'manual' | 'suggestion' = 'manual',
  db: BrandlineDB = getDb(),
) {
  if (pillarId === null) await db.tags.delete(key);
  else await db.tags.put({ key, pillarId, taggedAt: Date.now(), source });
}

/** Delete snapshots older than the retention window. Returns the number deleted. */
export async function applyRetention(retentionDays: number, now = Date.now(), db: BrandlineDB = getDb()) {
  const cutoff = now - retentionDays * 86_400_000;
  return db.snapshots.where('at').below(cutoff).delete();
}

/** "Delete all collected data": posts, tags and snapshots. The strategy and settings stay. */
export async function deleteCollectedData(db: BrandlineDB = getDb()) {
  await db.transaction('rw', db.posts, db.tags, db.snapshots, async () => {
    await Promise.all([db.posts.clear(), db.tags.clear(), db.snapshots.clear()]);
  });
}

// ---- Import / export ----

export async function exportAll(includeData: boolean, db: BrandlineDB = getDb()): Promise<ExportFile> {
  const [strategy, settings] = await Promise.all([loadStrategy(db), loadSettings(db)]);
  if (!includeData) return buildExport(strategy, settings);
  const [posts, tags, snapshots] = await Promise.all([db.posts.toArray(), db.tags.toArray(), db.snapshots.toArray()]);
  return buildExport(strategy, settings, { posts, tags, snapshots });
}

/**
 * Apply a parsed import in one transaction: the strategy (and settings, if present) are replaced,
 * collected data is merged (posts and tags by key; snapshots not already stored at the same time).
 * Any failure rolls everything back.
 */
export async function applyImport(file: ExportFile, db: BrandlineDB = getDb()) {
  await db.transaction('rw', [db.strategy, db.settings, db.posts, db.tags, db.snapshots], async () => {
    await db.strategy.put({ ...file.strategy, id: 'main', updatedAt: Date.now() });
    if (file.settings) await db.settings.put({ ...file.settings, id: 'main' });
    if (file.data) {
      await db.posts.bulkPut(file.data.posts);
      await db.tags.bulkPut(file.data.tags);
      const stored = new Set<string>();
      for (const k of await db.snapshots.orderBy('[key+at]').keys()) stored.add(JSON.stringify(k));
      await db.snapshots.bulkAdd(file.data.snapshots.filter((s) => !stored.has(JSON.stringify([s.key, s.at]))));
    }
  });
}

/** First install: load the demo strategy unless a strategy is already there. Returns true if it seeded. */
export async function seedDemoIfEmpty(db: BrandlineDB = getDb()): Promise<boolean> {
  const { demoStrategy } = await import('../strategy/demo');
  return db.transaction('rw', db.strategy, db.settings, async () => {
    if (await db.strategy.count()) return false;
    await db.strategy.put({ ...demoStrategy(), id: 'main', updatedAt: Date.now() });
    if (!(await db.settings.count())) await db.settings.put({ ...defaultSettings(), id: 'main' });
    return true;
  });
}
