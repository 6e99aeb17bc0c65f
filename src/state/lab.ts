// The page's view of the lab (zustand): what the engine last reported, the
// playback clock, the selection, the consoles and the settings. It talks to
// the worker through `EngineLink`; components read the store and call its
// actions, and never compute replication themselves.

import { create } from 'zustand';
import type { LinkProps, NodeView, TimedInput } from '../engine/api';
import type { Reply } from '../engine/resp/reply';
import type { Lang } from '../i18n';
import { TokenizeError, tokenize } from '../scenario/tokenize';
import { formatReply } from '../ui/redisCli';
import type { EngineToUi, Fault, FrameMsg, LinkView, Preset, SharedSession, TopologyNode, UiToEngine } from '../worker/protocol';
import { TraceLog } from './traceLog';

/** Everything the engine reported in this session (see traceLog.ts). */
export const traceLog = new TraceLog();

export type Theme = 'light' | 'dark';
export type EngineStatus = { kind: 'starting' } | { kind: 'ready' } | { kind: 'failed'; detail: string };
export type MainView = 'topology' | 'spacetime';

export interface ConsoleLine {
  id: number;
  node: string;
  /** What was typed. */
  input: string;
  /** The reply as redis-cli prints it; null while it is on its way. */
  output: string | null;
  error: boolean;
}

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

/** An action waiting for the person to confirm that acting in the past discards the future. */
export interface PendingBranch {
  atMs: number;
  run: () => void;
}

export const SPEED_MIN = 0.1;
export const SPEED_MAX = 50;
const MAX_CONSOLE_LINES = 500;

export interface LabState {
  status: EngineStatus;
  seed: number;
  /** Virtual ms at which the world began (timeline 0). */
  originMs: number;
  viewMs: number;
  headMs: number;
  playing: boolean;
  speed: number;
  nodes: NodeView[];
  links: LinkView[];
  defaultLink: LinkProps;
  /** The person's inputs with their times (timeline markers). */
  inputs: TimedInput[];
  /** Bumped whenever `traceLog` changes. */
  traceVersion: number;
  /**
   * The playback time of `nodes`, `links` and `info`. While playing, those
   * (and the text drawn from them) are refreshed a few times a second, while
   * `viewMs` — the canvas' clock — moves every animation frame.
   */
  detailMs: number;
  /** `headMs` and `traceVersion` as of `detailMs` (for the timeline, refreshed with the details). */
  detailHeadMs: number;
  detailTraceVersion: number;
  /** INFO of the selected node; `previous` is the text before the last change (to highlight fields). */
  info: { node: string; text: string; previous: string | null } | null;
  selected: string | null;
  selectedLink: { a: string; b: string } | null;
  consoles: ConsoleLine[];
  notices: Notice[];
  pendingBranch: PendingBranch | null;
  lang: Lang;
  theme: Theme;
  reducedMotion: boolean;
  mainView: MainView;
  /** Counts the worlds the engine started (hello, presets, scenarios): a new value means a new world. */
  worldGeneration: number;
}

const initial: LabState = {
  status: { kind: 'starting' },
  seed: 1,
  originMs: 0,
  viewMs: 0,
  headMs: 0,
  playing: false,
  speed: 1,
  nodes: [],
  links: [],
  defaultLink: { latencyMs: 1, bytesPerMs: 0, loss: 0, cut: false },
  inputs: [],
  traceVersion: 0,
  detailMs: 0,
  detailHeadMs: 0,
  detailTraceVersion: 0,
  info: null,
  selected: null,
  selectedLink: null,
  consoles: [],
  notices: [],
  pendingBranch: null,
  lang: 'en',
  theme: 'light',
  reducedMotion: false,
  mainView: 'topology',
  worldGeneration: 0,
};

export const useLab = create<LabState>(() => ({ ...initial }));

/** The connection to the engine worker (or, in tests, anything that takes UiToEngine messages). */
export interface EngineLink {
  post(msg: UiToEngine): void;
}

let link: EngineLink | null = null;
let nextId = 1;
let tickOutstanding = false;
let lastTickWallMs: number | null = null;
const argvByRequest = new Map<number, string[]>();
const shareWaiters = new Map<number, (s: SharedSession) => void>();
const topologyWaiters = new Map<number, (nodes: TopologyNode[]) => void>();

export function attachEngine(l: EngineLink | null): void {
  link = l;
  tickOutstanding = false;
  lastTickWallMs = null;
}

function post(msg: UiToEngine): void {
  link?.post(msg);
}

/** The id the next console line will get (lessons count lines from a step's start). */
export function nextConsoleId(): number {
  return nextId;
}

export function notify(kind: Notice['kind'], text: string): void {
  useLab.setState((s) => ({ notices: [...s.notices.filter((n) => n.text !== text), { id: nextId++, kind, text }].slice(-5) }));
}

