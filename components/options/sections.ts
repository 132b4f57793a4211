import type { Strategy } from '@/lib/strategy/schema';
import type { SectionId } from './editor/reconcile';

export interface SectionInfo {
  id: SectionId;
  label: string;
  title: string;
  intro: string;
  count?(s: Strategy): number;
}

/** The options page's sections, in navigation order. Their ids are the URL hashes (options.html#pillars). */
export const SECTIONS: readonly SectionInfo[] = [
  {
    id: 'brand',
    label: 'Brand & channels',
    title: 'Brand & channels',
    intro: 'Who you are, and the accounts you post from. Brandline recognises your own posts by these handles.',
    count: (s) => s.channels.length,
  },
  {
    id: 'goals',
    label: 'Goals',
    title: 'Goals',
    intro: 'What this strategy is for, and the numbers that tell you it is working.',
    count: (s) => s.goals.length,
  },
  {
    id: 'audiences',
    label: 'Audiences',
    title: 'Audiences',
    intro: 'The people you write for: what they care about and what gets in their way.',
    count: (s) => s.personas.length,
  },
  {
    id: 'pillars',
    label: 'Pillars',
    title: 'Content pillars',
    intro: 'The themes you post about, and the share of posts each should get. Brandline tags posts with them.',
    count: (s) => s.pillars.length,
  },
  {
    id: 'voice',
    label: 'Voice guide',
    title: 'Voice guide',
    intro: 'How the brand sounds. Brandline checks drafts against these rules as you write them.',
  },
  {
    id: 'replies',
    label: 'Saved replies',
    title: 'Saved replies',
    intro: 'Answers you give often, ready to drop into a reply with the person’s name filled in.',
    count: (s) => s.savedReplies.length,
  },
  {
    id: 'calendar',
    label: 'Calendar',
    title: 'Content calendar',
    intro: 'Plan posts by day and platform, and keep an eye on the pillar mix ahead.',
    count: (s) => s.calendar.length,
  },
  {
    id: 'reports',
    label: 'Reports',
    title: 'Reports',
    intro: 'How your posts are doing against the strategy, from what Brandline saw on the platforms.',
  },
  {
    id: 'data',
    label: 'Data & import/export',
    title: 'Data & import/export',
    intro: 'Move your strategy between browsers or colleagues, and decide what Brandline keeps.',
  },
];

export const sectionFromHash = (hash: string): SectionId => {
  const id = hash.replace(/^#/, '');
  return (SECTIONS.find((s) => s.id === id)?.id ?? 'brand') as SectionId;
};
