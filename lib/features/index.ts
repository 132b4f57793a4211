import type { Feature } from './types';
import { pillarTag } from './pillar-tag';
import { capture } from './capture';
import { draftCheck } from './draft-check';
import { voicePanel } from './voice-panel';

/** Every in-page feature, in start order. */
export const FEATURES: Feature[] = [pillarTag, capture, draftCheck, voicePanel];
