/**
 * What the reports view needs beyond lib/reports: date ranges from the presets, the filters, an index of the
 * snapshots, and the CSV downloads. Pure apart from `download`.
 */
import { postDate, postsCsv, snapshotsCsv, type Range } from '@/lib/reports';
import type { Pillar, Platform, Post, Snapshot, Tag } from '@/lib/strategy/schema';
import { isoDate, parseIsoDate } from '@/components/ui/format';

export type Preset = 'week' | 'month' | 'last30' | 'custom';
export const PRESETS: readonly { id: Preset; label: string }[] = [
  { id: 'week', label: 'This week' },
  { id: 'month', label: 'This month' },
  { id: 'last30', label: 'Last 30 days' },
  { id: 'custom', label: 'Custom' },
];

const midnight = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

/**
 * The half-open range [from, to) of a preset, in local time. A week starts on Monday; "last 30 days" is today and
 * the 29 days before. Custom takes two dates (YYYY-MM-DD), both included; null when they are not valid dates or
 * out of order.
 */
export function rangeFor(preset: Preset, now: Date, custom?: { from: string; to: string }): Range | null {
  const today = midnight(now);
  switch (preset) {
    case 'week': {
      const start = addDays(today, -((today.getDay() + 6) % 7));
      return { from: start.getTime(), to: addDays(start, 7).getTime() };
    }
    case 'month':
      return {
        from: new Date(today.getFullYear(), today.getMonth(), 1).getTime(),
        to: new Date(today.getFullYear(), today.getMonth() + 1, 1).getTime(),
      };
    case 'last30':
      return { from: addDays(today, -29).getTime(), to: addDays(today, 1).getTime() };
    case 'custom': {
      const from = parseIsoDate(custom?.from ?? '');
      const to = parseIsoDate(custom?.to ?? '');
      if (!from || !to || to < from) return null;
      return { from: from.getTime(), to: addDays(to, 1).getTime() };
    }
  }
}

/** The last day inside a half-open range, as YYYY-MM-DD (for the custom inputs). */
export const lastDayOf = (range: Range) => isoDate(new Date(range.to - 1));
export const firstDayOf = (range: Range) => isoDate(new Date(range.from));

export interface Filters {
  range: Range;
  platform: Platform | 'all';
  ownOnly: boolean;
}

const inRange = (t: number, r: Range) => t >= r.from && t < r.to;

/** The rows the CSV holds: posts (not comments) in the range and platform, the brand's own when ownOnly; oldest first. */
export function postsForExport(posts: readonly Post[], f: Filters): Post[] {
  const out = posts.filter(
    (p) =>
      p.kind !== 'comment' &&
      (f.platform === 'all' || p.platform === f.platform) &&
      (!f.ownOnly || p.own) &&
      inRange(postDate(p), f.range),
  );
  return out.sort((a, b) => postDate(a) - postDate(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * How far before a range's start its posts' snapshots are read. A post is captured after it is published, so
 * the snapshots of the posts in a range are never older than the range; the margin absorbs a clock set wrong.
 */
export const SNAPSHOT_MARGIN = 86_400_000;

/** Snapshots grouped by post, each group in time order, and each post's latest. */
export interface SnapshotIndex {
  groups: Map<string, Snapshot[]>;
  /** One snapshot per post: the latest. */
  latest: Snapshot[];
}

/**
 * Group snapshots read in `at` order (as Dexie's `at` index gives them; ties in id order) without sorting again.
 * O(n): fine for 100,000.
 */
export function indexSnapshots(byTime: readonly Snapshot[]): SnapshotIndex {
  const groups = new Map<string, Snapshot[]>();
  for (const s of byTime) {
    const g = groups.get(s.key);
    if (g) g.push(s);
    else groups.set(s.key, [s]);
  }
  const latest: Snapshot[] = [];
  for (const g of groups.values()) latest.push(g[g.length - 1]!);
  return { groups, latest };
}

export const latestOf = (index: SnapshotIndex, key: string): Snapshot | undefined => {
  const g = index.groups.get(key);
  return g && g[g.length - 1];
};

export function snapshotCount(index: SnapshotIndex, posts: readonly Post[]): number {
  let n = 0;
  for (const p of posts) n += index.groups.get(p.key)?.length ?? 0;
  return n;
}

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
export const BOM = '\uFEFF';

export const csvFileName = (what: 'posts' | 'snapshots', d = new Date()) => `brandline-${what}-${isoDate(d)}.csv`;

export function postsCsvFor(posts: readonly Post[], tags: readonly Tag[], index: SnapshotIndex, pillars: readonly Pillar[], f: Filters) {
  return BOM + postsCsv(postsForExport(posts, f), tags, index.latest, pillars);
}

/** Every snapshot of the exported posts, post by post, each in time order. `index` must hold the range's snapshots. */
export function snapshotsCsvFor(posts: readonly Post[], index: SnapshotIndex, f: Filters) {
  const rows: Snapshot[] = [];
  for (const p of postsForExport(posts, f)) rows.push(...(index.groups.get(p.key) ?? []));
  return BOM + snapshotsCsv(rows);
}

/** Save text as a file through a temporary link. */
export function download(name: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
