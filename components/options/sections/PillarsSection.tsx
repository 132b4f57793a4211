import type { Pillar, Strategy } from '@/lib/strategy/schema';
import { Field } from '@/components/ui/Field';
import { ColorInput, NumberInput, TagListInput, TextArea, TextInput } from '@/components/ui/inputs';
import { EmptyState } from '@/components/ui/EmptyState';
import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { useList, type Cascade, type ListApi } from '../editor/useList';
import { errorFor } from '../editor/reconcile';
import { newId } from '../editor/ids';
import { AddButton, Card, ItemCard, focusNewItem } from '../parts';

const PALETTE = ['#2f7d4f', '#b5651d', '#3a6ea5', '#8e44ad', '#c0392b', '#16a085', '#d4a017', '#5d6d7e', '#d35400', '#2c3e91'];
const HEX = /^#[0-9a-fA-F]{6}$/;
const share = (n: number) => (Number.isFinite(n) ? n : 0);
const pct = (n: number) => `${Math.round(n * 10) / 10}%`;

/** Deleting a pillar clears what pointed at it (calendar entries, disclosures); Undo puts those back too. */
export const pillarCascade =
  (pillarId: string): Cascade =>
  (s: Strategy) => {
    const entries = s.calendar.filter((c) => c.pillarId === pillarId).map((c) => c.id);
    const disclosures = s.voice.disclosures.filter((d) => d.pillarIds.includes(pillarId)).map((d) => d.id);
    return {
      next: {
        ...s,
        calendar: s.calendar.map((c) => (c.pillarId === pillarId ? { ...c, pillarId: null } : c)),
        voice: {
          ...s.voice,
          disclosures: s.voice.disclosures.map((d) =>
            d.pillarIds.includes(pillarId) ? { ...d, pillarIds: d.pillarIds.filter((id) => id !== pillarId) } : d,
          ),
        },
      },
      undo: (t: Strategy) => ({
        ...t,
        calendar: t.calendar.map((c) => (entries.includes(c.id) && c.pillarId === null ? { ...c, pillarId } : c)),
        voice: {
          ...t.voice,
          disclosures: t.voice.disclosures.map((d) =>
            disclosures.includes(d.id) && !d.pillarIds.includes(pillarId) ? { ...d, pillarIds: [...d.pillarIds, pillarId] } : d,
          ),
        },
      }),
    };
  };

export function PillarsSection() {
  const list = useList('pillars');
  const total = list.items.reduce((n, p) => n + share(p.targetShare), 0);
  const add = () => {
    const used = new Set(list.items.map((p) => p.color.toLowerCase()));
    const color = PALETTE.find((c) => !used.has(c)) ?? PALETTE[list.items.length % PALETTE.length];
    list.add({
      id: newId('pl'),
      name: '',
      color,
      description: '',
      keywords: [],
      targetShare: Math.max(0, Math.round((100 - total) * 10) / 10),
    });
    focusNewItem('.pillar [data-first]');
  };
  if (!list.items.length)
    return (
      <EmptyState
        title="No pillars yet"
        action={
          <Button variant="primary" icon="plus" onClick={add}>
            Add a pillar
          </Button>
        }
      >
        Pillars are the 3–6 themes you post about. Give each a colour and a target share, and Brandline shows the mix on
        every feed and report.
      </EmptyState>
    );
  return (
    <div class="stack-3">
      <TargetMix pillars={list.items} total={total} />
      <Card
        title={`${list.items.length} ${list.items.length === 1 ? 'pillar' : 'pillars'}`}
        titleId="pillars-title"
        actions={
          <AddButton onClick={add} disabled={list.items.length >= 20}>
            Add pillar
          </AddButton>
        }
      >
        <div class="stack-2">
          {list.items.map((p) => (
            <PillarCard key={p.id} pillar={p} list={list} />
          ))}
        </div>
      </Card>
    </div>
  );
}

