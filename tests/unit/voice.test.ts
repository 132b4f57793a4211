/**
 * The draft checker's rules, one table per rule: exact ranges (UTF-16 offsets), the text they cover, and fixes.
 * A hit is written [covered text, start, fix replacement?]; the end is start + covered text's length.
 */
import { describe, expect, it } from 'vitest';
import { applyFix, check, RULE_IDS, scoreFindings, type CheckContext, type Finding } from '../../lib/voice';
import { PillarSchema, VoiceGuideSchema, type VoiceGuide } from '../../lib/strategy/schema';

type Hit = [text: string, start: number, fix?: string];
interface Row {
  name: string;
  text: string;
  guide?: Record<string, unknown>;
  ctx?: Partial<CheckContext>;
  hits: Hit[];
}

const guide = (over: Record<string, unknown> = {}): VoiceGuide => VoiceGuideSchema.parse(over);
const ctxOf = (over: Partial<CheckContext> = {}): CheckContext => ({ platform: 'facebook', kind: 'post', ...over });

/** The findings of one rule as [covered text, start, fix?], after checking that each range is start + length. */
function hitsOf(text: string, g: VoiceGuide, ruleId: string, ctx: CheckContext): Hit[] {
  return check(text, g, ctx)
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => {
      const covered = text.slice(f.start, f.end);
      expect(f.end - f.start).toBe(covered.length);
      return f.fix ? ([covered, f.start, f.fix.replacement] as Hit) : ([covered, f.start] as Hit);
    });
}

function table(ruleId: string, rows: Row[]) {
  describe(ruleId, () => {
    it.each(rows)('$name', ({ text, guide: g, ctx, hits }) => {
      expect(hitsOf(text, guide(g), ruleId, ctxOf(ctx))).toEqual(hits);
    });
  });
}

const banned = (term: string, exceptions: string[] = [], reason = '') => ({ id: `b-${term}`, term, exceptions, reason });
const preferred = (use: string, insteadOf: string[], note = '') => ({ id: `p-${use}`, use, insteadOf, note });

table('banned-term', [
  { name: 'whole word, any case', text: 'Cheap deals, not CHEAP quality, cheapest.', guide: { bannedTerms: [banned('cheap')] }, hits: [['Cheap', 0], ['CHEAP', 17]] },
  { name: 'not inside a longer word', text: 'superusers and users, users', guide: { bannedTerms: [banned('users')] }, hits: [['users', 15], ['users', 22]] },
  { name: 'multi-word phrase across any whitespace', text: 'Get free\n  shipping today, free shipping', guide: { bannedTerms: [banned('free shipping')] }, hits: [['free\n  shipping', 4], ['free shipping', 27]] },
  { name: 'a phrase needs the space it has', text: 'freeshipping free-shipping', guide: { bannedTerms: [banned('free shipping')] }, hits: [] },
  { name: 'exceptions: a match inside an exception phrase is fine', text: 'Kill the kill switch? No, kill it.', guide: { bannedTerms: [banned('kill', ['kill switch'])] }, hits: [['Kill', 0], ['kill', 26]] },
  { name: 'an exception that starts before the term', text: 'the kill switch, the switch', guide: { bannedTerms: [banned('switch', ['kill switch'])] }, hits: [['switch', 21]] },
  { name: 'the longest term wins where two overlap', text: 'Start a free trial, free stuff', guide: { bannedTerms: [banned('free'), banned('free trial')] }, hits: [['free trial', 8], ['free', 20]] },
  { name: 'an excepted long match falls back to the short one', text: 'our free trial', guide: { bannedTerms: [banned('free trial', ['our free trial']), banned('free')] }, hits: [['free', 4]] },
  { name: 'regex metacharacters are plain text: c++', text: 'Learn c++ or c or c+ today', guide: { bannedTerms: [banned('c++')] }, hits: [['c++', 6]] },
  { name: 'regex metacharacters are plain text: (free)', text: 'It is (free) but free is fine', guide: { bannedTerms: [banned('(free)')] }, hits: [['(free)', 6]] },
  { name: 'regex metacharacters are plain text: .*', text: 'Use .* or anything else', guide: { bannedTerms: [banned('.*')] }, hits: [['.*', 4]] },
  { name: 'regex metacharacters are plain text: a+b', text: 'aab ab a+b', guide: { bannedTerms: [banned('a+b')] }, hits: [['a+b', 7]] },
  { name: 'regex metacharacters are plain text: $9.99 and [beta]', text: 'Only $9.99 for [beta] users, $9 99', guide: { bannedTerms: [banned('$9.99'), banned('[beta]')] }, hits: [['$9.99', 5], ['[beta]', 15]] },
  { name: 'regex syntax in a term matches nothing else', text: 'digits 123 and \\d+ here', guide: { bannedTerms: [banned('\\d+'), banned('^'), banned('|')] }, hits: [['\\d+', 15]] },
  { name: 'inside a hashtag the word itself is flagged', text: 'So #cheap today', guide: { bannedTerms: [banned('cheap')] }, hits: [['cheap', 4]] },
  { name: 'a banned @handle is found (guide terms look everywhere)', text: 'Unlike @rival, we ship', guide: { bannedTerms: [banned('@rival')] }, hits: [['@rival', 7]] },
  { name: 'curly and straight apostrophes are the same', text: 'We don’t and we don\'t', guide: { bannedTerms: [banned("don't")] }, hits: [['don’t', 3], ["don't", 16]] },
  { name: 'nothing to find with an empty list', text: 'cheap', guide: {}, hits: [] },
]);

