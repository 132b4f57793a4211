/**
 * Flesch–Kincaid grade level: 0.39 × words/sentences + 11.8 × syllables/words − 15.59.
 * Syllables are estimated with the usual English heuristic (vowel groups, silent final "e"), which is what
 * readability tools do; it is meaningful for English and roughly so for other Latin-script languages only.
 */

/**
 * Estimated syllables of a word, by the common heuristic: keep the letters a–z (accents stripped), words of up to
 * three letters have one; drop a silent ending (consonant + "es"/"ed"/"e", the consonant not "l"); drop a leading
 * "y"; count vowel groups, two vowels at most per group ("beau" is 2); at least 1.
 * Written as one loop rather than regular expressions: it runs for every word of every check.
 */
export function syllables(word: string): number {
  let w = word.toLowerCase();
  if (/[^a-z]/.test(w)) w = w.normalize('NFD').replace(/[^a-z]/g, '');
  let end = w.length;
  if (end <= 3) return 1;
  const keeps = (ch: string | undefined) => ch === undefined || 'laeiouy'.includes(ch);
  if ((w.endsWith('es') || w.endsWith('ed')) && !keeps(w[end - 3])) end -= 3;
  else if (w.endsWith('e') && !keeps(w[end - 2])) end -= 2;
  let i = w[0] === 'y' ? 1 : 0;
  let count = 0;
  let run = 0;
  for (; i < end; i++) {
    if ('aeiouy'.includes(w[i]!)) run++;
    else if (run > 0) {
      count += (run + 1) >> 1;
      run = 0;
    }
  }
  count += (run + 1) >> 1;
  return Math.max(1, count);
}

export function fleschKincaid(words: number, sentences: number, syllableCount: number): number {
  if (words === 0 || sentences === 0) return 0;
  return 0.39 * (words / sentences) + 11.8 * (syllableCount / words) - 15.59;
}

/** Rounded to one decimal and never below 0 (very simple text can score negative). */
export function roundGrade(g: number): number {
  return Math.max(0, Math.round(g * 10) / 10);
}
