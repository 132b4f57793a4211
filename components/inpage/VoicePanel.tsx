/**
 * The voice panel: a launcher fixed at the page's bottom-right that opens the brand's voice guide, its content
 * pillars and its saved replies (searchable). A saved reply is filled ({name} {handle} {brand}), checked against the
 * voice (score and findings shown first, "Insert anyway" when it has findings) and inserted into the composer the
 * user last typed in. Esc closes; keyboard accessible throughout (tabs with arrow keys, buttons, a search field).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SavedReply, Strategy } from '@/lib/strategy/schema';
import type { CheckResult } from '@/lib/voice';
import { ScoreRing, INPAGE_TOKENS } from './DraftCard';

export type PanelTab = 'voice' | 'pillars' | 'replies';

export interface InsertTarget {
  /** e.g. "your reply to @sam on X". */
  description: string;
}

export interface VoicePanelProps {
  strategy: Strategy;
  /** Where an inserted reply goes; null when no composer has been used on this page yet. */
  target: InsertTarget | null;
  onClose(): void;
  /** A saved reply with its variables filled for the current target. */
  fill(reply: SavedReply): string;
  checkText(text: string): CheckResult;
  /** Insert into the target composer through the editor bridge. */
  insert(text: string): Promise<{ ok: boolean }>;
  copy(text: string): Promise<boolean>;
}

const TABS: { id: PanelTab; label: string }[] = [
  { id: 'voice', label: 'Voice' },
  { id: 'pillars', label: 'Pillars' },
  { id: 'replies', label: 'Saved replies' },
];

const SVG_NS = 'http://www.w3.org/2000/svg';
const LAUNCHER_ICON: Record<string, string>[] = [
  {
    d: 'M4 4.5h12a1.5 1.5 0 0 1 1.5 1.5v6.5A1.5 1.5 0 0 1 16 14H9l-3.5 3v-3H4A1.5 1.5 0 0 1 2.5 12.5V6A1.5 1.5 0 0 1 4 4.5z',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '1.6',
    'stroke-linejoin': 'round',
  },
  { d: 'M6.5 8.2h7M6.5 10.8h4.5', stroke: 'currentColor', 'stroke-width': '1.6', 'stroke-linecap': 'round' },
];

export interface Launcher {
  button: HTMLButtonElement;
  /** Show the panel as open or closed. */
  setOpen(open: boolean): void;
}

/**
 * The launcher at the page's bottom-right, in plain DOM: it is on every page the content script runs on, and the panel
 * (Preact) is drawn only when a user opens it. Drawing the closed launcher through Preact cost every page load ~2-4 ms
 * of script (BENCHMARKS.md, feed-virtual).
 */
export function mountLauncher(mount: HTMLElement, onToggle: () => void): Launcher {
  const doc = mount.ownerDocument;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'vp-launcher';
  button.setAttribute('aria-controls', 'bl-voice-panel');
  button.title = 'Brand voice, pillars and saved replies';
  const svg = doc.createElementNS(SVG_NS, 'svg');
  for (const [k, v] of [['width', '20'], ['height', '20'], ['viewBox', '0 0 20 20'], ['aria-hidden', 'true']]) svg.setAttribute(k, v);
  for (const attrs of LAUNCHER_ICON) {
    const path = doc.createElementNS(SVG_NS, 'path');
    for (const [k, v] of Object.entries(attrs)) path.setAttribute(k, v);
    svg.append(path);
  }
  button.append(svg);
  button.addEventListener('click', onToggle);
  const setOpen = (open: boolean) => {
    button.className = open ? 'vp-launcher vp-on' : 'vp-launcher';
    button.setAttribute('aria-expanded', String(open));
    button.setAttribute(
      'aria-label',
      open ? 'Close the Brandline voice panel' : 'Open the Brandline voice panel: voice guide, pillars, saved replies',
    );
  };
  setOpen(false);
  mount.append(button);
  return { button, setOpen };
}

