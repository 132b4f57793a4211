/**
 * The demo: Brandline on every platform's bundled demo page, with the demo strategy.
 * Used by `npm run demo` (scripts/demo.mjs) and by the README's screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, ROOT } from './browser';
import { PLATFORM_PAGES, pageHtml } from './platform-pages';

export async function runDemo({ headed }: { headed: boolean }) {
  const session = await launch({ headless: !headed });
  const { ctx } = session;
  // One page per platform (the first listed for each).
  const pages = PLATFORM_PAGES.filter((p, i) => PLATFORM_PAGES.findIndex((q) => q.platform === p.platform) === i);
  for (const p of pages) await serve(ctx, p.url, pageHtml(p));
  const opened = [];
  const options = await session.openExtensionPage('options.html?welcome=1');
  opened.push({ name: 'options', page: options });
  for (const p of pages) {
    const page = await ctx.newPage();
    await page.goto(p.url);
    opened.push({ name: p.platform, page });
  }
  if (headed) {
    console.log(`\nBrandline is open in Chromium on ${pages.length} demo pages and its options page.`);
    console.log('Try: tag a post with its chip, open the voice panel (bottom right), edit a pillar in the options.');
    console.log('Close the browser window (or press Ctrl+C) to end the demo.');
    await new Promise<void>((resolve) => {
      ctx.on('close', () => resolve());
      process.on('SIGINT', () => resolve());
    });
    await session.close();
    return;
  }
  const out = join(ROOT, 'demo-screenshots');
  mkdirSync(out, { recursive: true });
  await new Promise((r) => setTimeout(r, 1500));
  console.log('\nNo display: Brandline ran headless on the demo pages. What it recognised:');
  for (const { name, page } of opened) {
    await page.bringToFront();
    const chips = await page.locator('[data-brandline="pillar-tag"]').count();
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(`  ${name.padEnd(10)} ${name === 'options' ? '' : `${chips} posts with pillar chips  `}→ demo-screenshots/${name}.png`);
  }
  const popup = await session.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.screenshot({ path: join(out, 'popup.png') });
  console.log(`  popup      → demo-screenshots/popup.png`);
  await session.close();
}
