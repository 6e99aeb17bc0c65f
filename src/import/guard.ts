// Checks that run before any parser sees the input, so that a huge file,
// binary junk or a document nested thousands of levels deep gets a clear
// answer at once instead of freezing the page. Each check is one linear pass.

import { MAX_IMPORT_BYTES } from './limits';
import { T } from './messages';
import type { Report } from './report';

export { MAX_IMPORT_BYTES };

/** Deeper YAML is refused before parsing (a compose file nests about 6 levels). */
export const MAX_YAML_DEPTH = 64;
/**
 * YAML with more nodes than this is refused before parsing: a compose file
 * for the lab has a few hundred, and the parser needs 25 to 70 ms per
 * thousand on a cold start, so this keeps it well within a second.
 */
export const MAX_YAML_NODES = 5_000;
/** More services than this are refused before parsing (the lab holds 12 nodes). */
export const MAX_SERVICES = 200;

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The first character no text file holds: C0 controls other than tab, line
 * feed and carriage return, DEL, and U+FFFD (what a browser decodes invalid
 * UTF-8 to). Null when the text is clean.
 */
export function findBinary(text: string): { line: number; code: number } | null {
  const m = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFD]/.exec(text);
  if (!m) return null;
  return { line: lineAt(text, m.index), code: m[0].charCodeAt(0) };
}

/**
 * The shape of a YAML document, measured without parsing it, so that the
 * parser never sees a document that would exhaust its stack or its time:
 *
 * - depth: flow collections (`[` `{` at the start of a value) count one
 *   level each, block collections one level per indentation step (and per
 *   `- ` of a compact nested sequence). Quoted scalars and comments are
 *   skipped so their brackets do not count. It errs on the deep side only
 *   for odd files (a block scalar whose lines keep indenting further).
 * - nodes: lines with content plus flow collections and flow items, about
 *   the number of nodes the parser would build.
 *
 * Returns the first limit exceeded and its line, or null.
 */
export function yamlTooBig(text: string, maxDepth: number, maxNodes: number): { what: 'depth' | 'nodes'; line: number } | null {
  const indents: number[] = [];
  let flow = 0;
  let nodes = 0;
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // At the start of a line (outside flow collections): indentation and compact sequences.
    let col = 0;
    while (i < n && text[i] === ' ') {
      i++;
      col++;
    }
    const c0 = text[i];
    if (c0 !== '\n' && c0 !== '\r' && c0 !== '#' && c0 !== undefined) {
      if (++nodes > maxNodes) return { what: 'nodes', line };
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1] > col + 1) indents.pop();
        if (indents.length === 0 || indents[indents.length - 1] < col + 1) indents.push(col + 1);
        let dashes = 0;
        while (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\n')) {
          dashes++;
          i++;
          while (text[i] === ' ') i++;
        }
        if (indents.length + dashes > maxDepth) return { what: 'depth', line };
      }
    }
    // The rest of the line: values, flow collections, quoted scalars, comments.
    let valueStart = true;
    while (i < n && text[i] !== '\n') {
      const c = text[i];
      if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
        while (i < n && text[i] !== '\n') i++;
        break;
      }
      if (valueStart && (c === '"' || c === "'")) {
        // A quoted scalar may span lines; its content never nests.
        i++;
        while (i < n && text[i] !== c) {
          if (text[i] === '\\' && c === '"') i++;
          else if (text[i] === '\n') line++;
          i++;
        }
        i++;
        valueStart = false;
        continue;
      }
      if (c === '[' || c === '{') {
        if (valueStart || flow > 0) {
          flow++;
          if (flow + indents.length > maxDepth) return { what: 'depth', line };
          if (++nodes > maxNodes) return { what: 'nodes', line };
        }
        valueStart = true;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        valueStart = false;
      } else if (c === ',' && flow > 0) {
        if (++nodes > maxNodes) return { what: 'nodes', line };
        valueStart = true;
      } else if (c === ':' || c === '-' || c === '?') {
        const next = text[i + 1];
        valueStart = next === ' ' || next === '\t' || next === '\n' || next === undefined || (flow > 0 && (next === '[' || next === '{' || next === ','));
      } else if (c !== ' ' && c !== '\t' && c !== '\r') {
        valueStart = false;
      }
      i++;
    }
    i++;
    line++;
  }
  return null;
}

/**
 * The number of entries of a top-level `services:` block mapping, counted on
 * lines (the keys indented like its first key), and the line of the first
 * entry beyond `limit`. Lets a file with thousands of services be refused
 * before the YAML parser spends seconds on it. Null when within the limit.
 */
export function tooManyServices(text: string, limit: number): { count: number; line: number } | null {
  const start = /^services[ \t]*:[ \t]*(#.*)?\r?$/m.exec(text);
  if (!start) return null;
  const lines = text.slice(start.index).split('\n');
  let keyIndent = -1;
  let count = 0;
  let overLine = 0;
  const firstLine = lineAt(text, start.index);
  for (let k = 1; k < lines.length; k++) {
    const l = lines[k];
    const body = l.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    const indent = l.length - body.length;
    if (indent === 0) break;
    if (keyIndent === -1) keyIndent = indent;
    if (indent === keyIndent && !body.startsWith('- ')) {
      count++;
      if (count === limit + 1) overLine = firstLine + k;
    }
  }
  return count > limit ? { count, line: overLine } : null;
}

/**
 * The checks every input goes through before it is parsed; false (with an
 * error reported) when it must not be parsed at all.
 */
export function guardInput(text: string, report: Report, kind: 'compose' | 'conf'): boolean {
  if (text.length > MAX_IMPORT_BYTES) {
    report.error(0, 'too-large', T.tooLarge(text.length, MAX_IMPORT_BYTES));
    return false;
  }
  const bin = findBinary(text);
  if (bin) {
    report.error(bin.line, 'binary', T.binary(bin.code));
    return false;
  }
  if (text.trim() === '') {
    report.error(0, 'empty', T.empty());
    return false;
  }
  if (kind === 'compose') {
    const many = tooManyServices(text, MAX_SERVICES);
    if (many) {
      report.error(many.line, 'too-many-services', T.tooManyServices(many.count, MAX_SERVICES));
      return false;
    }
    const big = yamlTooBig(text, MAX_YAML_DEPTH, MAX_YAML_NODES);
    if (big?.what === 'depth') {
      report.error(big.line, 'too-deep', T.tooDeep(MAX_YAML_DEPTH));
      return false;
    }
    if (big?.what === 'nodes') {
      report.error(big.line, 'too-many-nodes-yaml', T.tooManyYamlNodes(MAX_YAML_NODES));
      return false;
    }
  }
  return true;
}
