/**
 * Engagement counts as the platforms display them ("1.2K", "1,2 Mio.", "12.345", "1.2万", "553 Likes. Like")
 * turned into integers. Pure: no DOM, no browser API except Intl (only for locales the table does not know).
 *
 * Rule number one: never a wrong number. Anything ambiguous or not recognised gives null. The locale is the page's
 * `<html lang>` value; it decides the decimal separator ("1.234" is 1234 in de, not a count in en) and what a
 * suffix means ("1,2 B" is 1,200 in tr, 1.2 billion in en).
 *
 * Adding a locale is one row in LOCALES below: the decimal separator (when it differs from the language's row) and,
 * per power of ten, the suffixes that stand for it (CLDR 48 short and long forms plus what platforms show).
 */

/** Counts above this are refused (the data model's upper bound for a count, see CountsSchema). */
export const MAX_COUNT = 1e13;

/** [power of ten, 'suffix|suffix|…']. Matching ignores a trailing '.', and case for suffixes of two or more letters. */
type Suffixes = readonly (readonly [number, string])[];

interface LocaleRule {
  /** Decimal separator ('.' or ','). Inherited from the language's row. */
  dec?: string;
  /** Group separators, when not the default ("," for a '.' decimal; "." and spaces for a ',' decimal). */
  grp?: string;
  /** Also accepts Indian grouping (12,34,567). */
  indian?: boolean;
  /** Replaces the language's suffixes (spread the language's list to extend it). */
  sfx?: Suffixes;
  /** Suffixes that also stand alone for one unit ('mille' = 1000 in CLDR's fr and it long forms). parseCount only. */
  alone?: string;
}

// Latin fallbacks, for pages that show English-style abbreviations. Only where the letter means the same thing
// in that language (not in tr: B = bin = thousand; id: M = miliar; es/nl/fr/de: B would read as billón/biljoen = 10^12).
const K: Suffixes = [[3, 'K|k']];
const KM: Suffixes = [...K, [6, 'M']];
const KMB: Suffixes = [...KM, [9, 'B']];

const EN: Suffixes = [
  [3, 'K|k|thousand|thousands'],
  [6, 'M|million|millions'],
  [9, 'B|bn|billion|billions'],
  [12, 'T|trillion|trillions'],
];
const ES: Suffixes = [
  ...KM,
  [3, 'mil'],
  [6, 'millón|millones|millon'],
  [9, 'mil M|mil millones|millardo|millardos'],
  [12, 'B|billón|billones'],
];
const PT: Suffixes = [
  ...KMB,
  [3, 'mil'],
  [6, 'mi|milhão|milhões|milhao|milhoes'],
  [9, 'bi|bilhão|bilhões|bilhao|bilhoes'],
  [12, 'tri|T|trilhão|trilhões'],
];
const FR: Suffixes = [
  ...KM,
  [3, 'mille|millier|milliers'],
  [6, 'million|millions'],
  [9, 'Md|Mrd|milliard|milliards'],
  [12, 'Bn|billion|billions'],
];
const NB: Suffixes = [
  ...KM,
  [3, 'tusen'],
  [6, 'mill.|mln|million|millioner'],
  [9, 'mrd.|milliard|milliarder'],
  [12, 'bill.|billion|billioner'],
];
const ZH: Suffixes = [...KMB, [12, 'T'], [3, '千'], [4, '万|萬'], [8, '亿|億'], [12, '万亿|萬億']];
/** 10^12 in Traditional Chinese and Japanese, but "mega" (10^6) in much mainland usage: Traditional rows only. */
const ZHAO = '兆';

/**
 * One row per language, then per region where it differs. A key may list several tags separated by spaces.
 * Lookup: language-region, then language-script, then language.
 */
