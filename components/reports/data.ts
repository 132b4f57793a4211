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
 * Snapshots ordered by [key+at] (as Dexie's compound index gives them), grouped without sorting again:
 * per key, where its run starts and ends, and its latest snapshot.
 */
export interface SnapshotIndex {
  sorted: readonly Snapshot[];
  runs: Map<string, { start: number; end: number }>;
  /** One snapshot per post: the latest. */
  latest: Snapshot[];
}

export function indexSnapshots(sorted: readonly Snapshot[]): SnapshotIndex {
  const runs = new Map<string, { start: number; end: number }>();
  const latest: Snapshot[] = [];
  let i = 0;
  while (i < sorted.length) {
    const key = sorted[i]!.key;
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.key === key) j++;
    runs.set(key, { start: i, end: j });
    latest.push(sorted[j - 1]!);
    i = j;
  }
  return { sorted, runs, latest };
}

/** A post's snapshots in time order. */
export function seriesOf(index: SnapshotIndex, key: string): readonly Snapshot[] {
  const run = index.runs.get(key);
  return run ? index.sorted.slice(run.start, run.end) : [];
}

export function snapshotCount(index: SnapshotIndex, posts: readonly Post[]): number {
  let n = 0;
  for (const p of posts) {
    const run = index.runs.get(p.key);
    if (run) n += run.end - run.start;
  }
  return n;
}

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
export const BOM = '\uFEFF';

export const csvFileName = (what: 'posts' | 'snapshots', d = new Date()) => `brandline-${what}-${isoDate(d)}.csv`;

export function postsCsvFor(posts: readonly Post[], tags: readonly Tag[], index: SnapshotIndex, pillars: readonly Pillar[], f: Filters) {
  return BOM + postsCsv(postsForExport(posts, f), tags, index.latest, pillars);
}

export function snapshotsCsvFor(posts: readonly Post[], index: SnapshotIndex, f: Filters) {
  const rows: Snapshot[] = [];
  for (const p of postsForExport(posts, f)) rows.push(...seriesOf(index, p.key));
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
