/**
 * One matcher for many phrases: a trie over word tokens, scanned once over the text's tokens.
 *
 * User terms are data, never regular expressions: a term is lexed with the same tokenizer as the text, so
 * "c++", "(free)", ".*" or "a+b" are just sequences of symbol tokens. A match always starts and ends on token
 * boundaries, which is what makes it whole-word ("users" never matches inside "superusers").
 * Where the phrase has a space the text needs whitespace (any amount, line breaks included); where the phrase
 * has none ("c++", "e-mail") the text must have none either.
 *
 * Cost: each text token starts at most one walk down the trie, and a walk is no deeper than the longest phrase
 * (≤ 100 characters by the schema), so a scan is O(tokens × longest phrase) — linear in the text.
 */
import { lex, type Token } from './text';
import { work } from './work';

interface Node<P> {
  /** Next token with no whitespace before it. */
  adj: Map<string, Node<P>> | null;
  /** Next token after whitespace. */
  spaced: Map<string, Node<P>> | null;
  out: P[] | null;
}

export interface Match<P> {
  payload: P;
  /** Token indices, inclusive. */
  t0: number;
  t1: number;
}

const node = <P>(): Node<P> => ({ adj: null, spaced: null, out: null });

export class PhraseMatcher<P> {
  private readonly root = new Map<string, Node<P>>();
  size = 0;

  /** Adds a phrase; returns false when it has no tokens (blank). */
  add(phrase: string, payload: P): boolean {
    const toks = lex(phrase);
    if (toks.length === 0) return false;
    let n: Node<P> | undefined = this.root.get(toks[0]!.k);
    if (!n) this.root.set(toks[0]!.k, (n = node<P>()));
    for (let i = 1; i < toks.length; i++) {
      const t = toks[i]!;
      const map: Map<string, Node<P>> = t.sp ? (n.spaced ??= new Map()) : (n.adj ??= new Map());
      let next: Node<P> | undefined = map.get(t.k);
      if (!next) map.set(t.k, (next = node<P>()));
      n = next;
    }
    (n.out ??= []).push(payload);
    this.size++;
    return true;
  }

  /**
   * Every occurrence of every phrase, ordered by start token then end token.
   * Tokens for which `skip` returns true are neither started from nor walked through.
   */
  scan(tokens: Token[], skip?: (t: Token) => boolean): Match<P>[] {
    const out: Match<P>[] = [];
    if (this.size === 0) return out;
    const n = tokens.length;
    for (let i = 0; i < n; i++) {
      const first = tokens[i]!;
      if (skip && skip(first)) continue;
      let cur = this.root.get(first.k);
      let j = i;
      while (cur) {
        work.n++;
        if (cur.out) for (const payload of cur.out) out.push({ payload, t0: i, t1: j });
        j++;
        if (j >= n) break;
        const t = tokens[j]!;
        if (skip && skip(t)) break;
        const map = t.sp ? cur.spaced : cur.adj;
        cur = map ? map.get(t.k) : undefined;
      }
    }
    return out;
  }
}

/**
 * Leftmost-longest, non-overlapping selection among matches already ordered by (t0, t1).
 * Among equally long matches at the same start, the first one added to the matcher wins.
 */
export function leftmostLongest<P>(matches: Match<P>[]): Match<P>[] {
  const out: Match<P>[] = [];
  let lastEnd = -1;
  let best: Match<P> | null = null;
  const flush = () => {
    if (best && best.t0 > lastEnd) {
      out.push(best);
      lastEnd = best.t1;
    }
    best = null;
  };
  for (const m of matches) {
    if (best && m.t0 !== best.t0) flush();
    if (!best || m.t1 > best.t1) best = m;
  }
  flush();
  return out;
}