const LOCALES: Record<string, LocaleRule> = {
  en: { dec: '.', sfx: EN },
  'en-GB en-IE en-AU en-NZ': { sfx: [...EN, [6, 'm'], [12, 'tn']] }, // CLDR en-GB: 1.2k, 1.2m, 1.2bn, 1.2tn
  'en-IN': { indian: true, sfx: [...EN, [5, 'L|lakh|lakhs|lac|lacs'], [7, 'Cr|crore|crores'], [10, 'KCr'], [12, 'LCr|lakh crore']] },
  'en-AT en-BE en-DE en-DK en-ES en-ID en-IT en-NL en-PL en-RO en-SI en-CZ en-EE en-FI en-HU en-LT en-LV en-NO en-PT en-SE en-SK en-UA en-ZA en-FR en-GE':
    { dec: ',' },
  'en-CH': { dec: '.', grp: "'’" },
  de: { dec: ',', sfx: [...KM, [3, 'Tsd.|Tausend'], [6, 'Mio.|Million|Millionen'], [9, 'Mrd.|Milliarde|Milliarden'], [12, 'Bio.|Billion|Billionen']] },
  'de-CH de-LI': { dec: '.', grp: "'’" },
  fr: { dec: ',', sfx: FR, alone: 'mille' },
  'fr-CA': { sfx: [...FR, [9, 'G'], [12, 'T']] },
  es: { dec: ',', sfx: ES },
  'es-MX es-US es-419 es-BR es-BZ es-CU es-DO es-GT es-HN es-NI es-PA es-PE es-PR es-SV': { dec: '.' },
  pt: { dec: ',', sfx: PT },
  'pt-PT pt-AO pt-CH pt-CV pt-GQ pt-GW pt-LU pt-MO pt-MZ pt-ST pt-TL': {
    sfx: [...KM, [3, 'mil'], [6, 'milhão|milhões'], [9, 'mM|mil milhões'], [12, 'Bi|bilião|biliões']],
  },
  it: { dec: ',', alone: 'mille', sfx: [...KM, [3, 'mila|mille'], [6, 'Mln|milione|milioni'], [9, 'Mld|miliardo|miliardi'], [12, 'Bln|mila miliardi|mille miliardi']] },
  'it-CH': { dec: '.', grp: "'’" },
  nl: { dec: ',', sfx: [...KM, [3, 'duizend'], [6, 'mln.|miljoen'], [9, 'mld.|miljard'], [12, 'bln.|biljoen']] },
  pl: {
    dec: ',',
    sfx: [
      ...KM,
      [3, 'tys.|tysiąc|tysiąca|tysiące|tysięcy'],
      [6, 'mln|milion|miliona|miliony|milionów'],
      [9, 'mld|miliard|miliarda|miliardy|miliardów'],
      [12, 'bln|bilion|biliona|biliony|bilionów'],
    ],
  },
  ru: {
    dec: ',',
    sfx: [
      ...KM,
      [3, 'тыс.|к|тысяча|тысячи|тысяч'],
      [6, 'млн|миллион|миллиона|миллионов'],
      [9, 'млрд|миллиард|миллиарда|миллиардов'],
      [12, 'трлн|триллион|триллиона|триллионов'],
    ],
  },
  uk: {
    dec: ',',
    sfx: [
      ...KM,
      [3, 'тис.|к|тисяча|тисячі|тисяч'],
      [6, 'млн|мільйон|мільйона|мільйони|мільйонів'],
      [9, 'млрд|мільярд|мільярда|мільярди|мільярдів'],
      [12, 'трлн|трильйон|трильйона|трильйони|трильйонів'],
    ],
  },
  tr: { dec: ',', sfx: [[3, 'B|K|k|bin'], [6, 'Mn|M|milyon'], [9, 'Mr|Mlr|milyar'], [12, 'Tn|trilyon']] },
  sv: { dec: ',', sfx: [...KM, [3, 'tn|tusen'], [6, 'mn|milj.|miljon|miljoner'], [9, 'md|mdr|miljard|miljarder'], [12, 'bn|biljon|biljoner']] },
  nb: { dec: ',', sfx: NB },
  no: { dec: ',', sfx: NB },
  nn: { dec: ',', sfx: [...NB, [6, 'millionar'], [9, 'milliardar'], [12, 'billionar']] },
  fi: {
    dec: ',',
    sfx: [...KM, [3, 't.|tuhat|tuhatta'], [6, 'milj.|miljoona|miljoonaa'], [9, 'mrd.|miljardi|miljardia'], [12, 'bilj.|biljoona|biljoonaa']],
  },
  cs: {
    dec: ',',
    sfx: [
      ...KM,
      [3, 'tis.|tisíc|tisíce'],
      [6, 'mil.|milion|milionu|miliony|milionů'],
      [9, 'mld.|miliarda|miliardy|miliard'],
      [12, 'bil.|bilion|bilionu|biliony|bilionů'],
    ],
  },
  ar: { dec: '.', sfx: [...KMB, [3, 'ألف|آلاف|الف'], [6, 'مليون|ملايين'], [9, 'مليار|مليارات'], [12, 'ترليون|تريليون']] },
  'ar-DZ ar-LY ar-MA ar-TN': { dec: ',' },
  hi: {
    dec: '.',
    indian: true,
    sfx: [
      ...KMB,
      [3, 'हज़ार|हजार'],
      [5, 'लाख|L|lakh|lakhs'],
      [7, 'क॰|करोड़|करोड|Cr|crore|crores'],
      [9, 'अ॰|अरब'],
      [11, 'ख॰|खरब'],
      [13, 'नील'],
    ],
  },
  bn: {
    dec: '.',
    indian: true,
    // Not "শত কো" (hundred crore = 10^9): CLDR 48 prints it for 10^10, and its bn patterns above 10^10 are broken
    // ("১কো" for 10^11), so it is refused rather than read 10× off.
    sfx: [...KMB, [3, 'হা|হাজার'], [5, 'লা|লাখ|L'], [7, 'কো|কোটি|Cr'], [12, 'লা.কো.|লাখ কোটি']],
  },
  ja: { dec: '.', sfx: [...KMB, [3, '千'], [4, '万|萬'], [8, '億|亿'], [12, '兆']] },
  ko: { dec: '.', sfx: [...KMB, [3, '천'], [4, '만'], [8, '억'], [12, '조']] },
  zh: { dec: '.', sfx: ZH },
  'zh-TW zh-HK zh-MO zh-Hant': { sfx: [...ZH, [12, ZHAO]] },
  id: { dec: ',', sfx: [...K, [3, 'rb|ribu'], [6, 'jt|juta'], [9, 'M|miliar'], [12, 'T|triliun']] },
  vi: { dec: ',', sfx: [...K, [3, 'N|nghìn|ngàn'], [6, 'Tr|M|triệu'], [9, 'T|B|tỷ|tỉ'], [12, 'NT|nghìn tỷ']] },
  th: {
    dec: '.',
    sfx: [...EN, [3, 'พัน'], [4, 'หมื่น'], [5, 'แสน'], [6, 'ล้าน'], [9, 'พันล้าน'], [10, 'หมื่นล้าน'], [11, 'แสนล้าน'], [12, 'ล้านล้าน']],
  },
  he: { dec: '.', sfx: [...EN, [3, 'אלף|אלפים'], [6, 'מיליון|מיליונים'], [9, 'מיליארד'], [12, 'טריליון']] },
};

