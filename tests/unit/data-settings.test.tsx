import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BrandlineDB, getDb, setDb } from '@/lib/db';
import { loadSettings, saveSettings } from '@/lib/db/repo';
import { defaultSettings, type Post, type Snapshot, type Tag } from '@/lib/strategy/schema';
import { send } from '@/lib/messaging/send';
import { ToastProvider } from '@/components/ui/Toast';
import { DataSettings } from '@/components/settings/DataSettings';

vi.mock('@/lib/messaging/send', () => ({ send: vi.fn(async () => ({ ok: true })) }));

const DAY = 86_400_000;
const NOW = Date.now();
let n = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.mocked(send).mockClear();
  setDb(new BrandlineDB(`data-settings-${n++}`));
  await saveSettings(defaultSettings());
});
afterEach(() => {
  cleanup();
  setDb(null);
});

const ui = () =>
  render(
    <ToastProvider>
      <DataSettings />
    </ToastProvider>,
  );
const settled = () => waitFor(() => expect(send).toHaveBeenCalledWith({ type: 'settingsUpdated' }));

function post(id: string, over: Partial<Post> = {}): Post {
  return {
    key: `x:${id}`,
    platform: 'x',
    postId: id,
    permalink: `https://x.com/fernhilloutdoor/status/${id}`,
    authorHandle: 'fernhilloutdoor',
    authorName: 'Fernhill Outdoor',
    text: `post ${id}`,
    publishedAt: NOW - DAY,
    kind: 'post',
    own: true,
    firstSeen: NOW - DAY,
    lastSeen: NOW - 1000,
    ...over,
  };
}

describe('DataSettings · capture', () => {
  it('saves the capture scope and tells the background', async () => {
    ui();
    const own = await screen.findByRole('radio', { name: /Own and tagged posts/ });
    expect(own).toBeChecked(); // the default
    fireEvent.click(screen.getByRole('radio', { name: /All visible posts/ }));
    await waitFor(async () => expect((await loadSettings()).captureScope).toBe('all'));
    await settled();
    await waitFor(() => expect(screen.getByRole('radio', { name: /All visible posts/ })).toBeChecked());
    // each choice says what is stored
    expect(screen.getByRole('radio', { name: /Own posts only/ }).closest('label')).toHaveTextContent(/Nothing about anyone else’s posts is kept/);
  });

  it('switches an in-page feature off and keeps the others', async () => {
    ui();
    const draft = await screen.findByRole('switch', { name: 'Draft check' });
    expect(draft).toBeChecked();
    fireEvent.click(draft);
    await waitFor(async () =>
      expect((await loadSettings()).features).toEqual({ pillarTags: true, capture: true, draftCheck: false, voicePanel: true }),
    );
    await settled();
  });
});

describe('DataSettings · retention', () => {
  it('applies a shorter retention at once and reports how many snapshots were deleted', async () => {
    const at = (days: number): Snapshot => ({ key: 'x:1', at: NOW - days * DAY, counts: { likes: days } });
    await getDb().snapshots.bulkAdd([at(1), at(10), at(60), at(100), at(200), at(400)]);
    ui();
    const select = await screen.findByRole('combobox', { name: 'Keep snapshots for' });
    expect(select).toHaveValue('365');
    // the choice says what it would delete before it is made
    await waitFor(() => expect(within(select).getByRole('option', { name: /90 days — deletes 3 now/ })).toBeInTheDocument());

    fireEvent.change(select, { target: { value: '90' } });
    await waitFor(() => expect(screen.getByTestId('retention-status')).toHaveTextContent('Deleted 3 snapshots older than that'));
    expect((await loadSettings()).retentionDays).toBe(90);
    expect((await getDb().snapshots.toArray()).map((s) => s.counts.likes).sort((a, b) => a! - b!)).toEqual([1, 10, 60]);
    expect(send).toHaveBeenCalledWith({ type: 'settingsUpdated' });

    fireEvent.change(select, { target: { value: '3650' } });
    await waitFor(() => expect(screen.getByTestId('retention-status')).toHaveTextContent('nothing was deleted'));
    expect((await loadSettings()).retentionDays).toBe(3650);
    expect(await getDb().snapshots.count()).toBe(3);
  });
});

