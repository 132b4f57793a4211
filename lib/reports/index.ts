/**
 * Reports over what Brandline captured: pillar mix, engagement by pillar, a post's series, CSV export.
 * Pure: arrays of the data model's records in, plain objects out. No DOM, no Dexie.
 *
 * Conventions:
 * - A post's date is `publishedAt`, else `firstSeen`. A range is half-open: from ≤ date < to (epoch ms), so
 *   consecutive weeks or months never count a post twice.
 * - Reports are about posts: records of kind 'comment' (the brand's replies) are left out.
 * - A post's pillar is its most recent tag (by `taggedAt`); a tag naming a pillar that no longer exists leaves
 *   the post untagged.
 * - A post's counts are those of its latest snapshot (by `at`).
 */
import { COUNT_KEYS, type CountKey } from '../strategy/constants';
import type { Counts, Pillar, Post, Snapshot, Tag } from '../strategy/schema';

export interface Range {
  /** Inclusive, epoch ms. */
  from: number;
  /** Exclusive, epoch ms. */
  to: number;
}

/** The date a report files a post under. */
export const postDate = (post: Post): number => post.publishedAt ?? post.firstSeen;

const inRange = (t: number, range: Range) => t >= range.from && t < range.to;

/** Post key → pillar id, for the posts whose latest tag names an existing pillar. */
export function pillarOfPosts(tags: readonly Tag[], pillars: readonly Pillar[]): Map<string, string> {
  const latest = new Map<string, Tag>();
  for (const tag of tags) {
    const prev = latest.get(tag.key);
    if (!prev || tag.taggedAt >= prev.taggedAt) latest.set(tag.key, tag);
  }
  const exists = new Set(pillars.map((p) => p.id));
  const out = new Map<string, string>();
  for (const [key, tag] of latest) if (exists.has(tag.pillarId)) out.set(key, tag.pillarId);
  return out;
}

// ---- pillar mix ----

export interface PillarShare {
  pillarId: string;
  name: string;
  color: string;
  /** The brand's own posts in range tagged with this pillar. */
  count: number;
  /** Percent of all the brand's own posts in range (untagged included), 0–100. */
  share: number;
  /** The pillar's target share, percent. */
  target: number;
  /** share − target, percentage points (negative: under target). */
  delta: number;
}

export interface PillarMix {
  /** In the strategy's pillar order. */
  pillars: PillarShare[];
  untagged: number;
  total: number;
}

/** How the brand's own posts published in `range` divide among the pillars, against the targets. */
export function pillarMix(posts: readonly Post[], tags: readonly Tag[], pillars: readonly Pillar[], range: Range): PillarMix {
  return mixOf(posts, pillarOfPosts(tags, pillars), pillars, range);
}

function mixOf(posts: readonly Post[], pillarOf: Map<string, string>, pillars: readonly Pillar[], range: Range): PillarMix {
  const counts = new Map<string, number>(pillars.map((p) => [p.id, 0]));
  const seen = new Set<string>();
  let total = 0;
  let untagged = 0;
  for (const post of posts) {
    if (!post.own || post.kind === 'comment' || !inRange(postDate(post), range) || seen.has(post.key)) continue;
    seen.add(post.key);
    total++;
    const pillarId = pillarOf.get(post.key);
    if (pillarId === undefined) untagged++;
    else counts.set(pillarId, counts.get(pillarId)! + 1);
  }
  return {
    pillars: pillars.map((p) => {
      const count = counts.get(p.id)!;
      const share = total === 0 ? 0 : (count / total) * 100;
      return { pillarId: p.id, name: p.name, color: p.color, count, share, target: p.targetShare, delta: share - p.targetShare };
    }),
    untagged,
    total,
  };
}

// ---- counts ----

/** Post key → its latest snapshot (by `at`; on a tie, the later one in the array). */
export function latestSnapshots(snapshots: readonly Snapshot[]): Map<string, Snapshot> {
  const latest = new Map<string, Snapshot>();
  for (const s of snapshots) {
    const prev = latest.get(s.key);
    if (!prev || s.at >= prev.at) latest.set(s.key, s);
  }
  return latest;
}