describe('banned-term message', () => {
  it('names the term and the reason, and says what to do', () => {
    const r = check('So cheap', guide({ bannedTerms: [banned('cheap', [], 'We are premium.')] }), ctxOf());
    expect(r.findings[0]!.message).toBe('Avoid "cheap" (We are premium): it is on the brand\'s banned list. Say it another way.');
    expect(r.findings[0]!.severity).toBe('error');
    expect(r.findings[0]!.fix).toBeUndefined();
  });
});

table('preferred-term', [
  { name: 'lower case', text: 'Our users love it', guide: { preferredTerms: [preferred('customers', ['users'])] }, hits: [['users', 4, 'customers']] },
  { name: 'capitalised', text: 'Users love it', guide: { preferredTerms: [preferred('customers', ['users'])] }, hits: [['Users', 0, 'Customers']] },
  { name: 'all caps', text: 'ALL USERS WIN', guide: { preferredTerms: [preferred('customers', ['users'])] }, hits: [['USERS', 4, 'CUSTOMERS']] },
  { name: 'plural only if listed', text: 'one user, two users', guide: { preferredTerms: [preferred('customer', ['user'])] }, hits: [['user', 4, 'customer']] },
  { name: 'both forms when both listed', text: 'one user, two users', guide: { preferredTerms: [preferred('customer', ['user']), preferred('customers', ['users'])] }, hits: [['user', 4, 'customer'], ['users', 14, 'customers']] },
  { name: 'a replacement with its own capitals is kept', text: 'Find us on linkedin or Linked In', guide: { preferredTerms: [preferred('LinkedIn', ['linkedin', 'linked in'])] }, hits: [['linkedin', 11, 'LinkedIn'], ['Linked In', 23, 'LinkedIn']] },
  { name: 'the preferred word itself is not flagged', text: 'LinkedIn is great', guide: { preferredTerms: [preferred('LinkedIn', ['linkedin'])] }, hits: [] },
  { name: 'nor is its capitalised form when it is lower case', text: 'Email us. EMAIL us', guide: { preferredTerms: [preferred('email', ['e-mail', 'email'])] }, hits: [] },
  { name: 'multi-word replacement, case kept', text: 'In-store pickup? Sign-up today', guide: { preferredTerms: [preferred('sign up', ['sign-up'])] }, hits: [['Sign-up', 17, 'Sign up']] },
  { name: 'links and @handles are left alone', text: 'https://x.com/users @users, users', guide: { preferredTerms: [preferred('customers', ['users'])] }, hits: [['users', 28, 'customers']] },
  { name: 'not inside a longer word', text: 'superusers', guide: { preferredTerms: [preferred('customers', ['users'])] }, hits: [] },
]);