function TargetMix({ pillars, total }: { pillars: Pillar[]; total: number }) {
  const scale = Math.max(total, 100);
  const off = Math.abs(total - 100) > 0.05;
  const described = pillars.map((p) => `${p.name || 'Unnamed'} ${pct(share(p.targetShare))}`).join(', ');
  return (
    <Card title="Target mix" titleId="mix-title" actions={<span class={`total${off ? ' total--off' : ''}`}>Total {pct(total)}</span>}>
      <div class="mix" role="img" aria-label={`Target mix: ${described}${total < 100 ? `, unassigned ${pct(100 - total)}` : ''}`}>
        {pillars.map((p) =>
          share(p.targetShare) > 0 ? (
            <span
              key={p.id}
              class="mix__seg"
              style={{ width: `${(share(p.targetShare) / scale) * 100}%`, background: HEX.test(p.color) ? p.color : 'var(--border-strong)' }}
              title={`${p.name || 'Unnamed'} · ${pct(share(p.targetShare))}`}
            />
          ) : null,
        )}
        {total < 100 && <span class="mix__seg mix__seg--rest" style={{ width: `${100 - total}%` }} title="Unassigned" />}
      </div>
      <ul class="legend">
        {pillars.map((p) => (
          <li key={p.id}>
            <span class="dot" style={{ background: HEX.test(p.color) ? p.color : 'var(--border-strong)' }} />
            <span>{p.name || 'Unnamed'}</span>
            <span class="muted">{pct(share(p.targetShare))}</span>
          </li>
        ))}
      </ul>
      {off && (
        <p class="alert alert--warning mix__warning" role="alert">
          <Icon name="alert" />
          <span>Targets add up to {pct(total)} — adjust them to total 100%</span>
        </p>
      )}
    </Card>
  );
}

function PillarCard({ pillar: p, list }: { pillar: Pillar; list: ListApi<Pillar> }) {
  const errors = list.errorsOf(p.id);
  return (
    <div class="pillar">
      <ItemCard
        heading={p.name.trim() || 'New pillar'}
        meta={<span class="badge">{pct(share(p.targetShare))} of posts</span>}
        accent={HEX.test(p.color) ? p.color : undefined}
        deleteLabel={`Delete pillar ${p.name}`.trim()}
        onDelete={() => list.remove(p.id, p.name.trim() || undefined, pillarCascade(p.id))}
        invalid={!!errors}
      >
        <div class="grid-pillar">
          <Field label="Name" error={errorFor(errors, 'name')}>
            {(c) => (
              <TextInput {...c} data-first value={p.name} placeholder="e.g. Trail Tips" onValue={(name) => list.patch(p.id, { name })} />
            )}
          </Field>
          <Field label="Colour" error={errorFor(errors, 'color')}>
            {(c) => <ColorInput {...c} value={p.color} onValue={(color) => list.patch(p.id, { color })} />}
          </Field>
          <Field label="Target share" error={errorFor(errors, 'targetShare')}>
            {(c) => (
              <NumberInput {...c} suffix="%" value={p.targetShare} onValue={(v) => list.patch(p.id, { targetShare: v as number })} />
            )}
          </Field>
        </div>
        <Field label="Description" error={errorFor(errors, 'description')}>
          {(c) => (
            <TextArea
              {...c}
              rows={2}
              value={p.description}
              placeholder="What belongs in this pillar?"
              onValue={(description) => list.patch(p.id, { description })}
            />
          )}
        </Field>
        <Field
          label="Keywords"
          hint="Posts mentioning these are suggested for this pillar. Press Enter or comma after each."
          error={errorFor(errors, 'keywords')}
        >
          {(c) => <TagListInput {...c} itemNoun="keyword" value={p.keywords} onValue={(keywords) => list.patch(p.id, { keywords })} />}
        </Field>
      </ItemCard>
    </div>
  );
}