/** Feed one message from the worker into the store. */
export function receive(msg: EngineToUi): void {
  switch (msg.type) {
    case 'ready':
      traceLog.clear();
      tickOutstanding = false;
      pendingDetail = null;
      pendingInfo = undefined;
      pendingInputs = undefined;
      useLab.setState((s) => ({
        status: { kind: 'ready' },
        worldGeneration: s.worldGeneration + 1,
        seed: msg.seed,
        originMs: msg.originMs,
        viewMs: msg.originMs,
        headMs: msg.originMs,
        detailMs: msg.originMs,
        detailHeadMs: msg.originMs,
        detailTraceVersion: traceLog.version,
        nodes: msg.nodes,
        traceVersion: traceLog.version,
        selected: s.selected && msg.nodes.some((n) => n.name === s.selected) ? s.selected : (msg.nodes[0]?.name ?? null),
        selectedLink: null,
        info: null,
        pendingBranch: null,
      }));
      post({ type: 'watch-info', node: useLab.getState().selected });
      return;
    case 'frame': {
      const fromTick = tickOutstanding;
      tickOutstanding = false;
      if (msg.truncateAfterMs !== undefined) traceLog.truncateAfter(msg.truncateAfterMs);
      traceLog.add(msg.trace);
      applyFrame(msg, fromTick);
      return;
    }
    case 'reply':
      settle(msg.requestId, formatReply(msg.reply, argvByRequest.get(msg.requestId)), msg.reply.t === 'error');
      return;
    case 'session': {
      const waiter = shareWaiters.get(msg.requestId);
      shareWaiters.delete(msg.requestId);
      waiter?.(msg.session);
      return;
    }
    case 'topology': {
      const waiter = topologyWaiters.get(msg.requestId);
      topologyWaiters.delete(msg.requestId);
      waiter?.(msg.nodes);
      return;
    }
    case 'error':
      if (msg.requestId !== undefined && argvByRequest.has(msg.requestId)) settle(msg.requestId, msg.message, true);
      else if (useLab.getState().status.kind === 'starting') useLab.setState({ status: { kind: 'failed', detail: msg.message } });
      else notify('error', msg.message);
      return;
  }
}

/**
 * While playing, the node cards, links and INFO are redrawn at most this often
 * (wall ms): numbers that change every frame cannot be read at 60 Hz anyway,
 * and redrawing the SVG and panels every frame would cost the animation its
 * frame rate. A change of shape (a node up or down, a role, a link state) is
 * shown at once; the last frame's details always land (a trailing update).
 */
const DETAIL_EVERY_MS = 120;
let lastDetailWallMs = Number.NEGATIVE_INFINITY;
let pendingDetail: FrameMsg | null = null;
let pendingInfo: FrameMsg['info'];
let pendingInputs: FrameMsg['inputs'];
let detailTimer: ReturnType<typeof setTimeout> | null = null;

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

function sameShape(a: readonly NodeView[], b: readonly NodeView[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.name !== y.name || x.up !== y.up || x.role !== y.role || x.linkState !== y.linkState || x.masterName !== y.masterName || x.replicas.length !== y.replicas.length) return false;
  }
  return true;
}

function applyFrame(msg: FrameMsg, fromTick: boolean): void {
  if (msg.info) pendingInfo = msg.info;
  if (msg.inputs) pendingInputs = msg.inputs;
  const s = useLab.getState();
  const defer = fromTick && now() - lastDetailWallMs < DETAIL_EVERY_MS && sameShape(s.nodes, msg.nodes) && msg.links.length === s.links.length;
  if (defer) {
    pendingDetail = msg;
    useLab.setState({ viewMs: msg.viewMs, headMs: msg.headMs, traceVersion: traceLog.version });
    if (detailTimer === null) detailTimer = setTimeout(flushDetail, DETAIL_EVERY_MS);
    return;
  }
  applyDetail(msg);
}

function flushDetail(): void {
  detailTimer = null;
  const msg = pendingDetail;
  if (msg) applyDetail(msg);
}

function applyDetail(msg: FrameMsg): void {
  pendingDetail = null;
  lastDetailWallMs = now();
  const info = pendingInfo;
  const inputs = pendingInputs;
  pendingInfo = undefined;
  pendingInputs = undefined;
  useLab.setState((s) => ({
    viewMs: msg.viewMs,
    headMs: msg.headMs,
    detailMs: msg.viewMs,
    detailHeadMs: msg.headMs,
    detailTraceVersion: traceLog.version,
    nodes: msg.nodes,
    links: msg.links,
    defaultLink: msg.defaultLink,
    traceVersion: traceLog.version,
    ...(inputs ? { inputs } : {}),
    ...(info ? { info: { node: info.node, text: info.text, previous: s.info?.node === info.node ? s.info.text : null } } : {}),
  }));
}

function settle(id: number, output: string, error: boolean): void {
  argvByRequest.delete(id);
  useLab.setState((s) => ({ consoles: s.consoles.map((l) => (l.id === id ? { ...l, output, error } : l)) }));
}

/** Called on every animation frame: while playing, ask the engine for the next frame (one at a time). */
export function frameTick(wallMs: number): void {
  const s = useLab.getState();
  if (!s.playing || s.status.kind !== 'ready' || !link) {
    lastTickWallMs = null;
    return;
  }
  if (tickOutstanding) return;
  const dt = lastTickWallMs === null ? 0 : Math.min(wallMs - lastTickWallMs, 250);
  lastTickWallMs = wallMs;
  tickOutstanding = true;
  post({ type: 'tick', wallMs: Math.max(0, dt) });
}

