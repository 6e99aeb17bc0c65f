// Scenario lines as conformance/FORMAT.md defines them, and the errors a bad
// line gets (with its line number in the file).

import { describe, expect, it } from 'vitest';
import { expandArgs, parseScenario, ScenarioError } from '../src/scenario/parse';
import { TokenizeError, tokenize } from '../src/scenario/tokenize';

describe('tokenize', () => {
  it('splits on any whitespace', () => {
    expect(tokenize('  SET \t a   1 ')).toEqual(['SET', 'a', '1']);
    expect(tokenize('')).toEqual([]);
  });

  it('reads quoted arguments with spaces and escapes', () => {
    expect(tokenize('SET k "hello world"')).toEqual(['SET', 'k', 'hello world']);
    expect(tokenize('CONFIG SET save ""')).toEqual(['CONFIG', 'SET', 'save', '']);
    expect(tokenize('"a\\nb\\rc\\td\\"e\\\\f"')).toEqual(['a\nb\rc\td"e\\f']);
    expect(tokenize('"\\x41\\x7a\\x00"')).toEqual(['Az\u0000']);
    expect(tokenize('"\\q"')).toEqual(['q']);
  });

  it('keeps quotes inside an unquoted argument', () => {
    expect(tokenize('a"b"')).toEqual(['a"b"']);
  });

  it('reports an unterminated quote and a bad \\x escape', () => {
    expect(() => tokenize('SET k "abc')).toThrow(TokenizeError);
    expect(() => tokenize('SET k "abc\\"')).toThrow(/unterminated/);
    expect(() => tokenize('"\\x4"')).toThrow(/\\x/);
    expect(() => tokenize('"\\xZZ"')).toThrow(/two hex digits/);
    expect(() => tokenize('"a"b')).toThrow(/closing quote/);
  });
});

describe('parseScenario', () => {
  const scn = [
    '# a comment',
    '',
    'node m save "" repl-ping-replica-period 3600',
    '   # indented comment',
    'node r replicaof $m',
    'sync',
    'm>   SET k "v w"  ',
    'r> REPLICAOF $m',
    'm> GET $nobody',
    'sleep 250',
    'crash r',
    'restart r',
    'sentinel s1 monitor mym $m 2 down-after-milliseconds 1000',
    's1> SENTINEL get-master-addr-by-name mym',
  ].join('\n');

  it('numbers steps from 1, skipping blank and # lines, and keeps file line numbers', () => {
    const { steps } = parseScenario(scn);
    expect(steps.map((s) => [s.step, s.line, s.kind])).toEqual([
      [1, 3, 'node'],
      [2, 5, 'node'],
      [3, 6, 'sync'],
      [4, 7, 'command'],
      [5, 8, 'command'],
      [6, 9, 'command'],
      [7, 10, 'sleep'],
      [8, 11, 'crash'],
      [9, 12, 'restart'],
      [10, 13, 'sentinel'],
      [11, 14, 'command'],
    ]);
  });

  it('keeps config values and $references unexpanded, and the command text as written', () => {
    const { steps } = parseScenario(scn);
    expect(steps[0]).toMatchObject({
      kind: 'node',
      name: 'm',
      config: [
        { name: 'save', value: '' },
        { name: 'repl-ping-replica-period', value: '3600' },
      ],
    });
    expect(steps[1]).toMatchObject({ kind: 'node', name: 'r', config: [{ name: 'replicaof', value: '$m' }] });
    expect(steps[3]).toMatchObject({ kind: 'command', node: 'm', text: 'SET k "v w"', args: ['SET', 'k', 'v w'] });
    expect(steps[4]).toMatchObject({ kind: 'command', node: 'r', args: ['REPLICAOF', '$m'] });
    expect(steps[6]).toMatchObject({ kind: 'sleep', ms: 250 });
    expect(steps[9]).toMatchObject({
      kind: 'sentinel',
      name: 's1',
      masterName: 'mym',
      target: 'm',
      quorum: 2,
      options: [{ name: 'down-after-milliseconds', value: '1000' }],
    });
  });

  it('expands $NODE into host and port only for known nodes', () => {
    const addr = (n: string) => (n === 'm' ? { host: '127.0.0.1', port: 7400 } : undefined);
    expect(expandArgs(['REPLICAOF', '$m'], addr)).toEqual(['REPLICAOF', '127.0.0.1', '7400']);
    expect(expandArgs(['GET', '$nobody', 'x$m', '$m$'], addr)).toEqual(['GET', '$nobody', 'x$m', '$m$']);
  });

  const bad: [string, number, RegExp][] = [
    ['node m\nfoo bar', 2, /unknown directive 'foo'/],
    ['node m\n\nx> PING', 3, /unknown node 'x'/],
    ['node m\nr> PING\nnode r', 2, /unknown node 'r'/],
    ['node', 1, /needs a name/],
    ['node m\n# c\nnode m', 3, /duplicate node name 'm'/],
    ['node m.x', 1, /bad name/],
    ['node m save', 1, /'save' has no value/],
    ['node m\nm>', 2, /empty command/],
    ['node m\nm>    ', 2, /empty command/],
    ['node m\nm> SET k "v', 2, /unterminated/],
    ['node m\nm> SET k "\\xg1"', 2, /\\x/],
    ['sleep', 1, /sleep MS/],
    ['sleep -5', 1, /sleep MS/],
    ['sleep 1.5', 1, /sleep MS/],
    ['sleep abc', 1, /sleep MS/],
    ['sync now', 1, /no arguments/],
    ['node m\ncrash r', 2, /unknown node 'r'/],
    ['restart', 1, /restart NAME/],
    ['node m\nsentinel s1 monitor mym $m', 2, /expected: sentinel NAME monitor/],
    ['node m\nsentinel s1 watch mym $m 1', 2, /expected: sentinel NAME monitor/],
    ['node m\nsentinel s1 monitor mym $x 1', 2, /unknown node 'x'/],
    ['node m\nsentinel s1 monitor mym m 1', 2, /\$NAME/],
    ['node m\nsentinel s1 monitor mym $m 0', 2, /quorum/],
    ['node m\nsentinel s1 monitor mym $m two', 2, /quorum/],
    ['node m\nsentinel s1 monitor mym $m 1 down-after-milliseconds', 2, /has no value/],
    ['node m\nsentinel m monitor mym $m 1', 2, /duplicate/],
    ['node m\nsentinel s1 monitor mym $m 1\nsentinel s2 monitor mym $s1 1', 3, /unknown node 's1'/],
  ];
  for (const [text, line, msg] of bad) {
    it(`rejects ${JSON.stringify(text)} at line ${line}`, () => {
      let caught: unknown;
      try {
        parseScenario(text);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ScenarioError);
      const e = caught as ScenarioError;
      expect(e.line).toBe(line);
      expect(e.message).toMatch(new RegExp(`^line ${line}: `));
      expect(e.detail).toMatch(msg);
    });
  }

  it('accepts CRLF files', () => {
    const { steps } = parseScenario('node m\r\nm> PING\r\n');
    expect(steps[1]).toMatchObject({ kind: 'command', text: 'PING', args: ['PING'] });
  });
});
