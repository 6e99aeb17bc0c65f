// The menu that opens when a node of the diagram is clicked: faults (crash,
// restart, wipe disk, cut, slow link), the replication commands a person
// would type (REPLICAOF NO ONE, REPLICAOF host port, FAILOVER, FAILOVER TO),
// the console, and removing the node. What each item sends is decided in
// nodeActions.ts from the engine's NodeView; this file draws and dispatches.

import { type FormEvent, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { lab, linkBetween, useLab } from '../../state/lab';
import { focusConsole } from './consoleFocus';
import { formatBandwidth, formatLatency, parseLinkForm } from './linkScales';
import { type MenuEntry, MenuList } from './MenuList';
import { type NodeAction, nodeMenuItems, type PickPurpose, pickItems } from './nodeActions';
import { Popover, useOpener } from './Popover';
import { panelsText } from './text';

export interface NodeMenuProps {
  node: string;
  anchor: DOMRect | null;
  onClose(): void;
  /** Replaces the default "Open console" behaviour (select the node and focus the console's input). */
  onOpenConsole?: (node: string) => void;
}

type View = { kind: 'main'; focus: number } | { kind: 'pick'; purpose: PickPurpose; from: number } | { kind: 'slow'; other: string; from: number };

export function NodeMenu({ node, anchor, onClose, onOpenConsole }: NodeMenuProps) {
  const lang = useLab((s) => s.lang);
  const nodes = useLab((s) => s.nodes);
  const links = useLab((s) => s.links);
  const t = panelsText[lang].nodeMenu;
  const unlimited = panelsText[lang].linkMenu.unlimited;
  const returnFocus = useOpener();
  const titleId = useId();
  const [view, setView] = useState<View>({ kind: 'main', focus: 0 });
  const items = useMemo(() => nodeMenuItems(node, nodes), [node, nodes]);
  const gone = items.length === 0;

  // A node removed while its menu is open (by the menu itself, or a lesson) closes the menu.
  useEffect(() => {
    if (gone) onClose();
  }, [gone, onClose]);

  const finish = useCallback(() => {
    onClose();
    returnFocus();
  }, [onClose, returnFocus]);

  const run = (action: NodeAction, index: number) => {
    switch (action.kind) {
      case 'fault':
        lab.fault(action.fault);
        finish();
        return;
      case 'command':
        lab.command(action.node, action.line);
        finish();
        return;
      case 'pick':
        setView({ kind: 'pick', purpose: action.purpose, from: index });
        return;
      case 'console':
        onClose();
        if (onOpenConsole) onOpenConsole(action.node);
        else {
          lab.select(action.node);
          focusConsole();
        }
        return;
    }
  };

  const back = () => {
    if (view.kind === 'pick') setView({ kind: 'main', focus: view.from });
    if (view.kind === 'slow') setView({ kind: 'pick', purpose: 'slow', from: view.from });
  };

  const self = nodes.find((n) => n.name === node);
  const linkText = (other: string) => {
    const l = linkBetween(links, node, other);
    return `${formatLatency(l.latencyMs)}, ${formatBandwidth(l.bytesPerMs) ?? unlimited}`;
  };

  let title: string;
  let entries: MenuEntry[] = [];
  if (view.kind === 'main') {
    const role = self ? t.role[self.sentinel ? 'sentinel' : self.role === 'slave' ? 'replica' : 'master'] : '';
    title = self ? [node, role, `${self.host}:${self.port}`, ...(self.up ? [] : [t.role.down])].join(' · ') : node;
    entries = items.map((item, i) => {
      const text = t.items[item.id];
      return {
        key: item.id,
        label: text.label,
        desc: item.disabled ? t.disabled[item.disabled] : text.desc,
        disabled: item.disabled !== null,
        submenu: item.action.kind === 'pick',
        onActivate: () => run(item.action, i),
      };
    });
  } else if (view.kind === 'pick') {
    title = t.pickTitle[view.purpose](node);
    const from = view.from;
    const back: MenuEntry = { key: '__back', label: `‹ ${t.back}`, desc: t.items[view.purpose].label, disabled: false, onActivate: () => setView({ kind: 'main', focus: from }) };
    entries = [
      back,
      ...pickItems(view.purpose, node, nodes, links).map((p): MenuEntry => {
        const base = { key: p.target, disabled: p.disabled !== null };
        if (view.purpose === 'cut') {
          return { ...base, label: p.healing ? t.healTo(p.target) : t.cutTo(p.target), desc: p.healing ? t.healDesc : t.cutDesc, onActivate: () => run(p.action, from) };
        }
        if (view.purpose === 'slow') {
          return { ...base, label: t.slowTo(p.target), desc: t.slowDesc(linkText(p.target)), submenu: true, onActivate: () => setView({ kind: 'slow', other: p.target, from }) };
        }
        const line = p.action.kind === 'command' ? p.action.line : '';
        return { ...base, label: t.replicaOfTo(p.target), desc: p.disabled ? t.disabled[p.disabled] : t.sends(line), onActivate: () => run(p.action, from) };
      }),
    ];
  } else {
    title = t.slowTitle(node, view.other);
  }

  return (
    <Popover
      anchor={anchor}
      onClose={onClose}
      returnFocus={returnFocus}
      onEscape={() => {
        if (view.kind === 'main') return false;
        back();
        return true;
      }}
      trapFocus={view.kind === 'slow'}
      role={view.kind === 'slow' ? 'dialog' : undefined}
      labelledBy={view.kind === 'slow' ? titleId : undefined}
      className="panels-nodemenu"
    >
      <h2 id={titleId} className="panels-popover-title">
        {title}
      </h2>
      {view.kind === 'slow' ? (
        <SlowLinkForm key={view.other} a={node} b={view.other} onBack={back} onDone={finish} />
      ) : (
        <MenuList key={view.kind === 'pick' ? view.purpose : 'main'} entries={entries} labelledBy={titleId} initialFocus={view.kind === 'main' ? view.focus : 1} onBack={view.kind === 'pick' ? back : undefined} />
      )}
    </Popover>
  );
}

/** Latency and bandwidth of the link between a and b, typed as numbers (the link menu has sliders for the same). */
function SlowLinkForm({ a, b, onBack, onDone }: { a: string; b: string; onBack(): void; onDone(): void }) {
  const t = panelsText[useLab((s) => s.lang)].nodeMenu;
  const links = useLab((s) => s.links);
  const current = useMemo(() => linkBetween(links, a, b), [links, a, b]);
  const [latency, setLatency] = useState(String(current.latencyMs));
  const [bandwidth, setBandwidth] = useState(String(current.bytesPerMs));
  const [error, setError] = useState<'latency' | 'bandwidth' | null>(null);
  const id = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseLinkForm(latency, bandwidth);
    if (!parsed.ok) {
      setError(parsed.field);
      document.getElementById(`${id}-${parsed.field}`)?.focus();
      return;
    }
    lab.fault({ kind: 'link', a, b, props: { latencyMs: parsed.latencyMs, bytesPerMs: parsed.bytesPerMs } });
    onDone();
  };

  return (
    <form className="panels-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-latency`}>{t.latency}</label>
      {/* biome-ignore lint/a11y/noAutofocus: the form replaces the menu the person was in; focus has to land in it */}
      <input id={`${id}-latency`} inputMode="numeric" autoFocus value={latency} aria-invalid={error === 'latency' || undefined} aria-describedby={error === 'latency' ? `${id}-error` : undefined} onChange={(e) => setLatency(e.target.value)} />
      <label htmlFor={`${id}-bandwidth`}>{t.bandwidth}</label>
      <input id={`${id}-bandwidth`} inputMode="decimal" value={bandwidth} aria-invalid={error === 'bandwidth' || undefined} aria-describedby={error === 'bandwidth' ? `${id}-error` : undefined} onChange={(e) => setBandwidth(e.target.value)} />
      {error ? (
        <p id={`${id}-error`} className="panels-error" role="alert">
          {error === 'latency' ? t.badLatency : t.badBandwidth}
        </p>
      ) : null}
      <div className="panels-form-buttons">
        <button type="button" onClick={onBack}>
          ‹ {t.back}
        </button>
        <button type="submit" className="panels-primary">
          {t.apply}
        </button>
      </div>
    </form>
  );
}
