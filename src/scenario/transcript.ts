// Transcript rows, one JSON object per line (conformance/FORMAT.md). The real-
// Redis recorder and the engine's runner both print these, and the comparison
// reads them back.

import { type Reply, toResp2 } from '../engine/resp/reply';

/** A reply as the transcript writes it. */
export type TranscriptReply =
  | { status: string }
  | { error: string }
  | { int: number }
  | string
  | null
  | TranscriptReply[];

/** `{"step":N,"node":"NAME","host":"H","port":P}`: a node or Sentinel was started. */
export interface NodeRow {
  step: number;
  node: string;
  host: string;
  port: number;
}

/** `{"step":N,"node":"NAME","cmd":"...","reply":R}`: one command and its reply. */
export interface CommandRow {
  step: number;
  node: string;
  cmd: string;
  reply: TranscriptReply;
}

/** `{"step":N,"directive":"sync","error":"timeout"}`: a `sync` that gave up. */
export interface DirectiveRow {
  step: number;
  directive: string;
  error: string;
}

export type TranscriptRow = NodeRow | CommandRow | DirectiveRow;

/** The reply to a command sent to a node that is down. */
export const NODE_IS_DOWN: TranscriptReply = { error: 'node is down' };

export function isCommandRow(r: TranscriptRow): r is CommandRow {
  return 'cmd' in r;
}
export function isDirectiveRow(r: TranscriptRow): r is DirectiveRow {
  return 'directive' in r;
}
export function isNodeRow(r: TranscriptRow): r is NodeRow {
  return 'host' in r && !('cmd' in r);
}

/** The engine's Reply in transcript form. Integers become JSON numbers (as the real-Redis recorder reads them). */
export function encodeReply(reply: Reply): TranscriptReply {
  switch (reply.t) {
    case 'status':
      return { status: reply.s };
    case 'error':
      return { error: reply.s };
    case 'int':
      return { int: Number(reply.n) };
    case 'bulk':
      return reply.s;
    case 'nullbulk':
    case 'nullarray':
      return null;
    case 'array':
      return reply.a.map(encodeReply);
    default:
      return encodeReply(toResp2(reply));
  }
}

/** One transcript line, without the newline. Key order follows FORMAT.md. */
export function formatRow(row: TranscriptRow): string {
  if (isCommandRow(row)) return JSON.stringify({ step: row.step, node: row.node, cmd: row.cmd, reply: row.reply });
  if (isDirectiveRow(row)) return JSON.stringify({ step: row.step, directive: row.directive, error: row.error });
  return JSON.stringify({ step: row.step, node: row.node, host: row.host, port: row.port });
}

/** Reads a JSON-lines transcript; blank lines are skipped. */
export function parseTranscript(text: string): TranscriptRow[] {
  const rows: TranscriptRow[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim();
    if (!l) continue;
    let v: unknown;
    try {
      v = JSON.parse(l);
    } catch (e) {
      throw new Error(`transcript line ${i + 1}: not JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    if (typeof v !== 'object' || v === null || typeof (v as { step?: unknown }).step !== 'number') {
      throw new Error(`transcript line ${i + 1}: not a transcript row`);
    }
    rows.push(v as TranscriptRow);
  }
  return rows;
}
