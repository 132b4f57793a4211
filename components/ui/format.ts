/** Small display helpers shared by the popup and the options page. No heavy imports. */

/** 60 → "1 h", 30 → "30 min", 90 → "1 h 30 min", 1440 → "1 day", 2880 → "2 days". */
export function formatMinutes(total: number): string {
  if (!Number.isFinite(total) || total <= 0) return '—';
  const m = Math.round(total);
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const mins = m % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`);
  if (hours) parts.push(`${hours} h`);
  if (mins) parts.push(`${mins} min`);
  return parts.join(' ');
}

/** The local calendar date as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A local Date at midnight from YYYY-MM-DD, or null. */
export function parseIsoDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Whole days from today to the date (negative when past). */
export function daysUntil(iso: string, today = new Date()): number | null {
  const d = parseIsoDate(iso);
  if (!d) return null;
  const t = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((d.getTime() - t.getTime()) / 86_400_000);
}

export function daysLeftLabel(days: number): string {
  if (days === 0) return 'Due today';
  if (days === 1) return '1 day left';
  if (days > 1) return `${days} days left`;
  return days === -1 ? '1 day overdue' : `${-days} days overdue`;
}

/** "a, b and c" */
export function listJoin(items: string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}