/** The open panel: the voice guide, the pillars and the saved replies. */
export function VoicePanel(p: VoicePanelProps) {
  const [tab, setTab] = useState<PanelTab>(p.target && p.strategy.savedReplies.length ? 'replies' : 'voice');
  const panelRef = useRef<HTMLDivElement>(null);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const { strategy } = p;

  useEffect(() => {
    // Move focus into the panel: the search field on Saved replies, else the selected tab.
    const search = panelRef.current?.querySelector<HTMLInputElement>('input[type="search"]');
    (search ?? tabRefs.current[tab] ?? panelRef.current)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next].id);
    tabRefs.current[TABS[next].id]?.focus();
  };

  return (
    <div
      ref={panelRef}
      id="bl-voice-panel"
      class="vp-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="vp-title"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          p.onClose();
        }
      }}
    >
      <header class="vp-head">
        <div class="vp-heading">
          <span class="vp-mark" aria-hidden="true" />
          <div>
            <h2 id="vp-title">{strategy.brand.name || 'Brand voice'}</h2>
            <span class="vp-sub">Voice guide, pillars and saved replies</span>
          </div>
        </div>
        <button type="button" class="bl-icon" aria-label="Close (Esc)" title="Close (Esc)" onClick={p.onClose}>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <path d="M3.5 3.5l7 7M10.5 3.5l-7 7" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
          </svg>
        </button>
      </header>
      <div class="vp-tabs" role="tablist" aria-label="Sections" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`vp-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`vp-pane-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            class="vp-tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.id === 'replies' && strategy.savedReplies.length > 0 && <span class="vp-count">{strategy.savedReplies.length}</span>}
          </button>
        ))}
      </div>
      <div class="vp-body" role="tabpanel" tabIndex={0} id={`vp-pane-${tab}`} aria-labelledby={`vp-tab-${tab}`}>
        {tab === 'voice' && <VoiceGuideView strategy={strategy} />}
        {tab === 'pillars' && <PillarsView strategy={strategy} />}
        {tab === 'replies' && <RepliesView {...p} />}
      </div>
    </div>
  );
}

