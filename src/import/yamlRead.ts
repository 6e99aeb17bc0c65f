// Reading a parsed YAML document the way a compose file is read, keeping the
// line of everything: mappings with `<<` merge keys (explicit keys win, as in
// Compose), aliases resolved through an index built once, scalars as the text
// Compose would see (`0700` stays "0700", `yes` stays "yes"), and `${VAR}`
// interpolation with the defaults the file gives.

import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, visit } from 'yaml';
import { T } from './messages';
import type { Report } from './report';

const MAX_MERGE_DEPTH = 8;

export interface Entry {
  key: string;
  /** Line of the key. */
  line: number;
  value: Node | null;
}

export class YamlReader {
  private readonly anchors = new Map<string, { start: number; node: Node }[]>();

  constructor(
    doc: Document,
    private readonly lc: LineCounter,
    private readonly report: Report,
  ) {
    visit(doc, {
      Node: (_key, node) => {
        const anchor = (node as { anchor?: string }).anchor;
        if (anchor && node.range) {
          const list = this.anchors.get(anchor) ?? [];
          list.push({ start: node.range[0], node });
          this.anchors.set(anchor, list);
        }
      },
    });
  }

  line(node: Node | null | undefined, fallback = 0): number {
    return node?.range ? this.lc.linePos(node.range[0]).line : fallback;
  }

  /** The node an alias stands for (the last anchor of that name before it); other nodes as they are. */
  resolve(node: unknown): Node | null {
    if (isAlias(node)) {
      const list = this.anchors.get(node.source) ?? [];
      const at = node.range?.[0] ?? Number.POSITIVE_INFINITY;
      let found: Node | null = null;
      for (const a of list) if (a.start < at) found = a.node;
      return found;
    }
    return isScalar(node) || isMap(node) || isSeq(node) ? node : null;
  }

  /**
   * The entries of a mapping (null when the node is not one), merge keys
   * expanded. A key written twice is reported (Compose refuses the file).
   */
  entries(node: unknown, depth = 0): Entry[] | null {
    const map = this.resolve(node);
    if (!isMap(map)) return null;
    const out: Entry[] = [];
    const explicit = new Set<string>();
    const merged: Entry[] = [];
    for (const pair of map.items) {
      const keyNode = pair.key;
      if (isScalar(keyNode) && typeof keyNode.value === 'symbol') {
        // `<<: *base` or `<<: [*a, *b]`: the first source that has a key wins.
        // An anchor merged into itself would never end: merges nest at most a few levels.
        if (depth >= MAX_MERGE_DEPTH) {
          this.report.error(this.line(keyNode), 'yaml-merge-depth', T.mergeTooDeep());
          continue;
        }
        const v = this.resolve(pair.value);
        const sources = isSeq(v) ? v.items : [pair.value];
        for (const src of sources) for (const e of this.entries(src, depth + 1) ?? []) merged.push(e);
        continue;
      }
      const key = this.keyText(keyNode);
      const line = this.line(keyNode as Node);
      if (key === null) {
        this.report.warn(line, 'yaml-odd-key', T.oddKey());
        continue;
      }
      if (explicit.has(key)) {
        this.report.error(line, 'duplicate-key', T.duplicateKey(key));
        continue;
      }
      explicit.add(key);
      out.push({ key, line, value: (pair.value as Node | null) ?? null });
    }
    const seen = new Set(explicit);
    for (const e of merged) {
      if (seen.has(e.key)) continue;
      seen.add(e.key);
      out.push(e);
    }
    return out;
  }

  /** The items of a sequence, or null when the node is not one. */
  items(node: unknown): Node[] | null {
    const seq = this.resolve(node);
    return isSeq(seq) ? (seq.items as Node[]) : null;
  }

  /**
   * A scalar as the text Compose reads: strings as written, other scalars by
   * their source (`0700`, `true`); null for `~`/empty and for collections.
   */
  text(node: unknown): string | null {
    const n = this.resolve(node);
    if (!isScalar(n)) return null;
    if (typeof n.value === 'string') return n.value;
    if (n.value === null || n.value === undefined) return null;
    const src = (n as { source?: unknown }).source;
    return typeof src === 'string' && src !== '' ? src : String(n.value);
  }

  /** Whether the node is a scalar (including null). */
  isScalar(node: unknown): boolean {
    return isScalar(this.resolve(node));
  }

  private keyText(key: unknown): string | null {
    const k = this.resolve(key);
    if (!isScalar(k)) return null;
    if (k.value === null || k.value === undefined) return '';
    return typeof k.value === 'string' ? k.value : String((k as { source?: unknown }).source ?? k.value);
  }
}

/**
 * Compose's variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`,
 * `${VAR-default}`, `${VAR:?message}`, `${VAR:+other}`, and `$$` for a
 * dollar. The lab has no shell environment, so every variable is unset: a
 * default is used when given, otherwise the value is empty, as Compose does
 * ("The X variable is not set. Defaulting to a blank string."), with a warning.
 */
export function interpolate(value: string, line: number, report: Report): string {
  if (!value.includes('$')) return value;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const c = value[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = value[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const end = value.indexOf('}', i + 2);
      if (end < 0) {
        report.error(line, 'bad-interpolation', T.badInterpolation(value));
        return value;
      }
      const body = value.slice(i + 2, end);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?$/s.exec(body);
      if (!m) {
        report.error(line, 'bad-interpolation', T.badInterpolation(value));
        return value;
      }
      const [, name, op, arg] = m;
      if (op === ':-' || op === '-') out += arg;
      else if (op === ':?' || op === '?') report.error(line, 'variable-required', T.variableRequired(name, arg ?? ''));
      else if (op === ':+' || op === '+') {
        // Set: `other`; unset: empty.
      } else report.warn(line, 'variable-unset', T.variableUnset(name));
      i = end + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(value.slice(i + 1));
    if (m) {
      report.warn(line, 'variable-unset', T.variableUnset(m[0]));
      i += 1 + m[0].length;
      continue;
    }
    out += '$';
    i++;
  }
  return out;
}