/** Post key → the counts of its latest snapshot. */
export function latestCounts(snapshots: readonly Snapshot[]): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const [key, s] of latestSnapshots(snapshots)) out.set(key, s.counts);
  return out;
}

/** Interactions: likes + replies + reposts + quotes + bookmarks (a count the page does not show counts 0). Views are not engagement. */
export function engagementOf(counts: Counts): number {
  return (counts.likes ?? 0) + (counts.replies ?? 0) + (counts.reposts ?? 0) + (counts.quotes ?? 0) + (counts.bookmarks ?? 0);
}

/** Engagement per view, as a fraction (0.05 = 5 %); null when views are unknown or 0. */
export function engagementRate(counts: Counts): number | null {
  const views = counts.views;
  return views ? engagementOf(counts) / views : null;
}

// ---- engagement by pillar ----

export interface TopPost {
  key: string;
  engagement: number;
  permalink: string;
  text: string;
}

export interface PillarEngagement {
  pillarId: string;
  /** Posts in range tagged with this pillar. */
  posts: number;
  /** Of those, the posts with at least one snapshot: the medians are over these. */
  measured: number;
  /** Null when no post of the pillar has a snapshot. */
  medianEngagement: number | null;
  /** Median of engagementRate over the posts whose views are known; null if none. */
  medianRate: number | null;
  /** Up to 3, most engagement first (ties: key order). */
  topPosts: TopPost[];
}

export interface EngagementOptions {
  /** Only the brand's own posts. Default false: every tagged post (competitors' and partners' too). */
  ownOnly?: boolean;
}

interface Acc {
  posts: number;
  engagement: number[];
  rates: number[];
  top: TopPost[];
}

const byEngagement = (a: TopPost, b: TopPost) => b.engagement - a.engagement || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Keeps the 3 best in `top`, sorted; O(1) per post. */
function offerTop(top: TopPost[], candidate: TopPost): void {
  if (top.length === 3 && byEngagement(candidate, top[2]!) >= 0) return;
  top.push(candidate);
  for (let i = top.length - 1; i > 0 && byEngagement(top[i]!, top[i - 1]!) < 0; i--) {
    const t = top[i]!;
    top[i] = top[i - 1]!;
    top[i - 1] = t;
  }
  if (top.length > 3) top.pop();
}

/** The median (the mean of the two middle values for an even count), or null for no values. `values` is not changed. */
export function median(values: number[] | Float64Array): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Per pillar: how many posts, their median engagement and engagement rate, and the top 3 posts. */
export function engagementByPillar(
  posts: readonly Post[],
  tags: readonly Tag[],
  snapshots: readonly Snapshot[],
  pillars: readonly Pillar[],
  range: Range,
  options: EngagementOptions = {},
): PillarEngagement[] {
  return engagementOfPillars(posts, pillarOfPosts(tags, pillars), latestSnapshots(snapshots), pillars, range, options);
}

function engagementOfPillars(
  posts: readonly Post[],
  pillarOf: Map<string, string>,
  latest: Map<string, Snapshot>,
  pillars: readonly Pillar[],
  range: Range,
  { ownOnly = false }: EngagementOptions,
): PillarEngagement[] {
  const acc = new Map<string, Acc>(pillars.map((p) => [p.id, { posts: 0, engagement: [], rates: [], top: [] }]));
  const seen = new Set<string>();
  for (const post of posts) {
    if ((ownOnly && !post.own) || post.kind === 'comment' || !inRange(postDate(post), range) || seen.has(post.key)) continue;
    const pillarId = pillarOf.get(post.key);
    if (pillarId === undefined) continue;
    seen.add(post.key);
    const a = acc.get(pillarId)!;
    a.posts++;
    const snap = latest.get(post.key);
    if (!snap) continue;
    const engagement = engagementOf(snap.counts);
    a.engagement.push(engagement);
    const rate = engagementRate(snap.counts);
    if (rate !== null) a.rates.push(rate);
    offerTop(a.top, { key: post.key, engagement, permalink: post.permalink, text: post.text });
  }
  return pillars.map((p) => {
    const a = acc.get(p.id)!;
    return {
      pillarId: p.id,
      posts: a.posts,
      measured: a.engagement.length,
      medianEngagement: median(a.engagement),
      medianRate: median(a.rates),
      topPosts: a.top,
    };
  });
}

