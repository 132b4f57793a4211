import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrandlineDB } from '../../lib/db';
import { handleRequest, type Deps } from '../../lib/messaging/handlers';
import { saveSettings, saveStrategy, loadSettings } from '../../lib/db/repo';
import { demoStrategy } from '../../lib/strategy/demo';
import { PLATFORM_TAGS_MAX, type SeenPost } from '../../lib/messaging/protocol';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const content = { id: EXT, tab: { id: 7 }, url: 'https://x.com/home' };
const page = { id: EXT, url: `chrome-extension://${EXT}/options.html` };

function post(id: string, handle: string): SeenPost {
  return {
    key: `x:${id}`, platform: 'x', postId: id, permalink: `https://x.com/${handle}/status/${id}`,
    authorHandle: handle, authorName: handle, text: 'hello', publishedAt: null, kind: 'post',
  };
}

let db: BrandlineDB;
let deps: Deps & { broadcast: ReturnType<typeof vi.fn<Deps['broadcast']>> };
let n = 0;
beforeEach(async () => {
  db = new BrandlineDB(`test-msg-${n++}`);
  deps = { db, extensionId: EXT, extensionOrigin: `chrome-extension://${EXT}/`, broadcast: vi.fn<Deps['broadcast']>(), now: () => 1000 };
  await saveStrategy(demoStrategy(new Date('2026-11-01')), db);
});

