/**
 * Benchmark helpers. Benchmarks are run by `npm run bench`, never by the test command:
 * timings on a shared machine are for BENCHMARKS.md, not for assertions.
 * Each result is written to .cache/bench/<suite>.json; scripts/bench.mjs turns them into BENCHMARKS.md.
 */
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
}

/** Time fn (ms) over `iterations` runs after `warmup` runs. */
export function measure(fn: () => unknown, { iterations = 500, warmup = 50 } = {}): Stats {
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  return summarize(t);
}

export async function measureAsync(fn: () => Promise<unknown>, { iterations = 20, warmup = 2 } = {}): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  return summarize(t);
}

export function summarize(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, p50: q(0.5), p95: q(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length, min: s[0] };
}

export interface Row {
  name: string;
  stats?: Stats;
  /** Free-form figure when the result is not a latency (e.g. "+6.1 % script time"). */
  value?: string;
  target?: string;
}

/** Append one row to the suite's result file. */
export function record(suite: string, row: Row): void {
  const dir = join(process.cwd(), '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${suite}.json`);
  const rows: Row[] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const i = rows.findIndex((r) => r.name === row.name);
  if (i >= 0) rows[i] = row;
  else rows.push(row);
  writeFileSync(file, JSON.stringify(rows, null, 2));
}
