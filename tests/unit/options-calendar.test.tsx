import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { BrandlineDB, setDb } from '@/lib/db';
import { loadStrategy, saveStrategy } from '@/lib/db/repo';
import { StrategySchema } from '@/lib/strategy/schema';
import { OptionsApp } from '@/components/options/OptionsApp';
import { monthWeeks, addMonths } from '@/components/options/calendar/dates';

vi.mock('@/lib/messaging/send', () => ({ send: vi.fn(async () => ({ ok: true })) }));

const strategy = StrategySchema.parse({
  brand: { name: 'Fernhill' },
  channels: [{ id: 'ch', platform: 'linkedin', handle: 'fernhill' }],
  pillars: [
    { id: 'tips', name: 'Trail Tips', color: '#2f7d4f', targetShare: 60 },
    { id: 'repair', name: 'Repair', color: '#b5651d', targetShare: 40 },
  ],
  calendar: [
    { id: 'e1', date: '2026-11-12', time: '09:00', platform: 'x', pillarId: 'tips', text: 'Autumn layering in three steps', status: 'scheduled' },
    { id: 'e2', date: '2026-11-20', platform: 'instagram', pillarId: 'repair', text: 'Repair café before/after', status: 'draft' },
    { id: 'e3', date: '2026-12-03', platform: 'bluesky', pillarId: null, text: 'December gear drop', status: 'idea' },
  ],
});

/** The grid cell of a day, found by its accessible name (locale-independent day + month + year). */
const cell = (day: number, month: string, year = 2026) =>
  screen.getByRole('gridcell', { name: new RegExp(`(${month} ${day},? ${year}|${day} ${month},? ${year})`) });

let n = 0;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 12, 10, 0));
  localStorage.clear();
  setDb(new BrandlineDB(`options-calendar-${n++}`));
  await saveStrategy(strategy);
  history.replaceState(null, '', '/options.html#calendar');
});
afterEach(() => {
  cleanup();
  setDb(null);
  vi.useRealTimers();
});

async function openCalendar() {
  render(<OptionsApp />);
  await screen.findByRole('heading', { level: 1, name: 'Content calendar' });
  return screen.getByRole('grid');
}

describe('calendar dates', () => {
  it.each([
    [new Date(2026, 10, 1), 6, '2026-10-26'], // November 2026 starts on a Sunday
    [new Date(2027, 1, 1), 4, '2027-02-01'], // February 2027: exactly four weeks
    [new Date(2026, 6, 15), 5, '2026-06-29'],
  ])('covers the month of %s with %i Monday-first weeks', (d, weeks, first) => {
    const rows = monthWeeks(d);
    expect(rows).toHaveLength(weeks);
    expect(rows[0][0].getDay()).toBe(1);
    expect(rows[0][0].toLocaleDateString('sv')).toBe(first);
  });
  it('keeps the day when changing month, within the month’s length', () => {
    expect(addMonths(new Date(2026, 0, 31), 1).toLocaleDateString('sv')).toBe('2026-02-28');
  });
});

