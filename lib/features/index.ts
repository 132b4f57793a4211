import type { Feature } from './types';
import { pillarTag } from './pillar-tag';
import { capture } from './capture';

/** Every in-page feature, in start order. */
export const FEATURES: Feature[] = [pillarTag, capture];
