/**
 * The page's shared knowledge of pillar tags (lib/page/tags.ts): one request per batch, each key asked once, kept
 * current by broadcasts; and the chips and capture together asking once, on x.com timeline markup with the X adapter.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createPageTags } from '@/lib/page/tags';
import type { Broadcast } from '@/lib/messaging/protocol';
import { createPageWatcher } from '@/lib/page/watcher';
import { pillarTag } from '@/lib/features/pillar-tag';
import { capture } from '@/lib/features/capture';
import { adapter as xAdapter } from '@/lib/platforms/x';
import { makePosts, xFeedPage } from '../e2e/feeds';
import { pagePaths } from './helpers/pages';
import { FakeIO, featureContext, useIntersectionObserver } from './helpers/features';

vi.mock('../e2e/browser', () => ({
  fixture: (platform: string, file: string) => readFileSync(path.join(pagePaths(platform).FIX, file), 'utf8'),
}));

const flush = async () => {
  for (let i = 0; i < 4; i++) await new Promise((r) => setTimeout(r, 0));
};

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
});
afterEach(() => controller.abort());

function tagsWith(
  tagged: Record<string, string>,
  opts: { fail?: boolean; platform?: 'x'; whole?: 'complete' | 'partial' | 'fail' | 'garbage' } = {},
) {
  const send = vi.fn(async (m: { type: string; keys?: string[]; platform?: string }) => {
    if (m.type === 'getPlatformTags') {
      if (opts.whole === 'fail') throw new Error('Extension context invalidated.');
      if (opts.whole === 'garbage') return { tags: 'nope' };
      if (opts.whole === 'partial') return { complete: false, tags: {} };
      return { complete: true, tags: Object.fromEntries(Object.entries(tagged).filter(([k]) => k.startsWith(`${m.platform}:`))) };
    }
    if (opts.fail) throw new Error('Extension context invalidated.');
    return Object.fromEntries((m.keys ?? []).filter((k) => tagged[k]).map((k) => [k, tagged[k]]));
  });
  let broadcast: (m: Broadcast) => void = () => {};
  const tags = createPageTags(send as never, (fn) => void (broadcast = fn), controller.signal, { platform: opts.platform });
  const changes: string[][] = [];
  tags.onChange((keys) => changes.push(keys), controller.signal);
  return { tags, send, changes, broadcast: (m: Broadcast) => broadcast(m) };
}

describe('page tags', () => {
  it('asks for the keys wanted in one task in one request, and never again for a key it knows', async () => {
    const { tags, send, changes } = tagsWith({ 'x:2': 'pl-tips' });
    for (const k of ['x:1', 'x:2', 'x:3', 'x:1']) tags.want(k);
    expect(tags.get('x:1')).toBeUndefined();
    await tags.settled();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0]).toEqual({ type: 'getTags', keys: ['x:1', 'x:2', 'x:3'] });
    expect([tags.get('x:1'), tags.get('x:2')]).toEqual([null, 'pl-tips']);
    expect(changes).toEqual([['x:2']]); // learning that a post is untagged changes nothing shown
    tags.want('x:2');
    tags.want('x:3');
    await flush();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('follows tags changed here and in other tabs; an answer never overwrites a newer broadcast', async () => {
    const { tags, changes, broadcast } = tagsWith({ 'x:1': 'pl-old' });
    tags.want('x:1');
    broadcast({ type: 'tagChanged', key: 'x:1', pillarId: 'pl-new' }); // arrives before the answer
    await tags.settled();
    expect(tags.get('x:1')).toBe('pl-new');
    tags.set('x:1', null);
    expect(tags.get('x:1')).toBeNull();
    expect(changes).toEqual([['x:1'], ['x:1']]);
  });

  it('after a reset, forgets everything, shows tagged posts untagged, and asks again for every key it knew', async () => {
    const tagged: Record<string, string> = { 'x:1': 'pl-tips' };
    const { tags, send, changes, broadcast } = tagsWith(tagged);
    tags.want('x:1');
    tags.want('x:2');
    await tags.settled();
    delete tagged['x:1']; // the collected data was deleted in the options page
    broadcast({ type: 'tagsReset' });
    expect(tags.get('x:1')).toBeUndefined();
    expect(changes.at(-1)).toEqual(['x:1']);
    await flush();
    await tags.settled();
    expect(send.mock.calls.at(-1)![0]).toEqual({ type: 'getTags', keys: ['x:1', 'x:2'] });
    expect(tags.get('x:1')).toBeNull();
  });

  it('when a request fails, the keys stay unknown and are asked again next time', async () => {
    const { tags, send } = tagsWith({}, { fail: true });
    tags.want('x:1');
    await tags.settled();
    expect(tags.get('x:1')).toBeUndefined();
    tags.want('x:1');
    await flush();
    expect(send).toHaveBeenCalledTimes(2);
  });
});

describe('page tags of a whole platform', () => {
  it('asks once for every tag of its platform, then knows every post without a message', async () => {
    const { tags, send, changes } = tagsWith({ 'x:2': 'pl-tips', 'x:7': 'pl-news', 'linkedin:9': 'pl-tips' }, { platform: 'x' });
    tags.want('x:1'); // wanted before the answer: no request of its own
    expect(tags.get('x:1')).toBeUndefined();
    await tags.settled();
    expect(send.mock.calls.map(([m]) => m)).toEqual([{ type: 'getPlatformTags', platform: 'x' }]);
    expect([tags.get('x:1'), tags.get('x:2'), tags.get('x:7'), tags.get('x:999')]).toEqual([null, 'pl-tips', 'pl-news', null]);
    expect(tags.get('linkedin:9')).toBeNull(); // another platform's posts are not on this page
    expect(changes.flat().sort()).toEqual(['x:2', 'x:7']);
    for (let i = 0; i < 50; i++) tags.want(`x:${i}`);
    await flush();
    await tags.settled();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('keeps a broadcast that arrived before the answer, and follows later ones', async () => {
    const { tags, broadcast } = tagsWith({ 'x:1': 'pl-old' }, { platform: 'x' });
    broadcast({ type: 'tagChanged', key: 'x:1', pillarId: 'pl-new' });
    await tags.settled();
    expect(tags.get('x:1')).toBe('pl-new');
    broadcast({ type: 'tagChanged', key: 'x:3', pillarId: 'pl-tips' });
    broadcast({ type: 'tagChanged', key: 'x:1', pillarId: null });
    expect([tags.get('x:1'), tags.get('x:3')]).toEqual([null, 'pl-tips']);
  });

  it('after a reset, shows tagged posts untagged until the new answer, then the new tags', async () => {
    const tagged: Record<string, string> = { 'x:1': 'pl-tips' };
    const { tags, send, changes, broadcast } = tagsWith(tagged, { platform: 'x' });
    await tags.settled();
    expect(tags.get('x:1')).toBe('pl-tips');
    delete tagged['x:1'];
    tagged['x:4'] = 'pl-news'; // a backup restored in the options page
    broadcast({ type: 'tagsReset' });
    expect(tags.get('x:1')).toBeUndefined();
    expect(changes.at(-1)).toEqual(['x:1']);
    await tags.settled();
    expect(send.mock.calls.map(([m]) => m.type)).toEqual(['getPlatformTags', 'getPlatformTags']);
    expect([tags.get('x:1'), tags.get('x:4')]).toEqual([null, 'pl-news']);
    expect(changes.at(-1)).toEqual(['x:4']);
  });

  for (const whole of ['partial', 'fail', 'garbage'] as const)
    it(`asks per post when the whole-platform answer is ${whole === 'partial' ? 'partial (too many tags)' : whole === 'fail' ? 'a failure' : 'malformed'}`, async () => {
      const { tags, send } = tagsWith({ 'x:2': 'pl-tips' }, { platform: 'x', whole });
      tags.want('x:1');
      tags.want('x:2');
      await tags.settled();
      await flush();
      await tags.settled();
      expect(send.mock.calls.map(([m]) => m)).toEqual([
        { type: 'getPlatformTags', platform: 'x' },
        { type: 'getTags', keys: ['x:1', 'x:2'] },
      ]);
      expect([tags.get('x:1'), tags.get('x:2'), tags.get('x:3')]).toEqual([null, 'pl-tips', undefined]);
    });
});

describe('the chips and capture share it', () => {
  let restoreIO: () => void;
  beforeEach(() => {
    FakeIO.all = [];
    restoreIO = useIntersectionObserver(FakeIO);
  });
  afterEach(() => restoreIO());

  it('each post read on an x.com timeline is asked about once, not once per feature', async () => {
    const posts = makePosts(40, { seed: 5, ownEvery: 4 });
    const page = new DOMParser().parseFromString(xFeedPage(posts), 'text/html');
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://x.com/home');
    document.body.replaceChildren(...Array.from(page.body.childNodes).map((n) => document.importNode(n, true)));
    const w = createPageWatcher(document, xAdapter, controller.signal);
    const send = vi.fn(async (m: { type: string }) => (m.type === 'getTags' ? { [`x:${posts[1].id}`]: 'pl-tips' } : {}));
    const { ctx } = featureContext({ adapter: xAdapter, watcher: w, signal: controller.signal, send });
    pillarTag.init(ctx);
    capture.init(ctx);
    await w.idle();
    await flush();
    const near = FakeIO.all.find((io) => io.options.rootMargin);
    near!.near([document.querySelector('article[data-testid="tweet"]')!]);
    await w.idle();
    await flush();
    const asked = send.mock.calls.filter(([m]) => m.type === 'getTags').flatMap(([m]) => (m as unknown as { keys: string[] }).keys);
    const read = posts.slice(0, 25);
    expect(asked.sort()).toEqual(read.map((p) => `x:${p.id}`).sort()); // each once
    // Capture watches the brand's own posts and the one the answer says is tagged.
    const captureIO = FakeIO.all.find((io) => !io.options.rootMargin)!;
    const watchedIds = [...captureIO.targets].map((a) => a.querySelector('a[href*="/status/"] time')!.closest('a')!.getAttribute('href')!.split('/').pop());
    expect(watchedIds.sort()).toEqual(read.filter((p, i) => i % 4 === 0 || i === 1).map((p) => p.id).sort());
  });
});
