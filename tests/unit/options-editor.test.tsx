import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { BrandlineDB, setDb } from '@/lib/db';
import { loadStrategy, saveStrategy } from '@/lib/db/repo';
import { demoStrategy } from '@/lib/strategy/demo';
import { emptyStrategy, type Strategy } from '@/lib/strategy/schema';
import { send } from '@/lib/messaging/send';
import { OptionsApp } from '@/components/options/OptionsApp';
import { DRAFT_KEY, coerceDraft } from '@/components/options/editor/draftStore';
import { reconcile } from '@/components/options/editor/reconcile';
import { fillReply } from '@/components/options/sections/RepliesSection';
import { formatMinutes } from '@/components/ui/format';

vi.mock('@/lib/messaging/send', () => ({ send: vi.fn(async () => ({ ok: true })) }));

const demo = demoStrategy(new Date('2026-11-01T12:00:00Z'));
let n = 0;

beforeEach(async () => {
  vi.mocked(send).mockClear();
  localStorage.clear();
  setDb(new BrandlineDB(`options-editor-${n++}`));
  await saveStrategy(demo);
  history.replaceState(null, '', '/options.html#pillars');
});
afterEach(() => {
  cleanup();
  setDb(null);
});

async function open(section: string, title: string, search = '') {
  history.replaceState(null, '', `/options.html${search}#${section}`);
  const view = render(<OptionsApp />);
  await screen.findByRole('heading', { level: 1, name: title });
  return view;
}

describe('reconcile', () => {
  it('keeps the saved version of an invalid item and takes the valid ones', () => {
    const draft: Strategy = structuredClone(demo);
    draft.pillars[0].color = 'green';
    draft.pillars[1].name = 'Mending';
    draft.voice.emoji = { policy: 'sparingly', max: 99 };
    draft.goals.push({ ...draft.goals[0], id: 'new', objective: '' });
    const r = reconcile(draft, demo);
    expect(r.next.pillars[0].color).toBe('#2f7d4f');
    expect(r.next.pillars[1].name).toBe('Mending');
    expect(r.next.voice.emoji).toEqual(demo.voice.emoji);
    expect(r.next.goals).toEqual(demo.goals); // a new invalid item is not stored yet
    expect(r.errors).toEqual({
      'pillars:pl-tips': { color: 'must be a colour like #1a7f5a' },
      'voice.emoji': { max: 'must be 50 or less' },
      'goals:new': { objective: 'say what the goal is' },
    });
  });
  it('rephrases zod’s generic messages for people', () => {
    const draft: Strategy = structuredClone(demo);
    draft.pillars[0].targetShare = Number.NaN;
    draft.channels[0].responseTargetMinutes = 1.5;
    expect(reconcile(draft, demo).errors).toEqual({
      'pillars:pl-tips': { targetShare: 'enter a number' },
      'channels:ch-x': { responseTargetMinutes: 'must be a whole number' },
    });
  });
  it('gives a damaged stored draft a shape the page can render', () => {
    const d = coerceDraft({ pillars: [{ id: 'a', name: 'A' }, 'junk', { noId: true }], voice: { emoji: null } })!;
    expect(d.pillars).toEqual([{ id: 'a', name: 'A', keywords: [] }]);
    expect(d.voice.emoji).toEqual(emptyStrategy().voice.emoji);
    expect(d.calendar).toEqual([]);
    expect(coerceDraft('nope')).toBeNull();
  });
});

