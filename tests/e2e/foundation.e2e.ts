/**
 * The foundation as a user meets it in Chromium: the options page saves edits at once and the popup shows
 * them; a broken import is refused and changes nothing; the content script runs on an x.com page without
 * breaking it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve, pageErrors, dbQuery, fixture, type Session } from './browser';
import { skinned } from './skin';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => s?.close());

type StrategyRow = { pillars: { id: string; name: string; color: string }[]; brand: { name: string } };
const strategyRow = async () => (await dbQuery<StrategyRow[]>(s.worker, 'strategy'))[0];

describe('first install', () => {
  it('seeded the demo strategy', async () => {
    const row = await strategyRow();
    expect(row.brand.name).toBe('Fernhill Outdoor');
    expect(row.pillars.map((p) => p.name)).toEqual(['Trail Tips', 'Repair & Reuse', 'Community', 'Gear Drops']);
  });
});

describe('options page → popup', () => {
  it('saves a pillar edit immediately, and the popup shows it after reload', async () => {
    const options = await s.openExtensionPage('options.html#pillars');
    const name = options.getByLabel('Name', { exact: true }).first();
    await expect.poll(() => name.inputValue()).toBe('Trail Tips');
    await name.fill('Trail Know-how');
    await expect.poll(async () => (await strategyRow()).pillars[0].name, { timeout: 5_000 }).toBe('Trail Know-how');
    await expect.poll(() => options.getByText('Saved', { exact: true }).count()).toBeGreaterThan(0);
    // an invalid colour is explained next to the field and not saved
    const colour = options.getByRole('textbox', { name: 'Colour', exact: true }).first();
    await colour.fill('green');
    await expect.poll(() => options.getByText('must be a colour like #1a7f5a').count()).toBeGreaterThan(0);
    await options.waitForTimeout(600);
    expect((await strategyRow()).pillars[0].color).toBe('#2f7d4f');
    await colour.fill('#2f7d4f');
    await options.close();

    const popup = await s.openExtensionPage('popup.html');
    await expect.poll(() => popup.getByText('Trail Know-how').count()).toBe(1);
    await popup.reload();
    await expect.poll(() => popup.getByText('Trail Know-how').count()).toBe(1);
    await popup.close();
  });
});

describe('strategy → open platform tabs', () => {
  it('a pillar renamed in the options reaches the chips of an open x.com tab without a reload', async () => {
    await serve(s.ctx, 'https://x.com/search', skinned(fixture('x', 'home-timeline.html')));
    const page = await s.ctx.newPage();
    await page.goto('https://x.com/search');
    const chip = page.locator('[data-brandline="pillar-tag"][data-brandline-post]').first();
    await expect.poll(() => chip.count(), { timeout: 10_000 }).toBe(1);
    await chip.getByRole('button', { name: /Tag this post/ }).click();
    await chip.getByRole('option', { name: 'Community' }).click();
    await expect.poll(() => chip.getByRole('button', { name: 'Community' }).count()).toBe(1);

    const options = await s.openExtensionPage('options.html#pillars');
    const name = options.getByLabel('Name', { exact: true }).nth(2);
    await expect.poll(() => name.inputValue()).toBe('Community');
    await name.fill('Our People');
    await expect.poll(() => chip.getByRole('button', { name: 'Our People' }).count(), { timeout: 5_000 }).toBe(1);
    await name.fill('Community');
    await expect.poll(() => chip.getByRole('button', { name: 'Community' }).count(), { timeout: 5_000 }).toBe(1);
    await options.close();
    await page.close();
  });
});

describe('import', () => {
  it('refuses a broken file, names the field, and changes nothing', async () => {
    const before = await strategyRow();
    const options = await s.openExtensionPage('options.html#data');
    const bad = {
      format: 'brandline',
      version: 2,
      exportedAt: '2026-11-01T00:00:00Z',
      strategy: { brand: { name: 'Hijacked' }, pillars: [{ id: 'p', name: 'P', color: 'red', targetShare: 50 }] },
    };
    await options.getByLabel('Import a Brandline export file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const alert = options.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 5_000 }).toContain('Nothing was changed');
    expect(await alert.textContent()).toContain('strategy.pillars[0].color');
    expect(await alert.textContent()).toContain('must be a colour like #1a7f5a');
    await options.waitForTimeout(500);
    expect(await strategyRow()).toEqual(before);
    // not JSON at all
    await options.getByLabel('Import a Brandline export file').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello'),
    });
    await expect.poll(() => alert.textContent()).toContain('This is not a JSON file');
    expect(await strategyRow()).toEqual(before);
    await options.close();
  });
});

describe('content script on x.com', () => {
  it('runs on a real x.com post page and leaves the page working', async () => {
    // The page's own script counts clicks on the like button, as the platform's would.
    const html = skinned(fixture('x', 'home-timeline.html')).replace(
      '</body>',
      `<script>window.__likes = 0; document.addEventListener('click', e => { if (e.target.closest('[data-testid="like"]')) window.__likes++; });
       window.__keys = 0; document.addEventListener('keydown', () => window.__keys++);</script></body>`,
    );
    await serve(s.ctx, 'https://x.com/home', html);
    const page = await s.ctx.newPage();
    const errors = pageErrors(page);
    await page.goto('https://x.com/home');
    await expect.poll(() => page.locator('[data-brandline="pillar-tag"][data-brandline-post]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.locator('[data-testid="like"]').first().click();
    expect(await page.evaluate(() => (window as unknown as { __likes: number }).__likes)).toBe(1);
    // keys typed in Brandline's own UI never reach the page's shortcuts
    await page.locator('[data-brandline="pillar-tag"][data-brandline-post]').first().getByRole('button').last().focus();
    await page.keyboard.press('j');
    expect(await page.evaluate(() => (window as unknown as { __keys: number }).__keys)).toBe(0);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    // the popup reports what was recognised on this tab
    const health = await page.evaluate(() => document.querySelectorAll('article[data-testid="tweet"]').length);
    expect(health).toBeGreaterThan(0);
    await page.close();
  });
});
