/**
 * What Brandline costs a page: a 1,000-post x.com timeline in Chromium, the same page and the same scroll
 * with and without the extension, in one run. Script time comes from CDP Performance.getMetrics; long tasks
 * (≥ 50 ms) from a PerformanceObserver installed before the page's own scripts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, serve, type Session } from '../e2e/browser';
import { makePosts, xFeedPage } from '../e2e/feeds';
import { record } from './harness';

const POSTS = 1000;
const html = xFeedPage(makePosts(POSTS, { seed: 9, ownEvery: 4 }));
const sessions: Session[] = [];
afterAll(async () => {
  for (const s of sessions) await s.close();
});

interface Run {
  layouts: number;
  layoutMs: number;
  styleMs: number;
  script: number;
  task: number;
  longTasks: number[];
  chips: number;
  heapMB: number;
}

async function run(extension: boolean): Promise<Run> {
  const s = await launch({ extension });
  sessions.push(s);
  await serve(s.ctx, 'https://x.com/home', html);
  const page: Page = await s.ctx.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.addInitScript(() => {
    (window as unknown as { __long: number[] }).__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as unknown as { __long: number[] }).__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await s.ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto('https://x.com/home');
  await page.waitForTimeout(1500);
  // A user scrolling through 150 posts, then back up.
  for (let i = 0; i < 80; i++) {
    await page.mouse.wheel(0, 650);
    await page.waitForTimeout(40);
  }
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, -2000);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(1000);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const longTasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  const chips = await page.locator('[data-brandline="pillar-tag"]').count();
  await s.close();
  return {
    layouts: m.LayoutCount,
    layoutMs: m.LayoutDuration * 1000,
    styleMs: m.RecalcStyleDuration * 1000,
    script: m.ScriptDuration * 1000, task: m.TaskDuration * 1000, longTasks, chips, heapMB: m.JSHeapUsedSize / 2 ** 20 };
}

describe('feed page cost', () => {
  it(`${POSTS}-post x.com timeline, with vs without Brandline`, async () => {
    const without = await run(false);
    const withExt = await run(true);
    const without2 = await run(false); // bracket the extension run to see the noise
    const base = (without.script + without2.script) / 2;
    const baseTask = (without.task + without2.task) / 2;
    expect(withExt.chips).toBe(POSTS); // it really decorated every post
    expect(without.chips).toBe(0);
    const extra = withExt.script - base;
    record('feed', {
      name: `main-thread time (all tasks), ${POSTS}-post feed, load + scroll, no extension (two runs)`,
      value: `${without.task.toFixed(0)} ms / ${without2.task.toFixed(0)} ms`,
    });
    record('feed', {
      name: 'main-thread time with Brandline; extra over the mean without',
      value: `${withExt.task.toFixed(0)} ms; +${(withExt.task - baseTask).toFixed(0)} ms = +${(((withExt.task - baseTask) / baseTask) * 100).toFixed(1)} %`,
      target: '< 10 % extra',
    });
    record('feed', {
      name: 'script time: without (static page, two runs) / with Brandline',
      value: `${without.script.toFixed(0)} ms, ${without2.script.toFixed(0)} ms / ${withExt.script.toFixed(0)} ms`,
    });
    record('feed', {
      name: 'posts decorated; Brandline script cost per post',
      value: `${withExt.chips} posts; ${(extra / withExt.chips).toFixed(2)} ms/post`,
    });
    record('feed', {
      name: 'long tasks ≥ 50 ms (with / without)',
      value: `${withExt.longTasks.length} (${withExt.longTasks.map((d) => d.toFixed(0)).join(', ') || '–'}) / ${without.longTasks.length}`,
      target: 'none caused by Brandline',
    });
    record('feed', {
      name: 'layouts (count, ms) and style recalculation (ms): with / without',
      value: `${withExt.layouts}, ${withExt.layoutMs.toFixed(0)} ms, ${withExt.styleMs.toFixed(0)} ms / ${without.layouts}, ${without.layoutMs.toFixed(0)} ms, ${without.styleMs.toFixed(0)} ms`,
    });
    record('feed', {
      name: 'JS heap used after scrolling (with / without)',
      value: `${withExt.heapMB.toFixed(1)} MB / ${without.heapMB.toFixed(1)} MB`,
    });
  });
});