describe('preferred-term message', () => {
  it('says which word to use and adds the note', () => {
    const r = check('Our users', guide({ preferredTerms: [preferred('customers', ['users'], 'They pay us.')] }), ctxOf());
    expect(r.findings).toEqual([
      {
        ruleId: 'preferred-term',
        severity: 'warning',
        message: 'Say "customers", not "users". They pay us.',
        start: 4,
        end: 9,
        fix: { replacement: 'customers', label: 'Replace with "customers"' },
      },
    ]);
  });
});

const adOnTrigger = { id: 'ad', text: '#ad', alternatives: ['#sponsored'], triggerKeywords: ['sponsored', 'paid partnership'] };
const pillars = [
  PillarSchema.parse({ id: 'collabs', name: 'Collabs', color: '#112233', keywords: ['partner', 'collab'], targetShare: 20 }),
  PillarSchema.parse({ id: 'coffee', name: 'Coffee', color: '#445566', keywords: ['espresso', 'latte'], targetShare: 80 }),
];
const adOnPillar = { id: 'ad', text: '#ad', pillarIds: ['collabs'] };

table('disclosure', [
  { name: 'a trigger word requires it: fix appends at the end', text: 'This is a sponsored post', guide: { disclosures: [adOnTrigger] }, hits: [['', 24, ' #ad']] },
  { name: 'a multi-word trigger', text: 'A paid\npartnership with Acme', guide: { disclosures: [adOnTrigger] }, hits: [['', 28, ' #ad']] },
  { name: 'present, any case', text: 'Sponsored! #AD', guide: { disclosures: [adOnTrigger] }, hits: [] },
  { name: 'an alternative satisfies it', text: 'sponsored #Sponsored', guide: { disclosures: [adOnTrigger] }, hits: [] },
  { name: 'a longer hashtag does not', text: 'sponsored #adventure', guide: { disclosures: [adOnTrigger] }, hits: [['', 20, ' #ad']] },
  { name: 'no trigger, no requirement', text: 'Just coffee', guide: { disclosures: [adOnTrigger] }, hits: [] },
  { name: 'no space added after a trailing newline', text: 'sponsored\n', guide: { disclosures: [adOnTrigger] }, hits: [['', 10, '#ad']] },
  { name: 'the chosen pillar requires it', text: 'Hello', guide: { disclosures: [adOnPillar] }, ctx: { pillars, pillarId: 'collabs' }, hits: [['', 5, ' #ad']] },
  { name: 'the detected pillar requires it', text: 'Our collab with a partner, and a latte', guide: { disclosures: [adOnPillar] }, ctx: { pillars }, hits: [['', 38, ' #ad']] },
  { name: 'another detected pillar does not', text: 'An espresso, a latte and our partner', guide: { disclosures: [adOnPillar] }, ctx: { pillars }, hits: [] },
  { name: 'both lists empty: every post', text: 'Hello', guide: { disclosures: [{ id: 'd', text: 'Ad' }] }, hits: [['', 5, ' Ad']] },
  { name: 'both lists empty: not on replies', text: 'Hello', guide: { disclosures: [{ id: 'd', text: 'Ad' }] }, ctx: { kind: 'reply' }, hits: [] },
  { name: 'a trigger applies to replies too', text: 'It was sponsored', guide: { disclosures: [adOnTrigger] }, ctx: { kind: 'reply' }, hits: [['', 16, ' #ad']] },
  { name: 'a blank draft is not nagged', text: '  \n ', guide: { disclosures: [{ id: 'd', text: 'Ad' }] }, hits: [] },
]);

describe('disclosure message', () => {
  it('says why and what to add', () => {
    const r = check('Our collab', guide({ disclosures: [adOnPillar] }), ctxOf({ pillars }));
    expect(r.findings[0]!.message).toBe('This post needs the disclosure "#ad" because it belongs to the "Collabs" pillar. Add it before posting.');
    expect(r.findings[0]!.fix!.label).toBe('Add "#ad" at the end');
  });
});

