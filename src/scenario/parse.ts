// Parses a scenario (.scn) into steps, as conformance/FORMAT.md describes.
// The same parse feeds the real-Redis recorder and the engine's runner, so a
// line means the same thing on both sides. Errors carry the 1-based line number
// of the file, so a scenario author can find the bad line at once.

import { TokenizeError, tokenize } from './tokenize';

export class ScenarioError extends Error {
  /** 1-based line number in the scenario file. */
  readonly line: number;
  /** The message without the "line N:" prefix. */
  readonly detail: string;
  constructor(line: number, detail: string) {
    super(`line ${line}: ${detail}`);
    this.name = 'ScenarioError';
    this.line = line;
    this.detail = detail;
  }
}

/** One `name value` pair of a `node` (redis.conf directive) or `sentinel` (per-master option) line. */
export interface ConfigPair {
  name: string;
  /** As written. A value `$OTHER` is kept unexpanded: the runner turns it into host and port. */
  value: string;
}

interface StepBase {
  /** Step number as printed in the transcript: 1-based, blank and `#` lines not counted. */
  step: number;
  /** 1-based line number in the file. */
  line: number;
}

export interface NodeStep extends StepBase {
  kind: 'node';
  name: string;
  config: ConfigPair[];
}

export interface CommandStep extends StepBase {
  kind: 'command';
  node: string;
  /** The text after `NAME>`, trimmed, exactly as written: the transcript's `cmd`. */
  text: string;
  /** The arguments of `text`, `$OTHER` references not yet expanded (see expandArgs). */
  args: string[];
}

export interface SentinelStep extends StepBase {
  kind: 'sentinel';
  name: string;
  /** The master name Sentinel knows the monitored node by (`mymaster`). */
  masterName: string;
  /** The scenario node it monitors. */
  target: string;
  quorum: number;
  /** Per-master Sentinel settings (`down-after-milliseconds 1000`, ...). */
  options: ConfigPair[];
}

export interface SyncStep extends StepBase {
  kind: 'sync';
}
export interface SleepStep extends StepBase {
  kind: 'sleep';
  ms: number;
}
export interface CrashStep extends StepBase {
  kind: 'crash';
  node: string;
}
export interface RestartStep extends StepBase {
  kind: 'restart';
  node: string;
}

/**
 * Engine-only directives (the simulated network; real Redis on loopback cannot
 * play them, so the recorder refuses them): `link A B [latency MS]
 * [bandwidth BYTES_PER_MS] [loss P]`, `partition A B | C D`, `heal`, `reset A B`.
 */
export interface LinkStep extends StepBase {
  kind: 'link';
  a: string;
  b: string;
  latencyMs?: number;
  bytesPerMs?: number;
  loss?: number;
}
export interface PartitionStep extends StepBase {
  kind: 'partition';
  groups: string[][];
}
export interface HealStep extends StepBase {
  kind: 'heal';
}
export interface ResetStep extends StepBase {
  kind: 'reset';
  a: string;
  b: string;
}

export type Step = NodeStep | CommandStep | SentinelStep | SyncStep | SleepStep | CrashStep | RestartStep | LinkStep | PartitionStep | HealStep | ResetStep;

export interface Scenario {
  steps: Step[];
}

export interface Address {
  host: string;
  port: number;
}

/** A node name usable in `NAME>` and `$NAME`. */
const NAME = /^[A-Za-z0-9_-]+$/;
const COMMAND_LINE = /^([A-Za-z0-9_-]+)>\s*(.*)$/;
const REF = /^\$([A-Za-z0-9_-]+)$/;

/**
 * `$OTHER` -> OTHER's host and port (two arguments), when addressOf knows
 * OTHER at that point of the scenario; any other argument, including `$X` for
 * a name that is not a node (yet), stays as written.
 */
export function expandArgs(tokens: readonly string[], addressOf: (name: string) => Address | undefined): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const ref = REF.exec(t);
    const addr = ref ? addressOf(ref[1]) : undefined;
    if (addr) out.push(addr.host, String(addr.port));
    else out.push(t);
  }
  return out;
}

function pairs(tokens: readonly string[], lineNo: number, what: string): ConfigPair[] {
  if (tokens.length % 2 !== 0) {
    throw new ScenarioError(lineNo, `${what} '${tokens[tokens.length - 1]}' has no value (expected name value pairs)`);
  }
  const out: ConfigPair[] = [];
  for (let i = 0; i < tokens.length; i += 2) out.push({ name: tokens[i], value: tokens[i + 1] });
  return out;
}

function known(names: ReadonlySet<string>): string {
  return names.size ? [...names].join(', ') : 'none yet';
}

