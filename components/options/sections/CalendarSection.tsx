import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  CALENDAR_STATUSES,
  PLATFORMS,
  PLATFORM_LABELS,
  type CalendarEntry,
  type Pillar,
  type Platform,
} from '@/lib/strategy/schema';
import { Field } from '@/components/ui/Field';
import { Select, TextArea, TextInput } from '@/components/ui/inputs';
import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { useEditor } from '../editor/Editor';
import { useList, type ListApi } from '../editor/useList';
import { errorFor } from '../editor/reconcile';
import { newId } from '../editor/ids';
import {
  WEEKDAYS,
  addDays,
  addMonths,
  dayLabel,
  dayTitle,
  isoDate,
  monthTitle,
  monthWeeks,
  parseIsoDate,
  weekOf,
  weekTitle,
} from '../calendar/dates';

type View = 'month' | 'week';
type Editing = { kind: 'new'; entry: CalendarEntry } | { kind: 'edit'; id: string } | null;

const STATUS_LABELS: Record<CalendarEntry['status'], string> = {
  idea: 'Idea',
  draft: 'Draft',
  scheduled: 'Scheduled',
  published: 'Published',
};
const STATUS_OPTIONS = CALENDAR_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const PLATFORM_OPTIONS = PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }));
const MAX_CHIPS = 3;
const HEX = /^#[0-9a-fA-F]{6}$/;

const byTime = (a: CalendarEntry, b: CalendarEntry) => (a.time ?? '').localeCompare(b.time ?? '');

