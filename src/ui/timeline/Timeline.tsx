// The timeline: a scrubber over the whole session, from the world's origin
// (0 s) to the newest simulated moment, with marks for what the person did
// and for what Redis did. Dragging time-travels (one seek per animation
// frame, the thumb follows the pointer at once); clicking a mark jumps to it.

import { type CSSProperties, type KeyboardEvent, type PointerEvent as ReactPointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import { onFrame } from '../../state/frameLoop';
import { lab, traceLog, useLab } from '../../state/lab';
import { groupLabel, groupMarks, INPUT_KINDS, type MarkerGroup, marksFromInputs, mergeGapMs, mergeRows, TRACE_KINDS, TraceMarks } from './markers';
import { secondsSince } from './playback';
import { timelineText } from './text';
import './timeline.css';

/** Marks closer than this on screen share one marker. */
const MIN_GAP_PX = 10;
const ARROW_STEP_MS = 100;
const PAGE_STEP_MS = 1000;

export function Timeline() {
  const t = timelineText[useLab((s) => s.lang)];
  const originMs = useLab((s) => s.originMs);
  // While playing, refreshed with the store's details (a few times a second); paused, exactly as the engine is.
  const headMs = useLab((s) => (s.playing ? s.detailHeadMs : s.headMs));
  const viewMs = useLab((s) => (s.playing ? s.detailMs : s.viewMs));
  const inputs = useLab((s) => s.inputs);
  const traceVersion = useLab((s) => (s.playing ? s.detailTraceVersion : s.traceVersion));

  const trackRef = useRef<HTMLDivElement>(null);
  const marksRef = useRef<HTMLDivElement>(null);
  const [widthPx, setWidthPx] = useState(600);
  const [dragMs, setDragMs] = useState<number | null>(null);
  const [focusIdx, setFocusIdx] = useState(0);
  const drag = useRef<{ pointer: number; pending: number | null; stop: () => void } | null>(null);

  useEffect(() => {
    const el = trackRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidthPx(Math.max(1, el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => () => drag.current?.stop(), []);

  const spanMs = Math.max(1, headMs - originMs);
  const shown = Math.min(headMs, Math.max(originMs, dragMs ?? viewMs));
  const live = viewMs >= headMs && dragMs === null;
  const pct = ((shown - originMs) / spanMs) * 100;
  const at = (ms: number) => t.seconds(secondsSince(ms, originMs));

  // Markers: recomputed when the inputs or the trace change, or the merge distance doubles — not on every frame.
  const [traceMarker] = useState(() => new TraceMarks());
  const traceMarks = traceMarker.update(traceLog.events, traceVersion);
  const inputMarks = useMemo(() => marksFromInputs(inputs, originMs), [inputs, originMs]);
  const gapMs = mergeGapMs(spanMs, widthPx, MIN_GAP_PX);
  const inputGroups = useMemo(() => groupMarks(inputMarks, gapMs), [inputMarks, gapMs]);
  const traceGroups = useMemo(() => groupMarks(traceMarks, gapMs), [traceMarks, gapMs]);
  const groups = useMemo(() => mergeRows(inputGroups, traceGroups), [inputGroups, traceGroups]);
  const focusable = Math.min(focusIdx, Math.max(0, groups.length - 1));

  const markerButtons = useMemo(
    () =>
      groups.map((g: MarkerGroup, i) => {
        const label = groupLabel(g, t, t.seconds(secondsSince(g.atMs, originMs)));
        return (
          <button
            key={`${g.row}-${g.atMs}-${g.marks.length}`}
            type="button"
            className={`tl-marker tl-row-${g.row} tl-kind-${g.kind}${g.marks.length > 1 ? ' tl-many' : ''}`}
            style={{ '--t': g.atMs - originMs } as CSSProperties}
            tabIndex={i === focusable ? 0 : -1}
            title={label}
            aria-label={label}
            data-index={i}
            onPointerDown={(e) => e.stopPropagation()}
            onFocus={() => setFocusIdx(i)}
            onClick={() => lab.seek(g.atMs)}
          />
        );
      }),
    [groups, originMs, t, focusable],
  );

  const msAt = (clientX: number): number => {
    const el = trackRef.current;
    const s = useLab.getState();
    if (!el) return s.viewMs;
    const b = el.getBoundingClientRect();
    const f = Math.min(1, Math.max(0, (clientX - b.left) / Math.max(1, b.width)));
    return Math.round(s.originMs + f * (s.headMs - s.originMs));
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || drag.current) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
    trackRef.current?.focus();
    const ms = msAt(e.clientX);
    setDragMs(ms);
    // One seek per animation frame however fast the pointer moves: the worker replays history for each.
    const d = { pointer: e.pointerId, pending: ms as number | null, stop: () => {} };
    const flush = () => {
      if (d.pending !== null) lab.seek(d.pending);
      d.pending = null;
    };
    const unsubscribe = onFrame(flush);
    d.stop = () => {
      unsubscribe();
      flush();
    };
    drag.current = d;
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    const ms = msAt(e.clientX);
    d.pending = ms;
    setDragMs(ms);
  };

  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    drag.current = null;
    d.stop();
    setDragMs(null);
  };

  const onSliderKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const s = useLab.getState();
    let to: number | null = null;
    switch (e.key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        to = s.viewMs - ARROW_STEP_MS;
        break;
      case 'ArrowRight':
      case 'ArrowUp':
        to = s.viewMs + ARROW_STEP_MS;
        break;
      case 'PageDown':
        to = s.viewMs - PAGE_STEP_MS;
        break;
      case 'PageUp':
        to = s.viewMs + PAGE_STEP_MS;
        break;
      case 'Home':
        to = s.originMs;
        break;
      case 'End':
        to = s.headMs;
        break;
    }
    if (to === null) return;
    e.preventDefault();
    e.stopPropagation();
    lab.seek(to);
  };

  // Arrow keys move between markers (one tab stop for all of them).
  const onMarksKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const n = groups.length;
    if (n === 0) return;
    let i: number;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') i = Math.min(n - 1, focusable + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') i = Math.max(0, focusable - 1);
    else if (e.key === 'Home') i = 0;
    else if (e.key === 'End') i = n - 1;
    else return;
    e.preventDefault();
    e.stopPropagation();
    setFocusIdx(i);
    marksRef.current?.querySelector<HTMLButtonElement>(`[data-index="${i}"]`)?.focus();
  };

  return (
    <section className="tl" aria-label={t.timeline}>
      <div
        className={`tl-rail${dragMs !== null ? ' tl-dragging' : ''}`}
        style={{ '--span': spanMs } as CSSProperties}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <div
          ref={trackRef}
          className="tl-track"
          role="slider"
          tabIndex={0}
          aria-label={t.timeline}
          aria-valuemin={0}
          aria-valuemax={spanMs}
          aria-valuenow={Math.round(shown - originMs)}
          aria-valuetext={t.timelineValue(at(shown), at(headMs), live)}
          aria-keyshortcuts="ArrowLeft ArrowRight PageUp PageDown Home End"
          onKeyDown={onSliderKey}
        >
          <div className="tl-fill" style={{ width: `${pct}%` }} />
          <div className="tl-thumb" style={{ left: `${pct}%` }} />
        </div>
        <div ref={marksRef} className="tl-marks" role="toolbar" aria-label={t.markersGroup} onKeyDown={onMarksKey}>
          {markerButtons}
        </div>
      </div>
      <div className="tl-ends" aria-hidden="true">
        <span>{at(originMs)}</span>
        <span>{at(headMs)}</span>
      </div>
      <details className="tl-legend">
        <summary>{t.legend}</summary>
        <div className="tl-legend-rows">
          <p>{t.yourActions}</p>
          <ul>
            {INPUT_KINDS.map((k) => (
              <li key={k}>
                <span className={`tl-swatch tl-row-input tl-kind-${k}`} aria-hidden="true" />
                {t.kind[k]}
              </li>
            ))}
          </ul>
          <p>{t.engineEvents}</p>
          <ul>
            {TRACE_KINDS.map((k) => (
              <li key={k}>
                <span className={`tl-swatch tl-row-trace tl-kind-${k}`} aria-hidden="true" />
                {t.kind[k]}
              </li>
            ))}
          </ul>
        </div>
      </details>
    </section>
  );
}
