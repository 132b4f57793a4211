/** The toolbar popup: the strategy at a glance, how Brandline sees this page, and links into the options. */
import { browser } from 'wxt/browser';
import { hasStrategy, loadStrategy } from '@/lib/db/repo';
import { useLive } from '@/lib/db/live';
import { PLATFORM_LABELS, type Strategy } from '@/lib/strategy/schema';
import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { formatMinutes } from '@/components/ui/format';
import { PageHealth } from './PageHealth';
import { isEmptyStrategy, keyRules } from './rules';

/** Open the options page, at a section when given (options.html#pillars). */
export async function openOptions(section?: string) {
  try {
    if (section) {
      const url = (browser.runtime.getURL as (p: string) => string)(`/options.html#${section}`);
      await browser.tabs.create({ url });
    } else {
      await browser.runtime.openOptionsPage();
    }
  } finally {
    window.close();
  }
}

function SectionLink({ section, children }: { section: string; children: string }) {
  return (
    <a
      class="pop-link"
      href={`options.html#${section}`}
      onClick={(e) => {
        e.preventDefault();
        void openOptions(section);
      }}
    >
      {children}
      <Icon name="right" />
    </a>
  );
}

function Logo() {
  return (
    <svg class="pop-logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#2f6f4f" />
      <rect x="8" y="9" width="16" height="3" rx="1.5" fill="#fff" />
      <rect x="8" y="14.5" width="11" height="3" rx="1.5" fill="#cfe6d9" />
      <rect x="8" y="20" width="14" height="3" rx="1.5" fill="#8fc7a6" />
    </svg>
  );
}

export function Popup() {
  const live = useLive(async () => ({ exists: await hasStrategy(), strategy: await loadStrategy() }), []);
  if (live.status === 'loading') return <div class="popup popup--loading" aria-busy="true" />;
  if (live.status === 'error')
    return (
      <div class="popup">
        <p class="pop-error" role="alert">
          Brandline could not read its data: {live.error.message}
        </p>
      </div>
    );
  const { exists, strategy } = live.value;
  const empty = !exists || isEmptyStrategy(strategy);
  return (
    <div class="popup">
      <header class="pop-head">
        <Logo />
        <div class="pop-head__names">
          <h1 class="pop-brand">{empty ? 'Brandline' : strategy.brand.name.trim() || 'Your brand'}</h1>
          <p class="pop-sub">{empty ? 'Your strategy, inside the platforms' : 'Brandline strategy'}</p>
        </div>
        <Button
          variant="ghost"
          size="sm"
          iconOnly
          icon="external"
          aria-label="Open Brandline settings"
          title="Open Brandline settings"
          onClick={() => void openOptions()}
        />
      </header>
      <PageHealth />
      {empty ? <EmptyPopup /> : <Glance strategy={strategy} />}
    </div>
  );
}

function EmptyPopup() {
  return (
    <section class="pop-empty">
      <p class="pop-empty__title">No strategy yet</p>
      <p class="pop-empty__body">
        Add your pillars, voice rules and channels, and Brandline brings them into X, LinkedIn and the other platforms
        while you post and reply.
      </p>
      <Button variant="primary" onClick={() => void openOptions('brand')}>
        Set up your strategy
      </Button>
    </section>
  );
}

function Glance({ strategy: s }: { strategy: Strategy }) {
  const rules = keyRules(s);
  const total = s.pillars.reduce((n, p) => n + p.targetShare, 0);
  return (
    <>
      <section class="pop-card" aria-labelledby="voice-title">
        <div class="pop-card__head">
          <h2 class="pop-card__title" id="voice-title">
            Voice
          </h2>
          <SectionLink section="voice">Voice guide</SectionLink>
        </div>
        {s.voice.summary.trim() && <p class="pop-summary">{s.voice.summary}</p>}
        {rules.length > 0 && (
          <ul class="pop-rules">
            {rules.map((r) => (
              <li key={r.text} class={`pop-rule pop-rule--${r.kind}`} title={r.detail}>
                <span class="pop-rule__mark" aria-hidden="true" />
                {r.text}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="pop-card" aria-labelledby="pillars-title">
        <div class="pop-card__head">
          <h2 class="pop-card__title" id="pillars-title">
            Pillars
          </h2>
          <SectionLink section="pillars">Edit</SectionLink>
        </div>
        {s.pillars.length === 0 ? (
          <p class="muted small">No pillars yet.</p>
        ) : (
          <ul class="pop-pillars">
            {s.pillars.map((p) => (
              <li key={p.id} class="pop-pillar">
                <span class="dot" style={{ background: p.color }} />
                <span class="pop-pillar__name">{p.name}</span>
                <span class="pop-pillar__bar" aria-hidden="true">
                  <span style={{ width: `${Math.min(100, p.targetShare)}%`, background: p.color }} />
                </span>
                <span class="pop-pillar__share">{Math.round(p.targetShare * 10) / 10}%</span>
              </li>
            ))}
          </ul>
        )}
        {s.pillars.length > 0 && Math.abs(total - 100) > 0.05 && (
          <p class="pop-note">Targets add up to {Math.round(total * 10) / 10}%.</p>
        )}
      </section>

      <section class="pop-card" aria-labelledby="channels-title">
        <div class="pop-card__head">
          <h2 class="pop-card__title" id="channels-title">
            Channels
          </h2>
          <SectionLink section="brand">Edit</SectionLink>
        </div>
        {s.channels.length === 0 ? (
          <p class="muted small">No channels yet.</p>
        ) : (
          <ul class="pop-chips">
            {s.channels.map((c) => (
              <li key={c.id} class="pop-chip" title={`Reply within ${formatMinutes(c.responseTargetMinutes)}`}>
                <span class="pop-chip__platform">{PLATFORM_LABELS[c.platform]}</span>
                <span class="pop-chip__handle">@{c.handle}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <nav class="pop-nav" aria-label="Open in Brandline">
        <SectionLink section="calendar">Calendar</SectionLink>
        <SectionLink section="replies">Saved replies</SectionLink>
        <SectionLink section="reports">Reports</SectionLink>
      </nav>
    </>
  );
}
