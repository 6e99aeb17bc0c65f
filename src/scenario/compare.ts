// Compares two scenario transcripts after normalising what real Redis leaves to
// chance: replication ids (random per history), hosts and ports, run ids,
// timings, memory figures. The normalisation is the reference one of the
// conformance kit (compare.mjs), rule for rule, so "matches here" means
// "matches there":
//  - INFO is reduced to the replication fields listed in INFO_KEEP, slaveN lines
//    to name/state/offset, master_host/master_port to the node's name, and db0
//    loses avg_ttl (an estimate of the active-expire cycle, not derivable);
//  - replication ids are compared by identity (<id1>, <id2>... in order of first
//    appearance in each transcript, forty zeros are <zero-id>);
//  - ROLE and SENTINEL replies have addresses turned into node names, and of
//    Sentinel's field lists only the fields that do not depend on timing stay.
// Everything else (error texts, integers, strings) must be equal.
// One check is added to the reference: the command text of a step must be the
// same on both sides, since FORMAT.md requires "the same steps, nodes and
// commands" (both sides play the same .scn, so this only fails when a runner
// prints `cmd` differently from what was written).

import { isCommandRow, isDirectiveRow, isNodeRow, parseTranscript, type TranscriptReply, type TranscriptRow } from './transcript';

export interface CompareResult {
  matched: number;
  total: number;
  mismatches: string[];
}

/** INFO fields that replication behaviour determines; every other field is free. */
const INFO_KEEP = new Set([
  'role',
  'connected_slaves',
  'master_failover_state',
  'master_replid',
  'master_replid2',
  'master_repl_offset',
  'second_repl_offset',
  'repl_backlog_active',
  'repl_backlog_size',
  'repl_backlog_first_byte_offset',
  'repl_backlog_histlen',
  'master_host',
  'master_port',
  'master_link_status',
  'master_sync_in_progress',
  'slave_read_repl_offset',
  'slave_repl_offset',
  'slave_priority',
  'slave_read_only',
  'replica_announced',
  'sync_full',
  'sync_partial_ok',
  'sync_partial_err',
  'db0',
]);

/** Sentinel per-instance fields that do not depend on timing or run ids. */
const SENTINEL_KEEP = [
  'name',
  'flags',
  'num-slaves',
  'num-other-sentinels',
  'quorum',
  'master-link-status',
  'role-reported',
  'slave-priority',
];

/** A normalised reply: plain JSON, compared through JSON.stringify. */
type Norm = TranscriptReply | undefined | string[] | { [k: string]: Norm } | Norm[];

/** Loose view of a row, as the reference reads rows: any field may be absent. */
interface LooseRow {
  step?: number;
  node?: string;
  cmd?: string;
  directive?: string;
  error?: string;
  reply?: TranscriptReply;
}

/** `host|port` -> node name, from the node rows of one transcript. */
function addressBook(rows: readonly TranscriptRow[]): Map<string, string> {
  const addr = new Map<string, string>();
  for (const r of rows) if (isNodeRow(r)) addr.set(`${r.host}|${r.port}`, r.node);
  return addr;
}

const str = (v: unknown): string => String(v);

