// The page's store and trace log, fed by a real engine host (no browser):
// frames land in the store, messages in flight are found at any playback
// time, acting in the past asks first, branching drops the old future.

import { beforeEach, describe, expect, it } from 'vitest';
import { attachEngine, lab, receive, traceLog, useLab } from '../src/state/lab';
import { EngineHost } from '../src/worker/host';
import { PROTOCOL_VERSION, type UiToEngine } from '../src/worker/protocol';

function connect() {
  const sent: UiToEngine[] = [];
  const host = new EngineHost((m) => receive(m));
  attachEngine({
    post: (m) => {
      sent.push(m);
      host.handle(m);
    },
  });
  host.handle({ type: 'hello', version: PROTOCOL_VERSION, seed: 5 });
  return { host, sent };
}

beforeEach(() => {
  useLab.setState({ consoles: [], notices: [], pendingBranch: null, selected: null });
});

describe('lab store', () => {
  it('a typed command shows as pending, then with the reply as redis-cli prints it', () => {
    connect();
    expect(lab.command('m', '   ')).toBe('empty');
    expect(lab.command('m', 'SET a "unterminated')).toBe('bad-arguments');
    expect(lab.command('m', 'SET greeting hello')).toBeNull();
    expect(lab.command('r1', 'SET x 1')).toBeNull();
    const lines = useLab.getState().consoles;
    expect(lines.map((l) => [l.node, l.input, l.output, l.error])).toEqual([
      ['m', 'SET greeting hello', 'OK', false],
      ['r1', 'SET x 1', "(error) READONLY You can't write against a read only replica.", true],
    ]);
  });

  it('the trace log finds the stream messages in flight between send and delivery', () => {
    connect();
    lab.command('m', 'SET k v');
    const s = useLab.getState();
    const stream = traceLog.msgs.filter((m) => m.kind === 'stream' && m.text === 'SET k v');
    expect(stream.map((m) => m.to).sort()).toEqual(['r1', 'r2']);
    const mid = (stream[0].sentMs + stream[0].deliverMs) / 2;
    expect(traceLog.inFlightAt(mid).filter((m) => m.text === 'SET k v')).toHaveLength(2);
    expect(traceLog.inFlightAt(stream[0].deliverMs).filter((m) => m.text === 'SET k v')).toHaveLength(0);
    expect(traceLog.inFlightAt(stream[0].sentMs - 1).filter((m) => m.text === 'SET k v')).toHaveLength(0);
    expect(s.viewMs).toBe(stream[0].sentMs);
    const next = traceLog.nextMomentAfter(stream[0].sentMs)!;
    expect(next).toBeGreaterThan(stream[0].sentMs);
    expect(next).toBeLessThanOrEqual(stream[0].deliverMs);
  });

  it('acting in the past waits for confirmation, then branches and drops the later trace', () => {
    const { sent, host } = connect();
    const t0 = useLab.getState().viewMs;
    host.handle({ type: 'advance', ms: 100 });
    lab.command('m', 'SET first 1');
    host.handle({ type: 'advance', ms: 500 });
    receive({ type: 'error', message: 'ignored' });
    const seenBefore = traceLog.msgs.length;
    lab.seek(t0);
    expect(useLab.getState().viewMs).toBe(t0);
    expect(useLab.getState().headMs).toBeGreaterThan(t0);
    expect(lab.command('m', 'SET second 2')).toBeNull();
    expect(useLab.getState().pendingBranch?.atMs).toBe(t0);
    expect(sent.filter((m) => m.type === 'command')).toHaveLength(1);
    lab.confirmBranch();
    expect(sent.map((m) => m.type).slice(-2)).toEqual(['branch', 'command']);
    expect(traceLog.msgs.length).toBeLessThan(seenBefore + 10);
    expect(traceLog.msgs.some((m) => m.text === 'SET first 1')).toBe(false);
    expect(traceLog.msgs.some((m) => m.text === 'SET second 2')).toBe(true);
    expect(useLab.getState().consoles.at(-1)?.output).toBe('OK');
  });

  it('cancelling keeps the future and sends nothing', () => {
    const { sent, host } = connect();
    const t0 = useLab.getState().viewMs;
    lab.command('m', 'SET a 1');
    host.handle({ type: 'advance', ms: 500 });
    lab.seek(t0);
    const before = sent.length;
    lab.fault({ kind: 'crash', node: 'm' });
    lab.cancelBranch();
    expect(sent.length).toBe(before);
    expect(useLab.getState().headMs).toBeGreaterThan(t0);
  });

  it('engine problems become notices; the INFO of the selected node arrives', () => {
    connect();
    lab.select('r2');
    expect(useLab.getState().info?.node).toBe('r2');
    expect(useLab.getState().info?.text).toContain('role:slave');
    lab.fault({ kind: 'crash', node: 'nobody' });
    expect(useLab.getState().notices.at(-1)?.text).toContain('nobody');
  });
});