const ctaPosts = { callToAction: { required: 'posts', phrases: ['shop now', 'link in bio'] } };
table('call-to-action', [
  { name: 'missing on a post: at the end, no fix', text: 'New beans are here', guide: ctaPosts, hits: [['', 18]] },
  { name: 'present', text: 'New beans. Shop now', guide: ctaPosts, hits: [] },
  { name: 'not required on replies', text: 'Thanks!', guide: ctaPosts, ctx: { kind: 'reply' }, hits: [] },
  { name: 'always: replies too', text: 'Thanks', guide: { callToAction: { required: 'always', phrases: ['dm us'] } }, ctx: { kind: 'reply' }, hits: [['', 6]] },
  { name: 'default phrases when the guide lists none', text: 'New beans. Learn more on our site', guide: { callToAction: { required: 'posts' } }, hits: [] },
  { name: 'a link counts when the guide lists none', text: 'New beans: northwind.coffee', guide: { callToAction: { required: 'posts' } }, hits: [] },
  { name: 'never', text: 'New beans', guide: {}, hits: [] },
]);

describe('call-to-action severity', () => {
  it('warns on posts, hints on replies', () => {
    const g = guide({ callToAction: { required: 'always', phrases: [] } });
    expect(check('Hi', g, ctxOf()).findings.find((f) => f.ruleId === 'call-to-action')!.severity).toBe('warning');
    expect(check('Hi', g, ctxOf({ kind: 'reply' })).findings.find((f) => f.ruleId === 'call-to-action')!.severity).toBe('info');
  });
});

const six = '#one #two #three #four #five #six';
table('hashtag-limit', [
  { name: 'Instagram: the 6th hashtag', text: six, guide: { hashtags: { max: 10 } }, ctx: { platform: 'instagram' }, hits: [[' #six', 28, '']] },
  { name: 'Threads: one hashtag', text: '#one and #two', ctx: { platform: 'threads' }, hits: [[' #two', 8, '']] },
  { name: 'Bluesky: 8 tags', text: '#a1 #a2 #a3 #a4 #a5 #a6 #a7 #a8 #a9 end', guide: { hashtags: { max: 20 } }, ctx: { platform: 'bluesky' }, hits: [['#a9 ', 32, '']] },
  { name: 'a platform override wins', text: '#one #two', guide: { platformOverrides: [{ platform: 'threads', maxHashtags: 2 }] }, ctx: { platform: 'threads' }, hits: [] },
  { name: 'no cap on X', text: six, guide: { hashtags: { max: 10 } }, ctx: { platform: 'x' }, hits: [] },
]);

table('hashtags', [
  { name: 'over the guide max (3)', text: '#one #two #three #four #five', hits: [['#four ', 17, ''], [' #five', 22, '']] },
  { name: 'guide max 0', text: 'Love it #coffee.', guide: { hashtags: { max: 0 } }, hits: [[' #coffee', 7, '']] },
  { name: 'guide max under the platform cap: error past the cap, warning between', text: six, guide: { hashtags: { max: 3 } }, ctx: { platform: 'instagram' }, hits: [['#four ', 17, ''], ['#five ', 23, '']] },
  { name: '"#1", C#, URL fragments and &#39; are not hashtags', text: 'We are #1 in C# at example.com/#top &#39; #a #b #c', hits: [] },
  { name: 'non-Latin hashtags count', text: '#咖啡 #café #مرحبا #שלום', hits: [[' #שלום', 16, '']] },
]);

describe('hashtag severities', () => {
  it('platform cap is an error, guide max a warning', () => {
    const r = check(six, guide({ hashtags: { max: 3 } }), ctxOf({ platform: 'instagram' }));
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['hashtags', 'warning'],
      ['hashtags', 'warning'],
      ['hashtag-limit', 'error'],
    ]);
    expect(r.stats.hashtags).toBe(6);
  });
});

const long = 'We roasted a new single-origin coffee from the hills of Huila, Colombia, and it tastes of red apple, panela and a little cocoa, with a long, clean finish that makes the second cup even better than the first one we poured this morning. Try it.';
table('see-more', [
  { name: 'LinkedIn: the hook runs past 210 characters', text: long, ctx: { platform: 'linkedin' }, hits: [[long.slice(210, long.indexOf('. Try') + 1), 210]] },
  { name: 'LinkedIn: the hook ends before the cut', text: `New coffee is here.\n${long}`, ctx: { platform: 'linkedin' }, hits: [] },
  { name: 'LinkedIn: not for comments', text: long, ctx: { platform: 'linkedin', kind: 'reply' }, hits: [] },
  { name: 'LinkedIn: short posts are shown whole', text: long.slice(0, 200), ctx: { platform: 'linkedin' }, hits: [] },
  { name: 'Instagram: 125 characters', text: long, ctx: { platform: 'instagram' }, hits: [[long.slice(125, long.indexOf('. Try') + 1), 125]] },
  { name: 'no cut on X or Facebook', text: long, ctx: { platform: 'facebook' }, hits: [] },
]);