export function parseScenario(text: string): Scenario {
  const steps: Step[] = [];
  const nodes = new Set<string>(); // every node and sentinel declared so far
  const dataNodes = new Set<string>(); // `node` lines only: what a sentinel may monitor
  const lines = text.split('\n');
  let step = 0;

  const tokens = (s: string, lineNo: number): string[] => {
    try {
      return tokenize(s);
    } catch (e) {
      if (e instanceof TokenizeError) throw new ScenarioError(lineNo, e.message);
      throw e;
    }
  };
  const newName = (name: string | undefined, lineNo: number, directive: string): string => {
    if (name === undefined || name === '') throw new ScenarioError(lineNo, `${directive} needs a name`);
    if (!NAME.test(name)) {
      throw new ScenarioError(lineNo, `bad name '${name}': use letters, digits, '_' and '-' only`);
    }
    if (nodes.has(name)) throw new ScenarioError(lineNo, `duplicate node name '${name}'`);
    return name;
  };
  const existing = (args: readonly string[], lineNo: number, directive: string): string => {
    if (args.length !== 1) throw new ScenarioError(lineNo, `expected: ${directive} NAME`);
    const name = args[0];
    if (!nodes.has(name)) throw new ScenarioError(lineNo, `unknown node '${name}' (known: ${known(nodes)})`);
    return name;
  };

  for (let idx = 0; idx < lines.length; idx++) {
    const lineNo = idx + 1;
    const line = lines[idx].trim();
    if (!line || line.startsWith('#')) continue;
    step++;
    const base = { step, line: lineNo };

    const cmd = COMMAND_LINE.exec(line);
    if (cmd) {
      const [, node, rest] = cmd;
      if (!nodes.has(node)) throw new ScenarioError(lineNo, `unknown node '${node}' (known: ${known(nodes)})`);
      const args = tokens(rest, lineNo);
      if (args.length === 0) throw new ScenarioError(lineNo, `empty command after '${node}>'`);
      steps.push({ kind: 'command', ...base, node, text: rest, args });
      continue;
    }

    const [directive, ...rest] = tokens(line, lineNo);
    switch (directive) {
      case 'node': {
        const name = newName(rest[0], lineNo, 'node');
        const config = pairs(rest.slice(1), lineNo, 'config');
        nodes.add(name);
        dataNodes.add(name);
        steps.push({ kind: 'node', ...base, name, config });
        break;
      }
      case 'sentinel': {
        const usage = 'expected: sentinel NAME monitor MASTERNAME $node QUORUM [option value]...';
        const [rawName, kw, masterName, ref, quorum, ...opts] = rest;
        if (kw !== 'monitor' || masterName === undefined || ref === undefined || quorum === undefined) {
          throw new ScenarioError(lineNo, usage);
        }
        const name = newName(rawName, lineNo, 'sentinel');
        const target = REF.exec(ref)?.[1];
        if (target === undefined) throw new ScenarioError(lineNo, `the monitored node must be written $NAME, got '${ref}'; ${usage}`);
        if (!dataNodes.has(target)) {
          throw new ScenarioError(lineNo, `sentinel ${name} monitors unknown node '${target}' (known: ${known(dataNodes)})`);
        }
        if (!/^\d+$/.test(quorum) || Number(quorum) < 1) {
          throw new ScenarioError(lineNo, `quorum must be a positive integer, got '${quorum}'`);
        }
        const options = pairs(opts, lineNo, 'sentinel option');
        nodes.add(name);
        steps.push({ kind: 'sentinel', ...base, name, masterName, target, quorum: Number(quorum), options });
        break;
      }
      case 'sync':
        if (rest.length) throw new ScenarioError(lineNo, 'sync takes no arguments');
        steps.push({ kind: 'sync', ...base });
        break;
      case 'sleep':
        if (rest.length !== 1 || !/^\d+$/.test(rest[0])) {
          throw new ScenarioError(lineNo, `expected: sleep MS (a non-negative integer of milliseconds), got '${rest.join(' ')}'`);
        }
        steps.push({ kind: 'sleep', ...base, ms: Number(rest[0]) });
        break;
      case 'crash':
        steps.push({ kind: 'crash', ...base, node: existing(rest, lineNo, 'crash') });
        break;
      case 'restart':
        steps.push({ kind: 'restart', ...base, node: existing(rest, lineNo, 'restart') });
        break;
      case 'link': {
        const usage = 'expected: link A B [latency MS] [bandwidth BYTES_PER_MS] [loss 0..1]';
        const [a, b, ...opts] = rest;
        for (const n of [a, b]) {
          if (n === undefined) throw new ScenarioError(lineNo, usage);
          if (!nodes.has(n)) throw new ScenarioError(lineNo, `unknown node '${n}' (known: ${known(nodes)})`);
        }
        if (a === b) throw new ScenarioError(lineNo, 'a link joins two different nodes');
        const st: LinkStep = { kind: 'link', ...base, a, b };
        for (const { name, value } of pairs(opts, lineNo, 'link option')) {
          const v = Number(value);
          if (!Number.isFinite(v) || v < 0) throw new ScenarioError(lineNo, `link ${name} must be a non-negative number, got '${value}'`);
          if (name === 'latency') st.latencyMs = Math.round(v);
          else if (name === 'bandwidth') st.bytesPerMs = v;
          else if (name === 'loss' && v <= 1) st.loss = v;
          else throw new ScenarioError(lineNo, `bad link option '${name} ${value}'; ${usage}`);
        }
        steps.push(st);
        break;
      }
      case 'partition': {
        const groups: string[][] = [[]];
        for (const t of rest) {
          if (t === '|') groups.push([]);
          else if (!nodes.has(t)) throw new ScenarioError(lineNo, `unknown node '${t}' (known: ${known(nodes)})`);
          else groups[groups.length - 1].push(t);
        }
        if (groups.length < 2 || groups.some((g) => g.length === 0)) throw new ScenarioError(lineNo, 'expected: partition A B | C D (two or more groups of nodes separated by |)');
        steps.push({ kind: 'partition', ...base, groups });
        break;
      }
      case 'reset': {
        const [a, b] = rest;
        if (rest.length !== 2 || a === b) throw new ScenarioError(lineNo, 'expected: reset A B (two different nodes)');
        for (const n of rest) if (!nodes.has(n)) throw new ScenarioError(lineNo, `unknown node '${n}' (known: ${known(nodes)})`);
        steps.push({ kind: 'reset', ...base, a, b });
        break;
      }
      case 'heal':
        if (rest.length) throw new ScenarioError(lineNo, 'heal takes no arguments');
        steps.push({ kind: 'heal', ...base });
        break;
      default:
        throw new ScenarioError(
          lineNo,
          `unknown directive '${directive}' (expected node, sentinel, sync, sleep, crash, restart, link, partition, heal, reset or NAME> command)`,
        );
    }
  }
  return { steps };
}
