/**
 * Saved platform pages arrive without the platforms' own stylesheets (hashed, remote). For the demo and for
 * tests that scroll, a small neutral skin gives them a plausible single-column layout. It only styles the page's
 * elements — Brandline's own UI is in shadow roots and is not affected.
 */
const SKIN = `
html, body { margin: 0; background: #fff; color: #0f1419; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body > * { max-width: 640px; margin-left: auto !important; margin-right: auto !important; }
svg { width: 18px; height: 18px; vertical-align: middle; }
img { display: none; }
video { max-width: 100%; max-height: 280px; border-radius: 12px; }
a { color: inherit; text-decoration: none; }
button, [role="button"] { background: none; border: 0; color: #536471; font: inherit; cursor: pointer; padding: 2px 4px; }
article, [role="article"], shreddit-post, shreddit-comment, ytd-comment-thread-renderer, ytd-comment-view-model,
[data-pressable-container], [data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"], .status, .thing,
div[data-urn], [data-e2e="recommend-list-item-container"] {
  display: block; padding: 12px 16px; border-bottom: 1px solid #eff3f4; position: relative !important; transform: none !important; }
[role="group"] { display: flex; gap: 28px; align-items: center; margin-top: 8px; }
[data-testid="tweetText"], [data-testid="User-Name"] { margin: 4px 0; }
[data-testid="User-Name"] { display: flex; gap: 6px; font-weight: 600; }
header, nav, [role="banner"], [role="navigation"] { display: none; }
`;

/** Timeline cells in normal flow; pages whose own script positions the cells (as x.com's does) keep their layout. */
const FLOW_CELLS = `[data-testid="cellInnerDiv"] { position: relative !important; transform: none !important; }`;

export function skinned(html: string, { positionedCells = false } = {}): string {
  const style = `<style data-test-skin>${SKIN}${positionedCells ? '' : FLOW_CELLS}</style>`;
  return html.includes('</head>') ? html.replace('</head>', `${style}</head>`) : style + html;
}
