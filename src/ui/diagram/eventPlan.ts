// The moments the overlay marks for a short while: a write refused by a
// replica (READONLY, MASTERDOWN, NOREPLICAS), a full or partial resync, a role
// change, a node going down or coming back. Each shows for EVENT_WINDOW_MS of
// virtual time after it happened, with its progress through that window, so
// pausing freezes it and seeking shows exactly what was there.

import type { StateEvent } from '../../state/traceLog';
import { errorCode } from './format';
import type { DiagramText } from './text';

export const EVENT_WINDOW_MS = 1500;

export type BadgeKind = 'rejected' | 'full' | 'partial' | 'role' | 'down' | 'up';

export interface Badge {
  kind: BadgeKind;
  /** Where it is drawn: the node (for a resync, the master). */
  node: string;
  /** The other end of the link (the replica of a resync). */
  peer: string | null;
  text: string;
  /** 0 when it happened, 1 when it leaves. */
  progress: number;
  /** For a role change: the node's new role. */
  role?: 'master' | 'slave';
}

/**
 * Badges to show at `viewMs`, oldest first. `events` are those with
 * viewMs − window <= atMs <= viewMs (TraceLog.eventsBetween).
 */
export function activeBadges(events: readonly StateEvent[], viewMs: number, text: DiagramText, windowMs = EVENT_WINDOW_MS): Badge[] {
  const out: Badge[] = [];
  for (const e of events) {
    const progress = (viewMs - e.atMs) / windowMs;
    if (progress < 0 || progress > 1) continue;
    switch (e.t) {
      case 'rejected':
        out.push({ kind: 'rejected', node: e.node, peer: null, text: errorCode(e.error), progress });
        break;
      case 'sync':
        out.push({ kind: e.kind, node: e.node, peer: e.replica, text: e.kind === 'full' ? text.fullResync : text.partialResync, progress });
        break;
      case 'role':
        out.push({ kind: 'role', node: e.node, peer: null, text: e.role === 'master' ? text.nowMaster : text.nowReplicaOf(e.masterName), progress, role: e.role });
        break;
      case 'node-down':
        out.push({ kind: 'down', node: e.node, peer: null, text: text.nodeDown, progress });
        break;
      case 'node-up':
        out.push({ kind: 'up', node: e.node, peer: null, text: text.nodeUp, progress });
        break;
      default:
        break;
    }
  }
  return out;
}
