import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { BrandlineDB, setDb } from '@/lib/db';
import { loadStrategy, saveStrategy } from '@/lib/db/repo';
import { demoStrategy } from '@/lib/strategy/demo';
import { send } from '@/lib/messaging/send';
import { OptionsApp } from '@/components/options/OptionsApp';
import { DRAFT_KEY } from '@/components/options/editor/draftStore';

vi.mock('@/lib/messaging/send', () => ({ send: vi.fn(async () => ({ ok: true })) }));

const demo = demoStrategy(new Date('2026-11-01T12:00:00Z'));
let n = 0;

beforeEach(async () => {
  vi.mocked(send).mockClear();
  localStorage.clear();
  setDb(new BrandlineDB(`options-pillars-${n++}`));
  await saveStrategy(demo);
  history.replaceState(null, '', '/options.html#pillars');
});
afterEach(() => {
  cleanup();
  setDb(null);
});

async function openPillars() {
  render(<OptionsApp />);
  await screen.findByRole('heading', { level: 1, name: 'Content pillars' });
  return screen.getAllByLabelText('Name') as HTMLInputElement[];
}

describe('options · pillars', () => {
  it('saves an edited pillar name to the database after a pause, and tells open tabs', async () => {
    const names = await openPillars();
    expect(names.map((i) => i.value)).toEqual(['Trail Tips', 'Repair & Reuse', 'Community', 'Gear Drops']);
    fireEvent.input(names[0], { target: { value: 'Trail Skills' } });

    await waitFor(async () => expect((await loadStrategy()).pillars[0].name).toBe('Trail Skills'));
    expect(send).toHaveBeenCalledWith({ type: 'strategyUpdated' });
    // Nothing else changed.
    const stored = await loadStrategy();
    expect({ ...stored, pillars: stored.pillars.slice(1) }).toEqual({ ...demo, pillars: demo.pillars.slice(1) });
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Saved'));
    // Once everything is stored, no draft is left behind.
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('shows an invalid colour’s message next to the field and does not save it', async () => {
    await openPillars();
    const colours = screen.getAllByLabelText('Colour') as HTMLInputElement[];
    expect(colours[0].value).toBe('#2f7d4f');
    fireEvent.input(colours[0], { target: { value: 'blue' } });

    expect(colours[0]).toHaveAttribute('aria-invalid', 'true');
    expect(colours[0]).toHaveAccessibleDescription(/must be a colour like #1a7f5a/i);
    expect(screen.getByTestId('save-status')).toHaveTextContent('1 field needs attention');

    // A valid edit elsewhere is saved; the invalid colour is not.
    fireEvent.input(screen.getAllByLabelText('Name')[1], { target: { value: 'Repair Café' } });
    await waitFor(async () => expect((await loadStrategy()).pillars[1].name).toBe('Repair Café'));
    expect((await loadStrategy()).pillars[0].color).toBe('#2f7d4f');
    // …and the unfinished edit is kept for the next visit.
    expect(localStorage.getItem(DRAFT_KEY)).toContain('"color":"blue"');

    // Fixing it saves it.
    fireEvent.input(colours[0], { target: { value: '#123456' } });
    expect(colours[0]).not.toHaveAttribute('aria-invalid');
    await waitFor(async () => expect((await loadStrategy()).pillars[0].color).toBe('#123456'));
    await waitFor(() => expect(localStorage.getItem(DRAFT_KEY)).toBeNull());
  });

  it('warns when the target shares do not add up to 100%', async () => {
    await openPillars();
    expect(screen.queryByText(/Targets add up to/)).toBeNull();
    const shares = screen.getAllByLabelText('Target share');
    fireEvent.input(shares[0], { target: { value: '20' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Targets add up to 85% — adjust them to total 100%');
    expect(screen.getByRole('img', { name: /Target mix: Trail Tips 20%/ })).toBeInTheDocument();
    fireEvent.input(shares[1], { target: { value: '40' } });
    expect(screen.queryByText(/Targets add up to/)).toBeNull();
  });

  it('deletes a pillar with Undo that restores it at its place, with the calendar entries that used it', async () => {
    await openPillars();
    fireEvent.click(screen.getByRole('button', { name: 'Delete pillar Repair & Reuse' }));
    await waitFor(async () =>
      expect((await loadStrategy()).pillars.map((p) => p.id)).toEqual(['pl-tips', 'pl-community', 'pl-gear']),
    );
    // Nothing may point at a pillar that is gone (exports would be refused on import).
    let stored = await loadStrategy();
    expect(stored.calendar.find((c) => c.id === 'c2')?.pillarId).toBeNull();
    expect(screen.queryByDisplayValue('Repair & Reuse')).toBeNull();

    const toast = screen.getByText('Deleted pillar “Repair & Reuse”.').closest('.toast') as HTMLElement;
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await loadStrategy()).pillars).toEqual(demo.pillars));
    stored = await loadStrategy();
    expect(stored.calendar).toEqual(demo.calendar);
    expect((screen.getAllByLabelText('Name') as HTMLInputElement[]).map((i) => i.value)[1]).toBe('Repair & Reuse');
  });

  it('adds a pillar without nagging until it is edited, then saves it once named', async () => {
    await openPillars();
    fireEvent.click(screen.getByRole('button', { name: 'Add pillar' }));
    const names = screen.getAllByLabelText('Name') as HTMLInputElement[];
    expect(names).toHaveLength(5);
    expect(names[4]).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Give the pillar a name')).toBeNull();

    fireEvent.input(names[4], { target: { value: ' ' } });
    expect(screen.getByText('Give the pillar a name')).toBeInTheDocument();
    expect((await loadStrategy()).pillars).toHaveLength(4);

    fireEvent.input(names[4], { target: { value: 'Behind the Scenes' } });
    await waitFor(async () => expect((await loadStrategy()).pillars.map((p) => p.name)).toContain('Behind the Scenes'));
    const added = (await loadStrategy()).pillars[4];
    expect(added).toMatchObject({ name: 'Behind the Scenes', targetShare: 0, keywords: [] });
    expect(added.color).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('edits keywords as a tag list', async () => {
    await openPillars();
    const keywords = screen.getAllByLabelText('Keywords')[0];
    fireEvent.input(keywords, { target: { value: 'summit' } });
    fireEvent.keyDown(keywords, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove keyword “tip”' }));
    await waitFor(async () =>
      expect((await loadStrategy()).pillars[0].keywords).toEqual([
        'how to',
        'safety',
        'layering',
        'navigation',
        'leave no trace',
        'trail',
        'summit',
      ]),
    );
  });
});
