import type { ComponentChildren } from 'preact';
import {
  PLATFORMS,
  PLATFORM_LABELS,
  type BannedTerm,
  type Disclosure,
  type Platform,
  type PlatformOverride,
  type PreferredTerm,
  type ToneTrait,
  type VoiceGuide,
} from '@/lib/strategy/schema';
import { Field } from '@/components/ui/Field';
import { NumberInput, Select, TagListInput, TextArea, TextInput, Toggle } from '@/components/ui/inputs';
import { Button } from '@/components/ui/Button';
import { listJoin } from '@/components/ui/format';
import { useEditor } from '../editor/Editor';
import { useList, type ListApi } from '../editor/useList';
import { errorFor, type VoiceSetting } from '../editor/reconcile';
import { newId } from '../editor/ids';
import { AddButton, Card, ItemCard, focusNewItem } from '../parts';

export function VoiceSection() {
  return (
    <div class="stack-3">
      <Summary />
      <Traits />
      <PreferredTerms />
      <BannedTerms />
      <Disclosures />
      <StyleRules />
      <PlatformLimits />
    </div>
  );
}

function useVoiceSetting<K extends VoiceSetting>(key: K) {
  const editor = useEditor();
  return {
    value: editor.draft.voice[key],
    errors: editor.errorsOf(`voice.${key}`),
    set: (v: VoiceGuide[K]) => editor.update((s) => ({ ...s, voice: { ...s.voice, [key]: v } })),
  };
}

function Summary() {
  const summary = useVoiceSetting('summary');
  return (
    <Card title="In a sentence" titleId="voice-summary-title" description="What a community manager should keep in mind. Shown in the popup and the in-page voice panel.">
      <Field label="Voice summary" error={errorFor(summary.errors, '')}>
        {(p) => (
          <TextArea
            {...p}
            rows={2}
            value={summary.value}
            placeholder="e.g. Warm, practical and grounded: a friend who has been on the trail, not a salesperson."
            onValue={summary.set}
          />
        )}
      </Field>
    </Card>
  );
}

function Empty({ children }: { children: ComponentChildren }) {
  return <p class="inline-empty">{children}</p>;
}

// ---- Tone traits ----

function Traits() {
  const list = useList('voice.traits');
  const add = () => {
    list.add({ id: newId('t'), name: '', description: '', do: [], dont: [] });
    focusNewItem('.trait [data-first]');
  };
  return (
    <Card
      title="Tone traits"
      titleId="traits-title"
      description="Three or four words that describe the voice, each with examples of what it sounds like — and what it doesn’t."
      actions={
        <AddButton onClick={add} disabled={list.items.length >= 20}>
          Add trait
        </AddButton>
      }
    >
      {list.items.length === 0 ? (
        <Empty>No tone traits yet.</Empty>
      ) : (
        <div class="stack-2">
          {list.items.map((t) => (
            <TraitCard key={t.id} trait={t} list={list} />
          ))}
        </div>
      )}
    </Card>
  );
}

function TraitCard({ trait: t, list }: { trait: ToneTrait; list: ListApi<ToneTrait> }) {
  const errors = list.errorsOf(t.id);
  return (
    <div class="trait">
      <ItemCard
        heading={t.name.trim() || 'New trait'}
        deleteLabel={`Delete trait ${t.name}`.trim()}
        onDelete={() => list.remove(t.id, t.name.trim() || undefined)}
        invalid={!!errors}
      >
        <div class="grid-trait">
          <Field label="Trait" error={errorFor(errors, 'name')}>
            {(p) => <TextInput {...p} data-first value={t.name} placeholder="e.g. Warm" onValue={(name) => list.patch(t.id, { name })} />}
          </Field>
          <Field label="What it means" error={errorFor(errors, 'description')}>
            {(p) => <TextInput {...p} value={t.description} onValue={(description) => list.patch(t.id, { description })} />}
          </Field>
        </div>
        <div class="grid-2">
          <Field label={<span class="do-label">Do — sounds like</span>} hint="One example per line; press Enter to add." error={errorFor(errors, 'do')}>
            {(p) => (
              <TagListInput {...p} variant="sentences" itemNoun="example" value={t.do} onValue={(v) => list.patch(t.id, { do: v })} />
            )}
          </Field>
          <Field label={<span class="dont-label">Don’t — not like</span>} hint="One example per line; press Enter to add." error={errorFor(errors, 'dont')}>
            {(p) => (
              <TagListInput {...p} variant="sentences" itemNoun="example" value={t.dont} onValue={(v) => list.patch(t.id, { dont: v })} />
            )}
          </Field>
        </div>
      </ItemCard>
    </div>
  );
}

