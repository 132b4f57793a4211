import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  engagementByPillar,
  engagementOf,
  engagementRate,
  latestCounts,
  median,
  pillarMix,
  pillarReport,
  postsCsv,
  seriesFor,
  snapshotsCsv,
  toCsv,
} from '../../lib/reports';
import type { Counts, Pillar, Post, Snapshot, Tag } from '../../lib/strategy/schema';

const DAY = 86_400_000;
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2026, 1, 1);
const RANGE = { from: FROM, to: TO };
const MID = FROM + 10 * DAY;

function post(key: string, over: Partial<Post> = {}): Post {
  const [platform, postId] = key.split(':') as [Post['platform'], string];
  return {
    key,
    platform,
    postId,
    permalink: `https://example.com/${postId}`,
    authorHandle: 'northwind',
    authorName: 'Northwind Coffee',
    text: `text of ${postId}`,
    publishedAt: MID,
    kind: 'post',
    own: true,
    firstSeen: MID,
    lastSeen: MID,
    ...over,
  };
}
const tag = (key: string, pillarId: string, taggedAt = MID): Tag => ({ key, pillarId, taggedAt, source: 'manual' });
const snap = (key: string, at: number, counts: Counts): Snapshot => ({ key, at, counts });
const pillar = (id: string, name: string, targetShare: number, color = '#1a7f5a'): Pillar => ({
  id,
  name,
  color,
  description: '',
  keywords: [],
  targetShare,
});

const PILLARS = [pillar('a', 'Craft', 40, '#aa0000'), pillar('b', 'Community', 30, '#00aa00'), pillar('c', 'Offers', 30, '#0000aa')];