/** Old or alternative language codes. */
const ALIASES: Record<string, string> = { iw: 'he', in: 'id', nob: 'nb', nno: 'nn' };

// ---- compiled form ----

interface SuffixEntry {
  /** NFC, trailing '.' removed, spaces as ' '; lowercased when `fold`. */
  key: string;
  exp: number;
  fold: boolean;
  /** The suffix ends in a script written without spaces (万, 만, พัน): no word boundary needed after it. */
  attached: boolean;
}
interface Rule {
  dec: string;
  groups: string;
  indian: boolean;
  /** Longest first, so "mil M" wins over "mil" and "LCr" over "L". */
  suffixes: SuffixEntry[];
  /** Lowercased word → count. */
  alone: Map<string, number>;
}

const RULE_KEYS = new Map<string, LocaleRule>();
/** Every language and region tag with a row of its own (for tests and the options page). */
export const KNOWN_LOCALES: readonly string[] = Object.keys(LOCALES).flatMap((tags) => tags.split(' '));
for (const [tags, rule] of Object.entries(LOCALES)) for (const tag of tags.split(' ')) RULE_KEYS.set(tag.toLowerCase(), rule);

// Bidi and invisible formatting marks that platforms put around numbers (he: U+200F after "1.2K").
const INVISIBLE = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/g;
const SPACES = /\s/g;
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

