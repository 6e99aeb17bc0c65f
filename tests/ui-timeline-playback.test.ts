// The playback bar's rules: how times and speeds are shown, the speed stops
// `[`/`]` move between, and where the page-wide shortcuts leave keys alone.

import { describe, expect, it } from 'vitest';
import { fasterSpeed, type KeyTarget, nearestStop, SPEED_STOPS, secondsSince, shortcutFor, slowerSpeed, speedLabel } from '../src/ui/timeline/playback';
import { timelineText } from '../src/ui/timeline/text';

const none = { ctrlKey: false, metaKey: false, altKey: false };
const body: KeyTarget = { tag: 'body', editable: false };

describe('virtual time is shown as seconds since the origin with ms', () => {
  it('12345 ms after the origin reads 12.345 s', () => {
    expect(secondsSince(1_012_345, 1_000_000)).toBe('12.345');
    expect(timelineText.en.seconds(secondsSince(1_012_345, 1_000_000))).toBe('12.345 s');
    expect(timelineText.ko.seconds(secondsSince(1_012_345, 1_000_000))).toBe('12.345초');
  });

  it('the origin itself is 0.000 and never negative', () => {
    expect(secondsSince(500, 500)).toBe('0.000');
    expect(secondsSince(400, 500)).toBe('0.000');
  });
});

describe('speed stops', () => {
  it('run from 0.1x to 50x', () => {
    expect(SPEED_STOPS[0]).toBe(0.1);
    expect(SPEED_STOPS[SPEED_STOPS.length - 1]).toBe(50);
    expect([...SPEED_STOPS]).toEqual([0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50]);
  });

  it('] goes to the next faster stop and [ to the next slower one, stopping at the ends', () => {
    expect(fasterSpeed(1)).toBe(2);
    expect(slowerSpeed(1)).toBe(0.5);
    expect(fasterSpeed(50)).toBe(50);
    expect(slowerSpeed(0.1)).toBe(0.1);
    // A speed between stops moves to the neighbouring stop, not two away.
    expect(fasterSpeed(3)).toBe(5);
    expect(slowerSpeed(3)).toBe(2);
  });

  it('labels and nearest stop', () => {
    expect(speedLabel(0.25)).toBe('0.25×');
    expect(speedLabel(10)).toBe('10×');
    expect(SPEED_STOPS[nearestStop(0.3)]).toBe(0.25);
    expect(SPEED_STOPS[nearestStop(40)]).toBe(50);
  });
});

describe('page-wide shortcuts', () => {
  it('Space plays or pauses from the page body and the timeline slider', () => {
    expect(shortcutFor(' ', none, body)).toBe('toggle-play');
    expect(shortcutFor(' ', none, { tag: 'div', editable: false, role: 'slider' })).toBe('toggle-play');
  });

  it('Space is left alone while typing and on elements Space clicks', () => {
    expect(shortcutFor(' ', none, { tag: 'input', inputType: 'text', editable: false })).toBeNull();
    expect(shortcutFor(' ', none, { tag: 'textarea', editable: false })).toBeNull();
    expect(shortcutFor(' ', none, { tag: 'div', editable: true })).toBeNull();
    expect(shortcutFor(' ', none, { tag: 'button', editable: false })).toBeNull();
    expect(shortcutFor(' ', none, { tag: 'div', editable: false, role: 'menuitem' })).toBeNull();
  });

  it('. steps anywhere but in text; → only where arrows are free', () => {
    expect(shortcutFor('.', none, body)).toBe('step');
    expect(shortcutFor('.', none, { tag: 'button', editable: false })).toBe('step');
    expect(shortcutFor('.', none, { tag: 'input', inputType: 'search', editable: false })).toBeNull();
    expect(shortcutFor('ArrowRight', none, body)).toBe('step');
    expect(shortcutFor('ArrowRight', none, { tag: 'div', editable: false, role: 'slider' })).toBeNull();
    expect(shortcutFor('ArrowRight', none, { tag: 'div', editable: false, role: 'toolbar' })).toBeNull();
  });

  it('[ and ] change speed; modifiers and other keys are ignored', () => {
    expect(shortcutFor('[', none, body)).toBe('slower');
    expect(shortcutFor(']', none, body)).toBe('faster');
    expect(shortcutFor(']', none, { tag: 'input', inputType: 'text', editable: false })).toBeNull();
    expect(shortcutFor(' ', { ...none, ctrlKey: true }, body)).toBeNull();
    expect(shortcutFor('.', { ...none, metaKey: true }, body)).toBeNull();
    expect(shortcutFor('a', none, body)).toBeNull();
  });
});
