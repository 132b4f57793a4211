/**
 * Built-in word lists. Modest on purpose: every entry must be right far more often than wrong in a social post.
 * `replacement: null` means "leave it out" (the fix removes the words and tidies the space around them).
 */

export interface BuiltinEntry {
  phrase: string;
  replacement: string | null;
  /** Not flagged right after one of these words ("what kind of", "the very first"). */
  notAfter?: readonly string[];
}

const DETERMINERS = [
  'what', 'which', 'this', 'that', 'these', 'those', 'any', 'some', 'the', 'a', 'an', 'every', 'each', 'no', 'one',
  'our', 'your', 'my', 'his', 'her', 'its', 'their', 'same', 'other', 'different', 'new', 'right', 'wrong', 'first',
  'last', 'best', 'only', 'whatever',
] as const;

/** Hedges and weasel words (write-good / Vale's "weasel" lists, trimmed to what reads weak in a post). */
export const HEDGES: readonly BuiltinEntry[] = [
  { phrase: 'just', replacement: null, notAfter: ['a', 'the', 'more', 'most'] },
  { phrase: 'very', replacement: null, notAfter: ['the', 'this', 'that', 'his', 'her', 'their', 'its'] },
  { phrase: 'really', replacement: null },
  { phrase: 'basically', replacement: null },
  { phrase: 'actually', replacement: null },
  { phrase: 'literally', replacement: null },
  { phrase: 'quite', replacement: null },
  { phrase: 'somewhat', replacement: null },
  { phrase: 'fairly', replacement: null },
  { phrase: 'arguably', replacement: null },
  { phrase: 'sort of', replacement: null, notAfter: DETERMINERS },
  { phrase: 'kind of', replacement: null, notAfter: DETERMINERS },
  { phrase: 'I think', replacement: null },
  { phrase: 'I believe', replacement: null },
  { phrase: 'I feel like', replacement: null },
  { phrase: 'I guess', replacement: null },
  { phrase: 'I suppose', replacement: null },
  { phrase: 'in my opinion', replacement: null },
  { phrase: 'needless to say', replacement: null },
];

/** Stiff, formal phrasing, flagged when the guide's formality is "casual". */
export const FORMAL: readonly BuiltinEntry[] = [
  { phrase: 'utilize', replacement: 'use' },
  { phrase: 'utilise', replacement: 'use' },
  { phrase: 'utilizes', replacement: 'uses' },
  { phrase: 'utilises', replacement: 'uses' },
  { phrase: 'utilized', replacement: 'used' },
  { phrase: 'utilised', replacement: 'used' },
  { phrase: 'utilizing', replacement: 'using' },
  { phrase: 'utilising', replacement: 'using' },
  { phrase: 'in order to', replacement: 'to' },
  { phrase: 'prior to', replacement: 'before' },
  { phrase: 'subsequent to', replacement: 'after' },
  { phrase: 'commence', replacement: 'start' },
  { phrase: 'commences', replacement: 'starts' },
  { phrase: 'commenced', replacement: 'started' },
  { phrase: 'with regard to', replacement: 'about' },
  { phrase: 'with regards to', replacement: 'about' },
  { phrase: 'in regard to', replacement: 'about' },
  { phrase: 'in regards to', replacement: 'about' },
  { phrase: 'pertaining to', replacement: 'about' },
  { phrase: 'in the event that', replacement: 'if' },
  { phrase: 'at your earliest convenience', replacement: 'when you can' },
  { phrase: 'please be advised that', replacement: null },
  { phrase: 'please be advised', replacement: null },
  { phrase: 'we regret to inform you that', replacement: 'unfortunately,' },
  { phrase: 'we regret to inform you', replacement: "we're sorry to say" },
  { phrase: 'we apologize for any inconvenience', replacement: 'sorry for the trouble' },
  { phrase: 'we apologise for any inconvenience', replacement: 'sorry for the trouble' },
  { phrase: 'do not hesitate to contact us', replacement: 'reach out any time' },
  { phrase: 'kindly', replacement: 'please' },
  { phrase: 'inquire', replacement: 'ask' },
  { phrase: 'enquire', replacement: 'ask' },
  { phrase: 'ascertain', replacement: 'find out' },
  { phrase: 'furthermore', replacement: 'also' },
  { phrase: 'henceforth', replacement: 'from now on' },
  { phrase: 'approximately', replacement: 'about' },
  { phrase: 'sufficient', replacement: 'enough' },
  { phrase: 'assistance', replacement: 'help' },
];