function normSuffix(s: string): string {
  let k = s.normalize('NFC').replace(SPACES, ' ').trim();
  if (k.length > 1 && k.endsWith('.')) k = k.slice(0, -1);
  return k;
}

function compile(rule: Required<Pick<LocaleRule, 'dec' | 'sfx'>> & LocaleRule): Rule {
  const dec = rule.dec;
  const groups = rule.grp ?? (dec === ',' ? '. ' : dec === '.' ? ',' : '');
  const raw: { key: string; exp: number }[] = [];
  for (const [exp, list] of rule.sfx) for (const s of list.split('|')) raw.push({ key: normSuffix(s), exp });
  // Case folding only where it cannot change a meaning within this row (pt-PT: "Bi" = 10^12 but "bi" is Brazil's 10^9).
  const folded = new Map<string, number>();
  const clash = new Set<string>();
  for (const { key, exp } of raw) {
    if ([...key].length < 2) continue;
    const f = key.toLowerCase();
    if (folded.has(f) && folded.get(f) !== exp) clash.add(f);
    folded.set(f, exp);
  }
  const seen = new Map<string, SuffixEntry>();
  for (const { key, exp } of raw) {
    const f = key.toLowerCase();
    const fold = [...key].length >= 2 && !clash.has(f);
    const entry: SuffixEntry = { key: fold ? f : key, exp, fold, attached: NO_SPACE_SCRIPT.test(key.slice(-1)) };
    const id = (fold ? 'f:' : 'x:') + entry.key;
    const prev = seen.get(id);
    if (prev && prev.exp !== exp) throw new Error(`counts: suffix "${key}" has two meanings in one locale row`);
    seen.set(id, entry);
  }
  const suffixes = [...seen.values()].sort((a, b) => b.key.length - a.key.length);
  const alone = new Map<string, number>();
  for (const word of rule.alone?.split('|') ?? []) {
    const e = suffixes.find((x) => x.key === normSuffix(word).toLowerCase());
    if (!e) throw new Error(`counts: "${word}" stands alone but is not a suffix of its row`);
    alone.set(e.key, 10 ** e.exp);
  }
  return { dec, groups, indian: !!rule.indian, suffixes, alone };
}

const EN_RULE = compile({ dec: '.', sfx: EN });
const ruleCache = new Map<string, Rule>();

/** Decimal separator and grouping for a language the table does not know, from the runtime's CLDR data. */
function intlRule(tag: string): Rule {
  // Unknown and unsupported: accept only bare integers, plus "1.2K"-style English forms (see readCount).
  let rule: LocaleRule & { dec: string; sfx: Suffixes } = { dec: '', grp: '', sfx: KM };
  try {
    if (Intl.NumberFormat.supportedLocalesOf([tag]).length) {
      const parts = new Intl.NumberFormat(tag).formatToParts(1234567.5);
      const dec = parts.find((p) => p.type === 'decimal')?.value ?? '';
      const grp = (parts.find((p) => p.type === 'group')?.value ?? '').replace(SPACES, ' ');
      const ints = parts.filter((p) => p.type === 'integer').map((p) => p.value.length);
      if (dec === '.' || dec === ',' || dec === '٫') {
        rule = { dec, grp: dec === ',' ? '. ' : grp === ' ' || grp === "'" || grp === '’' ? grp : ',', sfx: KM };
        if (dec === '٫') rule.grp = '';
        rule.indian = ints.length >= 3 && ints[1] === 2;
      }
    }
  } catch {
    // invalid tag: keep the conservative rule
  }
  return compile(rule);
}