table('length', [
  { name: 'X: 281 characters, the 281st overflows', text: 'a'.repeat(281), ctx: { platform: 'x' }, hits: [['a', 280]] },
  { name: 'X: exactly 280 fits', text: 'a'.repeat(280), ctx: { platform: 'x' }, hits: [] },
  { name: 'LinkedIn comment: 1,250', text: 'b'.repeat(1260), ctx: { platform: 'linkedin', kind: 'reply' }, hits: [['b'.repeat(10), 1250]] },
  { name: 'LinkedIn post: 3,000', text: 'b'.repeat(1260), ctx: { platform: 'linkedin' }, hits: [] },
  { name: 'a guide override wins', text: 'c'.repeat(600), guide: { platformOverrides: [{ platform: 'mastodon', maxLength: 550 }] }, ctx: { platform: 'mastodon' }, hits: [['c'.repeat(50), 550]] },
]);

table('shouting', [
  { name: 'a word in capitals', text: 'This is HUGE news', hits: [['HUGE', 8, 'huge']] },
  { name: 'at a sentence start: capitalised', text: 'Wow. HUGE news', hits: [['HUGE', 5, 'Huge']] },
  { name: 'each word of a shouted phrase', text: 'BUY NOW, it ENDS TODAY', hits: [['BUY', 0, 'Buy'], ['NOW', 4, 'now'], ['ENDS', 12, 'ends'], ['TODAY', 17, 'today']] },
  { name: 'acronyms, short words and codes are fine', text: 'Our CEO read the FAQ at NASA, OK? RTX4090 and B2B too', hits: [] },
  { name: 'the brand name is fine', text: 'ACME COFFEE says hi', ctx: { brandName: 'Acme Coffee' }, hits: [] },
  { name: 'contractions stay whole', text: "We DON'T stop", hits: [["DON'T", 3, "don't"]] },
  { name: 'hashtags, @handles and links are fine', text: '#SALE @NASAFANS HTTPS://EXAMPLE.COM/ABOUT', hits: [] },
  { name: 'other cased scripts', text: 'Это ОЧЕНЬ важно', hits: [['ОЧЕНЬ', 4, 'очень']] },
  { name: 'scripts without case are never shouting', text: 'مرحبا بكم 你好 שלום', hits: [] },
]);

table('repeated-punctuation', [
  { name: '!! → !', text: 'Great!!', hits: [['!!', 5, '!']] },
  { name: '??? → ?', text: 'Really???', hits: [['???', 6, '?']] },
  { name: '?!?! → ?', text: 'What?!?!', hits: [['?!?!', 4, '?']] },
  { name: 'fullwidth', text: 'すごい！！', hits: [['！！', 3, '！']] },
  { name: '‼ is doubled already', text: 'Wow‼', hits: [['‼', 3, '!']] },
  { name: 'one mark is fine', text: 'Great! Why?', hits: [] },
  { name: 'not inside links', text: 'See example.com/a??b', hits: [] },
]);

table('exclamations', [
  { name: 'over the budget of 1: use a full stop', text: 'Great! Thanks! Bye!', hits: [['!', 13, '.'], ['!', 18, '.']] },
  { name: 'a run counts once', text: 'Great!!! Thanks', hits: [] },
  { name: 'with a question: keep the question mark', text: 'Hi! Really?!', guide: {}, hits: [['?!', 10, '?']] },
  { name: 'budget 0', text: 'Hi!', guide: { exclamations: { max: 0 } }, hits: [['!', 2, '.']] },
  { name: 'budget 3', text: 'A! B! C!', guide: { exclamations: { max: 3 } }, hits: [] },
]);