export function CalendarSection() {
  const editor = useEditor();
  const list = useList('calendar');
  const today = isoDate(new Date());
  const [view, setView] = useState<View>('month');
  const [selected, setSelected] = useState(today);
  const [editing, setEditing] = useState<Editing>(null);
  const grid = useRef<HTMLDivElement>(null);
  const side = useRef<HTMLElement>(null);
  /** The day to focus once rendered, after a keyboard move. */
  const focusTarget = useRef<string | null>(null);

  const pillars = editor.draft.pillars;
  const pillarById = useMemo(() => new Map(pillars.map((p) => [p.id, p])), [pillars]);
  const byDate = useMemo(() => {
    const m = new Map<string, CalendarEntry[]>();
    for (const e of list.items) m.set(e.date, [...(m.get(e.date) ?? []), e]);
    for (const v of m.values()) v.sort(byTime);
    return m;
  }, [list.items]);

  const selectedDate = parseIsoDate(selected) ?? new Date();
  const rows = view === 'month' ? monthWeeks(selectedDate) : [weekOf(selectedDate)];
  const title = view === 'month' ? monthTitle(selectedDate) : weekTitle(selectedDate);

  // Keyboard moves keep focus on the selected day, even across months.
  useEffect(() => {
    if (focusTarget.current !== selected) return;
    focusTarget.current = null;
    grid.current?.querySelector<HTMLElement>(`[data-date="${selected}"]`)?.focus();
  }, [selected, view]);

  const defaultPlatform: Platform = editor.draft.channels[0]?.platform ?? 'x';
  const openNew = (date: string) =>
    setEditing({
      kind: 'new',
      entry: { id: newId('c'), date, platform: defaultPlatform, pillarId: null, text: '', status: 'idea' },
    });
  const moveTo = (d: Date) => {
    const iso = isoDate(d);
    focusTarget.current = iso;
    setSelected(iso);
  };
  const move = (days: number) => moveTo(addDays(selectedDate, days));
  const step = (dir: 1 | -1) => setSelected(isoDate(view === 'month' ? addMonths(selectedDate, dir) : addDays(selectedDate, 7 * dir)));

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (!target.matches('[role="gridcell"]')) return;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => move(-1),
      ArrowRight: () => move(1),
      ArrowUp: () => move(-7),
      ArrowDown: () => move(7),
      Home: () => move(-((selectedDate.getDay() + 6) % 7)),
      End: () => move(6 - ((selectedDate.getDay() + 6) % 7)),
      PageUp: () => moveTo(addMonths(selectedDate, -1)),
      PageDown: () => moveTo(addMonths(selectedDate, 1)),
      Enter: () => openNew(selected),
      ' ': () => openNew(selected),
    };
    const fn = moves[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  };

  // When the day panel sits below the grid (narrow windows), bring an opened form into view.
  useEffect(() => {
    if (!editing) return;
    const form = side.current?.querySelector<HTMLElement>('.entry-form');
    if (form && form.getBoundingClientRect().top > innerHeight - 80) form.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [editing]);

  const dayEntries = byDate.get(selected) ?? [];
  const editingEntry = editing?.kind === 'edit' ? list.items.find((x) => x.id === editing.id) : undefined;

  return (
    <div class="cal-layout">
      <section class="card panel cal" aria-labelledby="cal-title">
        <header class="cal__toolbar">
          <div class="cal__nav">
            <Button variant="ghost" size="sm" icon="left" iconOnly aria-label={view === 'month' ? 'Previous month' : 'Previous week'} title={view === 'month' ? 'Previous month' : 'Previous week'} onClick={() => step(-1)} />
            <Button variant="ghost" size="sm" icon="right" iconOnly aria-label={view === 'month' ? 'Next month' : 'Next week'} title={view === 'month' ? 'Next month' : 'Next week'} onClick={() => step(1)} />
            <Button size="sm" onClick={() => setSelected(today)}>
              Today
            </Button>
          </div>
          <h2 class="cal__title" id="cal-title" aria-live="polite">
            {title}
          </h2>
          <div class="segmented" role="group" aria-label="View">
            {(['month', 'week'] as const).map((v) => (
              <button type="button" key={v} class="segmented__btn" aria-pressed={view === v} onClick={() => setView(v)}>
                {v === 'month' ? 'Month' : 'Week'}
              </button>
            ))}
          </div>
        </header>
        <div
          ref={grid}
          class={`cal-grid cal-grid--${view}`}
          role="grid"
          aria-labelledby="cal-title"
          aria-describedby="cal-help"
          onKeyDown={onKeyDown}
        >
          <div role="row" class="cal-row cal-row--head">
            {WEEKDAYS.map((w) => (
              <div role="columnheader" class="cal-head" key={w.long} title={w.long}>
                <abbr title={w.long}>{w.short}</abbr>
              </div>
            ))}
          </div>
          {rows.map((week) => (
            <div role="row" class="cal-row" key={isoDate(week[0])}>
              {week.map((d) => {
                const iso = isoDate(d);
                const entries = byDate.get(iso) ?? [];
                const outside = view === 'month' && d.getMonth() !== selectedDate.getMonth();
                const shown = view === 'month' ? entries.slice(0, MAX_CHIPS) : entries;
                const more = entries.length - shown.length;
                return (
                  <div
                    role="gridcell"
                    key={iso}
                    data-date={iso}
                    tabIndex={iso === selected ? 0 : -1}
                    aria-selected={iso === selected}
                    aria-current={iso === today ? 'date' : undefined}
                    aria-label={`${dayLabel(d)}${iso === today ? ', today' : ''}, ${entries.length ? `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}` : 'no entries'}`}
                    class={`cal-day${outside ? ' cal-day--outside' : ''}${iso === today ? ' cal-day--today' : ''}${iso === selected ? ' cal-day--selected' : ''}`}
                    onClick={() => {
                      setSelected(iso);
                      openNew(iso);
                    }}
                  >
                    <span class="cal-day__num" aria-hidden="true">
                      {d.getDate()}
                    </span>
                    <span class="cal-day__entries">
                      {shown.map((e) => (
                        <EntryChip
                          key={e.id}
                          entry={e}
                          pillar={e.pillarId ? pillarById.get(e.pillarId) : undefined}
                          full={view === 'week'}
                          onOpen={() => {
                            setSelected(iso);
                            setEditing({ kind: 'edit', id: e.id });
                          }}
                        />
                      ))}
                      {more > 0 && <span class="cal-more">+{more} more</span>}
                    </span>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <p id="cal-help" class="cal__help muted small">
          Click a day to plan a post. With the keyboard: arrow keys move between days, Page Up/Down change month, Enter adds an entry.
        </p>
      </section>

      <aside class="cal-side" aria-label="Selected day" ref={side}>
        <section class="card panel">
          <header class="panel__head">
            <div class="panel__titles">
              <h2 class="panel__title">{dayTitle(selectedDate)}</h2>
              <p class="panel__desc">
                {dayEntries.length ? `${dayEntries.length} planned` : 'Nothing planned'}
                {selected === today ? ' · today' : ''}
              </p>
            </div>
            <div class="panel__actions">
              <Button size="sm" icon="plus" onClick={() => openNew(selected)}>
                Add
              </Button>
            </div>
          </header>
          {dayEntries.length > 0 && (
            <ul class="day-list">
              {dayEntries.map((e) => {
                const pillar = e.pillarId ? pillarById.get(e.pillarId) : undefined;
                return (
                  <li key={e.id} class={`day-entry${editing?.kind === 'edit' && editing.id === e.id ? ' day-entry--open' : ''}`}>
                    <button type="button" class="day-entry__main" onClick={() => setEditing({ kind: 'edit', id: e.id })}>
                      <span class="day-entry__meta">
                        <span class="day-entry__time">{e.time ?? 'Any time'}</span>
                        <span class="chip chip--sm">{PLATFORM_LABELS[e.platform]}</span>
                        {pillar && (
                          <span class="day-entry__pillar">
                            <span class="dot" style={{ background: HEX.test(pillar.color) ? pillar.color : undefined }} />
                            {pillar.name}
                          </span>
                        )}
                        <span class={`status status--${e.status}`}>{STATUS_LABELS[e.status]}</span>
                      </span>
                      <span class="day-entry__text">{e.text.trim() || <span class="muted">No text yet</span>}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        {editing?.kind === 'new' && (
          <NewEntryForm
            key={editing.entry.id}
            initial={editing.entry}
            pillars={pillars}
            onCancel={() => setEditing(null)}
            onAdd={(entry) => {
              list.add(entry);
              setSelected(entry.date);
              setEditing({ kind: 'edit', id: entry.id });
            }}
          />
        )}
        {editing?.kind === 'edit' && editingEntry && (
          <EditEntryForm
            key={editingEntry.id}
            entry={editingEntry}
            list={list}
            pillars={pillars}
            onClose={() => setEditing(null)}
            onMoved={(date) => setSelected(date)}
          />
        )}
      </aside>
    </div>
  );
}

function EntryChip({
  entry: e,
  pillar,
  full,
  onOpen,
}: {
  entry: CalendarEntry;
  pillar?: Pillar;
  full: boolean;
  onOpen(): void;
}) {
  const color = pillar && HEX.test(pillar.color) ? pillar.color : undefined;
  return (
    <button
      type="button"
      tabIndex={-1}
      class={`cal-chip cal-chip--${e.status}${full ? ' cal-chip--full' : ''}`}
      style={color ? { '--pill': color } : undefined}
      title={`${e.time ? `${e.time} · ` : ''}${PLATFORM_LABELS[e.platform]}${pillar ? ` · ${pillar.name}` : ''} · ${STATUS_LABELS[e.status]}\n${e.text}`}
      onClick={(ev) => {
        ev.stopPropagation();
        onOpen();
      }}
    >
      <span class="cal-chip__meta">
        {e.time && <span class="cal-chip__time">{e.time}</span>}
        <span class="cal-chip__platform">{PLATFORM_LABELS[e.platform]}</span>
      </span>
      <span class="cal-chip__text">{e.text.trim() || STATUS_LABELS[e.status]}</span>
    </button>
  );
}

function EntryFields({
  entry,
  errors,
  pillars,
  onPatch,
}: {
  entry: CalendarEntry;
  errors?: Record<string, string>;
  pillars: Pillar[];
  onPatch(p: Partial<CalendarEntry>): void;
}) {
  const pillarOptions = [{ value: '', label: 'No pillar' }, ...pillars.map((p) => ({ value: p.id, label: p.name || 'Unnamed pillar' }))];
  return (
    <>
      <div class="grid-2">
        <Field label="Date" error={errorFor(errors, 'date')}>
          {(p) => <TextInput {...p} type="date" value={entry.date} onValue={(date) => date && onPatch({ date })} />}
        </Field>
        <Field label="Time" hint="Optional" error={errorFor(errors, 'time')}>
          {(p) => <TextInput {...p} type="time" value={entry.time ?? ''} onValue={(t) => onPatch({ time: t || undefined })} />}
        </Field>
        <Field label="Platform" error={errorFor(errors, 'platform')}>
          {(p) => <Select<Platform> {...p} value={entry.platform} options={PLATFORM_OPTIONS} onValue={(platform) => onPatch({ platform })} />}
        </Field>
        <Field label="Pillar" error={errorFor(errors, 'pillarId')}>
          {(p) => (
            <Select {...p} value={entry.pillarId ?? ''} options={pillarOptions} onValue={(v) => onPatch({ pillarId: v || null })} />
          )}
        </Field>
      </div>
      <Field label="Status" error={errorFor(errors, 'status')}>
        {(p) => <Select {...p} value={entry.status} options={STATUS_OPTIONS} onValue={(status) => onPatch({ status })} />}
      </Field>
      <Field label="Post" hint={`${entry.text.length} characters`} error={errorFor(errors, 'text')}>
        {(p) => <TextArea {...p} rows={4} value={entry.text} placeholder="What will you post?" onValue={(text) => onPatch({ text })} />}
      </Field>
    </>
  );
}

function NewEntryForm({
  initial,
  pillars,
  onAdd,
  onCancel,
}: {
  initial: CalendarEntry;
  pillars: Pillar[];
  onAdd(e: CalendarEntry): void;
  onCancel(): void;
}) {
  const [entry, setEntry] = useState(initial);
  const d = parseIsoDate(entry.date);
  return (
    <form
      class="card panel entry-form"
      aria-label="New calendar entry"
      onSubmit={(e) => {
        e.preventDefault();
        onAdd(entry);
      }}
    >
      <header class="panel__head">
        <h2 class="panel__title">New entry{d ? ` · ${dayTitle(d)}` : ''}</h2>
      </header>
      <EntryFields entry={entry} pillars={pillars} onPatch={(p) => setEntry({ ...entry, ...p })} />
      <div class="form-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" icon="plus">
          Add to calendar
        </Button>
      </div>
    </form>
  );
}

function EditEntryForm({
  entry,
  list,
  pillars,
  onClose,
  onMoved,
}: {
  entry: CalendarEntry;
  list: ListApi<CalendarEntry>;
  pillars: Pillar[];
  onClose(): void;
  onMoved(date: string): void;
}) {
  const errors = list.errorsOf(entry.id);
  return (
    <section class="card panel entry-form" aria-label="Edit calendar entry">
      <header class="panel__head">
        <div class="panel__titles">
          <h2 class="panel__title">Edit entry</h2>
          <p class="panel__desc">Changes are saved as you type.</p>
        </div>
      </header>
      <EntryFields
        entry={entry}
        errors={errors}
        pillars={pillars}
        onPatch={(p) => {
          list.patch(entry.id, p);
          if (p.date) onMoved(p.date);
        }}
      />
      <div class="form-actions">
        <Button
          variant="danger"
          icon="trash"
          onClick={() => {
            list.remove(entry.id, entry.text.trim().slice(0, 40) || undefined);
            onClose();
          }}
        >
          Delete
        </Button>
        <Button variant="primary" onClick={onClose}>
          <Icon name="check" /> Done
        </Button>
      </div>
    </section>
  );
}
