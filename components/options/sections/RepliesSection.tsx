import { useRef } from 'preact/hooks';
import type { SavedReply } from '@/lib/strategy/schema';
import { Field } from '@/components/ui/Field';
import { TagListInput, TextArea, TextInput } from '@/components/ui/inputs';
import { EmptyState } from '@/components/ui/EmptyState';
import { Button } from '@/components/ui/Button';
import { useEditor } from '../editor/Editor';
import { useList, type ListApi } from '../editor/useList';
import { errorFor } from '../editor/reconcile';
import { newId } from '../editor/ids';
import { AddButton, Card, ItemCard, focusNewItem } from '../parts';

export const REPLY_VARIABLES = [
  { name: 'name', label: 'Their name', sample: 'Sam' },
  { name: 'handle', label: 'Their handle', sample: 'sam_outdoors' },
  { name: 'brand', label: 'Your brand', sample: '' },
] as const;

/** Fill {name} {handle} {brand}; unknown {words} stay as typed. Returns text parts so variables can be highlighted. */
export function fillReply(body: string, values: Record<string, string>): { text: string; variable: boolean }[] {
  const parts: { text: string; variable: boolean }[] = [];
  let last = 0;
  for (const m of body.matchAll(/\{(\w+)\}/g)) {
    const v = values[m[1]];
    if (v === undefined) continue;
    if (m.index > last) parts.push({ text: body.slice(last, m.index), variable: false });
    parts.push({ text: v, variable: true });
    last = m.index + m[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last), variable: false });
  return parts;
}

export function RepliesSection() {
  const list = useList('savedReplies');
  const add = () => {
    list.add({ id: newId('sr'), title: '', body: '', tags: [] });
    focusNewItem('.reply [data-first]');
  };
  if (!list.items.length)
    return (
      <EmptyState
        title="No saved replies yet"
        action={
          <Button variant="primary" icon="plus" onClick={add}>
            Add a saved reply
          </Button>
        }
      >
        Save the answers you give again and again. Use {'{name}'}, {'{handle}'} and {'{brand}'} and Brandline fills them in when
        you reply.
      </EmptyState>
    );
  return (
    <Card
      title={`${list.items.length} saved ${list.items.length === 1 ? 'reply' : 'replies'}`}
      titleId="replies-title"
      actions={
        <AddButton onClick={add} disabled={list.items.length >= 500}>
          Add reply
        </AddButton>
      }
    >
      <div class="stack-2">
        {list.items.map((r) => (
          <ReplyCard key={r.id} reply={r} list={list} />
        ))}
      </div>
    </Card>
  );
}

function ReplyCard({ reply: r, list }: { reply: SavedReply; list: ListApi<SavedReply> }) {
  const editor = useEditor();
  const errors = list.errorsOf(r.id);
  const body = useRef<HTMLTextAreaElement>(null);
  const brand = editor.draft.brand.name.trim() || 'Your brand';
  const values = Object.fromEntries(REPLY_VARIABLES.map((v) => [v.name, v.name === 'brand' ? brand : v.sample]));
  const insert = (name: string) => {
    const el = body.current;
    const token = `{${name}}`;
    const start = el?.selectionStart ?? r.body.length;
    const end = el?.selectionEnd ?? r.body.length;
    const next = r.body.slice(0, start) + token + r.body.slice(end);
    list.patch(r.id, { body: next });
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(start + token.length, start + token.length);
    });
  };
  return (
    <div class="reply">
      <ItemCard
        heading={r.title.trim() || 'New saved reply'}
        deleteLabel={`Delete saved reply ${r.title}`.trim()}
        onDelete={() => list.remove(r.id, r.title.trim() || undefined)}
        invalid={!!errors}
      >
        <div class="grid-2">
          <Field label="Title" error={errorFor(errors, 'title')}>
            {(p) => (
              <TextInput {...p} data-first value={r.title} placeholder="e.g. Thanks for the kind words" onValue={(title) => list.patch(r.id, { title })} />
            )}
          </Field>
          <Field label="Tags" error={errorFor(errors, 'tags')}>
            {(p) => <TagListInput {...p} itemNoun="tag" value={r.tags} onValue={(tags) => list.patch(r.id, { tags })} />}
          </Field>
        </div>
        <div class="reply__compose">
          <div class="stack-1">
            <Field label="Reply" error={errorFor(errors, 'body')}>
              {(p) => (
                <TextArea {...p} inputRef={body} rows={4} value={r.body} onValue={(text) => list.patch(r.id, { body: text })} />
              )}
            </Field>
            <div class="vars" role="group" aria-label="Insert a variable">
              <span class="vars__label">Insert</span>
              {REPLY_VARIABLES.map((v) => (
                <button type="button" class="var-chip" key={v.name} title={v.label} onClick={() => insert(v.name)}>
                  {`{${v.name}}`}
                </button>
              ))}
            </div>
          </div>
          <div class="preview" aria-label="Preview">
            <p class="preview__label">Preview</p>
            <p class="preview__text" data-testid="reply-preview">
              {r.body.trim() ? (
                fillReply(r.body, values).map((part, i) =>
                  part.variable ? (
                    <mark class="preview__var" key={i}>
                      {part.text}
                    </mark>
                  ) : (
                    <span key={i}>{part.text}</span>
                  ),
                )
              ) : (
                <span class="muted">The reply appears here with sample values filled in.</span>
              )}
            </p>
          </div>
        </div>
      </ItemCard>
    </div>
  );
}
