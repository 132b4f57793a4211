/**
 * The draft checker's public types. Pure data: no DOM, no browser API.
 */
import type { Pillar, Platform } from '../strategy/schema';

export type Severity = 'error' | 'warning' | 'info';

export interface CheckContext {
  platform: Platform;
  /** A new post, or a reply/comment to someone (LinkedIn counts comments against a smaller limit). */
  kind: 'post' | 'reply';
  /** The strategy's pillars, used to detect the draft's pillar for disclosures. */
  pillars?: Pillar[];
  /** The pillar the user picked for this draft, if any. */
  pillarId?: string | null;
  /** The brand's own name: never flagged as shouting. */
  brandName?: string;
}

export interface Fix {
  /** Replaces text.slice(finding.start, finding.end). */
  replacement: string;
  /** Button label, e.g. 'Replace with "customers"'. */
  label: string;
}

export interface Finding {
  /** Stable id of the rule, e.g. "banned-term" (see RULE_IDS). */
  ruleId: string;
  severity: Severity;
  /** Written for a community manager: plain words, says what to do. */
  message: string;
  /** UTF-16 offsets into the checked text; the exact range the finding is about. */
  start: number;
  end: number;
  fix?: Fix;
}

export interface CheckStats {
  /** Length as the platform counts it (X: weighted; Bluesky: graphemes; others: characters). */
  length: number;
  limit: number;
  hashtags: number;
  /** Emoji graphemes (a ZWJ family or a flag is one). */
  emoji: number;
  /** Exclamations as the reader sees them: a run like "!!!" or "?!" counts once. */
  exclamations: number;
  /** Flesch–Kincaid grade (one decimal), or null when the text is too short (< 20 words) or not in Latin script. */
  readingGrade: number | null;
}

export interface CheckResult {
  /** Sorted by start, then end. Findings may overlap; each has its own exact range. */
  findings: Finding[];
  /** 0–100, see scoreFindings. */
  score: number;
  stats: CheckStats;
}
