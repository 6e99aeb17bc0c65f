// Lesson 4: after the first sync only changes flow. The stream carries each
// write as RESP bytes (the first one after a full sync preceded by SELECT),
// offsets count those bytes, the backlog keeps them, PING keeps the link alive,
// and replicas confirm their offset with REPLCONF ACK every second.

import { inSync } from '../goals';
import { infosOn, linesOn, replicaAckOffsets, setsOn } from '../goals-lessons2to6';
import type { GoalContext, Lesson } from '../types';

/** Commands the master streamed to `replica` since the step began. */
function streamed(ctx: GoalContext, replica: string, text: RegExp): boolean {
  return ctx.msgs.some((m) => m.from === 'm' && m.to === replica && m.kind === 'stream' && text.test(m.text));
}

export const theReplicationStream: Lesson = {
  id: 'the-replication-stream',
  title: { en: 'After the first sync: the stream', ko: '첫 동기화 이후: 복제 스트림' },
  summary: {
    en: 'Only changes flow: the stream, offsets in bytes, the backlog, PING and ACKs.',
    ko: '변경분만 흐릅니다: 스트림, 바이트 단위 오프셋, 백로그, PING과 ACK.',
  },
  intro: {
    en: 'The replicas `r1` and `r2` have finished their full sync with `m`. From now on the master does not send snapshots: it sends every write, as the same command in RESP bytes, down a replication stream. Each node counts those bytes in its replication offset — the number next to it on the diagram.',
    ko: '레플리카 `r1`과 `r2`는 `m`과의 전체 동기화를 마쳤습니다. 이제 마스터는 스냅샷을 보내지 않습니다. 모든 쓰기를 같은 명령 그대로 RESP 바이트로 만들어 복제 스트림으로 보냅니다. 각 노드는 그 바이트를 복제 오프셋으로 셉니다. 다이어그램에서 노드 옆에 있는 숫자입니다.',
  },
  setup: { preset: 'default' },
  steps: [
    {
      id: 'first-write',
      task: {
        en: 'On `m`, run `SET k v` and watch the links: two commands go down to each replica. Note how much every offset grows.',
        ko: '`m`에서 `SET k v`를 실행하고 링크를 지켜보세요. 각 레플리카로 명령 두 개가 내려갑니다. 오프셋이 얼마나 늘어나는지 보세요.',
      },
      goal: (ctx) => setsOn(ctx, 'm', 'k').length > 0 && streamed(ctx, 'r1', /^SELECT\b/i) && streamed(ctx, 'r1', /^SET\b/i) && inSync(ctx, 'r1') && inSync(ctx, 'r2'),
      hints: [
        { en: 'Pick the `m` tab above the console and type `SET k v`.', ko: '콘솔 위의 `m` 탭을 고르고 `SET k v`를 입력하세요.' },
        { en: 'Keep the playback running until both replicas show the master\'s offset.', ko: '두 레플리카가 마스터와 같은 오프셋을 보일 때까지 재생을 멈추지 마세요.' },
      ],
      solution: [
        { do: 'command', node: 'm', line: 'SET k v' },
        { do: 'wait', ms: 1000 },
      ],
      wrong: [
        { do: 'command', node: 'm', line: 'GET k' },
        { do: 'wait', ms: 1000 },
      ],
      explain: {
        en: 'First `SELECT 0`, 23 bytes (`*2\\r\\n$6\\r\\nSELECT\\r\\n$1\\r\\n0\\r\\n`), then `SET k v`, 27 bytes (`*3\\r\\n$3\\r\\nSET\\r\\n$1\\r\\nk\\r\\n$1\\r\\nv\\r\\n`). After a full sync the master does not know which database the replica has selected, so the first write it streams is preceded by a `SELECT`. Offsets count stream bytes, so all three offsets grew by 23 + 27 = 50.',
        ko: '먼저 `SELECT 0` 23바이트(`*2\\r\\n$6\\r\\nSELECT\\r\\n$1\\r\\n0\\r\\n`), 그다음 `SET k v` 27바이트(`*3\\r\\n$3\\r\\nSET\\r\\n$1\\r\\nk\\r\\n$1\\r\\nv\\r\\n`)가 갔습니다. 전체 동기화 직후의 마스터는 레플리카가 어느 데이터베이스를 선택했는지 모르기 때문에, 스트림으로 보내는 첫 쓰기 앞에 `SELECT`를 붙입니다. 오프셋은 스트림의 바이트 수이므로 세 노드의 오프셋이 모두 23 + 27 = 50만큼 늘었습니다.',
      },
    },
    {
      id: 'next-write',
      task: {
        en: 'Write again, `SET k w` on `m`, and count the packets. Then run `INFO replication` on `m` and find `master_repl_offset` and the `repl_backlog_` lines.',
        ko: '`m`에서 `SET k w`로 한 번 더 쓰고 패킷 수를 세어 보세요. 그다음 `m`에서 `INFO replication`을 실행하고 `master_repl_offset`과 `repl_backlog_`으로 시작하는 줄을 찾으세요.',
      },
      goal: (ctx) => {
        if (streamed(ctx, 'r1', /^SELECT\b/i) || !streamed(ctx, 'r1', /^SET\b/i)) return false;
        return setsOn(ctx, 'm', 'k').some((w) => infosOn(ctx, 'm', w.line.id).some((i) => i.fields.get('repl_backlog_active') === '1'));
      },
      hints: [
        { en: 'In the `m` console: `SET k w`, then `INFO replication`.', ko: '`m` 콘솔에서 `SET k w`, 그다음 `INFO replication`.' },
        { en: 'Run `INFO replication` after the write, so it shows the new offset.', ko: '새 오프셋이 보이도록 `INFO replication`은 쓰기 다음에 실행하세요.' },
      ],
      solution: [
        { do: 'command', node: 'm', line: 'SET k w' },
        { do: 'wait', ms: 500 },
        { do: 'command', node: 'm', line: 'INFO replication' },
      ],
      wrong: [{ do: 'command', node: 'm', line: 'INFO replication' }],
      explain: {
        en: 'One packet this time, 27 bytes: the replicas still have database 0 selected, so no `SELECT`. `master_repl_offset` is the number of stream bytes the master has produced so far. The same bytes are kept in the replication backlog: `repl_backlog_active:1`, `repl_backlog_size:1048576` (1 MB, used as a circular buffer), `repl_backlog_first_byte_offset:1` and `repl_backlog_histlen` equal to the offset — it still holds the whole stream since the first replica attached. A replica that loses its link for a moment asks for the bytes after its own offset from this backlog instead of a new full sync.',
        ko: '이번에는 패킷 하나, 27바이트입니다. 레플리카는 여전히 데이터베이스 0을 선택하고 있으므로 `SELECT`가 없습니다. `master_repl_offset`은 마스터가 지금까지 만든 스트림의 바이트 수입니다. 같은 바이트가 복제 백로그에 보관됩니다: `repl_backlog_active:1`, `repl_backlog_size:1048576`(1MB, 원형 버퍼로 씁니다), `repl_backlog_first_byte_offset:1`, 그리고 오프셋과 같은 `repl_backlog_histlen`. 첫 레플리카가 붙은 뒤의 스트림 전체를 아직 가지고 있다는 뜻입니다. 링크가 잠시 끊긴 레플리카는 새 전체 동기화 대신 자기 오프셋 이후의 바이트를 이 백로그에서 받아 갑니다.',
      },
    },
    {
      id: 'ping',
      task: {
        en: 'Now write nothing. Watch the links until a small `ping` goes down to the replicas (within 10 s), then run `INFO replication` on `m` again.',
        ko: '이번에는 아무것도 쓰지 마세요. 작은 `ping`이 레플리카로 내려갈 때까지(10초 안에) 링크를 지켜본 뒤, `m`에서 `INFO replication`을 다시 실행하세요.',
      },
      goal: (ctx) => {
        const pings = ctx.msgs.filter((m) => m.from === 'm' && m.to === 'r1' && m.kind === 'ping' && m.offset !== undefined);
        return pings.length > 0 && infosOn(ctx, 'm').some((i) => Number(i.fields.get('master_repl_offset')) >= pings[0].offset!);
      },
      hints: [
        { en: 'Keep the playback running and watch for a packet labelled `ping` on the links.', ko: '재생을 계속하면서 링크 위에 `ping`이라고 적힌 패킷이 나타나는지 보세요.' },
        { en: 'After the `ping` has gone out, type `INFO replication` in the `m` console.', ko: '`ping`이 나간 뒤 `m` 콘솔에 `INFO replication`을 입력하세요.' },
      ],
      solution: [
        { do: 'wait', ms: 10_000 },
        { do: 'command', node: 'm', line: 'INFO replication' },
      ],
      wrong: [{ do: 'command', node: 'm', line: 'INFO replication' }],
      explain: {
        en: 'Every `repl-ping-replica-period` (10 s) the master puts a `ping` into the stream — 14 bytes, `*1\\r\\n$4\\r\\nping\\r\\n` — so replicas know it is alive even when nobody writes. It is part of the stream like any write: `master_repl_offset` grew by 14 with no write at all. A replica that hears nothing for `repl-timeout` (60 s) drops the link.',
        ko: '마스터는 `repl-ping-replica-period`(10초)마다 스트림에 `ping`을 넣습니다. 14바이트, `*1\\r\\n$4\\r\\nping\\r\\n`입니다. 아무도 쓰지 않을 때도 레플리카가 마스터가 살아 있음을 알 수 있게 하려는 것입니다. 이것도 쓰기처럼 스트림의 일부이므로, 쓰기가 하나도 없었는데 `master_repl_offset`이 14 늘었습니다. `repl-timeout`(60초) 동안 아무것도 받지 못한 레플리카는 링크를 끊습니다.',
      },
    },
    {
      id: 'acks',
      task: {
        en: 'Write once more, `SET k v` on `m`. Wait a second or two, then run `INFO replication` on `m` and compare each `slaveN` line\'s `offset=` with `master_repl_offset`.',
        ko: '`m`에서 `SET k v`로 한 번 더 쓰세요. 1~2초 기다린 뒤 `m`에서 `INFO replication`을 실행하고, 각 `slaveN` 줄의 `offset=`을 `master_repl_offset`과 비교하세요.',
      },
      goal: (ctx) => {
        // The replicas must have confirmed this step's write; a `ping` streamed after it may still be unconfirmed.
        const written = ctx.msgs.filter((m) => m.from === 'm' && m.to === 'r1' && m.kind === 'stream' && m.offset !== undefined);
        if (written.length === 0) return false;
        const target = written[0].offset!;
        return linesOn(ctx, 'm', /^set\s/i, /^OK$/).some((w) =>
          infosOn(ctx, 'm', w.id).some((i) => {
            const acked = replicaAckOffsets(i.fields);
            return acked.length >= 2 && acked.every((o) => o >= target);
          }),
        );
      },
      hints: [
        { en: 'Watch the small packets going up from the replicas to `m`: `REPLCONF ACK <offset>`, once a second.', ko: '레플리카에서 `m`으로 올라가는 작은 패킷을 보세요: 매초 한 번씩 가는 `REPLCONF ACK <offset>`입니다.' },
        {
          en: 'If the `offset=` values are still below the offset your write reached, the next ACK was not in yet: run `INFO replication` again.',
          ko: '`offset=` 값이 아직 쓰기가 도달한 오프셋보다 작다면 다음 ACK가 아직 도착하지 않은 것입니다. `INFO replication`을 다시 실행하세요.',
        },
      ],
      solution: [
        { do: 'command', node: 'm', line: 'SET k v' },
        { do: 'wait', ms: 1500 },
        { do: 'command', node: 'm', line: 'INFO replication' },
      ],
      wrong: [
        { do: 'command', node: 'm', line: 'SET k v' },
        { do: 'command', node: 'm', line: 'INFO replication' },
      ],
      explain: {
        en: 'Once a second each replica sends `REPLCONF ACK <offset>` to its master: the offset it has applied. The master keeps the last one per replica and shows it as `offset=` in the `slaveN` lines, with `lag=`, the seconds since that ACK. Right after a write these numbers trail `master_repl_offset` until the next ACK arrives (and by 14 for a moment after each `ping`) — the master learns about its replicas\' progress only this way. ACKs travel the other way and are not part of the stream, so they never count in offsets.',
        ko: '각 레플리카는 매초 한 번 마스터에게 `REPLCONF ACK <offset>`을 보냅니다. 자신이 적용한 오프셋입니다. 마스터는 레플리카마다 마지막 값을 기억해서 `slaveN` 줄의 `offset=`으로 보여 주고, `lag=`에는 그 ACK 이후 지난 초를 보여 줍니다. 쓰기 직후에는 다음 ACK가 도착할 때까지 이 숫자가 `master_repl_offset`보다 뒤처집니다(`ping` 직후에도 잠깐 14만큼 뒤처집니다). 마스터가 레플리카의 진행 상황을 아는 방법은 이것뿐입니다. ACK는 반대 방향으로 가며 스트림의 일부가 아니므로 오프셋에 포함되지 않습니다.',
      },
    },
  ],
  outro: {
    en: 'After the first sync the master streams every write as RESP bytes (a `SELECT` first when needed) plus a 14-byte `ping` every 10 s. Offsets count those bytes, the backlog keeps the latest 1 MB of them, and each replica reports its offset with `REPLCONF ACK` once a second. Next: what it means that all of this is asynchronous.',
    ko: '첫 동기화 이후 마스터는 모든 쓰기를 RESP 바이트로(필요하면 먼저 `SELECT`를 붙여) 보내고, 10초마다 14바이트 `ping`을 보냅니다. 오프셋은 그 바이트를 세고, 백로그는 그중 최근 1MB를 보관하며, 각 레플리카는 매초 `REPLCONF ACK`로 자기 오프셋을 알립니다. 다음: 이 모든 것이 비동기라는 것의 의미.',
  },
};
