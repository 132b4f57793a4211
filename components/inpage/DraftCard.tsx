/**
 * The findings card beside a composer: the voice score, each finding with its one-click fix, and — when an editor
 * refused a fix — the fixed text to copy instead. Keyboard: the card is focusable (Alt+Shift+B from the editor),
 * fixes are buttons, Esc returns to the editor.
 */
import { useState } from 'preact/hooks';
import type { Ref } from 'preact';
import type { CheckResult, Finding, Severity } from '@/lib/voice';

export const SHORTCUT_LABEL = 'Alt+Shift+B';

export interface DraftCardProps {
  result: CheckResult;
  /** Where the card goes (viewport coordinates); null hides it. */
  position: { left: number; top: number } | null;
  collapsed: boolean;
  /** Index of the finding whose fix is being applied. */
  busy: number | null;
  /** Index of the hovered/focused finding (its underline is tinted). */
  active: number | null;
  /** The editor refused the fix: what the text should have become, to copy instead. */
  failure: { expected: string; copied: boolean } | null;
  cardRef?: Ref<HTMLDivElement>;
  onToggle(): void;
  onFix(index: number): void;
  onActive(index: number | null): void;
  onCopy(): void;
  onDismissFailure(): void;
  /** Esc: back to the editor. */
  onEscape(): void;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Must fix', warning: 'Suggestion', info: 'Note' };
const MAX_SHOWN = 6;

export function scoreTone(score: number): 'good' | 'fair' | 'poor' {
  return score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
}

export function ScoreRing({ score, size = 34 }: { score: number; size?: number }) {
  const r = size / 2 - 3;
  const c = 2 * Math.PI * r;
  const s = Math.max(0, Math.min(100, Math.round(score)));
  return (
    <span class={`bl-score bl-${scoreTone(s)}`} style={{ width: `${size}px`, height: `${size}px` }} role="img" aria-label={`Voice score ${s} out of 100`}>
      <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true">
        <circle cx={size / 2} cy={size / 2} r={r} class="bl-ring-track" />
        <circle
          cx={size / 2}
          cy={size / 2}
          r={r}
          class="bl-ring-value"
          stroke-dasharray={`${(c * s) / 100} ${c}`}
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
        />
      </svg>
      <span class={`bl-score-num${s === 100 ? ' bl-full' : ''}`} aria-hidden="true">{s}</span>
    </span>
  );
}

function summary(findings: Finding[]): string {
  if (!findings.length) return 'On brand';
  const errors = findings.filter((f) => f.severity === 'error').length;
  const n = findings.length;
  if (errors) return `${errors} to fix${n > errors ? `, ${n - errors} more` : ''}`;
  return `${n} suggestion${n === 1 ? '' : 's'}`;
}

export function DraftCard(p: DraftCardProps) {
  const [showAll, setShowAll] = useState(false);
  if (!p.position) return null;
  const { findings, score, stats } = p.result;
  const shown = showAll ? findings : findings.slice(0, MAX_SHOWN);
  const over = stats.limit > 0 && stats.length > stats.limit;
  return (
    <div
      ref={p.cardRef}
      class={`bl-card${p.collapsed ? ' bl-collapsed' : ''}`}
      style={{ transform: `translate(${Math.round(p.position.left)}px, ${Math.round(p.position.top)}px)` }}
      tabIndex={0}
      role="region"
      aria-label={`Brandline voice check: score ${score}, ${summary(findings)}. ${SHORTCUT_LABEL} moves here from the editor, Esc goes back.`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          p.onEscape();
        }
      }}
    >
      <div class="bl-head">
        <ScoreRing score={score} />
        <div class="bl-title">
          <span class="bl-brand">Brand voice</span>
          <span class={`bl-sum${findings.some((f) => f.severity === 'error') ? ' bl-sum-error' : ''}`}>{summary(findings)}</span>
        </div>
        <span class={`bl-len${over ? ' bl-over' : ''}`} title="Length as the platform counts it">
          {stats.length}/{stats.limit}
        </span>
        <button
          type="button"
          class="bl-icon"
          aria-expanded={!p.collapsed}
          aria-label={p.collapsed ? 'Show voice suggestions' : 'Hide voice suggestions'}
          title={p.collapsed ? 'Show suggestions' : 'Hide suggestions'}
          onClick={p.onToggle}
        >
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <path d={p.collapsed ? 'M3 5.5l4 4 4-4' : 'M3 8.5l4-4 4 4'} fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
        </button>
      </div>
      {p.failure && (
        <div class="bl-failure" role="alert">
          <p>Couldn't apply the fix in this editor — copy it instead.</p>
          <div class="bl-row">
            <button type="button" class="bl-btn bl-primary" onClick={p.onCopy}>
              {p.failure.copied ? 'Copied' : 'Copy fixed text'}
            </button>
            <button type="button" class="bl-btn bl-quiet" onClick={p.onDismissFailure}>
              Dismiss
            </button>
          </div>
        </div>
      )}
      {!p.collapsed && (
        <ul class="bl-findings" aria-label="Findings">
          {shown.map((f, i) => (
            <li
              key={`${f.ruleId}:${f.start}:${f.end}`}
              class={`bl-finding bl-${f.severity}${p.active === i ? ' bl-active' : ''}`}
              onMouseEnter={() => p.onActive(i)}
              onMouseLeave={() => p.onActive(null)}
              onFocusIn={() => p.onActive(i)}
              onFocusOut={() => p.onActive(null)}
            >
              <span class="bl-dot" aria-hidden="true" />
              <div class="bl-body">
                <span class="bl-sev">{SEVERITY_LABEL[f.severity]}</span>
                <p class="bl-msg">{f.message}</p>
                {f.fix && (
                  <button type="button" class="bl-btn bl-fix" disabled={p.busy !== null} onClick={() => p.onFix(i)}>
                    {p.busy === i ? 'Applying…' : f.fix.label}
                  </button>
                )}
              </div>
            </li>
          ))}
          {findings.length > MAX_SHOWN && (
            <li class="bl-more">
              <button type="button" class="bl-link" onClick={() => setShowAll(!showAll)}>
                {showAll ? 'Show fewer' : `Show all ${findings.length}`}
              </button>
            </li>
          )}
          {!findings.length && (
            <li class="bl-ok">
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
                <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
              </svg>
              Sounds like you. Nothing to change.
            </li>
          )}
        </ul>
      )}
      {!p.collapsed && (
        <div class="bl-foot">
          <kbd>{SHORTCUT_LABEL}</kbd> focus · <kbd>Esc</kbd> back to the editor
        </div>
      )}
    </div>
  );
}