function normaliser(addr: ReadonlyMap<string, string>): (cmd: string | undefined, r: TranscriptReply | undefined) => Norm {
  const ids = new Map<string, string>();
  const id = (v: string): string => {
    if (/^0{40}$/.test(v)) return '<zero-id>';
    let n = ids.get(v);
    if (n === undefined) {
      n = `<id${ids.size + 1}>`;
      ids.set(v, n);
    }
    return n;
  };
  const who = (h: unknown, p: unknown): string => addr.get(`${str(h)}|${str(p)}`) ?? `<unknown ${str(h)}:${str(p)}>`;

  function info(text: string): string[] {
    const out: string[] = [];
    const fields: [string, string][] = [];
    for (const l of text.split(/\r?\n/)) {
      const m = /^([^:#]+):(.*)$/.exec(l);
      if (m) fields.push([m[1], m[2]]);
    }
    let masterHost: string | null = null;
    for (const [k, v] of fields) if (k === 'master_host') masterHost = v;
    for (const [k, v] of fields) {
      if (/^slave\d+$/.test(k)) {
        const f = new Map(v.split(',').map((x) => x.split('=') as [string, string]));
        out.push(`${k}:${who(f.get('ip'), f.get('port'))},state=${str(f.get('state'))},offset=${str(f.get('offset'))}`);
        continue;
      }
      if (!INFO_KEEP.has(k)) continue;
      if (k === 'master_replid' || k === 'master_replid2') out.push(`${k}:${id(v)}`);
      else if (k === 'master_host') continue;
      else if (k === 'master_port') out.push(`master:${who(masterHost, v)}`);
      else if (k === 'db0') out.push(`${k}:${v.replace(/,avg_ttl=\d+/, '')}`);
      else out.push(`${k}:${v}`);
    }
    return out;
  }

  function fields(arr: TranscriptReply): { [k: string]: Norm } {
    const list = Array.isArray(arr) ? arr : [];
    const f = new Map<string, TranscriptReply>();
    for (let i = 0; i + 1 < list.length; i += 2) f.set(str(list[i]), list[i + 1]);
    const addrName = who(f.get('ip'), f.get('port'));
    const o: { [k: string]: Norm } = { addr: addrName };
    for (const k of SENTINEL_KEEP) {
      if (!f.has(k)) continue;
      const v = f.get(k) as TranscriptReply;
      o[k] = k === 'name' && /^\d+\.\d+\.\d+\.\d+:\d+$/.test(str(v)) ? addrName : v;
    }
    if (f.has('master-host')) o.master = who(f.get('master-host'), f.get('master-port'));
    return o;
  }

  function sentinel(cmd: string, r: TranscriptReply[]): Norm {
    const sub = (cmd.trim().split(/\s+/)[1] || '').toLowerCase();
    if (sub === 'get-master-addr-by-name' && r.length === 2) return [who(r[0], r[1])];
    if (sub === 'master') return fields(r);
    if (['masters', 'replicas', 'slaves', 'sentinels'].includes(sub)) {
      const list = r.map((x) => fields(x));
      const named = sub === 'sentinels' ? list.map((x) => ({ ...x, name: x.addr })) : list;
      return named.sort((a, b) => str(a.addr).localeCompare(str(b.addr)));
    }
    return r;
  }

  return (cmd, r) => {
    const c = (cmd || '').trim().split(/\s+/)[0].toUpperCase();
    if (typeof r === 'string' && c === 'INFO') return info(r);
    if (c === 'SENTINEL' && Array.isArray(r)) return sentinel(cmd || '', r);
    if (c === 'ROLE' && Array.isArray(r)) {
      if (r[0] === 'master') {
        const list = Array.isArray(r[2]) ? r[2] : [];
        return ['master', r[1], list.map((x) => (Array.isArray(x) ? [who(x[0], x[1]), x[2]] : x))];
      }
      if (r[0] === 'slave') {
        const port = r[2] !== null && typeof r[2] === 'object' && 'int' in r[2] ? r[2].int : r[2];
        return ['slave', who(r[1], port), r[3], r[4]];
      }
      return r;
    }
    return r;
  };
}

function loose(r: TranscriptRow): LooseRow {
  return r as LooseRow;
}

function rowsOf(t: string | readonly TranscriptRow[]): TranscriptRow[] {
  return typeof t === 'string' ? parseTranscript(t) : [...t];
}

/**
 * Compares an expected transcript (a golden) with an actual one. Only command
 * rows and directive rows (a `sync` timeout) are steps to compare; node rows
 * only teach each side which address is which node.
 */
export function compareTranscripts(
  expected: string | readonly TranscriptRow[],
  actual: string | readonly TranscriptRow[],
): CompareResult {
  const a = rowsOf(expected);
  const b = rowsOf(actual);
  const na = normaliser(addressBook(a));
  const nb = normaliser(addressBook(b));
  const steps = (rows: TranscriptRow[]): LooseRow[] =>
    rows.filter((r) => isCommandRow(r) || (isDirectiveRow(r) && Boolean(r.directive))).map(loose);
  const ea = steps(a);
  const eb = steps(b);
  const mismatches: string[] = [];
  const n = Math.max(ea.length, eb.length);
  for (let i = 0; i < n; i++) {
    const x = ea[i];
    const y = eb[i];
    if (!x || !y) {
      mismatches.push(`step mismatch: expected ${JSON.stringify(x)} got ${JSON.stringify(y)}`);
      continue;
    }
    // Normalise both sides in row order even when something else differs:
    // the id numbering depends on every INFO seen before.
    const ex = JSON.stringify(na(x.cmd, x.reply));
    const ac = JSON.stringify(nb(y.cmd, y.reply));
    const sameStep = x.step === y.step && x.node === y.node && x.cmd === y.cmd;
    if (!sameStep || ex !== ac || JSON.stringify(x.error) !== JSON.stringify(y.error)) {
      let msg = `step ${x.step} ${x.node}> ${x.cmd ?? x.directive}\n  expected: ${ex}\n  actual:   ${ac}`;
      if (!sameStep) msg += `\n  actual step: ${y.step} ${y.node}> ${y.cmd ?? y.directive}`;
      if (JSON.stringify(x.error) !== JSON.stringify(y.error)) {
        msg += `\n  expected error: ${JSON.stringify(x.error)}\n  actual error:   ${JSON.stringify(y.error)}`;
      }
      mismatches.push(msg);
    }
  }
  return { matched: n - mismatches.length, total: n, mismatches };
}
