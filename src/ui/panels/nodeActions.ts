// What the node menu offers for a node, decided from what the engine last
// reported (NodeView, LinkView) and nothing else. Each item carries the exact
// fault or Redis command it sends, so the menu component only draws and
// dispatches, and the choices can be tested without a DOM.

import type { NodeView } from '../../engine/api';
import { linkBetween } from '../../state/lab';
import type { Fault, LinkView } from '../../worker/protocol';

export type NodeAction =
  | { kind: 'fault'; fault: Fault }
  /** A Redis command typed into `node`'s console, so the console shows it and its reply. */
  | { kind: 'command'; node: string; line: string }
  /** Opens a list of the other nodes to pick from. */
  | { kind: 'pick'; purpose: PickPurpose }
  | { kind: 'console'; node: string };

export type PickPurpose = 'cut' | 'slow' | 'replicaof';

export type NodeItemId = 'crash' | 'restart' | 'wipe' | 'cut' | 'slow' | 'promote' | 'replicaof' | 'failover' | 'failover-to' | 'console' | 'remove';

/** Why an item cannot be used now (shown instead of its explanation). */
export type DisabledReason =
  | 'node-down'
  | 'node-up'
  | 'no-other-node'
  | 'already-master'
  | 'sentinel'
  | 'no-replicas'
  | 'no-master'
  | 'master-down'
  | 'current-master';

export interface NodeItem {
  id: NodeItemId;
  action: NodeAction;
  disabled: DisabledReason | null;
}

function find(nodes: readonly NodeView[], name: string | null): NodeView | undefined {
  return name === null ? undefined : nodes.find((n) => n.name === name);
}

/** The items of `name`'s menu in display order; empty when the node is gone. */
export function nodeMenuItems(name: string, nodes: readonly NodeView[]): NodeItem[] {
  const node = find(nodes, name);
  if (!node) return [];
  const others = nodes.filter((n) => n.name !== name);
  const redis = !node.sentinel;
  // Replication commands only make sense on a running redis-server (a down
  // node would only answer "Could not connect").
  const replicationBlock: DisabledReason | null = !redis ? 'sentinel' : !node.up ? 'node-down' : null;
  const items: NodeItem[] = [
    { id: 'crash', action: { kind: 'fault', fault: { kind: 'crash', node: name } }, disabled: node.up ? null : 'node-down' },
    { id: 'restart', action: { kind: 'fault', fault: { kind: 'restart', node: name } }, disabled: node.up ? 'node-up' : null },
    { id: 'wipe', action: { kind: 'fault', fault: { kind: 'wipe-disk', node: name } }, disabled: null },
    { id: 'cut', action: { kind: 'pick', purpose: 'cut' }, disabled: others.length ? null : 'no-other-node' },
    { id: 'slow', action: { kind: 'pick', purpose: 'slow' }, disabled: others.length ? null : 'no-other-node' },
    {
      id: 'promote',
      action: { kind: 'command', node: name, line: 'REPLICAOF NO ONE' },
      disabled: replicationBlock ?? (node.role === 'master' ? 'already-master' : null),
    },
    {
      id: 'replicaof',
      action: { kind: 'pick', purpose: 'replicaof' },
      disabled: replicationBlock ?? (others.some((n) => !n.sentinel) ? null : 'no-other-node'),
    },
  ];
  if (node.role === 'master' || !redis) {
    items.push({
      id: 'failover',
      action: { kind: 'command', node: name, line: 'FAILOVER' },
      disabled: replicationBlock ?? (node.replicas.length ? null : 'no-replicas'),
    });
  } else {
    // FAILOVER TO is sent to the master, naming this replica (FAILOVER runs on the master in Redis).
    const master = find(nodes, node.masterName);
    items.push({
      id: 'failover-to',
      action: { kind: 'command', node: master?.name ?? name, line: `FAILOVER TO ${node.host} ${node.port}` },
      disabled: replicationBlock ?? (!master ? 'no-master' : !master.up ? 'master-down' : null),
    });
  }
  items.push({ id: 'console', action: { kind: 'console', node: name }, disabled: null });
  items.push({ id: 'remove', action: { kind: 'fault', fault: { kind: 'remove-node', node: name } }, disabled: null });
  return items;
}

export interface PickItem {
  /** The other node. */
  target: string;
  action: NodeAction;
  /** For 'cut': whether the link is cut now (the item heals it). */
  healing: boolean;
  disabled: DisabledReason | null;
}

/** The other nodes to choose from after "Cut off from…", "Slow its link to…" or "Make it a replica of…". */
export function pickItems(purpose: PickPurpose, name: string, nodes: readonly NodeView[], links: readonly LinkView[]): PickItem[] {
  const node = find(nodes, name);
  const others = nodes.filter((n) => n.name !== name);
  switch (purpose) {
    case 'cut':
      return others.map((o) => {
        const cut = linkBetween(links, name, o.name).cut;
        return { target: o.name, action: { kind: 'fault', fault: { kind: 'cut', a: name, b: o.name, cut: !cut } }, healing: cut, disabled: null };
      });
    case 'slow':
      // The form that follows sends the fault; the item only names the pair.
      return others.map((o) => ({ target: o.name, action: { kind: 'fault', fault: { kind: 'link', a: name, b: o.name, props: {} } }, healing: false, disabled: null }));
    case 'replicaof':
      return others
        .filter((o) => !o.sentinel)
        .map((o) => ({
          target: o.name,
          action: { kind: 'command', node: name, line: `REPLICAOF ${o.host} ${o.port}` },
          healing: false,
          disabled: node?.role === 'slave' && node.masterName === o.name ? 'current-master' : null,
        }));
  }
}
