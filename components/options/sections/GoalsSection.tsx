import { PLATFORMS, PLATFORM_LABELS, type Goal } from '@/lib/strategy/schema';
import { Field } from '@/components/ui/Field';
import { NumberInput, Select, TextInput } from '@/components/ui/inputs';
import { EmptyState } from '@/components/ui/EmptyState';
import { Button } from '@/components/ui/Button';
import { daysLeftLabel, daysUntil, isoDate } from '@/components/ui/format';
import { useList } from '../editor/useList';
import { errorFor } from '../editor/reconcile';
import { newId } from '../editor/ids';
import { AddButton, Card, ItemCard, focusNewItem } from '../parts';

const SCOPE_OPTIONS = [
  { value: 'all', label: 'All platforms' },
  ...PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] })),
] as const;

export function GoalsSection() {
  const list = useList('goals');
  const add = () => {
    const d = new Date();
    d.setDate(d.getDate() + 90);
    list.add({ id: newId('g'), objective: '', metric: '', target: 0, unit: '', deadline: isoDate(d), platform: 'all' });
    focusNewItem('.goal [data-first]');
  };
  if (!list.items.length)
    return (
      <EmptyState
        title="No goals yet"
        action={
          <Button variant="primary" icon="plus" onClick={add}>
            Add a goal
          </Button>
        }
      >
        A goal says what the strategy is for and how you will measure it — e.g. “Answer every question within the hour”,
        measured by median response time.
      </EmptyState>
    );
  return (
    <Card
      title={`${list.items.length} ${list.items.length === 1 ? 'goal' : 'goals'}`}
      titleId="goals-title"
      actions={
        <AddButton onClick={add} disabled={list.items.length >= 100}>
          Add goal
        </AddButton>
      }
    >
      <div class="stack-2">
        {list.items.map((g) => (
          <GoalCard key={g.id} goal={g} list={list} />
        ))}
      </div>
    </Card>
  );
}

function GoalCard({ goal: g, list }: { goal: Goal; list: ReturnType<typeof useList<'goals'>> }) {
  const errors = list.errorsOf(g.id);
  const days = daysUntil(g.deadline);
  const tone = days === null ? '' : days < 0 ? 'badge--danger' : days <= 14 ? 'badge--warning' : 'badge--ok';
  return (
    <div class="goal">
      <ItemCard
        heading={g.objective.trim() || 'New goal'}
        meta={
          <>
            <span class="chip">{g.platform === 'all' ? 'All platforms' : PLATFORM_LABELS[g.platform]}</span>
            {days !== null && <span class={`badge ${tone}`}>{daysLeftLabel(days)}</span>}
          </>
        }
        deleteLabel={`Delete goal ${g.objective || ''}`.trim()}
        onDelete={() => list.remove(g.id, g.objective.trim() || undefined)}
        invalid={!!errors}
      >
        <Field label="Objective" error={errorFor(errors, 'objective')}>
          {(p) => (
            <TextInput
              {...p}
              data-first
              value={g.objective}
              placeholder="e.g. Grow engagement with how-to content"
              onValue={(objective) => list.patch(g.id, { objective })}
            />
          )}
        </Field>
        <div class="grid-goal">
          <Field label="KPI" error={errorFor(errors, 'metric')}>
            {(p) => (
              <TextInput {...p} value={g.metric} placeholder="e.g. Engagement rate" onValue={(metric) => list.patch(g.id, { metric })} />
            )}
          </Field>
          <Field label="Target" error={errorFor(errors, 'target')}>
            {(p) => <NumberInput {...p} value={g.target} onValue={(v) => list.patch(g.id, { target: v as number })} />}
          </Field>
          <Field label="Unit" error={errorFor(errors, 'unit')}>
            {(p) => <TextInput {...p} value={g.unit} placeholder="%, min, bookings…" onValue={(unit) => list.patch(g.id, { unit })} />}
          </Field>
          <Field label="Deadline" error={errorFor(errors, 'deadline')}>
            {(p) => <TextInput {...p} type="date" value={g.deadline} onValue={(deadline) => list.patch(g.id, { deadline })} />}
          </Field>
          <Field label="Platform" error={errorFor(errors, 'platform')}>
            {(p) => (
              <Select
                {...p}
                value={g.platform}
                options={SCOPE_OPTIONS}
                onValue={(platform) => list.patch(g.id, { platform })}
              />
            )}
          </Field>
        </div>
      </ItemCard>
    </div>
  );
}
