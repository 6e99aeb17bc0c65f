// The floating box both the node menu and the link menu open in: placed next
// to what was clicked and kept inside the viewport (a bottom sheet on narrow
// screens), closed by Escape or a click outside. Escape gives focus back to
// the element that had it when the popover opened, as menus and dialogs must.

import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { isSheetLayout, placePopover } from './placement';
import './panels.css';

/** Remembers the focused element at mount; the returned function gives focus back to it. */
export function useOpener(): () => void {
  const [opener] = useState<HTMLElement | SVGElement | null>(() => {
    const active = document.activeElement;
    return active instanceof HTMLElement || active instanceof SVGElement ? active : null;
  });
  return useCallback(() => {
    if (opener?.isConnected && opener !== document.body) opener.focus();
  }, [opener]);
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

export interface PopoverProps {
  anchor: DOMRect | null;
  onClose(): void;
  /** Gives focus back to the opener (from useOpener in the component that owns the popover). */
  returnFocus(): void;
  /** Escape first goes back a level when this returns true (a sub-choice back to the menu). */
  onEscape?: () => boolean;
  /** Dialogs keep Tab inside; menus close on Tab instead (ARIA menu pattern). */
  trapFocus: boolean;
  role?: 'dialog';
  labelledBy?: string;
  className?: string;
  children: ReactNode;
}

export function Popover({ anchor, onClose, returnFocus, onEscape, trapFocus, role, labelledBy, className, children }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  const [sheet, setSheet] = useState(() => isSheetLayout({ width: window.innerWidth, height: window.innerHeight }));

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const place = () => {
      const viewport = { width: window.innerWidth, height: window.innerHeight };
      const asSheet = isSheetLayout(viewport);
      setSheet(asSheet);
      if (asSheet) return;
      const size = el.getBoundingClientRect();
      const box = anchor ? { left: anchor.left, top: anchor.top, width: anchor.width, height: anchor.height } : null;
      setPos(placePopover(box, { width: size.width, height: size.height }, viewport));
    };
    place();
    // The content changes size when a sub-choice opens: place it again.
    const observer = new ResizeObserver(place);
    observer.observe(el);
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', place);
    };
  }, [anchor]);

  useEffect(() => {
    const outside = (e: PointerEvent) => {
      if (ref.current && e.target instanceof Node && !ref.current.contains(e.target)) onClose();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (onEscape?.()) return;
      onClose();
      returnFocus();
      return;
    }
    if (e.key !== 'Tab') return;
    if (!trapFocus) {
      e.preventDefault();
      onClose();
      returnFocus();
      return;
    }
    const focusable = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const style = sheet ? undefined : { left: pos?.left ?? 0, top: pos?.top ?? 0, opacity: pos ? 1 : 0 };
  return createPortal(
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys are handled for the menu or dialog inside, which has the role
    <div ref={ref} className={`panels-popover${sheet ? ' panels-sheet' : ''}${className ? ` ${className}` : ''}`} style={style} {...(role ? { role, 'aria-labelledby': labelledBy } : {})} onKeyDown={onKeyDown}>
      {children}
    </div>,
    document.body,
  );
}
