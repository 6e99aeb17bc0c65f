// Where a popover goes and how focus moves inside a menu: plain geometry and
// index arithmetic, kept out of the components so they can be tested.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Below this viewport width a popover is a bottom sheet (full width, easy to reach with a thumb). */
export const SHEET_BELOW_PX = 600;

export function isSheetLayout(viewport: Size): boolean {
  return viewport.width < SHEET_BELOW_PX;
}

/**
 * Top-left corner for a popover of `size` next to `anchor`: below it when it
 * fits, else above, else wherever it overlaps least, always inside the
 * viewport with `margin` px to spare (when the popover is larger than the
 * viewport, its top-left corner stays visible). No anchor: centred.
 */
export function placePopover(anchor: Box | null, size: Size, viewport: Size, gap = 8, margin = 8): { left: number; top: number } {
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));
  if (!anchor) {
    return { left: clamp((viewport.width - size.width) / 2, margin, viewport.width - size.width - margin), top: clamp((viewport.height - size.height) / 2, margin, viewport.height - size.height - margin) };
  }
  const below = anchor.top + anchor.height + gap;
  const above = anchor.top - gap - size.height;
  let top: number;
  if (below + size.height <= viewport.height - margin) top = below;
  else if (above >= margin) top = above;
  else top = viewport.height - size.height - margin;
  const left = anchor.left + anchor.width / 2 - size.width / 2;
  return {
    left: Math.round(clamp(left, margin, viewport.width - size.width - margin)),
    top: Math.round(clamp(top, margin, viewport.height - size.height - margin)),
  };
}

/**
 * The item a key moves focus to in a vertical menu of `count` items (arrows
 * wrap, Home/End jump), or null for keys that do not move focus. Disabled
 * items stay focusable, as the ARIA menu pattern recommends, so a person can
 * read why they are disabled.
 */
export function menuFocusAfter(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The same for a horizontal tab list (Left/Right). */
export function tabFocusAfter(key: string, current: number, count: number): number | null {
  if (key === 'ArrowRight') return menuFocusAfter('ArrowDown', current, count);
  if (key === 'ArrowLeft') return menuFocusAfter('ArrowUp', current, count);
  if (key === 'Home' || key === 'End') return menuFocusAfter(key, current, count);
  return null;
}
