/**
 * An x.com home timeline as x.com runs it: a React list that keeps only the cells near the viewport in the page
 * (about a screen above and two below), mounts and unmounts cells as the user scrolls, places them absolutely at a
 * translateY offset from their measured heights, and measures again when a cell's height changes. The posts (cell
 * markup from the X fixture) come from window.__FEED, written into the page by tests/e2e/feeds.ts: each as markup that
 * goes in with one innerHTML, or as a tree of elements that React creates one by one, as x.com's components do.
 */
import { createElement, memo, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

document.documentElement.style.overflowAnchor = 'none';
import { createRoot } from 'react-dom/client';

/** A node of a cell: text, or [tag, attributes, ...children] (tests/e2e/feeds.ts, toTree). */
type TreeNode = string | [string, Record<string, string>, ...TreeNode[]];
interface Item {
  id: string;
  /** The cell's inner markup (one innerHTML), or */
  html?: string;
  /** its elements, created one by one as x.com's components create theirs. */
  tree?: TreeNode[];
}

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
/** Markup attributes as React props. */
function propsOf(attrs: Record<string, string>, key: number): Record<string, unknown> {
  const props: Record<string, unknown> = { key };
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') props.className = value;
    else if (name === 'for') props.htmlFor = value;
    else if (name === 'tabindex') props.tabIndex = value;
    else if (name === 'style') {
      const style: Record<string, string> = {};
      for (const decl of value.split(';')) {
        const i = decl.indexOf(':');
        if (i < 0) continue;
        const prop = decl.slice(0, i).trim();
        if (prop) style[prop.startsWith('--') ? prop : camel(prop)] = decl.slice(i + 1).trim();
      }
      props.style = style;
    } else if (value === '' && (name === 'disabled' || name === 'checked' || name === 'hidden' || name === 'readonly')) props[name === 'readonly' ? 'readOnly' : name] = true;
    else props[name] = value;
  }
  return props;
}
function toReact(node: TreeNode, key: number): ReactNode {
  if (typeof node === 'string') return node;
  const [tag, attrs, ...kids] = node;
  return createElement(tag, propsOf(attrs, key), ...kids.map(toReact));
}
const feed = (window as unknown as { __FEED: Item[] }).__FEED;
/** Height assumed for a cell not measured yet. */
const ESTIMATE = 560;
const ABOVE = 1;
const BELOW = 2;

const heights = new Map<string, number>();

const Cell = memo(function Cell({ item, y, onHeight }: { item: Item; y: number; onHeight: (id: string, h: number) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current!;
    const ro = new ResizeObserver(() => onHeight(item.id, el.offsetHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, [item.id, onHeight]);
  return (
    <div
      ref={ref}
      data-testid="cellInnerDiv"
      style={{ transform: `translateY(${y}px)`, position: 'absolute', width: '100%' }}
      {...(item.tree ? { children: item.tree.map(toReact) } : { dangerouslySetInnerHTML: { __html: item.html ?? '' } })}
    />
  );
});

function Timeline() {
  const list = useRef<HTMLDivElement>(null);
  /** How far the viewport's top is into the list (px). */
  const [offset, setOffset] = useState(0);
  const [, setMeasured] = useState(0);
  const onHeight = useRef((id: string, h: number) => {
    if (heights.get(id) === h) return;
    heights.set(id, h);
    setMeasured((n) => n + 1);
  }).current;
  useEffect(() => {
    let queued = false;
    const measure = () => {
      queued = false;
      if (list.current) setOffset(-list.current.getBoundingClientRect().top);
    };
    const on = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', on, { passive: true });
    return () => window.removeEventListener('scroll', on);
  }, []);

  const H = window.innerHeight;
  const from = offset - ABOVE * H;
  const to = offset + (1 + BELOW) * H;
  const cells = [];
  let y = 0;
  for (const item of feed) {
    const h = heights.get(item.id) ?? ESTIMATE;
    if (y + h > from && y < to) cells.push(<Cell key={item.id} item={item} y={y} onHeight={onHeight} />);
    y += h;
  }
  // Like x.com: no scroll anchoring (the list keeps its cells in place itself).
  return (
    <div ref={list} style={{ position: 'relative', minHeight: `${y}px`, overflowAnchor: 'none' }}>
      {cells}
    </div>
  );
}

const mount = document.getElementById('bl-timeline')!;
createRoot(mount).render(<Timeline />);
