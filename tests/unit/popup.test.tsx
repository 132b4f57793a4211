import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BrandlineDB, setDb } from '@/lib/db';
import { saveStrategy } from '@/lib/db/repo';
import { demoStrategy } from '@/lib/strategy/demo';
import { emptyStrategy } from '@/lib/strategy/schema';
import type { Health } from '@/lib/messaging/protocol';
import { Popup } from '@/components/popup/Popup';
import { healthMessage } from '@/components/popup/PageHealth';
import { keyRules } from '@/components/popup/rules';

const demo = demoStrategy(new Date('2026-11-01T12:00:00Z'));
let n = 0;

const health = (h: Partial<Health>): Health => ({
  platform: 'x',
  variant: 'v1',
  url: 'https://x.com/home',
  expectsPosts: true,
  posts: 12,
  composers: 1,
  settled: true,
  ...h,
});

function activeTabAnswers(answer: () => Promise<unknown>) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ id: 7, active: true }]) as never);
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((() => answer()) as never);
}

beforeEach(() => {
  fakeBrowser.reset();
  setDb(new BrandlineDB(`popup-${n++}`));
  vi.spyOn(window, 'close').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  setDb(null);
});

describe('popup · strategy at a glance', () => {
  it('shows the brand, voice summary, key rules, pillars and channels from the database', async () => {
    await saveStrategy(demo);
    activeTabAnswers(() => Promise.reject(new Error('no receiver')));
    render(<Popup />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Fernhill Outdoor' })).toBeInTheDocument();
    expect(screen.getByText(demo.voice.summary)).toBeInTheDocument();

    const rules = within(screen.getByRole('region', { name: 'Voice' })).getAllByRole('listitem');
    expect(rules.length).toBeGreaterThanOrEqual(3);
    expect(rules.length).toBeLessThanOrEqual(5);
    expect(rules[0]).toHaveTextContent('Say “members”, not “customers”, “consumers”');
    expect(rules[1]).toHaveTextContent('Never “guaranteed”');
    expect(rules[1]).toHaveAttribute('title', 'We cannot promise outcomes outdoors.');
    expect(rules[2]).toHaveTextContent('Emoji sparingly (max 2) · up to 3 hashtags');

    const pillars = within(screen.getByRole('region', { name: 'Pillars' })).getAllByRole('listitem');
    expect(pillars.map((p) => p.textContent)).toEqual(['Trail Tips35%', 'Repair & Reuse25%', 'Community25%', 'Gear Drops15%']);

    const channels = within(screen.getByRole('region', { name: 'Channels' })).getAllByRole('listitem');
    expect(channels[0]).toHaveTextContent('X@fernhilloutdoor');
    expect(channels).toHaveLength(5);
  });

  it('updates live when the strategy changes', async () => {
    await saveStrategy(demo);
    activeTabAnswers(() => Promise.reject(new Error('no receiver')));
    render(<Popup />);
    await screen.findByText('Trail Tips');
    await saveStrategy({ ...demo, pillars: [{ ...demo.pillars[0], name: 'Trail Know-how' }] });
    expect(await screen.findByText('Trail Know-how')).toBeInTheDocument();
    expect(screen.queryByText('Repair & Reuse')).toBeNull();
  });

  it('links into the options page sections', async () => {
    await saveStrategy(demo);
    activeTabAnswers(() => Promise.reject(new Error('no receiver')));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    render(<Popup />);
    fireEvent.click(await screen.findByRole('link', { name: 'Voice guide' }));
    await waitFor(() => expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/options.html#voice' }));
    expect(window.close).toHaveBeenCalled();
  });

  it('offers to set up a strategy when there is none', async () => {
    activeTabAnswers(() => Promise.reject(new Error('no receiver')));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    render(<Popup />);
    const button = await screen.findByRole('button', { name: 'Set up your strategy' });
    expect(screen.queryByRole('region', { name: 'Pillars' })).toBeNull();
    fireEvent.click(button);
    await waitFor(() => expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/options.html#brand' }));
  });

  it('treats an emptied strategy as no strategy', async () => {
    await saveStrategy(emptyStrategy());
    activeTabAnswers(() => Promise.reject(new Error('no receiver')));
    render(<Popup />);
    expect(await screen.findByRole('button', { name: 'Set up your strategy' })).toBeInTheDocument();
  });
});

describe('popup · this page', () => {
  beforeEach(() => saveStrategy(demo));

  it('says plainly when the page layout is not recognised', async () => {
    const ask = activeTabAnswers(async () =>
      health({ platform: 'linkedin', variant: 'v2', url: 'https://www.linkedin.com/feed/', posts: 0, composers: 0 }),
    );
    render(<Popup />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "LinkedIn: this page's layout is not recognised — pillar tags and counts are off here (layout v2)",
    );
    expect(ask).toHaveBeenCalledWith(7, { type: 'getHealth' });
  });

  it('reports what was recognised on a healthy page', async () => {
    activeTabAnswers(async () => health({}));
    render(<Popup />);
    expect(await screen.findByText('X · 12 posts recognised · composer found')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the supported platforms when the tab has no Brandline content script', async () => {
    activeTabAnswers(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    render(<Popup />);
    expect(await screen.findByText(/^Brandline works on X, LinkedIn, .* — open one of them\.$/)).toBeInTheDocument();
  });

  it('does not trust a malformed answer', async () => {
    activeTabAnswers(async () => ({ platform: 'myspace', posts: -1 }));
    render(<Popup />);
    expect(await screen.findByText(/^Brandline works on/)).toBeInTheDocument();
  });

  it.each([
    [health({ settled: false, posts: 0 }), 'wait', 'X · 0 posts recognised · composer found · still loading'],
    [health({ expectsPosts: false, posts: 0, composers: 0 }), 'ok', 'X · no posts on this page · no composer open'],
    [health({ posts: 1, composers: 2 }), 'ok', 'X · 1 post recognised · 2 composers found'],
    [health({ platform: 'reddit', posts: 0, variant: '' }), 'warn', "Reddit: this page's layout is not recognised — pillar tags and counts are off here"],
  ])('health %# reads well', (h, tone, text) => {
    expect(healthMessage(h)).toEqual({ tone, text });
  });
});

describe('popup · key rules', () => {
  it('keeps 3 to 5 rules, preferred and banned terms first', () => {
    expect(keyRules(demo).map((r) => r.kind)).toEqual(['say', 'never', 'style', 'say', 'never']);
    const bare = { ...demo, voice: { ...demo.voice, preferredTerms: [], bannedTerms: [], disclosures: [] } };
    expect(keyRules(bare)).toEqual([{ kind: 'style', text: 'Emoji sparingly (max 2) · up to 3 hashtags' }]);
    const withDisclosure = { ...demo, voice: { ...demo.voice, preferredTerms: [demo.voice.preferredTerms[0]], bannedTerms: [] } };
    expect(keyRules(withDisclosure).map((r) => r.text)).toEqual([
      'Say “members”, not “customers”, “consumers”',
      'Emoji sparingly (max 2) · up to 3 hashtags',
      'Add “#ad” on Gear Drops posts',
    ]);
  });
});
