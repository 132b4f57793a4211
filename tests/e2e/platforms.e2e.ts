/**
 * Every platform's page in Chromium with the built extension: one pillar chip per recognised post, the page
 * keeps working, the tab's health report names what was recognised — and a page whose markup is not
 * recognised says so (toolbar badge and health) instead of failing silently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve, pageErrors, type Session } from './browser';
import { PLATFORM_PAGES, pageHtml } from './platform-pages';
import type { Health } from '../../lib/messaging/protocol';

/** The extension's own API, inside the service worker where these callbacks run. */
declare const chrome: {
  tabs: {
    query(q: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(id: number, m: unknown): Promise<Health>;
  };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => s?.close());

/** Ask the tab's content script for its health, as the popup does. */
async function healthOf(url: string): Promise<Health | null> {
  return s.worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    if (!tab?.id) return null;
    return chrome.tabs.sendMessage(tab.id, { type: 'getHealth' });
  }, url.replace(/\?.*$/, '*'));
}

describe.each(PLATFORM_PAGES)('$platform: $file', (p) => {
  it(`shows one pillar chip per recognised post (${p.posts}) and keeps the page working`, async () => {
    await serve(s.ctx, p.url, pageHtml(p));
    const page = await s.ctx.newPage();
    const errors = pageErrors(page);
    await page.goto(p.url);
    const chips = page.locator('[data-brandline="pillar-tag"][data-brandline-post]');
    await expect.poll(() => chips.count(), { timeout: 10_000 }).toBe(p.posts);
    const keys = await chips.evaluateAll((els) => els.map((e) => e.getAttribute('data-brandline-post')));
    expect(new Set(keys).size).toBe(p.posts);
    expect(keys.every((k) => k?.startsWith(`${p.platform}:`))).toBe(true);
    const health = await healthOf(p.url);
    expect(health).toMatchObject({ platform: p.platform, posts: p.posts, expectsPosts: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('unrecognised markup', () => {
  it('says plainly that the layout is not recognised, with the badge and in the health report', async () => {
    // An x.com timeline after a markup change: the posts lost the data-testid the adapter relies on.
    const html = pageHtml(PLATFORM_PAGES[0]).replaceAll('data-testid="tweet"', 'data-testid="post-v2"');
    await serve(s.ctx, 'https://x.com/trailfriends', html);
    const page = await s.ctx.newPage();
    const errors = pageErrors(page);
    await page.goto('https://x.com/trailfriends');
    await expect
      .poll(async () => (await healthOf('https://x.com/trailfriends'))?.settled, { timeout: 15_000 })
      .toBe(true);
    expect(await healthOf('https://x.com/trailfriends')).toMatchObject({ platform: 'x', posts: 0, expectsPosts: true, settled: true });
    const badge = () =>
      s.worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ url: 'https://x.com/trailfriends' });
        return chrome.action.getBadgeText({ tabId: tab.id! });
      });
    await expect.poll(badge, { timeout: 5_000 }).toBe('!');
    expect(await page.locator('[data-brandline="pillar-tag"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