describe('options · unsaved drafts', () => {
  it('restores an unfinished edit after the tab was closed, with a notice', async () => {
    const first = await open('pillars', 'Content pillars');
    fireEvent.input(screen.getAllByLabelText('Colour')[0], { target: { value: '#12' } });
    first.unmount();

    await open('pillars', 'Content pillars');
    expect(screen.getByText('We restored changes you hadn’t finished')).toBeInTheDocument();
    const colour = screen.getAllByLabelText('Colour')[0];
    expect(colour).toHaveValue('#12');
    expect(colour).toHaveAccessibleDescription(/must be a colour/i);
    expect((await loadStrategy()).pillars[0].color).toBe('#2f7d4f');

    fireEvent.click(screen.getByRole('button', { name: 'Discard unfinished changes' }));
    expect(screen.getAllByLabelText('Colour')[0]).toHaveValue('#2f7d4f');
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('saves a valid edit that had no time to be saved before the tab closed', async () => {
    const first = await open('brand', 'Brand & channels');
    fireEvent.input(screen.getByLabelText('Brand name'), { target: { value: 'Fernhill Co-op' } });
    first.unmount(); // before the save delay ran out
    expect((await loadStrategy()).brand.name).toBe('Fernhill Outdoor');

    await open('brand', 'Brand & channels');
    await waitFor(async () => expect((await loadStrategy()).brand.name).toBe('Fernhill Co-op'));
    expect(screen.getByText('They are saved now.')).toBeInTheDocument();
  });

  it('asks before restoring a draft when the strategy changed since', async () => {
    const first = await open('pillars', 'Content pillars');
    fireEvent.input(screen.getAllByLabelText('Name')[0], { target: { value: '' } });
    first.unmount();
    await saveStrategy({ ...demo, brand: { ...demo.brand, name: 'Changed elsewhere' } });

    await open('pillars', 'Content pillars');
    expect(screen.getByRole('alert')).toHaveTextContent('The strategy has changed since then');
    expect(screen.getAllByLabelText('Name')[0]).toHaveValue('Trail Tips');
    fireEvent.click(screen.getByRole('button', { name: 'Restore my changes' }));
    expect(screen.getAllByLabelText('Name')[0]).toHaveValue('');
    expect(screen.getByText('Give the pillar a name')).toBeInTheDocument();
  });
});

describe('options · welcome and start from empty', () => {
  it('shows the welcome banner on first run; Start from empty asks, empties, and can be undone', async () => {
    await open('pillars', 'Content pillars', '?welcome=1');
    expect(
      screen.getByText(
        'We loaded a demo strategy for Fernhill Outdoor, an invented outdoor co-op, so you can see Brandline at work. Explore it, or start from empty.',
      ),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Start from empty' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Start from an empty strategy?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await loadStrategy()).toEqual(demo);

    fireEvent.click(screen.getByRole('button', { name: 'Start from empty' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Start from empty' }));
    await waitFor(async () => expect(await loadStrategy()).toEqual(emptyStrategy()));
    expect(await screen.findByText('No pillars yet')).toBeInTheDocument();
    expect(screen.queryByText(/We loaded a demo strategy/)).toBeNull();
    expect(location.search).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await loadStrategy()).toEqual(demo));
    expect(await screen.findByDisplayValue('Trail Tips')).toBeInTheDocument();
  });

  it('the banner can be dismissed', async () => {
    await open('pillars', 'Content pillars', '?welcome=1');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss welcome message' }));
    expect(screen.queryByText(/We loaded a demo strategy/)).toBeNull();
    expect(await loadStrategy()).toEqual(demo);
  });
});

describe('options · navigation', () => {
  it('opens the section named in the URL hash and follows hash changes', async () => {
    await open('voice', 'Voice guide');
    expect(screen.getByRole('link', { name: /Voice guide/ })).toHaveAttribute('aria-current', 'page');
    fireEvent.click(screen.getByRole('link', { name: /Saved replies/ }));
    await screen.findByRole('heading', { level: 1, name: 'Saved replies' });
    expect(screen.getByRole('link', { name: /Saved replies/ })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: /Reports/ })).toHaveAttribute('href', '#reports');
  });

  it('flags sections that have fields needing attention', async () => {
    await open('pillars', 'Content pillars');
    expect(screen.queryByText('(needs attention)')).toBeNull();
    fireEvent.input(screen.getAllByLabelText('Colour')[0], { target: { value: 'x' } });
    expect(within(screen.getByRole('link', { name: /Pillars/ })).getByText('(needs attention)')).toBeInTheDocument();
  });
});

describe('options · brand, goals, audiences', () => {
  it('edits channels: handle, reply target shown in hours, Mastodon server', async () => {
    await open('brand', 'Brand & channels');
    expect(screen.getAllByLabelText('Reply within')[0]).toHaveAccessibleDescription('1 h');
    expect(screen.getAllByLabelText('Reply within')[1]).toHaveAccessibleDescription('4 h');
    fireEvent.input(screen.getAllByLabelText('Reply within')[0], { target: { value: '30' } });
    expect(screen.getAllByLabelText('Reply within')[0]).toHaveAccessibleDescription('30 min');

    expect(screen.queryByLabelText('Mastodon server')).toBeNull();
    fireEvent.change(screen.getAllByLabelText('Platform')[0], { target: { value: 'mastodon' } });
    fireEvent.input(screen.getByLabelText('Mastodon server'), { target: { value: 'mastodon.social' } });
    fireEvent.input(screen.getAllByLabelText('Handle')[0], { target: { value: '@fernhill' } });
    await waitFor(async () =>
      expect((await loadStrategy()).channels[0]).toEqual({
        id: 'ch-x',
        platform: 'mastodon',
        handle: 'fernhill',
        instanceHost: 'mastodon.social',
        responseTargetMinutes: 30,
      }),
    );
  });

  it('an empty handle is explained and not saved', async () => {
    await open('brand', 'Brand & channels');
    fireEvent.input(screen.getAllByLabelText('Handle')[0], { target: { value: '' } });
    expect(screen.getAllByLabelText('Handle')[0]).toHaveAccessibleDescription('Enter the handle');
    fireEvent.input(screen.getByLabelText('Brand name'), { target: { value: 'Fernhill 2' } });
    await waitFor(async () => expect((await loadStrategy()).brand.name).toBe('Fernhill 2'));
    expect((await loadStrategy()).channels[0].handle).toBe('fernhilloutdoor');
  });

  it('shows days left for each goal and saves goal edits', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 1, 9));
    try {
      await saveStrategy({ ...demo, goals: [{ ...demo.goals[0], deadline: '2026-11-11' }, { ...demo.goals[1], deadline: '2026-10-30' }] });
      await open('goals', 'Goals');
      expect(screen.getByText('10 days left')).toBeInTheDocument();
      expect(screen.getByText('2 days overdue')).toBeInTheDocument();
      fireEvent.input(screen.getAllByLabelText('Target')[0], { target: { value: '5.5' } });
      fireEvent.change(screen.getAllByLabelText('Platform')[0], { target: { value: 'linkedin' } });
      await waitFor(async () => expect((await loadStrategy()).goals[0]).toMatchObject({ target: 5.5, platform: 'linkedin' }));
      fireEvent.input(screen.getAllByLabelText('Target')[0], { target: { value: 'lots' } });
      expect(screen.getAllByLabelText('Target')[0]).toHaveAccessibleDescription('Enter a number');
    } finally {
      vi.useRealTimers();
    }
  });

  it('adds a persona with interests and pain points', async () => {
    await open('audiences', 'Audiences');
    fireEvent.click(screen.getByRole('button', { name: 'Add persona' }));
    const name = screen.getAllByLabelText('Name')[2];
    fireEvent.input(name, { target: { value: 'Parent hiker' } });
    const interests = screen.getAllByLabelText('Interests')[2];
    fireEvent.input(interests, { target: { value: 'family trails,' } });
    fireEvent.input(interests, { target: { value: 'snacks' } });
    fireEvent.blur(interests);
    await waitFor(async () =>
      expect((await loadStrategy()).personas[2]).toMatchObject({ name: 'Parent hiker', interests: ['family trails', 'snacks'] }),
    );
  });
});

