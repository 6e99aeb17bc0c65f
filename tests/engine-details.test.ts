// Engine details found while writing the lessons, each checked against real Redis 7.0.15:

import { describe, expect, it } from 'vitest';
import { World } from '../src/engine/world';

describe('network', () => {
  it('a connection started during a cut completes with the SYN retransmitted after the heal, not at repl-timeout', () => {
    const w = new World({ seed: 1 });
    w.addNode('m', []);
    w.addNode('r1', [['replicaof', '127.0.0.1 6379']]);
    w.advance(8_000);
    expect(w.views()[1].linkState).toBe('connected');
    w.partition([['m'], ['r1']]);
    // repl-timeout (60 s) drops the link; the replica starts reconnecting into the cut.
    w.advance(65_000);
    expect(w.views()[1].linkState).toBe('connecting');
    const healedAt = w.nowMs;
    w.heal();
    // SYNs go out at 1, 3, 7, 15, 31, 63 s after the first; the next one after the heal gets through.
    const ok = w.runUntil(() => w.views()[1].linkState === 'connected', 40_000);
    expect(ok).toBe(true);
    expect(w.nowMs - healedAt).toBeLessThan(35_000);
  });
});

describe('persistence INFO', () => {
  it('rdb_last_bgsave_time_sec is -1 until a BGSAVE finished, then its duration in whole seconds (0 for a small one)', () => {
    const w = new World({ seed: 1 });
    w.addNode('m', [['save', '']]);
    const c = w.connect('m');
    const field = () => /rdb_last_bgsave_time_sec:(-?\d+)/.exec(w.infoText('m') ?? '')?.[1];
    expect(field()).toBe('-1');
    w.command('m', c, ['SET', 'a', '1']);
    w.command('m', c, ['BGSAVE']);
    w.advance(1_500);
    expect(field()).toBe('0');
  });
});
