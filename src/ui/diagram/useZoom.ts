// Zoom and pan of the diagram with d3-zoom (wheel, drag, pinch, and the
// +/−/reset buttons). d3 only listens and does the maths; the transform comes
// back as React state, and React draws with it (the svg's inner <g> and the
// canvas overlay read the same value).

import { select, type ZoomBehavior, zoom, zoomIdentity } from 'd3';
import { type RefObject, useCallback, useEffect, useMemo, useState } from 'react';
import { VIEW_H, VIEW_W } from './layout';
import type { ZoomState } from './view';

const MIN_ZOOM = 0.5;
const MAX_ZOOM = 4;
const BUTTON_STEP = 1.4;

export interface ZoomControls {
  zoom: ZoomState;
  zoomIn(): void;
  zoomOut(): void;
  reset(): void;
}

export function useZoom(svgRef: RefObject<SVGSVGElement | null>): ZoomControls {
  const [state, setState] = useState<ZoomState>({ x: 0, y: 0, k: 1 });
  const behavior = useMemo<ZoomBehavior<SVGSVGElement, unknown>>(
    () =>
      zoom<SVGSVGElement, unknown>()
        .scaleExtent([MIN_ZOOM, MAX_ZOOM])
        // Keep at least part of the drawing on screen, however far it is dragged.
        .translateExtent([
          [-VIEW_W * 0.5, -VIEW_H * 0.5],
          [VIEW_W * 1.5, VIEW_H * 1.5],
        ])
        .on('zoom', (e: { transform: { x: number; y: number; k: number } }) => {
          const t = e.transform;
          setState((s) => (s.x === t.x && s.y === t.y && s.k === t.k ? s : { x: t.x, y: t.y, k: t.k }));
        }),
    [],
  );

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const sel = select(svg);
    sel.call(behavior);
    // A double click is for the node under it, not for zooming.
    sel.on('dblclick.zoom', null);
    return () => {
      sel.on('.zoom', null);
    };
  }, [svgRef, behavior]);

  const zoomBy = useCallback(
    (f: number) => {
      if (svgRef.current) behavior.scaleBy(select(svgRef.current), f);
    },
    [svgRef, behavior],
  );
  const reset = useCallback(() => {
    if (svgRef.current) behavior.transform(select(svgRef.current), zoomIdentity);
  }, [svgRef, behavior]);

  return {
    zoom: state,
    zoomIn: useCallback(() => zoomBy(BUTTON_STEP), [zoomBy]),
    zoomOut: useCallback(() => zoomBy(1 / BUTTON_STEP), [zoomBy]),
    reset,
  };
}
