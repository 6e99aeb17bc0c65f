// The topology diagram: the nodes as the engine reports them, placed by the
// replication tree (layout.ts), the links between them, and the canvas of
// messages in flight on top (MessageLayer). Clicking (or Enter on) a node or a
// link selects it and tells the parent where it is, so the parent can open
// the fault menu there. React owns every element; d3 only zooms.

import { type RefObject, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { NodeView } from '../../engine/api';
import { lab, traceLog, useLab } from '../../state/lab';
import { type LinkHandle, linkHandle, type Segment, segmentBetween, segmentCrossesCard } from './geometry';
import { contentBox, type Layout, layoutKey, layoutTopology, type Placement } from './layout';
import { LinkButton, LinkLine } from './LinkGlyph';
import { MessageLayer } from './MessageLayer';
import type { DiagramLink, LinkVisual } from './model';
import { diagramLinks, pairKey, replicaStatus, samePair, throughputByPair } from './model';
import { NodeCard } from './NodeCard';
import { diagramText } from './text';
import { useZoom } from './useZoom';
import type { DiagramView } from './view';
import './diagram.css';

export interface TopologyDiagramProps {
  onNodeActivate(name: string, anchor: DOMRect): void;
  onLinkActivate(a: string, b: string, anchor: DOMRect): void;
}

const LINK_VISUALS: readonly (LinkVisual | 'network')[] = ['connecting', 'handshake', 'sync', 'connected', 'down', 'network'];

/**
 * The layout for these nodes, recomputed only when the tree changes, from
 * the previous layout so nodes keep their places.
 */
function useStableLayout(nodes: readonly NodeView[]): Layout {
  const key = layoutKey(nodes);
  const memo = useRef<{ key: string; layout: Layout } | null>(null);
  if (memo.current === null || memo.current.key !== key) {
    memo.current = { key, layout: layoutTopology(nodes, memo.current?.layout ?? null) };
  }
  return memo.current.layout;
}

/** The element's CSS size, kept up to date (0 × 0 before the first measure). */
function useElementSize(ref: RefObject<HTMLElement | null>): { w: number; h: number } {
  const [size, setSize] = useState({ w: 0, h: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = (w: number, h: number) => setSize((s) => (Math.abs(s.w - w) < 0.5 && Math.abs(s.h - h) < 0.5 ? s : { w, h }));
    const r = el.getBoundingClientRect();
    update(r.width, r.height);
    const ro = new ResizeObserver((entries) => update(entries[0].contentRect.width, entries[0].contentRect.height));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

/** Reading order for Tab: the main grid row by row, then the Sentinel column. */
function tabOrder(a: Placement, b: Placement): number {
  return (a.column === 'main' ? 0 : 1) - (b.column === 'main' ? 0 : 1) || a.row - b.row || a.col - b.col;
}

interface LinkGeometry {
  seg: Segment;
  handle: LinkHandle;
  /** It passes under a card other than its two ends. */
  crossesCard: boolean;
}

function linkGeometry(layout: Layout, links: readonly DiagramLink[]): Map<string, LinkGeometry> {
  const out = new Map<string, LinkGeometry>();
  for (const l of links) {
    const a = layout.byName.get(l.a);
    const b = layout.byName.get(l.b);
    if (!a || !b) continue;
    const seg = segmentBetween(a, b);
    const others = layout.placements.filter((p) => p !== a && p !== b);
    out.set(l.key, { seg, handle: linkHandle(seg, others), crossesCard: others.some((p) => segmentCrossesCard(seg, p)) });
  }
  return out;
}

export function TopologyDiagram({ onNodeActivate, onLinkActivate }: TopologyDiagramProps) {
  const nodes = useLab((s) => s.nodes);
  const links = useLab((s) => s.links);
  const defaultLink = useLab((s) => s.defaultLink);
  const selected = useLab((s) => s.selected);
  const selectedLink = useLab((s) => s.selectedLink);
  // The cards and links are redrawn with the store's details (a few times a second while playing); the canvas moves every frame.
  const detailMs = useLab((s) => s.detailMs);
  const text = diagramText[useLab((s) => s.lang)];

  const svgRef = useRef<SVGSVGElement>(null);
  const { zoom, zoomIn, zoomOut, reset } = useZoom(svgRef);
  const layout = useStableLayout(nodes);
  const wrapRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(wrapRef);
  const box = useMemo(() => contentBox(layout, size.w, size.h), [layout, size]);
  const view = useMemo<DiagramView>(() => ({ layout, box, zoom }), [layout, box, zoom]);
  const viewRef = useRef<DiagramView>(view);
  viewRef.current = view;

  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const markerPrefix = `dg-arrow-${uid}`;
  const helpId = `dg-help-${uid}`;

  const byName = useMemo(() => new Map(nodes.map((n) => [n.name, n])), [nodes]);
  const dlinks = useMemo(() => diagramLinks(nodes, links, defaultLink), [nodes, links, defaultLink]);
  const throughput = useMemo(() => throughputByPair(traceLog.msgsOverlapping(detailMs - 1000, detailMs), detailMs), [detailMs]);
  const largestBehind = useMemo(() => {
    let max = 0;
    for (const n of nodes) {
      const b = replicaStatus(n, n.masterName ? byName.get(n.masterName) : undefined).behindBytes;
      if (b !== null && b > max) max = b;
    }
    return max;
  }, [nodes, byName]);
  const ordered = useMemo(() => [...layout.placements].sort(tabOrder), [layout]);
  const geometry = useMemo(() => linkGeometry(layout, dlinks), [layout, dlinks]);
  // Each drawn link once: its line (under the cards), its trace over a card it crosses, its button (over the cards).
  const placed = dlinks.flatMap((l) => {
    const g = geometry.get(l.key);
    return g ? [{ l, g, selected: samePair(selectedLink, l.a, l.b), bytesPerSec: throughput.get(pairKey(l.a, l.b)) ?? 0 }] : [];
  });

  const activateNode = (name: string, el: SVGGElement) => {
    lab.select(name);
    onNodeActivate(name, el.getBoundingClientRect());
  };
  const activateLink = (a: string, b: string, el: SVGGElement) => {
    lab.selectLink(a, b);
    onLinkActivate(a, b, el.getBoundingClientRect());
  };

  return (
    <div className="dg" ref={wrapRef}>
      <p id={helpId} className="visually-hidden">
        {text.diagramHelp}
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: an svg holding buttons is a group; <fieldset> cannot hold svg shapes. */}
      <svg ref={svgRef} className="dg-svg" viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`} preserveAspectRatio="xMidYMid meet" role="group" aria-label={text.diagramLabel} aria-describedby={helpId}>
        <defs>
          {LINK_VISUALS.map((s) => (
            <marker key={s} id={`${markerPrefix}-${s}`} className={`dg-arrow dg-arrow--${s}`} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={7} markerHeight={7} markerUnits="userSpaceOnUse" orient="auto">
              <path d="M0,0L10,5L0,10z" />
            </marker>
          ))}
        </defs>
        <g transform={`translate(${zoom.x},${zoom.y}) scale(${zoom.k})`}>
          <g className="dg-links">
            {placed.map(({ l, g, selected: sel, bytesPerSec }) => (
              <LinkLine key={l.key} link={l} seg={g.seg} handle={g.handle} selected={sel} bytesPerSec={bytesPerSec} text={text} markerPrefix={markerPrefix} />
            ))}
          </g>
          <g className="dg-nodes">
            {ordered.map((p) => {
              const n = byName.get(p.name);
              if (!n) return null;
              return (
                <NodeCard
                  key={p.name}
                  node={n}
                  place={p}
                  master={n.masterName ? byName.get(n.masterName) : undefined}
                  largestBehind={largestBehind}
                  selected={selected === p.name && selectedLink === null}
                  text={text}
                  onActivate={activateNode}
                />
              );
            })}
          </g>
          {/* A link that has to pass under another card is traced over it too, so it cannot seem to start there. */}
          <g className="dg-links-over">
            {placed.map(({ l, g }) =>
              g.crossesCard ? <line key={l.key} className={`dg-link-over dg-link--${l.state ?? 'network'}`} x1={g.seg.x1} y1={g.seg.y1} x2={g.seg.x2} y2={g.seg.y2} /> : null,
            )}
          </g>
          <g className="dg-link-buttons">
            {placed.map(({ l, g, selected: sel, bytesPerSec }) => (
              <LinkButton key={l.key} link={l} seg={g.seg} handle={g.handle} selected={sel} bytesPerSec={bytesPerSec} text={text} onActivate={activateLink} />
            ))}
          </g>
        </g>
      </svg>
      <MessageLayer view={viewRef} />
      <div className="dg-zoom">
        <button type="button" onClick={zoomIn} aria-label={text.zoomIn} title={text.zoomIn}>
          +
        </button>
        <button type="button" onClick={zoomOut} aria-label={text.zoomOut} title={text.zoomOut}>
          −
        </button>
        <button type="button" onClick={reset} aria-label={text.zoomReset} title={text.zoomReset}>
          ⟲
        </button>
      </div>
    </div>
  );
}
