import { useRef, useState } from 'preact/hooks';
import { applyImport, exportAll } from '@/lib/db/repo';
import { parseImport, type ExportFile, type ImportResult } from '@/lib/strategy/transfer';
import { send } from '@/lib/messaging/send';
import { DataSettings } from '@/components/settings/DataSettings';
import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { isoDate } from '@/components/ui/format';
import { useToast } from '@/components/ui/Toast';
import { useEditor } from '../editor/Editor';
import { useStartFromEmpty } from '../startEmpty';
import { Card } from '../parts';

export const exportFileName = (d = new Date()) => `brandline-export-${isoDate(d)}.json`;

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "strategy.pillars[2].color: must be…" → field and reason, shown apart. */
function splitError(e: string): { field: string | null; reason: string } {
  const m = /^([\w.[\]]+): (.+)$/.exec(e);
  return m && m[1] !== '(file)' ? { field: m[1], reason: m[2] } : { field: null, reason: e };
}

type Pending = { name: string; result: ImportResult };

export function DataSection() {
  const editor = useEditor();
  const toast = useToast();
  const startEmpty = useStartFromEmpty();
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const doExport = async (includeData: boolean) => {
    setBusy(true);
    try {
      await editor.flush();
      const file = await exportAll(includeData);
      download(exportFileName(), JSON.stringify(file, null, 2));
      toast.show({ message: includeData ? 'Exported your strategy and collected data.' : 'Exported your strategy.' });
    } catch (e) {
      toast.show({ message: `Export failed: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
    }
  };

  const read = async (file: File | undefined | null) => {
    if (!file) return;
    setDone(null);
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      setPending({ name: file.name, result: { ok: false, errors: [`The file could not be read (${(e as Error).message}).`] } });
      return;
    }
    setPending({ name: file.name, result: parseImport(text) });
  };

  const apply = async (file: ExportFile, migratedFrom: number | null) => {
    setBusy(true);
    try {
      await editor.flush();
      await applyImport(file);
      editor.adopt(file.strategy);
      await Promise.resolve(send({ type: 'strategyUpdated' })).catch(() => {});
      if (file.settings) await Promise.resolve(send({ type: 'settingsUpdated' })).catch(() => {});
      if (file.data) await Promise.resolve(send({ type: 'collectedDataChanged' })).catch(() => {});
      setPending(null);
      setDone(
        `Imported “${file.strategy.brand.name || 'Untitled strategy'}”. Your previous strategy was replaced${
          migratedFrom ? `; the file was from an older Brandline (format ${migratedFrom}) and was upgraded` : ''
        }.`,
      );
    } catch (e) {
      setPending({
        name: pending?.name ?? 'file',
        result: { ok: false, errors: [`Nothing was changed: the import failed (${e instanceof Error ? e.message : String(e)}).`] },
      });
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <div class="stack-3">
      <Card
        title="Export"
        titleId="export-title"
        description="Download a file you can keep as a backup or import in another browser."
      >
        <div class="export">
          <div class="export__option">
            <div>
              <p class="strong">Strategy only</p>
              <p class="muted small">Brand, channels, goals, audiences, pillars, voice guide, saved replies, calendar and settings.</p>
            </div>
            <Button icon="download" onClick={() => void doExport(false)} disabled={busy}>
              Export strategy (JSON)
            </Button>
          </div>
          <div class="export__option">
            <div>
              <p class="strong">Everything</p>
              <p class="muted small">The strategy plus the posts, pillar tags and engagement numbers Brandline collected.</p>
            </div>
            <Button icon="download" onClick={() => void doExport(true)} disabled={busy}>
              Export everything
            </Button>
          </div>
        </div>
      </Card>

      <Card
        title="Import"
        titleId="import-title"
        description="Replace the current strategy with one from a Brandline export file. Collected data in the file is added to yours."
      >
        <label
          class={`dropzone${dragging ? ' dropzone--over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void read(e.dataTransfer?.files?.[0]);
          }}
        >
          <Icon name="upload" />
          <span>
            <span class="strong">Choose a file</span> or drop it here
          </span>
          <span class="muted small">brandline-export-….json</span>
          <input
            ref={fileInput}
            class="visually-hidden"
            type="file"
            accept=".json,application/json"
            aria-label="Import a Brandline export file"
            onChange={(e) => void read(e.currentTarget.files?.[0])}
          />
        </label>

        {pending && !pending.result.ok && (
          <div class="alert alert--danger" role="alert">
            <Icon name="alert" />
            <div class="alert__body">
              <p class="alert__title">“{pending.name}” can’t be imported. Nothing was changed.</p>
              <ul class="problems">
                {pending.result.errors.map((e, i) => {
                  const { field, reason } = splitError(e);
                  return (
                    <li key={i}>
                      {field && <code class="problems__field">{field}</code>}
                      <span>{reason}</span>
                    </li>
                  );
                })}
              </ul>
              <div>
                <Button size="sm" onClick={() => setPending(null)}>
                  Dismiss
                </Button>
              </div>
            </div>
          </div>
        )}

        {pending && pending.result.ok && (
          <ImportSummary
            name={pending.name}
            file={pending.result.file}
            migratedFrom={pending.result.migratedFrom}
            busy={busy}
            onApply={() => pending.result.ok && void apply(pending.result.file, pending.result.migratedFrom)}
            onCancel={() => {
              setPending(null);
              if (fileInput.current) fileInput.current.value = '';
            }}
          />
        )}

        {done && (
          <div class="alert alert--success" role="status">
            <Icon name="check" />
            <div class="alert__body">
              <p>{done}</p>
            </div>
          </div>
        )}
      </Card>

      <div class="data-settings">
        <DataSettings />
      </div>

      <Card
        title="Start over"
        titleId="startover-title"
        description="Remove the whole strategy and begin with a blank one. Collected data stays. You can undo right after."
        actions={
          <Button variant="danger" onClick={startEmpty.ask}>
            Start from empty
          </Button>
        }
      />
      {startEmpty.dialog}
    </div>
  );
}

function ImportSummary({
  name,
  file,
  migratedFrom,
  busy,
  onApply,
  onCancel,
}: {
  name: string;
  file: ExportFile;
  migratedFrom: number | null;
  busy: boolean;
  onApply(): void;
  onCancel(): void;
}) {
  const s = file.strategy;
  const counts = [
    plural(s.channels.length, 'channel'),
    plural(s.goals.length, 'goal'),
    plural(s.personas.length, 'persona'),
    plural(s.pillars.length, 'pillar'),
    plural(s.savedReplies.length, 'saved reply', 'saved replies'),
    plural(s.calendar.length, 'calendar entry', 'calendar entries'),
    plural(s.voice.preferredTerms.length + s.voice.bannedTerms.length, 'voice rule'),
  ];
  return (
    <div class="import-summary" role="region" aria-label="Import summary">
      <div class="import-summary__head">
        <Icon name="check" />
        <div>
          <p class="strong">
            “{name}” is ready to import: {s.brand.name.trim() || 'an untitled strategy'}
          </p>
          <p class="muted small">Exported {new Date(file.exportedAt).toLocaleString()}</p>
        </div>
      </div>
      <ul class="summary-list">
        {counts.map((c) => (
          <li key={c}>{c}</li>
        ))}
        {file.settings && <li>capture and retention settings</li>}
        {file.data && (
          <li>
            collected data: {plural(file.data.posts.length, 'post')}, {plural(file.data.snapshots.length, 'snapshot')}
          </li>
        )}
      </ul>
      {migratedFrom !== null && (
        <p class="alert alert--info small">
          <Icon name="info" />
          <span>
            This file was made by an older Brandline (format {migratedFrom}). It was upgraded: pillar targets became
            percentages and word lists became preferred and banned terms.
          </span>
        </p>
      )}
      <p class="small">
        Importing <strong>replaces your current strategy</strong>
        {file.settings ? ' and settings' : ''}. Export it first if you may want it back.
      </p>
      <div class="form-actions">
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button variant="primary" onClick={onApply} disabled={busy}>
          Replace current strategy
        </Button>
      </div>
    </div>
  );
}
