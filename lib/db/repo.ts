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

export interface SeenPost extends Omit<Post, 'firstSeen' | 'lastSeen'> {}

/** Upsert posts seen on a page, keeping firstSeen. */
export async function upsertPosts(posts: SeenPost[], now = Date.now(), db: BrandlineDB = getDb()) {
  if (!posts.length) return;
  await db.transaction('rw', db.posts, async () => {
    const existing = await db.posts.bulkGet(posts.map((p) => p.key));
    await db.posts.bulkPut(
      posts.map((p, i) => ({ ...p, firstSeen: existing[i]?.firstSeen ?? now, lastSeen: now })),
    );
  });
}

/**
 * Store a snapshot per post whose counts differ from its latest stored snapshot.
 * Returns how many were stored.
 */
export async function storeSnapshots(
  items: { key: string; counts: Counts; at: number }[],
  db: BrandlineDB = getDb(),
): Promise<number> {
  const withCounts = items.filter((i) => Object.keys(i.counts).length > 0);
  if (!withCounts.length) return 0;
  return db.transaction('rw', db.snapshots, async () => {
    let stored = 0;
    const latestInBatch = new Map<string, Counts>();
    for (const item of withCounts) {
      let last = latestInBatch.get(item.key);
      if (!last) {
        const prev = await db.snapshots
          .where('[key+at]')
          .between([item.key, -Infinity], [item.key, Infinity])
          .last();
        last = prev?.counts;
      }
      if (sameCounts(last, item.counts)) continue;
      await db.snapshots.add({ key: item.key, at: item.at, counts: item.counts });
      latestInBatch.set(item.key, item.counts);
      stored++;
    }
    return stored;
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
