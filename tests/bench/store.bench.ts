/**
 * Storing snapshots the way the content script does: postsSeen messages of 100 posts, validated by the
 * background and written to Chromium's IndexedDB through Dexie, 10,000 snapshots in all.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { launch, dbQuery, type Session } from '../e2e/browser';
import { record } from './harness';

let s: Session;
afterAll(async () => s?.close());

describe('snapshot store', () => {
  it('10,000 snapshots through postsSeen (100 batches of 100 posts)', async () => {
    s = await launch();
    const page = await s.openExtensionPage('popup.html');
    const send = (batches: number, round: number) =>
      page.evaluate(
        async ([batches, round]) => {
          const times: number[] = [];
          for (let b = 0; b < batches; b++) {
            const items = Array.from({ length: 100 }, (_, i) => {
              const id = String(1_800_000_000_000_000_000n + BigInt(b * 100 + i));
              return {
                post: {
                  key: `x:${id}`, platform: 'x', postId: id, permalink: `https://x.com/fernhilloutdoor/status/${id}`,
                  authorHandle: 'fernhilloutdoor', authorName: 'Fernhill Outdoor', text: 'A post', publishedAt: null, kind: 'post',
                },
                counts: { likes: 10 + round, replies: 2, reposts: 3, views: 1000 + round },
              };
            });
            const t = performance.now();
            const r = (await chrome.runtime.sendMessage({ type: 'postsSeen', items })) as { stored: number };
            times.push(performance.now() - t);
            if (r.stored !== 100) throw new Error(`stored ${r.stored}`);
          }
          return times;
        },
        [batches, round] as const,
      );
    const first = await send(100, 0); // 10,000 new posts and snapshots
    const second = await send(100, 1); // the same posts, counts changed: 10,000 more snapshots
    expect(await dbQuery<number>(s.worker, 'snapshots', 'count')).toBe(20_000);
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
    const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
    record('store', {
      name: '10,000 snapshots of new posts (100 postsSeen messages of 100)',
      value: `${sum(first).toFixed(0)} ms in all; p50 ${sorted(first)[50].toFixed(1)} ms per message`,
    });
    record('store', {
      name: '10,000 more snapshots, counts changed (with 10,000 already stored)',
      value: `${sum(second).toFixed(0)} ms in all; p50 ${sorted(second)[50].toFixed(1)} ms per message`,
    });
  });
});

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