/** Both pillar reports over the same inputs (tags and snapshots are indexed once). */
export function pillarReport(
  posts: readonly Post[],
  tags: readonly Tag[],
  snapshots: readonly Snapshot[],
  pillars: readonly Pillar[],
  range: Range,
  options: EngagementOptions = {},
): { mix: PillarMix; engagement: PillarEngagement[] } {
  const pillarOf = pillarOfPosts(tags, pillars);
  return {
    mix: mixOf(posts, pillarOf, pillars, range),
    engagement: engagementOfPillars(posts, pillarOf, latestSnapshots(snapshots), pillars, range, options),
  };
}

// ---- series ----

export interface SeriesPoint {
  at: number;
  counts: Counts;
}

/** A post's snapshots in time order, for its line chart. */
export function seriesFor(key: string, snapshots: readonly Snapshot[]): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (const s of snapshots) if (s.key === key) points.push({ at: s.at, counts: s.counts });
  return points.sort((a, b) => a.at - b.at);
}

// ---- CSV ----

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV cell. A text that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return)
 * gets a leading apostrophe (OWASP "CSV injection"); then RFC 4180 quoting when it holds a comma, quote or line break.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180: CRLF after every record. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  let out = '';
  for (const row of rows) out += row.map(csvCell).join(',') + '\r\n';
  return out;
}

/** ISO 8601 (UTC), or '' when absent or not a valid time. */
const iso = (t: number | null | undefined): string => {
  if (t === null || t === undefined || !Number.isFinite(t) || Math.abs(t) > 8.64e15) return '';
  return new Date(t).toISOString();
};

export const POSTS_CSV_HEADER = [
  'key',
  'platform',
  'post_id',
  'permalink',
  'author',
  'own',
  'published_at',
  'pillar',
  ...COUNT_KEYS,
  'last_captured_at',
] as const;

/**
 * Every post (in the given order) with its pillar's name and its latest counts. A count the page did not show is
 * an empty cell, not 0. `author` is the handle, else the display name.
 */
export function postsCsv(posts: readonly Post[], tags: readonly Tag[], snapshots: readonly Snapshot[], pillars: readonly Pillar[]): string {
  const pillarOf = pillarOfPosts(tags, pillars);
  const names = new Map(pillars.map((p) => [p.id, p.name]));
  const latest = latestSnapshots(snapshots);
  const rows: CsvValue[][] = [[...POSTS_CSV_HEADER]];
  for (const post of posts) {
    const snap = latest.get(post.key);
    const pillarId = pillarOf.get(post.key);
    rows.push([
      post.key,
      post.platform,
      post.postId,
      post.permalink,
      post.authorHandle || post.authorName,
      post.own,
      iso(post.publishedAt),
      pillarId === undefined ? '' : names.get(pillarId),
      ...COUNT_KEYS.map((k: CountKey) => snap?.counts[k]),
      iso(snap?.at),
    ]);
  }
  return toCsv(rows);
}

export const SNAPSHOTS_CSV_HEADER = ['key', 'platform', 'captured_at', ...COUNT_KEYS] as const;

/** Every snapshot, in the given order. */
export function snapshotsCsv(snapshots: readonly Snapshot[]): string {
  const rows: CsvValue[][] = [[...SNAPSHOTS_CSV_HEADER]];
  for (const s of snapshots) {
    const colon = s.key.indexOf(':');
    rows.push([s.key, colon > 0 ? s.key.slice(0, colon) : '', iso(s.at), ...COUNT_KEYS.map((k) => s.counts[k])]);
  }
  return toCsv(rows);
}
