/** "This page": asks the active tab's content script what it recognised, and says so plainly. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HealthSchema, type Health } from '@/lib/messaging/protocol';
import { PLATFORMS, PLATFORM_LABELS } from '@/lib/strategy/schema';
import { Icon } from '@/components/ui/Icon';
import { listJoin } from '@/components/ui/format';

type State = { kind: 'loading' } | { kind: 'absent' } | { kind: 'ok'; health: Health };

export const SUPPORTED_SENTENCE = `Brandline works on ${listJoin(PLATFORMS.map((p) => PLATFORM_LABELS[p]))} — open one of them.`;

export function healthMessage(h: Health): { tone: 'ok' | 'warn' | 'wait'; text: string } {
  const label = PLATFORM_LABELS[h.platform];
  if (h.settled && h.expectsPosts && h.posts === 0)
    return {
      tone: 'warn',
      text: `${label}: this page's layout is not recognised — pillar tags and counts are off here${h.variant ? ` (layout ${h.variant})` : ''}`,
    };
  const parts = [label];
  if (h.expectsPosts || h.posts > 0) parts.push(`${h.posts} ${h.posts === 1 ? 'post' : 'posts'} recognised`);
  else parts.push('no posts on this page');
  parts.push(h.composers > 0 ? (h.composers === 1 ? 'composer found' : `${h.composers} composers found`) : 'no composer open');
  if (!h.settled) parts.push('still loading');
  return { tone: h.settled ? 'ok' : 'wait', text: parts.join(' · ') };
}

async function askActiveTab(): Promise<Health | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  const answer = await browser.tabs.sendMessage(tab.id, { type: 'getHealth' });
  const parsed = HealthSchema.safeParse(answer);
  return parsed.success ? parsed.data : null;
}

export function PageHealth() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    askActiveTab()
      .then((h) => live && setState(h ? { kind: 'ok', health: h } : { kind: 'absent' }))
      .catch(() => live && setState({ kind: 'absent' }));
    return () => {
      live = false;
    };
  }, []);
  let body;
  if (state.kind === 'loading') body = <p class="health__text muted">Checking this page…</p>;
  else if (state.kind === 'absent')
    body = (
      <p class="health__text muted" data-tone="none">
        {SUPPORTED_SENTENCE}
      </p>
    );
  else {
    const m = healthMessage(state.health);
    body = (
      <p class={`health__text health__text--${m.tone}`} role={m.tone === 'warn' ? 'alert' : undefined}>
        <Icon name={m.tone === 'warn' ? 'alert' : m.tone === 'ok' ? 'check' : 'clock'} />
        <span>{m.text}</span>
      </p>
    );
  }
  return (
    <section class="pop-card health" aria-labelledby="health-title">
      <h2 class="pop-card__title" id="health-title">
        This page
      </h2>
      {body}
    </section>
  );
}
