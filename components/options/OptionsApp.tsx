/** The options page: a left navigation, one section at a time (linkable by URL hash), live-saved edits. */
import type { FunctionComponent } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ToastProvider } from '@/components/ui/Toast';
import { EditorProvider, useEditor } from './editor/Editor';
import type { SectionId } from './editor/reconcile';
import { SECTIONS, sectionFromHash } from './sections';
import { SaveStatus } from './SaveStatus';
import { RestoreBanner, WelcomeBanner } from './Notices';
import { useStartFromEmpty } from './startEmpty';
import { BrandSection } from './sections/BrandSection';
import { GoalsSection } from './sections/GoalsSection';
import { AudiencesSection } from './sections/AudiencesSection';
import { PillarsSection } from './sections/PillarsSection';
import { VoiceSection } from './sections/VoiceSection';
import { RepliesSection } from './sections/RepliesSection';
import { CalendarSection } from './sections/CalendarSection';
import { ReportsSection } from './sections/ReportsSection';
import { DataSection } from './sections/DataSection';

const VIEWS: Record<SectionId, FunctionComponent> = {
  brand: BrandSection,
  goals: GoalsSection,
  audiences: AudiencesSection,
  pillars: PillarsSection,
  voice: VoiceSection,
  replies: RepliesSection,
  calendar: CalendarSection,
  reports: ReportsSection,
  data: DataSection,
};

export function OptionsApp() {
  return (
    <ToastProvider>
      <EditorProvider fallback={<Loading />}>
        <Shell />
      </EditorProvider>
    </ToastProvider>
  );
}

function Loading() {
  return (
    <div class="loading" role="status">
      <span class="loading__dot" /> Loading your strategy…
    </div>
  );
}

export function Logo() {
  return (
    <svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#2f6f4f" />
      <rect x="8" y="9" width="16" height="3" rx="1.5" fill="#fff" />
      <rect x="8" y="14.5" width="11" height="3" rx="1.5" fill="#cfe6d9" />
      <rect x="8" y="20" width="14" height="3" rx="1.5" fill="#8fc7a6" />
    </svg>
  );
}

function Shell() {
  const editor = useEditor();
  const [section, setSection] = useState<SectionId>(() => sectionFromHash(location.hash));
  const [welcome, setWelcome] = useState(() => new URLSearchParams(location.search).get('welcome') === '1');
  const heading = useRef<HTMLHeadingElement>(null);
  const navigated = useRef(false);

  // Subscribed right after the first render, so a quick click on the navigation is never missed.
  useLayoutEffect(() => {
    const onHash = () => {
      navigated.current = true;
      setSection(sectionFromHash(location.hash));
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const info = SECTIONS.find((s) => s.id === section)!;
  useEffect(() => {
    document.title = `${info.title} · Brandline`;
    if (navigated.current) {
      scrollTo({ top: 0 });
      heading.current?.focus({ preventScroll: true });
    }
  }, [info]);

  const dismissWelcome = () => {
    setWelcome(false);
    const url = new URL(location.href);
    url.searchParams.delete('welcome');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  };
  const startEmpty = useStartFromEmpty(dismissWelcome);
  const View = VIEWS[section];
  const brandName = editor.draft.brand.name.trim();

  return (
    <div class="app">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <aside class="sidebar">
        <div class="sidebar__inner">
        <div class="sidebar__brand">
          <Logo />
          <div>
            <p class="sidebar__product">Brandline</p>
            <p class="sidebar__org" title={brandName || undefined}>
              {brandName || 'Your brand'}
            </p>
          </div>
        </div>
        <nav aria-label="Strategy sections">
          <ul class="nav">
            {SECTIONS.map((s) => {
              const n = s.count?.(editor.draft);
              const invalid = editor.invalidSections.has(s.id);
              return (
                <li key={s.id}>
                  <a
                    href={`#${s.id}`}
                    class="nav__link"
                    aria-current={s.id === section ? 'page' : undefined}
                  >
                    <span class="nav__label">{s.label}</span>
                    {invalid && (
                      <span class="nav__flag" title="Has fields that need attention">
                        <span class="visually-hidden">(needs attention)</span>
                      </span>
                    )}
                    {n !== undefined && n > 0 && <span class="nav__count">{n}</span>}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        </div>
      </aside>
      <main id="main" class="main">
        {welcome && <WelcomeBanner onStartEmpty={startEmpty.ask} onDismiss={dismissWelcome} />}
        {editor.notice && (
          <RestoreBanner
            notice={editor.notice}
            invalid={editor.state.kind === 'invalid'}
            onRestore={editor.restoreStale}
            onDiscard={editor.discardDraft}
            onDismiss={editor.dismissNotice}
          />
        )}
        <header class="page-head">
          <div>
            <h1 class="page-head__title" ref={heading} tabIndex={-1}>
              {info.title}
            </h1>
            <p class="page-head__intro">{info.intro}</p>
          </div>
          <SaveStatus state={editor.state} />
        </header>
        <View />
      </main>
      {startEmpty.dialog}
    </div>
  );
}
