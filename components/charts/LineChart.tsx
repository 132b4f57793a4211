/**
 * A small time-series line chart in SVG: several series over time, each on the left axis or on a right axis of
 * its own (views are ~100× likes: on one axis the other lines would be flat). Hovering shows the values at the
 * nearest capture; a visually hidden table gives screen readers the same numbers.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { compact, countTicks, dateTime, hourTick, shortDate, timeTicks, whole } from './scale';
import './charts.css';

export interface LineSeries {
  id: string;
  label: string;
  /** Which y axis it is drawn against. */
  axis: 'left' | 'right';
}

export interface LinePoint {
  at: number;
  /** A missing value is a gap in that series' line. */
  values: Partial<Record<string, number>>;
}

const HEIGHT = 260;
const M = { top: 28, bottom: 34, left: 52, right: 60 };

/** Width of an element, kept up to date. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => {
      const w = Math.round(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, width };
}

/** The SVG path of one series; a missing value lifts the pen. */
function pathOf(points: readonly LinePoint[], id: string, x: (t: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    const v = p.values[id];
    if (v === undefined) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.at).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  }
  return d;
}

export function LineChart({
  points,
  series,
  caption,
  leftLabel,
  rightLabel,
}: {
  points: readonly LinePoint[];
  series: readonly LineSeries[];
  /** What the chart shows (the hidden table's caption and the SVG's name). */
  caption: string;
  leftLabel: string;
  rightLabel?: string;
}) {
  const { ref, width } = useWidth(640);
  const [hover, setHover] = useState<number | null>(null);
  const shown = series.filter((s) => points.some((p) => p.values[s.id] !== undefined));
  const hasRight = shown.some((s) => s.axis === 'right');
  const left = M.left;
  const right = width - (hasRight ? M.right : 20);
  const top = M.top;
  const bottom = HEIGHT - M.bottom;

  const geo = useMemo(() => {
    const maxOf = (axis: 'left' | 'right') =>
      Math.max(0, ...points.flatMap((p) => shown.filter((s) => s.axis === axis).map((s) => p.values[s.id] ?? 0)));
    const leftTicks = countTicks(maxOf('left'));
    const rightTicks = countTicks(maxOf('right'));
    const t0 = points[0]?.at ?? 0;
    const t1 = points[points.length - 1]?.at ?? t0;
    const span = t1 - t0;
    // A single capture sits in the middle; otherwise leave a little air at both ends.
    const pad = span > 0 ? span * 0.03 : 12 * 3_600_000;
    const from = t0 - pad;
    const to = t1 + pad;
    return { leftTicks, rightTicks, from, to, time: timeTicks(t0, t1 > t0 ? t1 : t0 + 1, Math.max(2, Math.floor((right - left) / 110))) };
  }, [points, shown.map((s) => s.id).join(), left, right]);

  const x = (t: number) => left + ((t - geo.from) / (geo.to - geo.from)) * (right - left);
  const yL = (v: number) => bottom - (v / geo.leftTicks[geo.leftTicks.length - 1]!) * (bottom - top);
  const yR = (v: number) => bottom - (v / geo.rightTicks[geo.rightTicks.length - 1]!) * (bottom - top);
  const yOf = (s: LineSeries) => (s.axis === 'right' ? yR : yL);
  const tickLabel = (t: number) => (geo.time.hours ? hourTick(t) : shortDate(t));

  const onMove = (e: PointerEvent) => {
    const svg = e.currentTarget as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    const px = ((e.clientX - box.left) / (box.width || width)) * width;
    let best = 0;
    for (let i = 1; i < points.length; i++) if (Math.abs(x(points[i]!.at) - px) < Math.abs(x(points[best]!.at) - px)) best = i;
    setHover(points.length ? best : null);
  };
  const hovered = hover === null ? null : points[hover];

  return (
    <div class="lc" ref={ref}>
      <ul class="lc__legend">
        {shown.map((s) => (
          <li key={s.id}>
            <span class={`lc__key lc__key--${s.id}${s.axis === 'right' ? ' lc__key--dashed' : ''}`} aria-hidden="true" />
            {s.label}
            {s.axis === 'right' && hasRight && <span class="muted"> (right axis)</span>}
          </li>
        ))}
      </ul>
      <div class="lc__plot">
        <svg
          class="lc__svg"
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-label={caption}
          onPointerMove={onMove}
          onPointerLeave={() => setHover(null)}
        >
          <text class="lc__axis-title" x={left} y={12} text-anchor="start" aria-hidden="true">
            {leftLabel}
          </text>
          {hasRight && rightLabel && (
            <text class="lc__axis-title lc__axis-title--right" x={right} y={12} text-anchor="end" aria-hidden="true">
              {rightLabel}
            </text>
          )}
          <g aria-hidden="true">
            {geo.leftTicks.map((v) => (
              <g key={`l${v}`}>
                <line class="lc__grid" x1={left} x2={right} y1={yL(v)} y2={yL(v)} />
                <text class="lc__tick" x={left - 8} y={yL(v)} dy="0.32em" text-anchor="end">
                  {compact(v)}
                </text>
              </g>
            ))}
            {hasRight &&
              geo.rightTicks.map((v) => (
                <text key={`r${v}`} class="lc__tick lc__tick--right" x={right + 8} y={yR(v)} dy="0.32em" text-anchor="start">
                  {compact(v)}
                </text>
              ))}
            {geo.time.ticks.map((t) => (
              <g key={`t${t}`}>
                <line class="lc__xtick" x1={x(t)} x2={x(t)} y1={bottom} y2={bottom + 4} />
                <text class="lc__tick" x={x(t)} y={bottom + 18} text-anchor="middle">
                  {tickLabel(t)}
                </text>
              </g>
            ))}
            <line class="lc__baseline" x1={left} x2={right} y1={bottom} y2={bottom} />
          </g>
          {hovered && <line class="lc__guide" x1={x(hovered.at)} x2={x(hovered.at)} y1={top} y2={bottom} />}
          {shown.map((s) => (
            <g key={s.id} class={`lc__series lc__series--${s.id}`} data-series={s.id}>
              <path class={`lc__line${s.axis === 'right' ? ' lc__line--dashed' : ''}`} d={pathOf(points, s.id, x, yOf(s))} />
              {points.map((p, i) =>
                p.values[s.id] === undefined ? null : (
                  <circle
                    key={i}
                    class={`lc__point${hover === i ? ' lc__point--on' : ''}`}
                    data-at={p.at}
                    data-value={p.values[s.id]}
                    cx={x(p.at)}
                    cy={yOf(s)(p.values[s.id]!)}
                    r={hover === i ? 4.5 : points.length > 40 ? 2 : 3}
                  />
                ),
              )}
            </g>
          ))}
        </svg>
        {hovered && (
          <div
            class={`lc__tip${x(hovered.at) > width / 2 ? ' lc__tip--left' : ''}`}
            style={{ left: `${x(hovered.at)}px`, top: `${top}px` }}
            aria-hidden="true"
          >
            <p class="lc__tip-date">{dateTime(hovered.at)}</p>
            {shown.map((s) =>
              hovered.values[s.id] === undefined ? null : (
                <p key={s.id} class="lc__tip-row">
                  <span class={`lc__key lc__key--${s.id}`} />
                  <span>{s.label}</span>
                  <strong>{whole(hovered.values[s.id]!)}</strong>
                </p>
              ),
            )}
          </div>
        )}
      </div>
      <table class="visually-hidden">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Captured</th>
            {shown.map((s) => (
              <th key={s.id} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={i}>
              <th scope="row">{dateTime(p.at)}</th>
              {shown.map((s) => (
                <td key={s.id}>{p.values[s.id] === undefined ? 'not shown' : whole(p.values[s.id]!)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
