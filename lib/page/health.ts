/**
 * Adapter health: what the adapter recognised on this page, reported to the background (toolbar badge)
 * and to the popup on request. A feed that yields no posts once the page has settled is reported plainly
 * instead of failing silently.
 */
import type { Adapter } from '../platforms/types';
import type { PageWatcher } from './watcher';
import type { Health } from '../messaging/protocol';

/** How long the page must be quiet (no new posts) before an empty feed counts as "not recognised". */
export const SETTLE_MS = 4000;

export function createHealth(
  adapter: Adapter,
  doc: Document,
  watcher: PageWatcher,
  report: (h: Health) => void,
  signal: AbortSignal,
) {
  let settled = false;
  let lastJson = '';
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let reportTimer: ReturnType<typeof setTimeout> | undefined;

  const current = (): Health => {
    const url = doc.location?.href ?? '';
    let expectsPosts = false;
    let variant = 'unknown';
    const progress = watcher.progress();
    try {
      expectsPosts = adapter.expectsPosts(new URL(url));
      variant = adapter.variant(doc);
    } catch {
      /* keep defaults */
    }
    return {
      platform: adapter.platform,
      variant,
      url,
      expectsPosts,
      posts: watcher.posts().size,
      composers: watcher.composers().size,
      // Posts waiting for the user to scroll near them (or for a hidden tab to be shown) and none read yet: not a verdict.
      settled: settled && !(progress.pending > 0 && progress.examined === 0),
    };
  };
  // At most one report per 300 ms, however many posts arrive (a long feed brings hundreds in a second), and only when
  // the verdict may have changed: whether there are posts and composers, not how many (a virtualised feed changes that
  // on every scroll; the popup asks for the current figures itself).
  const maybeReport = () => {
    if (reportTimer !== undefined) return;
    reportTimer = setTimeout(() => {
      reportTimer = undefined;
      if (signal.aborted) return;
      const h = current();
      const json = JSON.stringify({ ...h, posts: h.posts > 0, composers: h.composers > 0 });
      if (json !== lastJson) {
        lastJson = json;
        report(h);
      }
    }, 300);
  };
  const restartSettle = () => {
    settled = false;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      settled = true;
      maybeReport();
    }, SETTLE_MS);
  };
  watcher.onPost(() => maybeReport(), signal);
  watcher.onComposer(() => maybeReport(), signal);
  signal.addEventListener('abort', () => {
    clearTimeout(settleTimer);
    clearTimeout(reportTimer);
  });
  restartSettle();
  maybeReport();
  return {
    current,
    /** After a single-page navigation the new page gets its own grace period. */
    navigated() {
      restartSettle();
      maybeReport();
    },
  };
}