// ---- Words ----

function PreferredTerms() {
  const list = useList('voice.preferredTerms');
  const add = () => {
    list.add({ id: newId('pt'), use: '', insteadOf: [], note: '' });
    focusNewItem('.term-pref [data-first]');
  };
  return (
    <Card
      title="Preferred terms"
      titleId="preferred-title"
      description="Words the brand uses instead of others. Drafts using the others get a suggestion."
      actions={
        <AddButton onClick={add} disabled={list.items.length >= 2000}>
          Add term
        </AddButton>
      }
    >
      {list.items.length === 0 ? (
        <Empty>No preferred terms yet.</Empty>
      ) : (
        <ul class="rows">
          {list.items.map((t) => (
            <PreferredRow key={t.id} term={t} list={list} />
          ))}
        </ul>
      )}
    </Card>
  );
}

export const preferredSentence = (t: Pick<PreferredTerm, 'use' | 'insteadOf'>) =>
  `Say ${t.use.trim() || '…'}, not ${t.insteadOf.length ? t.insteadOf.join(', ') : '…'}`;

function PreferredRow({ term: t, list }: { term: PreferredTerm; list: ListApi<PreferredTerm> }) {
  const errors = list.errorsOf(t.id);
  return (
    <li class="row-item term-pref">
      <div class="grid-term">
        <Field label="Say" error={errorFor(errors, 'use')}>
          {(p) => <TextInput {...p} data-first value={t.use} placeholder="members" onValue={(use) => list.patch(t.id, { use })} />}
        </Field>
        <Field label="Instead of" error={errorFor(errors, 'insteadOf')}>
          {(p) => (
            <TagListInput {...p} itemNoun="word" placeholder="customers, consumers" value={t.insteadOf} onValue={(insteadOf) => list.patch(t.id, { insteadOf })} />
          )}
        </Field>
        <Field label="Why (optional)" error={errorFor(errors, 'note')}>
          {(p) => <TextInput {...p} value={t.note} onValue={(note) => list.patch(t.id, { note })} />}
        </Field>
        <div class="row-item__end">
          <Button
            variant="ghost"
            size="sm"
            icon="trash"
            iconOnly
            aria-label={`Delete preferred term ${t.use}`.trim()}
            title="Delete"
            onClick={() => list.remove(t.id, t.use.trim() || undefined)}
          />
        </div>
      </div>
      <p class="row-item__sentence">
        <strong>{preferredSentence(t)}</strong>
      </p>
    </li>
  );
}