describe('options · voice guide', () => {
  it('edits preferred terms as “Say X, not Y, Z”', async () => {
    await open('voice', 'Voice guide');
    expect(screen.getByText('Say members, not customers, consumers')).toBeInTheDocument();
    const say = screen.getAllByLabelText('Say')[0];
    fireEvent.input(say, { target: { value: 'co-op members' } });
    expect(screen.getByText('Say co-op members, not customers, consumers')).toBeInTheDocument();
    await waitFor(async () => expect((await loadStrategy()).voice.preferredTerms[0].use).toBe('co-op members'));
  });

  it('checks numeric limits and the reading level switch', async () => {
    await open('voice', 'Voice guide');
    fireEvent.input(screen.getByLabelText('Most emoji per post'), { target: { value: '99' } });
    expect(screen.getByLabelText('Most emoji per post')).toHaveAccessibleDescription('Must be 50 or less');
    fireEvent.click(screen.getByRole('switch', { name: 'Check reading level' }));
    expect(screen.getByLabelText('Reading level')).toBeDisabled();
    await waitFor(async () => expect((await loadStrategy()).voice.readingGrade).toBeNull());
    expect((await loadStrategy()).voice.emoji.max).toBe(2);
  });

  it('ties a disclosure to pillars with a multi-select', async () => {
    await open('voice', 'Voice guide');
    const disclosure = screen.getByDisplayValue('#ad').closest('.item') as HTMLElement;
    expect(disclosure).toHaveTextContent('Required on Gear Drops posts and posts mentioning “giveaway”');
    fireEvent.click(within(disclosure).getByRole('checkbox', { name: 'Trail Tips' }));
    await waitFor(async () => expect((await loadStrategy()).voice.disclosures[0].pillarIds).toEqual(['pl-gear', 'pl-tips']));
  });

  it('deletes a banned term with Undo', async () => {
    await open('voice', 'Voice guide');
    fireEvent.click(screen.getByRole('button', { name: 'Delete banned term extreme' }));
    await waitFor(async () => expect((await loadStrategy()).voice.bannedTerms.map((t) => t.term)).not.toContain('extreme'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await loadStrategy()).voice.bannedTerms).toEqual(demo.voice.bannedTerms));
  });
});