function ruleFor(locale: string | undefined): Rule {
  const tag = (locale ?? '').trim().slice(0, 40).toLowerCase().replace(/_/g, '-') || 'en';
  const cached = ruleCache.get(tag);
  if (cached) return cached;
  const parts = tag.split('-');
  const lang = ALIASES[parts[0]!] ?? parts[0]!;
  const rest = parts.slice(1);
  const region = rest.find((p) => /^([a-z]{2}|\d{3})$/.test(p));
  const script = rest.find((p) => /^[a-z]{4}$/.test(p));
  const base = RULE_KEYS.get(lang);
  let rule: Rule;
  if (!base) {
    rule = intlRule(tag);
  } else {
    const specific = (region && RULE_KEYS.get(`${lang}-${region}`)) || (script && RULE_KEYS.get(`${lang}-${script}`)) || undefined;
    const merged = { ...base, ...specific };
    rule = compile({ ...merged, dec: merged.dec ?? '.', sfx: merged.sfx ?? KM });
  }
  if (ruleCache.size < 200) ruleCache.set(tag, rule);
  return rule;
}

// ---- digits ----

/** Code points of the digit zero in the scripts platforms use (ASCII, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, …, full-width). */
const ZEROS = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0, 0xf20, 0x1040, 0x17e0,
  0x1810, 0xff10,
];

/** The zero of the digit's script, or -1 when c is not a decimal digit. */
function digitZero(code: number): number {
  if (code >= 0x30 && code <= 0x39) return 0x30;
  if (code < 0x660) return -1;
  for (const z of ZEROS) if (code >= z && code <= z + 9) return z;
  return -1;
}

// Characters that may join digits into one token. Tokens holding ':' '/' '-' (times, dates, ranges, versions) are never counts.
const JOINERS = ".,'’٫٬:/- \u2212";
const ARABIC_DEC = '٫';
const ARABIC_GROUP = '٬';

interface ParsedNumber {
  digits: string;
  fracLen: number;
  /** Read with the other decimal separator than the locale's ("1.2" on a de page): English formatting. */
  foreign: boolean;
}

function validGroups(groups: string[], indian: boolean): boolean {
  const first = groups[0]!;
  if (first.length < 1 || first.length > 3 || (first[0] === '0' && groups.length > 1)) return false;
  const last = groups.length - 1;
  let western = true;
  for (let i = 1; i <= last; i++) if (groups[i]!.length !== 3) western = false;
  if (western || !indian) return western;
  // Indian: 12,34,567 — last group 3 digits, the others 2, the first 1 or 2.
  if (first.length > 2 || groups[last]!.length !== 3) return false;
  for (let i = 1; i < last; i++) if (groups[i]!.length !== 2) return false;
  return true;
}

/** `token` holds ASCII digits and separator characters (already mapped from other scripts). */
function parseNumber(token: string, rule: Rule): ParsedNumber | null {
  let sepCount = 0;
  let sepAt = -1;
  for (let i = 0; i < token.length; i++) {
    const c = token[i]!;
    if (c < '0' || c > '9') {
      sepCount++;
      sepAt = i;
    }
  }
  if (sepCount === 0) {
    if (token.length > 1 && token[0] === '0') return null;
    return { digits: token, fracLen: 0, foreign: false };
  }
  const strict = parseStrict(token, rule);
  if (strict) return strict;
  // "1.2" on a de page or "1,2" on an en page: one separator followed by one or two digits can only be a decimal
  // separator (groups always have three digits). Only usable with a suffix (readCount checks).
  if (sepCount === 1) {
    const c = token[sepAt]!;
    const fracLen = token.length - sepAt - 1;
    const int = token.slice(0, sepAt);
    if ((c === '.' || c === ',') && c !== rule.dec && (fracLen === 1 || fracLen === 2) && !(int.length > 1 && int[0] === '0')) {
      return { digits: int + token.slice(sepAt + 1), fracLen, foreign: true };
    }
  }
  return null;
}

