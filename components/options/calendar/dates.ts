/** Calendar arithmetic on local dates. Weeks start on Monday. */
import { isoDate, parseIsoDate } from '@/components/ui/format';

export { isoDate, parseIsoDate };

export const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

/** Same day of the month n months on, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(d: Date, n: number): Date {
  const first = new Date(d.getFullYear(), d.getMonth() + n, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  return new Date(first.getFullYear(), first.getMonth(), Math.min(d.getDate(), last));
}

export const startOfWeek = (d: Date) => addDays(d, -((d.getDay() + 6) % 7));

/** The weeks (Monday–Sunday) covering the month of `d`: 4 to 6 rows of 7 days. */
export function monthWeeks(d: Date): Date[][] {
  const first = new Date(d.getFullYear(), d.getMonth(), 1);
  const last = new Date(d.getFullYear(), d.getMonth() + 1, 0);
  const weeks: Date[][] = [];
  for (let start = startOfWeek(first); start <= last; start = addDays(start, 7))
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  return weeks;
}

export const weekOf = (d: Date) => Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(d), i));

export const WEEKDAYS = weekOf(new Date(2024, 0, 1)).map((d) => ({
  short: d.toLocaleDateString(undefined, { weekday: 'short' }),
  long: d.toLocaleDateString(undefined, { weekday: 'long' }),
}));

export const monthTitle = (d: Date) => d.toLocaleDateString(undefined, { month: 'long', year: 'numeric' });
export const dayTitle = (d: Date) => d.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
export const dayLabel = (d: Date) =>
  d.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

export function weekTitle(d: Date): string {
  const days = weekOf(d);
  const a = days[0];
  const b = days[6];
  const fmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
  if (typeof fmt.formatRange === 'function') return fmt.formatRange(a, b);
  const sameMonth = a.getMonth() === b.getMonth();
  const left = a.toLocaleDateString(undefined, sameMonth ? { day: 'numeric' } : { day: 'numeric', month: 'short' });
  const right = b.toLocaleDateString(undefined, { day: 'numeric', month: sameMonth ? 'long' : 'short', year: 'numeric' });
  return `${left} – ${right}`;
}
