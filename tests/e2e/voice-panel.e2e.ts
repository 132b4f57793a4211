/**
 * The voice panel in a real page: launcher at the bottom-right, the voice guide, pillars and searchable saved replies,
 * keyboard use without triggering the platform's shortcuts, Esc returning focus, and a saved reply checked against the
 * voice before it goes into the real editor (draft-js + React 18 on x.com; TipTap on a dark bsky.app page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, pageErrors, serve, type Session } from './browser';
import { PAGES_OUT } from './pages/build';

const OFF_BRAND = {
  id: 'sr-e2e-offbrand',
  title: 'Flash sale',
  body: 'Our customers get CHEAP gear!!! Guaranteed. — {brand}',
  tags: ['offers'],
};

const MULTI_LINE = {
  id: 'sr-e2e-multiline',
  title: 'Repair steps',
  body: 'Hi {name}, here is how:\n\n1. Clean the tear.\n2. Patch both sides.\n\n— {brand}',
  tags: ['repair'],
};

const X_URL = 'https://x.com/janedoe/status/1790000000000000001';
const X_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>X</title><style>
  body { margin: 0; font: 15px/1.4 system-ui, sans-serif; color: #0f1419; background: #fff; }
  .col { width: 600px; margin: 0 auto; min-height: 1400px; border-left: 1px solid #eff3f4; border-right: 1px solid #eff3f4; }
  article, .composer-row { padding: 12px 16px; border-bottom: 1px solid #eff3f4; }
  .composer-row { display: flex; gap: 12px; align-items: flex-end; } .composer-editor { flex: 1; font-size: 20px; }
  .DraftEditor-root { position: relative; } .public-DraftEditorPlaceholder-root { position: absolute; color: #536471; }
  .post-button { background: #0f1419; color: #fff; border: 0; border-radius: 999px; padding: 8px 16px; font-weight: 700; }
  .post-button:disabled { opacity: .5; }
</style></head><body><main role="main"><div class="col">
  <div data-testid="cellInnerDiv"><article data-testid="tweet" role="article">
    <div data-testid="User-Name"><a href="/janedoe"><span>Jane Doe</span></a> <a href="/janedoe"><span>@janedoe</span></a></div>
    <div data-testid="tweetText" lang="en"><span>Where do I get my tent fixed?</span></div>
    <a href="/janedoe/status/1790000000000000001"><time datetime="2025-03-01T10:00:00.000Z">Mar 1</time></a>
  </article></div>
  <div data-testid="cellInnerDiv"><div data-editor-mount="draft" data-editor-testid="tweetTextarea_0" data-label="Post text" data-button="tweetButtonInline"></div></div>
</div></main>
<script>window.global = window; window.__pageKeys = []; document.addEventListener('keydown', (e) => window.__pageKeys.push(e.key));</script>
<script src="/__brandline_test/draft.js"></script></body></html>`;

const BSKY_URL = 'https://bsky.app/profile/sam.bsky.social/post/3kabcdefghi2x';
const BSKY_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bluesky</title><style>
  body { margin: 0; font: 15px/1.4 system-ui, sans-serif; color: #f1f3f5; background: #161e27; }
  .col { width: 600px; margin: 0 auto; min-height: 1000px; border-left: 1px solid #2e4052; border-right: 1px solid #2e4052; }
  .post, .box { padding: 12px 16px; border-bottom: 1px solid #2e4052; } .ProseMirror { outline: none; min-height: 48px; font-size: 18px; } p { margin: 0; }
</style></head><body><div class="col">
  <div data-testid="postThreadItem-by-sam.bsky.social" class="post"><a href="/profile/sam.bsky.social" style="color:#fff">Sam</a>
    <a href="/profile/sam.bsky.social/post/3kabcdefghi2x" style="color:#8b98a5">1h</a><div>Best budget tent for a first trip?</div></div>
  <div role="dialog"><div aria-label="Expand or collapse the full post you are replying to"><div dir="auto">Sam</div></div>
  <div class="box"><div data-editor-mount="tiptap" data-attrs='{"role":"textbox","aria-label":"Rich-Text Editor"}'></div></div></div>
</div><script src="/__brandline_test/tiptap.js"></script></body></html>`;

const js = (name: string) => readFileSync(join(PAGES_OUT, `${name}.js`), 'utf8');
const editorText = (page: Page) => page.evaluate(() => (window as unknown as { __editors: { text(): string }[] }).__editors[0].text());
const panel = (page: Page) => page.locator('[data-brandline="voice-panel"] .vp-panel');
const launcher = (page: Page) => page.locator('[data-brandline="voice-panel"] .vp-launcher');

/** "tag:role:text" of the focused element, looking into Brandline's shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let a: Element | null = document.activeElement;
    const path: string[] = [];
    while (a) {
      path.push(a.getAttribute('data-brandline') ?? a.getAttribute('role') ?? a.tagName.toLowerCase());
      a = a.shadowRoot?.activeElement ?? null;
      if (a) path[path.length - 1] += `>${a.className || a.tagName.toLowerCase()}`;
      if (a && !a.shadowRoot) break;
    }
    return path.join(' ');
  });

async function open(session: Session, url: string, html: string, script: string) {
  const page = await session.ctx.newPage();
  const errors = pageErrors(page);
  await serve(session.ctx, url, html, { [`/__brandline_test/${script}.js`]: js(script) });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __editors?: unknown[] }).__editors?.length === 1);
  await launcher(page).waitFor();
  return { page, errors };
}

let session: Session;
beforeAll(async () => {
  session = await launch();
  // An off-brand saved reply, stored the way the options page stores it (pages read the strategy at start).
  await session.worker.evaluate(async (reply) => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('brandline');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction('strategy', 'readwrite');
    const store = tx.objectStore('strategy');
    const row = await new Promise<{ savedReplies: unknown[] }>((res) => {
      const g = store.get('main');
      g.onsuccess = () => res(g.result);
    });
    row.savedReplies.push(...reply);
    store.put(row);
    await new Promise((res) => (tx.oncomplete = res));
    db.close();
  }, [OFF_BRAND, MULTI_LINE]);
});
afterAll(async () => {
  await session?.close();
});

describe('voice panel', () => {
  it('sits at the bottom-right as one voice-panel element and opens the voice guide and pillars by keyboard', async () => {
    const { page, errors } = await open(session, X_URL, X_HTML, 'draft');
    expect(await page.locator('[data-brandline="voice-panel"]').count()).toBe(1);
    const box = (await launcher(page).boundingBox())!;
    const vp = page.viewportSize()!;
    expect(vp.width - (box.x + box.width)).toBeLessThan(40);
    expect(vp.height - (box.y + box.height)).toBeLessThan(130);

    await launcher(page).focus();
    await page.keyboard.press('Enter');
    await panel(page).waitFor();
    expect(await panel(page).getAttribute('role')).toBe('dialog');
    const voiceTab = page.locator('[data-brandline="voice-panel"] [role="tab"]', { hasText: 'Voice' });
    expect(await voiceTab.getAttribute('aria-selected')).toBe('true');
    const text = (await panel(page).textContent())!;
    for (const s of [
      'Warm, practical and grounded',
      'Warm',
      'Practical',
      'Grounded',
      'Thanks for flagging this, Sam — we are on it.', // a "do"
      'Your feedback has been noted.', // a "don't"
      'members',
      'customers, consumers',
      'guaranteed',
      'Sparingly (up to 2)',
      'Up to 3',
    ])
      expect(text).toContain(s);

    // Focus starts on the selected tab; Tab reaches the section's content, arrows move between tabs.
    await expect.poll(() => focused(page)).toBe('voice-panel>vp-tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('voice-panel>vp-body');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('[data-brandline="voice-panel"] [role="tab"][aria-selected="true"]').textContent()).toBe('Pillars');
    const pillars = (await panel(page).textContent())!;
    for (const s of ['Trail Tips', '35%', 'Repair & Reuse', 'layering', 'Gear Drops']) expect(pillars).toContain(s);
    expect(await page.locator('[data-brandline="voice-panel"] .vp-swatch').count()).toBe(4);

    await page.keyboard.press('ArrowRight');
    await page.locator('[data-brandline="voice-panel"] input[type="search"]').click();
    await page.evaluate(() => ((window as unknown as { __pageKeys: string[] }).__pageKeys.length = 0));
    await page.keyboard.type('stock');
    const titles = await page.locator('[data-brandline="voice-panel"] .vp-reply-title').allTextContents();
    expect(titles).toEqual(['Back in stock?']);
    // Typing in Brandline's field never reaches the platform's keyboard shortcuts.
    expect(await page.evaluate(() => (window as unknown as { __pageKeys: string[] }).__pageKeys)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('voice-panel>vp-launcher');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens on saved replies for the composer in use, and Esc gives the focus back to the composer', async () => {
    const { page, errors } = await open(session, X_URL, X_HTML, 'draft');
    await page.click('[data-testid="tweetTextarea_0"]');
    await page.keyboard.type('Hi');
    await launcher(page).click();
    await panel(page).waitFor();
    expect(await page.locator('[data-brandline="voice-panel"] [role="tab"][aria-selected="true"]').textContent()).toContain('Saved replies');
    await expect.poll(() => focused(page)).toBe('voice-panel>INPUT'.replace('INPUT', 'input'));
    expect(await panel(page).textContent()).toContain('Goes into your reply to @janedoe on X.');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('textbox');
    await page.keyboard.type(' there');
    await expect.poll(() => editorText(page)).toBe('Hi there');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks a saved reply against the voice first: on-brand says Insert, off-brand shows findings and Insert anyway', async () => {
    const { page, errors } = await open(session, X_URL, X_HTML, 'draft');
    await page.click('[data-testid="tweetTextarea_0"]');
    await launcher(page).click();
    await page.locator('[data-brandline="voice-panel"] .vp-reply', { hasText: 'Repair request' }).click();
    expect(await page.locator('[data-brandline="voice-panel"] .vp-check').textContent()).toContain('On brand');
    expect(await page.locator('[data-brandline="voice-panel"] .vp-actions .bl-primary').textContent()).toBe('Insert');
    await page.locator('[data-brandline="voice-panel"] .vp-back').click();

    await page.locator('[data-brandline="voice-panel"] .vp-reply', { hasText: 'Flash sale' }).click();
    const preview = await page.locator('[data-brandline="voice-panel"] .vp-preview').textContent();
    expect(preview).toBe('Our customers get CHEAP gear!!! Guaranteed. — Fernhill Outdoor');
    const score = await page.locator('[data-brandline="voice-panel"] .vp-check .bl-score').getAttribute('aria-label');
    expect(Number(score!.match(/Voice score (\d+)/)![1])).toBeLessThan(80);
    const findings = await page.locator('[data-brandline="voice-panel"] .vp-findings li').allTextContents();
    expect(findings.some((f) => f.includes('Say "members", not "customers"'))).toBe(true);
    expect(findings.some((f) => /guaranteed/i.test(f))).toBe(true);
    const insert = page.locator('[data-brandline="voice-panel"] .vp-actions .bl-primary');
    expect(await insert.textContent()).toBe('Insert anyway');
    await insert.click();
    await expect.poll(() => editorText(page)).toBe(preview);
    expect(await page.locator('[data-testid="tweetButtonInline"]').isEnabled()).toBe(true);
    // The draft check now shows the same findings in place.
    await expect.poll(() => page.locator('[data-brandline="draft-check"] .bl-card').textContent()).toContain('Say "members"');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the paragraphs of a multi-line reply in Draft.js and in TipTap', async () => {
    for (const [url, html, script, sel] of [
      [X_URL, X_HTML, 'draft', '[data-testid="tweetTextarea_0"]'],
      [BSKY_URL, BSKY_HTML, 'tiptap', '.ProseMirror'],
    ] as const) {
      const { page, errors } = await open(session, url, html, script);
      await page.click(sel);
      await launcher(page).click();
      await page.locator('[data-brandline="voice-panel"] .vp-reply', { hasText: 'Repair steps' }).click();
      const preview = (await page.locator('[data-brandline="voice-panel"] .vp-preview').textContent())!;
      expect(preview).toMatch(/^Hi .+, here is how:\n\n1\. Clean the tear\.\n2\. Patch both sides\.\n\n— Fernhill Outdoor$/);
      await page.locator('[data-brandline="voice-panel"] .vp-actions .bl-primary').click();
      // Draft.js keeps empty blocks ("\n\n"); ProseMirror's plain-text paste makes one paragraph per line.
      const want = script === 'draft' ? preview : preview.replace(/\n+/g, '\n');
      await expect.poll(() => editorText(page)).toBe(want);
      await expect.poll(() => panel(page).count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('follows a dark page and inserts into TipTap at the caret the user left', async () => {
    const { page, errors } = await open(session, BSKY_URL, BSKY_HTML, 'tiptap');
    await page.click('.ProseMirror');
    await page.keyboard.type('Hello Sam.  Happy trails');
    // Put the caret between the two sentences, then leave the editor for the panel.
    for (let i = 0; i < 'Happy trails'.length + 1; i++) await page.keyboard.press('ArrowLeft');
    await launcher(page).click();
    expect(await page.evaluate(() => (document.querySelector('[data-brandline="voice-panel"]')!.shadowRoot!.querySelector('.bl-root') as HTMLElement).dataset.theme)).toBe('dark');
    const bg = await panel(page).evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(150);
    await page.locator('[data-brandline="voice-panel"] .vp-reply', { hasText: 'Thanks for the kind words' }).click();
    const preview = (await page.locator('[data-brandline="voice-panel"] .vp-preview').textContent())!;
    expect(preview.startsWith('Thank you, Sam!')).toBe(true);
    await page.locator('[data-brandline="voice-panel"] .vp-actions .bl-primary').click();
    await expect.poll(async () => (await editorText(page)).replace(/\u00a0/g, ' ')).toBe(`Hello Sam. ${preview} Happy trails`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
