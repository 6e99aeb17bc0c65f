// The space-time diagram (as in ShiViz or Jepsen's timelines): one lane per
// node, time flowing downward, every message an arrow from its sender at the
// time it was sent to its receiver at the time it arrived. It is a second
// view of the same trace the topology animates, synchronised with the
// playback clock: the "now" line is viewMs, clicking or dragging seeks, the
// wheel scrolls time. Drawn on one canvas from the page's frame loop, and
// only when something it shows changed.

import { type PointerEvent as ReactPointerEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { NodeView } from '../../engine/api';
import { onFrame } from '../../state/frameLoop';
import { lab, traceLog, useLab } from '../../state/lab';
import type { MsgRecord, StateEvent } from '../../state/traceLog';
import { secondsSince } from './playback';
import {
  type Arrow,
  arrowFor,
  DEFAULT_SPAN_MS,
  endOf,
  hitArrow,
  MAX_ARROWS,
  makeViewport,
  panTime,
  pickNearest,
  recentMessages,
  type Viewport,
  wheelTime,
  yToTime,
  ZOOM_SPANS_MS,
  zoomIn,
  zoomOut,
} from './spacetime';
import { drawDiagram, type Palette, readPalette } from './spacetimeDraw';
import { type TimelineText, timelineText } from './text';
import './timeline.css';

interface Lane {
  name: string;
  role: 'master' | 'replica' | 'sentinel' | 'down';
}

/** A string that changes only when the lanes do, so the header does not re-render on every frame. */
function lanesKey(nodes: readonly NodeView[]): string {
  return nodes.map((n) => `${n.name}\t${!n.up ? 'down' : n.sentinel ? 'sentinel' : n.role === 'master' ? 'master' : 'replica'}`).join('\n');
}

function parseLanes(key: string): Lane[] {
  if (key === '') return [];
  return key.split('\n').map((l) => {
    const [name, role] = l.split('\t');
    return { name, role: role as Lane['role'] };
  });
}

const SHOWN_EVENTS = new Set<StateEvent['t']>(['role', 'link-state', 'node-down', 'node-up', 'sync', 'rejected']);
const MAX_EVENTS = 2000;
/** How often (wall ms) the text alternative follows a playing session. */
const RECENT_EVERY_MS = 1000;

export function SpaceTimeDiagram() {
  const lang = useLab((s) => s.lang);
  const theme = useLab((s) => s.theme);
  const t = timelineText[lang];
  const origin = useLab((s) => s.originMs);
  const captionId = useId();
  const key = useLab((s) => lanesKey(s.nodes));
  const lanes = useMemo(() => parseLanes(key), [key]);
  const [spanMs, setSpanMs] = useState(DEFAULT_SPAN_MS);
  const [recent, setRecent] = useState<MsgRecord[]>([]);
  const [tip, setTip] = useState<{ x: number; y: number; text: string } | null>(null);
  const [capNote, setCapNote] = useState<string | null>(null);

  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // What the frame callback reads: refs, so drawing never waits for React.
  const live = useRef({
    spanMs,
    lanes,
    t,
    theme,
    size: { w: 0, h: 0, dpr: 1 },
    palette: null as Palette | null,
    paletteDirty: true,
    drawnKey: '',
    viewport: null as Viewport | null,
    arrows: [] as Arrow[],
    hoverId: null as number | null,
    pendingSeek: null as number | null,
    recentAt: Number.NEGATIVE_INFINITY,
    recentKey: '',
    drag: null as { pointer: number; startY: number; startNow: number; v: Viewport; moved: boolean } | null,
  });
  const r = live.current;
  r.spanMs = spanMs;
  r.lanes = lanes;
  r.t = t;
  if (r.theme !== theme) {
    r.theme = theme;
    r.paletteDirty = true;
  }

  // Size: the canvas backs the wrapper at the device's pixel ratio.
  useEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const measure = () => {
      const b = wrap.getBoundingClientRect();
      r.size = { w: Math.max(1, Math.floor(b.width)), h: Math.max(1, Math.floor(b.height)), dpr: window.devicePixelRatio || 1 };
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(wrap);
    return () => ro.disconnect();
  }, [r]);

  // The theme can also change through the html element's attributes (before the store hears of it).
  useEffect(() => {
    const mo = new MutationObserver(() => {
      r.paletteDirty = true;
    });
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    return () => mo.disconnect();
  }, [r]);

  useEffect(
    () =>
      onFrame((wallMs) => {
        if (r.pendingSeek !== null) {
          lab.seek(r.pendingSeek);
          r.pendingSeek = null;
        }
        const canvas = canvasRef.current;
        const ctx = canvas?.getContext('2d');
        if (!canvas || !ctx) return;
        if (r.paletteDirty || !r.palette) {
          const cs = getComputedStyle(document.documentElement);
          r.palette = readPalette((n) => cs.getPropertyValue(n), cs.fontFamily);
          r.paletteDirty = false;
          r.drawnKey = '';
        }
        const s = useLab.getState();
        const { w, h, dpr } = r.size;
        const isLive = s.viewMs >= s.headMs;
        const drawKey = [s.viewMs, isLive, s.traceVersion, w, h, dpr, r.spanMs, r.lanes.map((l) => l.name).join(','), s.lang, r.hoverId, r.theme].join('|');
        if (drawKey === r.drawnKey) return;
        r.drawnKey = drawKey;
        if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
          canvas.width = Math.round(w * dpr);
          canvas.height = Math.round(h * dpr);
        }
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);

        const names = r.lanes.map((l) => l.name);
        const laneOf = new Map(names.map((n, i) => [n, i]));
        const v = makeViewport(w, h, names, s.viewMs, r.spanMs);
        const until = isLive ? s.viewMs : v.toMs;
        const overlapping = traceLog.msgsOverlapping(v.fromMs, until);
        const chosen = pickNearest(overlapping, s.viewMs, MAX_ARROWS);
        const arrows: Arrow[] = [];
        for (const m of chosen) {
          const a = arrowFor(v, m, laneOf);
          if (a) arrows.push(a);
        }
        const events = traceLog
          .eventsBetween(v.fromMs, until)
          .filter((e) => SHOWN_EVENTS.has(e.t))
          .slice(-MAX_EVENTS);
        r.viewport = v;
        r.arrows = arrows;
        drawDiagram(ctx, { v, live: isLive, originMs: s.originMs, arrows, events, laneOf, hoverId: r.hoverId }, r.palette, r.t);

        const note = chosen.length < overlapping.length ? r.t.tooMany(chosen.length, overlapping.length) : null;
        setCapNote((old) => (old === note ? old : note));
        // The text alternative follows a playing session once a second, and at once when paused or seeking.
        if (!s.playing || wallMs - r.recentAt >= RECENT_EVERY_MS) {
          r.recentAt = wallMs;
          const list = recentMessages(overlapping, v.fromMs, s.viewMs);
          const k = list.map((m) => `${m.id}:${m.droppedMs ?? ''}`).join(',');
          if (k !== r.recentKey) {
            r.recentKey = k;
            setRecent(list);
          }
        }
      }),
    [r],
  );

  // The wheel scrolls time (Ctrl/⌘ + wheel zooms); a non-passive listener, so the page does not scroll instead.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      const v = r.viewport;
      if (!v) return;
      e.preventDefault();
      const px = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaMode === 2 ? e.deltaY * v.heightPx : e.deltaY;
      if (e.ctrlKey || e.metaKey) {
        if (px !== 0) setSpanMs((sp) => (px < 0 ? zoomIn(sp) : zoomOut(sp)));
        return;
      }
      r.pendingSeek = wheelTime(r.pendingSeek ?? useLab.getState().viewMs, px, v);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [r]);

  const local = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const b = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - b.left, y: e.clientY - b.top };
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0 || !r.viewport) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const { y } = local(e);
    r.drag = { pointer: e.pointerId, startY: y, startNow: useLab.getState().viewMs, v: r.viewport, moved: false };
    setTip(null);
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const { x, y } = local(e);
    const d = r.drag;
    if (d && d.pointer === e.pointerId) {
      if (Math.abs(y - d.startY) > 4) d.moved = true;
      if (d.moved) r.pendingSeek = panTime(d.startNow, y - d.startY, d.v);
      return;
    }
    const v = r.viewport;
    if (!v || e.pointerType === 'touch') return;
    const s = useLab.getState();
    const a = hitArrow(r.arrows, x, y, 6, v.nowMs, s.viewMs >= s.headMs);
    const id = a ? a.msg.id : null;
    if (id === r.hoverId) return;
    r.hoverId = id;
    setTip(a ? { x, y, text: tipText(a.msg, r.t, s.originMs) } : null);
  };

  const onPointerUp = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const d = r.drag;
    if (!d || d.pointer !== e.pointerId) return;
    r.drag = null;
    if (!d.moved) r.pendingSeek = yToTime(d.v, local(e).y);
  };

  const onPointerLeave = () => {
    if (r.hoverId !== null) {
      r.hoverId = null;
      setTip(null);
    }
  };

  const spanIndex = ZOOM_SPANS_MS.indexOf(spanMs as (typeof ZOOM_SPANS_MS)[number]);
  const laneNames = lanes.map((l) => l.name).join(', ');

  return (
    <section className="st" aria-label={t.diagram}>
      <div className="st-tools">
        <div className="st-zoom">
          <button type="button" onClick={() => setSpanMs(zoomOut)} disabled={spanIndex === ZOOM_SPANS_MS.length - 1} aria-label={t.zoomOut} title={t.zoomOut}>
            −
          </button>
          <span className="st-span">{t.windowSize(String(spanMs / 1000))}</span>
          <button type="button" onClick={() => setSpanMs(zoomIn)} disabled={spanIndex === 0} aria-label={t.zoomIn} title={t.zoomIn}>
            +
          </button>
        </div>
        <ul className="st-legend" aria-label={t.legend}>
          {(['stream', 'ack', 'handshake', 'rdb', 'ping'] as const).map((k) => (
            <li key={k}>
              <span className={`st-swatch st-msg-${k}`} aria-hidden="true" />
              {t.msgKinds[k]}
            </li>
          ))}
          <li>
            <span className="st-cross" aria-hidden="true">
              ✕
            </span>
            {t.droppedLegend}
          </li>
        </ul>
      </div>
      <div className="st-lanes" style={{ gridTemplateColumns: `repeat(${Math.max(1, lanes.length)}, 1fr)` }}>
        {lanes.map((l) => (
          <div key={l.name} className={`st-lane st-lane-${l.role}`} data-lane={l.name}>
            <span className="st-lane-name">{l.name}</span> <span className="st-lane-role">{roleText(l.role, t)}</span>
          </div>
        ))}
      </div>
      <div className="st-canvas-wrap" ref={wrapRef}>
        <canvas
          ref={canvasRef}
          className="st-canvas"
          role="img"
          aria-label={t.diagramDescription(laneNames)}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onPointerLeave={onPointerLeave}
        />
        {tip && (
          <div className="st-tip" style={{ left: tip.x, top: tip.y }} aria-hidden="true">
            {tip.text}
          </div>
        )}
      </div>
      {capNote && <p className="st-note">{capNote}</p>}
      <div className="visually-hidden">
        <p id={captionId}>{t.recentCaption}</p>
        {recent.length === 0 ? (
          <p>{t.recentNone}</p>
        ) : (
          <ol aria-labelledby={captionId}>
            {recent.map((m) => (
              <li key={m.id}>{t.msgLine(m.from, m.to, m.text, m.bytes, t.seconds(secondsSince(m.sentMs, origin)), endOf(m).dropped)}</li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function roleText(role: Lane['role'], t: TimelineText): string {
  switch (role) {
    case 'master':
      return t.roleMaster;
    case 'replica':
      return t.roleReplica;
    case 'sentinel':
      return t.roleSentinel;
    case 'down':
      return t.roleDown;
  }
}

function tipText(m: MsgRecord, t: TimelineText, originMs: number): string {
  const { endMs, dropped } = endOf(m);
  return t.msgTip(m.from, m.to, m.text, m.bytes, t.seconds(secondsSince(m.sentMs, originMs)), t.seconds(secondsSince(endMs, originMs)), dropped);
}