/** Non-inclusive wording (alex.js's most common hits), flagged when guide.inclusiveLanguage is on. */
export const INCLUSIVE: readonly BuiltinEntry[] = [
  { phrase: 'you guys', replacement: 'you all' },
  { phrase: 'guys', replacement: 'everyone' },
  { phrase: 'ladies and gentlemen', replacement: 'everyone' },
  { phrase: 'whitelist', replacement: 'allowlist' },
  { phrase: 'whitelists', replacement: 'allowlists' },
  { phrase: 'whitelisted', replacement: 'allowlisted' },
  { phrase: 'whitelisting', replacement: 'allowlisting' },
  { phrase: 'blacklist', replacement: 'blocklist' },
  { phrase: 'blacklists', replacement: 'blocklists' },
  { phrase: 'blacklisted', replacement: 'blocklisted' },
  { phrase: 'blacklisting', replacement: 'blocklisting' },
  { phrase: 'manpower', replacement: 'workforce' },
  { phrase: 'man-hours', replacement: 'work hours' },
  { phrase: 'man hours', replacement: 'work hours' },
  { phrase: 'mankind', replacement: 'humankind' },
  { phrase: 'man-made', replacement: 'artificial' },
  { phrase: 'manmade', replacement: 'artificial' },
  { phrase: 'chairman', replacement: 'chair' },
  { phrase: 'spokesman', replacement: 'spokesperson' },
  { phrase: 'salesman', replacement: 'salesperson' },
  { phrase: 'salesmen', replacement: 'salespeople' },
  { phrase: 'middleman', replacement: 'intermediary' },
  { phrase: 'sanity check', replacement: 'quick check' },
  { phrase: 'sanity-check', replacement: 'quick check' },
  { phrase: 'crazy', replacement: 'wild' },
  { phrase: 'insane', replacement: 'wild' },
  { phrase: 'lame', replacement: 'boring' },
  { phrase: 'dumb', replacement: 'silly' },
  { phrase: 'tone deaf', replacement: 'out of touch' },
  { phrase: 'tone-deaf', replacement: 'out of touch' },
  { phrase: 'grandfathered', replacement: 'exempted' },
];

/** Used when the guide requires a call to action but lists no phrases. A link also counts. */
export const DEFAULT_CTA: readonly string[] = [
  'learn more', 'read more', 'find out', 'shop now', 'buy now', 'order now', 'sign up', 'register', 'subscribe',
  'join', 'follow', 'download', 'get started', 'try it', 'book', 'link in bio', 'click', 'tap', 'visit', 'check out',
  'dm us', 'message us', 'tell us', 'let us know', 'comment', 'share', 'reply', 'apply', 'get yours', 'watch',
  'listen', 'save your spot', 'rsvp', 'donate', 'vote',
];

/** All-caps words that are not shouting. The brand's own name and all-caps preferred terms are added per check. */
export const ACRONYMS: ReadonlySet<string> = new Set(
  (
    'NASA FAQ FAQS CEO CTO CFO COO CMO CIO VP USA NYC LA UK EU UN API APIS URL URLS HTML CSS PDF SEO SEM ROI KPI KPIS ' +
    'DIY FYI ETA VIP AMA SMS MMS CRM ERP SAAS B2B B2C GDPR NATO UNESCO UNICEF NBA NFL NHL MLB FIFA UEFA BBC CNN ' +
    'NGO NGOS IPO NFT NFTS USB GPS DVD CPU GPU RAM SSD LED LCD ATM PIN RSVP ASAP TBA TBD TBC EST PST CST MST GMT UTC ' +
    'CET BST AEST IMO IMHO BTW TBH LOL OMG TIL PSA DM DMS PR HR IT AI ML AR VR XR QA QR SDK IOS MBA PHD LLC LTD INC ' +
    'PLC GMBH AG USD EUR GBP JPY CAD AUD NZD CHF MSRP FOMO YOLO ICYMI TLDR AKA NSFW OK UX UI ESG DEI LGBT LGBTQ ' +
    'LGBTQIA SUV BMW IBM AWS GCP HBO MTV ESPN NPR PBS CDC FDA FBI CIA IRS DMV MIT UCLA NYU CERN'
  ).split(' '),
);
