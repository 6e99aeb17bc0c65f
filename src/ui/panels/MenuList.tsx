// A vertical ARIA menu of buttons with a one-line explanation under each:
// the first item takes focus, arrows / Home / End move, a letter jumps to the
// next item starting with it, Enter or Space activates, ArrowLeft goes back
// from a sub-choice. Disabled items stay focusable so their reason can be read.

import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { menuFocusAfter } from './placement';

export interface MenuEntry {
  key: string;
  label: string;
  /** What the item does, or why it is disabled. */
  desc: string;
  disabled: boolean;
  /** Opens a further choice (ArrowRight activates it too). */
  submenu?: boolean;
  onActivate(): void;
}

export interface MenuListProps {
  entries: readonly MenuEntry[];
  labelledBy: string;
  /** Index focused when the menu appears (the item a sub-choice came from, when going back). */
  initialFocus?: number;
  onBack?: () => void;
}

export function MenuList({ entries, labelledBy, initialFocus = 0, onBack }: MenuListProps) {
  const baseId = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const [focused, setFocused] = useState(Math.min(initialFocus, Math.max(0, entries.length - 1)));

  // Focus moves into the menu when it appears; the owner remounts it (key) per level.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on mount
  useEffect(() => {
    refs.current[focused]?.focus();
  }, []);

  const moveTo = (i: number) => {
    setFocused(i);
    refs.current[i]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = menuFocusAfter(e.key, focused, entries.length);
    if (next !== null) {
      e.preventDefault();
      moveTo(next);
      return;
    }
    if (e.key === 'ArrowLeft' && onBack) {
      e.preventDefault();
      onBack();
      return;
    }
    const entry = entries[focused];
    if (e.key === 'ArrowRight' && entry?.submenu && !entry.disabled) {
      e.preventDefault();
      entry.onActivate();
      return;
    }
    if (e.key.length === 1 && /\S/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const letter = e.key.toLowerCase();
      for (let step = 1; step <= entries.length; step++) {
        const i = (focused + step) % entries.length;
        if (entries[i].label.toLowerCase().startsWith(letter)) {
          e.preventDefault();
          moveTo(i);
          return;
        }
      }
    }
  };

  return (
    <div role="menu" aria-labelledby={labelledBy} aria-orientation="vertical" className="panels-menu" onKeyDown={onKeyDown}>
      {entries.map((entry, i) => (
        <button
          key={entry.key}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="menuitem"
          className="panels-menuitem"
          tabIndex={i === focused ? 0 : -1}
          aria-disabled={entry.disabled || undefined}
          aria-haspopup={entry.submenu ? 'menu' : undefined}
          aria-labelledby={`${baseId}-${i}-l`}
          aria-describedby={`${baseId}-${i}-d`}
          onFocus={() => setFocused(i)}
          onClick={() => {
            if (!entry.disabled) entry.onActivate();
          }}
        >
          <span id={`${baseId}-${i}-l`} className="panels-menuitem-label">
            {entry.label}
            {entry.submenu ? <span aria-hidden="true"> ›</span> : null}
          </span>
          <span id={`${baseId}-${i}-d`} className="panels-menuitem-desc">
            {entry.desc}
          </span>
        </button>
      ))}
    </div>
  );
}