/** Colours and type shared by every in-page surface (light by default, dark with [data-theme=dark]). */
export const INPAGE_TOKENS = `
:host { all: initial; }
.bl-root { --bl-accent: #2f6f4f; --bl-accent-strong: #255a40; --bl-accent-soft: #e8f1ec; --bl-bg: #ffffff; --bl-bg-soft: #f6f7f6;
  --bl-fg: #1c2420; --bl-fg-soft: #5b6660; --bl-border: #e3e7e4; --bl-shadow: 0 1px 2px rgba(16,24,20,.06), 0 8px 24px rgba(16,24,20,.12);
  --bl-error: #c84b3c; --bl-warning: #c98a1e; --bl-info: #4a78c2; --bl-good: #2f6f4f; --bl-fair: #c98a1e; --bl-poor: #c84b3c;
  font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--bl-fg);
  -webkit-font-smoothing: antialiased; }
.bl-root[data-theme="dark"] { --bl-accent: #6fbf94; --bl-accent-strong: #8fd3ad; --bl-accent-soft: #1d3328; --bl-bg: #171c1a;
  --bl-bg-soft: #1f2523; --bl-fg: #e7ece9; --bl-fg-soft: #9aa6a0; --bl-border: #2c3431; --bl-shadow: 0 1px 2px rgba(0,0,0,.4), 0 10px 28px rgba(0,0,0,.5);
  --bl-error: #ef7a6b; --bl-warning: #e3b04f; --bl-info: #7ea6e6; --bl-good: #6fbf94; --bl-fair: #e3b04f; --bl-poor: #ef7a6b; }
.bl-root *, .bl-root *::before, .bl-root *::after { box-sizing: border-box; }
.bl-btn { all: unset; box-sizing: border-box; cursor: pointer; display: inline-flex; align-items: center; gap: 6px; font: 500 12.5px/1 inherit;
  font-family: inherit; padding: 7px 11px; border-radius: 8px; border: 1px solid var(--bl-border); background: var(--bl-bg); color: var(--bl-fg); }
.bl-btn:hover { background: var(--bl-bg-soft); }
.bl-btn:focus-visible, .bl-icon:focus-visible, .bl-link:focus-visible { outline: 2px solid var(--bl-accent); outline-offset: 2px; }
.bl-btn[disabled] { opacity: .55; cursor: default; }
.bl-primary { background: var(--bl-accent); border-color: var(--bl-accent); color: #fff; }
.bl-primary:hover { background: var(--bl-accent-strong); }
.bl-root[data-theme="dark"] .bl-primary { color: #0d1511; }
.bl-quiet { border-color: transparent; background: transparent; color: var(--bl-fg-soft); }
.bl-icon { all: unset; cursor: pointer; display: inline-grid; place-items: center; width: 26px; height: 26px; border-radius: 7px; color: var(--bl-fg-soft); }
.bl-icon:hover { background: var(--bl-bg-soft); color: var(--bl-fg); }
.bl-link { all: unset; cursor: pointer; color: var(--bl-accent); font-weight: 500; }
.bl-link:hover { text-decoration: underline; }
kbd { font: 500 11px/1 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; padding: 2px 5px; border-radius: 4px;
  border: 1px solid var(--bl-border); background: var(--bl-bg-soft); color: var(--bl-fg-soft); }
.bl-score { position: relative; display: inline-grid; place-items: center; flex: none; }
.bl-score svg { position: absolute; inset: 0; }
.bl-ring-track { fill: none; stroke: var(--bl-border); stroke-width: 3; }
.bl-ring-value { fill: none; stroke: var(--tone); stroke-width: 3; stroke-linecap: round; transition: stroke-dasharray .25s ease; }
.bl-score.bl-good { --tone: var(--bl-good); } .bl-score.bl-fair { --tone: var(--bl-fair); } .bl-score.bl-poor { --tone: var(--bl-poor); }
.bl-score-num { position: relative; font: 600 12px/1 inherit; font-family: inherit; color: var(--bl-fg); font-variant-numeric: tabular-nums; letter-spacing: -.02em; }
.bl-score-num.bl-full { font-size: 10.5px; }
.bl-dot { width: 8px; height: 8px; border-radius: 50%; background: var(--sev); flex: none; margin-top: 5px; }
.bl-error { --sev: var(--bl-error); } .bl-warning { --sev: var(--bl-warning); } .bl-info { --sev: var(--bl-info); }
@media (prefers-reduced-motion: reduce) { .bl-ring-value { transition: none; } }
`;