function BannedTerms() {
  const list = useList('voice.bannedTerms');
  const add = () => {
    list.add({ id: newId('bt'), term: '', reason: '', exceptions: [] });
    focusNewItem('.term-ban [data-first]');
  };
  return (
    <Card
      title="Banned terms"
      titleId="banned-title"
      description="Words and phrases the brand never uses, with the reason — and the phrases containing them that are fine."
      actions={
        <AddButton onClick={add} disabled={list.items.length >= 2000}>
          Add term
        </AddButton>
      }
    >
      {list.items.length === 0 ? (
        <Empty>No banned terms yet.</Empty>
      ) : (
        <ul class="rows">
          {list.items.map((t) => (
            <BannedRow key={t.id} term={t} list={list} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function BannedRow({ term: t, list }: { term: BannedTerm; list: ListApi<BannedTerm> }) {
  const errors = list.errorsOf(t.id);
  return (
    <li class="row-item term-ban">
      <div class="grid-term">
        <Field label="Never say" error={errorFor(errors, 'term')}>
          {(p) => <TextInput {...p} data-first value={t.term} placeholder="guaranteed" onValue={(term) => list.patch(t.id, { term })} />}
        </Field>
        <Field label="Because" error={errorFor(errors, 'reason')}>
          {(p) => <TextInput {...p} value={t.reason} placeholder="We cannot promise outcomes." onValue={(reason) => list.patch(t.id, { reason })} />}
        </Field>
        <Field label="Fine in" error={errorFor(errors, 'exceptions')}>
          {(p) => (
            <TagListInput {...p} itemNoun="exception" placeholder="e.g. extreme weather" value={t.exceptions} onValue={(exceptions) => list.patch(t.id, { exceptions })} />
          )}
        </Field>
        <div class="row-item__end">
          <Button
            variant="ghost"
            size="sm"
            icon="trash"
            iconOnly
            aria-label={`Delete banned term ${t.term}`.trim()}
            title="Delete"
            onClick={() => list.remove(t.id, t.term.trim() || undefined)}
          />
        </div>
      </div>
    </li>
  );
}

// ---- Disclosures ----

function Disclosures() {
  const list = useList('voice.disclosures');
  const add = () => {
    list.add({ id: newId('d'), text: '', alternatives: [], pillarIds: [], triggerKeywords: [] });
    focusNewItem('.disclosure [data-first]');
  };
  return (
    <Card
      title="Required disclosures"
      titleId="disclosures-title"
      description="Labels that must appear on some posts, such as #ad on paid partnerships."
      actions={
        <AddButton onClick={add} disabled={list.items.length >= 50}>
          Add disclosure
        </AddButton>
      }
    >
      {list.items.length === 0 ? (
        <Empty>No required disclosures.</Empty>
      ) : (
        <div class="stack-2">
          {list.items.map((d) => (
            <DisclosureCard key={d.id} disclosure={d} list={list} />
          ))}
        </div>
      )}
    </Card>
  );
}

function DisclosureCard({ disclosure: d, list }: { disclosure: Disclosure; list: ListApi<Disclosure> }) {
  const editor = useEditor();
  const errors = list.errorsOf(d.id);
  const pillars = editor.draft.pillars;
  const pillarNames = pillars.filter((p) => d.pillarIds.includes(p.id)).map((p) => p.name || 'Unnamed');
  const when =
    !d.pillarIds.length && !d.triggerKeywords.length
      ? 'Required on every post.'
      : `Required on ${listJoin(
          [
            ...(pillarNames.length ? [`${listJoin(pillarNames)} posts`] : []),
            ...(d.triggerKeywords.length ? [`posts mentioning ${listJoin(d.triggerKeywords.map((k) => `“${k}”`), 'or')}`] : []),
          ],
          'and',
        )}.`;
  const toggle = (id: string, on: boolean) =>
    list.patch(d.id, { pillarIds: on ? [...d.pillarIds, id] : d.pillarIds.filter((x) => x !== id) });
  return (
    <div class="disclosure">
      <ItemCard
        heading={d.text.trim() || 'New disclosure'}
        deleteLabel={`Delete disclosure ${d.text}`.trim()}
        onDelete={() => list.remove(d.id, d.text.trim() || undefined)}
        invalid={!!errors}
      >
        <p class="muted small">{when}</p>
        <div class="grid-2">
          <Field label="Disclosure" error={errorFor(errors, 'text')}>
            {(p) => <TextInput {...p} data-first value={d.text} placeholder="#ad" onValue={(text) => list.patch(d.id, { text })} />}
          </Field>
          <Field label="Also accepted" error={errorFor(errors, 'alternatives')}>
            {(p) => (
              <TagListInput {...p} itemNoun="alternative" placeholder="#sponsored" value={d.alternatives} onValue={(alternatives) => list.patch(d.id, { alternatives })} />
            )}
          </Field>
        </div>
        <fieldset class="fieldset">
          <legend class="field__label">Required on these pillars</legend>
          {pillars.length === 0 ? (
            <p class="muted small">Add pillars first to tie a disclosure to them.</p>
          ) : (
            <div class="checks">
              {pillars.map((p) => (
                <label class="check" key={p.id}>
                  <input type="checkbox" checked={d.pillarIds.includes(p.id)} onChange={(e) => toggle(p.id, e.currentTarget.checked)} />
                  <span class="dot" style={{ background: p.color }} />
                  {p.name || 'Unnamed'}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <Field
          label="…or when a post mentions"
          hint="Leave both empty to require it on every post."
          error={errorFor(errors, 'triggerKeywords')}
        >
          {(p) => (
            <TagListInput {...p} itemNoun="keyword" placeholder="giveaway, discount code" value={d.triggerKeywords} onValue={(triggerKeywords) => list.patch(d.id, { triggerKeywords })} />
          )}
        </Field>
      </ItemCard>
    </div>
  );
}

// ---- Style rules ----

const CTA_OPTIONS = [
  { value: 'never', label: 'Not required' },
  { value: 'posts', label: 'Required on posts' },
  { value: 'always', label: 'Required on posts and replies' },
] as const;
const EMOJI_OPTIONS = [
  { value: 'none', label: 'No emoji' },
  { value: 'sparingly', label: 'Sparingly' },
  { value: 'freely', label: 'Freely' },
] as const;
const FORMALITY_OPTIONS = [
  { value: 'casual', label: 'Casual' },
  { value: 'neutral', label: 'Neutral' },
  { value: 'formal', label: 'Formal' },
] as const;

function StyleRules() {
  const cta = useVoiceSetting('callToAction');
  const emoji = useVoiceSetting('emoji');
  const hashtags = useVoiceSetting('hashtags');
  const exclamations = useVoiceSetting('exclamations');
  const reading = useVoiceSetting('readingGrade');
  const formality = useVoiceSetting('formality');
  const inclusive = useVoiceSetting('inclusiveLanguage');
  return (
    <Card title="Style rules" titleId="style-title" description="Checked on every draft. Limits apply to posts and replies alike.">
      <div class="grid-2">
        <Field label="Call to action" error={errorFor(cta.errors, 'required')}>
          {(p) => (
            <Select {...p} value={cta.value.required} options={CTA_OPTIONS} onValue={(required) => cta.set({ ...cta.value, required })} />
          )}
        </Field>
        <Field label="Phrases that count as a call to action" error={errorFor(cta.errors, 'phrases')}>
          {(p) => (
            <TagListInput {...p} itemNoun="phrase" value={cta.value.phrases} onValue={(phrases) => cta.set({ ...cta.value, phrases })} />
          )}
        </Field>
      </div>
      <div class="grid-4">
        <Field label="Emoji" error={errorFor(emoji.errors, 'policy')}>
          {(p) => (
            <Select {...p} value={emoji.value.policy} options={EMOJI_OPTIONS} onValue={(policy) => emoji.set({ ...emoji.value, policy })} />
          )}
        </Field>
        <Field label="Most emoji per post" error={errorFor(emoji.errors, 'max')}>
          {(p) => (
            <NumberInput
              {...p}
              disabled={emoji.value.policy === 'none'}
              value={emoji.value.policy === 'none' ? 0 : emoji.value.max}
              onValue={(max) => emoji.set({ ...emoji.value, max: max as number })}
            />
          )}
        </Field>
        <Field label="Most hashtags per post" error={errorFor(hashtags.errors, 'max')}>
          {(p) => <NumberInput {...p} value={hashtags.value.max} onValue={(max) => hashtags.set({ max: max as number })} />}
        </Field>
        <Field label="Most exclamation marks" error={errorFor(exclamations.errors, 'max')}>
          {(p) => <NumberInput {...p} value={exclamations.value.max} onValue={(max) => exclamations.set({ max: max as number })} />}
        </Field>
      </div>
      <div class="grid-4">
        <Field label="Formality" error={errorFor(formality.errors, '')}>
          {(p) => <Select {...p} value={formality.value} options={FORMALITY_OPTIONS} onValue={formality.set} />}
        </Field>
        <Field
          label="Reading level"
          hint={reading.value === null ? 'Not checked' : 'School grade (Flesch–Kincaid). 8 reads easily for most people.'}
          error={errorFor(reading.errors, '')}
        >
          {(p) => (
            <NumberInput
              {...p}
              optional
              disabled={reading.value === null}
              placeholder="Off"
              value={reading.value}
              onValue={(v) => reading.set(v === undefined ? Number.NaN : v)}
            />
          )}
        </Field>
        <div class="toggle-cell toggle-cell--offset">
          <Toggle
            checked={reading.value !== null}
            label="Check reading level"
            onValue={(on) => reading.set(on ? 8 : null)}
          />
        </div>
        <div class="toggle-cell toggle-cell--offset">
          <Toggle checked={inclusive.value} label="Inclusive-language check" onValue={inclusive.set} />
        </div>
      </div>
    </Card>
  );
}

// ---- Per-platform limits ----

function PlatformLimits() {
  const list = useList('voice.platformOverrides');
  const used = new Set(list.items.map((o) => o.platform));
  const free = PLATFORMS.filter((p) => !used.has(p));
  const add = () => free.length && list.add({ platform: free[0] });
  return (
    <Card
      title="Per-platform limits"
      titleId="limits-title"
      description="Where a platform needs different limits than the rules above — e.g. more hashtags on LinkedIn."
      actions={
        <AddButton onClick={add} disabled={!free.length}>
          Add platform
        </AddButton>
      }
    >
      {list.items.length === 0 ? (
        <Empty>The same limits apply on every platform.</Empty>
      ) : (
        <ul class="rows">
          {list.items.map((o) => (
            <LimitRow key={o.platform} override={o} list={list} used={used} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function LimitRow({ override: o, list, used }: { override: PlatformOverride; list: ListApi<PlatformOverride>; used: Set<Platform> }) {
  const errors = list.errorsOf(o.platform);
  const options = PLATFORMS.filter((p) => p === o.platform || !used.has(p)).map((p) => ({ value: p, label: PLATFORM_LABELS[p] }));
  return (
    <li class="row-item">
      <div class="grid-limit">
        <Field label="Platform" error={errorFor(errors, 'platform')}>
          {(p) => <Select<Platform> {...p} value={o.platform} options={options} onValue={(platform) => list.patch(o.platform, { platform })} />}
        </Field>
        <Field label="Maximum length" hint="Characters; empty = the platform’s own" error={errorFor(errors, 'maxLength')}>
          {(p) => (
            <NumberInput {...p} optional value={o.maxLength} placeholder="—" onValue={(maxLength) => list.patch(o.platform, { maxLength })} />
          )}
        </Field>
        <Field label="Most hashtags" hint="Empty = the general rule" error={errorFor(errors, 'maxHashtags')}>
          {(p) => (
            <NumberInput {...p} optional value={o.maxHashtags} placeholder="—" onValue={(maxHashtags) => list.patch(o.platform, { maxHashtags })} />
          )}
        </Field>
        <div class="row-item__end">
          <Button
            variant="ghost"
            size="sm"
            icon="trash"
            iconOnly
            aria-label={`Delete limits for ${PLATFORM_LABELS[o.platform]}`}
            title="Delete"
            onClick={() => list.remove(o.platform, PLATFORM_LABELS[o.platform])}
          />
        </div>
      </div>
    </li>
  );
}
