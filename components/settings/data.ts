/** Data operations behind the data settings that lib/db/repo does not have (yet): delete with undo, host checks. */
import { getDb, type BrandlineDB } from '@/lib/db';
import { deleteCollectedData } from '@/lib/db/repo';
import { PLATFORM_MATCHES } from '@/lib/platforms/hosts';
import type { Post, Snapshot, Tag } from '@/lib/strategy/schema';
import { listJoin } from '@/components/ui/format';

export interface Collected {
  posts: Post[];
  tags: Tag[];
  snapshots: Snapshot[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "12 posts, 3 pillar tags and 1,204 snapshots" (from rows or from counts); kinds with none are left out. */
export function countsText(c: { posts: unknown[] | number; tags: unknown[] | number; snapshots: unknown[] | number }): string {
  const len = (x: unknown[] | number) => (typeof x === 'number' ? x : x.length);
  const parts = [
    [len(c.posts), 'post'],
    [len(c.tags), 'pillar tag'],
    [len(c.snapshots), 'snapshot'],
  ] as const;
  const some = parts.filter(([k]) => k > 0);
  return listJoin((some.length ? some : parts.slice(0, 1)).map(([k, one]) => plural(k, one)));
}

/**
 * Delete the posts, tags and snapshots (deleteCollectedData), returning exactly what was deleted: the rows are read
 * and cleared in one transaction, so nothing captured meanwhile is lost without being returned.
 */
export async function deleteAllCollected(db: BrandlineDB = getDb()): Promise<Collected> {
  return db.transaction('rw', db.posts, db.tags, db.snapshots, async () => {
    const [posts, tags, snapshots] = await Promise.all([db.posts.toArray(), db.tags.toArray(), db.snapshots.toArray()]);
    await deleteCollectedData(db);
    return { posts, tags, snapshots };
  });
}

/**
 * Put deleted rows back (Undo). What was collected since the deletion wins where both exist: a post seen again keeps
 * its new lastSeen (and the older firstSeen), a post tagged again keeps its new tag. Snapshots keep their ids.
 */
export async function restoreCollected(rows: Collected, db: BrandlineDB = getDb()): Promise<void> {
  await db.transaction('rw', db.posts, db.tags, db.snapshots, async () => {
    const nowPosts = await db.posts.bulkGet(rows.posts.map((p) => p.key));
    await db.posts.bulkPut(
      rows.posts.map((p, i) => {
        const now = nowPosts[i];
        return now ? { ...now, firstSeen: Math.min(now.firstSeen, p.firstSeen) } : p;
      }),
    );
    const nowTags = await db.tags.bulkGet(rows.tags.map((t) => t.key));
    await db.tags.bulkPut(rows.tags.filter((_, i) => !nowTags[i]));
    await db.snapshots.bulkPut(rows.snapshots);
  });
}

/** "https://mastodon.social/*" → "mastodon.social". */
export const hostOfPattern = (pattern: string) => pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');

/** Is this host one of the platforms Brandline supports anyway (x.com, www.linkedin.com…)? Returns its pattern. */
export function builtInPlatformOf(host: string): string | null {
  for (const m of PLATFORM_MATCHES) {
    const h = m.replace(/^\*:\/\//, '').replace(/\/\*$/, '');
    if (h.startsWith('*.') ? host === h.slice(2) || host.endsWith(h.slice(1)) : host === h) return m;
  }
  return null;
}
