// One node of the topology diagram: a card (an svg <g> acting as a button)
// that says what Redis would tell you about it — role, link state, offset,
// lag and bytes behind its master, keys, persistence — and looks clearly
// dead when the process is down. Enter or Space does what a click does.

import type { KeyboardEvent, MouseEvent, ReactElement } from 'react';
import type { NodeView } from '../../engine/api';
import { formatBytes, formatLag } from './format';
import type { Placement } from './layout';
import { gapFraction, linkVisual, replicaStatus } from './model';
import type { DiagramText } from './text';

export type DataRole = 'master' | 'replica' | 'sentinel';

export function dataRole(n: NodeView): DataRole {
  return n.sentinel ? 'sentinel' : n.role === 'master' ? 'master' : 'replica';
}

function persistenceLabel(n: NodeView, text: DiagramText): string {
  return n.persistence === 'none' ? text.persistenceNone : n.persistence.toUpperCase();
}

/** The card's accessible name: everything it shows, in reading order. */
export function nodeAriaLabel(n: NodeView, master: NodeView | undefined, text: DiagramText): string {
  const parts = [n.name];
  if (n.sentinel) {
    parts.push(text.roleSentinel, n.up ? text.running : text.down);
    return text.nodeAria(parts);
  }
  if (!n.up) parts.push(text.down);
  if (n.role === 'master') {
    parts.push(text.roleMaster, n.replicas.length ? text.replicaCount(n.replicas.length) : text.noReplicas, text.offset(n.offset));
  } else {
    parts.push(n.masterName ? text.replicaOf(n.masterName) : text.replicaOfUnknown);
    parts.push(text.linkStateAria[linkVisual(n, master)], text.offset(n.offset));
    const st = replicaStatus(n, master);
    if (st.lagMs !== null) parts.push(text.lag(formatLag(st.lagMs)));
    if (st.behindBytes !== null) parts.push(text.behind(formatBytes(st.behindBytes)));
  }
  parts.push(text.keys(n.keys), persistenceLabel(n, text));
  return text.nodeAria(parts);
}

export interface NodeCardProps {
  node: NodeView;
  place: Placement;
  master: NodeView | undefined;
  /** The largest bytes-behind of any replica on screen (scale of the gap bars). */
  largestBehind: number;
  selected: boolean;
  text: DiagramText;
  onActivate(name: string, el: SVGGElement): void;
}

const PAD = 8;
const LINE = 14;
/** Longer names are cut on the card (the accessible name keeps them whole). */
const MAX_NAME = 11;

export function NodeCard({ node: n, place: p, master, largestBehind, selected, text, onActivate }: NodeCardProps) {
  const role = dataRole(n);
  const x0 = p.x - p.w / 2;
  const y0 = p.y - p.h / 2;
  const click = (e: MouseEvent<SVGGElement>) => onActivate(n.name, e.currentTarget);
  const key = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate(n.name, e.currentTarget);
    }
  };
  const classes = ['dg-node', `dg-node--${role}`, n.up ? '' : 'dg-node--down', selected ? 'dg-node--selected' : ''].filter(Boolean).join(' ');
  const roleWord = role === 'master' ? text.roleMaster : role === 'replica' ? text.roleReplica : text.roleSentinel;
  const right = p.w - PAD;

  return (
    // biome-ignore lint/a11y/useSemanticElements: an svg card cannot be a <button>; it has role, tabIndex and keys.
    <g
      className={classes}
      data-node={n.name}
      data-role={role}
      data-up={String(n.up)}
      data-link-state={n.linkState}
      data-offset={n.offset}
      role="button"
      tabIndex={0}
      aria-label={nodeAriaLabel(n, master, text)}
      aria-pressed={selected}
      transform={`translate(${x0},${y0})`}
      onClick={click}
      onKeyDown={key}
    >
      <rect className="dg-node-halo" x={-5} y={-5} width={p.w + 10} height={p.h + 10} rx={12} />
      <rect className="dg-node-card" width={p.w} height={p.h} rx={8} />
      <rect className="dg-node-focus" x={-4} y={-4} width={p.w + 8} height={p.h + 8} rx={11} />
      <text className="dg-node-name" x={PAD} y={17}>
        {n.name.length > MAX_NAME ? `${n.name.slice(0, MAX_NAME - 1)}…` : n.name}
      </text>
      <text className="dg-node-role" x={right} y={17} textAnchor="end">
        {roleWord}
      </text>
      {n.sentinel ? <SentinelBody node={n} text={text} /> : <RedisBody node={n} master={master} largestBehind={largestBehind} width={p.w} text={text} />}
    </g>
  );
}

function SentinelBody({ node: n, text }: { node: NodeView; text: DiagramText }) {
  return (
    <text className={n.up ? 'dg-node-line' : 'dg-node-downword'} x={PAD} y={17 + LINE + 10}>
      {n.up ? text.running : text.down}
    </text>
  );
}

function RedisBody({ node: n, master, largestBehind, width, text }: { node: NodeView; master: NodeView | undefined; largestBehind: number; width: number; text: DiagramText }) {
  const right = width - PAD;
  const replica = n.role === 'slave';
  const state = replica ? linkVisual(n, master) : null;
  const st = replicaStatus(n, master);
  const y = (line: number) => 17 + LINE * line;
  let status: ReactElement;
  if (!n.up) {
    status = (
      <text className="dg-node-downword" x={PAD} y={y(1)}>
        {text.down}
      </text>
    );
  } else if (state) {
    status = (
      <g className={`dg-node-state dg-state--${state}`}>
        <circle cx={PAD + 4} cy={y(1) - 4} r={4} />
        <text x={PAD + 12} y={y(1)}>
          {text.linkState[state]}
        </text>
      </g>
    );
  } else {
    status = (
      <text className="dg-node-line" x={PAD} y={y(1)}>
        {n.replicas.length ? text.replicaCount(n.replicas.length) : text.noReplicas}
      </text>
    );
  }
  const behind = st.behindBytes ?? 0;
  const barW = width - 2 * PAD;
  return (
    <>
      {status}
      <text className="dg-node-line dg-mono" x={PAD} y={y(2)}>
        {text.offset(n.offset)}
      </text>
      {replica && st.lagMs !== null && (
        <text className="dg-node-line" x={PAD} y={y(3)}>
          {text.lag(formatLag(st.lagMs))}
        </text>
      )}
      {replica && st.behindBytes !== null && (
        <text className={behind > 0 ? 'dg-node-behind dg-mono' : 'dg-node-line dg-mono'} x={right} y={y(3)} textAnchor="end">
          <title>{text.behind(formatBytes(behind))}</title>
          {behind > 0 ? `−${formatBytes(behind)}` : '±0'}
        </text>
      )}
      <text className="dg-node-line" x={PAD} y={y(4)}>
        {text.keys(n.keys)}
      </text>
      <text className={n.persistence === 'none' ? 'dg-node-nopersist' : 'dg-node-line'} x={right} y={y(4)} textAnchor="end">
        {n.persistence === 'none' ? text.persistenceNoneShort : n.persistence.toUpperCase()}
        <title>{persistenceLabel(n, text)}</title>
      </text>
      {replica && st.behindBytes !== null && (
        <g className="dg-gap">
          <rect className="dg-gap-track" x={PAD} y={y(4) + 5} width={barW} height={4} rx={2} />
          <rect className="dg-gap-fill" x={PAD} y={y(4) + 5} width={behind > 0 ? Math.max(2, barW * gapFraction(behind, largestBehind)) : 0} height={4} rx={2} />
        </g>
      )}
    </>
  );
}
