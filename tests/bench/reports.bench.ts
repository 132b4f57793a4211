/**
 * Reports over a year of heavy use: 10,000 posts, 100,000 snapshots, 6 pillars.
 * Timings are recorded for BENCHMARKS.md, never asserted; the assertions check that the work is real.
 */
import { describe, expect, it } from 'vitest';
import { measure, record } from './harness';
import { engagementOf, latestCounts, pillarReport, postsCsv } from '../../lib/reports';
import type { Pillar, Post, Snapshot, Tag } from '../../lib/strategy/schema';

const POSTS = 10_000;
const SNAPSHOTS = 100_000;
const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);

/** Deterministic data: mulberry32. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dataset() {
  const random = rng(42);
  const pillars: Pillar[] = ['Craft', 'Community', 'Offers', 'Origins', 'People', 'Sustainability'].map((name, i) => ({
    id: `p${i}`,
    name,
    color: '#1a7f5a',
    description: '',
    keywords: [],
    targetShare: [30, 20, 15, 15, 10, 10][i]!,
  }));
  const posts: Post[] = [];
  const tags: Tag[] = [];
  for (let i = 0; i < POSTS; i++) {
    const key = `x:${1_800_000_000_000_000_000n + BigInt(i)}`;
    const published = START + Math.floor(random() * 365 * DAY);
    posts.push({
      key,
      platform: 'x',
      postId: key.slice(2),
      permalink: `https://x.com/northwind/status/${key.slice(2)}`,
      authorHandle: random() < 0.6 ? 'northwind' : `user${i % 500}`,
      authorName: '',
      text: `Post ${i}, about coffee`,
      publishedAt: random() < 0.9 ? published : null,
      kind: random() < 0.1 ? 'comment' : 'post',
      own: random() < 0.6,
      firstSeen: published + 1000,
      lastSeen: published + 5 * DAY,
    });
    const r = random();
    // 80 % tagged, 2 % with a pillar since deleted, 5 % re-tagged later
    if (r < 0.8) tags.push({ key, pillarId: `p${Math.floor(random() * 6)}`, taggedAt: published, source: 'manual' });
    else if (r < 0.82) tags.push({ key, pillarId: 'deleted', taggedAt: published, source: 'manual' });
    if (r < 0.05) tags.push({ key, pillarId: `p${Math.floor(random() * 6)}`, taggedAt: published + DAY, source: 'suggestion' });
  }
  const snapshots: Snapshot[] = [];
  for (let i = 0; i < SNAPSHOTS; i++) {
    const post = posts[Math.floor(random() * POSTS)]!;
    const likes = Math.floor(random() * 5000);
    snapshots.push({
      id: i + 1,
      key: post.key,
      at: post.firstSeen + Math.floor(random() * 30 * DAY),
      counts: {
        likes,
        replies: Math.floor(likes / 20),
        reposts: Math.floor(likes / 10),
        ...(random() < 0.7 ? { views: likes * 40 + 1 } : {}),
        ...(random() < 0.5 ? { bookmarks: Math.floor(likes / 30) } : {}),
      },
    });
  }
  return { posts, tags, snapshots, pillars };
}

describe('reports', () => {
  const { posts, tags, snapshots, pillars } = dataset();
  const range = { from: START + 90 * DAY, to: START + 270 * DAY };

  it('pillar report (mix + engagement by pillar) over 100,000 snapshots / 10,000 posts', () => {
    const report = pillarReport(posts, tags, snapshots, pillars, range);

    // The work is real: check the report against a naive computation.
    const date = (p: Post) => p.publishedAt ?? p.firstSeen;
    const ownInRange = posts.filter((p) => p.own && p.kind === 'post' && date(p) >= range.from && date(p) < range.to);
    expect(report.mix.total).toBe(ownInRange.length);
    expect(report.mix.total).toBeGreaterThan(2000);
    expect(report.mix.untagged).toBeGreaterThan(0);
    expect(report.mix.pillars.reduce((n, p) => n + p.count, 0) + report.mix.untagged).toBe(report.mix.total);
    const latest = latestCounts(snapshots);
    expect(latest.size).toBeGreaterThan(9000);
    for (const p of report.engagement) {
      expect(p.posts).toBeGreaterThan(100);
      expect(p.measured).toBeGreaterThan(0);
      expect(p.medianEngagement).toBeGreaterThan(0);
      expect(p.medianRate).not.toBeNull();
      expect(p.topPosts).toHaveLength(3);
      expect(p.topPosts[0]!.engagement).toBe(engagementOf(latest.get(p.topPosts[0]!.key)!));
    }

    const stats = measure(() => pillarReport(posts, tags, snapshots, pillars, range), { iterations: 30, warmup: 5 });
    record('reports', { name: 'pillar report: 100,000 snapshots / 10,000 posts', stats, target: '< 200 ms' });
    console.log('pillar report', stats);
  });

  it('posts CSV export over 100,000 snapshots / 10,000 posts', () => {
    const csv = postsCsv(posts, tags, snapshots, pillars);
    expect(csv.split('\r\n')).toHaveLength(POSTS + 2); // header, one line per post, final CRLF
    const stats = measure(() => postsCsv(posts, tags, snapshots, pillars), { iterations: 10, warmup: 2 });
    record('reports', { name: 'posts CSV: 100,000 snapshots / 10,000 posts', stats });
    console.log('posts CSV', stats);
  });
});
