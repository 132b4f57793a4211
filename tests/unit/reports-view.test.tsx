import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { BrandlineDB, getDb, setDb } from '@/lib/db';
import { saveStrategy } from '@/lib/db/repo';
import { demoStrategy } from '@/lib/strategy/demo';
import type { Counts, Post, Snapshot, Tag } from '@/lib/strategy/schema';
import { ReportsView } from '@/components/reports/ReportsView';
import { POSTS_CSV_HEADER, SNAPSHOTS_CSV_HEADER } from '@/lib/reports';
import { rangeFor } from '@/components/reports/data';
import { mixLabel } from '@/components/charts/MixChart';
import { countTicks } from '@/components/charts/scale';

vi.mock('@/lib/messaging/send', () => ({ send: vi.fn(async () => ({ ok: true })) }));

const DAY = 86_400_000;
const NOW = Date.now();
const RECENT = NOW - 2 * DAY; // inside "Last 30 days", the default range
let n = 0;

function post(id: string, over: Partial<Post> = {}): Post {
  const platform = over.platform ?? 'x';
  return {
    key: `${platform}:${id}`,
    platform,
    postId: id,
    permalink: `https://x.com/fernhilloutdoor/status/${id}`,
    authorHandle: 'fernhilloutdoor',
    authorName: 'Fernhill Outdoor',
    text: `Post ${id} about the trail`,
    publishedAt: RECENT,
    kind: 'post',
    own: true,
    firstSeen: RECENT,
    lastSeen: RECENT,
    ...over,
  };
}
const tag = (key: string, pillarId: string): Tag => ({ key, pillarId, taggedAt: RECENT, source: 'manual' });
const snap = (key: string, at: number, counts: Counts): Snapshot => ({ key, at, counts });

/**
 * 10 own posts in range: Trail Tips 4, Repair & Reuse 3, Community 1, Gear Drops 0, untagged 2.
 * Also out of the mix: someone else's tagged post, the brand's reply (a comment), and an own post from 60 days ago.
 */
const POSTS = {
  t1: post('101'),
  t2: post('102'),
  t3: post('103'),
  t4: post('104', { text: 'Quick tip: pack a headlamp even on day hikes' }),
  r1: post('201'),
  r2: post('202'),
  r3: post('203'),
  c1: post('301'),
  u1: post('401'),
  u2: post('402', { platform: 'linkedin', postId: '402', permalink: 'https://www.linkedin.com/feed/update/402' }),
  other: post('501', { own: false, authorHandle: 'rivalgear', text: 'A rival’s trail post' }),
  reply: post('601', { kind: 'comment' }),
  old: post('701', { publishedAt: NOW - 60 * DAY }),
};
const TAGS = [
  tag(POSTS.t1.key, 'pl-tips'),
  tag(POSTS.t2.key, 'pl-tips'),
  tag(POSTS.t3.key, 'pl-tips'),
  tag(POSTS.t4.key, 'pl-tips'),
  tag(POSTS.r1.key, 'pl-repair'),
  tag(POSTS.r2.key, 'pl-repair'),
  tag(POSTS.r3.key, 'pl-repair'),
  tag(POSTS.c1.key, 'pl-community'),
  tag(POSTS.other.key, 'pl-tips'),
  tag(POSTS.reply.key, 'pl-gear'),
  tag(POSTS.old.key, 'pl-gear'),
];
const H = 3_600_000;
const SNAPS = [
  // Trail Tips: engagements 10, 20, 30, 100 → median 25; rates 1%, 2% and 2% (t4's latest) → median 2%
  snap(POSTS.t1.key, RECENT + H, { likes: 10, views: 1000 }),
  snap(POSTS.t2.key, RECENT + H, { likes: 15, replies: 5, views: 1000 }),
  snap(POSTS.t3.key, RECENT + H, { likes: 30 }),
  snap(POSTS.t4.key, RECENT + H, { likes: 1, replies: 0, reposts: 0, views: 50 }),
  snap(POSTS.t4.key, RECENT + 5 * H, { likes: 50, replies: 2, reposts: 10, views: 2000 }),
  snap(POSTS.t4.key, RECENT + 30 * H, { likes: 80, replies: 0, reposts: 20, views: 5000 }),
  // Repair & Reuse: 7 (rate 7%) and 3 → median 5; r2 never measured
  snap(POSTS.r1.key, RECENT + H, { likes: 7, views: 100 }),
  snap(POSTS.r3.key, RECENT + H, { likes: 3 }),
  // someone else's Trail Tips post: only counted when "Own posts only" is off
  snap(POSTS.other.key, RECENT + H, { likes: 1000 }),
  snap(POSTS.u2.key, RECENT + H, { likes: 4 }),
];

