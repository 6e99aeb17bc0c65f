// The console's keyboard logic: Tab completion and inline hints as redis-cli
// 7.0 does them, and the per-node history walked with Up/Down.

import { describe, expect, it } from 'vitest';
import { REDIS_COMMANDS, SENTINEL_COMMANDS } from '../src/ui/panels/commands';
import { advanceCycle, completions, cycleText, hintFor, startCycle } from '../src/ui/panels/completion';
import { type HistoryCursor, historyOf, walkHistory } from '../src/ui/panels/history';

describe('Tab completion', () => {
  it('completes a prefix case-insensitively to the upper-case names, sorted', () => {
    expect(completions('se', REDIS_COMMANDS)).toEqual(['SELECT', 'SET', 'SETBIT', 'SETEX', 'SETNX', 'SETRANGE']);
    expect(completions('REPLICA', REDIS_COMMANDS)).toEqual(['REPLICAOF']);
  });

  it('container commands complete with their subcommands', () => {
    expect(completions('config g', REDIS_COMMANDS)).toEqual(['CONFIG GET']);
    expect(completions('client', REDIS_COMMANDS)).toEqual(['CLIENT', 'CLIENT GETNAME', 'CLIENT HELP', 'CLIENT ID', 'CLIENT KILL', 'CLIENT REPLY', 'CLIENT SETNAME', 'CLIENT UNBLOCK']);
  });

  it('an empty line or an unknown prefix completes nothing (Tab then moves focus)', () => {
    expect(startCycle('', REDIS_COMMANDS)).toBeNull();
    expect(startCycle('   ', REDIS_COMMANDS)).toBeNull();
    expect(startCycle('zzz', REDIS_COMMANDS)).toBeNull();
    expect(startCycle('set k', REDIS_COMMANDS)).toBeNull();
  });

  it('repeated Tab cycles through the candidates, then back to what was typed', () => {
    let c = startCycle('wa', REDIS_COMMANDS);
    expect(c).not.toBeNull();
    if (!c) return;
    expect(c.candidates).toEqual(['WAIT', 'WATCH']);
    const seen = [cycleText(c)];
    for (let i = 0; i < 3; i++) {
      c = advanceCycle(c);
      seen.push(cycleText(c));
    }
    expect(seen).toEqual(['WAIT', 'WATCH', 'wa', 'WAIT']);
    expect(cycleText(advanceCycle(startCycle('wa', REDIS_COMMANDS)!, true))).toBe('wa');
  });

  it('a Sentinel offers its own commands', () => {
    expect(completions('sentinel ma', SENTINEL_COMMANDS)).toEqual(['SENTINEL MASTER', 'SENTINEL MASTERS']);
    expect(completions('set', SENTINEL_COMMANDS)).toEqual([]);
  });
});

describe('inline hint', () => {
  it('shows the arguments after a known command name, with a leading space', () => {
    expect(hintFor('set', REDIS_COMMANDS)).toBe(' key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    expect(hintFor('SET ', REDIS_COMMANDS)).toBe('key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
  });

  it('drops the arguments already typed, up to the first optional group', () => {
    expect(hintFor('set k ', REDIS_COMMANDS)).toBe('value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    expect(hintFor('set k v', REDIS_COMMANDS)).toBe(' [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    expect(hintFor('set k v NX EX 10', REDIS_COMMANDS)).toBe(' [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    expect(hintFor('replicaof 127.0.0.1 ', REDIS_COMMANDS)).toBe('port|NO ONE');
    expect(hintFor('get k', REDIS_COMMANDS)).toBeNull();
  });

  it('a container command hints its subcommand arguments', () => {
    expect(hintFor('config get', REDIS_COMMANDS)).toBe(' parameter [parameter ...]');
    expect(hintFor('CONFIG SET maxmemory ', REDIS_COMMANDS)).toBe('value [parameter value ...]');
  });

  it('nothing for unknown commands, partial names or a line that does not split', () => {
    expect(hintFor('se', REDIS_COMMANDS)).toBeNull();
    expect(hintFor('nosuch', REDIS_COMMANDS)).toBeNull();
    expect(hintFor('set "k', REDIS_COMMANDS)).toBeNull();
    expect(hintFor('', REDIS_COMMANDS)).toBeNull();
    expect(hintFor('ping', REDIS_COMMANDS)).toBe(' [message]');
  });
});

describe('history', () => {
  const lines = [
    { node: 'm', input: 'SET a 1' },
    { node: 'r1', input: 'GET a' },
    { node: 'm', input: 'SET a 1' },
    { node: 'm', input: 'INCR n' },
    { node: 'm', input: 'SET a 1' },
  ];

  it('is per node, and a line repeated right after itself is kept once', () => {
    expect(historyOf(lines, 'm')).toEqual(['SET a 1', 'INCR n', 'SET a 1']);
    expect(historyOf(lines, 'r1')).toEqual(['GET a']);
    expect(historyOf(lines, 'r2')).toEqual([]);
  });

  it('Up walks to older lines and stops at the oldest', () => {
    const h = ['one', 'two', 'three'];
    let cursor: HistoryCursor | null = null;
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const step = walkHistory(h, cursor, seen[seen.length - 1] ?? '', 'up');
      expect(step).not.toBeNull();
      cursor = step!.cursor;
      seen.push(step!.text);
    }
    expect(seen).toEqual(['three', 'two', 'one']);
    expect(walkHistory(h, cursor, 'one', 'up')).toBeNull();
  });

  it('coming back down returns the draft that was being typed', () => {
    const h = ['SET a 1', 'GET a'];
    const up = walkHistory(h, null, 'INCR half-typ', 'up')!;
    expect(up.text).toBe('GET a');
    const up2 = walkHistory(h, up.cursor, up.text, 'up')!;
    const down = walkHistory(h, up2.cursor, up2.text, 'down')!;
    const draft = walkHistory(h, down.cursor, down.text, 'down')!;
    expect(draft.text).toBe('INCR half-typ');
    expect(walkHistory(h, draft.cursor, draft.text, 'down')).toBeNull();
  });

  it('Down without walking does nothing; an edited recalled line keeps its edit while walking', () => {
    const h = ['SET a 1', 'GET a'];
    expect(walkHistory(h, null, 'x', 'down')).toBeNull();
    const up = walkHistory(h, null, '', 'up')!;
    const up2 = walkHistory(h, up.cursor, 'GET a b', 'up')!; // edited "GET a" before moving on
    expect(up2.text).toBe('SET a 1');
    expect(walkHistory(h, up2.cursor, up2.text, 'down')!.text).toBe('GET a b');
  });

  it('a history that grew since the walk began starts a new walk from the current line', () => {
    const up = walkHistory(['a'], null, 'draft', 'up')!;
    const next = walkHistory(['a', 'b'], up.cursor, 'a', 'up')!;
    expect(next.text).toBe('b');
    expect(walkHistory(['a', 'b'], next.cursor, 'b', 'down')!.text).toBe('a');
  });
});
