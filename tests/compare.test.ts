// The transcript comparison: what real Redis leaves to chance must not count,
// everything else must. Transcripts are built inline, in the shape the
// recorder prints.

import { describe, expect, it } from 'vitest';
import { compareTranscripts } from '../src/scenario/compare';
import { encodeReply, formatRow, type TranscriptReply, type TranscriptRow } from '../src/scenario/transcript';

const ID_A = 'a'.repeat(40);
const ID_B = 'b'.repeat(40);
const ID_C = 'c'.repeat(40);
const ID_D = 'd'.repeat(40);
const ZERO = '0'.repeat(40);

function infoMaster(replid: string, replid2: string, offset: number, replicaPort: number, extra = ''): string {
  return [
    '# Replication',
    'role:master',
    'connected_slaves:1',
    `slave0:ip=127.0.0.1,port=${replicaPort},state=online,offset=${offset},lag=0`,
    'master_failover_state:no-failover',
    `master_replid:${replid}`,
    `master_replid2:${replid2}`,
    `master_repl_offset:${offset}`,
    'second_repl_offset:-1',
    'repl_backlog_active:1',
    'repl_backlog_size:1048576',
    'repl_backlog_first_byte_offset:1',
    `repl_backlog_histlen:${offset}`,
    extra,
  ]
    .filter(Boolean)
    .map((l) => `${l}\r\n`)
    .join('');
}

/** A two-node transcript on the given ports: m then r, then the given command rows. */
function transcript(mPort: number, rPort: number, rows: [string, string, TranscriptReply][]): TranscriptRow[] {
  const out: TranscriptRow[] = [
    { step: 1, node: 'm', host: '127.0.0.1', port: mPort },
    { step: 2, node: 'r', host: '127.0.0.1', port: rPort },
  ];
  rows.forEach(([node, cmd, reply], i) => {
    out.push({ step: i + 3, node, cmd, reply });
  });
  return out;
}

