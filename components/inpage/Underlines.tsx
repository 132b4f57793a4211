/**
 * The underline layer over an editor: one bar under each line fragment of each finding, in viewport coordinates,
 * drawn in Brandline's shadow root (the editor's own DOM is never touched). Pointer events pass through.
 */
import type { Box } from '@/lib/page/geometry';
import type { Severity } from '@/lib/voice';

export interface Mark {
  /** Stable per range: "start:end". */
  key: string;
  severity: Severity;
  rects: Box[];
  /** The finding is hovered or focused in the card: tint the text behind it too. */
  active: boolean;
}

export function Underlines({ marks, rev }: { marks: Mark[]; rev: number }) {
  return (
    <div class="bl-underlines" aria-hidden="true" data-rev={rev}>
      {marks.map((m) =>
        m.rects.map((r, i) => (
          <div
            key={`${m.key}:${i}`}
            class={`bl-mark bl-${m.severity}${m.active ? ' bl-active' : ''}`}
            data-range={m.key}
            style={{
              transform: `translate(${Math.round(r.left * 2) / 2}px, ${Math.round(r.top * 2) / 2}px)`,
              width: `${Math.max(2, r.width)}px`,
              height: `${r.height}px`,
            }}
          />
        )),
      )}
    </div>
  );
}

export const UNDERLINES_CSS = `
.bl-underlines { position: absolute; left: 0; top: 0; width: 0; height: 0; pointer-events: none; }
.bl-mark { position: absolute; left: 0; top: 0; box-sizing: border-box; pointer-events: none; border-radius: 2px;
  border-bottom: 2px solid var(--sev); transition: background-color .12s ease; }
.bl-mark.bl-error { --sev: var(--bl-error); }
.bl-mark.bl-warning { --sev: var(--bl-warning); }
.bl-mark.bl-info { --sev: var(--bl-info); border-bottom-style: dashed; }
.bl-mark.bl-active { background: color-mix(in srgb, var(--sev) 18%, transparent); }
@media (prefers-reduced-motion: reduce) { .bl-mark { transition: none; } }
`;
