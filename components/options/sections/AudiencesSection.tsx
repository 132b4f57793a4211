import type { Persona } from '@/lib/strategy/schema';
import { Field } from '@/components/ui/Field';
import { TagListInput, TextArea, TextInput } from '@/components/ui/inputs';
import { EmptyState } from '@/components/ui/EmptyState';
import { Button } from '@/components/ui/Button';
import { useList } from '../editor/useList';
import { errorFor } from '../editor/reconcile';
import { newId } from '../editor/ids';
import { AddButton, Card, ItemCard, focusNewItem } from '../parts';

export function AudiencesSection() {
  const list = useList('personas');
  const add = () => {
    list.add({ id: newId('p'), name: '', description: '', interests: [], painPoints: [] });
    focusNewItem('.persona [data-first]');
  };
  if (!list.items.length)
    return (
      <EmptyState
        title="No personas yet"
        action={
          <Button variant="primary" icon="plus" onClick={add}>
            Add a persona
          </Button>
        }
      >
        Describe the people you write for — what they are into and what trips them up — so every post has someone in mind.
      </EmptyState>
    );
  return (
    <Card
      title={`${list.items.length} ${list.items.length === 1 ? 'persona' : 'personas'}`}
      titleId="personas-title"
      actions={
        <AddButton onClick={add} disabled={list.items.length >= 50}>
          Add persona
        </AddButton>
      }
    >
      <div class="stack-2">
        {list.items.map((p) => (
          <PersonaCard key={p.id} persona={p} list={list} />
        ))}
      </div>
    </Card>
  );
}

function PersonaCard({ persona: x, list }: { persona: Persona; list: ReturnType<typeof useList<'personas'>> }) {
  const errors = list.errorsOf(x.id);
  return (
    <div class="persona">
      <ItemCard
        heading={x.name.trim() || 'New persona'}
        deleteLabel={`Delete persona ${x.name}`.trim()}
        onDelete={() => list.remove(x.id, x.name.trim() || undefined)}
        invalid={!!errors}
      >
        <div class="grid-2">
          <Field label="Name" error={errorFor(errors, 'name')}>
            {(p) => (
              <TextInput {...p} data-first value={x.name} placeholder="e.g. Weekend Wanderer" onValue={(name) => list.patch(x.id, { name })} />
            )}
          </Field>
        </div>
        <Field label="Description" error={errorFor(errors, 'description')}>
          {(p) => (
            <TextArea
              {...p}
              rows={2}
              value={x.description}
              placeholder="Who they are, how they use social media, what they want from you."
              onValue={(description) => list.patch(x.id, { description })}
            />
          )}
        </Field>
        <div class="grid-2">
          <Field label="Interests" hint="Press Enter or comma after each." error={errorFor(errors, 'interests')}>
            {(p) => (
              <TagListInput {...p} itemNoun="interest" value={x.interests} onValue={(interests) => list.patch(x.id, { interests })} />
            )}
          </Field>
          <Field label="Pain points" hint="Press Enter or comma after each." error={errorFor(errors, 'painPoints')}>
            {(p) => (
              <TagListInput {...p} itemNoun="pain point" value={x.painPoints} onValue={(painPoints) => list.patch(x.id, { painPoints })} />
            )}
          </Field>
        </div>
      </ItemCard>
    </div>
  );
}
