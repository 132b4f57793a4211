/**
 * What Brandline collects and keeps: the capture scope, the in-page features, snapshot retention, deleting the
 * collected data (with Undo), and the Mastodon instances Brandline may run on.
 *
 * Every change is saved through saveSettings, then the background is told (settingsUpdated) so open tabs follow.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db';
import { applyRetention, loadSettings, saveSettings } from '@/lib/db/repo';
import { useLive } from '@/lib/db/live';
import { send } from '@/lib/messaging/send';
import { instancePattern } from '@/lib/platforms/hosts';
import type { Settings } from '@/lib/strategy/schema';
import { Button } from '@/components/ui/Button';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import { Icon } from '@/components/ui/Icon';
import { useToast } from '@/components/ui/Toast';
import { Panel } from '@/components/reports/Panel';
import { builtInPlatformOf, countsText, deleteAllCollected, hostOfPattern, restoreCollected, type Collected } from './data';
import './settings.css';

const DAY = 86_400_000;

type Scope = Settings['captureScope'];
const SCOPES: readonly { id: Scope; label: string; text: string }[] = [
  {
    id: 'own',
    label: 'Own posts only',
    text: 'Stores the counts of posts from your channels’ handles. Nothing about anyone else’s posts is kept.',
  },
  {
    id: 'ownAndTagged',
    label: 'Own and tagged posts',
    text: 'Your posts, plus any post you tag with a pillar — a partner’s or a competitor’s — so reports can compare them. Other posts are not stored.',
  },
  {
    id: 'all',
    label: 'All visible posts',
    text: 'Stores the counts of every post that scrolls into view, whoever wrote it. Collects the most; best for a short research period.',
  },
];

type FeatureKey = keyof Settings['features'];
const FEATURES: readonly { id: FeatureKey; label: string; text: string }[] = [
  { id: 'pillarTags', label: 'Pillar tags', text: 'A chip on each post to tag it with a content pillar, with a suggestion from its words.' },
  { id: 'capture', label: 'Engagement capture', text: 'Reads the likes, replies, reposts and views shown on posts as they scroll by.' },
  { id: 'draftCheck', label: 'Draft check', text: 'Underlines voice-guide issues while you write a post or a reply.' },
  { id: 'voicePanel', label: 'Voice panel', text: 'A launcher beside composers with your voice guide and saved replies.' },
];

export const RETENTION_OPTIONS: readonly { days: number; label: string }[] = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 180, label: '6 months' },
  { days: 365, label: '1 year' },
  { days: 730, label: '2 years' },
  { days: 3650, label: 'Forever' },
];

const retentionLabel = (days: number) => RETENTION_OPTIONS.find((o) => o.days === days)?.label ?? `${days} days`;
const n = (x: number) => x.toLocaleString();

/** Save a change to the settings (read fresh, so two quick changes never undo each other), then tell the background. */
async function update(change: (s: Settings) => Settings): Promise<Settings> {
  const next = await saveSettings(change(await loadSettings()));
  await Promise.resolve()
    .then(() => send({ type: 'settingsUpdated' }))
    .catch(() => {});
  return next;
}

type Note = { tone: 'success' | 'warning' | 'danger' | 'info'; text: string } | null;

function NoteLine({ note, testId }: { note: Note; testId?: string }) {
  // The live region is always there, so screen readers announce what appears in it.
  return (
    <div role="status" aria-live="polite" data-testid={testId} class="ds-live">
      {note && (
        <p class={note.tone === 'info' ? 'bl-note' : `bl-note bl-note--${note.tone}`}>
          <Icon name={note.tone === 'success' ? 'check' : note.tone === 'info' ? 'info' : 'alert'} />
          <span>{note.text}</span>
        </p>
      )}
    </div>
  );
}

export function DataSettings() {
  const settings = useLive(() => loadSettings());
  if (settings.status === 'error')
    return (
      <p class="bl-note bl-note--danger" role="alert">
        <Icon name="alert" />
        <span>Settings could not be read: {settings.error.message}</span>
      </p>
    );
  if (settings.status !== 'ready')
    return (
      <p class="ds-loading" role="status">
        Loading settings…
      </p>
    );
  return (
    <div class="bl-stack ds">
      <CapturePanel settings={settings.value} />
      <FeaturesPanel settings={settings.value} />
      <RetentionPanel settings={settings.value} />
      <CollectedPanel />
      <MastodonPanel settings={settings.value} />
    </div>
  );
}

/** "Saved" next to a card's title for a moment after a change. */
function useSaved() {
  const [at, setAt] = useState(0);
  useEffect(() => {
    if (!at) return;
    const t = setTimeout(() => setAt(0), 2500);
    return () => clearTimeout(t);
  }, [at]);
  const badge = (
    <span class="ds-saved" role="status">
      {at ? (
        <>
          <Icon name="check" /> Saved
        </>
      ) : null}
    </span>
  );
  return { badge, mark: () => setAt(Date.now()) };
}