table('emoji', [
  { name: 'none: each one, removed with its space', text: 'Great news 🎉 see you 👋', guide: { emoji: { policy: 'none' } }, hits: [['🎉 ', 11, ''], [' 👋', 21, '']] },
  { name: 'none: at the start', text: '🎉 Party', guide: { emoji: { policy: 'none' } }, hits: [['🎉 ', 0, '']] },
  { name: 'none: touching a word', text: 'yay🎉', guide: { emoji: { policy: 'none' } }, hits: [['🎉', 3, '']] },
  { name: 'sparingly: over the max', text: 'a 😀 b 😀 c 😀', guide: { emoji: { policy: 'sparingly', max: 1 } }, hits: [['😀 ', 7, ''], [' 😀', 11, '']] },
  { name: 'a ZWJ family, a flag and a skin tone are one emoji each', text: '👨‍👩‍👧‍👦 🇫🇷 👍🏽', guide: { emoji: { policy: 'none' } }, hits: [['👨‍👩‍👧‍👦 ', 0, ''], ['🇫🇷 ', 12, ''], [' 👍🏽', 16, '']] },
  { name: 'keycaps and ❤️ are emoji; © ™ are not', text: '1️⃣ ❤️ © ™', guide: { emoji: { policy: 'none' } }, hits: [['1️⃣ ', 0, ''], ['❤️ ', 4, '']] },
  { name: 'freely', text: '🎉🎉🎉🎉', guide: { emoji: { policy: 'freely' } }, hits: [] },
]);

table('hedge', [
  { name: 'mid-sentence: removed with one space', text: 'This is very good', hits: [['very ', 8, '']] },
  { name: 'sentence start: next word capitalised', text: 'Just do it', hits: [['Just d', 0, 'D']] },
  { name: 'multi-word at a sentence start', text: 'Ok. I think we won', hits: [['I think w', 4, 'W']] },
  { name: 'between commas', text: "It's, basically, fine", hits: [[', basically,', 4, '']] },
  { name: 'before the final stop', text: 'I love it really.', hits: [[' really', 9, '']] },
  { name: 'no safe fix: flagged without one', text: 'So (really) good', hits: [['really', 4]] },
  { name: '"kind of" after a determiner is not a hedge', text: 'What kind of coffee? It is kind of great', hits: [['kind of ', 27, '']] },
  { name: '"the very first" is not a hedge', text: 'the very first cup', hits: [] },
  { name: 'not in hashtags, links or handles', text: '#justdoit #really example.com/very @really', hits: [] },
  { name: 'not inside words', text: 'adjust everything', hits: [] },
]);

const casual = { formality: 'casual' };
table('formal', [
  { name: 'utilize → use', text: 'We utilize beans', guide: casual, hits: [['utilize', 3, 'use']] },
  { name: 'case kept', text: 'In order to help, we', guide: casual, hits: [['In order to', 0, 'To']] },
  { name: 'removal at a sentence start', text: 'Please be advised that our store closes at 5.', guide: casual, hits: [['Please be advised that o', 0, 'O']] },
  { name: 'the longer phrase wins', text: 'We regret to inform you that the event is off.', guide: casual, hits: [['We regret to inform you that', 0, 'Unfortunately,']] },
  { name: 'at your earliest convenience', text: 'Reply at your earliest convenience', guide: casual, hits: [['at your earliest convenience', 6, 'when you can']] },
  { name: 'only for casual guides', text: 'We utilize beans', guide: { formality: 'neutral' }, hits: [] },
]);

table('inclusive', [
  { name: 'guys → everyone', text: 'Hey guys!', hits: [['guys', 4, 'everyone']] },
  { name: 'you guys → you all', text: 'Thank you guys', hits: [['you guys', 6, 'you all']] },
  { name: 'whitelist / blacklist', text: 'Whitelist or blacklisted', hits: [['Whitelist', 0, 'Allowlist'], ['blacklisted', 13, 'blocklisted']] },
  { name: 'sanity check, manpower', text: 'A sanity check on manpower', hits: [['sanity check', 2, 'quick check'], ['manpower', 18, 'workforce']] },
  { name: 'hyphenated', text: '200 man-hours', hits: [['man-hours', 4, 'work hours']] },
  { name: 'off when the guide says so', text: 'Hey guys', guide: { inclusiveLanguage: false }, hits: [] },
]);

const hard =
  'Our organisation continuously evaluates sophisticated methodologies, prioritising comprehensive sustainability considerations. ' +
  'Consequently, institutional stakeholders anticipate considerable operational improvements throughout subsequent financial periods.';
