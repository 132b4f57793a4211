/**
 * Pillar mix as horizontal bars: each pillar's actual share of posts (its colour) with its target as a marker,
 * and a label such as "32% · target 35% (−3)". Plain HTML and CSS; the text carries everything a screen reader needs.
 */
import './charts.css';

export interface MixRow {
  id: string;
  name: string;
  color: string;
  /** Posts in this row. */
  count: number;
  /** Percent of all posts, 0–100. */
  share: number;
  /** Target percent; null for rows without one (untagged). */
  target: number | null;
}

/** Within this many points of the target counts as on track. */
export const ON_TRACK_POINTS = 5;

const MINUS = '\u2212';
const round1 = (n: number) => Math.round(n * 10) / 10;
/** 32.4 → "32%", 12.5 (a target) → "12.5%". */
export const pctLabel = (n: number, decimals = false) => `${decimals ? round1(n) : Math.round(n)}%`;

/** share − target in points, rounded as displayed (whole points unless the target has a decimal). */
export function deltaPoints(share: number, target: number): number {
  return Number.isInteger(target) ? Math.round(share - target) : round1(share - target);
}

/** "+3", "−3", "±0". */
export function signed(n: number): string {
  if (n === 0) return '±0';
  return n > 0 ? `+${n}` : `${MINUS}${-n}`;
}

/** "32% · target 35% (−3)" */
export function mixLabel(share: number, target: number): string {
  return `${pctLabel(share)} · target ${pctLabel(target, true)} (${signed(deltaPoints(share, target))})`;
}

export type DeltaTone = 'ok' | 'under' | 'over';
export function deltaTone(share: number, target: number): DeltaTone {
  const d = deltaPoints(share, target);
  return Math.abs(d) <= ON_TRACK_POINTS ? 'ok' : d < 0 ? 'under' : 'over';
}

const TONE_TEXT: Record<DeltaTone, string> = { ok: 'on track', under: 'under target', over: 'over target' };

/** The axis maximum: 20, 40, 60, 80 or 100, whichever first fits every share and target. */
export function mixScale(rows: readonly MixRow[]): number {
  const top = Math.max(0, ...rows.map((r) => Math.max(r.share, r.target ?? 0)));
  return [20, 40, 60, 80, 100].find((s) => top <= s) ?? 100;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function MixChart({ rows, label }: { rows: readonly MixRow[]; label: string }) {
  const scale = mixScale(rows);
  const at = (v: number) => `${Math.min(100, (v / scale) * 100)}%`;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * scale);
  return (
    <div class="mixc">
      <ul class="mixc__rows" aria-label={label}>
        {rows.map((r) => {
          const tone = r.target === null ? null : deltaTone(r.share, r.target);
          return (
            <li key={r.id} class={`mixc__row${r.target === null ? ' mixc__row--untagged' : ''}`} data-pillar={r.id}>
              <span class="mixc__name">
                <span class="mixc__swatch" style={r.target === null ? undefined : { background: r.color }} aria-hidden="true" />
                <span class="mixc__title">{r.name}</span>
                <span class="mixc__count">{plural(r.count, 'post')}</span>
              </span>
              <span class="mixc__track" aria-hidden="true">
                <span
                  class="mixc__bar"
                  style={{ width: r.share > 0 ? at(Math.max(r.share, scale / 150)) : '0', background: r.target === null ? undefined : r.color }}
                />
                {r.target !== null && <span class="mixc__target" style={{ left: at(r.target) }} />}
              </span>
              <span class="mixc__value">
                {r.target === null ? (
                  <>
                    <strong>{pctLabel(r.share)}</strong>
                    <span class="mixc__sub"> · no pillar</span>
                  </>
                ) : (
                  <>
                    <strong>{pctLabel(r.share)}</strong>
                    <span class="mixc__sub"> · target {pctLabel(r.target, true)} </span>
                    <span class={`mixc__delta mixc__delta--${tone}`} title={TONE_TEXT[tone!]}>
                      ({signed(deltaPoints(r.share, r.target))})
                    </span>
                    <span class="visually-hidden">, {TONE_TEXT[tone!]}</span>
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <div class="mixc__axis" aria-hidden="true">
        <span />
        <span class="mixc__ticks">
          {ticks.map((t, i) => (
            <span key={t} class="mixc__tick" style={{ left: `${i * 25}%` }}>
              {Math.round(t)}%
            </span>
          ))}
        </span>
        <span />
      </div>
      <p class="mixc__legend" aria-hidden="true">
        <span class="mixc__key mixc__key--bar" />
        <span>actual share of your posts</span>
        <span class="mixc__key mixc__key--target" />
        <span>target</span>
        <span class="mixc__key mixc__key--delta">(±n)</span>
        <span>
          points from target: <span class="mixc__delta--ok">within {ON_TRACK_POINTS}</span>,{' '}
          <span class="mixc__delta--under">under</span>, <span class="mixc__delta--over">over</span>
        </span>
      </p>
    </div>
  );
}