describe('compareTranscripts', () => {
  it('matches a transcript with itself, given as rows or as JSON lines', () => {
    const t = transcript(7400, 7401, [['m', 'SET a 1', { status: 'OK' }]]);
    expect(compareTranscripts(t, t)).toEqual({ matched: 1, total: 1, mismatches: [] });
    const text = `${t.map(formatRow).join('\n')}\n`;
    expect(compareTranscripts(text, text).mismatches).toEqual([]);
  });

  it('compares replication ids by identity: two different ids in the same places match', () => {
    const a = transcript(7400, 7401, [
      ['m', 'INFO replication', infoMaster(ID_A, ZERO, 50, 7401)],
      ['m', 'INFO replication', infoMaster(ID_B, ID_A, 50, 7401)],
    ]);
    const b = transcript(7400, 7401, [
      ['m', 'INFO replication', infoMaster(ID_C, ZERO, 50, 7401)],
      ['m', 'INFO replication', infoMaster(ID_D, ID_C, 50, 7401)],
    ]);
    expect(compareTranscripts(a, b).mismatches).toEqual([]);
  });

  it('does not match the same id where the expected transcript has two different ids', () => {
    const expected = transcript(7400, 7401, [
      ['m', 'INFO replication', infoMaster(ID_A, ZERO, 50, 7401)],
      ['m', 'INFO replication', infoMaster(ID_B, ID_A, 50, 7401)],
    ]);
    const actual = transcript(7400, 7401, [
      ['m', 'INFO replication', infoMaster(ID_C, ZERO, 50, 7401)],
      ['m', 'INFO replication', infoMaster(ID_C, ID_C, 50, 7401)],
    ]);
    const r = compareTranscripts(expected, actual);
    expect(r.matched).toBe(1);
    expect(r.total).toBe(2);
    expect(r.mismatches).toHaveLength(1);
    expect(r.mismatches[0]).toContain('step 4 m> INFO replication');
  });

  it('keeps forty zeros apart from real ids', () => {
    const expected = transcript(7400, 7401, [['m', 'INFO replication', infoMaster(ID_A, ZERO, 0, 7401)]]);
    const actual = transcript(7400, 7401, [['m', 'INFO replication', infoMaster(ID_A, ID_B, 0, 7401)]]);
    expect(compareTranscripts(expected, actual).mismatches).toHaveLength(1);
  });

  it('ignores free INFO fields and turns addresses into node names', () => {
    const expected = transcript(7400, 7401, [
      ['m', 'INFO replication', infoMaster(ID_A, ZERO, 50, 7401)],
      ['r', 'INFO replication', '# Replication\r\nrole:slave\r\nmaster_host:127.0.0.1\r\nmaster_port:7400\r\nmaster_link_status:up\r\n'],
    ]);
    // Other ports, another lag, extra fields (timings, run ids) anywhere.
    const actual = transcript(9000, 9001, [
      [
        'm',
        'INFO replication',
        infoMaster(ID_B, ZERO, 50, 9001, 'used_memory:123456').replace('lag=0', 'lag=3').replace('# Replication\r\n', '# Replication\r\nrun_id:xyz\r\n'),
      ],
      [
        'r',
        'INFO replication',
        '# Replication\r\nrole:slave\r\nmaster_host:127.0.0.1\r\nmaster_port:9000\r\nmaster_last_io_seconds_ago:7\r\nmaster_link_status:up\r\nmaster_link_down_since_seconds:3\r\n',
      ],
    ]);
    expect(compareTranscripts(expected, actual).mismatches).toEqual([]);
  });

  it('sees a changed kept INFO field (offset, replica state, master address)', () => {
    const base = transcript(7400, 7401, [['m', 'INFO replication', infoMaster(ID_A, ZERO, 50, 7401)]]);
    const offset = transcript(7400, 7401, [['m', 'INFO replication', infoMaster(ID_A, ZERO, 51, 7401)]]);
    const state = transcript(7400, 7401, [
      ['m', 'INFO replication', infoMaster(ID_A, ZERO, 50, 7401).replace('state=online', 'state=wait_bgsave')],
    ]);
    const who = transcript(7400, 7401, [['m', 'INFO replication', infoMaster(ID_A, ZERO, 50, 7400)]]);
    expect(compareTranscripts(base, offset).mismatches).toHaveLength(1);
    expect(compareTranscripts(base, state).mismatches).toHaveLength(1);
    expect(compareTranscripts(base, who).mismatches).toHaveLength(1);
  });

  it('reduces INFO stats to sync_full / sync_partial_ok / sync_partial_err and db0 without avg_ttl', () => {
    const stats = (full: number, conns: number): string =>
      `# Stats\r\ntotal_connections_received:${conns}\r\nsync_full:${full}\r\nsync_partial_ok:0\r\nsync_partial_err:0\r\nexpired_keys:0\r\n`;
    const a = transcript(7400, 7401, [
      ['m', 'INFO stats', stats(1, 2)],
      ['m', 'INFO keyspace', '# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=99812\r\n'],
    ]);
    const b = transcript(7400, 7401, [
      ['m', 'INFO stats', stats(1, 9)],
      ['m', 'INFO keyspace', '# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=0\r\n'],
    ]);
    const c = transcript(7400, 7401, [
      ['m', 'INFO stats', stats(2, 2)],
      ['m', 'INFO keyspace', '# Keyspace\r\ndb0:keys=3,expires=1,avg_ttl=0\r\n'],
    ]);
    expect(compareTranscripts(a, b).mismatches).toEqual([]);
    expect(compareTranscripts(a, c).mismatches).toHaveLength(2);
  });

  it('compares error texts exactly', () => {
    const a = transcript(7400, 7401, [['r', 'SET a 1', { error: "READONLY You can't write against a read only replica." }]]);
    const b = transcript(7400, 7401, [['r', 'SET a 1', { error: 'READONLY You cannot write against a read only replica.' }]]);
    const r = compareTranscripts(a, b);
    expect(r.mismatches).toHaveLength(1);
    expect(r.mismatches[0]).toContain('READONLY');
    expect(compareTranscripts(a, transcript(7400, 7401, [['r', 'SET a 1', { status: 'OK' }]])).mismatches).toHaveLength(1);
  });

  it('compares integers, strings, nulls and arrays exactly', () => {
    const a = transcript(7400, 7401, [['m', 'MGET a b', ['1', null]]]);
    expect(compareTranscripts(a, transcript(7400, 7401, [['m', 'MGET a b', ['1', null]]])).mismatches).toEqual([]);
    expect(compareTranscripts(a, transcript(7400, 7401, [['m', 'MGET a b', ['1', '']]])).mismatches).toHaveLength(1);
    expect(compareTranscripts(a, transcript(7400, 7401, [['m', 'MGET a b', { int: 1 }]])).mismatches).toHaveLength(1);
  });

  it('compares ROLE with addresses as node names', () => {
    const a = transcript(7400, 7401, [
      ['m', 'ROLE', ['master', { int: 50 }, [['127.0.0.1', '7401', '50']]]],
      ['r', 'ROLE', ['slave', '127.0.0.1', { int: 7400 }, 'connected', { int: 50 }]],
    ]);
    const b = transcript(8000, 8001, [
      ['m', 'ROLE', ['master', { int: 50 }, [['127.0.0.1', '8001', '50']]]],
      ['r', 'ROLE', ['slave', '127.0.0.1', { int: 8000 }, 'connected', { int: 50 }]],
    ]);
    const wrong = transcript(8000, 8001, [
      ['m', 'ROLE', ['master', { int: 50 }, [['127.0.0.1', '8000', '50']]]],
      ['r', 'ROLE', ['slave', '127.0.0.1', { int: 8000 }, 'connect', { int: -1 }]],
    ]);
    expect(compareTranscripts(a, b).mismatches).toEqual([]);
    expect(compareTranscripts(a, wrong).mismatches).toHaveLength(2);
  });

  it('compares SENTINEL replies on names and stable fields only', () => {
    const rows = (port: number, ping: string, runid: string): TranscriptRow[] => [
      { step: 1, node: 'm', host: '127.0.0.1', port },
      { step: 2, node: 's1', host: '127.0.0.1', port: port + 1 },
      { step: 3, node: 's1', cmd: 'SENTINEL get-master-addr-by-name mym', reply: ['127.0.0.1', String(port)] },
      {
        step: 4,
        node: 's1',
        cmd: 'SENTINEL master mym',
        reply: ['name', 'mym', 'ip', '127.0.0.1', 'port', String(port), 'runid', runid, 'flags', 'master', 'last-ping-reply', ping, 'quorum', '1'],
      },
    ];
    expect(compareTranscripts(rows(7400, '12', ID_A), rows(9400, '977', ID_B)).mismatches).toEqual([]);
    const moved = rows(7400, '12', ID_A);
    moved[2] = { step: 3, node: 's1', cmd: 'SENTINEL get-master-addr-by-name mym', reply: ['127.0.0.1', '7401'] };
    expect(compareTranscripts(rows(7400, '12', ID_A), moved).mismatches).toHaveLength(1);
  });

  it('reports missing and extra steps, and a sync timeout', () => {
    const a = transcript(7400, 7401, [
      ['m', 'SET a 1', { status: 'OK' }],
      ['m', 'GET a', '1'],
    ]);
    const b = transcript(7400, 7401, [['m', 'SET a 1', { status: 'OK' }]]);
    const r = compareTranscripts(a, b);
    expect(r).toMatchObject({ matched: 1, total: 2 });
    expect(r.mismatches[0]).toMatch(/^step mismatch/);
    const timeout: TranscriptRow[] = [...b, { step: 4, directive: 'sync', error: 'timeout' }];
    expect(compareTranscripts(b, timeout).mismatches).toHaveLength(1);
    expect(compareTranscripts(timeout, timeout).mismatches).toEqual([]);
  });

  it('requires the same step numbers, nodes and command texts', () => {
    const a = transcript(7400, 7401, [['m', 'GET a', null]]);
    expect(compareTranscripts(a, transcript(7400, 7401, [['r', 'GET a', null]])).mismatches).toHaveLength(1);
    expect(compareTranscripts(a, transcript(7400, 7401, [['m', 'GET  a', null]])).mismatches).toHaveLength(1);
  });
});