describe('background message handlers', () => {
  it('sends a platform\'s tags whole only up to PLATFORM_TAGS_MAX; past it, pages ask per post', async () => {
    const tag = (k: string) => ({ key: k, pillarId: 'pl-tips', taggedAt: 1, source: 'manual' as const });
    await db.tags.bulkPut(Array.from({ length: PLATFORM_TAGS_MAX }, (_, i) => tag(`x:${i}`)));
    await db.tags.put(tag('xx:1')); // a key of no platform "x" (prefix, not startsWith("x"))
    const whole = (await handleRequest({ type: 'getPlatformTags', platform: 'x' }, content, deps)) as { complete: boolean; tags: object };
    expect(whole.complete).toBe(true);
    expect(Object.keys(whole.tags)).toHaveLength(PLATFORM_TAGS_MAX);
    await db.tags.put(tag(`x:${PLATFORM_TAGS_MAX}`));
    expect(await handleRequest({ type: 'getPlatformTags', platform: 'x' }, content, deps)).toEqual({ complete: false, tags: {} });
  });

  it('refuses messages from other extensions or pages', async () => {
    expect(await handleRequest({ type: 'getContext' }, { id: 'someone-else' }, deps)).toEqual({
      error: 'refused: not from this extension',
    });
    expect(await handleRequest({ type: 'getContext' }, {}, deps)).toHaveProperty('error');
  });

  it('refuses forged and malformed payloads, naming the field', async () => {
    const r = (await handleRequest({ type: 'setTag', post: { key: 'x:1' }, pillarId: 'pl-tips' }, content, deps)) as {
      error: string;
    };
    expect(r.error).toMatch(/^invalid message: post\./);
    expect(await handleRequest({ type: 'runThis', code: 'alert(1)' }, content, deps)).toHaveProperty('error');
    // A key that does not match its platform and id is refused.
    const forged = { ...post('1', 'a'), key: 'x:999' };
    expect(await handleRequest({ type: 'setTag', post: forged, pillarId: 'pl-tips' }, content, deps)).toHaveProperty(
      'error',
    );
    expect(await db.tags.count()).toBe(0);
  });

  it('only lets Brandline pages announce strategy changes', async () => {
    expect(await handleRequest({ type: 'strategyUpdated' }, content, deps)).toHaveProperty('error');
    expect(deps.broadcast).not.toHaveBeenCalled();
    expect(await handleRequest({ type: 'strategyUpdated' }, page, deps)).toEqual({ ok: true });
    expect(deps.broadcast).toHaveBeenCalledWith(expect.objectContaining({ type: 'contextChanged' }));
    // the options page opens in a tab: its sender has a tab, and its URL is still the extension's
    expect(await handleRequest({ type: 'strategyUpdated' }, { ...page, tab: { id: 3 } }, deps)).toEqual({ ok: true });
  });

  it('re-reads the strategy after a few seconds even when no page announced a change', async () => {
    let t = 1000;
    const clocked = { ...deps, now: () => t };
    await handleRequest({ type: 'getContext' }, content, clocked);
    await saveStrategy({ ...demoStrategy(new Date('2026-11-01')), brand: { name: 'Renamed', description: '' } }, db);
    expect(((await handleRequest({ type: 'getContext' }, content, clocked)) as { strategy: { brand: { name: string } } }).strategy.brand.name).toBe('Fernhill Outdoor');
    t += 5_001;
    expect(((await handleRequest({ type: 'getContext' }, content, clocked)) as { strategy: { brand: { name: string } } }).strategy.brand.name).toBe('Renamed');
  });

  it('answers getContext with the stored strategy and settings', async () => {
    const ctx = (await handleRequest({ type: 'getContext' }, content, deps)) as { strategy: { brand: { name: string } } };
    expect(ctx.strategy.brand.name).toBe('Fernhill Outdoor');
  });

  it('tags a post, stores it, broadcasts, and refuses unknown pillars', async () => {
    expect(await handleRequest({ type: 'setTag', post: post('5', 'someone'), pillarId: 'nope' }, content, deps)).toEqual({
      error: 'invalid message: pillarId: no pillar has the id "nope"',
    });
    expect(await handleRequest({ type: 'setTag', post: post('5', 'someone'), pillarId: 'pl-tips' }, content, deps)).toEqual(
      { ok: true },
    );
    expect(await handleRequest({ type: 'getTags', keys: ['x:5', 'x:6'] }, content, deps)).toEqual({ 'x:5': 'pl-tips' });
    expect(await handleRequest({ type: 'getPlatformTags', platform: 'x' }, content, deps)).toEqual({
      complete: true,
      tags: { 'x:5': 'pl-tips' },
    });
    expect(await handleRequest({ type: 'getPlatformTags', platform: 'linkedin' }, content, deps)).toEqual({ complete: true, tags: {} });
    expect(await handleRequest({ type: 'getPlatformTags', platform: 'myspace' }, content, deps)).toMatchObject({
      error: expect.stringContaining('invalid message'),
    });
    expect(deps.broadcast).toHaveBeenCalledWith({ type: 'tagChanged', key: 'x:5', pillarId: 'pl-tips' });
    expect((await db.posts.get('x:5'))?.own).toBe(false);
    await handleRequest({ type: 'setTag', post: post('5', 'someone'), pillarId: null }, content, deps);
    expect(await db.tags.count()).toBe(0);
  });

  it('captures own and tagged posts by default, once per change', async () => {
    await handleRequest({ type: 'setTag', post: post('2', 'other'), pillarId: 'pl-tips' }, content, deps);
    const items = [
      { post: post('1', 'FernhillOutdoor'), counts: { likes: 5 } }, // own (handle matches case-insensitively)
      { post: post('2', 'other'), counts: { likes: 9 } }, // tagged
      { post: post('3', 'stranger'), counts: { likes: 1 } }, // neither
    ];
    expect(await handleRequest({ type: 'postsSeen', items }, content, deps)).toEqual({ stored: 2 });
    expect(await handleRequest({ type: 'postsSeen', items }, content, deps)).toEqual({ stored: 0 });
    items[0].counts = { likes: 6 };
    expect(await handleRequest({ type: 'postsSeen', items }, content, deps)).toEqual({ stored: 1 });
    expect(await db.snapshots.where('key').equals('x:1').count()).toBe(2);
    expect(await db.posts.get('x:3')).toBeUndefined();
    expect((await db.posts.get('x:1'))?.own).toBe(true);
  });

  it('follows the capture scope setting, as soon as the options page announces it', async () => {
    const items = [{ post: post('3', 'stranger'), counts: { likes: 1 } }];
    expect(await handleRequest({ type: 'postsSeen', items }, content, deps)).toEqual({ stored: 0 });
    // The options page writes the settings, then says so; the background's cached copy is dropped at once.
    await saveSettings({ ...(await loadSettings(db)), captureScope: 'all' }, db);
    await handleRequest({ type: 'settingsUpdated' }, page, deps);
    expect(await handleRequest({ type: 'postsSeen', items }, content, deps)).toEqual({ stored: 1 });
    await saveSettings({ ...(await loadSettings(db)), captureScope: 'own', features: { pillarTags: true, capture: false, draftCheck: true, voicePanel: true } }, db);
    await handleRequest({ type: 'settingsUpdated' }, page, deps);
    expect(await handleRequest({ type: 'postsSeen', items: [{ post: post('1', 'fernhilloutdoor'), counts: { likes: 1 } }] }, content, deps)).toEqual({ stored: 0 });
  });

  it('passes a tab health report on with the tab id', async () => {
    const setHealth = vi.fn<NonNullable<Deps['setHealth']>>();
    const health = { platform: 'x', variant: 'default', url: 'https://x.com/home', expectsPosts: true, posts: 0, composers: 0, settled: true };
    await handleRequest({ type: 'health', health }, content, { ...deps, setHealth });
    expect(setHealth).toHaveBeenCalledWith(7, health);
  });
});

describe('settings changes', () => {
  it('lets the background act on new settings (Mastodon instances) before broadcasting', async () => {
    const settingsChanged = vi.fn<NonNullable<Deps['settingsChanged']>>();
    await saveSettings({ ...(await loadSettings(db)), mastodonHosts: ['mastodon.social'] }, db);
    await handleRequest({ type: 'settingsUpdated' }, page, { ...deps, settingsChanged });
    expect(settingsChanged).toHaveBeenCalledWith(expect.objectContaining({ mastodonHosts: ['mastodon.social'] }));
    expect(deps.broadcast).toHaveBeenCalledTimes(1);
  });
});

describe('collected data changes', () => {
  it('tells open tabs to re-read their tags, only when a Brandline page says so', async () => {
    expect(await handleRequest({ type: 'collectedDataChanged' }, content, deps)).toHaveProperty('error');
    expect(deps.broadcast).not.toHaveBeenCalled();
    expect(await handleRequest({ type: 'collectedDataChanged' }, page, deps)).toEqual({ ok: true });
    expect(deps.broadcast).toHaveBeenCalledWith({ type: 'tagsReset' });
  });
});