describe('pillarMix', () => {
  const posts = [
    post('x:1'),
    post('x:2'),
    post('x:3'),
    post('x:4'), // untagged
    post('x:5'), // tagged with a deleted pillar
    post('x:6', { publishedAt: FROM - 1 }), // before the range
    post('x:7', { publishedAt: TO }), // the range's end is exclusive
    post('x:8', { publishedAt: FROM }), // its start is inclusive
    post('x:9', { own: false }), // someone else's
    post('x:10', { kind: 'comment' }), // the brand's reply, not a post
    post('x:11', { publishedAt: null, firstSeen: MID }), // no publish date: first seen
    post('x:12', { publishedAt: FROM - DAY, firstSeen: MID }), // the publish date wins over first seen
    post('x:13'), // re-tagged: the latest tag counts
    post('x:1'), // the same post twice counts once
  ];
  const tags = [
    tag('x:1', 'a'),
    tag('x:2', 'a'),
    tag('x:3', 'b'),
    tag('x:5', 'gone'),
    tag('x:6', 'a'),
    tag('x:7', 'a'),
    tag('x:8', 'c'),
    tag('x:9', 'a'),
    tag('x:10', 'a'),
    tag('x:11', 'b'),
    tag('x:12', 'a'),
    tag('x:13', 'b', MID + 5),
    tag('x:13', 'a', MID),
  ];

  it('counts own posts in range per pillar, with shares and deltas against the targets', () => {
    expect(pillarMix(posts, tags, PILLARS, RANGE)).toEqual({
      pillars: [
        { pillarId: 'a', name: 'Craft', color: '#aa0000', count: 2, share: 25, target: 40, delta: -15 },
        { pillarId: 'b', name: 'Community', color: '#00aa00', count: 3, share: 37.5, target: 30, delta: 7.5 },
        { pillarId: 'c', name: 'Offers', color: '#0000aa', count: 1, share: 12.5, target: 30, delta: -17.5 },
      ],
      untagged: 2,
      total: 8,
    });
  });

  it('treats a post whose latest tag names a deleted pillar as untagged', () => {
    const mix = pillarMix([post('x:1')], [tag('x:1', 'a', MID), tag('x:1', 'deleted', MID + 1)], PILLARS, RANGE);
    expect(mix.untagged).toBe(1);
    expect(mix.pillars.map((p) => p.count)).toEqual([0, 0, 0]);
  });

  it('is all zeros for an empty range, and deltas are minus the targets', () => {
    const mix = pillarMix(posts, tags, PILLARS, { from: TO + DAY, to: TO + 2 * DAY });
    expect(mix.total).toBe(0);
    expect(mix.untagged).toBe(0);
    expect(mix.pillars.map((p) => [p.count, p.share, p.delta])).toEqual([
      [0, 0, -40],
      [0, 0, -30],
      [0, 0, -30],
    ]);
  });

  it('adds up: pillar counts plus untagged is the total, shares sum to the tagged share', () => {
    const keys = fc.integer({ min: 1, max: 30 }).map((n) => `x:${n}`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keys, fc.boolean(), fc.integer({ min: FROM - DAY, max: TO + DAY })), { maxLength: 40 }),
        fc.array(fc.tuple(keys, fc.constantFrom('a', 'b', 'c', 'gone'), fc.nat(100)), { maxLength: 40 }),
        (postSpecs, tagSpecs) => {
          const ps = postSpecs.map(([key, own, at]) => post(key, { own, publishedAt: at }));
          const ts = tagSpecs.map(([key, pillarId, t]) => tag(key, pillarId, t));
          const mix = pillarMix(ps, ts, PILLARS, RANGE);
          const tagged = mix.pillars.reduce((n, p) => n + p.count, 0);
          expect(tagged + mix.untagged).toBe(mix.total);
          const ownInRange = new Set(ps.filter((p) => p.own && p.publishedAt! >= FROM && p.publishedAt! < TO).map((p) => p.key));
          expect(mix.total).toBe(ownInRange.size);
          if (mix.total > 0) {
            expect(mix.pillars.reduce((n, p) => n + p.share, 0)).toBeCloseTo((tagged / mix.total) * 100, 9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('counts', () => {
  it('latestCounts keeps the latest snapshot of each post, by time not by array order', () => {
    const latest = latestCounts([
      snap('x:1', 300, { likes: 3 }),
      snap('x:1', 100, { likes: 1 }),
      snap('x:2', 50, { likes: 7 }),
      snap('x:1', 200, { likes: 2 }),
      snap('x:2', 50, { likes: 8 }), // same time: the later record wins
    ]);
    expect([...latest]).toEqual([
      ['x:1', { likes: 3 }],
      ['x:2', { likes: 8 }],
    ]);
    expect(latestCounts([]).size).toBe(0);
  });

  it.each<[Counts, number]>([
    [{}, 0],
    [{ likes: 5 }, 5],
    [{ likes: 1, replies: 2, reposts: 4, quotes: 8, bookmarks: 16, views: 1000 }, 31],
    [{ views: 1000 }, 0],
  ])('engagementOf(%j) = %d', (counts, expected) => {
    expect(engagementOf(counts)).toBe(expected);
  });

  it.each<[Counts, number | null]>([
    [{ likes: 40, replies: 10, views: 1000 }, 0.05],
    [{ likes: 3, views: 4 }, 0.75],
    [{ views: 200 }, 0],
    [{ likes: 40 }, null],
    [{ likes: 40, views: 0 }, null],
  ])('engagementRate(%j) = %s', (counts, expected) => {
    expect(engagementRate(counts)).toBe(expected);
  });

  it.each<[number[], number | null]>([
    [[], null],
    [[7], 7],
    [[3, 1, 2], 2],
    [[40, 10, 30, 20], 25],
    [[1, 2], 1.5],
    [[100, 2, 3, 10], 6.5],
  ])('median(%j) = %s', (values, expected) => {
    const copy = [...values];
    expect(median(values)).toBe(expected);
    expect(values).toEqual(copy);
  });
});

describe('engagementByPillar', () => {
  const posts = [
    // Pillar a: latest engagements 10, 30, 20, 40 → median 25 (even count)
    post('x:a1'),
    post('x:a2'),
    post('x:a3'),
    post('x:a4'),
    // Pillar b: 5, 1, 3 → median 3; one post never captured
    post('x:b1'),
    post('x:b2'),
    post('x:b3'),
    post('x:b4'),
    // Excluded: out of range, deleted pillar, untagged, a comment
    post('x:old', { publishedAt: FROM - DAY }),
    post('x:del'),
    post('x:none'),
    post('x:reply', { kind: 'comment' }),
    // Someone else's post tagged a: counted unless ownOnly
    post('x:other', { own: false, permalink: 'https://example.com/other', text: 'competitor' }),
  ];
  const tags = [
    ...['x:a1', 'x:a2', 'x:a3', 'x:a4', 'x:old', 'x:reply', 'x:other'].map((k) => tag(k, 'a')),
    ...['x:b1', 'x:b2', 'x:b3', 'x:b4'].map((k) => tag(k, 'b')),
    tag('x:del', 'gone'),
  ];
  const snapshots = [
    snap('x:a1', 100, { likes: 500 }), // older: ignored
    snap('x:a1', 200, { likes: 8, replies: 2 }), // 10, no views
    snap('x:a2', 200, { likes: 30, views: 120 }), // 30, rate 0.25
    snap('x:a3', 200, { likes: 20, views: 0 }), // 20, views 0: no rate
    snap('x:a4', 200, { likes: 20, reposts: 10, quotes: 5, bookmarks: 5, views: 320 }), // 40, rate 0.125
    snap('x:b1', 200, { likes: 5 }),
    snap('x:b2', 200, { likes: 1, views: 4 }), // rate 0.25
    snap('x:b3', 200, { likes: 3 }),
    snap('x:old', 200, { likes: 1000 }),
    snap('x:del', 200, { likes: 1000 }),
    snap('x:none', 200, { likes: 1000 }),
    snap('x:reply', 200, { likes: 1000 }),
    snap('x:other', 200, { likes: 35, views: 70 }), // 35, rate 0.5
  ];

  it('gives median engagement (even and odd counts), median rate over posts with views, and the top 3', () => {
    const [a, b, c] = engagementByPillar(posts, tags, snapshots, PILLARS, RANGE, { ownOnly: true });
    expect(a).toEqual({
      pillarId: 'a',
      posts: 4,
      measured: 4,
      medianEngagement: 25,
      medianRate: 0.1875,
      topPosts: [
        { key: 'x:a4', engagement: 40, permalink: 'https://example.com/a4', text: 'text of a4' },
        { key: 'x:a2', engagement: 30, permalink: 'https://example.com/a2', text: 'text of a2' },
        { key: 'x:a3', engagement: 20, permalink: 'https://example.com/a3', text: 'text of a3' },
      ],
    });
    expect(b).toEqual({
      pillarId: 'b',
      posts: 4,
      measured: 3,
      medianEngagement: 3,
      medianRate: 0.25,
      topPosts: [
        { key: 'x:b1', engagement: 5, permalink: 'https://example.com/b1', text: 'text of b1' },
        { key: 'x:b3', engagement: 3, permalink: 'https://example.com/b3', text: 'text of b3' },
        { key: 'x:b2', engagement: 1, permalink: 'https://example.com/b2', text: 'text of b2' },
      ],
    });
    expect(c).toEqual({ pillarId: 'c', posts: 0, measured: 0, medianEngagement: null, medianRate: null, topPosts: [] });
  });

  it('includes other accounts’ tagged posts unless ownOnly', () => {
    const [a] = engagementByPillar(posts, tags, snapshots, PILLARS, RANGE);
    expect(a!.posts).toBe(5);
    expect(a!.medianEngagement).toBe(30); // 10, 20, 30, 35, 40
    expect(a!.medianRate).toBe(0.25); // 0.125, 0.25, 0.5
    expect(a!.topPosts.map((p) => p.key)).toEqual(['x:a4', 'x:other', 'x:a2']);
  });

  it('breaks top-post ties by key, whatever the input order', () => {
    const ps = ['x:t3', 'x:t1', 'x:t4', 'x:t2'].map((k) => post(k));
    const ts = ps.map((p) => tag(p.key, 'c'));
    const ss = ps.map((p) => snap(p.key, 1, { likes: 7 }));
    const [, , c] = engagementByPillar(ps, ts, ss, PILLARS, RANGE);
    expect(c!.topPosts.map((p) => p.key)).toEqual(['x:t1', 'x:t2', 'x:t3']);
  });

  it('pillarReport returns both reports', () => {
    const report = pillarReport(posts, tags, snapshots, PILLARS, RANGE, { ownOnly: true });
    expect(report.mix).toEqual(pillarMix(posts, tags, PILLARS, RANGE));
    expect(report.engagement).toEqual(engagementByPillar(posts, tags, snapshots, PILLARS, RANGE, { ownOnly: true }));
  });
});

describe('seriesFor', () => {
  it("returns one post's snapshots in time order", () => {
    const snapshots = [snap('x:1', 30, { likes: 3 }), snap('x:2', 10, { likes: 9 }), snap('x:1', 10, { likes: 1 }), snap('x:1', 20, { likes: 2 })];
    expect(seriesFor('x:1', snapshots)).toEqual([
      { at: 10, counts: { likes: 1 } },
      { at: 20, counts: { likes: 2 } },
      { at: 30, counts: { likes: 3 } },
    ]);
    expect(seriesFor('x:3', snapshots)).toEqual([]);
  });
});

describe('CSV', () => {
  it.each<[string | number | boolean | null | undefined, string]>([
    ['plain', 'plain'],
    ['Smith, Jane', '"Smith, Jane"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    ['=1+1', "'=1+1"],
    ['+33 1 23', "'+33 1 23"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a=b', 'a=b'],
    [42, '42'],
    [true, 'true'],
    [null, ''],
    [undefined, ''],
    ['', ''],
  ])('csvCell(%j) = %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('postsCsv: header, pillar names, latest counts, empty cells for unknowns, quoting and formula neutralisation', () => {
    const posts = [
      post('x:1', { publishedAt: Date.UTC(2026, 0, 2, 3, 4, 5), authorHandle: 'northwind' }),
      post('linkedin:urn:li:activity:7', {
        platform: 'linkedin',
        postId: 'urn:li:activity:7',
        permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:7/',
        authorHandle: '',
        authorName: 'Smith, "Jane"\nCEO',
        own: false,
        publishedAt: null,
      }),
      post('x:3', { authorHandle: '=cmd|" /C calc"!A0', publishedAt: null }),
    ];
    const pillars = [pillar('a', '=Offers, "deals"', 40), pillar('b', 'Craft', 60)];
    const tags = [tag('x:1', 'b'), tag('linkedin:urn:li:activity:7', 'gone'), tag('x:3', 'a')];
    const snapshots = [
      snap('x:1', Date.UTC(2026, 0, 3), { likes: 1 }),
      snap('x:1', Date.UTC(2026, 0, 5), { likes: 12, replies: 3, views: 1000 }),
      snap('x:3', Date.UTC(2026, 0, 4), { likes: 0, bookmarks: 2 }),
    ];
    expect(postsCsv(posts, tags, snapshots, pillars)).toBe(
      [
        'key,platform,post_id,permalink,author,own,published_at,pillar,likes,replies,reposts,quotes,views,bookmarks,last_captured_at',
        'x:1,x,1,https://example.com/1,northwind,true,2026-01-02T03:04:05.000Z,Craft,12,3,,,1000,,2026-01-05T00:00:00.000Z',
        'linkedin:urn:li:activity:7,linkedin,urn:li:activity:7,https://www.linkedin.com/feed/update/urn:li:activity:7/,"Smith, ""Jane""\nCEO",false,,,,,,,,,',
        `x:3,x,3,https://example.com/3,"'=cmd|"" /C calc""!A0",true,,"'=Offers, ""deals""",0,,,,,2,2026-01-04T00:00:00.000Z`,
        '',
      ].join('\r\n'),
    );
  });

  it('snapshotsCsv lists every snapshot with its platform and time', () => {
    expect(
      snapshotsCsv([snap('x:1', Date.UTC(2026, 0, 5), { likes: 12, views: 1000 }), snap('bluesky:3k2a', Date.UTC(2026, 0, 6), { replies: 1 })]),
    ).toBe(
      [
        'key,platform,captured_at,likes,replies,reposts,quotes,views,bookmarks',
        'x:1,x,2026-01-05T00:00:00.000Z,12,,,,1000,',
        'bluesky:3k2a,bluesky,2026-01-06T00:00:00.000Z,,1,,,,',
        '',
      ].join('\r\n'),
    );
    expect(snapshotsCsv([])).toBe('key,platform,captured_at,likes,replies,reposts,quotes,views,bookmarks\r\n');
  });

  /** A strict RFC 4180 reader, to check that any cell survives the trip. */
  function readCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let i = 0;
    while (i < text.length) {
      let cell = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('unterminated quote');
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else cell += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
          if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted cell`);
          cell += text[i++];
        }
      }
      row.push(cell);
      if (text[i] === ',') i++;
      else if (text.startsWith('\r\n', i)) {
        rows.push(row);
        row = [];
        i += 2;
      } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
    return rows;
  }

  it('any text survives a CSV round trip, neutralised when a spreadsheet would run it', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', ' ', "'", 'é'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const expected = rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
        expect(readCsv(toCsv(rows))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