table('reading-grade', [
  { name: 'well above the target: points at the hardest sentence', text: hard, hits: [[hard.slice(0, hard.indexOf('.') + 1), 0]] },
  { name: 'plain text is fine', text: 'We made a new coffee. It is good. You can try it at the shop. We think you will like it a lot. Come and see us.', hits: [] },
  { name: 'not checked when the guide has no target', text: hard, guide: { readingGrade: null }, hits: [] },
  { name: 'not checked under 20 words', text: 'Institutional stakeholders anticipate considerable operational improvements.', hits: [] },
]);

const fortyWords = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'cup' : 'coffee')).join(' ') + '.';
table('long-sentence', [
  { name: 'over 35 words', text: `Short one. ${fortyWords} Short again.`, guide: { readingGrade: null }, hits: [[fortyWords, 11]] },
  { name: '35 words is fine', text: Array.from({ length: 35 }, () => 'word').join(' ') + '.', guide: { readingGrade: null }, hits: [] },
  { name: 'hashtags and handles are not words', text: Array.from({ length: 30 }, () => 'word').join(' ') + ' #a #b #c #d #e #f @x @y', guide: { readingGrade: null, hashtags: { max: 10 } }, hits: [] },
]);

describe('stats', () => {
  it('counts length, limit, hashtags, emoji, exclamations and reading grade', () => {
    const text = 'Hi!! 🎉 #one #two example.com/x Wow!';
    const r = check(text, guide(), { platform: 'x', kind: 'post' });
    // 5 + emoji 2 + 11 + link 23 + 5
    expect(r.stats).toEqual({ length: 46, limit: 280, hashtags: 2, emoji: 1, exclamations: 2, readingGrade: null });
  });
  it('gives a reading grade from 20 words', () => {
    const r = check(hard, guide(), ctxOf());
    expect(r.stats.readingGrade).toBeGreaterThan(15);
    const easy = check('We made a new coffee. It is good. You can try it at the shop. We think you will like it a lot.', guide(), ctxOf());
    expect(easy.stats.readingGrade).toBeLessThan(3);
  });
});

describe('score', () => {
  it('100 minus 20 per error, 8 per warning, 2 per info, floor 0', () => {
    const f = (severity: Finding['severity']): Finding => ({ ruleId: 'x', severity, message: '', start: 0, end: 0 });
    expect(scoreFindings([])).toBe(100);
    expect(scoreFindings([f('error'), f('warning'), f('info')])).toBe(70);
    expect(scoreFindings(Array.from({ length: 6 }, () => f('error')))).toBe(0);
  });
  it('is the score of the findings returned', () => {
    const r = check('Our users!! are HUGE fans', guide({ preferredTerms: [preferred('customers', ['users'])] }), ctxOf());
    expect(r.findings.map((x) => x.ruleId)).toEqual(['preferred-term', 'repeated-punctuation', 'shouting']);
    expect(r.score).toBe(100 - 8 - 8 - 8);
  });
  it('a clean draft scores 100', () => {
    expect(check('Fresh beans today. Come and taste them.', guide(), ctxOf()).score).toBe(100);
  });
});

describe('the empty guide', () => {
  const empty = guide();
  const bare: VoiceGuide = {
    ...empty,
    readingGrade: null,
    inclusiveLanguage: false,
    emoji: { policy: 'freely', max: 0 },
    hashtags: { max: 100 },
    exclamations: { max: 20 },
  };
  it.each([
    ['defaults', empty],
    ['every optional rule off, every list empty', bare],
  ])('universal rules still run (%s)', (_name, g) => {
    const r = check(`THIS IS HUGE!!! ${'a'.repeat(300)}`, g, { platform: 'x', kind: 'post' });
    const ids = new Set(r.findings.map((f) => f.ruleId));
    expect(ids.has('length')).toBe(true);
    expect(ids.has('shouting')).toBe(true);
    expect(ids.has('repeated-punctuation')).toBe(true);
  });
  it('a guide missing whole sections is filled with defaults', () => {
    const partial = { bannedTerms: [banned('cheap')] } as unknown as VoiceGuide;
    const r = check('So cheap!! 😀😀😀', partial, ctxOf());
    expect(r.findings.map((f) => f.ruleId)).toEqual(['banned-term', 'repeated-punctuation', 'emoji']);
  });
  it('the empty text has no findings', () => {
    expect(check('', empty, ctxOf())).toEqual({
      findings: [],
      score: 100,
      stats: { length: 0, limit: 63206, hashtags: 0, emoji: 0, exclamations: 0, readingGrade: null },
    });
  });
});

