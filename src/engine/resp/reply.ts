// Replies as Redis produces them (RESP2). Integers may exceed 2^53 (INCR up to
// 2^63-1), so an integer reply carries a bigint when it has to.

export type Reply =
  | { t: 'status'; s: string }
  | { t: 'error'; s: string }
  | { t: 'int'; n: number | bigint }
  | { t: 'bulk'; s: string }
  | { t: 'nullbulk' }
  | { t: 'array'; a: Reply[] }
  | { t: 'nullarray' };

export const OK: Reply = Object.freeze({ t: 'status', s: 'OK' }) as Reply;
export const QUEUED: Reply = Object.freeze({ t: 'status', s: 'QUEUED' }) as Reply;
export const NULL_BULK: Reply = Object.freeze({ t: 'nullbulk' }) as Reply;
export const NULL_ARRAY: Reply = Object.freeze({ t: 'nullarray' }) as Reply;

export const status = (s: string): Reply => ({ t: 'status', s });
export const err = (s: string): Reply => ({ t: 'error', s });
export const int = (n: number | bigint): Reply => ({ t: 'int', n });
export const bulk = (s: string | null): Reply => (s === null ? NULL_BULK : { t: 'bulk', s });
export const array = (a: Reply[]): Reply => ({ t: 'array', a });
export const bulks = (items: readonly string[]): Reply => ({ t: 'array', a: items.map((s) => ({ t: 'bulk', s })) });

/** Error texts shared by many commands, exactly as Redis 7.0 prints them (without the leading '-'). */
export const E = {
  syntax: 'ERR syntax error',
  notInt: 'ERR value is not an integer or out of range',
  notFloat: 'ERR value is not a valid float',
  wrongType: 'WRONGTYPE Operation against a key holding the wrong kind of value',
  overflow: 'ERR increment or decrement would overflow',
  dbRange: 'ERR DB index is out of range',
  readonly: "READONLY You can't write against a read only replica.",
  masterdown: "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.",
  noreplicas: 'NOREPLICAS Not enough good replicas to write.',
  execAbort: 'EXECABORT Transaction discarded because of previous errors.',
  arity: (name: string): string => `ERR wrong number of arguments for '${name}' command`,
} as const;

export function isError(r: Reply): r is { t: 'error'; s: string } {
  return r.t === 'error';
}
