/**
 * What an adapter tells the rest of Brandline about one platform's page.
 * Adapters are DOM in, typed facts out: no storage, no messaging, no UI.
 */
import type { Counts, Platform } from '../strategy/schema';

export interface PostFacts {
  platform: Platform;
  /** The platform's own id as it appears in the permalink (X status id, urn:li:activity:…, Bluesky rkey, t3_…/t1_…). */
  postId: string;
  /** Absolute URL of the post, '' if the page does not show one. */
  permalink: string;
  /** Handle without @ ('' if unknown). */
  authorHandle: string;
  authorName: string;
  /** Visible text, whitespace collapsed. */
  text: string;
  /** ISO 8601 if the page shows a machine-readable time, else null. */
  publishedAt: string | null;
  /**
   * Counts the page shows. A key present with a number: read. A key absent: the page does not show that count,
   * or its text could not be parsed (never a guess).
   */
  counts: Counts;
  kind: 'post' | 'comment';
  /**
   * Set on a light reading (parsePost with `light`, by an adapter that has `complete`): `counts` is empty and
   * `authorName` may be, and `complete` reads them when the post is stored.
   */
  partial?: true;
}

export interface ParseOptions {
  /**
   * true: only what decorating a post needs (id, permalink, handle, text, time); the counts and the author's display
   * name may be left out (see PostFacts.partial). The page watcher reads every post a virtualised feed mounts, but only
   * the posts that are stored need the rest, and reading it was over half of a post's reading (BENCHMARKS.md,
   * feed-virtual). Adapters without `complete` read everything anyway.
   */
  light?: boolean;
}

export type EditorKind = 'draft' | 'lexical' | 'quill' | 'prosemirror' | 'textarea' | 'contenteditable';

export interface ComposerFacts {
  /** The editable element itself (the contenteditable root or the textarea). */
  el: HTMLElement;
  editor: EditorKind;
  /** A new post, or a reply/comment to someone. */
  kind: 'post' | 'reply';
  /** Who is being replied to, when the page says so. */
  replyTo: { authorHandle: string; authorName: string } | null;
}

/** Where to put a post's decoration. */
export interface Anchor {
  el: Element;
  /** 'append' = last child of el; 'after' = next sibling of el; 'prepend' = first child. */
  where: 'append' | 'after' | 'prepend';
}

export interface Adapter {
  platform: Platform;
  /** Does this adapter handle this page? (host, and for Mastodon the DOM) */
  matches(url: URL, doc: Document): boolean;
  /** The DOM variant in use, for health reports (e.g. 'v1' | 'v2' on LinkedIn, 'shreddit' | 'old' on Reddit). */
  variant(doc: Document): string;
  /** Matches every post (and comment, where the platform has them) element on the page. */
  postSelector: string;
  /** Facts of one matched element; null if it is not a post we understand (e.g. an ad, a placeholder). */
  parsePost(el: Element, doc: Document, opts?: ParseOptions): PostFacts | null;
  /**
   * The facts of a light reading of `el` (PostFacts.partial), completed: counts read, and the author's name unless the
   * facts carry one already (a caller that read it on another post of the same account).
   */
  complete?(el: Element, doc: Document, facts: PostFacts): PostFacts;
  /** Where the pillar-tag chip goes for this post element. */
  anchor(el: Element): Anchor;
  /**
   * Matches every composer editable (contenteditable root or textarea). Whatever it matches is, or holds, an element
   * matching EDITABLE_HINT: the page watcher only looks for composers where there is one.
   */
  composerSelector: string;
  parseComposer(el: Element, doc: Document): ComposerFacts | null;
  /** Should this URL show posts? (feeds, profiles, post pages) — used by the health report. */
  expectsPosts(url: URL): boolean;
}

/** Every composer is, or holds, one of these (see Adapter.composerSelector). */
export const EDITABLE_HINT = '[contenteditable], textarea';
