// The canvas over the topology diagram where messages travel: every message
// in flight at the playback time sits on its link at the fraction of its trip
// already done, coloured by kind and labelled with what it carries; refused
// writes, resyncs, role changes and crashes flash for a moment. One canvas,
// drawn from the page's frame loop (never its own), only when something it
// shows changed. It takes no pointer events: clicks reach the svg below.

import { type RefObject, useEffect, useRef } from 'react';
import { onFrame } from '../../state/frameLoop';
import { type LabState, traceLog, useLab } from '../../state/lab';
import type { MsgRecord } from '../../state/traceLog';
import { activeBadges, EVENT_WINDOW_MS } from './eventPlan';
import { LaneCache } from './geometry';
import { MessagePlanner } from './messagePlan';
import { type Colors, LABEL_FONT_PX, paintBadges, paintMessages, readColors } from './paint';
import { diagramText } from './text';
import { type DiagramView, screenTransform } from './view';

/** Everything one paint depends on; a frame where none of it changed draws nothing. */
interface PaintKey {
  viewMs: number;
  traceVersion: number;
  view: DiagramView | null;
  w: number;
  h: number;
  dpr: number;
  colors: Colors | null;
  reduced: boolean;
  lang: LabState['lang'];
}

export function MessageLayer({ view }: { view: RefObject<DiagramView> }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const theme = useLab((s) => s.theme);
  const colorsRef = useRef<Colors | null>(null);

  // Colours follow the theme: re-read when the store's theme changes and when
  // html's attributes change (whoever applies data-theme may do it after us).
  useEffect(() => {
    void theme;
    colorsRef.current = null;
    const mo = new MutationObserver(() => {
      colorsRef.current = null;
    });
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    return () => mo.disconnect();
  }, [theme]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const size = { w: 0, h: 0 };
    const ro = new ResizeObserver((entries) => {
      const r = entries[0].contentRect;
      size.w = r.width;
      size.h = r.height;
    });
    ro.observe(canvas);
    const rect = canvas.getBoundingClientRect();
    size.w = rect.width;
    size.h = rect.height;

    const planner = new MessagePlanner();
    const inFlight: MsgRecord[] = [];
    const widths = new Map<string, number>();
    /** "+N more" by N, in the language they were made in. */
    const moreTexts: string[] = [];
    let moreLang: LabState['lang'] | null = null;
    let lanes: LaneCache | null = null;
    let last: PaintKey | null = null;
    let font = '';

    const textWidth = (s: string): number => {
      let w = widths.get(s);
      if (w === undefined) {
        if (widths.size > 3000) widths.clear();
        w = ctx.measureText(s).width;
        widths.set(s, w);
      }
      return w;
    };

    const paint = (): void => {
      const st = useLab.getState();
      const v = view.current;
      const dpr = window.devicePixelRatio || 1;
      if (colorsRef.current === null) colorsRef.current = readColors();
      const colors = colorsRef.current;
      const key: PaintKey = { viewMs: st.viewMs, traceVersion: st.traceVersion, view: v, w: size.w, h: size.h, dpr, colors, reduced: st.reducedMotion, lang: st.lang };
      if (last && sameKey(last, key)) return;
      last = key;

      const pw = Math.max(1, Math.round(size.w * dpr));
      const ph = Math.max(1, Math.round(size.h * dpr));
      if (canvas.width !== pw || canvas.height !== ph) {
        canvas.width = pw;
        canvas.height = ph;
        font = '';
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, pw, ph);
      if (!v || size.w === 0 || size.h === 0) return;
      const tr = screenTransform(size.w, size.h, v.box, v.zoom);
      ctx.setTransform(dpr * tr.scale, 0, 0, dpr * tr.scale, dpr * tr.dx, dpr * tr.dy);

      const labelFont = `${LABEL_FONT_PX}px ${colors.mono}`;
      if (font !== labelFont) {
        widths.clear();
        font = labelFont;
      }
      ctx.font = labelFont;
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';

      if (!lanes || lanes.layout !== v.layout) {
        lanes = new LaneCache(v.layout);
        planner.setObstacles(v.layout.placements);
      }
      const text = diagramText[st.lang];
      if (moreLang !== st.lang) {
        moreTexts.length = 0;
        moreLang = st.lang;
      }
      const more = (n: number): string => (moreTexts[n] ??= text.more(n));
      traceLog.inFlightAt(st.viewMs, inFlight);
      // Labels stay inside the visible edges (zoom included).
      const leftEdge = -tr.dx / tr.scale;
      const rightEdge = (size.w - tr.dx) / tr.scale;
      const measure = (label: string, count: number) => textWidth(label) + (count > 1 ? 4 + textWidth(more(count - 1)) : 0);
      planner.plan(inFlight, st.viewMs, lanes, st.reducedMotion, measure, leftEdge, rightEdge);
      paintMessages(ctx, planner, colors, st.reducedMotion, textWidth, more);

      const badges = activeBadges(traceLog.eventsBetween(st.viewMs - EVENT_WINDOW_MS, st.viewMs), st.viewMs, text);
      if (badges.length > 0) paintBadges(ctx, badges, v.layout, colors, st.reducedMotion);
    };

    const stop = onFrame(paint);
    return () => {
      stop();
      ro.disconnect();
    };
  }, [view]);

  // The canvas repeats the trace as pictures; the links' and nodes' names carry the words.
  return (
    <div className="dg-canvas" aria-hidden="true">
      <canvas ref={canvasRef} />
    </div>
  );
}

function sameKey(a: PaintKey, b: PaintKey): boolean {
  return (
    a.viewMs === b.viewMs &&
    a.traceVersion === b.traceVersion &&
    a.view === b.view &&
    a.w === b.w &&
    a.h === b.h &&
    a.dpr === b.dpr &&
    a.colors === b.colors &&
    a.reduced === b.reduced &&
    a.lang === b.lang
  );
}
