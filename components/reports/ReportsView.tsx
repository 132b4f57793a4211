/**
 * Reports: how the brand's posts divide among the pillars against the targets, how each pillar engages, one post's
 * counts over time, and CSV exports — all from what Brandline captured, read live from the database.
 *
 * Fast with 100,000 snapshots: only the snapshots the range needs are read (by the `at` index: a post's snapshots are
 * never older than the post), grouped in one pass without sorting, and every figure is a useMemo over the live arrays
 * and the filters. The chart reads its one post's snapshots by the [key+at] index.
 */
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import Dexie from 'dexie';
import { getDb } from '@/lib/db';
import { loadStrategy } from '@/lib/db/repo';
import { useLive } from '@/lib/db/live';
import { engagementOf, engagementRate, median, pillarReport, postDate, type PillarEngagement, type Range } from '@/lib/reports';
import { PLATFORMS, PLATFORM_LABELS, type Pillar, type Platform, type Post, type Snapshot, type Tag } from '@/lib/strategy/schema';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { Icon } from '@/components/ui/Icon';
import { isoDate } from '@/components/ui/format';
import { MixChart, type MixRow } from '@/components/charts/MixChart';
import { LineChart, type LinePoint, type LineSeries } from '@/components/charts/LineChart';
import { longDate, shortDate, whole } from '@/components/charts/scale';
import { Panel } from './Panel';
import {
  PRESETS,
  csvFileName,
  download,
  SNAPSHOT_MARGIN,
  firstDayOf,
  indexSnapshots,
  lastDayOf,
  latestOf,
  postsCsvFor,
  postsForExport,
  rangeFor,
  snapshotCount,
  snapshotsCsvFor,
  type Filters,
  type Preset,
  type SnapshotIndex,
} from './data';
import './reports.css';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** 0.0345 → "3.5%", 0.0042 → "0.42%". */
export function ratePct(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  const pct = rate * 100;
  return `${pct >= 1 ? pct.toFixed(1) : pct.toFixed(2)}%`;
}
/** Medians of counts may be halves (the mean of the two middle posts). */
const medianText = (n: number | null) => (n === null ? '—' : Number.isInteger(n) ? whole(n) : n.toFixed(1));