describe('encodeReply / formatRow', () => {
  it('encodes every reply kind as FORMAT.md says', () => {
    expect(encodeReply({ t: 'status', s: 'OK' })).toEqual({ status: 'OK' });
    expect(encodeReply({ t: 'error', s: 'ERR x' })).toEqual({ error: 'ERR x' });
    expect(encodeReply({ t: 'int', n: 5n })).toEqual({ int: 5 });
    expect(encodeReply({ t: 'bulk', s: 'v' })).toBe('v');
    expect(encodeReply({ t: 'nullbulk' })).toBeNull();
    expect(encodeReply({ t: 'nullarray' })).toBeNull();
    expect(
      encodeReply({
        t: 'array',
        a: [
          { t: 'bulk', s: 'a' },
          { t: 'array', a: [] },
          { t: 'int', n: -1 },
        ],
      }),
    ).toEqual(['a', [], { int: -1 }]);
  });

  it('prints rows with the keys in FORMAT.md order', () => {
    expect(formatRow({ port: 7400, host: '127.0.0.1', node: 'm', step: 1 } as TranscriptRow)).toBe(
      '{"step":1,"node":"m","host":"127.0.0.1","port":7400}',
    );
    expect(formatRow({ reply: { status: 'OK' }, cmd: 'SET a 1', node: 'm', step: 2 } as TranscriptRow)).toBe(
      '{"step":2,"node":"m","cmd":"SET a 1","reply":{"status":"OK"}}',
    );
    expect(formatRow({ error: 'timeout', directive: 'sync', step: 3 } as TranscriptRow)).toBe(
      '{"step":3,"directive":"sync","error":"timeout"}',
    );
  });
});
