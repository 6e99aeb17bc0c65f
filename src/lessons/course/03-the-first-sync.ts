// Lesson 3: the first sync. A running server with data of its own is made a
// replica with REPLICAOF: handshake (PING, REPLCONF, PSYNC), +FULLRESYNC after
// the diskless sync delay, the RDB payload, and the replica's old data gone.

import { inSync, ran, resynced } from '../goals';
import { getsOn } from '../goals-lessons2to6';
import type { GoalContext, Lesson } from '../types';

/** The master, three users; `n`, a server of its own with two keys nobody else has. */
const SCENARIO = `
node m
m> SET user:1 alice
m> SET user:2 bob
m> SET user:3 carol
node n
n> SET draft unsaved
n> SET visits 7
link m n latency 250
`;

/** n is a replica of m, connected, holding exactly m's keys. */
function copiesMaster(ctx: GoalContext): boolean {
  const n = ctx.node('n');
  const m = ctx.node('m');
  return !!n && !!m && n.masterName === 'm' && inSync(ctx, 'n') && n.keys === m.keys;
}

export const theFirstSync: Lesson = {
  id: 'the-first-sync',
  title: { en: 'The first sync', ko: '첫 동기화' },
  summary: {
    en: 'REPLICAOF, the handshake, a full resync: the replica\'s own data is replaced by the master\'s.',
    ko: 'REPLICAOF, 핸드셰이크, 전체 재동기화: 레플리카의 데이터가 마스터의 데이터로 바뀝니다.',
  },
  intro: {
    en: 'Two independent Redis servers are running: `m` (127.0.0.1, port 6379) with three users, and `n` (port 6380), a master of its own with two keys of its own. You will make `n` a replica of `m` and watch, message by message, how a replica gets its first copy of the data — and what happens to the data it had.',
    ko: '독립된 Redis 서버 두 대가 실행 중입니다. 사용자 세 명의 데이터를 가진 `m`(127.0.0.1, 포트 6379)과, 자기만의 키 두 개를 가진 독립 마스터 `n`(포트 6380)입니다. `n`을 `m`의 레플리카로 만들고, 레플리카가 데이터의 첫 복사본을 어떻게 받는지, 그리고 원래 가지고 있던 데이터는 어떻게 되는지 메시지 하나하나 살펴봅니다.',
  },
  setup: { scenario: SCENARIO },
  steps: [
    {
      id: 'look',
      task: {
        en: 'See what `n` holds before it becomes a replica: `KEYS *` in the console of `n`.',
        ko: '`n`이 레플리카가 되기 전에 무엇을 가지고 있는지 보세요: `n`의 콘솔에서 `KEYS *`.',
      },
      goal: (ctx) => ran(ctx, 'n', /^keys\s/i, /"draft"/),
      hints: [{ en: 'Pick the `n` tab above the console and type `KEYS *`.', ko: '콘솔 위의 `n` 탭을 고르고 `KEYS *`를 입력하세요.' }],
      solution: [{ do: 'command', node: 'n', line: 'KEYS *' }],
      wrong: [{ do: 'command', node: 'm', line: 'KEYS *' }],
      explain: {
        en: '`n` has `draft` and `visits`: data that exists on no other server. `m` has `user:1`, `user:2` and `user:3`. Keep them in mind.',
        ko: '`n`에는 `draft`와 `visits`가 있습니다. 다른 어느 서버에도 없는 데이터입니다. `m`에는 `user:1`, `user:2`, `user:3`이 있습니다. 기억해 두세요.',
      },
    },
    {
      id: 'replicaof',
      task: {
        en: 'Make `n` a replica of `m`: in the console of `n`, type `REPLICAOF 127.0.0.1 6379`. Then watch the link between them for about 7 s: the handshake, a wait of 5 s, and the snapshot.',
        ko: '`n`을 `m`의 레플리카로 만드세요: `n`의 콘솔에 `REPLICAOF 127.0.0.1 6379`를 입력하세요. 그리고 약 7초 동안 둘 사이의 링크를 지켜보세요. 핸드셰이크, 5초의 기다림, 그리고 스냅샷이 지나갑니다.',
      },
      goal: (ctx) =>
        ran(ctx, 'n', /^(replicaof|slaveof)\s/i, /^OK/) &&
        ctx.msgs.some((m) => m.from === 'n' && m.to === 'm' && m.kind === 'handshake' && m.text.startsWith('PSYNC')) &&
        ctx.msgs.some((m) => m.from === 'm' && m.to === 'n' && m.kind === 'handshake' && m.text.startsWith('+FULLRESYNC')) &&
        ctx.msgs.some((m) => m.from === 'm' && m.to === 'n' && m.kind === 'rdb') &&
        resynced(ctx, 'n', 'full') &&
        copiesMaster(ctx),
      hints: [
        { en: '`m` listens on 127.0.0.1, port 6379 (`n` is on 6380). In the `n` console: `REPLICAOF 127.0.0.1 6379`.', ko: '`m`은 127.0.0.1의 6379 포트에서 기다립니다(`n`은 6380). `n` 콘솔에서: `REPLICAOF 127.0.0.1 6379`.' },
        {
          en: 'Keep the playback running: the master waits `repl-diskless-sync-delay` (5 s) before it sends anything. Drag the timeline back afterwards to see the handshake again.',
          ko: '재생을 멈추지 마세요. 마스터는 아무것도 보내기 전에 `repl-diskless-sync-delay`(5초) 동안 기다립니다. 끝난 뒤 타임라인을 뒤로 끌면 핸드셰이크를 다시 볼 수 있습니다.',
        },
      ],
      solution: [
        { do: 'command', node: 'n', line: 'REPLICAOF 127.0.0.1 6379' },
        { do: 'wait', ms: 8000 },
      ],
      wrong: [
        { do: 'command', node: 'n', line: 'REPLICAOF 127.0.0.1 6389' },
        { do: 'wait', ms: 3000 },
      ],
      explain: {
        en: 'The handshake: `PING` → `+PONG`; `REPLCONF listening-port 6380` and `REPLCONF capa eof capa psync2` → `+OK` twice; then `PSYNC <id> 1`: `n` offered its own replication id and the offset after its last byte, asking to continue its own history. A server turned replica at runtime does that; one started with `replicaof` in its config sends `PSYNC ? -1`. `m` does not know that id, so no partial resync is possible: it answered `+FULLRESYNC <replid> 0` — its replication id (a new one: it changed when its first replica arrived) and the offset the copy starts at. During the 5 s of `repl-diskless-sync-delay`, which lets more replicas join one transfer, it sent a `\\n` each second to keep the link alive. Then the RDB snapshot went straight from memory into the socket (diskless sync), `n` loaded it and sent `REPLCONF ACK 0`.',
        ko: '핸드셰이크: `PING` → `+PONG`, `REPLCONF listening-port 6380`과 `REPLCONF capa eof capa psync2` → `+OK` 두 번, 그리고 `PSYNC <id> 1`. `n`은 자기 replication ID와 마지막 바이트 다음의 오프셋을 보내며 자기 이력을 이어 가겠다고 요청했습니다. 실행 중에 레플리카가 된 서버는 이렇게 하고, 설정 파일에 `replicaof`를 넣고 시작한 서버는 `PSYNC ? -1`을 보냅니다. `m`은 그 ID를 모르므로 부분 재동기화는 불가능합니다. 그래서 `+FULLRESYNC <replid> 0`으로 답했습니다. 자신의 replication ID(첫 레플리카가 붙을 때 새로 바뀐 ID)와 복사가 시작되는 오프셋입니다. 여러 레플리카가 한 번의 전송을 함께 받을 수 있도록 기다리는 `repl-diskless-sync-delay` 5초 동안, 마스터는 링크를 유지하려고 매초 `\\n`을 보냈습니다. 그다음 RDB 스냅샷이 메모리에서 소켓으로 바로 전송되었고(디스크리스 동기화), `n`은 그것을 불러온 뒤 `REPLCONF ACK 0`을 보냈습니다.',
      },
    },
    {
      id: 'old-data-gone',
      task: {
        en: 'Look at `n` again: `GET draft` on `n`.',
        ko: '`n`을 다시 보세요: `n`에서 `GET draft`.',
      },
      goal: (ctx) => getsOn(ctx, 'n', 'draft').some((l) => l.output === '(nil)') && copiesMaster(ctx),
      hints: [{ en: 'Type `GET draft` in the `n` console (not in `m`\'s).', ko: '`m`이 아니라 `n` 콘솔에 `GET draft`를 입력하세요.' }],
      solution: [{ do: 'command', node: 'n', line: 'GET draft' }],
      wrong: [{ do: 'command', node: 'm', line: 'GET draft' }],
      explain: {
        en: '`(nil)`: before loading the master\'s snapshot, `n` flushed everything it had. `draft` and `visits` are gone, and `n` now holds exactly `m`\'s three keys (`KEYS *` shows `user:1` to `user:3`). A full sync always replaces the replica\'s data with the master\'s — so be careful where you type `REPLICAOF`: the data of the server you type it on is dropped.',
        ko: '`(nil)`: `n`은 마스터의 스냅샷을 불러오기 전에 가지고 있던 것을 모두 비웠습니다. `draft`와 `visits`는 사라졌고, 이제 `n`에는 `m`의 키 세 개만 있습니다(`KEYS *`를 실행하면 `user:1`부터 `user:3`까지 보입니다). 전체 동기화는 항상 레플리카의 데이터를 마스터의 데이터로 바꿉니다. 그러니 `REPLICAOF`를 어디에 입력하는지 조심하세요. 그 명령을 입력한 서버의 데이터가 버려집니다.',
      },
    },
  ],
  outro: {
    en: 'A new replica starts with a handshake (`PING`, `REPLCONF`, `PSYNC`). When the master cannot continue the replica\'s history it answers `+FULLRESYNC <replid> <offset>`, waits `repl-diskless-sync-delay`, and sends an RDB snapshot; the replica flushes its own data and loads it. Next: what flows after the first sync.',
    ko: '새 레플리카는 핸드셰이크(`PING`, `REPLCONF`, `PSYNC`)로 시작합니다. 마스터가 레플리카의 이력을 이어 갈 수 없으면 `+FULLRESYNC <replid> <offset>`으로 답하고, `repl-diskless-sync-delay`만큼 기다린 뒤 RDB 스냅샷을 보냅니다. 레플리카는 자기 데이터를 비우고 그것을 불러옵니다. 다음: 첫 동기화 이후에 흐르는 것.',
  },
};
