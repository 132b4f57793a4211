import type { PostFacts } from '../platforms/types';
import type { SeenPost } from '../messaging/protocol';

/** An adapter's facts in the shape the background stores (bounded lengths, epoch ms). */
export function toSeenPost(facts: PostFacts): SeenPost {
  const published = facts.publishedAt ? Date.parse(facts.publishedAt) : NaN;
  return {
    key: `${facts.platform}:${facts.postId}`,
    platform: facts.platform,
    postId: facts.postId,
    permalink: facts.permalink.slice(0, 2000),
    authorHandle: facts.authorHandle.slice(0, 200),
    authorName: facts.authorName.slice(0, 300),
    text: facts.text.slice(0, 2000),
    publishedAt: Number.isFinite(published) ? published : null,
    kind: facts.kind,
  };
}
