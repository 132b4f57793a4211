/**
 * The content script's body: pick the adapter for this page, fetch the strategy, start one watcher and
 * the features, report health, and tear everything down when WXT's context is invalidated.
 */
import { browser } from 'wxt/browser';
import type { Adapter } from '../platforms/types';
import type { Broadcast, Context } from '../messaging/protocol';
import { send } from '../messaging/send';
import { createStore } from './store';
import { createPageTags } from './tags';
import { createPageWatcher } from './watcher';
import { createHealth } from './health';
import { runFeatures } from '../features/runner';
import { FEATURES } from '../features';

export interface StartOptions {
  adapters: Adapter[];
  signal: AbortSignal;
  /** Called on single-page navigations (WXT's wxt:locationchange). */
  onNavigate(fn: () => void): void;
}

export async function startBrandline({ adapters, signal, onNavigate }: StartOptions) {
  const url = new URL(location.href);
  const adapter = adapters.find((a) => {
    try {
      return a.matches(url, document);
    } catch {
      return false;
    }
  });
  if (!adapter) return null;

  let context: Context;
  try {
    context = await send({ type: 'getContext' });
  } catch (e) {
    console.warn('[Brandline] could not load the strategy:', e);
    return null;
  }
  const store = createStore(context);
  const watcher = createPageWatcher(document, adapter, signal);
  const broadcastFns = new Set<(m: Broadcast) => void>();

  const health = createHealth(
    adapter,
    document,
    watcher,
    (h) => void send({ type: 'health', health: h }).catch(() => {}),
    signal,
  );

  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || typeof message !== 'object' || message === null) return undefined;
    const m = message as { type?: unknown };
    if (m.type === 'getHealth') return Promise.resolve(health.current());
    if (m.type === 'contextChanged') {
      const c = message as Broadcast & { type: 'contextChanged' };
      if (c.strategy && c.settings) store.set({ strategy: c.strategy, settings: c.settings });
    }
    if (m.type === 'contextChanged' || m.type === 'tagChanged' || m.type === 'tagsReset')
      for (const fn of broadcastFns) fn(message as Broadcast);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });

  const onBroadcast = (fn: (m: Broadcast) => void) => void broadcastFns.add(fn);
  runFeatures(
    FEATURES,
    {
      adapter,
      doc: document,
      context: store,
      watcher,
      send,
      onBroadcast,
      tags: createPageTags(send, onBroadcast, signal, { platform: adapter.platform }),
    },
    signal,
  );

  onNavigate(() => {
    watcher.rescan();
    health.navigated();
  });
  return { adapter, watcher, store };
}
