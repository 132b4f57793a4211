/**
 * Reports in a real Chromium with the built extension: tag the brand's posts with the in-page chips on an x.com
 * profile served at its real address, then read the pillar mix on the options page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, serve, pageErrors, dbQuery, type Session } from './browser';
import { makePosts, xFeedPage } from './feeds';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => s?.close());

const chipFor = (page: Page, id: string) => page.locator(`[data-brandline="pillar-tag"][data-brandline-post="x:${id}"]`);

/** Tag a post with a pillar through its chip: open the picker, choose the pillar. */
async function tag(page: Page, id: string, pillar: string) {
  await page.locator(`article a[href$="/status/${id}"]`).first().scrollIntoViewIfNeeded();
  const chip = chipFor(page, id);
  await expect.poll(() => chip.count(), { timeout: 10_000 }).toBe(1);
  await chip.getByRole('button', { name: /Tag this post with a pillar/ }).click();
  await chip.getByRole('option', { name: pillar }).click();
  await expect.poll(() => chip.getByRole('button', { name: pillar }).count()).toBe(1);
}

/** The text of the pillar mix row for a pillar ("Trail Tips2 posts67% · target 35% (+32)…"). */
const mixRow = (page: Page, name: string) =>
  page
    .getByRole('list', { name: 'Pillar mix of your posts' })
    .getByRole('listitem')
    .filter({ has: page.locator('.mixc__title', { hasText: name }) });

describe('reports', () => {
  it('report shows the tagged pillar mix', async () => {
    // Nine posts, every third by the brand (fernhilloutdoor): 0, 3 and 6. Published yesterday, so "Last 30 days" has them.
    const posts = makePosts(9, { seed: 11 });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await serve(s.ctx, 'https://x.com/fernhilloutdoor', xFeedPage(posts).replace(/datetime="[^"]*"/g, `datetime="${yesterday}"`));
    const feed = await s.ctx.newPage();
    const errors = pageErrors(feed);
    await feed.goto('https://x.com/fernhilloutdoor');
    await expect.poll(() => feed.locator('[data-brandline="pillar-tag"][data-brandline-post]').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await tag(feed, posts[0].id, 'Trail Tips');
    await tag(feed, posts[3].id, 'Trail Tips');
    await tag(feed, posts[6].id, 'Community');
    await tag(feed, posts[1].id, 'Gear Drops'); // someone else's post: not part of the brand's mix
    await expect.poll(async () => (await dbQuery<unknown[]>(s.worker, 'tags')).length).toBe(4);

    const report = await s.openExtensionPage('options.html#reports');
    const reportErrors = pageErrors(report);
    await expect.poll(() => mixRow(report, 'Trail Tips').textContent(), { timeout: 10_000 }).toContain('2 posts');
    expect(await mixRow(report, 'Trail Tips').textContent()).toContain('67% · target 35% (+32)');
    expect(await mixRow(report, 'Community').textContent()).toContain('1 post');
    expect(await mixRow(report, 'Community').textContent()).toContain('33% · target 25% (+8)');
    expect(await mixRow(report, 'Repair & Reuse').textContent()).toContain('0% · target 25% (−25)');
    expect(await mixRow(report, 'Gear Drops').textContent()).toContain('0% · target 15% (−15)');
    expect(await mixRow(report, 'Untagged').count()).toBe(0);
    await expect.poll(() => report.getByText('3 tagged posts of 3').count()).toBe(1);
    // The bars are drawn at their shares: Trail Tips twice as long as Community.
    const widths = await report
      .locator('.mixc__row:not(.mixc__row--untagged) .mixc__bar')
      .evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().width));
    expect(widths[0]).toBeGreaterThan(0);
    expect(widths[0] / widths[2]).toBeCloseTo(2, 1);

    // Re-tag in the feed: the open report follows without a reload.
    await feed.bringToFront();
    await chipFor(feed, posts[6].id).getByRole('button', { name: 'Community' }).click();
    await chipFor(feed, posts[6].id).getByRole('option', { name: 'Trail Tips' }).click();
    await expect.poll(() => mixRow(report, 'Trail Tips').textContent(), { timeout: 10_000 }).toContain('100% · target 35% (+65)');
    expect(await mixRow(report, 'Community').textContent()).toContain('0 posts');

    expect(errors).toEqual([]);
    expect(reportErrors).toEqual([]);
    await feed.close();
    await report.close();
  });
});