describe('options · calendar', () => {
  it('shows the entries on their dates, highlights today, and navigates months', async () => {
    const grid = await openCalendar();
    expect(grid).toHaveAccessibleName('November 2026');
    expect(within(grid).getAllByRole('row')).toHaveLength(7); // header + 6 weeks
    expect(within(cell(12, 'November')).getByText('Autumn layering in three steps')).toBeInTheDocument();
    expect(within(cell(12, 'November')).getByText('09:00')).toBeInTheDocument();
    expect(within(cell(20, 'November')).getByText('Repair café before/after')).toBeInTheDocument();
    expect(cell(12, 'November')).toHaveAttribute('aria-current', 'date');
    expect(cell(13, 'November')).not.toHaveAttribute('aria-current');
    expect(within(cell(13, 'November')).queryByRole('button')).toBeNull();
    // The trailing days of the next month are shown too.
    expect(within(cell(3, 'December')).getByText('December gear drop')).toBeInTheDocument();
    expect(screen.queryByRole('gridcell', { name: /(November 30|30 November)/ })).toBeInTheDocument();
    expect(screen.queryByRole('gridcell', { name: /(December 7,|7 December)/ })).toBeNull();
    // The chip wears its pillar's colour.
    const chip = within(cell(12, 'November')).getByRole('button');
    expect(chip.getAttribute('style')).toContain('#2f7d4f');

    fireEvent.click(screen.getByRole('button', { name: 'Next month' }));
    expect(screen.getByRole('grid')).toHaveAccessibleName('December 2026');
    expect(within(cell(3, 'December')).getByText('December gear drop')).toBeInTheDocument();
    expect(screen.queryByText('Autumn layering in three steps')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    fireEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    expect(screen.getByRole('grid')).toHaveAccessibleName('October 2026');
    fireEvent.click(screen.getByRole('button', { name: 'Today' }));
    expect(screen.getByRole('grid')).toHaveAccessibleName('November 2026');
  });

  it('switches to a week view of the selected week', async () => {
    await openCalendar();
    fireEvent.click(screen.getByRole('button', { name: 'Week' }));
    const grid = screen.getByRole('grid');
    expect(within(grid).getAllByRole('gridcell')).toHaveLength(7);
    expect(within(grid).getByText('Autumn layering in three steps')).toBeInTheDocument();
    expect(within(grid).queryByText('Repair café before/after')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next week' }));
    expect(within(screen.getByRole('grid')).getByText('Repair café before/after')).toBeInTheDocument();
  });

  it('clicking a day adds an entry on that day', async () => {
    await openCalendar();
    fireEvent.click(cell(24, 'November'));
    const form = screen.getByRole('form', { name: 'New calendar entry' });
    expect(within(form).getByLabelText('Date')).toHaveValue('2026-11-24');
    expect(within(form).getByLabelText('Platform')).toHaveValue('linkedin'); // the first channel's platform
    fireEvent.change(within(form).getByLabelText('Pillar'), { target: { value: 'repair' } });
    fireEvent.input(within(form).getByLabelText('Time'), { target: { value: '14:30' } });
    fireEvent.input(within(form).getByLabelText('Post'), { target: { value: 'Patch party at the co-op' } });
    expect((await loadStrategy()).calendar).toHaveLength(3); // not before it is added
    fireEvent.click(within(form).getByRole('button', { name: 'Add to calendar' }));

    expect(within(cell(24, 'November')).getByText('Patch party at the co-op')).toBeInTheDocument();
    await waitFor(async () => expect((await loadStrategy()).calendar).toHaveLength(4));
    expect((await loadStrategy()).calendar[3]).toMatchObject({
      date: '2026-11-24',
      time: '14:30',
      platform: 'linkedin',
      pillarId: 'repair',
      text: 'Patch party at the co-op',
      status: 'idea',
    });
  });

  it('clicking an entry edits it, and edits are saved', async () => {
    await openCalendar();
    fireEvent.click(within(cell(20, 'November')).getByRole('button'));
    const form = screen.getByRole('region', { name: 'Edit calendar entry' });
    expect(within(form).getByLabelText('Post')).toHaveValue('Repair café before/after');
    fireEvent.change(within(form).getByLabelText('Status'), { target: { value: 'scheduled' } });
    fireEvent.input(within(form).getByLabelText('Date'), { target: { value: '2026-11-21' } });
    await waitFor(async () =>
      expect((await loadStrategy()).calendar.find((e) => e.id === 'e2')).toMatchObject({ status: 'scheduled', date: '2026-11-21' }),
    );
    expect(within(cell(21, 'November')).getByText('Repair café before/after')).toBeInTheDocument();
  });

  it('is usable from the keyboard: arrows move the day, Enter opens it', async () => {
    const grid = await openCalendar();
    const today = cell(12, 'November');
    expect(today).toHaveAttribute('tabindex', '0');
    expect(within(grid).getAllByRole('gridcell').filter((c) => c.getAttribute('tabindex') === '0')).toHaveLength(1);
    today.focus();
    fireEvent.keyDown(today, { key: 'ArrowRight' });
    await waitFor(() => expect(document.activeElement).toBe(cell(13, 'November')));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(cell(20, 'November')));
    // The selected day's list shows its entries.
    const side = screen.getByRole('complementary', { name: 'Selected day' });
    expect(within(side).getByText('Repair café before/after')).toBeInTheDocument();
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(within(screen.getByRole('form', { name: 'New calendar entry' })).getByLabelText('Date')).toHaveValue('2026-11-20');
    // Paging crosses months and keeps focus in the grid.
    fireEvent.keyDown(document.activeElement!, { key: 'PageDown' });
    await waitFor(() => expect(document.activeElement).toBe(cell(20, 'December')));
    expect(screen.getByRole('grid')).toHaveAccessibleName('December 2026');
  });

  it('deletes an entry with Undo', async () => {
    await openCalendar();
    fireEvent.click(within(cell(12, 'November')).getByRole('button'));
    fireEvent.click(within(screen.getByRole('region', { name: 'Edit calendar entry' })).getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect((await loadStrategy()).calendar.map((e) => e.id)).toEqual(['e2', 'e3']));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await loadStrategy()).calendar).toEqual(strategy.calendar));
  });
});
