/**
 * The demo: Brandline on every platform's bundled page (served at the real addresses, nothing leaves the
 * machine), the brand's own X profile, and an X reply box with the real Draft.js editor — with the demo
 * strategy loaded. Used by `npm run demo` (scripts/demo.mjs); headless, it also writes the screenshots used
 * in the README to demo-screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, serve, ROOT, type Session } from './browser';
import { PLATFORM_PAGES, pageHtml } from './platform-pages';
import { makePosts, xFeedPage } from './feeds';
import { buildEditorPages, PAGES_OUT } from './pages/build';

const PROFILE_URL = 'https://x.com/fernhilloutdoor';
const REPLY_URL = 'https://x.com/janedoe/status/1790000000000000001';

/** An X post page with a reply box: the real Draft.js + React 18 editor in X's markup. */
function replyPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Jane Doe on X</title><style>
  body { margin: 0; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f1419; }
  .col { width: 600px; margin: 0 auto; min-height: 100vh; border-left: 1px solid #eff3f4; border-right: 1px solid #eff3f4; }
  h2 { font-size: 20px; padding: 12px 16px; margin: 0; }
  article { padding: 12px 16px; border-bottom: 1px solid #eff3f4; display: block; }
  [data-testid="User-Name"] { font-weight: 700; } [data-testid="User-Name"] a { color: inherit; text-decoration: none; }
  .handle { color: #536471; font-weight: 400; } time { color: #536471; } a { color: inherit; }
  .reply { display: flex; gap: 12px; align-items: flex-end; padding: 12px 16px; border-bottom: 1px solid #eff3f4; font-size: 20px; }
  .reply > div:first-child { flex: 1; } [contenteditable="true"] { outline: none; min-height: 28px; }
  [data-testid="tweetButtonInline"] { background: #0f1419; color: #fff; border: 0; border-radius: 999px; padding: 8px 16px; font-weight: 700; }
  [data-testid="tweetButtonInline"]:disabled { opacity: .5; }
  .public-DraftEditorPlaceholder-root { position: absolute; color: #536471; pointer-events: none; } .DraftEditor-root { position: relative; }
  </style></head><body><main role="main"><div class="col"><h2>Post</h2>
  <div data-testid="cellInnerDiv"><article data-testid="tweet" role="article">
    <div data-testid="User-Name"><a href="/janedoe">Jane Doe</a> <a href="/janedoe" class="handle">@janedoe</a></div>
    <div data-testid="tweetText" lang="en"><span>Just got my 12-year-old tent patched at the Leeds repair café. Good as new — thank you!</span></div>
    <a href="/janedoe/status/1790000000000000001"><time datetime="2026-11-20T10:00:00.000Z">10:00 AM · Nov 20, 2026</time></a>
    <div role="group" aria-label="3 replies, 1 repost, 12 likes"></div>
  </article></div>
  <div data-testid="cellInnerDiv"><div class="reply"><div data-editor-mount="draft" data-editor-testid="tweetTextarea_0"
    data-label="Post text" data-button="tweetButtonInline" data-placeholder="Post your reply"></div></div></div>
  </div></main><script>window.global = window;</script><script src="/__brandline_test/draft.js"></script></body></html>`;
}

async function open(s: Session, url: string): Promise<Page> {
  const page = await s.ctx.newPage();
  await page.goto(url);
  return page;
}

export async function runDemo({ headed }: { headed: boolean }) {
  await buildEditorPages();
  const s = await launch({ headless: !headed });
  // One page per platform (the first listed for each), the brand's profile, and a reply box.
  const pages = PLATFORM_PAGES.filter((p, i) => PLATFORM_PAGES.findIndex((q) => q.platform === p.platform) === i);
  for (const p of pages) await serve(s.ctx, p.url, pageHtml(p));
  await serve(s.ctx, PROFILE_URL, xFeedPage(makePosts(24, { seed: 7, ownEvery: 1 })));
  await serve(s.ctx, REPLY_URL, replyPage(), {
    '/__brandline_test/draft.js': readFileSync(join(PAGES_OUT, 'draft.js'), 'utf8'),
  });

  const opened: { name: string; page: Page }[] = [];
  opened.push({ name: 'options', page: await s.openExtensionPage('options.html?welcome=1#pillars') });
  for (const p of pages) opened.push({ name: p.platform, page: await open(s, p.url) });
  const profile = await open(s, PROFILE_URL);
  opened.push({ name: 'x-profile', page: profile });
  const reply = await open(s, REPLY_URL);
  opened.push({ name: 'x-reply', page: reply });

  if (headed) {
    console.log(`\nBrandline is open in Chromium on ${opened.length - 1} demo pages and its options page.`);
    console.log('Try: tag a post with its chip, type a reply on the "Jane Doe on X" tab, open the voice panel');
    console.log('(the round button, bottom right), edit a pillar in the options. Close the window to end the demo.');
    await new Promise<void>((resolve) => {
      s.ctx.on('close', () => resolve());
      process.on('SIGINT', () => resolve());
    });
    await s.close();
    return;
  }

  // Headless: act out a short session, then take the screenshots.
  const out = join(ROOT, 'demo-screenshots');
  mkdirSync(out, { recursive: true });
  await profile.bringToFront();
  const suggestions = profile.getByRole('button', { name: /\(suggested\)$/ });
  await profile.waitForTimeout(1500);
  for (let i = 0; i < 8 && (await suggestions.count()); i++) await suggestions.first().click();
  await reply.bringToFront();
  await reply.locator('[data-testid="tweetTextarea_0"]').click();
  await reply.keyboard.type('Thanks Jane! Our customers love the repair café, and cheap fixes beat new gear!!! Guaranteed to last.');
  await reply.waitForTimeout(800);

  console.log('\nNo display: Brandline ran headless on the demo pages. What it recognised:');
  for (const { name, page } of opened) {
    await page.bringToFront();
    await page.waitForTimeout(300);
    const chips = await page.locator('[data-brandline="pillar-tag"][data-brandline-post]').count();
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(`  ${name.padEnd(10)} ${name === 'options' ? '' : `${chips} posts with pillar chips`.padEnd(28)} → demo-screenshots/${name}.png`);
  }
  const options = opened[0].page;
  for (const section of ['voice', 'calendar', 'reports', 'data']) {
    await options.evaluate((h) => (location.hash = h), section);
    await options.waitForTimeout(700);
    await options.screenshot({ path: join(out, `options-${section}.png`) });
    console.log(`  options#${section.padEnd(9)}→ demo-screenshots/options-${section}.png`);
  }
  const popup = await s.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.waitForTimeout(500);
  await popup.screenshot({ path: join(out, 'popup.png'), fullPage: true });
  console.log(`  popup      → demo-screenshots/popup.png`);
  await s.close();
}