export const DRAFT_CARD_CSS = `
.bl-card { position: absolute; left: 0; top: 0; width: 300px; max-height: min(420px, calc(100vh - 24px)); display: flex; flex-direction: column;
  background: var(--bl-bg); color: var(--bl-fg); border: 1px solid var(--bl-border); border-radius: 12px; box-shadow: var(--bl-shadow);
  pointer-events: auto; overflow: hidden; }
.bl-card:focus-visible { outline: 2px solid var(--bl-accent); outline-offset: 2px; }
.bl-card.bl-collapsed { width: 236px; }
.bl-head { display: flex; align-items: center; gap: 10px; padding: 10px 10px 10px 12px; }
.bl-card:not(.bl-collapsed) .bl-head { border-bottom: 1px solid var(--bl-border); }
.bl-title { display: flex; flex-direction: column; min-width: 0; flex: 1; }
.bl-brand { font-weight: 600; font-size: 13px; }
.bl-sum { color: var(--bl-fg-soft); font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.bl-sum-error { color: var(--bl-error); }
.bl-len { font-size: 11.5px; color: var(--bl-fg-soft); font-variant-numeric: tabular-nums; }
.bl-len.bl-over { color: var(--bl-error); font-weight: 600; }
.bl-findings { list-style: none; margin: 0; padding: 4px; overflow: auto; }
.bl-finding { display: flex; gap: 10px; padding: 9px 8px; border-radius: 8px; }
.bl-finding + .bl-finding { margin-top: 2px; }
.bl-finding.bl-active { background: var(--bl-bg-soft); }
.bl-body { min-width: 0; flex: 1; }
.bl-sev { display: block; font-size: 11px; font-weight: 600; letter-spacing: .02em; text-transform: uppercase; color: var(--sev); }
.bl-msg { margin: 2px 0 0; overflow-wrap: anywhere; }
.bl-fix { margin-top: 7px; max-width: 100%; background: var(--bl-accent-soft); border-color: transparent; color: var(--bl-accent-strong); }
.bl-fix:hover { background: color-mix(in srgb, var(--bl-accent) 22%, var(--bl-bg)); }
.bl-root[data-theme="dark"] .bl-fix { color: var(--bl-accent-strong); }
.bl-fix span, .bl-fix { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bl-more { padding: 6px 8px 4px 26px; }
.bl-ok { display: flex; align-items: center; gap: 8px; padding: 10px; color: var(--bl-accent); font-weight: 500; }
.bl-failure { margin: 8px 10px 0; padding: 10px; border-radius: 8px; background: color-mix(in srgb, var(--bl-error) 10%, var(--bl-bg));
  border: 1px solid color-mix(in srgb, var(--bl-error) 35%, var(--bl-bg)); }
.bl-failure p { margin: 0 0 8px; font-weight: 500; }
.bl-row { display: flex; gap: 6px; flex-wrap: wrap; }
.bl-foot { padding: 8px 12px; border-top: 1px solid var(--bl-border); font-size: 11.5px; color: var(--bl-fg-soft); }
`;