function VoiceGuideView({ strategy }: { strategy: Strategy }) {
  const v = strategy.voice;
  const emoji = v.emoji.policy === 'none' ? 'None' : v.emoji.policy === 'freely' ? 'Freely' : `Sparingly (up to ${v.emoji.max})`;
  const empty = !v.summary && !v.traits.length && !v.preferredTerms.length && !v.bannedTerms.length;
  return (
    <div class="vp-stack">
      {empty && <p class="vp-empty">No voice guide yet. Write one in Brandline's options.</p>}
      {v.summary && <p class="vp-summary">{v.summary}</p>}
      {v.traits.length > 0 && (
        <section aria-labelledby="vp-traits">
          <h3 id="vp-traits">Tone</h3>
          <div class="vp-traits">
            {v.traits.map((t) => (
              <article class="vp-trait" key={t.id}>
                <h4>{t.name}</h4>
                {t.description && <p class="vp-muted">{t.description}</p>}
                {t.do.length > 0 && (
                  <ul class="vp-examples vp-do" aria-label={`${t.name}: do`}>
                    {t.do.map((x, i) => (
                      <li key={i}>
                        <span class="vp-ex-icon" aria-hidden="true">✓</span>
                        <span>{x}</span>
                      </li>
                    ))}
                  </ul>
                )}
                {t.dont.length > 0 && (
                  <ul class="vp-examples vp-dont" aria-label={`${t.name}: don't`}>
                    {t.dont.map((x, i) => (
                      <li key={i}>
                        <span class="vp-ex-icon" aria-hidden="true">✕</span>
                        <span>{x}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </article>
            ))}
          </div>
        </section>
      )}
      {v.preferredTerms.length > 0 && (
        <section aria-labelledby="vp-preferred">
          <h3 id="vp-preferred">Preferred words</h3>
          <ul class="vp-terms">
            {v.preferredTerms.map((t) => (
              <li key={t.id}>
                <span class="vp-use">{t.use}</span>
                <span class="vp-muted"> not </span>
                <span class="vp-instead">{t.insteadOf.join(', ')}</span>
                {t.note && <span class="vp-note">{t.note}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {v.bannedTerms.length > 0 && (
        <section aria-labelledby="vp-banned">
          <h3 id="vp-banned">Never say</h3>
          <ul class="vp-terms">
            {v.bannedTerms.map((t) => (
              <li key={t.id}>
                <span class="vp-banned">{t.term}</span>
                {t.reason && <span class="vp-note">{t.reason}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="vp-policy">
        <h3 id="vp-policy">Style</h3>
        <dl class="vp-policy">
          <div>
            <dt>Emoji</dt>
            <dd>{emoji}</dd>
          </div>
          <div>
            <dt>Hashtags</dt>
            <dd>Up to {v.hashtags.max}</dd>
          </div>
          <div>
            <dt>Exclamation marks</dt>
            <dd>Up to {v.exclamations.max}</dd>
          </div>
          {v.readingGrade !== null && (
            <div>
              <dt>Reading level</dt>
              <dd>Grade {v.readingGrade}</dd>
            </div>
          )}
          {v.disclosures.length > 0 && (
            <div>
              <dt>Disclosures</dt>
              <dd>{v.disclosures.map((d) => d.text).join(', ')}</dd>
            </div>
          )}
        </dl>
      </section>
    </div>
  );
}

function PillarsView({ strategy }: { strategy: Strategy }) {
  if (!strategy.pillars.length) return <p class="vp-empty">No content pillars yet. Add them in Brandline's options.</p>;
  return (
    <ul class="vp-pillars">
      {strategy.pillars.map((p) => (
        <li key={p.id} class="vp-pillar" style={{ '--pillar': p.color }}>
          <div class="vp-pillar-head">
            <span class="vp-swatch" aria-hidden="true" />
            <h4>{p.name}</h4>
            <span class="vp-target" title="Target share of posts">{p.targetShare}%</span>
          </div>
          <div class="vp-bar" aria-hidden="true">
            <span style={{ width: `${Math.min(100, p.targetShare)}%` }} />
          </div>
          {p.description && <p class="vp-muted">{p.description}</p>}
          {p.keywords.length > 0 && (
            <ul class="vp-chips" aria-label={`${p.name} keywords`}>
              {p.keywords.map((k) => (
                <li key={k}>{k}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function matches(r: SavedReply, q: string): boolean {
  if (!q) return true;
  const hay = `${r.title}\n${r.body}\n${r.tags.join(' ')}`.toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

function RepliesView(p: VoicePanelProps) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<SavedReply | null>(null);
  const replies = p.strategy.savedReplies;
  const found = useMemo(() => replies.filter((r) => matches(r, query)), [replies, query]);
  if (!replies.length) return <p class="vp-empty">No saved replies yet. Add them in Brandline's options.</p>;
  if (chosen) return <ReplyPreview {...p} reply={chosen} onBack={() => setChosen(null)} />;
  return (
    <div class="vp-stack">
      <label class="vp-search">
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          <circle cx="6" cy="6" r="4.2" fill="none" stroke="currentColor" stroke-width="1.5" />
          <path d="M9.2 9.2l3 3" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
        </svg>
        <input
          type="search"
          placeholder="Search saved replies"
          aria-label="Search saved replies"
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <p class="vp-target-line">
        {p.target ? (
          <>Goes into {p.target.description}.</>
        ) : (
          <>Click into a reply box first, then choose a reply.</>
        )}
      </p>
      {found.length === 0 && <p class="vp-empty">No saved reply matches “{query}”.</p>}
      <ul class="vp-replies" aria-label="Saved replies">
        {found.map((r) => (
          <li key={r.id}>
            <button type="button" class="vp-reply" onClick={() => setChosen(r)}>
              <span class="vp-reply-title">{r.title}</span>
              <span class="vp-reply-body">{p.fill(r)}</span>
              {r.tags.length > 0 && (
                <span class="vp-reply-tags">
                  {r.tags.map((t) => (
                    <span key={t} class="vp-tag">
                      {t}
                    </span>
                  ))}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ReplyPreview(p: VoicePanelProps & { reply: SavedReply; onBack(): void }) {
  const text = p.fill(p.reply);
  const result = useMemo(() => p.checkText(text), [text]);
  const [state, setState] = useState<'idle' | 'busy' | 'failed' | 'copied'>('idle');
  const backRef = useRef<HTMLButtonElement>(null);
  useEffect(() => backRef.current?.focus(), []);
  const findings = result.findings;
  const doInsert = async () => {
    setState('busy');
    const r = await p.insert(text).catch(() => ({ ok: false }));
    setState(r.ok ? 'idle' : 'failed');
  };
  return (
    <div class="vp-stack">
      <button ref={backRef} type="button" class="bl-link vp-back" onClick={p.onBack}>
        ← All saved replies
      </button>
      <h3 class="vp-preview-title">{p.reply.title}</h3>
      <p class="vp-preview" aria-label="Reply text">
        {text}
      </p>
      <div class="vp-check">
        <ScoreRing score={result.score} />
        <div>
          <strong>{findings.length ? `${findings.length} thing${findings.length === 1 ? '' : 's'} to look at` : 'On brand'}</strong>
          <span class="vp-muted">
            {findings.length ? ' before you send it' : ' — ready to insert'}
          </span>
        </div>
      </div>
      {findings.length > 0 && (
        <ul class="vp-findings" aria-label="Findings">
          {findings.map((f, i) => (
            <li key={i} class={`bl-${f.severity}`}>
              <span class="bl-dot" aria-hidden="true" />
              <span>{f.message}</span>
            </li>
          ))}
        </ul>
      )}
      {state === 'failed' && (
        <p class="vp-error" role="alert">
          Couldn't insert into this editor — copy it instead.
        </p>
      )}
      {!p.target && state !== 'failed' && <p class="vp-target-line">Click into a reply box first, or copy the reply.</p>}
      <div class="vp-actions">
        {p.target && state !== 'failed' && (
          <button type="button" class="bl-btn bl-primary" disabled={state === 'busy'} onClick={() => void doInsert()}>
            {state === 'busy' ? 'Inserting…' : findings.length ? 'Insert anyway' : 'Insert'}
          </button>
        )}
        <button
          type="button"
          class={`bl-btn${p.target && state !== 'failed' ? '' : ' bl-primary'}`}
          onClick={async () => setState((await p.copy(text)) ? 'copied' : state)}
        >
          {state === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}

/** The launcher's styles, with the in-page tokens: adopted when the launcher is drawn. */
export const VOICE_LAUNCHER_CSS =
  INPAGE_TOKENS +
  `
.vp-launcher { all: unset; box-sizing: border-box; position: fixed; right: 20px; bottom: 76px; width: 44px; height: 44px; border-radius: 50%;
  display: grid; place-items: center; cursor: pointer; background: var(--bl-accent); color: #fff; pointer-events: auto;
  box-shadow: 0 2px 6px rgba(16,24,20,.18), 0 8px 20px rgba(16,24,20,.16); transition: transform .15s ease, background-color .15s ease; }
.vp-launcher:hover { background: var(--bl-accent-strong); transform: translateY(-1px); }
.vp-launcher:focus-visible { outline: 3px solid color-mix(in srgb, var(--bl-accent) 45%, transparent); outline-offset: 3px; }
.vp-launcher.vp-on { background: var(--bl-accent-strong); }
.bl-root[data-theme="dark"] .vp-launcher { color: #0d1511; }
@media (prefers-reduced-motion: reduce) { .vp-launcher { transition: none; } }
`;

/** The panel's styles: adopted the first time the panel opens. */
export const VOICE_PANEL_CSS = `
.vp-panel-slot { display: contents; }
.vp-panel { position: fixed; right: 20px; bottom: 132px; width: 372px; max-width: calc(100vw - 40px); max-height: min(640px, calc(100vh - 156px));
  display: flex; flex-direction: column; background: var(--bl-bg); color: var(--bl-fg); border: 1px solid var(--bl-border);
  border-radius: 14px; box-shadow: var(--bl-shadow); overflow: hidden; pointer-events: auto; }
.vp-panel:focus { outline: none; }
.vp-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 14px 12px 10px 16px; }
.vp-heading { display: flex; align-items: center; gap: 10px; min-width: 0; }
.vp-mark { width: 10px; height: 28px; border-radius: 5px; background: var(--bl-accent); flex: none; }
.vp-head h2 { margin: 0; font-size: 15px; font-weight: 650; line-height: 1.25; }
.vp-sub { font-size: 12px; color: var(--bl-fg-soft); }
.vp-tabs { display: flex; gap: 2px; padding: 0 12px; border-bottom: 1px solid var(--bl-border); }
.vp-tab { all: unset; cursor: pointer; display: inline-flex; align-items: center; gap: 6px; padding: 9px 10px 10px; font-weight: 500;
  color: var(--bl-fg-soft); border-bottom: 2px solid transparent; margin-bottom: -1px; }
.vp-tab:hover { color: var(--bl-fg); }
.vp-tab[aria-selected="true"] { color: var(--bl-fg); border-bottom-color: var(--bl-accent); }
.vp-tab:focus-visible { outline: 2px solid var(--bl-accent); outline-offset: -2px; border-radius: 6px; }
.vp-count { font-size: 11px; font-weight: 600; padding: 1px 6px; border-radius: 9px; background: var(--bl-bg-soft); color: var(--bl-fg-soft); }
.vp-body { overflow: auto; padding: 14px 16px 16px; }
.vp-body:focus-visible { outline: 2px solid var(--bl-accent); outline-offset: -2px; }
.vp-stack { display: flex; flex-direction: column; gap: 14px; }
.vp-stack > * { margin: 0; }
h3 { margin: 0 0 8px; font-size: 11.5px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; color: var(--bl-fg-soft); }
h4 { margin: 0; font-size: 13.5px; font-weight: 600; }
.vp-muted { color: var(--bl-fg-soft); }
p.vp-muted { margin: 3px 0 0; }
.vp-empty { color: var(--bl-fg-soft); margin: 0; }
.vp-summary { font-size: 14px; line-height: 1.5; padding: 10px 12px; border-radius: 10px; background: var(--bl-accent-soft); color: var(--bl-fg); }
.vp-traits { display: flex; flex-direction: column; gap: 8px; }
.vp-trait { padding: 10px 12px; border: 1px solid var(--bl-border); border-radius: 10px; }
.vp-examples { list-style: none; margin: 8px 0 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
.vp-examples li { display: flex; gap: 7px; font-size: 12.5px; }
.vp-ex-icon { flex: none; width: 16px; height: 16px; border-radius: 50%; display: grid; place-items: center; font-size: 10px; font-weight: 700; margin-top: 1px; }
.vp-do .vp-ex-icon { background: color-mix(in srgb, var(--bl-good) 16%, transparent); color: var(--bl-good); }
.vp-dont .vp-ex-icon { background: color-mix(in srgb, var(--bl-error) 14%, transparent); color: var(--bl-error); }
.vp-dont li > span:last-child { color: var(--bl-fg-soft); }
.vp-terms { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.vp-terms li { line-height: 1.4; }
.vp-use { font-weight: 600; color: var(--bl-good); }
.vp-instead { text-decoration: line-through; text-decoration-color: color-mix(in srgb, var(--bl-error) 60%, transparent); color: var(--bl-fg-soft); }
.vp-banned { font-weight: 600; color: var(--bl-error); }
.vp-note { display: block; font-size: 12px; color: var(--bl-fg-soft); }
.vp-policy { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; margin: 0; }
.vp-policy div { padding: 8px 10px; border-radius: 8px; background: var(--bl-bg-soft); }
.vp-policy dt { font-size: 11.5px; color: var(--bl-fg-soft); }
.vp-policy dd { margin: 2px 0 0; font-weight: 500; }
.vp-pillars { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; }
.vp-pillar { padding: 10px 12px; border: 1px solid var(--bl-border); border-radius: 10px; }
.vp-pillar-head { display: flex; align-items: center; gap: 8px; }
.vp-pillar-head h4 { flex: 1; }
.vp-swatch { width: 10px; height: 10px; border-radius: 3px; background: var(--pillar); flex: none; }
.vp-target { font-size: 12px; font-weight: 600; color: var(--bl-fg-soft); font-variant-numeric: tabular-nums; }
.vp-bar { height: 4px; border-radius: 2px; background: var(--bl-bg-soft); margin: 8px 0 6px; overflow: hidden; }
.vp-bar span { display: block; height: 100%; background: var(--pillar); border-radius: 2px; }
.vp-chips { list-style: none; margin: 8px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
.vp-chips li { font-size: 11.5px; padding: 2px 8px; border-radius: 10px; background: color-mix(in srgb, var(--pillar) 12%, var(--bl-bg)); color: var(--bl-fg); }
.vp-search { display: flex; align-items: center; gap: 8px; padding: 0 10px; height: 34px; border: 1px solid var(--bl-border); border-radius: 9px;
  color: var(--bl-fg-soft); background: var(--bl-bg); }
.vp-search:focus-within { border-color: var(--bl-accent); box-shadow: 0 0 0 3px color-mix(in srgb, var(--bl-accent) 18%, transparent); }
.vp-search input { all: unset; flex: 1; font: inherit; color: var(--bl-fg); min-width: 0; }
.vp-search input::placeholder { color: var(--bl-fg-soft); }
.vp-target-line { font-size: 12px; color: var(--bl-fg-soft); }
.vp-replies { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.vp-reply { all: unset; box-sizing: border-box; display: flex; flex-direction: column; gap: 3px; width: 100%; cursor: pointer; padding: 10px 12px;
  border: 1px solid var(--bl-border); border-radius: 10px; }
.vp-reply:hover { border-color: color-mix(in srgb, var(--bl-accent) 45%, var(--bl-border)); background: var(--bl-bg-soft); }
.vp-reply:focus-visible { outline: 2px solid var(--bl-accent); outline-offset: 1px; }
.vp-reply-title { font-weight: 600; }
.vp-reply-body { color: var(--bl-fg-soft); font-size: 12.5px; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.vp-reply-tags { display: flex; gap: 4px; margin-top: 3px; }
.vp-tag { font-size: 11px; padding: 1px 7px; border-radius: 9px; background: var(--bl-bg-soft); color: var(--bl-fg-soft); }
.vp-back { font-size: 12.5px; align-self: flex-start; }
.vp-preview-title { text-transform: none; letter-spacing: 0; font-size: 14px; color: var(--bl-fg); }
.vp-preview { padding: 10px 12px; border-radius: 10px; background: var(--bl-bg-soft); white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.5; }
.vp-check { display: flex; align-items: center; gap: 10px; }
.vp-findings { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.vp-findings li { display: flex; gap: 8px; font-size: 12.5px; }
.vp-error { color: var(--bl-error); font-weight: 500; }
.vp-actions { display: flex; gap: 8px; justify-content: flex-end; }
`;
