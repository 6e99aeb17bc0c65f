// The one description of where things are on screen, shared by the svg and
// the canvas overlay: the layout (logical positions), the part of the logical
// space shown (the svg's viewBox) and the zoom/pan transform, plus the
// mapping from logical units to CSS pixels of an element showing that viewBox
// with preserveAspectRatio="xMidYMid meet".

import type { Box, Layout } from './layout';

export interface ZoomState {
  x: number;
  y: number;
  k: number;
}

export interface DiagramView {
  layout: Layout;
  /** The svg's viewBox. */
  box: Box;
  zoom: ZoomState;
}

export interface ScreenTransform {
  /** CSS px per logical unit (zoom included). */
  scale: number;
  /** CSS px offset of logical (0, 0). */
  dx: number;
  dy: number;
}

/**
 * Logical → CSS px for an element of cssW × cssH showing `box`, then zoomed
 * and panned inside it (the zoom transform is in viewBox units, as d3-zoom
 * reports it for an svg with a viewBox).
 */
export function screenTransform(cssW: number, cssH: number, box: Box, zoom: ZoomState): ScreenTransform {
  const s = Math.min(cssW / box.w, cssH / box.h);
  const ox = (cssW - box.w * s) / 2 - box.x * s;
  const oy = (cssH - box.h * s) / 2 - box.y * s;
  return { scale: s * zoom.k, dx: ox + s * zoom.x, dy: oy + s * zoom.y };
}
