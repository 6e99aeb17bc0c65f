// Lesson 5: replication is asynchronous. A slow link makes a replica's offset
// trail and its reads stale; WAIT reports how many replicas confirmed a write;
// min-replicas-to-write makes the master refuse writes (NOREPLICAS) when its
// replicas stop acknowledging.

import { refused } from '../goals';
import { integerReply, linesOn, linkOf, setsOn, staleRead } from '../goals-lessons2to6';
import type { GoalContext, Lesson } from '../types';

/** The link m–r1 has been slowed to a second or more. */
function slowLink(ctx: GoalContext): boolean {
  return (linkOf(ctx, 'm', 'r1')?.latencyMs ?? 0) >= 1000;
}

const SLOW = { kind: 'link', a: 'm', b: 'r1', props: { latencyMs: 2000 } } as const;

export const asynchronousReplication: Lesson = {
  id: 'asynchronous-replication',
  title: { en: 'Replication is asynchronous', ko: '비동기 복제' },
  summary: {
    en: 'Lag and stale reads on a slow link, WAIT, and min-replicas-to-write.',
    ko: '느린 링크에서의 지연과 오래된 읽기, WAIT, min-replicas-to-write.',
  },
  intro: {
    en: 'A Redis master answers a write as soon as it has applied it, and streams it to its replicas afterwards. It never waits for them. On a fast network you hardly notice; here you slow the link to `r1` down and watch what that means: a replica behind its master, reads of old data, and the two tools Redis offers, `WAIT` and `min-replicas-to-write`.',
    ko: 'Redis 마스터는 쓰기를 적용하자마자 응답하고, 레플리카에는 그 뒤에 스트림으로 보냅니다. 레플리카를 기다리지 않습니다. 빠른 네트워크에서는 거의 느껴지지 않지만, 여기서는 `r1`으로 가는 링크를 느리게 해서 그것이 무엇을 뜻하는지 봅니다. 마스터보다 뒤처진 레플리카, 오래된 데이터를 돌려주는 읽기, 그리고 Redis가 제공하는 두 가지 도구 `WAIT`와 `min-replicas-to-write`입니다.',
  },
  setup: { preset: 'default' },
  steps: [
    {
      id: 'lag',
      task: {
        en: 'Click the link between `m` and `r1` and set its Latency to 2 s. Then pause the playback, run `SET color blue` on `m`, and right after it `GET color` on `r1`.',
        ko: '`m`과 `r1` 사이의 링크를 클릭해서 지연(Latency)을 2초로 설정하세요. 그다음 재생을 일시 정지하고 `m`에서 `SET color blue`를, 바로 이어서 `r1`에서 `GET color`를 실행하세요.',
      },
      goal: (ctx) => slowLink(ctx) && staleRead(ctx, 'm', 'r1', 'color'),
      hints: [
        { en: 'The Latency slider is in the menu that opens when you click the line between `m` and `r1`; move it to 2 s and let go.', ko: '지연 슬라이더는 `m`과 `r1` 사이의 선을 클릭하면 열리는 메뉴에 있습니다. 2초로 옮긴 뒤 놓으세요.' },
        {
          en: 'Pause first (the Pause button, or Space outside the console): while paused no time passes, but commands still run. Then `SET color blue` on `m` and `GET color` on `r1`.',
          ko: '먼저 일시 정지하세요(일시 정지 버튼, 또는 콘솔 밖에서 Space). 멈춘 동안에는 시간이 흐르지 않지만 명령은 실행됩니다. 그다음 `m`에서 `SET color blue`, `r1`에서 `GET color`.',
        },
        {
          en: 'Trying again? Write a new value, such as `SET color teal`: `r1` already has `blue`, so reading `blue` there proves nothing.',
          ko: '다시 시도한다면 `SET color teal`처럼 새 값을 쓰세요. `r1`에는 이미 `blue`가 있으므로 거기서 `blue`를 읽어서는 아무것도 알 수 없습니다.',
        },
      ],
      solution: [
        { do: 'fault', fault: SLOW },
        { do: 'command', node: 'm', line: 'SET color blue' },
        { do: 'command', node: 'r1', line: 'GET color' },
      ],
      wrong: [
        { do: 'fault', fault: SLOW },
        { do: 'command', node: 'm', line: 'SET color navy' },
        { do: 'wait', ms: 3000 },
        { do: 'command', node: 'r1', line: 'GET color' },
      ],
      explain: {
        en: '`m` answered `OK` at once, and `r1` answered `(nil)`: the write is still on the wire — see the packet on the slow link. The master applied the write, replied to its client, and only then streamed it; it does not wait for any replica. Until the packet arrives `r1`\'s offset trails `m`\'s by the bytes in flight (`SELECT 0` + `SET color blue` = 23 + 34 = 57), and any read on `r1` returns the old data.',
        ko: '`m`은 곧바로 `OK`로 답했고, `r1`은 `(nil)`로 답했습니다. 쓰기가 아직 전송 중이기 때문입니다. 느린 링크 위의 패킷을 보세요. 마스터는 쓰기를 적용하고 클라이언트에 응답한 다음에야 그것을 스트림으로 보냈습니다. 어떤 레플리카도 기다리지 않습니다. 패킷이 도착할 때까지 `r1`의 오프셋은 전송 중인 바이트만큼(`SELECT 0` + `SET color blue` = 23 + 34 = 57) `m`보다 뒤처지고, `r1`에서의 읽기는 모두 옛 데이터를 돌려줍니다.',
      },
    },
    {
      id: 'wait',
      task: {
        en: 'Now make the client wait for the replicas. Keep the link slow, run `SET color green` on `m`, then `WAIT 2 5000`: block until 2 replicas have confirmed the write, or for at most 5 s.',
        ko: '이번에는 클라이언트가 레플리카를 기다리게 합니다. 링크는 느린 채로 두고 `m`에서 `SET color green`을 실행한 다음 `WAIT 2 5000`을 실행하세요. 레플리카 2개가 쓰기를 확인할 때까지, 최대 5초 동안 기다립니다.',
      },
      goal: (ctx) => slowLink(ctx) && setsOn(ctx, 'm', 'color').some((w) => linesOn(ctx, 'm', /^wait\s/i).some((l) => l.id > w.line.id && (integerReply(l) ?? 0) >= 2)),
      hints: [
        { en: 'Both commands go in the `m` console: first `SET color green`, then `WAIT 2 5000`.', ko: '두 명령 모두 `m` 콘솔에 입력합니다. 먼저 `SET color green`, 그다음 `WAIT 2 5000`.' },
        { en: 'A round trip to `r1` takes 4 s now: give `WAIT` a timeout longer than that.', ko: '이제 `r1`까지 왕복하는 데 4초가 걸립니다. `WAIT`의 타임아웃을 그보다 길게 주세요.' },
      ],
      solution: [
        { do: 'command', node: 'm', line: 'SET color green' },
        { do: 'command', node: 'm', line: 'WAIT 2 5000' },
      ],
      wrong: [
        { do: 'command', node: 'm', line: 'SET color green' },
        { do: 'command', node: 'm', line: 'WAIT 2 1000' },
      ],
      explain: {
        en: '`(integer) 2`, after about 4 s. `WAIT` put `REPLCONF GETACK *` into the stream so the replicas would answer at once: `r2` confirmed within half a second, `r1`\'s `REPLCONF ACK` came back after 2 s down the link and 2 s up. `WAIT` returns how many replicas have the client\'s last write; it does not make replication synchronous. The write was done on the master before `WAIT` started, and with a timeout that is too short (`WAIT 2 1000`) it simply returns `1`: the write stays, whatever the count.',
        ko: '약 4초 뒤에 `(integer) 2`. `WAIT`는 레플리카가 바로 답하도록 스트림에 `REPLCONF GETACK *`을 넣었습니다. `r2`는 0.5초 안에 확인했고, `r1`의 `REPLCONF ACK`는 링크를 내려가는 2초와 올라오는 2초가 지나서 돌아왔습니다. `WAIT`는 클라이언트의 마지막 쓰기를 가진 레플리카의 수를 돌려줄 뿐, 복제를 동기식으로 만들지는 않습니다. 쓰기는 `WAIT`가 시작되기 전에 이미 마스터에 적용되었고, 타임아웃이 너무 짧으면(`WAIT 2 1000`) 그냥 `1`을 돌려줍니다. 숫자가 무엇이든 쓰기는 그대로 남습니다.',
      },
    },
    {
      id: 'min-replicas',
      task: {
        en: 'Make the master refuse writes it cannot replicate: `CONFIG SET min-replicas-to-write 2` on `m`. Then cut the link `m`–`r1` (click it, Cut this link), let about 10 s pass with the playback running, and try `SET color red` on `m`.',
        ko: '복제할 수 없는 쓰기를 마스터가 거부하게 만드세요: `m`에서 `CONFIG SET min-replicas-to-write 2`. 그다음 `m`–`r1` 링크를 끊고(링크를 클릭한 뒤 이 링크 끊기), 재생한 채로 약 10초를 보낸 뒤 `m`에서 `SET color red`를 시도하세요.',
      },
      goal: (ctx) => refused(ctx, 'm', 'NOREPLICAS'),
      hints: [
        { en: 'If `SET color red` still answers `OK`, the master has not given up on `r1` yet: it waits `min-replicas-max-lag` (10 s) after the last ACK. Try again a little later.', ko: '`SET color red`가 아직 `OK`로 답한다면 마스터가 아직 `r1`을 포기하지 않은 것입니다. 마지막 ACK 이후 `min-replicas-max-lag`(10초)만큼 기다립니다. 조금 뒤에 다시 시도하세요.' },
        { en: '`INFO replication` on `m` shows `min_slaves_good_slaves` and each replica\'s `lag=`.', ko: '`m`의 `INFO replication`에서 `min_slaves_good_slaves`와 각 레플리카의 `lag=`을 볼 수 있습니다.' },
      ],
      solution: [
        { do: 'command', node: 'm', line: 'CONFIG SET min-replicas-to-write 2' },
        { do: 'fault', fault: { kind: 'cut', a: 'm', b: 'r1', cut: true } },
        { do: 'wait', ms: 12_000 },
        { do: 'command', node: 'm', line: 'SET color red' },
      ],
      wrong: [
        { do: 'command', node: 'm', line: 'CONFIG SET min-replicas-to-write 2' },
        { do: 'fault', fault: { kind: 'cut', a: 'm', b: 'r1', cut: true } },
        { do: 'command', node: 'm', line: 'SET color red' },
      ],
      explain: {
        en: '`NOREPLICAS Not enough good replicas to write.` With `min-replicas-to-write 2` the master accepts a write only while at least 2 replicas are good: online, with a last `REPLCONF ACK` no older than `min-replicas-max-lag` (10 s by default). The cut stopped `r1`\'s ACKs; 10 s later the master counted a single good replica (`min_slaves_good_slaves:1`, `lag=` growing on `r1`\'s line) and began refusing. It bounds the damage rather than preventing it: during those 10 s writes were still accepted, and a slow but connected replica still counts as good.',
        ko: '`NOREPLICAS Not enough good replicas to write.` `min-replicas-to-write 2`가 설정되면 마스터는 좋은 레플리카가 2개 이상일 때만 쓰기를 받습니다. 좋은 레플리카란 online 상태이고 마지막 `REPLCONF ACK`가 `min-replicas-max-lag`(기본 10초)보다 오래되지 않은 레플리카입니다. 링크를 끊자 `r1`의 ACK가 멈췄고, 10초 뒤 마스터는 좋은 레플리카를 하나만 세고(`min_slaves_good_slaves:1`, `r1` 줄의 `lag=`이 계속 커짐) 쓰기를 거부하기 시작했습니다. 이 설정은 피해를 막는 것이 아니라 제한합니다. 그 10초 동안의 쓰기는 받아들여졌고, 느리더라도 연결된 레플리카는 여전히 좋은 레플리카로 셉니다.',
      },
    },
    {
      id: 'heal',
      task: {
        en: 'Heal the link `m`–`r1` (click it, Heal this link). Once `r1`\'s ACKs reach `m` again, run `SET color red` on `m` once more.',
        ko: '`m`–`r1` 링크를 복구하세요(링크를 클릭한 뒤 이 링크 복구). `r1`의 ACK가 다시 `m`에 도착하면 `m`에서 `SET color red`를 한 번 더 실행하세요.',
      },
      goal: (ctx) => linkOf(ctx, 'm', 'r1')?.cut === false && setsOn(ctx, 'm', 'color').length > 0,
      hints: [
        { en: 'The link still has 2 s of latency: after the heal, wait a few seconds for an ACK to come back up.', ko: '링크에는 여전히 2초의 지연이 있습니다. 복구한 뒤 ACK가 올라올 때까지 몇 초 기다리세요.' },
        { en: 'A `NOREPLICAS` answer means the master still counts one good replica: try again a moment later.', ko: '`NOREPLICAS`로 답하면 마스터가 아직 좋은 레플리카를 하나로 세고 있는 것입니다. 잠시 뒤에 다시 시도하세요.' },
      ],
      solution: [
        { do: 'fault', fault: { kind: 'cut', a: 'm', b: 'r1', cut: false } },
        { do: 'wait', ms: 4000 },
        { do: 'command', node: 'm', line: 'SET color red' },
      ],
      wrong: [{ do: 'command', node: 'm', line: 'SET color red' }],
      explain: {
        en: 'After the heal, TCP delivered everything it had held: the stream caught `r1` up, its ACKs reached `m`, and with 2 good replicas again the master accepts writes. Had the link stayed down for `repl-timeout` (60 s), both sides would have dropped it, and `r1` would have come back with a partial resync from the backlog.',
        ko: '복구하자 TCP가 보관하던 것을 모두 전달했습니다. 스트림이 `r1`을 따라잡게 했고, `r1`의 ACK가 `m`에 도착했으며, 좋은 레플리카가 다시 2개가 되자 마스터는 쓰기를 받습니다. 링크가 `repl-timeout`(60초) 동안 끊겨 있었다면 양쪽 모두 연결을 끊었을 것이고, `r1`은 백로그를 이용한 부분 재동기화로 돌아왔을 것입니다.',
      },
    },
  ],
  outro: {
    en: 'Redis replication is asynchronous: the master answers before its replicas have the write, so a replica can trail its master and serve old data. `WAIT` tells a client how many replicas have its write, without undoing anything; `min-replicas-to-write` with `min-replicas-max-lag` makes a master refuse writes when too few replicas are acknowledging. Next: what that costs when you read from replicas.',
    ko: 'Redis 복제는 비동기입니다. 마스터는 레플리카가 쓰기를 받기 전에 응답하므로, 레플리카는 마스터보다 뒤처져 옛 데이터를 돌려줄 수 있습니다. `WAIT`는 클라이언트에게 몇 개의 레플리카가 쓰기를 가졌는지 알려 줄 뿐 아무것도 되돌리지 않습니다. `min-replicas-to-write`와 `min-replicas-max-lag`는 ACK를 보내는 레플리카가 너무 적을 때 마스터가 쓰기를 거부하게 합니다. 다음: 레플리카에서 읽을 때 치르는 대가.',
  },
};