// ---- capture scope ----

function CapturePanel({ settings }: { settings: Settings }) {
  const saved = useSaved();
  const [error, setError] = useState<string | null>(null);
  const choose = async (scope: Scope) => {
    try {
      await update((s) => ({ ...s, captureScope: scope }));
      setError(null);
      saved.mark();
    } catch (e) {
      setError(`Not saved: ${(e as Error).message}`);
    }
  };
  return (
    <Panel
      id="ds-capture"
      title="What Brandline captures"
      description="Engagement counts are read from the page as posts scroll into view — never by scrolling or clicking for you. Choose whose posts are stored."
      actions={saved.badge}
    >
      <fieldset class="ds-radios">
        <legend class="visually-hidden">Posts whose counts are stored</legend>
        {SCOPES.map((o) => (
          <label key={o.id} class="ds-radio">
            <input
              type="radio"
              name="capture-scope"
              value={o.id}
              checked={settings.captureScope === o.id}
              onChange={() => void choose(o.id)}
            />
            <span class="ds-radio__body">
              <span class="ds-radio__title">
                {o.label}
                {o.id === 'ownAndTagged' && <span class="ds-tag">Default</span>}
              </span>
              <span class="ds-radio__text">{o.text}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {!settings.features.capture && (
        <p class="bl-note bl-note--warning">
          <Icon name="info" />
          <span>Engagement capture is switched off below, so nothing new is stored until you turn it on.</span>
        </p>
      )}
      {error && <NoteLine note={{ tone: 'danger', text: error }} />}
    </Panel>
  );
}

// ---- in-page features ----

function FeaturesPanel({ settings }: { settings: Settings }) {
  const saved = useSaved();
  const toggle = async (id: FeatureKey, on: boolean) => {
    await update((s) => ({ ...s, features: { ...s.features, [id]: on } }));
    saved.mark();
  };
  return (
    <Panel
      id="ds-features"
      title="On the platforms’ pages"
      description="What Brandline adds to X, LinkedIn and the other platforms. Open tabs follow your choice right away."
      actions={saved.badge}
    >
      <ul class="ds-switches">
        {FEATURES.map((f) => (
          <li key={f.id} class="ds-switch">
            <label class="toggle">
              <input
                type="checkbox"
                role="switch"
                checked={settings.features[f.id]}
                aria-describedby={`ds-f-${f.id}`}
                onChange={(e) => void toggle(f.id, e.currentTarget.checked)}
              />
              <span>{f.label}</span>
            </label>
            <p class="ds-switch__text" id={`ds-f-${f.id}`}>
              {f.text}
            </p>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

// ---- retention ----

function RetentionPanel({ settings }: { settings: Settings }) {
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  const stats = useLive(async () => {
    const db = getDb();
    const now = Date.now();
    const [total, oldest, older] = await Promise.all([
      db.snapshots.count(),
      db.snapshots.orderBy('at').first(),
      Promise.all(RETENTION_OPTIONS.map((o) => db.snapshots.where('at').below(now - o.days * DAY).count())),
    ]);
    return { total, oldest: oldest?.at ?? null, older };
  });
  const s = stats.status === 'ready' ? stats.value : null;
  const options = RETENTION_OPTIONS.some((o) => o.days === settings.retentionDays)
    ? RETENTION_OPTIONS
    : [...RETENTION_OPTIONS, { days: settings.retentionDays, label: `${settings.retentionDays} days` }].sort((a, b) => a.days - b.days);

  const change = async (days: number) => {
    setBusy(true);
    try {
      await update((x) => ({ ...x, retentionDays: days }));
      const deleted = await applyRetention(days);
      const span = days >= 3650 ? 'forever' : `for ${retentionLabel(days)}`;
      setNote({
        tone: 'success',
        text: deleted
          ? `Saved: snapshots are kept ${span}. Deleted ${n(deleted)} ${deleted === 1 ? 'snapshot' : 'snapshots'} older than that.`
          : `Saved: snapshots are kept ${span}. None were older, so nothing was deleted.`,
      });
    } catch (e) {
      setNote({ tone: 'danger', text: `Not saved: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel
      id="ds-retention"
      title="How long to keep counts"
      description="Each capture of a post’s counts is a snapshot. Older snapshots are deleted when Brandline starts and whenever you change this. Posts and tags are kept."
    >
      <div class="ds-retention">
        <div class="ds-field">
          <label class="ds-field__label" for="ds-retention-days">
            Keep snapshots for
          </label>
          <select
            id="ds-retention-days"
            class="select ds-select"
            value={String(settings.retentionDays)}
            disabled={busy}
            onChange={(e) => void change(Number(e.currentTarget.value))}
          >
            {options.map((o) => {
              const i = RETENTION_OPTIONS.findIndex((r) => r.days === o.days);
              const older = s && i >= 0 ? s.older[i]! : 0;
              return (
                <option key={o.days} value={String(o.days)}>
                  {o.label}
                  {older > 0 && o.days < settings.retentionDays ? ` — deletes ${n(older)} now` : ''}
                </option>
              );
            })}
          </select>
        </div>
        {s && (
          <p class="ds-retention__stats">
            {s.total ? (
              <>
                <strong>{n(s.total)}</strong> {s.total === 1 ? 'snapshot' : 'snapshots'} stored
                {s.oldest !== null && <>, the oldest from {new Date(s.oldest).toLocaleDateString(undefined, { dateStyle: 'medium' })}</>}
              </>
            ) : (
              'No snapshots stored yet.'
            )}
          </p>
        )}
      </div>
      <NoteLine note={note} testId="retention-status" />
    </Panel>
  );
}

// ---- delete collected data ----

function CollectedPanel() {
  const toast = useToast();
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const counts = useLive(async () => {
    const db = getDb();
    const [posts, tags, snapshots] = await Promise.all([db.posts.count(), db.tags.count(), db.snapshots.count()]);
    return { posts, tags, snapshots };
  });
  const c = counts.status === 'ready' ? counts.value : null;
  const empty = !c || c.posts + c.tags + c.snapshots === 0;

  const confirm = async () => {
    setAsking(false);
    let removed: Collected;
    try {
      removed = await deleteAllCollected();
    } catch (e) {
      setNote({ tone: 'danger', text: `Nothing was deleted: ${(e as Error).message}` });
      return;
    }
    setNote(null);
    void send({ type: 'collectedDataChanged' }).catch(() => {});
    // The deleted rows live only in this toast's Undo: when the toast goes, they go.
    toast.show({
      message: `Deleted ${countsText(removed)}.`,
      action: {
        label: 'Undo',
        run: () => {
          restoreCollected(removed).then(
            () => {
              setNote({ tone: 'success', text: `Restored ${countsText(removed)}.` });
              void send({ type: 'collectedDataChanged' }).catch(() => {});
            },
            (e: Error) => setNote({ tone: 'danger', text: `Could not restore the data: ${e.message}` }),
          );
        },
      },
    });
  };

  return (
    <Panel
      id="ds-collected"
      title="Collected data"
      description="The posts, pillar tags and counts Brandline collected on the platforms. They stay in this browser; Brandline sends nothing anywhere."
    >
      <div class="ds-collected">
        <dl class="ds-counts">
          <div>
            <dt>Posts</dt>
            <dd data-testid="count-posts">{c ? n(c.posts) : '…'}</dd>
          </div>
          <div>
            <dt>Pillar tags</dt>
            <dd data-testid="count-tags">{c ? n(c.tags) : '…'}</dd>
          </div>
          <div>
            <dt>Snapshots</dt>
            <dd data-testid="count-snapshots">{c ? n(c.snapshots) : '…'}</dd>
          </div>
        </dl>
        <Button variant="danger" icon="trash" disabled={empty} onClick={() => setAsking(true)}>
          Delete all collected data…
        </Button>
      </div>
      <NoteLine note={note} />
      <ConfirmDialog
        open={asking && !!c}
        title="Delete all collected data?"
        confirmLabel="Delete collected data"
        danger
        onCancel={() => setAsking(false)}
        onConfirm={() => void confirm()}
      >
        <p>
          This deletes <strong>{c && countsText(c)}</strong> from this browser. Your strategy and settings stay. You can undo
          it for a few seconds afterwards.
        </p>
        <p class="ds-dialog-note">Tabs that are already open keep showing their pillar chips until you reload them.</p>
      </ConfirmDialog>
    </Panel>
  );
}

// ---- Mastodon ----

function MastodonPanel({ settings }: { settings: Settings }) {
  const [host, setHost] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<Note>(null);
  const [access, setAccess] = useState<Record<string, boolean>>({});
  const hosts = settings.mastodonHosts;

  // Which listed instances still have the browser's permission (it can be revoked in the browser's settings).
  useEffect(() => {
    let live = true;
    void (async () => {
      const out: Record<string, boolean> = {};
      for (const h of hosts) {
        const pattern = instancePattern(h);
        if (!pattern) continue;
        try {
          out[h] = await browser.permissions.contains({ origins: [pattern] });
        } catch {
          // Unknown: show nothing rather than a wrong warning.
        }
      }
      if (live) setAccess(out);
    })();
    return () => {
      live = false;
    };
  }, [hosts.join()]);

  /** Ask the browser for access to the instance. Must run straight from the click: permission requests need the user's gesture. */
  const request = (h: string, pattern: string) => {
    let asked: Promise<boolean>;
    try {
      asked = browser.permissions.request({ origins: [pattern] });
    } catch (e) {
      setNote({ tone: 'danger', text: `The browser could not ask for access to ${h}: ${(e as Error).message}` });
      return;
    }
    void asked.then(
      async (granted) => {
        if (!granted) {
          setNote({
            tone: 'warning',
            text: `You declined access to ${h}, so it was not added. Brandline can only work on an instance you allow.`,
          });
          return;
        }
        try {
          await update((s) => ({ ...s, mastodonHosts: s.mastodonHosts.includes(h) ? s.mastodonHosts : [...s.mastodonHosts, h] }));
        } catch (e) {
          setNote({ tone: 'danger', text: `${h} was allowed but could not be saved: ${(e as Error).message}` });
          return;
        }
        setAccess((a) => ({ ...a, [h]: true }));
        setHost('');
        setNote({ tone: 'success', text: `Added ${h}. Reload its open tabs to see Brandline there.` });
      },
      (e: Error) => setNote({ tone: 'danger', text: `The browser refused the request for ${h}: ${e.message}` }),
    );
  };

  const add = (e: Event) => {
    e.preventDefault();
    setNote(null);
    const input = host.trim();
    if (!input) {
      setError('Enter the address of a Mastodon instance, like mastodon.social.');
      return;
    }
    const pattern = instancePattern(input);
    if (!pattern) {
      setError(`“${input}” is not an instance address. Enter its host name only, like mastodon.social or social.example.org.`);
      return;
    }
    const h = hostOfPattern(pattern);
    const builtIn = builtInPlatformOf(h);
    if (builtIn) {
      setError(`${h} is not a Mastodon instance: Brandline already runs there.`);
      return;
    }
    if (hosts.includes(h)) {
      setError(`${h} is already in the list.`);
      return;
    }
    if (hosts.length >= 50) {
      setError('You can add up to 50 instances. Remove one first.');
      return;
    }
    setError(null);
    request(h, pattern);
  };

  const remove = async (h: string) => {
    const pattern = instancePattern(h);
    try {
      if (pattern) await browser.permissions.remove({ origins: [pattern] });
    } catch {
      // The permission may already be gone; the instance still leaves the list.
    }
    try {
      await update((s) => ({ ...s, mastodonHosts: s.mastodonHosts.filter((x) => x !== h) }));
      setNote({ tone: 'info', text: `Removed ${h}. Brandline no longer runs there.` });
    } catch (e) {
      setNote({ tone: 'danger', text: `Could not remove ${h}: ${(e as Error).message}` });
    }
  };

  const errorId = 'ds-mastodon-error';
  return (
    <Panel
      id="ds-mastodon"
      title="Mastodon instances"
      description="Mastodon runs on many servers. Add the instances you use and allow Brandline on each; it asks the browser for access to that site only."
    >
      <form class="ds-add" onSubmit={add} noValidate>
        <div class="ds-field ds-add__field">
          <label class="ds-field__label" for="ds-mastodon-host">
            Instance address
          </label>
          <div class="affix affix--pre">
            <span class="affix__pre" aria-hidden="true">
              https://
            </span>
            <input
              id="ds-mastodon-host"
              class="input"
              type="text"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              placeholder="mastodon.social"
              value={host}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onInput={(e) => {
                setHost(e.currentTarget.value);
                if (error) setError(null);
              }}
            />
          </div>
          {error && (
            <p class="ds-error" id={errorId}>
              <Icon name="alert" />
              {error}
            </p>
          )}
        </div>
        <Button type="submit" variant="primary" icon="plus">
          Add instance
        </Button>
      </form>
      <NoteLine note={note} testId="mastodon-status" />
      {hosts.length ? (
        <ul class="ds-hosts" aria-label="Mastodon instances">
          {hosts.map((h) => (
            <li key={h} class="ds-host">
              <span class="ds-host__name">{h}</span>
              {access[h] === false ? (
                <span class="ds-host__state ds-host__state--off">
                  No access
                  <button type="button" class="ds-linkbtn" onClick={() => request(h, instancePattern(h)!)}>
                    Allow again
                  </button>
                </span>
              ) : access[h] === true ? (
                <span class="ds-host__state">
                  <Icon name="check" /> Allowed
                </span>
              ) : null}
              <Button variant="ghost" size="sm" icon="trash" iconOnly aria-label={`Remove ${h}`} title={`Remove ${h}`} onClick={() => void remove(h)} />
            </li>
          ))}
        </ul>
      ) : (
        <p class="ds-empty">No instances yet. Brandline works on the other platforms without this.</p>
      )}
    </Panel>
  );
}
