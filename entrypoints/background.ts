import { browser } from 'wxt/browser';
import { handleRequest } from '@/lib/messaging/handlers';
import { applyRetention, loadSettings, seedDemoIfEmpty } from '@/lib/db/repo';
import type { Broadcast, Health } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/strategy/schema';
import { instancePattern } from '@/lib/platforms/hosts';

/** The background owns the database, answers typed messages and keeps the toolbar badge. */
export default defineBackground(() => {
  const broadcast = async (message: Broadcast) => {
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map((t) => (t.id === undefined ? null : browser.tabs.sendMessage(t.id, message).catch(() => null))),
    );
  };
  // MV3 (Chrome) has `action`; the Firefox MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  const setHealth = async (tabId: number, h: Health) => {
    const unrecognised = h.settled && h.expectsPosts && h.posts === 0;
    await action.setBadgeText({ tabId, text: unrecognised ? '!' : '' });
    if (unrecognised) await action.setBadgeBackgroundColor({ tabId, color: '#b45309' });
    await action.setTitle({
      tabId,
      title: unrecognised ? 'Brandline: this page’s layout is not recognised' : 'Brandline',
    });
  };
  // Mastodon lives on any host: the content script is registered for the instances the user granted.
  const syncMastodon = async (settings: Settings) => {
    if (!browser.scripting?.registerContentScripts) return; // not in this browser: Mastodon pages stay untouched
    const patterns = settings.mastodonHosts.map(instancePattern).filter((p): p is string => !!p);
    const granted: string[] = [];
    for (const p of patterns) if (await browser.permissions.contains({ origins: [p] })) granted.push(p);
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: ['mastodon'] });
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: ['mastodon'] });
    if (granted.length)
      await browser.scripting.registerContentScripts([
        { id: 'mastodon', matches: granted, js: ['content-scripts/social.js'], runAt: 'document_idle', persistAcrossSessions: true },
      ]);
  };
  const deps = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    broadcast,
    setHealth,
    settingsChanged: (s: Settings) => syncMastodon(s).catch((e) => console.warn('[Brandline] Mastodon:', e)),
  };

  // Must return a native Promise (Dexie's would be ignored by Chromium): handleRequest is async.
  browser.runtime.onMessage.addListener((message, sender) => handleRequest(message, sender, deps));

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason !== 'install') return;
    const seeded = await seedDemoIfEmpty();
    const url = (browser.runtime.getURL as (path: string) => string)('/options.html');
    await browser.tabs.create({ url: url + (seeded ? '?welcome=1' : '') });
  });

  // Retention: once per start of the worker (it starts at least daily while Brandline is used).
  void loadSettings().then(async (s) => {
    await applyRetention(s.retentionDays);
    await deps.settingsChanged(s);
  });
});
