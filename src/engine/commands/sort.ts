// SORT and SORT_RO (sort.c): lists, sets and sorted sets by value or by
// other keys (BY pattern, GET pattern, `#`, `hash->field`), LIMIT, ASC/DESC,
// ALPHA, STORE. SORT ... STORE is propagated verbatim (a replica sorts the
// same data to the same list); sorting a set without a sort order is made
// deterministic with STORE by sorting alphabetically, as Redis does.

import { compareBytes } from '../resp/bytes';
import { E, NULL_BULK, type Reply, array, bulk, err, int } from '../resp/reply';
import type { RObj } from '../server/db';
import type { CommandSpec, Exec } from './types';
import { asciiLower, string2ll } from './util';

interface SortItem {
  obj: string;
  score: number;
  cmp: string | null;
}

/** lookupKeyByPattern: `#` is the element itself; `key_*` a string key, `hash_*->field` a hash field. */
function byPattern(x: Exec, pattern: string, subst: string): string | null {
  if (pattern === '#') return subst;
  const star = pattern.indexOf('*');
  if (star < 0) return null;
  const arrow = pattern.indexOf('->', star + 1);
  const hasField = arrow >= 0 && arrow + 2 < pattern.length;
  const keyPart = hasField ? pattern.slice(0, arrow) : pattern;
  const key = keyPart.slice(0, star) + subst + keyPart.slice(star + 1);
  const o: RObj | undefined = x.lookupRead(key);
  if (!o) return null;
  if (hasField) {
    if (o.type !== 'hash') return null;
    return o.v.get(pattern.slice(arrow + 2)) ?? null;
  }
  return o.type === 'string' ? o.v : null;
}

/** strtod with Redis' checks: the whole string must parse, no overflow, not NaN. Leading spaces are skipped as strtod does. */
function strtodStrict(s: string): number | null {
  const t = s.replace(/^[ \t\n\v\f\r]+/, '');
  if (t === '') return s === '' ? 0 : null;
  let v: number;
  if (/^[+-]?0x[0-9a-f]+$/i.test(t)) v = (t.startsWith('-') ? -1 : 1) * Number.parseInt(t.replace(/^[+-]?0x/i, ''), 16);
  else if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) v = Number(t);
  else return null;
  if (!Number.isFinite(v)) return null; // ERANGE
  return v;
}

function sortGeneric(x: Exec, readonly: boolean): Reply {
  const argv = x.argv;
  let desc = false;
  let alpha = false;
  let limitStart = 0n;
  let limitCount = -1n;
  let dontsort = false;
  let sortby: string | null = null;
  let storekey: string | null = null;
  const gets: string[] = [];
  for (let j = 2; j < argv.length; j++) {
    const left = argv.length - j - 1;
    const opt = asciiLower(argv[j]);
    if (opt === 'asc') desc = false;
    else if (opt === 'desc') desc = true;
    else if (opt === 'alpha') alpha = true;
    else if (opt === 'limit' && left >= 2) {
      const s = string2ll(argv[j + 1]);
      if (s === null) return err(E.notInt);
      const c = string2ll(argv[j + 2]);
      if (c === null) return err(E.notInt);
      limitStart = s;
      limitCount = c;
      j += 2;
    } else if (!readonly && opt === 'store' && left >= 1) {
      storekey = argv[++j];
    } else if (opt === 'by' && left >= 1) {
      sortby = argv[++j];
      if (!sortby.includes('*')) dontsort = true;
    } else if (opt === 'get' && left >= 1) {
      gets.push(argv[++j]);
    } else return err(E.syntax);
  }
  const found = x.lookupRead(argv[1]);
  if (found && found.type !== 'set' && found.type !== 'list' && found.type !== 'zset') return err(E.wrongType);
  const val: RObj = found ?? { type: 'list', v: [] };
  if (dontsort && val.type === 'set' && storekey !== null) {
    dontsort = false;
    alpha = true;
    sortby = null;
  }
  let elements: string[];
  if (val.type === 'list') elements = val.v.slice();
  else if (val.type === 'set') elements = [...val.v];
  else if (val.type === 'zset') {
    elements = [...val.v].sort((a, b) => (a[1] !== b[1] ? (a[1] < b[1] ? -1 : 1) : compareBytes(a[0], b[0]))).map(([m]) => m);
  } else elements = [];
  const n = BigInt(elements.length);
  let start = limitStart < 0n ? 0n : limitStart > n ? n : limitStart;
  const count = limitCount < -1n ? -1n : limitCount > n ? n : limitCount;
  let end = count < 0n ? n - 1n : start + count - 1n;
  if (start >= n) {
    start = n - 1n;
    end = n - 2n;
  }
  if (end >= n) end = n - 1n;
  // A list or sorted set kept in its own order: DESC walks it backwards.
  if (dontsort && (val.type === 'list' || val.type === 'zset') && desc) elements.reverse();

  let conversionError = false;
  if (!dontsort) {
    const items: SortItem[] = elements.map((obj) => ({ obj, score: 0, cmp: null }));
    for (const it of items) {
      const by = sortby !== null ? byPattern(x, sortby, it.obj) : it.obj;
      if (by === null) continue;
      if (alpha) {
        if (sortby !== null) it.cmp = by;
      } else {
        const v = strtodStrict(by);
        if (v === null) conversionError = true;
        else it.score = v;
      }
    }
    const byPat = sortby !== null;
    items.sort((a, b) => {
      let c: number;
      if (!alpha) c = a.score > b.score ? 1 : a.score < b.score ? -1 : compareBytes(a.obj, b.obj);
      else if (byPat) c = a.cmp === null || b.cmp === null ? (a.cmp === b.cmp ? 0 : a.cmp === null ? -1 : 1) : compareBytes(a.cmp, b.cmp);
      else c = compareBytes(a.obj, b.obj);
      return desc ? -c : c;
    });
    elements = items.map((i) => i.obj);
  }
  if (conversionError) return err("ERR One or more scores can't be converted into double");
  const picked = end >= start ? elements.slice(Number(start), Number(end) + 1) : [];
  if (storekey === null) {
    const out: Reply[] = [];
    for (const e of picked) {
      if (gets.length === 0) out.push(bulk(e));
      for (const g of gets) {
        const v = byPattern(x, g, e);
        out.push(v === null ? NULL_BULK : bulk(v));
      }
    }
    return array(out);
  }
  const stored: string[] = [];
  for (const e of picked) {
    if (gets.length === 0) stored.push(e);
    for (const g of gets) stored.push(byPattern(x, g, e) ?? '');
  }
  if (stored.length > 0) {
    x.setKey(storekey, { type: 'list', v: stored });
    x.dirty(stored.length);
  } else if (x.dbDelete(storekey)) {
    x.dirty();
  }
  return int(stored.length);
}

export const sortCommands: CommandSpec[] = [
  { name: 'sort', arity: -2, flags: { write: true }, handler: (x) => sortGeneric(x, false) },
  { name: 'sort_ro', arity: -2, flags: {}, handler: (x) => sortGeneric(x, true) },
];
