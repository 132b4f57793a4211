import { PLATFORMS, PLATFORM_LABELS, type Channel, type Platform } from '@/lib/strategy/schema';
import { instancePattern } from '@/lib/platforms/hosts';
import { Field } from '@/components/ui/Field';
import { NumberInput, Select, TextArea, TextInput } from '@/components/ui/inputs';
import { EmptyState } from '@/components/ui/EmptyState';
import { Button } from '@/components/ui/Button';
import { formatMinutes } from '@/components/ui/format';
import { useEditor } from '../editor/Editor';
import { useList } from '../editor/useList';
import { errorFor } from '../editor/reconcile';
import { newId } from '../editor/ids';
import { AddButton, Card, focusNewItem } from '../parts';

export const PLATFORM_OPTIONS = PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }));

export function BrandSection() {
  const editor = useEditor();
  const brand = editor.draft.brand;
  const errors = editor.errorsOf('brand');
  const setBrand = (patch: Partial<typeof brand>) => editor.update((s) => ({ ...s, brand: { ...s.brand, ...patch } }));
  return (
    <div class="stack-3">
      <Card title="Brand" titleId="brand-title">
        <div class="grid-2">
          <Field label="Brand name" error={errorFor(errors, 'name')}>
            {(p) => <TextInput {...p} value={brand.name} onValue={(name) => setBrand({ name })} placeholder="e.g. Fernhill Outdoor" />}
          </Field>
        </div>
        <Field
          label="Description"
          hint="One or two sentences: what you do and for whom. Shown to you while you write."
          error={errorFor(errors, 'description')}
        >
          {(p) => <TextArea {...p} value={brand.description} onValue={(description) => setBrand({ description })} />}
        </Field>
      </Card>
      <Channels />
    </div>
  );
}

function Channels() {
  const list = useList('channels');
  const add = () => {
    const used = new Set(list.items.map((c) => c.platform));
    const platform = PLATFORMS.find((p) => !used.has(p)) ?? 'x';
    list.add({ id: newId('ch'), platform, handle: '', responseTargetMinutes: 60 });
    focusNewItem('.channel [data-handle]');
  };
  return (
    <Card
      title="Channels"
      titleId="channels-title"
      description="The accounts you post and answer from, and how quickly you promise to reply on each."
      actions={
        list.items.length > 0 && (
          <AddButton onClick={add} disabled={list.items.length >= 100}>
            Add channel
          </AddButton>
        )
      }
    >
      {list.items.length === 0 ? (
        <EmptyState
          title="No channels yet"
          action={
            <Button variant="primary" icon="plus" onClick={add}>
              Add your first channel
            </Button>
          }
        >
          Add the accounts you run so Brandline can tell your own posts from others’.
        </EmptyState>
      ) : (
        <ul class="rows" aria-labelledby="channels-title">
          {list.items.map((c) => (
            <ChannelRow key={c.id} channel={c} list={list} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function ChannelRow({ channel: c, list }: { channel: Channel; list: ReturnType<typeof useList<'channels'>> }) {
  const errors = list.errorsOf(c.id);
  const label = `${PLATFORM_LABELS[c.platform] ?? c.platform}${c.handle ? ` @${c.handle.replace(/^@/, '')}` : ''}`;
  const hostProblem = c.platform === 'mastodon' && c.instanceHost?.trim() && !instancePattern(c.instanceHost);
  return (
    <li class="row-item channel">
      <div class="channel__grid">
        <Field label="Platform" error={errorFor(errors, 'platform')}>
          {(p) => (
            <Select<Platform>
              {...p}
              value={c.platform}
              options={PLATFORM_OPTIONS}
              onValue={(platform) => list.patch(c.id, { platform })}
            />
          )}
        </Field>
        <Field label="Handle" error={errorFor(errors, 'handle')}>
          {(p) => (
            <TextInput
              {...p}
              data-handle
              prefix="@"
              value={c.handle}
              placeholder="yourbrand"
              onValue={(handle) => list.patch(c.id, { handle })}
            />
          )}
        </Field>
        <Field
          label="Reply within"
          hint={Number.isFinite(c.responseTargetMinutes) && c.responseTargetMinutes > 0 ? formatMinutes(c.responseTargetMinutes) : 'In minutes'}
          error={errorFor(errors, 'responseTargetMinutes')}
        >
          {(p) => (
            <NumberInput
              {...p}
              suffix="min"
              value={c.responseTargetMinutes}
              onValue={(v) => list.patch(c.id, { responseTargetMinutes: v as number })}
            />
          )}
        </Field>
        <div class="row-item__end">
          <Button
            variant="ghost"
            size="sm"
            icon="trash"
            iconOnly
            aria-label={`Delete channel ${label}`}
            title="Delete channel"
            onClick={() => list.remove(c.id, label)}
          />
        </div>
        {c.platform === 'mastodon' && (
          <Field
            class="channel__host keep-label"
            label="Mastodon server"
            hint={hostProblem ? 'This does not look like a server name — use the host only, e.g. mastodon.social' : 'The server your account lives on, e.g. mastodon.social'}
            error={errorFor(errors, 'instanceHost')}
          >
            {(p) => (
              <TextInput
                {...p}
                value={c.instanceHost ?? ''}
                placeholder="mastodon.social"
                onValue={(v) => list.patch(c.id, { instanceHost: v.trim() ? v : undefined })}
              />
            )}
          </Field>
        )}
      </div>
    </li>
  );
}