describe('DataSettings · delete collected data', () => {
  const posts = [post('1'), post('2'), post('3', { own: false, authorHandle: 'rival' })];
  const tags: Tag[] = [
    { key: 'x:1', pillarId: 'pl-tips', taggedAt: NOW - 5000, source: 'manual' },
    { key: 'x:3', pillarId: 'pl-gear', taggedAt: NOW - 4000, source: 'suggestion' },
  ];
  const snaps: Snapshot[] = [
    { key: 'x:1', at: NOW - 9000, counts: { likes: 1 } },
    { key: 'x:1', at: NOW - 8000, counts: { likes: 2, views: 40 } },
    { key: 'x:2', at: NOW - 7000, counts: { replies: 3 } },
    { key: 'x:3', at: NOW - 6000, counts: { reposts: 4 } },
  ];
  const dump = async () => {
    const db = getDb();
    return { posts: await db.posts.toArray(), tags: await db.tags.toArray(), snapshots: await db.snapshots.toArray() };
  };

  it('asks with the counts, deletes posts, tags and snapshots (not the settings), and Undo restores exactly', async () => {
    const db = getDb();
    await db.posts.bulkPut(posts);
    await db.tags.bulkPut(tags);
    await db.snapshots.bulkAdd(snaps);
    await saveSettings({ ...defaultSettings(), captureScope: 'all' });
    const before = await dump();
    ui();
    await waitFor(() => expect(screen.getByTestId('count-snapshots')).toHaveTextContent('4'));

    // Cancel changes nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Delete all collected data…' }));
    let dialog = screen.getByRole('alertdialog', { name: 'Delete all collected data?' });
    expect(dialog).toHaveTextContent('3 posts, 2 pillar tags and 4 snapshots');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await dump()).toEqual(before);

    fireEvent.click(screen.getByRole('button', { name: 'Delete all collected data…' }));
    dialog = screen.getByRole('alertdialog', { name: 'Delete all collected data?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete collected data' }));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    expect(await dump()).toEqual({ posts: [], tags: [], snapshots: [] });
    expect((await loadSettings()).captureScope).toBe('all');
    expect(screen.getByText('Deleted 3 posts, 2 pillar tags and 4 snapshots.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('count-posts')).toHaveTextContent('0'));

    fireEvent.click(undo);
    await waitFor(async () => expect(await dump()).toEqual(before));
    await waitFor(() => expect(screen.getByTestId('count-posts')).toHaveTextContent('3'));
    expect(screen.getByText('Restored 3 posts, 2 pillar tags and 4 snapshots.')).toBeInTheDocument();
  });

  it('Undo keeps what was collected after the deletion', async () => {
    const db = getDb();
    await db.posts.bulkPut(posts);
    await db.tags.bulkPut(tags);
    await db.snapshots.bulkAdd(snaps);
    ui();
    await waitFor(() => expect(screen.getByTestId('count-posts')).toHaveTextContent('3'));
    fireEvent.click(screen.getByRole('button', { name: 'Delete all collected data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete collected data' }));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    // Meanwhile the feed shows post 1 again and the user re-tags post 3.
    await db.posts.put({ ...posts[0], firstSeen: NOW, lastSeen: NOW + 1 });
    await db.tags.put({ key: 'x:3', pillarId: 'pl-community', taggedAt: NOW, source: 'manual' });
    await db.snapshots.add({ key: 'x:1', at: NOW, counts: { likes: 9 } });
    fireEvent.click(undo);
    await waitFor(async () => expect(await db.snapshots.count()).toBe(5));
    expect(await db.posts.get('x:1')).toEqual({ ...posts[0], lastSeen: NOW + 1 });
    expect((await db.tags.get('x:3'))?.pillarId).toBe('pl-community');
    expect((await db.tags.get('x:1'))?.pillarId).toBe('pl-tips');
  });
});

describe('DataSettings · Mastodon instances', () => {
  const input = () => screen.getByRole('textbox', { name: 'Instance address' });
  const addHost = (value: string) => {
    fireEvent.input(input(), { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: 'Add instance' }));
  };

  it('explains bad input and asks the browser for nothing', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    ui();
    await screen.findByRole('textbox', { name: 'Instance address' });
    addHost('not a host!');
    expect(input()).toHaveAccessibleDescription(/“not a host!” is not an instance address\. Enter its host name only, like mastodon\.social/);
    expect(input()).toHaveAttribute('aria-invalid', 'true');
    addHost('');
    expect(input()).toHaveAccessibleDescription(/Enter the address of a Mastodon instance/);
    addHost('https://x.com/home');
    expect(input()).toHaveAccessibleDescription(/x\.com is not a Mastodon instance: Brandline already runs there/);
    expect(request).not.toHaveBeenCalled();
    expect((await loadSettings()).mastodonHosts).toEqual([]);
  });

  it('reports a declined permission and does not store the instance', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    ui();
    await screen.findByRole('textbox', { name: 'Instance address' });
    addHost('  Mastodon.Social ');
    expect(request).toHaveBeenCalledWith({ origins: ['https://mastodon.social/*'] });
    await waitFor(() => expect(screen.getByTestId('mastodon-status')).toHaveTextContent('You declined access to mastodon.social, so it was not added.'));
    expect((await loadSettings()).mastodonHosts).toEqual([]);
    expect(send).not.toHaveBeenCalled();
    expect(screen.queryByRole('list', { name: 'Mastodon instances' })).toBeNull();
  });

  it('stores a granted instance, lists it, and removes it with its permission', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true as never);
    ui();
    await screen.findByRole('textbox', { name: 'Instance address' });
    addHost('https://fosstodon.org/@someone');
    await waitFor(async () => expect((await loadSettings()).mastodonHosts).toEqual(['fosstodon.org']));
    await settled();
    const list = await screen.findByRole('list', { name: 'Mastodon instances' });
    expect(within(list).getByText('fosstodon.org')).toBeInTheDocument();
    expect(screen.getByTestId('mastodon-status')).toHaveTextContent('Added fosstodon.org');
    expect(input()).toHaveValue('');

    vi.mocked(send).mockClear();
    fireEvent.click(within(list).getByRole('button', { name: 'Remove fosstodon.org' }));
    await waitFor(async () => expect((await loadSettings()).mastodonHosts).toEqual([]));
    expect(remove).toHaveBeenCalledWith({ origins: ['https://fosstodon.org/*'] });
    await settled();
  });
});