function parseStrict(token: string, rule: Rule): ParsedNumber | null {
  let decAt = -1;
  for (let i = 0; i < token.length; i++) {
    const c = token[i]!;
    if (c === rule.dec || c === ARABIC_DEC) {
      if (decAt >= 0) return null;
      decAt = i;
    }
  }
  const intPart = decAt >= 0 ? token.slice(0, decAt) : token;
  const frac = decAt >= 0 ? token.slice(decAt + 1) : '';
  if (!/^[0-9]*$/.test(frac)) return null;
  // Split the integer part on group separators; one kind of separator per number.
  const groups: string[] = [];
  let sep = '';
  let start = 0;
  for (let i = 0; i < intPart.length; i++) {
    const c = intPart[i]!;
    if (c >= '0' && c <= '9') continue;
    if (!(rule.groups.includes(c) || c === ARABIC_GROUP)) return null;
    if (sep && sep !== c) return null;
    sep = c;
    groups.push(intPart.slice(start, i));
    start = i + 1;
  }
  groups.push(intPart.slice(start));
  if (groups.length === 1) {
    const g = groups[0]!;
    if (g.length === 0 || (g.length > 1 && g[0] === '0')) return null;
  } else if (!validGroups(groups, rule.indian)) return null;
  return { digits: groups.join('') + frac, fracLen: frac.length, foreign: false };
}

/** Right after a number or its suffix, these make it something else: "99+", "5%", "5-star", "2 B-roll". */
const GLUED_AFTER = '+-\u2010%‰°';

interface SuffixMatch {
  exp: number;
  end: number;
}

function matchSuffix(s: string, p: number, rule: Rule): SuffixMatch | null {
  for (const e of rule.suffixes) {
    const seg = s.slice(p, p + e.key.length);
    if ((e.fold ? seg.toLowerCase() : seg) !== e.key) continue;
    const q = p + e.key.length;
    const next = s[q];
    if (next !== undefined && !e.attached && next !== '.' && WORD_CHAR.test(next) && !NO_SPACE_SCRIPT.test(next)) continue;
    if (next !== undefined && GLUED_AFTER.includes(next)) continue; // "1K+" is a floor, "2 B-roll" a word
    return { exp: e.exp, end: next === '.' ? q + 1 : q };
  }
  return null;
}

/** A word character of a script written with spaces (a digit or letter there glues to the number: "5m", "x2", "3D"). */
function gluesToNumber(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c) && !NO_SPACE_SCRIPT.test(c);
}

interface Read {
  /** The count, or null when the token at this position is not one. */
  value: number | null;
  /** Where scanning continues. */
  end: number;
}

/** Reads the count starting at s[i], a digit. */
function readCount(s: string, i: number, rule: Rule): Read {
  // 1. The token: digits (one script) joined by separators, each separator between two digits.
  let j = i;
  let zero = -1;
  let token = '';
  let bad = false;
  while (j < s.length) {
    const code = s.charCodeAt(j);
    const z = digitZero(code);
    if (z >= 0) {
      if (zero >= 0 && z !== zero) bad = true;
      zero = z;
      token += String.fromCharCode(0x30 + code - z);
      j++;
      continue;
    }
    const c = s[j]!;
    if (JOINERS.includes(c) && j + 1 < s.length && digitZero(s.charCodeAt(j + 1)) >= 0) {
      token += c;
      j++;
      continue;
    }
    break;
  }
  const fail: Read = { value: null, end: j };
  if (bad || token.length > 40) return fail;
  const num = parseNumber(token, rule);
  if (!num) return fail;

  // 2. The suffix, after at most two spaces.
  let p = j;
  while (p < s.length && p - j < 2 && s[p] === ' ') p++;
  let m = matchSuffix(s, p, rule);
  if (num.foreign) {
    // English formatting on a non-English page: the suffix is read in English too, and one that means
    // different things in both (tr "B", id "M", vi "T", de "Billion") is not a count.
    const en = matchSuffix(s, p, EN_RULE);
    if (m && en && en.end === m.end && en.exp !== m.exp) return fail;
    if (!m || (en && en.end > m.end)) m = en;
    if (!m) return fail;
  }
  let value: number;
  let end: number;
  if (m) {
    value = scale(num.digits, m.exp - num.fracLen);
    end = m.end;
  } else {
    if (num.fracLen > 0) return fail; // "1.5" is not a count
    const next = s[j];
    if (gluesToNumber(next) || (next !== undefined && GLUED_AFTER.includes(next))) return fail;
    value = Number(num.digits);
    end = j;
  }
  if (!Number.isSafeInteger(value) || value > MAX_COUNT) return fail;
  return { value, end };
}

