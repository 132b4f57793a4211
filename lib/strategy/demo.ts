/**
 * The demo strategy loaded on first install: an invented outdoor-gear co-op, with enough substance
 * that every feature has something real to show.
 */
import { StrategySchema, type Strategy } from './schema';

export function demoStrategy(today = new Date()): Strategy {
  const day = (offset: number) => {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset));
    return d.toISOString().slice(0, 10);
  };
  return StrategySchema.parse({
    brand: {
      name: 'Fernhill Outdoor',
      description:
        'A member-owned outdoor gear co-op. We repair before we replace, and we help people get outside safely, whatever their level.',
    },
    channels: [
      { id: 'ch-x', platform: 'x', handle: 'fernhilloutdoor', responseTargetMinutes: 60 },
      { id: 'ch-li', platform: 'linkedin', handle: 'fernhill-outdoor', responseTargetMinutes: 240 },
      { id: 'ch-ig', platform: 'instagram', handle: 'fernhill.outdoor', responseTargetMinutes: 120 },
      { id: 'ch-bs', platform: 'bluesky', handle: 'fernhill.bsky.social', responseTargetMinutes: 120 },
      { id: 'ch-rd', platform: 'reddit', handle: 'FernhillOutdoor', responseTargetMinutes: 480 },
    ],
    goals: [
      {
        id: 'g-eng',
        objective: 'Grow engagement with trail-safety content',
        metric: 'Engagement rate',
        target: 4.5,
        unit: '%',
        deadline: day(90),
        platform: 'all',
      },
      {
        id: 'g-resp',
        objective: 'Answer every public question within the hour',
        metric: 'Median first-response time',
        target: 60,
        unit: 'min',
        deadline: day(30),
        platform: 'x',
      },
      {
        id: 'g-repair',
        objective: 'Book more repair-café sessions from social',
        metric: 'Repair bookings from social links',
        target: 120,
        unit: 'bookings',
        deadline: day(120),
        platform: 'instagram',
      },
    ],
    personas: [
      {
        id: 'p-weekend',
        name: 'Weekend Wanderer',
        description: 'Office worker, hikes twice a month, wants to feel safe and not overspend.',
        interests: ['day hikes', 'trail food', 'packing lists'],
        painPoints: ['gear jargon', 'not knowing what is enough'],
      },
      {
        id: 'p-thru',
        name: 'Thru-hiker',
        description: 'Plans long routes, counts grams, repairs gear in the field.',
        interests: ['ultralight', 'repairs', 'route planning'],
        painPoints: ['gear failing mid-route', 'greenwashing'],
      },
    ],
    pillars: [
      {
        id: 'pl-tips',
        name: 'Trail Tips',
        color: '#2f7d4f',
        description: 'Practical how-tos: safety, navigation, layering, leave-no-trace.',
        keywords: ['tip', 'how to', 'safety', 'layering', 'navigation', 'leave no trace', 'trail'],
        targetShare: 35,
      },
      {
        id: 'pl-repair',
        name: 'Repair & Reuse',
        color: '#b5651d',
        description: 'Repair cafés, patching, second-hand gear, what our members fix.',
        keywords: ['repair', 'patch', 'fix', 'reuse', 'second-hand', 'mend'],
        targetShare: 25,
      },
      {
        id: 'pl-community',
        name: 'Community',
        color: '#3a6ea5',
        description: 'Member stories, group hikes, answering questions, celebrating others.',
        keywords: ['member', 'group hike', 'community', 'meetup', 'thank you'],
        targetShare: 25,
      },
      {
        id: 'pl-gear',
        name: 'Gear Drops',
        color: '#8e44ad',
        description: 'New products, partner collaborations and offers. Always disclosed.',
        keywords: ['new', 'launch', 'drop', 'discount', 'giveaway', 'partner'],
        targetShare: 15,
      },
    ],
    voice: {
      summary: 'Warm, practical and grounded: a friend who has been on the trail, not a salesperson.',
      traits: [
        {
          id: 't-warm',
          name: 'Warm',
          description: 'We talk to people, not at them. First names, thanks, no corporate distance.',
          do: ['Thanks for flagging this, Sam — we are on it.', 'Great question!'],
          dont: ['Your feedback has been noted.', 'Please be advised that…'],
        },
        {
          id: 't-practical',
          name: 'Practical',
          description: 'Every post leaves the reader able to do something.',
          do: ['Pack a headlamp even on day hikes: sunsets come early in autumn.'],
          dont: ['Gear up for EPIC adventures!!!'],
        },
        {
          id: 't-grounded',
          name: 'Grounded',
          description: 'No hype, no extremes, no fear-mongering. Honest about limits.',
          do: ['This jacket handles steady rain; for storms, size up to the Shell Pro.'],
          dont: ['The best jacket in the world, guaranteed.'],
        },
      ],
      preferredTerms: [
        { id: 'pt-members', use: 'members', insteadOf: ['customers', 'consumers'], note: 'We are a co-op.' },
        { id: 'pt-affordable', use: 'affordable', insteadOf: ['cheap'], note: 'Cheap sounds flimsy.' },
        { id: 'pt-use', use: 'use', insteadOf: ['utilize', 'utilise'], note: '' },
        { id: 'pt-lower', use: 'lower-impact', insteadOf: ['eco-friendly', 'green'], note: 'Avoid vague green claims.' },
      ],
      bannedTerms: [
        { id: 'bt-guaranteed', term: 'guaranteed', reason: 'We cannot promise outcomes outdoors.', exceptions: [] },
        { id: 'bt-best', term: 'best in the world', reason: 'Unprovable superlative.', exceptions: [] },
        { id: 'bt-extreme', term: 'extreme', reason: 'We do not glorify risk.', exceptions: ['extreme weather'] },
        { id: 'bt-sustainable', term: '100% sustainable', reason: 'Greenwashing claim.', exceptions: [] },
      ],
      disclosures: [
        {
          id: 'd-ad',
          text: '#ad',
          alternatives: ['#sponsored', '#partner'],
          pillarIds: ['pl-gear'],
          triggerKeywords: ['giveaway', 'discount code', 'in partnership with'],
        },
      ],
      callToAction: { required: 'posts', phrases: ['learn more', 'book', 'join us', 'tell us', 'link in bio', 'sign up'] },
      emoji: { policy: 'sparingly', max: 2 },
      hashtags: { max: 3 },
      exclamations: { max: 1 },
      readingGrade: 8,
      formality: 'casual',
      inclusiveLanguage: true,
      platformOverrides: [{ platform: 'linkedin', maxHashtags: 5 }],
    },
    savedReplies: [
      {
        id: 'sr-thanks',
        title: 'Thanks for the kind words',
        body: 'Thank you, {name}! That made the whole team smile. See you on the trail. — {brand}',
        tags: ['praise'],
      },
      {
        id: 'sr-repair',
        title: 'Repair request',
        body: 'Sorry to hear that, {name}. Bring it to any repair café and we will fix it for free for members — or DM us a photo and we will tell you what it needs.',
        tags: ['support', 'repair'],
      },
      {
        id: 'sr-stock',
        title: 'Back in stock?',
        body: 'Hi {name}, not yet — we restock on the first Monday of the month. Want us to ping @{handle} when it lands?',
        tags: ['support', 'stock'],
      },
    ],
    calendar: [
      { id: 'c1', date: day(0), time: '09:00', platform: 'x', pillarId: 'pl-tips', text: 'Autumn layering in three steps: base, warmth, shell.', status: 'scheduled' },
      { id: 'c2', date: day(1), time: '12:30', platform: 'instagram', pillarId: 'pl-repair', text: 'Before/after: a 12-year-old tent, patched at our Leeds repair café.', status: 'draft' },
      { id: 'c3', date: day(3), platform: 'linkedin', pillarId: 'pl-community', text: 'What 400 members taught us about first hikes.', status: 'idea' },
      { id: 'c4', date: day(6), time: '17:00', platform: 'bluesky', pillarId: 'pl-gear', text: 'The Shell Pro is back — made with our partner mill. #ad', status: 'scheduled' },
      { id: 'c5', date: day(-2), time: '10:00', platform: 'x', pillarId: 'pl-tips', text: 'Headlamp check: sunsets come early now.', status: 'published' },
    ],
  });
}
