// Every text of the panels exists in Korean as well as English, and is translated.

import { describe, expect, it } from 'vitest';
import { panelsText } from '../src/ui/panels/text';

/** Paths of every leaf (string or function) of a text tree. */
function leaves(tree: unknown, prefix = ''): string[] {
  if (typeof tree === 'string' || typeof tree === 'function') return [prefix];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

function at(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], tree);
}

describe('panel texts', () => {
  it('Korean has every text English has, of the same kind', () => {
    expect(leaves(panelsText.ko).sort()).toEqual(leaves(panelsText.en).sort());
    for (const p of leaves(panelsText.en)) expect(typeof at(panelsText.ko, p)).toBe(typeof at(panelsText.en, p));
  });

  it('the menus are translated, not copied', () => {
    expect(panelsText.ko.nodeMenu.items.crash.desc).not.toBe(panelsText.en.nodeMenu.items.crash.desc);
    expect(panelsText.ko.console.badArguments).not.toBe(panelsText.en.console.badArguments);
    expect(panelsText.ko.topology.preset.chain.desc).toContain('m → r1 → r2');
  });
});
