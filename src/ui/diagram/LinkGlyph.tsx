// One link of the topology diagram: the line from a master to its replica
// (arrow towards the replica: the way the stream flows), styled by the
// replica's link state, with a button at its midpoint (keyboard and click),
// the network's latency/bandwidth when someone changed them, a ✕ when the
// network between the two is cut, the bytes per second it carried over the
// last virtual second, and the RDB transfer's progress during a full sync.

import type { KeyboardEvent } from 'react';
import { useRef } from 'react';
import { formatBytes } from './format';
import type { LinkHandle, Segment } from './geometry';
import type { DiagramLink } from './model';
import type { DiagramText } from './text';

export interface LinkGlyphProps {
  link: DiagramLink;
  seg: Segment;
  handle: LinkHandle;
  selected: boolean;
  /** Bytes per second over the last virtual second (both directions). */
  bytesPerSec: number;
  text: DiagramText;
  markerPrefix: string;
  onActivate(a: string, b: string, el: SVGGElement): void;
}

const HANDLE_R = 9;
const BAR_W = 96;

/** Short words for a link's network settings that differ from the default. */
export function tunedParts(link: DiagramLink, text: DiagramText, aria: boolean): string[] {
  if (!link.tuned) return [];
  const p = link.props;
  const out: string[] = [];
  out.push(aria ? text.latencyAria(p.latencyMs) : text.latency(p.latencyMs));
  if (p.bytesPerMs > 0) {
    const perSec = formatBytes(p.bytesPerMs * 1000);
    out.push(aria ? text.bandwidthAria(perSec) : text.bandwidth(perSec));
  }
  if (p.loss > 0) out.push(text.loss(Math.round(p.loss * 1000) / 10));
  return out;
}

export function linkAriaLabel(link: DiagramLink, bytesPerSec: number, text: DiagramText): string {
  const details: string[] = [];
  if (link.state) details.push(text.linkState[link.state]);
  if (link.props.cut) details.push(text.cut);
  details.push(...tunedParts(link, text, true));
  if (bytesPerSec > 0) details.push(text.throughputAria(formatBytes(bytesPerSec)));
  if (link.sync) details.push(rdbText(link.sync, text));
  return link.kind === 'replication' ? text.linkAria(link.a, link.b, details) : text.networkAria(link.a, link.b, details);
}

export function rdbText(sync: { readBytes: number; totalBytes: number }, text: DiagramText): string {
  // Before the payload starts (BGSAVE running, or the diskless delay) nothing is known yet;
  // a diskless transfer never says its size (it ends with an EOF mark).
  if (sync.totalBytes <= 0) return sync.readBytes > 0 ? text.rdbProgressUnknown(formatBytes(sync.readBytes)) : text.rdbWaiting;
  const pct = Math.min(100, Math.floor((sync.readBytes / sync.totalBytes) * 100));
  return text.rdbProgress(formatBytes(sync.readBytes), formatBytes(sync.totalBytes), pct);
}

function linkClasses(link: DiagramLink, selected: boolean): string {
  const state = link.state ?? 'network';
  return ['dg-link', `dg-link--${state}`, link.props.cut ? 'dg-link--cut' : '', selected ? 'dg-link--selected' : ''].filter(Boolean).join(' ');
}

/**
 * The drawn part of a link: line, arrow, network notes and RDB progress.
 * Drawn under the cards; its button (LinkButton) comes after them, so Tab
 * reaches the nodes first and the buttons sit on top.
 */
export function LinkLine({ link, seg, handle: at, selected, bytesPerSec, text, markerPrefix }: Omit<LinkGlyphProps, 'onActivate'>) {
  const state = link.state ?? 'network';
  // Notes and the RDB bar beside the button, on the side the link leans to.
  const nx = at.x + at.side * (HANDLE_R + 5);
  const anchor = at.side === 1 ? 'start' : 'end';
  const tuned = tunedParts(link, text, false);
  const notes = [...tuned];
  if (bytesPerSec > 0) notes.push(text.throughput(formatBytes(bytesPerSec)));
  const sync = link.sync;
  const syncFrac = sync && sync.totalBytes > 0 ? Math.min(1, sync.readBytes / sync.totalBytes) : 0;

  return (
    <g className={linkClasses(link, selected)} data-link-line={`${link.a}>${link.b}`}>
      <line className="dg-link-halo" x1={seg.x1} y1={seg.y1} x2={seg.x2} y2={seg.y2} />
      <line className="dg-link-line" x1={seg.x1} y1={seg.y1} x2={seg.x2} y2={seg.y2} markerEnd={link.kind === 'replication' ? `url(#${markerPrefix}-${state})` : undefined} />
      {notes.length > 0 && (
        <text className="dg-link-note" x={nx} y={at.y - (notes.length - 1) * 6 + 4} textAnchor={anchor}>
          {notes.map((s, i) => (
            <tspan key={s} x={nx} dy={i === 0 ? 0 : 12} className={i < tuned.length ? 'dg-link-tuned' : 'dg-link-rate'}>
              {s}
            </tspan>
          ))}
        </text>
      )}
      {sync && (
        <g className="dg-rdb" transform={`translate(${at.side === 1 ? nx : nx - BAR_W},${at.y + notes.length * 6 + 6})`}>
          <rect className="dg-rdb-track" width={BAR_W} height={7} rx={3.5} />
          <rect className="dg-rdb-fill" width={BAR_W * syncFrac} height={7} rx={3.5} />
          <text className="dg-rdb-text" x={at.side === 1 ? 0 : BAR_W} y={19} textAnchor={anchor}>
            {rdbText(sync, text)}
          </text>
        </g>
      )}
    </g>
  );
}

/** A link as a button: the whole line (a wide invisible stroke) and a round handle on it, with a ✕ when cut. */
export function LinkButton({ link, seg, handle: at, selected, bytesPerSec, text, onActivate }: Omit<LinkGlyphProps, 'markerPrefix'>) {
  const handle = useRef<SVGGElement>(null);
  const activate = () => {
    if (handle.current) onActivate(link.a, link.b, handle.current);
  };
  const key = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate();
    }
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: an svg link cannot be a <button>; it has role, tabIndex and keys.
    <g
      className={`dg-link-button ${linkClasses(link, selected)}`}
      data-link={`${link.a}>${link.b}`}
      data-link-kind={link.kind}
      data-link-state={link.state ?? 'network'}
      data-cut={String(link.props.cut)}
      role="button"
      tabIndex={0}
      aria-label={linkAriaLabel(link, bytesPerSec, text)}
      aria-pressed={selected}
      onClick={activate}
      onKeyDown={key}
    >
      <line className="dg-link-hit" x1={seg.x1} y1={seg.y1} x2={seg.x2} y2={seg.y2} />
      <g ref={handle} className="dg-link-handle" transform={`translate(${at.x},${at.y})`}>
        <circle className="dg-link-handle-focus" r={HANDLE_R + 4} />
        <circle className="dg-link-handle-disc" r={HANDLE_R} />
        {link.props.cut ? <path className="dg-link-cutmark" d="M-4,-4L4,4M4,-4L-4,4" /> : <circle className="dg-link-handle-dot" r={2.5} />}
      </g>
    </g>
  );
}
