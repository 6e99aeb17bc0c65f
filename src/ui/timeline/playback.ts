// Pure helpers of the playback controls: how a virtual time is shown to
// people (seconds since the world began, with ms), the speed stops of the
// speed picker, and which page-wide keyboard shortcut a key press means.
// Kept free of React and the DOM so the rules are unit-tested.

/** Speeds offered by the picker (virtual ms per wall ms), slowest first. */
export const SPEED_STOPS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50] as const;

/** Seconds since `originMs` with millisecond precision: 12345 ms after origin → "12.345". */
export function secondsSince(ms: number, originMs: number): string {
  return (Math.max(0, ms - originMs) / 1000).toFixed(3);
}

/** The speed as the picker prints it: 0.25 → "0.25×", 10 → "10×". */
export function speedLabel(speed: number): string {
  return `${Number(speed.toFixed(2))}×`;
}

/** Index of the stop closest to `speed` (speeds set elsewhere need not be stops). */
export function nearestStop(speed: number): number {
  let best = 0;
  for (let i = 1; i < SPEED_STOPS.length; i++) {
    if (Math.abs(Math.log(SPEED_STOPS[i] / speed)) < Math.abs(Math.log(SPEED_STOPS[best] / speed))) best = i;
  }
  return best;
}

/** The next stop below `speed` (stays at the slowest). */
export function slowerSpeed(speed: number): number {
  for (let i = SPEED_STOPS.length - 1; i >= 0; i--) if (SPEED_STOPS[i] < speed - 1e-9) return SPEED_STOPS[i];
  return SPEED_STOPS[0];
}

/** The next stop above `speed` (stays at the fastest). */
export function fasterSpeed(speed: number): number {
  for (const s of SPEED_STOPS) if (s > speed + 1e-9) return s;
  return SPEED_STOPS[SPEED_STOPS.length - 1];
}

export type Shortcut = 'toggle-play' | 'step' | 'slower' | 'faster';

/** What the key press landed on (from the event's target). */
export interface KeyTarget {
  /** Lower-case tag name: 'input', 'button', 'body'… */
  tag: string;
  /** An <input>'s type attribute, lower case. */
  inputType?: string;
  /** Inside a contenteditable element. */
  editable: boolean;
  /** The ARIA role attribute, if any. */
  role?: string | null;
}

export interface KeyMods {
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'image', 'reset', 'submit']);
/** Roles whose element uses the arrow keys (or Space) itself. */
const KEY_HUNGRY_ROLES = new Set([
  'slider',
  'spinbutton',
  'menu',
  'menuitem',
  'menuitemradio',
  'menuitemcheckbox',
  'menubar',
  'listbox',
  'option',
  'tab',
  'tablist',
  'radio',
  'radiogroup',
  'toolbar',
  'grid',
  'tree',
  'treeitem',
  'combobox',
  'textbox',
  'button',
  'checkbox',
  'switch',
  'link',
]);

/** Typing a character there types it: a console, a text field, a select's type-ahead. */
export function isTextEntry(t: KeyTarget): boolean {
  if (t.editable || t.tag === 'textarea' || t.tag === 'select') return true;
  if (t.role === 'textbox' || t.role === 'combobox' || t.role === 'spinbutton') return true;
  return t.tag === 'input' && !NON_TEXT_INPUTS.has(t.inputType ?? 'text');
}

/** Roles whose element is activated by Space (it would click and play at once). */
const SPACE_ROLES = new Set(['button', 'checkbox', 'switch', 'radio', 'menuitem', 'menuitemradio', 'menuitemcheckbox', 'option', 'tab', 'link', 'treeitem']);

/** Space already means something there: typing, or clicking a button, link, checkbox, summary… */
function usesSpace(t: KeyTarget): boolean {
  if (isTextEntry(t) || t.tag === 'button' || t.tag === 'a' || t.tag === 'summary' || t.tag === 'input') return true;
  return t.role !== undefined && t.role !== null && SPACE_ROLES.has(t.role);
}

/** The arrow keys already mean something there: a slider, a menu, a list, a text caret, a button group… */
function usesArrows(t: KeyTarget): boolean {
  if (usesSpace(t)) return true;
  return t.role !== undefined && t.role !== null && KEY_HUNGRY_ROLES.has(t.role);
}

/**
 * The page-wide playback shortcut a key press means, or null to leave the key
 * alone. Space plays/pauses unless the focused element uses Space itself (a
 * text field, a button it would click) — on the timeline's slider it plays;
 * `.` and `[`/`]` work anywhere but in text; → steps only where arrows are
 * not already taken (a slider, a menu, a list).
 */
export function shortcutFor(key: string, mods: KeyMods, target: KeyTarget): Shortcut | null {
  if (mods.ctrlKey || mods.metaKey || mods.altKey) return null;
  switch (key) {
    case ' ':
    case 'Spacebar':
      return usesSpace(target) ? null : 'toggle-play';
    case 'ArrowRight':
      return usesArrows(target) ? null : 'step';
    case '.':
      return isTextEntry(target) ? null : 'step';
    case '[':
      return isTextEntry(target) ? null : 'slower';
    case ']':
      return isTextEntry(target) ? null : 'faster';
    default:
      return null;
  }
}
