/** Scales, ticks and number/date labels for the hand-made charts. Pure; no DOM. */

/**
 * Ticks from 0 to a nice maximum at or above `max`: the smallest step of 1, 2, 2.5 or 5 × 10ⁿ that needs at most
 * `count + 1` steps. Counts are whole numbers, so the step is never a fraction (no 2.5 below 25).
 */
export function countTicks(max: number, count = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const mag = 10 ** Math.floor(Math.log10(max / count));
  const steps = [1, 2, 2.5, 5, 10, 20]
    .map((f) => f * mag)
    .filter((st) => Number.isInteger(st) && st >= 1);
  const step = steps.find((st) => Math.ceil(max / st) <= count + 1) ?? steps[steps.length - 1]!;
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return ticks;
}

const compactFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const wholeFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** 1234 → "1.2K", 950 → "950". */
export const compact = (n: number) => (Math.abs(n) < 10_000 ? wholeFormat.format(n) : compactFormat.format(n));
/** 12345 → "12,345" (in the user's locale). */
export const whole = (n: number) => wholeFormat.format(n);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Local midnight at or before t. */
export function startOfDay(t: number): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/**
 * Time ticks inside [from, to]: whole hours when the span is under two days, else whole local days
 * (every 1, 2, 7, 14 or 30 days). At most about `max` ticks.
 */
export function timeTicks(from: number, to: number, max = 6): { ticks: number[]; hours: boolean } {
  const span = to - from;
  if (!(span > 0)) return { ticks: [from], hours: false };
  if (span < 2 * DAY) {
    const steps = [1, 2, 3, 6, 12].map((h) => h * HOUR);
    const step = steps.find((s) => span / s <= max) ?? 12 * HOUR;
    const first = Math.ceil(from / HOUR) * HOUR;
    const ticks: number[] = [];
    for (let t = first; t <= to; t += HOUR) {
      const h = new Date(t).getHours();
      if (h % (step / HOUR) === 0) ticks.push(t);
    }
    return { ticks: ticks.length ? ticks : [from], hours: true };
  }
  const days = [1, 2, 7, 14, 30, 61, 91, 182, 365];
  const stepDays = days.find((d) => span / (d * DAY) <= max) ?? 365;
  const ticks: number[] = [];
  // Step through local days (DST-safe): add days to the calendar date, not milliseconds.
  const start = new Date(startOfDay(from));
  if (start.getTime() < from) start.setDate(start.getDate() + 1);
  for (let d = new Date(start), i = 0; d.getTime() <= to; d.setDate(d.getDate() + 1), i++) {
    if (i % stepDays === 0) ticks.push(d.getTime());
  }
  return { ticks: ticks.length ? ticks : [from], hours: false };
}

const dayFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayYearFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const hourFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const hourOnlyFmt = new Intl.DateTimeFormat(undefined, { hour: 'numeric' });
const fullFmt = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "3 Nov" (or "Nov 3", by locale). */
export const shortDate = (t: number) => dayFmt.format(t);
/** "3 Nov 2026". */
export const longDate = (t: number) => dayYearFmt.format(t);
/** "14:00". */
export const clock = (t: number) => hourFmt.format(t);
/** An hour tick: the date at midnight ("6 Nov"), else the hour ("6 PM" / "18"). */
export const hourTick = (t: number) => (startOfDay(t) === t ? dayFmt.format(t) : hourOnlyFmt.format(t));
/** "3 Nov 2026, 14:05". */
export const dateTime = (t: number) => fullFmt.format(t);
