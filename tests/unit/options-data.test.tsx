import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { BrandlineDB, setDb, getDb } from '@/lib/db';
import { loadSettings, loadStrategy, saveStrategy, upsertPosts } from '@/lib/db/repo';
import { demoStrategy } from '@/lib/strategy/demo';
import { buildExport } from '@/lib/strategy/transfer';
import { StrategySchema, defaultSettings } from '@/lib/strategy/schema';
import { send } from '@/lib/messaging/send';
import { OptionsApp } from '@/components/options/OptionsApp';
import { exportFileName } from '@/components/options/sections/DataSection';

vi.mock('@/lib/messaging/send', () => ({ send: vi.fn(async () => ({ ok: true })) }));

const demo = demoStrategy(new Date('2026-11-01T12:00:00Z'));
let n = 0;

beforeEach(async () => {
  vi.mocked(send).mockClear();
  localStorage.clear();
  setDb(new BrandlineDB(`options-data-${n++}`));
  await saveStrategy(demo);
  history.replaceState(null, '', '/options.html#data');
});
afterEach(() => {
  cleanup();
  setDb(null);
});

async function openData() {
  render(<OptionsApp />);
  await screen.findByRole('heading', { level: 1, name: 'Data & import/export' });
}

function choose(text: string, name = 'brandline-export-2026-11-01.json') {
  const input = screen.getByLabelText('Import a Brandline export file');
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
}

const northwind = StrategySchema.parse({
  brand: { name: 'Northwind Coffee', description: 'Roasters.' },
  pillars: [
    { id: 'a', name: 'Origins', color: '#6b4226', targetShare: 60 },
    { id: 'b', name: 'Brewing', color: '#2d6a4f', targetShare: 40 },
  ],
  savedReplies: [{ id: 'r', title: 'Thanks', body: 'Thanks {name}!' }],
});

describe('options · import', () => {
  it('shows the field and the reason of a broken file, and changes nothing', async () => {
    await openData();
    const bad = structuredClone(buildExport(northwind));
    (bad.strategy.pillars[1] as { color: string }).color = 'brown';
    choose(JSON.stringify(bad));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('can’t be imported. Nothing was changed.');
    expect(within(alert).getByText('strategy.pillars[1].color')).toBeInTheDocument();
    expect(within(alert).getByText('must be a colour like #1a7f5a')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Replace current strategy' })).toBeNull();
    expect(await loadStrategy()).toEqual(demo);
  });

  it('says plainly when the file is not JSON at all', async () => {
    await openData();
    choose('{ this is not json');
    expect(await screen.findByRole('alert')).toHaveTextContent('This is not a JSON file');
    expect(await loadStrategy()).toEqual(demo);
  });

  it('summarises a valid file, and replaces the strategy only after confirming', async () => {
    await openData();
    choose(JSON.stringify(buildExport(northwind, { ...defaultSettings(), retentionDays: 30 })));

    const summary = await screen.findByRole('region', { name: 'Import summary' });
    expect(summary).toHaveTextContent('Northwind Coffee');
    expect(within(summary).getByText('2 pillars')).toBeInTheDocument();
    expect(within(summary).getByText('1 saved reply')).toBeInTheDocument();
    expect(within(summary).getByText('0 calendar entries')).toBeInTheDocument();
    expect(await loadStrategy()).toEqual(demo); // not yet

    fireEvent.click(within(summary).getByRole('button', { name: 'Replace current strategy' }));
    await waitFor(async () => expect(await loadStrategy()).toEqual(northwind));
    expect((await loadSettings()).retentionDays).toBe(30);
    expect(await screen.findByText(/Imported “Northwind Coffee”/)).toBeInTheDocument();
    expect(send).toHaveBeenCalledWith({ type: 'strategyUpdated' });
    expect(send).toHaveBeenCalledWith({ type: 'settingsUpdated' });

    // The page now shows the imported strategy (and does not write the old one back).
    fireEvent.click(screen.getByRole('link', { name: /Pillars/ }));
    await screen.findByRole('heading', { level: 1, name: 'Content pillars' });
    expect((screen.getAllByLabelText('Name') as HTMLInputElement[]).map((i) => i.value)).toEqual(['Origins', 'Brewing']);
    expect(await loadStrategy()).toEqual(northwind);
  });

  it('mentions when a version-1 file was upgraded', async () => {
    await openData();
    choose(
      JSON.stringify({
        format: 'brandline',
        version: 1,
        strategy: {
          brand: { name: 'Legacy Co' },
          pillars: [{ id: 'a', name: 'Stories', color: '#000000', target: 1 }],
          voice: { bannedWords: ['cheap'] },
        },
      }),
    );
    const summary = await screen.findByRole('region', { name: 'Import summary' });
    expect(summary).toHaveTextContent('older Brandline (format 1)');
    fireEvent.click(within(summary).getByRole('button', { name: 'Replace current strategy' }));
    await waitFor(async () => expect((await loadStrategy()).brand.name).toBe('Legacy Co'));
    const stored = await loadStrategy();
    expect(stored.pillars[0].targetShare).toBe(100);
    expect(stored.voice.bannedTerms.map((t) => t.term)).toEqual(['cheap']);
    expect(await screen.findByText(/Imported “Legacy Co”.*was upgraded/)).toBeInTheDocument();
  });

  it('cancelling the summary leaves the strategy alone', async () => {
    await openData();
    choose(JSON.stringify(buildExport(northwind)));
    const summary = await screen.findByRole('region', { name: 'Import summary' });
    fireEvent.click(within(summary).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Import summary' })).toBeNull();
    expect(await loadStrategy()).toEqual(demo);
  });
});

describe('options · export', () => {
  it('names the file by date', () => {
    expect(exportFileName(new Date(2026, 0, 5))).toBe('brandline-export-2026-01-05.json');
  });

  it.each([
    ['Export strategy (JSON)', false],
    ['Export everything', true],
  ])('“%s” downloads a Brandline file', async (button, withData) => {
    await upsertPosts(
      [{ key: 'x:1', platform: 'x', postId: '1', permalink: '', authorHandle: 'a', authorName: 'A', text: 't', publishedAt: null, kind: 'post', own: true }],
      1000,
      getDb(),
    );
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:brandline';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await openData();
    fireEvent.click(screen.getByRole('button', { name: button }));
    await waitFor(() => expect(names).toHaveLength(1));
    expect(names[0]).toMatch(/^brandline-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(await blobs[0].text());
    expect(file).toMatchObject({ format: 'brandline', version: 2 });
    expect(file.strategy).toEqual(JSON.parse(JSON.stringify(demo)));
    expect(file.data !== undefined).toBe(withData);
    if (withData) expect(file.data.posts.map((p: { key: string }) => p.key)).toEqual(['x:1']);
  });
});
