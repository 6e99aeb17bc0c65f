// Lesson 8: link drops. A replica that lost its link asks PSYNC <replid>
// <offset+1> and continues from the master's backlog (+CONTINUE); when the
// writes it missed no longer fit in the backlog it must take a full resync,
// and the whole data set crosses the network again.

import { ran, resynced } from '../goals';
import { backlogReplayed, follows, handshakeSent, rdbBytes } from '../goals-lessons7to12';
import type { Lesson } from '../types';

/**
 * Deterministic letters and digits (xorshift32). Real Redis compresses RDB
 * strings with LZF, so a value like "xxxx…" would shrink to almost nothing on
 * the wire; these do not compress, and the RDB keeps their full size.
 */
function noise(seed: number, length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let x = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

/** 30 jobs of 4 KB: `SPOP queue 10` puts about 41 KB of SREMs into the stream with one command. */
const JOBS = Array.from({ length: 30 }, (_, i) => `job${String(i + 1).padStart(2, '0')}:${noise(i + 1, 4090)}`).join(' ');

/** The default topology, with repl-timeout 20 s everywhere so an outage is noticed after 20 s instead of 60. */
const SCENARIO = `
node m repl-timeout 20
node r1 replicaof $m repl-timeout 20
node r2 replicaof $m repl-timeout 20
link m r1 latency 250
link m r2 latency 250
link r1 r2 latency 250
m> SADD queue ${JOBS}
sync
`;

const cut = (isCut: boolean) => ({ do: 'fault', fault: { kind: 'cut', a: 'm', b: 'r1', cut: isCut } }) as const;

export const linkDrops: Lesson = {
  id: 'link-drops',
  title: { en: 'When the link drops', ko: '링크가 끊겼을 때' },
  summary: {
    en: 'Partial resync from the backlog after an outage, and the full resync when the backlog is too small.',
    ko: '장애 뒤 백로그로 하는 부분 재동기화, 그리고 백로그가 너무 작을 때의 전체 재동기화.',
  },
  intro: {
    en: 'When a replication link breaks, the replica does not have to start over. The master keeps the latest part of its stream in the replication backlog (1 MB by default). A replica that comes back asks to continue from its offset, and if those bytes are still there it receives only what it missed.\n\n`m`, `r1` and `r2` are connected as usual. `m` holds a set `queue` of 30 jobs of 4 KB each. To keep the waits short, every node here runs with `repl-timeout 20` (the default is 60 s).',
    ko: '복제 링크가 끊겨도 레플리카가 처음부터 다시 시작할 필요는 없습니다. 마스터는 스트림의 최근 부분을 복제 백로그(기본 1 MB)에 보관합니다. 돌아온 레플리카는 자기 오프셋부터 이어 가겠다고 요청하고, 그 바이트가 아직 남아 있으면 놓친 부분만 받습니다.\n\n`m`, `r1`, `r2`는 평소처럼 연결되어 있습니다. `m`에는 4 KB짜리 작업 30개가 든 집합 `queue`가 있습니다. 기다리는 시간을 줄이려고 이 실습의 모든 노드는 `repl-timeout 20`으로 실행됩니다(기본값은 60초).',
  },
  setup: { scenario: SCENARIO },
  steps: [
    {
      id: 'partial-resync',
      task: {
        en: 'Cut the link between `m` and `r1`, and write on `m` while it is cut: `SET during outage`. Wait until `r1` gives up on its master (about 20 s), then heal the link and watch `r1` come back.',
        ko: '`m`과 `r1` 사이의 링크를 끊고, 끊긴 동안 `m`에 쓰세요: `SET during outage`. `r1`이 마스터를 포기할 때까지(약 20초) 기다린 다음 링크를 복구하고, `r1`이 돌아오는 것을 지켜보세요.',
      },
      goal: (ctx) => resynced(ctx, 'r1', 'partial') && backlogReplayed(ctx, 'r1') && follows(ctx, 'r1', 'm'),
      hints: [
        { en: 'Click the link between `m` and `r1` and choose Cut this link. Later, click it again and choose Heal this link.', ko: '`m`과 `r1` 사이의 링크를 클릭하고 \'이 링크 끊기\'를 고르세요. 나중에 다시 클릭해서 \'이 링크 복구\'를 고르면 됩니다.' },
        {
          en: 'Heal too early and nothing happens: TCP simply delivers the bytes it held. Wait until `r1` shows its link down (`ROLE` on `r1` no longer says `connected`). Raise the playback speed to wait less.',
          ko: '너무 일찍 복구하면 아무 일도 일어나지 않습니다. TCP가 보관한 바이트를 그냥 전달할 뿐입니다. `r1`의 링크가 끊긴 것으로 보일 때까지 기다리세요(`r1`에서 `ROLE`을 실행하면 더 이상 `connected`가 아닙니다). 재생 속도를 올리면 덜 기다려도 됩니다.',
        },
        { en: 'After the heal, give `r1` up to 20 s more: it keeps retrying, and a connection attempt begun while the link was cut may take up to `repl-timeout` to give up.', ko: '복구한 뒤 `r1`에게 최대 20초를 더 주세요. `r1`은 계속 다시 시도하는데, 링크가 끊긴 동안 시작한 연결 시도는 포기하기까지 최대 `repl-timeout`만큼 걸릴 수 있습니다.' },
      ],
      solution: [cut(true), { do: 'command', node: 'm', line: 'SET during outage' }, { do: 'wait', ms: 23000 }, cut(false), { do: 'wait', ms: 25000 }],
      wrong: [cut(true), { do: 'command', node: 'm', line: 'SET during outage' }, { do: 'wait', ms: 3000 }, cut(false), { do: 'wait', ms: 3000 }],
      explain: {
        en: 'While the link was cut, TCP held the bytes `m` sent and nothing seemed to happen. After 20 s both sides gave up: `r1` had received no data (not even the `PING` that `m` sends every 10 s), and `m` had received no `REPLCONF ACK`.\n\n`r1` kept its data, its replication id and its offset, and once it could reach `m` again it asked `PSYNC <replid> <offset+1>`. `m` still had those bytes in its backlog, so it answered `+CONTINUE` and sent only what `r1` had missed, your `SET` included, straight from the backlog. `INFO stats` on `m` now counts `sync_partial_ok:1`.',
        ko: '링크가 끊긴 동안 TCP는 `m`이 보낸 바이트를 보관했고, 겉으로는 아무 일도 없어 보였습니다. 20초가 지나자 양쪽 모두 포기했습니다. `r1`은 아무 데이터도 받지 못했고(`m`이 10초마다 보내는 `PING`조차), `m`은 `REPLCONF ACK`를 받지 못했습니다.\n\n`r1`은 데이터와 replication ID, 오프셋을 그대로 가지고 있다가, 다시 `m`에 닿자 `PSYNC <replid> <offset+1>`을 보냈습니다. `m`의 백로그에 그 바이트가 아직 있었으므로 `+CONTINUE`로 답하고, `r1`이 놓친 부분만 백로그에서 바로 보냈습니다. 여러분의 `SET`도 그 안에 있었습니다. 이제 `m`의 `INFO stats`에는 `sync_partial_ok:1`이 보입니다.',
      },
    },
    {
      id: 'shrink-backlog',
      task: {
        en: 'Shrink the backlog of `m`: `CONFIG SET repl-backlog-size 1`, then read it back with `CONFIG GET repl-backlog-size`.',
        ko: '`m`의 백로그를 줄이세요: `CONFIG SET repl-backlog-size 1`을 실행하고, `CONFIG GET repl-backlog-size`로 다시 읽어 보세요.',
      },
      goal: (ctx) => ran(ctx, 'm', /^config\s+set\s+repl-backlog-size\s+\S+$/i, /^OK$/) && ran(ctx, 'm', /^config\s+get\s+repl-backlog-size$/i, /"16384"/),
      hints: [
        { en: 'Both commands go to `m`. The size must be at least 1: `0` is refused.', ko: '두 명령 모두 `m`에 입력합니다. 크기는 1 이상이어야 하고, `0`은 거부됩니다.' },
        { en: 'Then `INFO replication` on `m` shows `repl_backlog_size` and `repl_backlog_histlen`, the history it holds now.', ko: '그다음 `m`에서 `INFO replication`을 실행하면 `repl_backlog_size`와, 지금 보관 중인 이력의 길이 `repl_backlog_histlen`이 보입니다.' },
      ],
      solution: [
        { do: 'command', node: 'm', line: 'CONFIG SET repl-backlog-size 1' },
        { do: 'command', node: 'm', line: 'CONFIG GET repl-backlog-size' },
      ],
      wrong: [
        { do: 'command', node: 'm', line: 'CONFIG SET repl-backlog-size 0' },
        { do: 'command', node: 'm', line: 'CONFIG GET repl-backlog-size' },
      ],
      explain: {
        en: 'Redis raised 1 to `16384`: `CONFIG SET` never makes the backlog smaller than 16 KB. In 7.0 the backlog is a chain of blocks (20,440 bytes each here), and Redis drops only whole blocks, and only while the rest still holds more than the configured size. So it may hold up to about one block more than 16 KB.',
        ko: 'Redis는 1을 `16384`로 올렸습니다. `CONFIG SET`으로는 백로그를 16 KB보다 작게 만들 수 없습니다. 7.0의 백로그는 블록(여기서는 하나에 20,440바이트)을 이어 붙인 것이고, Redis는 블록 단위로만, 그것도 남은 부분이 설정한 크기보다 클 때만 버립니다. 그래서 16 KB보다 최대 블록 하나 정도를 더 보관할 수 있습니다.',
      },
    },
    {
      id: 'backlog-too-small',
      task: {
        en: 'Cut `m`–`r1` again. While it is cut, pop ten jobs on `m`: `SPOP queue 10` (about 41 KB of stream). Wait until `r1` gives up, heal the link, and watch what `r1` gets this time.',
        ko: '`m`–`r1` 링크를 다시 끊으세요. 끊긴 동안 `m`에서 작업 열 개를 꺼내세요: `SPOP queue 10`(스트림으로 약 41 KB). `r1`이 포기할 때까지 기다린 뒤 링크를 복구하고, 이번에는 `r1`이 무엇을 받는지 지켜보세요.',
      },
      goal: (ctx) => resynced(ctx, 'r1', 'full') && handshakeSent(ctx, 'r1', /^PSYNC [0-9a-f]{40} \d+$/) !== null && rdbBytes(ctx, 'm', 'r1') > 0 && follows(ctx, 'r1', 'm'),
      hints: [
        { en: 'The count matters: `SPOP queue 1` is only 4 KB, which still fits in the backlog. Pop 10.', ko: '개수가 중요합니다. `SPOP queue 1`은 4 KB뿐이라 아직 백로그에 들어갑니다. 10개를 꺼내세요.' },
        { en: 'As before: heal only after `r1` has dropped the link (about 20 s), then give it about 30 s more, including the 5 s `repl-diskless-sync-delay`.', ko: '앞에서처럼 `r1`이 링크를 끊은 뒤(약 20초)에 복구하고, 그 뒤로 30초쯤 더 기다리세요. `repl-diskless-sync-delay` 5초도 여기에 들어갑니다.' },
      ],
      solution: [cut(true), { do: 'command', node: 'm', line: 'SPOP queue 10' }, { do: 'wait', ms: 23000 }, cut(false), { do: 'wait', ms: 32000 }],
      wrong: [cut(true), { do: 'command', node: 'm', line: 'SPOP queue 1' }, { do: 'wait', ms: 23000 }, cut(false), { do: 'wait', ms: 32000 }],
      explain: {
        en: '`SPOP queue 10` reached the stream as ten `SREM`s in a `MULTI`/`EXEC`, each carrying its 4 KB member. `r1` asked `PSYNC <replid> <offset+1>` as before, but that offset had left the backlog: the new bytes pushed the first block out, and `repl_backlog_first_byte_offset` in `INFO replication` on `m` is now past `r1`\'s offset. So `m` answered `+FULLRESYNC` and counted a `sync_partial_err`.\n\nTo catch up on about 41 KB of writes, `r1` received the whole data set again: about 80 KB of RDB, after the 5 s delay, with a fork on `m`. Size `repl-backlog-size` for the longest outage you want to survive: your write rate times its length, for example 1 MB/s × 60 s = 60 MB.',
        ko: '`SPOP queue 10`은 스트림에서 `MULTI`/`EXEC`로 묶인 `SREM` 열 개가 되었고, 각각 4 KB짜리 멤버를 담고 있었습니다. `r1`은 앞에서처럼 `PSYNC <replid> <offset+1>`을 보냈지만, 그 오프셋은 이미 백로그에서 밀려났습니다. 새 바이트가 첫 블록을 밀어냈고, 이제 `m`의 `INFO replication`에서 `repl_backlog_first_byte_offset`은 `r1`의 오프셋보다 뒤에 있습니다. 그래서 `m`은 `+FULLRESYNC`로 답하고 `sync_partial_err`를 하나 올렸습니다.\n\n약 41 KB의 쓰기를 따라잡으려고 `r1`은 데이터 전체를 다시 받았습니다. 5초를 기다린 뒤 약 80 KB의 RDB가 왔고, `m`에서는 fork가 일어났습니다. `repl-backlog-size`는 견디고 싶은 가장 긴 장애에 맞추세요. 쓰기 속도 곱하기 장애 시간입니다. 예를 들어 1 MB/s × 60초 = 60 MB.',
      },
    },
  ],
  outro: {
    en: 'A network blip shorter than `repl-timeout` costs nothing: TCP delivers what it held. A longer one breaks the link; the replica then asks `PSYNC <replid> <offset+1>` and resumes with `+CONTINUE` if the backlog still holds its offset. If not, it is a full resync: a fork on the master and the whole data set over the network. Next: what a master without persistence does to its replicas when it restarts.',
    ko: '`repl-timeout`보다 짧은 네트워크 순단은 아무 비용이 없습니다. TCP가 보관한 것을 전달하기 때문입니다. 그보다 길면 링크가 끊기고, 레플리카는 `PSYNC <replid> <offset+1>`을 보내 백로그에 그 오프셋이 남아 있으면 `+CONTINUE`로 이어 갑니다. 남아 있지 않으면 전체 재동기화입니다. 마스터에서 fork가 일어나고 데이터 전체가 네트워크를 건넙니다. 다음: 영속성이 없는 마스터가 재시작하면 레플리카에 무슨 일이 생기는지.',
  },
};