describe('options · saved replies', () => {
  it('fills variables in the preview', () => {
    expect(fillReply('Hi {name} from {brand} {unknown}', { name: 'Sam', brand: 'Fernhill' })).toEqual([
      { text: 'Hi ', variable: false },
      { text: 'Sam', variable: true },
      { text: ' from ', variable: false },
      { text: 'Fernhill', variable: true },
      { text: ' {unknown}', variable: false },
    ]);
  });

  it('inserts a variable chip at the cursor and previews with sample values', async () => {
    await open('replies', 'Saved replies');
    const body = screen.getAllByLabelText('Reply')[0] as HTMLTextAreaElement;
    expect(screen.getAllByTestId('reply-preview')[0]).toHaveTextContent(
      'Thank you, Sam! That made the whole team smile. See you on the trail. — Fernhill Outdoor',
    );
    fireEvent.input(body, { target: { value: 'Hello , welcome!' } });
    body.setSelectionRange(6, 6);
    fireEvent.click(within(screen.getAllByRole('group', { name: 'Insert a variable' })[0]).getByRole('button', { name: '{handle}' }));
    expect(body).toHaveValue('Hello {handle}, welcome!');
    expect(screen.getAllByTestId('reply-preview')[0]).toHaveTextContent('Hello sam_outdoors, welcome!');
    await waitFor(async () => expect((await loadStrategy()).savedReplies[0].body).toBe('Hello {handle}, welcome!'));
  });
});

describe('format', () => {
  it.each([
    [30, '30 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
    [1440, '1 day'],
    [3000, '2 days 2 h'],
  ])('%i minutes read “%s”', (m, text) => expect(formatMinutes(m)).toBe(text));
});
