// Share links: the URL carries the seed and the input log of the session,
// deflated and base64url-encoded (`?session=v1.<data>`). Replaying the inputs
// on the seed reproduces the session exactly, because the engine is
// deterministic. Anything wrong with the parameter is an error value with a
// reason, so the page can say what happened and start the default lab.

import type { Input, TimedInput } from '../engine/api';
import type { SharedSession } from '../worker/protocol';

export const SESSION_PARAM = 'session';
const PREFIX = 'v1.';
/** Longer than any browser keeps reliably in a URL; larger logs are refused both ways. */
export const MAX_SESSION_PARAM_CHARS = 60_000;
/** Inflating more than this is not a session a person made by hand (a zip bomb is refused early). */
const MAX_JSON_BYTES = 4_000_000;
const MAX_INPUTS = 20_000;

export type DecodeResult = { ok: true; session: SharedSession } | { ok: false; reason: 'too-long' | 'bad-encoding' | 'bad-data' | 'bad-version'; detail: string };

export async function encodeSession(session: SharedSession): Promise<string> {
  const json = JSON.stringify({ v: 1, seed: session.seed, viewMs: session.viewMs, headMs: session.headMs, inputs: session.inputs.map((i) => [i.atMs, i.input]) });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  return PREFIX + toBase64Url(packed);
}

export async function decodeSession(param: string): Promise<DecodeResult> {
  if (param.length > MAX_SESSION_PARAM_CHARS) return { ok: false, reason: 'too-long', detail: `${param.length} characters` };
  if (!param.startsWith(PREFIX)) return { ok: false, reason: 'bad-version', detail: param.slice(0, 8) };
  let json: string;
  try {
    const bytes = fromBase64Url(param.slice(PREFIX.length));
    json = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_JSON_BYTES));
  } catch (e) {
    return { ok: false, reason: 'bad-encoding', detail: e instanceof Error ? e.message : String(e) };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'bad-data', detail: 'not JSON' };
  }
  const problem = checkSession(data);
  if (problem) return { ok: false, reason: 'bad-data', detail: problem };
  const d = data as { seed: number; viewMs: number; headMs: number; inputs: [number, Input][] };
  return { ok: true, session: { seed: d.seed, viewMs: d.viewMs, headMs: d.headMs, inputs: d.inputs.map(([atMs, input]) => ({ atMs, input })) } };
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`more than ${maxBytes} bytes once inflated`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('characters outside base64url');
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const isStr = (x: unknown): x is string => typeof x === 'string' && x.length <= 10_000;
const isName = (x: unknown): x is string => typeof x === 'string' && /^[A-Za-z0-9_.:-]{1,64}$/.test(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isPairs = (x: unknown): boolean => Array.isArray(x) && x.length <= 500 && x.every((p) => Array.isArray(p) && p.length === 2 && isStr(p[0]) && isStr(p[1]));

function isLinkProps(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return false;
  return Object.entries(x).every(([k, v]) => (k === 'cut' ? typeof v === 'boolean' : ['latencyMs', 'bytesPerMs', 'loss'].includes(k) && isNum(v) && v >= 0));
}

/** Why `input` is not an Input the engine accepts, or null when it is. */
function checkInput(x: unknown): string | null {
  if (typeof x !== 'object' || x === null) return 'not an object';
  const i = x as Record<string, unknown>;
  switch (i.t) {
    case 'node':
      return isName(i.name) && isPairs(i.config) ? null : 'bad node';
    case 'sentinel':
      return isName(i.name) && isStr(i.masterName) && isStr(i.host) && isNum(i.port) && isNum(i.quorum) && isPairs(i.options) ? null : 'bad sentinel';
    case 'connect':
    case 'crash':
    case 'restart':
    case 'wipe-disk':
    case 'remove':
      return isName(i.node) ? null : `bad ${i.t}`;
    case 'command':
      return isName(i.node) && Array.isArray(i.argv) && i.argv.length > 0 && i.argv.length <= 10_000 && i.argv.every(isStr) && (i.client === undefined || isNum(i.client)) ? null : 'bad command';
    case 'link':
      if (!isName(i.a) || !isName(i.b)) return 'bad link';
      return isLinkProps(i.props) ? null : 'bad link properties';
    case 'default-link':
      return isLinkProps(i.props) ? null : 'bad link properties';
    case 'partition':
      return Array.isArray(i.groups) && i.groups.every((g) => Array.isArray(g) && g.every(isName)) ? null : 'bad partition';
    case 'reset':
      return isName(i.a) && isName(i.b) ? null : 'bad reset';
    case 'heal':
      return null;
    default:
      return `unknown input ${JSON.stringify(i.t)}`;
  }
}

function checkSession(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return 'not an object';
  const d = data as Record<string, unknown>;
  if (d.v !== 1) return `version ${JSON.stringify(d.v)}`;
  if (!isNum(d.seed) || !Number.isInteger(d.seed) || d.seed < 0 || d.seed > 0xffff_ffff) return 'bad seed';
  if (!isNum(d.viewMs)) return 'bad viewMs';
  if (!isNum(d.headMs) || d.headMs < d.viewMs) return 'bad headMs';
  if (!Array.isArray(d.inputs) || d.inputs.length > MAX_INPUTS) return 'bad inputs';
  let last = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < d.inputs.length; k++) {
    const entry = d.inputs[k] as unknown;
    if (!Array.isArray(entry) || entry.length !== 2 || !isNum(entry[0])) return `input ${k + 1}: not [time, input]`;
    if (entry[0] < last) return `input ${k + 1}: out of time order`;
    last = entry[0];
    const why = checkInput(entry[1]);
    if (why) return `input ${k + 1}: ${why}`;
  }
  return null;
}

export type { TimedInput };