async function seed(posts: Post[] = Object.values(POSTS), tags = TAGS, snaps = SNAPS) {
  await saveStrategy(demoStrategy(new Date(NOW)));
  const db = getDb();
  await db.posts.bulkPut(posts);
  await db.tags.bulkPut(tags);
  await db.snapshots.bulkAdd(snaps);
}

beforeEach(() => {
  setDb(new BrandlineDB(`reports-view-${n++}`));
});
afterEach(() => {
  cleanup();
  setDb(null);
});

const mixRow = async (name: string) => {
  const list = await screen.findByRole('list', { name: 'Pillar mix of your posts' });
  const row = within(list)
    .getAllByRole('listitem')
    .find((li) => li.querySelector('.mixc__title')?.textContent === name);
  if (!row) throw new Error(`no mix row ${name}`);
  return row;
};
const engagementRow = async (pillar: string) => {
  const rows = await screen.findAllByRole('row');
  const row = rows.find((r) => r.closest('.rv-table') && r.querySelector('th')?.textContent === pillar);
  if (!row) throw new Error(`no engagement row ${pillar}`);
  const cell = (col: string) => row.querySelector(`[data-col="${col}"]`)!.textContent;
  return { measured: cell('measured'), median: row.querySelector('.rv-barcell__value')!.textContent, rate: cell('rate') };
};

