// The INFO panel's parsing, ordering, filtering and change tracking, on INFO
// texts produced by the engine itself.

import { describe, expect, it } from 'vitest';
import { World } from '../src/engine/world';
import { changedFields, fieldKey, filterSections, orderSections, parseInfo, updateRecent } from '../src/ui/panels/info';

function infoOf(w: World, node: string): string {
  const c = w.connect(node);
  const r = w.command(node, c, ['INFO']);
  if (r.t !== 'bulk') throw new Error(`INFO answered ${JSON.stringify(r)}`);
  return r.s;
}

/** A master with one replica: INFO while the full sync waits (repl-diskless-sync-delay, 5 s), and after it and a write. */
function twoInfos(): { before: string; after: string } {
  const w = new World({ seed: 1 });
  const m = w.addNode('m', []);
  w.addNode('r', []);
  const rc = w.connect('r');
  w.command('r', rc, ['REPLICAOF', m.host, String(m.port)]);
  w.advance(3000);
  const before = infoOf(w, 'm');
  const mc = w.connect('m');
  w.command('m', mc, ['SET', 'k', 'v']);
  w.advance(4000);
  return { before, after: infoOf(w, 'm') };
}

describe('parsing INFO', () => {
  const w = new World({ seed: 1 });
  w.addNode('m', []);
  const text = infoOf(w, 'm');
  const sections = parseInfo(text);

  it('finds every section Redis prints, with its fields in order', () => {
    const titles = sections.map((s) => s.title);
    expect(titles.slice(0, 5)).toEqual(['Server', 'Clients', 'Memory', 'Persistence', 'Stats']);
    expect(titles).toContain('Replication');
    expect(titles).toContain('Keyspace');
    const repl = sections.find((s) => s.title === 'Replication')!;
    expect(repl.fields[0]).toEqual({ name: 'role', value: 'master' });
    expect(repl.fields.map((f) => f.name)).toContain('master_repl_offset');
  });

  it('keeps values with colons whole and field names exactly as printed', () => {
    const parsed = parseInfo('# Replication\r\nrole:master\r\nslave0:ip=127.0.0.1,port=6380,state=online,offset=27,lag=0\r\n\r\n# Keyspace\r\ndb0:keys=1,expires=0,avg_ttl=0\r\n');
    expect(parsed).toEqual([
      { title: 'Replication', fields: [{ name: 'role', value: 'master' }, { name: 'slave0', value: 'ip=127.0.0.1,port=6380,state=online,offset=27,lag=0' }] },
      { title: 'Keyspace', fields: [{ name: 'db0', value: 'keys=1,expires=0,avg_ttl=0' }] },
    ]);
    expect(parseInfo('rpl:x\n')).toEqual([{ title: '', fields: [{ name: 'rpl', value: 'x' }] }]);
  });

  it('empty sections (Modules, Errorstats) are kept, with no fields', () => {
    expect(sections.find((s) => s.title === 'Modules')?.fields).toEqual([]);
  });

  it('orders Replication first, then Server, Clients, Persistence, Stats, Keyspace, then the rest as Redis has them', () => {
    const titles = orderSections(sections).map((s) => s.title);
    expect(titles.slice(0, 6)).toEqual(['Replication', 'Server', 'Clients', 'Persistence', 'Stats', 'Keyspace']);
    expect(titles.slice(6)).toEqual(sections.map((s) => s.title).filter((t) => !titles.slice(0, 6).includes(t)));
  });
});

describe('filtering', () => {
  const sections = parseInfo(twoInfos().after);

  it('keeps fields whose name or value contains the query, case-insensitively', () => {
    const shown = filterSections(sections, 'OFFSET');
    const names = shown.flatMap((s) => s.fields.map((f) => f.name));
    expect(names).toContain('master_repl_offset');
    expect(names).toContain('second_repl_offset');
    expect(names).toContain('slave0'); // its value has offset=…
    expect(names).not.toContain('role');
    expect(shown.every((s) => s.fields.length > 0)).toBe(true);
  });

  it('a section title keeps the whole section; an empty query keeps everything; no match gives nothing', () => {
    const repl = sections.find((s) => s.title === 'Replication')!;
    expect(filterSections(sections, 'replication').find((s) => s.title === 'Replication')?.fields).toEqual(repl.fields);
    expect(filterSections(sections, '  ')).toEqual(sections);
    expect(filterSections(sections, 'no-such-field-anywhere')).toEqual([]);
  });
});

describe('changed values', () => {
  it('marks the fields a write and a full sync changed, and not the clock fields', () => {
    const { before, after } = twoInfos();
    const changed = changedFields(parseInfo(after), parseInfo(before));
    expect(changed.has(fieldKey('Replication', 'master_repl_offset'))).toBe(true);
    expect(changed.has(fieldKey('Replication', 'slave0'))).toBe(true);
    expect(changed.has(fieldKey('Keyspace', 'db0'))).toBe(true); // a new field counts as changed
    expect(changed.has(fieldKey('Replication', 'role'))).toBe(false);
    expect(changed.has(fieldKey('Server', 'uptime_in_seconds'))).toBe(false);
    expect(changed.has(fieldKey('Server', 'server_time_usec'))).toBe(false);
  });

  it('nothing is changed without a previous INFO, or against itself', () => {
    const { after } = twoInfos();
    expect(changedFields(parseInfo(after), null).size).toBe(0);
    expect(changedFields(parseInfo(after), parseInfo(after)).size).toBe(0);
  });

  it('a highlight outlives later INFOs until it is older than the hold time', () => {
    let recent = updateRecent(new Map(), ['a'], 1000, 1500);
    recent = updateRecent(recent, ['b'], 1016, 1500);
    expect([...recent.keys()].sort()).toEqual(['a', 'b']);
    recent = updateRecent(recent, [], 2500, 1500);
    expect([...recent.keys()]).toEqual(['b']);
    recent = updateRecent(recent, ['b'], 2700, 1500);
    expect(recent.get('b')).toBe(2700);
  });
});
