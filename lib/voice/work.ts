/**
 * A deterministic work counter: the hot loops (tokens, trie steps, graphemes, characters scanned by hand)
 * add to it, so tests can show that the checker's work grows linearly with the text without timing anything.
 * Not part of the public API.
 */
export const work = { n: 0 };

export function resetWork(): void {
  work.n = 0;
}