describe('findings', () => {
  it('are sorted by start and only use known rule ids', () => {
    const text = 'HUGE!! users very 😀😀😀 #a #b #c #d guys';
    const r = check(text, guide({ preferredTerms: [preferred('customers', ['users'])] }), ctxOf());
    expect(r.findings.length).toBeGreaterThan(5);
    for (let i = 1; i < r.findings.length; i++) expect(r.findings[i]!.start).toBeGreaterThanOrEqual(r.findings[i - 1]!.start);
    for (const f of r.findings) expect(RULE_IDS).toContain(f.ruleId);
  });
  it('applying each fix removes that finding', () => {
    const g = guide({
      formality: 'casual',
      preferredTerms: [preferred('customers', ['users'])],
      disclosures: [adOnTrigger],
      emoji: { policy: 'sparingly', max: 1 },
    });
    const texts = [
      'Our USERS love it!! Thanks! Bye!',
      'Just do it. This is very good, guys. We utilize a whitelist in order to help.',
      'Sponsored: 😀 great 😀 news 😀',
      'Please be advised that HUGE things are coming?!?! #a #b #c #d',
      "It's, basically, fine. I love it really.",
    ];
    let fixes = 0;
    for (const text of texts) {
      const before = check(text, g, ctxOf());
      for (const f of before.findings) {
        if (!f.fix) continue;
        fixes++;
        const fixed = applyFix(text, f);
        expect(fixed).not.toBe(text);
        const after = check(fixed, g, ctxOf());
        const count = (r: typeof before) => r.findings.filter((x) => x.ruleId === f.ruleId).length;
        expect(count(after), `${f.ruleId} in ${JSON.stringify(fixed)}`).toBeLessThan(count(before));
      }
    }
    expect(fixes).toBeGreaterThanOrEqual(20);
  });
  it('each guide object gets its own compiled terms, and a repeated check gives the same result', () => {
    const a = guide({ bannedTerms: [banned('alpha')] });
    const b = guide({ bannedTerms: [banned('beta')] });
    const text = 'alpha and beta';
    const first = check(text, a, ctxOf());
    expect(first.findings.map((f) => text.slice(f.start, f.end))).toEqual(['alpha']);
    expect(check(text, b, ctxOf()).findings.map((f) => text.slice(f.start, f.end))).toEqual(['beta']);
    expect(check(text, a, ctxOf())).toEqual(first);
  });
  it('a guide edited in place after a check is read again (lists replaced or grown, settings changed)', () => {
    const g = guide({ bannedTerms: [banned('alpha')] });
    const text = 'alpha beta HUGE!!';
    expect(check(text, g, ctxOf()).findings.map((f) => f.ruleId)).toEqual(['banned-term', 'shouting', 'repeated-punctuation']);
    g.bannedTerms.push(banned('beta'));
    expect(check(text, g, ctxOf()).findings.filter((f) => f.ruleId === 'banned-term')).toHaveLength(2);
    g.bannedTerms = [];
    expect(check(text, g, ctxOf()).findings.filter((f) => f.ruleId === 'banned-term')).toHaveLength(0);
    g.exclamations = { max: 0 };
    expect(check(text, g, ctxOf()).findings.map((f) => f.ruleId)).toContain('exclamations');
  });
  it('hedge and emoji fixes leave clean text', () => {
    const g = guide({ emoji: { policy: 'none' } });
    const fixAll = (text: string, ruleId: string) => {
      // apply from the end so earlier offsets stay valid
      const fs = check(text, g, ctxOf()).findings.filter((f) => f.ruleId === ruleId && f.fix);
      return fs.reverse().reduce((t, f) => applyFix(t, f), text);
    };
    expect(fixAll('Just do it. This is very good. I love it really.', 'hedge')).toBe('Do it. This is good. I love it.');
    expect(fixAll('🎉 Great news 🎉 see you 👋', 'emoji')).toBe('Great news see you');
  });
});