/** Run `action` now, or (when the page shows the past) after the person confirms branching from here. */
function inPresent(action: () => void): void {
  const s = useLab.getState();
  if (s.viewMs >= s.headMs) {
    action();
    return;
  }
  useLab.setState({
    pendingBranch: {
      atMs: s.viewMs,
      run: () => {
        post({ type: 'branch' });
        action();
      },
    },
  });
}

export type CommandError = 'empty' | 'bad-arguments';

export const lab = {
  /**
   * Type a line into a node's console. Returns a reason when the line cannot
   * be sent. `onSent` runs once it is sent: at once, or — when the page shows
   * the past — after the person confirmed branching (never, if they cancel).
   */
  command(node: string, line: string, onSent?: () => void): CommandError | null {
    let argv: string[];
    try {
      argv = tokenize(line);
    } catch (e) {
      if (e instanceof TokenizeError) return 'bad-arguments';
      throw e;
    }
    if (argv.length === 0) return 'empty';
    inPresent(() => {
      const id = nextId++;
      argvByRequest.set(id, argv);
      useLab.setState((s) => ({ consoles: [...s.consoles, { id, node, input: line.trim(), output: null, error: false }].slice(-MAX_CONSOLE_LINES) }));
      post({ type: 'command', requestId: id, node, argv });
      onSent?.();
    });
    return null;
  },
  fault(fault: Fault): void {
    inPresent(() => post({ type: 'fault', fault }));
  },
  play(): void {
    useLab.setState({ playing: true });
    post({ type: 'play', speed: useLab.getState().speed });
  },
  pause(): void {
    useLab.setState({ playing: false });
    post({ type: 'pause' });
  },
  togglePlay(): void {
    if (useLab.getState().playing) lab.pause();
    else lab.play();
  },
  setSpeed(speed: number): void {
    const v = Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
    useLab.setState({ speed: v });
    if (useLab.getState().playing) post({ type: 'play', speed: v });
  },
  step(): void {
    post({ type: 'step' });
  },
  /** Time travel to `atMs` (absolute virtual ms), clamped to the session. */
  seek(atMs: number): void {
    const s = useLab.getState();
    const t = Math.round(Math.min(s.headMs, Math.max(s.originMs, atMs)));
    useLab.setState({ viewMs: t });
    post({ type: 'seek', atMs: t });
  },
  /** Back to the newest moment. */
  goLive(): void {
    lab.seek(useLab.getState().headMs);
  },
  select(node: string | null): void {
    useLab.setState({ selected: node, selectedLink: null });
    post({ type: 'watch-info', node });
  },
  selectLink(a: string, b: string): void {
    useLab.setState({ selectedLink: { a, b } });
  },
  clearLinkSelection(): void {
    useLab.setState({ selectedLink: null });
  },
  /** A new world (the current one, its past and future are replaced). */
  loadPreset(preset: Preset): void {
    useLab.setState({ pendingBranch: null });
    post({ type: 'load-preset', preset, seed: useLab.getState().seed });
  },
  loadScenario(text: string): void {
    post({ type: 'load-scenario', text, seed: useLab.getState().seed });
  },
  confirmBranch(): void {
    const p = useLab.getState().pendingBranch;
    useLab.setState({ pendingBranch: null });
    p?.run();
  },
  cancelBranch(): void {
    useLab.setState({ pendingBranch: null });
  },
  /** The session (seed + inputs) as the engine has it, for a share link. */
  exportSession(): Promise<SharedSession> {
    const id = nextId++;
    return new Promise((resolve) => {
      shareWaiters.set(id, resolve);
      post({ type: 'export-session', requestId: id });
    });
  },
  /** The nodes as configurations (for export to redis.conf / docker-compose). */
  exportTopology(): Promise<TopologyNode[]> {
    const id = nextId++;
    return new Promise((resolve) => {
      topologyWaiters.set(id, resolve);
      post({ type: 'export-topology', requestId: id });
    });
  },
  /** A new world with these nodes (from an imported docker-compose file or redis.conf). */
  loadTopology(nodes: { name: string; replicaOf: string | null; config: [string, string][] }[]): void {
    useLab.setState({ pendingBranch: null });
    post({ type: 'load-topology', nodes, seed: useLab.getState().seed });
  },
  setLang(lang: Lang): void {
    useLab.setState({ lang });
  },
  setTheme(theme: Theme): void {
    useLab.setState({ theme });
  },
  setMainView(mainView: MainView): void {
    useLab.setState({ mainView });
  },
  dismissNotice(id: number): void {
    useLab.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
};

/** Network properties between two nodes as last reported (defaults when the engine reported none). */
export function linkBetween(links: readonly LinkView[], a: string, b: string): LinkProps {
  const l = links.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
  return l ?? useLab.getState().defaultLink;
}

export type { Reply };