describe('ReportsView', () => {
  it('says what to do when nothing was captured yet', async () => {
    await saveStrategy(demoStrategy(new Date(NOW)));
    render(<ReportsView />);
    expect(await screen.findByText('No captured posts yet')).toBeInTheDocument();
    expect(screen.getByText(/Browse your brand's profile on X or LinkedIn with Brandline on/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Pillar mix of your posts' })).toBeNull();
  });

  it('charts the pillar mix of own posts in range against the targets, with the untagged count', async () => {
    await seed();
    render(<ReportsView />);
    const tips = await mixRow('Trail Tips');
    expect(tips).toHaveTextContent('4 posts');
    expect(tips).toHaveTextContent('40% · target 35% (+5)');
    expect(await mixRow('Repair & Reuse')).toHaveTextContent('30% · target 25% (+5)');
    expect(await mixRow('Community')).toHaveTextContent('10% · target 25% (−15)');
    expect(await mixRow('Gear Drops')).toHaveTextContent('0% · target 15% (−15)');
    const untagged = await mixRow('Untagged');
    expect(untagged).toHaveTextContent('2 posts');
    expect(untagged).toHaveTextContent('20%');
    // The bars are drawn to scale (largest value 40% → axis to 40%), the target marker where the target is.
    const bar = (row: HTMLElement) => (row.querySelector('.mixc__bar') as HTMLElement).style.width;
    const marker = (row: HTMLElement) => (row.querySelector('.mixc__target') as HTMLElement).style.left;
    expect(bar(tips)).toBe('100%');
    expect(marker(tips)).toBe('87.5%');
    expect(bar(await mixRow('Community'))).toBe('25%');
    expect(marker(await mixRow('Community'))).toBe('62.5%');
    expect(untagged.querySelector('.mixc__target')).toBeNull();
    expect(screen.getByTestId('untagged-hint')).toHaveTextContent('2 posts of yours have no pillar yet');
    expect(screen.getByText('8 tagged posts of 10')).toBeInTheDocument();
  });

  it('shows median engagements, median rate where views are known, posts measured, and the top posts', async () => {
    await seed();
    render(<ReportsView />);
    await waitFor(async () => expect(await engagementRow('Trail Tips')).toEqual({ measured: '4', median: '25', rate: '2.0%' }));
    expect(await engagementRow('Repair & Reuse')).toEqual({ measured: '2 of 3', median: '5', rate: '7.0%' });
    expect(await engagementRow('Community')).toEqual({ measured: '0 of 1', median: '—', rate: '—' });

    const top = screen.getByRole('region', { name: 'Top posts: Trail Tips' });
    const items = within(top).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-key'))).toEqual([POSTS.t4.key, POSTS.t3.key, POSTS.t2.key]);
    expect(items[0]).toHaveTextContent('Quick tip: pack a headlamp even on day hikes');
    expect(items[0]).toHaveTextContent('100 engagements');
    const link = within(items[0]).getByRole('link', { name: /Open post/ });
    expect(link).toHaveAttribute('href', POSTS.t4.permalink);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toContain('noopener');

    // Others' tagged posts count once "Own posts only" is off.
    fireEvent.click(screen.getByRole('switch', { name: 'Own posts only' }));
    await waitFor(async () => expect(await engagementRow('Trail Tips')).toEqual({ measured: '5', median: '30', rate: '2.0%' }));
    // …but never in the mix, which is about the brand's own posts.
    expect(await mixRow('Trail Tips')).toHaveTextContent('40% · target 35% (+5)');
  });

  it('draws a post’s counts over time as lines with a point per capture, and a table for screen readers', async () => {
    await seed();
    render(<ReportsView />);
    const top = await screen.findByRole('region', { name: 'Top posts: Repair & Reuse' });
    // Choose the post from a top-posts list…
    fireEvent.click(within(top).getAllByRole('button', { name: 'Counts over time' })[0]);
    const chartCard = screen.getByRole('region', { name: 'A post over time' });
    await waitFor(() => expect(within(chartCard).getByRole('combobox', { name: /Post/ })).toHaveValue(POSTS.r1.key));
    await waitFor(() => expect(chartCard.querySelectorAll('[data-series="likes"] circle')).toHaveLength(1));

    // …or from the searchable select of captured posts.
    fireEvent.input(within(chartCard).getByRole('searchbox', { name: 'Search captured posts' }), { target: { value: 'headlamp' } });
    const select = within(chartCard).getByRole('combobox', { name: /Post/ }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toContain(POSTS.t4.key);
    fireEvent.change(select, { target: { value: POSTS.t4.key } });

    await waitFor(() => expect(chartCard.querySelectorAll('[data-series="likes"] circle')).toHaveLength(3));
    const values = (series: string) =>
      [...chartCard.querySelectorAll(`[data-series="${series}"] circle`)].map((c) => Number(c.getAttribute('data-value')));
    expect(values('likes')).toEqual([1, 50, 80]);
    expect(values('reposts')).toEqual([0, 10, 20]);
    expect(values('views')).toEqual([50, 2000, 5000]);
    // each line goes through its points, left to right in time
    const likesPath = chartCard.querySelector('[data-series="likes"] path')!.getAttribute('d')!;
    const xs = [...likesPath.matchAll(/[ML](-?[\d.]+),/g)].map((m) => Number(m[1]));
    expect(xs).toHaveLength(3);
    expect(xs[0]).toBeLessThan(xs[1]);
    expect(xs[1]).toBeLessThan(xs[2]);
    // views are on their own axis: the views line is not squashed against the likes
    expect(chartCard.querySelector('.lc__axis-title--right')).toHaveTextContent('Views');

    const table = within(chartCard).getByRole('table', { name: /Counts over time/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toHaveTextContent('80');
    expect(rows[2]).toHaveTextContent('5,000');
  });

  it('exports the posts and snapshots that match the filters as CSV with a BOM', async () => {
    await seed();
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    render(<ReportsView />);
    await mixRow('Trail Tips');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Posts CSV' })).toBeEnabled());

    fireEvent.click(screen.getByRole('button', { name: 'Posts CSV' }));
    const today = new Date();
    const ymd = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(names[0]).toBe(`brandline-posts-${ymd}.csv`);
    const text = await blobs[0].text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(POSTS_CSV_HEADER.join(','));
    const keys = lines.slice(1).map((l) => l.split(',')[0]);
    // own posts in range: no rival post, no reply, nothing from 60 days ago
    expect(keys.sort()).toEqual(
      [POSTS.t1, POSTS.t2, POSTS.t3, POSTS.t4, POSTS.r1, POSTS.r2, POSTS.r3, POSTS.c1, POSTS.u1, POSTS.u2].map((p) => p.key).sort(),
    );
    const t4 = lines.find((l) => l.startsWith(`${POSTS.t4.key},`))!;
    expect(t4).toContain(',Trail Tips,80,0,20,,5000,,'); // pillar, then likes, replies, reposts, quotes, views, bookmarks

    // Filter to LinkedIn: one post, its one snapshot.
    fireEvent.change(screen.getByRole('combobox', { name: 'Platform' }), { target: { value: 'linkedin' } });
    await waitFor(() => expect(screen.getByTestId('export-posts-count')).toHaveTextContent('1 row'));
    fireEvent.click(screen.getByRole('button', { name: 'Posts CSV' }));
    const li = (await blobs[1].text()).slice(1).trimEnd().split('\r\n');
    expect(li.slice(1).map((l) => l.split(',')[0])).toEqual([POSTS.u2.key]);

    fireEvent.click(screen.getByRole('button', { name: 'Snapshots CSV' }));
    expect(names[2]).toBe(`brandline-snapshots-${ymd}.csv`);
    const snaps = (await blobs[2].text()).slice(1).trimEnd().split('\r\n');
    expect(snaps[0]).toBe(SNAPSHOTS_CSV_HEADER.join(','));
    expect(snaps.slice(1).map((l) => l.split(',')[0])).toEqual([POSTS.u2.key]);

    // All platforms, others' posts too: the rival's tagged post joins, with its snapshot.
    fireEvent.change(screen.getByRole('combobox', { name: 'Platform' }), { target: { value: 'all' } });
    fireEvent.click(screen.getByRole('switch', { name: 'Own posts only' }));
    await waitFor(() => expect(screen.getByTestId('export-snapshots-count')).toHaveTextContent('10 rows'));
    fireEvent.click(screen.getByRole('button', { name: 'Snapshots CSV' }));
    const all = (await blobs[3].text()).slice(1).trimEnd().split('\r\n').slice(1);
    expect(all).toHaveLength(10);
    expect(all.filter((l) => l.startsWith(`${POSTS.t4.key},`))).toHaveLength(3);
    expect(all.some((l) => l.startsWith(`${POSTS.other.key},`))).toBe(true);
  });

  it('a custom range filters by publish date, both days included', async () => {
    await seed();
    render(<ReportsView />);
    await mixRow('Trail Tips');
    fireEvent.click(screen.getByRole('button', { name: 'Custom' }));
    expect(screen.getByRole('button', { name: 'Custom' })).toHaveAttribute('aria-pressed', 'true');
    const day = (t: number) => {
      const d = new Date(t);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    fireEvent.input(screen.getByLabelText('From'), { target: { value: day(NOW - 60 * DAY) } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: day(NOW - 60 * DAY) } });
    // only the 60-day-old post (tagged Gear Drops) is in that day
    await waitFor(async () => expect(await mixRow('Gear Drops')).toHaveTextContent('100% · target 15% (+85)'));
    fireEvent.input(screen.getByLabelText('To'), { target: { value: day(NOW - 61 * DAY) } });
    expect(await screen.findByText(/Choose a start date and an end date on or after it/)).toBeInTheDocument();
  });
});

describe('report helpers', () => {
  const d = (y: number, m: number, day: number) => new Date(y, m - 1, day).getTime();
  it.each([
    // preset, now (local), from, to (exclusive)
    ['week', new Date(2026, 10, 22, 15), d(2026, 11, 16), d(2026, 11, 23)], // a Sunday: the week began on Monday
    ['week', new Date(2026, 10, 16, 0, 5), d(2026, 11, 16), d(2026, 11, 23)], // Monday just after midnight
    ['month', new Date(2026, 1, 28, 23), d(2026, 2, 1), d(2026, 3, 1)],
    ['month', new Date(2026, 11, 31), d(2026, 12, 1), d(2027, 1, 1)],
    ['last30', new Date(2026, 10, 22, 9), d(2026, 10, 24), d(2026, 11, 23)],
  ] as const)('%s at %s', (preset, now, from, to) => {
    expect(rangeFor(preset, now)).toEqual({ from, to });
  });
  it('takes a custom range with both days included, and refuses one that ends before it starts', () => {
    expect(rangeFor('custom', new Date(), { from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: d(2026, 3, 1), to: d(2026, 4, 1) });
    expect(rangeFor('custom', new Date(), { from: '2026-03-02', to: '2026-03-01' })).toBeNull();
    expect(rangeFor('custom', new Date(), { from: '', to: '2026-03-01' })).toBeNull();
  });
  it.each([
    [32.4, 35, '32% · target 35% (−3)'],
    [40, 35, '40% · target 35% (+5)'],
    [35, 35, '35% · target 35% (±0)'],
    [33.33, 35, '33% · target 35% (−2)'],
    [20, 12.5, '20% · target 12.5% (+7.5)'],
  ])('labels share %s against target %s as "%s"', (share, target, label) => {
    expect(mixLabel(share, target)).toBe(label);
  });
  it.each([
    [9, [0, 2, 4, 6, 8, 10]],
    [1, [0, 1]],
    [0, [0, 1]],
    [180, [0, 50, 100, 150, 200]],
    [7400, [0, 2000, 4000, 6000, 8000]],
  ])('counts axis up to %s ticks at whole numbers %j', (max, ticks) => {
    expect(countTicks(max)).toEqual(ticks);
  });
});