const excerpt = (text: string, max = 140) => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
};
const safeLink = (url: string) => (/^https?:\/\//i.test(url) ? url : null);
const authorOf = (p: Post | undefined) => (p?.authorHandle ? `@${p.authorHandle}` : p?.authorName || 'Unknown author');

const SERIES: LineSeries[] = [
  { id: 'likes', label: 'Likes', axis: 'left' },
  { id: 'replies', label: 'Replies', axis: 'left' },
  { id: 'reposts', label: 'Reposts', axis: 'left' },
  { id: 'views', label: 'Views', axis: 'right' },
];

function describeRange(r: Range): string {
  const last = r.to - 1;
  return firstDayOf(r) === lastDayOf(r) ? longDate(r.from) : `${shortDate(r.from)} – ${longDate(last)}`;
}

export function ReportsView() {
  const posts = useLive(() => getDb().posts.toArray());
  const tags = useLive(() => getDb().tags.toArray());
  const strategy = useLive(() => loadStrategy());

  const failed = [posts, tags, strategy].find((l) => l.status === 'error');
  if (failed && failed.status === 'error')
    return (
      <div class="bl-note bl-note--danger" role="alert">
        <Icon name="alert" />
        <span>The reports could not be read from Brandline’s database: {failed.error.message}</span>
      </div>
    );
  if (posts.status !== 'ready' || tags.status !== 'ready' || strategy.status !== 'ready')
    return (
      <p class="rv-loading" role="status">
        Loading reports…
      </p>
    );
  if (!posts.value.length)
    return (
      <EmptyState title="No captured posts yet">
        Browse your brand's profile on X or LinkedIn with Brandline on — counts are collected as posts scroll into view.
        Tag them with the pillar chip under each post, and this page shows your pillar mix and what engages.
      </EmptyState>
    );
  return <Reports posts={posts.value} tags={tags.value} pillars={strategy.value.pillars} />;
}

interface Data {
  posts: Post[];
  tags: Tag[];
  pillars: Pillar[];
}

const EMPTY_INDEX = indexSnapshots([]);

function Reports({ posts, tags, pillars }: Data) {
  const [preset, setPreset] = useState<Preset>('last30');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const [platform, setPlatform] = useState<Platform | 'all'>('all');
  const [ownOnly, setOwnOnly] = useState(true);
  const [selected, setSelected] = useState<string | null>(null);
  const uid = useId();

  const today = isoDate(new Date());
  const range = useMemo(() => rangeFor(preset, new Date(), custom), [preset, custom.from, custom.to, today]);

  // The snapshots of the posts in range: those taken since the range began (a post is captured after it is published).
  const lastFrom = useRef(0);
  if (range) lastFrom.current = range.from;
  const since = lastFrom.current;
  const snaps = useLive(
    async () => ({ since, rows: await getDb().snapshots.where('at').aboveOrEqual(since - SNAPSHOT_MARGIN).toArray() }),
    [since],
  );
  // Until the rows for this range arrive, the counts are pending (never figures from another range).
  const countsReady = snaps.status === 'ready' && snaps.value.since <= since;
  const index = useMemo(() => (countsReady && snaps.status === 'ready' ? indexSnapshots(snaps.value.rows) : EMPTY_INDEX), [
    countsReady,
    snaps,
  ]);

  const byKey = useMemo(() => new Map(posts.map((p) => [p.key, p])), [posts]);
  const platforms = useMemo(() => {
    const present = new Set(posts.map((p) => p.platform));
    return PLATFORMS.filter((p) => present.has(p));
  }, [posts]);
  const platformPosts = useMemo(() => (platform === 'all' ? posts : posts.filter((p) => p.platform === platform)), [posts, platform]);

  const report = useMemo(
    () => (range ? pillarReport(platformPosts, tags, index.latest, pillars, range, { ownOnly }) : null),
    [platformPosts, tags, index, pillars, range, ownOnly],
  );
  const summary = useMemo(() => (range ? summarise(platformPosts, index, range) : null), [platformPosts, index, range]);
  const latestOwn = useMemo(() => latestOwnDate(platformPosts), [platformPosts]);
  const filters: Filters | null = range ? { range, platform, ownOnly } : null;
  const exportPosts = useMemo(() => (filters ? postsForExport(posts, filters) : []), [posts, range, platform, ownOnly]);
  const exportSnapshots = useMemo(() => snapshotCount(index, exportPosts), [index, exportPosts]);

  // The posts one can chart (every captured post, whatever the range), most recently seen first; sorted once per change.
  const chartable = useMemo(
    () => platformPosts.filter((p) => p.kind !== 'comment' && (!ownOnly || p.own)).sort((a, b) => b.lastSeen - a.lastSeen),
    [platformPosts, ownOnly],
  );
  const bestKey = useMemo(() => {
    let best: { key: string; engagement: number } | null = null;
    for (const e of report?.engagement ?? []) for (const t of e.topPosts) if (!best || t.engagement > best.engagement) best = t;
    return best?.key ?? chartable[0]?.key ?? null;
  }, [report, chartable]);
  const chartKey = selected && byKey.has(selected) ? selected : bestKey;

  const chartCard = useRef<HTMLDivElement>(null);
  const showOverTime = (key: string) => {
    setSelected(key);
    const card = chartCard.current;
    card?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    card?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  };

  const pickPreset = (p: Preset) => {
    if (p === 'custom' && range && !custom.from) setCustom({ from: firstDayOf(range), to: lastDayOf(range) });
    setPreset(p);
  };

  return (
    <div class="bl-stack rv">
      <div class="rv-filters" role="group" aria-label="Report filters">
        <div class="rv-filters__row">
          <div class="rv-seg" role="group" aria-label="Date range">
            {PRESETS.map((p) => (
              <button
                key={p.id}
                type="button"
                aria-pressed={preset === p.id}
                class="rv-seg__btn"
                onClick={() => pickPreset(p.id)}
              >
                {p.label}
              </button>
            ))}
          </div>
          <span class="rv-inline">
            <label class="rv-inline__label" for={`${uid}-platform`}>
              Platform
            </label>
            <select
              id={`${uid}-platform`}
              class="select rv-select"
              value={platform}
              onChange={(e) => setPlatform(e.currentTarget.value as Platform | 'all')}
            >
              <option value="all">All platforms</option>
              {platforms.map((p) => (
                <option key={p} value={p}>
                  {PLATFORM_LABELS[p]}
                </option>
              ))}
            </select>
          </span>
          <label class="toggle rv-own" title="Applies to engagement, the post chart and the CSV export. The pillar mix is always your own posts.">
            <input type="checkbox" role="switch" checked={ownOnly} onChange={(e) => setOwnOnly(e.currentTarget.checked)} />
            <span>Own posts only</span>
          </label>
        </div>
        {preset === 'custom' && (
          <div class="rv-filters__row rv-custom">
            <span class="rv-inline">
              <label class="rv-inline__label" for={`${uid}-from`}>
                From
              </label>
              <input
                id={`${uid}-from`}
                class="input rv-date"
                type="date"
                value={custom.from}
                max={custom.to || undefined}
                onInput={(e) => setCustom({ ...custom, from: e.currentTarget.value })}
              />
            </span>
            <span class="rv-inline">
              <label class="rv-inline__label" for={`${uid}-to`}>
                To
              </label>
              <input
                id={`${uid}-to`}
                class="input rv-date"
                type="date"
                value={custom.to}
                min={custom.from || undefined}
                onInput={(e) => setCustom({ ...custom, to: e.currentTarget.value })}
              />
            </span>
          </div>
        )}
        <p class="rv-filters__range" aria-live="polite">
          {range ? (
            <>
              <Icon name="clock" /> {describeRange(range)}
              {platform !== 'all' && ` · ${PLATFORM_LABELS[platform]}`}
            </>
          ) : (
            <span class="rv-error">
              <Icon name="alert" /> Choose a start date and an end date on or after it.
            </span>
          )}
        </p>
      </div>

      {range && report && summary && (
        <>
          <Summary summary={summary} pending={!countsReady} />
          <MixPanel
            mix={report.mix}
            pillars={pillars}
            latestOwn={latestOwn}
            onShow={(r) => {
              setCustom({ from: firstDayOf(r), to: lastDayOf(r) });
              setPreset('custom');
            }}
          />
          <EngagementPanel
            engagement={report.engagement}
            pillars={pillars}
            byKey={byKey}
            index={index}
            pending={!countsReady}
            ownOnly={ownOnly}
            onShowOverTime={showOverTime}
          />
          <div ref={chartCard}>
            <PostPanel posts={chartable} chartKey={chartKey} byKey={byKey} onPick={setSelected} />
          </div>
          <ExportPanel
            posts={exportPosts.length}
            snapshots={countsReady ? exportSnapshots : null}
            ownOnly={ownOnly}
            onPosts={() => download(csvFileName('posts'), postsCsvFor(posts, tags, index, pillars, filters!))}
            onSnapshots={() => download(csvFileName('snapshots'), snapshotsCsvFor(posts, index, filters!))}
          />
        </>
      )}
    </div>
  );
}

// ---- summary ----

interface Stats {
  own: number;
  measured: number;
  medianEngagement: number | null;
  medianRate: number | null;
}

/** The headline figures for the brand's own posts in range (tags are counted by the mix). */
function summarise(posts: readonly Post[], index: SnapshotIndex, range: Range): Stats {
  const engagement: number[] = [];
  const rates: number[] = [];
  let own = 0;
  const seen = new Set<string>();
  for (const p of posts) {
    if (!p.own || p.kind === 'comment' || seen.has(p.key)) continue;
    const t = postDate(p);
    if (t < range.from || t >= range.to) continue;
    seen.add(p.key);
    own++;
    const counts = latestOf(index, p.key)?.counts;
    if (!counts) continue;
    engagement.push(engagementOf(counts));
    const rate = engagementRate(counts);
    if (rate !== null) rates.push(rate);
  }
  return { own, measured: engagement.length, medianEngagement: median(engagement), medianRate: median(rates) };
}

function latestOwnDate(posts: readonly Post[]): number | null {
  let latest: number | null = null;
  for (const p of posts) if (p.own && p.kind !== 'comment' && (latest === null || postDate(p) > latest)) latest = postDate(p);
  return latest;
}

function Summary({ summary, pending }: { summary: Stats; pending: boolean }) {
  const wait = (v: string) => (pending ? '…' : v);
  const tiles = [
    { label: 'Your posts', value: whole(summary.own), note: 'published in this range' },
    { label: 'Measured', value: wait(whole(summary.measured)), note: summary.own ? `of ${plural(summary.own, 'post')} have counts` : 'no posts yet' },
    { label: 'Engagements', value: wait(medianText(summary.medianEngagement)), note: 'median per post' },
    { label: 'Engagement rate', value: wait(ratePct(summary.medianRate)), note: 'median, engagements per view' },
  ];
  return (
    <dl class="rv-tiles" aria-label="Your posts at a glance">
      {tiles.map((t) => (
        <div class="rv-tile card" key={t.label}>
          <dt class="rv-tile__label">{t.label}</dt>
          <dd class="rv-tile__value">{t.value}</dd>
          <dd class="rv-tile__note">{t.note}</dd>
        </div>
      ))}
    </dl>
  );
}

// ---- pillar mix ----

function MixPanel({
  mix,
  pillars,
  latestOwn,
  onShow,
}: {
  mix: ReturnType<typeof pillarReport>['mix'];
  pillars: readonly Pillar[];
  latestOwn: number | null;
  onShow(range: Range): void;
}) {
  const rows: MixRow[] = useMemo(() => {
    const out: MixRow[] = mix.pillars.map((p) => ({
      id: p.pillarId,
      name: p.name,
      color: p.color,
      count: p.count,
      share: p.share,
      target: p.target,
    }));
    if (mix.untagged > 0)
      out.push({ id: 'untagged', name: 'Untagged', color: '', count: mix.untagged, share: (mix.untagged / mix.total) * 100, target: null });
    return out;
  }, [mix]);
  const tagged = mix.total - mix.untagged;

  let body;
  if (!pillars.length)
    body = (
      <EmptyState title="No pillars yet" action={<a class="btn btn--primary" href="#pillars">Set up pillars</a>}>
        Pillars are the themes you post about, each with a target share. Add them, tag your posts, and the mix shows here.
      </EmptyState>
    );
  else if (!mix.total) {
    const d = latestOwn === null ? null : new Date(latestOwn);
    const latestMonth = d && {
      from: new Date(d.getFullYear(), d.getMonth(), 1).getTime(),
      to: new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime(),
    };
    body = (
      <EmptyState
        title="None of your posts in this range"
        action={
          latestMonth && (
            <Button size="sm" onClick={() => onShow(latestMonth)}>
              Show {new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' }).format(latestOwn!)}
            </Button>
          )
        }
      >
        {latestOwn === null
          ? 'Brandline has not seen a post by your brand yet. It recognises them by the handles in Brand & channels — check they are right, then browse your profile.'
          : `Your latest captured post was published on ${longDate(latestOwn)}. Choose a longer range, or browse your profile to capture newer posts.`}
      </EmptyState>
    );
  } else
    body = (
      <>
        <MixChart rows={rows} label="Pillar mix of your posts" />
        {mix.untagged > 0 ? (
          <p class="bl-note rv-untagged" data-testid="untagged-hint">
            <Icon name="info" />
            <span>
              <strong>{plural(mix.untagged, 'post')}</strong> of yours {mix.untagged === 1 ? 'has' : 'have'} no pillar yet. Tag{' '}
              {mix.untagged === 1 ? 'it' : 'them'} in the feed: open your profile and pick a pillar on the chip Brandline adds to each post.
            </span>
          </p>
        ) : (
          <p class="bl-note bl-note--success">
            <Icon name="check" />
            <span>Every post of yours in this range has a pillar.</span>
          </p>
        )}
      </>
    );

  return (
    <Panel
      id="rv-mix"
      title="Pillar mix"
      description="How your posts in this range divide among the pillars, against each pillar’s target share."
      actions={mix.total > 0 && <span class="rv-pill">{`${plural(tagged, 'tagged post')} of ${whole(mix.total)}`}</span>}
    >
      {body}
    </Panel>
  );
}

// ---- engagement ----

function EngagementPanel({
  engagement,
  pillars,
  byKey,
  index,
  pending,
  ownOnly,
  onShowOverTime,
}: {
  engagement: PillarEngagement[];
  pillars: readonly Pillar[];
  byKey: Map<string, Post>;
  index: SnapshotIndex;
  pending: boolean;
  ownOnly: boolean;
  onShowOverTime(key: string): void;
}) {
  const pillarById = new Map(pillars.map((p) => [p.id, p]));
  const measured = engagement.reduce((n, e) => n + e.measured, 0);
  const maxMedian = Math.max(1, ...engagement.map((e) => e.medianEngagement ?? 0));
  return (
    <Panel
      id="rv-engagement"
      title="Engagement by pillar"
      description={
        ownOnly
          ? 'Your tagged posts in this range, by their latest counts. Engagements are likes, replies, reposts, quotes and bookmarks; the rate divides them by views.'
          : 'Every tagged post in this range — yours and others’ you tagged — by their latest counts. The rate divides engagements by views.'
      }
    >
      {!pillars.length ? (
        <p class="rv-muted">Add pillars to compare how they engage.</p>
      ) : pending ? (
        <p class="rv-muted" role="status">
          Reading the counts…
        </p>
      ) : !measured ? (
        <EmptyState title="No counts for tagged posts in this range">
          Counts are captured as tagged posts scroll into view on the platform. Tag a few posts and browse past them again.
        </EmptyState>
      ) : (
        <>
          <table class="rv-table">
            <thead>
              <tr>
                <th scope="col">Pillar</th>
                <th scope="col" class="num">
                  Posts measured
                </th>
                <th scope="col">Median engagements per post</th>
                <th scope="col" class="num">
                  Median engagement rate
                </th>
              </tr>
            </thead>
            <tbody>
              {engagement.map((e) => {
                const p = pillarById.get(e.pillarId)!;
                return (
                  <tr key={e.pillarId} data-pillar={e.pillarId}>
                    <th scope="row">
                      <span class="rv-pillar">
                        <span class="dot" style={{ background: p.color }} aria-hidden="true" />
                        {p.name}
                      </span>
                    </th>
                    <td class="num" data-col="measured">
                      {e.measured}
                      {e.posts > e.measured && <span class="rv-muted"> of {e.posts}</span>}
                    </td>
                    <td data-col="median">
                      <span class="rv-barcell">
                        <span class="rv-barcell__track" aria-hidden="true">
                          <span
                            class="rv-barcell__bar"
                            style={{ width: `${((e.medianEngagement ?? 0) / maxMedian) * 100}%`, background: p.color }}
                          />
                        </span>
                        <span class="rv-barcell__value">{medianText(e.medianEngagement)}</span>
                      </span>
                    </td>
                    <td class="num" data-col="rate">
                      {ratePct(e.medianRate)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>

          <h3 class="rv-subhead">Top posts per pillar</h3>
          <div class="rv-tops">
            {engagement
              .filter((e) => e.topPosts.length)
              .map((e) => {
                const p = pillarById.get(e.pillarId)!;
                return (
                  <section key={e.pillarId} class="rv-top" style={{ '--pillar': p.color }} aria-label={`Top posts: ${p.name}`}>
                    <h4 class="rv-top__title">
                      <span class="dot" style={{ background: p.color }} aria-hidden="true" />
                      {p.name}
                    </h4>
                    <ol class="rv-top__list">
                      {e.topPosts.map((t) => {
                        const post = byKey.get(t.key);
                        const counts = latestOf(index, t.key)?.counts ?? {};
                        const link = safeLink(t.permalink);
                        return (
                          <li key={t.key} class="rv-post" data-key={t.key}>
                            <p class="rv-post__text">{excerpt(t.text) || <span class="rv-muted">(no text)</span>}</p>
                            <p class="rv-post__meta">
                              <span>{authorOf(post)}</span>
                              {post && <span>{shortDate(postDate(post))}</span>}
                              <span class="rv-post__eng">
                                <strong>{whole(t.engagement)}</strong> engagements
                              </span>
                              {engagementRate(counts) !== null && <span>{ratePct(engagementRate(counts))} rate</span>}
                            </p>
                            <p class="rv-post__actions">
                              {link && (
                                <a class="rv-link" href={link} target="_blank" rel="noopener noreferrer">
                                  Open post <Icon name="external" />
                                  <span class="visually-hidden"> (opens in a new tab)</span>
                                </a>
                              )}
                              <button type="button" class="rv-linkbtn" onClick={() => onShowOverTime(t.key)}>
                                Counts over time
                              </button>
                            </p>
                          </li>
                        );
                      })}
                    </ol>
                  </section>
                );
              })}
          </div>
        </>
      )}
    </Panel>
  );
}

// ---- one post over time ----

const MAX_OPTIONS = 200;

function optionLabel(p: Post): string {
  return `${authorOf(p)} · ${shortDate(postDate(p))} · ${excerpt(p.text, 70) || p.postId}`;
}

function PostPanel({
  posts,
  chartKey,
  byKey,
  onPick,
}: {
  posts: readonly Post[];
  chartKey: string | null;
  byKey: Map<string, Post>;
  onPick(key: string): void;
}) {
  const [query, setQuery] = useState('');
  const uid = useId();
  const options = useMemo(() => {
    const q = query.trim().toLowerCase();
    const out: Post[] = [];
    for (const p of posts) {
      if (out.length >= MAX_OPTIONS) break;
      if (!q || p.text.toLowerCase().includes(q) || p.authorHandle.toLowerCase().includes(q) || p.postId.includes(q)) out.push(p);
    }
    return out;
  }, [posts, query]);
  const post = chartKey ? byKey.get(chartKey) : undefined;
  const current = chartKey && !options.some((o) => o.key === chartKey) && post ? [post, ...options] : options;

  // The whole series of this one post, whatever the range: a small read on the [key+at] index.
  const series = useLive<Snapshot[]>(
    () => (chartKey ? getDb().snapshots.where('[key+at]').between([chartKey, Dexie.minKey], [chartKey, Dexie.maxKey]).toArray() : []),
    [chartKey],
  );
  const points: LinePoint[] = useMemo(
    () => (series.status === 'ready' ? series.value.filter((s) => s.key === chartKey).map((s) => ({ at: s.at, values: s.counts })) : []),
    [series, chartKey],
  );
  const latest = points[points.length - 1]?.values;
  const link = post ? safeLink(post.permalink) : null;

  return (
    <Panel id="rv-post" title="A post over time" description="How one post’s counts grew, from every capture Brandline made as it scrolled by.">
      {!posts.length ? (
        <p class="rv-muted">No captured post matches the filters.</p>
      ) : (
        <>
          <div class="rv-picker">
            <div class="rv-field">
              <label class="rv-inline__label" for={`${uid}-q`}>
                Search captured posts
              </label>
              <input
                id={`${uid}-q`}
                class="input"
                type="search"
                placeholder="Words, @handle or post id"
                value={query}
                onInput={(e) => setQuery(e.currentTarget.value)}
              />
            </div>
            <div class="rv-field rv-picker__select">
              <label class="rv-inline__label" for={`${uid}-post`}>
                Post <span class="rv-muted">({options.length >= MAX_OPTIONS ? `first ${MAX_OPTIONS} of ` : ''}{plural(query ? options.length : posts.length, 'match', 'matches')})</span>
              </label>
              <select id={`${uid}-post`} class="select" value={chartKey ?? ''} onChange={(e) => onPick(e.currentTarget.value)}>
                {!chartKey && <option value="">Choose a post…</option>}
                {current.map((p) => (
                  <option key={p.key} value={p.key}>
                    {optionLabel(p)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {post && (
            <div class="rv-chosen">
              <div class="rv-chosen__text">
                <p class="rv-post__text">{excerpt(post.text, 220) || <span class="rv-muted">(no text)</span>}</p>
                <p class="rv-post__meta">
                  <span>{authorOf(post)}</span>
                  <span>{PLATFORM_LABELS[post.platform]}</span>
                  <span>published {longDate(postDate(post))}</span>
                  <span>{plural(points.length, 'capture')}</span>
                  {link && (
                    <a class="rv-link" href={link} target="_blank" rel="noopener noreferrer">
                      Open post <Icon name="external" />
                      <span class="visually-hidden"> (opens in a new tab)</span>
                    </a>
                  )}
                </p>
              </div>
              {latest && (
                <dl class="rv-counts">
                  {SERIES.filter((s) => latest[s.id as keyof typeof latest] !== undefined).map((s) => (
                    <div key={s.id}>
                      <dt>{s.label}</dt>
                      <dd>{whole(latest[s.id as keyof typeof latest]!)}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </div>
          )}
          {points.length > 0 && (
            <LineChart
              points={points}
              series={SERIES}
              caption={`Counts over time${post ? ` for ${authorOf(post)}’s post of ${longDate(postDate(post))}` : ''}`}
              leftLabel="Interactions"
              rightLabel="Views"
            />
          )}
          {post && series.status === 'ready' && points.length === 0 && (
            <EmptyState title="No counts captured for this post yet">
              Brandline stores a post’s counts when it scrolls into view on the platform. Browse past it, and the lines start here.
            </EmptyState>
          )}
          {points.length === 1 && (
            <p class="rv-muted rv-small">One capture so far: the lines grow each time Brandline sees this post with new counts.</p>
          )}
        </>
      )}
    </Panel>
  );
}

// ---- export ----

function ExportPanel({
  posts,
  snapshots,
  ownOnly,
  onPosts,
  onSnapshots,
}: {
  posts: number;
  /** null while the counts are being read. */
  snapshots: number | null;
  ownOnly: boolean;
  onPosts(): void;
  onSnapshots(): void;
}) {
  return (
    <Panel
      id="rv-export"
      title="Export CSV"
      description={`The ${ownOnly ? 'posts of yours' : 'posts'} that match the filters above, for a spreadsheet. Opens in Excel, Numbers and Google Sheets.`}
    >
      <div class="rv-exports">
        <div class="rv-export">
          <div>
            <p class="rv-export__title">Posts</p>
            <p class="rv-muted rv-small" data-testid="export-posts-count">
              {plural(posts, 'row')}: pillar and latest counts per post
            </p>
          </div>
          <Button icon="download" onClick={onPosts} disabled={!posts || snapshots === null}>
            Posts CSV
          </Button>
        </div>
        <div class="rv-export">
          <div>
            <p class="rv-export__title">Snapshots</p>
            <p class="rv-muted rv-small" data-testid="export-snapshots-count">
              {snapshots === null ? 'Counting…' : `${plural(snapshots, 'row')}: every capture of those posts’ counts`}
            </p>
          </div>
          <Button icon="download" onClick={onSnapshots} disabled={!snapshots}>
            Snapshots CSV
          </Button>
        </div>
      </div>
    </Panel>
  );
}