function scale(digits: string, shift: number): number {
  const n = Number(digits);
  return shift >= 0 ? n * 10 ** shift : Math.round(n / 10 ** -shift);
}

function normalize(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ');
}

/**
 * The count displayed by `text`, which must hold one count and nothing else (surrounding spaces and bidi marks aside):
 * "1,234", "12.345" (de), "1 234" (fr), "1'234" (de-CH), "12,34,567" (en-IN), "1.2K", "1,2 Mio.", "1.2万", "১.২ হা".
 * Compact values are rounded to an integer (1.2K → 1200). Returns null for anything else, and for ambiguous text:
 * a wrong number is worse than none.
 */
export function parseCount(text: string, locale?: string): number | null {
  if (typeof text !== 'string' || text.length > 256) return null;
  const s = normalize(text).trim();
  if (s.length === 0 || s.length > 64) return null;
  const rule = ruleFor(locale);
  if (digitZero(s.charCodeAt(0)) < 0) return rule.alone.get(normSuffix(s).toLowerCase()) ?? null;
  const r = readCount(s, 0, rule);
  return r.end === s.length ? r.value : null;
}

// Characters that, right before a digit, make it part of something else: "-5", "+5", "@user1", "#1", ".5", "$5".
const NOT_BEFORE = "-+\u2212@#$€£¥₹.,'’";

/**
 * The first count inside a longer label: "553 Likes. Like", "Like (12 likes)", "1.2K reactions",
 * "1.234 „Gefällt mir“-Angaben" (de). Numbers glued to letters ("5m", "x2"), signed numbers, times, dates and
 * decimals without a suffix are skipped. Only the first 500 characters are read. Null when no count is found.
 */
export function findCount(label: string, locale?: string): number | null {
  if (typeof label !== 'string' || label.length === 0) return null;
  // Most labels are an integer and an English count word ("553 Likes. Like", "48 replies, 152 reposts"): no separator,
  // no suffix, the same in every locale. Read at once: the full scan below costs ~10 µs a label in code a page has
  // not run often yet, and a post's counts are several labels (BENCHMARKS.md, feed-virtual). Tests check both agree.
  const plain = PLAIN_LABEL.exec(label);
  if (plain) return Number(plain[1]);
  return scanForCount(label, locale);
}

/** An integer below MAX_COUNT, one space and a count word, at the label's start. */
const PLAIN_LABEL =
  /^(0|[1-9]\d{0,12}) (?:likes?|repl(?:y|ies)|reposts?|retweets?|views?|bookmarks?|quotes?|comments?|reactions?|shares?)\b/i;

/** findCount without its shortcut for plain labels (exported for the tests that compare the two). */
export function scanForCount(label: string, locale?: string): number | null {
  const truncated = label.length > 500;
  const s = normalize(truncated ? label.slice(0, 500) : label);
  const rule = ruleFor(locale);
  let i = 0;
  while (i < s.length) {
    if (digitZero(s.charCodeAt(i)) < 0) {
      i++;
      continue;
    }
    const prev = s[i - 1];
    const r = readCount(s, i, rule);
    if (truncated && r.end >= s.length) return null; // the number may continue past the cut
    if (r.value !== null && !(prev !== undefined && (gluesToNumber(prev) || NOT_BEFORE.includes(prev)))) return r.value;
    i = Math.max(r.end, i + 1);
  }
  return null;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** A count for display: "1.2K", "1,2 Mio.", "1.2万". */
export function formatCount(n: number, locale?: string): string {
  if (!Number.isFinite(n)) return '';
  const tag = locale || 'en';
  let f = formatters.get(tag);
  if (!f) {
    try {
      f = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 });
    } catch {
      f = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
    }
    if (formatters.size < 50) formatters.set(tag, f);
  }
  return f.format(n);
}
