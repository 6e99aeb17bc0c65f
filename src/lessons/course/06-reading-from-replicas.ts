// Lesson 6: spreading reads over replicas, and what it costs in consistency:
// read-your-writes broken on a lagging replica, monotonic reads broken across
// two replicas with different lag, and WAIT before the read as the remedy.

import { getsOn, integerReply, linesOn, printed, setsOn, staleRead } from '../goals-lessons2to6';
import type { GoalContext, Lesson } from '../types';

/** m with a fast replica r2 and a replica r1 two seconds away, both in sync, one profile stored. */
const SCENARIO = `
node m
node r1 replicaof $m
node r2 replicaof $m
link m r1 latency 2000
link m r2 latency 250
sync
m> SET profile:7 name=Ann
sync
`;

const KEY = 'profile:7';

/** After `SET profile:7 X` on m: a read on r2 saw X, and a LATER read on r1 saw something older. */
function wentBackInTime(ctx: GoalContext): boolean {
  return setsOn(ctx, 'm', KEY).some((w) =>
    getsOn(ctx, 'r2', KEY, w.line.id)
      .filter((fresh) => fresh.output === printed(w.value))
      .some((fresh) => getsOn(ctx, 'r1', KEY, fresh.id).some((old) => old.output !== printed(w.value))),
  );
}

/** After `SET profile:7 X` on m, `WAIT n …` answered at least 2, and then a read on r1 saw X. */
function readAfterWait(ctx: GoalContext): boolean {
  return setsOn(ctx, 'm', KEY).some((w) =>
    linesOn(ctx, 'm', /^wait\s/i)
      .filter((l) => l.id > w.line.id && (integerReply(l) ?? 0) >= 2)
      .some((waited) => getsOn(ctx, 'r1', KEY, waited.id).some((r) => r.output === printed(w.value))),
  );
}

export const readingFromReplicas: Lesson = {
  id: 'reading-from-replicas',
  title: { en: 'Reading from replicas', ko: '레플리카에서 읽기' },
  summary: {
    en: 'Spreading reads over replicas, and the consistency it costs: read-your-writes, monotonic reads, WAIT.',
    ko: '읽기를 레플리카로 나누는 것과 그 대가인 일관성: read-your-writes, 단조 읽기, WAIT.',
  },
  intro: {
    en: 'An app that reads from replicas takes load off its master. Here `r2` is close to `m` (250 ms) and `r1` is far (2 s of latency each way), and both hold the user profile `profile:7`. Set the playback Speed to 0.1× for this lesson: `r1`\'s 2 s become 20 s for you, enough time to type a few reads before a write reaches it.',
    ko: '레플리카에서 읽는 앱은 마스터의 부하를 덜어 줍니다. 여기서 `r2`는 `m`과 가깝고(250ms), `r1`은 멉니다(한 방향에 2초의 지연). 둘 다 사용자 프로필 `profile:7`을 가지고 있습니다. 이번 레슨에서는 재생 속도를 0.1×로 설정하세요. `r1`의 2초가 20초가 되어, 쓰기가 도착하기 전에 읽기 명령 몇 개를 입력할 시간이 생깁니다.',
  },
  setup: { scenario: SCENARIO },
  steps: [
    {
      id: 'spread-reads',
      task: {
        en: 'Read the profile from both replicas: `GET profile:7` on `r1`, and again on `r2`.',
        ko: '두 레플리카에서 프로필을 읽어 보세요: `r1`에서 `GET profile:7`, 그리고 `r2`에서도.',
      },
      goal: (ctx) => getsOn(ctx, 'r1', KEY).some((l) => l.output === printed('name=Ann')) && getsOn(ctx, 'r2', KEY).some((l) => l.output === printed('name=Ann')),
      hints: [{ en: 'Type `GET profile:7` in the `r1` console, then in the `r2` console.', ko: '`r1` 콘솔에, 그다음 `r2` 콘솔에 `GET profile:7`을 입력하세요.' }],
      solution: [
        { do: 'command', node: 'r1', line: 'GET profile:7' },
        { do: 'command', node: 'r2', line: 'GET profile:7' },
      ],
      wrong: [{ do: 'command', node: 'm', line: 'GET profile:7' }],
      explain: {
        en: 'Both answer `"name=Ann"`. Every replica holds the whole dataset, so any of them can serve any read: add replicas and you add read capacity, while the master keeps the writes. But a replica answers from its own copy — from whatever has reached it so far.',
        ko: '둘 다 `"name=Ann"`으로 답합니다. 모든 레플리카가 전체 데이터를 가지고 있으므로 어느 레플리카든 어떤 읽기든 처리할 수 있습니다. 레플리카를 늘리면 읽기 용량이 늘고, 마스터는 쓰기를 맡습니다. 하지만 레플리카는 자기 복사본으로, 즉 지금까지 도착한 것만으로 답합니다.',
      },
    },
    {
      id: 'read-your-writes',
      task: {
        en: 'The user renames themselves: `SET profile:7 name=Bo` on `m`. Then, as the app would, read the profile back from a replica: `GET profile:7` on `r1`.',
        ko: '사용자가 이름을 바꿉니다: `m`에서 `SET profile:7 name=Bo`. 그다음 앱이 하듯이 레플리카에서 프로필을 다시 읽으세요: `r1`에서 `GET profile:7`.',
      },
      goal: (ctx) => staleRead(ctx, 'm', 'r1', KEY),
      hints: [
        { en: 'Read on `r1` before the write arrives there: at 0.1× you have about 20 s (or pause the playback first: commands still run).', ko: '쓰기가 `r1`에 도착하기 전에 읽어야 합니다. 0.1× 속도에서는 약 20초가 있습니다(또는 먼저 재생을 일시 정지하세요. 명령은 그래도 실행됩니다).' },
        { en: 'Trying again? Write a new name (`SET profile:7 name=Bob`): `r1` may already have the last one.', ko: '다시 시도한다면 새 이름을 쓰세요(`SET profile:7 name=Bob`). `r1`에 이미 앞의 이름이 도착했을 수 있습니다.' },
      ],
      solution: [
        { do: 'command', node: 'm', line: 'SET profile:7 name=Bo' },
        { do: 'command', node: 'r1', line: 'GET profile:7' },
        { do: 'wait', ms: 3000 },
      ],
      wrong: [
        { do: 'command', node: 'm', line: 'SET profile:7 name=Al' },
        { do: 'wait', ms: 3000 },
        { do: 'command', node: 'r1', line: 'GET profile:7' },
      ],
      explain: {
        en: '`r1` answered the old name: the user saved a change, got `OK`, and then saw their profile without it. Reading from a replica breaks read-your-writes consistency. The write is not lost — it was 2 s away on the link — but a replica can only answer with what has arrived.',
        ko: '`r1`은 옛 이름으로 답했습니다. 사용자는 변경을 저장하고 `OK`를 받았는데, 그 변경이 없는 프로필을 보았습니다. 레플리카에서 읽으면 read-your-writes 일관성(내가 쓴 것을 내가 읽는 것)이 깨집니다. 쓰기는 사라지지 않았습니다. 링크 위에서 2초 거리에 있었을 뿐입니다. 하지만 레플리카는 도착한 것으로만 답할 수 있습니다.',
      },
    },
    {
      id: 'monotonic-reads',
      task: {
        en: 'Now two reads that go to different replicas. Write `SET profile:7 name=Cy` on `m`. Read it on `r2` (it gets there in 250 ms), then at once read it on `r1`.',
        ko: '이번에는 서로 다른 레플리카로 가는 두 번의 읽기입니다. `m`에서 `SET profile:7 name=Cy`를 쓰세요. `r2`에서 읽고(250ms면 도착합니다), 곧바로 `r1`에서 읽으세요.',
      },
      goal: wentBackInTime,
      hints: [
        { en: 'At 0.1× the write reaches `r2` about 2.5 s after you press Enter, and `r1` about 20 s after. If `r2` still shows the old name, read it again.', ko: '0.1× 속도에서 쓰기는 Enter를 누르고 약 2.5초 뒤에 `r2`에, 약 20초 뒤에 `r1`에 도착합니다. `r2`가 아직 옛 이름을 보여 주면 다시 읽으세요.' },
        { en: 'Trying again? Use a new name (`SET profile:7 name=Cyd`), then `r2`, then `r1`.', ko: '다시 시도한다면 새 이름을 쓰세요(`SET profile:7 name=Cyd`). 그다음 `r2`, 그다음 `r1`.' },
      ],
      solution: [
        { do: 'command', node: 'm', line: 'SET profile:7 name=Cy' },
        { do: 'wait', ms: 500 },
        { do: 'command', node: 'r2', line: 'GET profile:7' },
        { do: 'command', node: 'r1', line: 'GET profile:7' },
        { do: 'wait', ms: 3000 },
      ],
      wrong: [
        { do: 'command', node: 'm', line: 'SET profile:7 name=Di' },
        { do: 'command', node: 'r1', line: 'GET profile:7' },
        { do: 'wait', ms: 500 },
        { do: 'command', node: 'r2', line: 'GET profile:7' },
        { do: 'wait', ms: 3000 },
      ],
      explain: {
        en: 'First the new name from `r2`, then the old one from `r1`: time went backwards. An app that sends each read to whichever replica is free breaks monotonic reads — a user can see a change and then see it undone. Sticking each user to one replica avoids this (though not the previous step\'s problem).',
        ko: '먼저 `r2`에서 새 이름을, 그다음 `r1`에서 옛 이름을 읽었습니다. 시간이 거꾸로 흘렀습니다. 읽기를 아무 레플리카에나 보내는 앱은 단조 읽기(monotonic reads)를 깨뜨립니다. 사용자가 변경을 본 뒤 그 변경이 사라진 것을 볼 수 있습니다. 사용자마다 레플리카 하나를 정해 두면 이 문제는 피할 수 있습니다(앞 단계의 문제는 피할 수 없습니다).',
      },
    },
    {
      id: 'wait-then-read',
      task: {
        en: 'The remedy: after writing, wait for the replicas. Run `SET profile:7 name=Eve` on `m`, then `WAIT 2 5000` on `m`, then `GET profile:7` on `r1`.',
        ko: '해결책: 쓴 뒤에 레플리카를 기다립니다. `m`에서 `SET profile:7 name=Eve`, 그다음 `m`에서 `WAIT 2 5000`, 그다음 `r1`에서 `GET profile:7`을 실행하세요.',
      },
      goal: readAfterWait,
      hints: [
        { en: '`WAIT 2 5000` waits until 2 replicas confirm the write: `WAIT 1` would return as soon as `r2` has it.', ko: '`WAIT 2 5000`은 레플리카 2개가 쓰기를 확인할 때까지 기다립니다. `WAIT 1`은 `r2`가 받자마자 돌아옵니다.' },
        { en: 'Run `WAIT` in the `m` console, on the same connection as the `SET`, and read on `r1` after it answered `(integer) 2`.', ko: '`WAIT`는 `SET`과 같은 연결인 `m` 콘솔에서 실행하고, `(integer) 2`로 답한 뒤에 `r1`에서 읽으세요.' },
      ],
      solution: [
        { do: 'command', node: 'm', line: 'SET profile:7 name=Eve' },
        { do: 'command', node: 'm', line: 'WAIT 2 5000' },
        { do: 'command', node: 'r1', line: 'GET profile:7' },
      ],
      wrong: [
        { do: 'command', node: 'm', line: 'SET profile:7 name=Fay' },
        { do: 'command', node: 'm', line: 'WAIT 1 5000' },
        { do: 'command', node: 'r1', line: 'GET profile:7' },
      ],
      explain: {
        en: '`WAIT` answered `(integer) 2` after about 4 s — the round trip to `r1` — and then `r1` had the new name. Waiting for every replica you might read from restores read-your-writes, at a price: the writer is as slow as the slowest replica, and if one is down, `WAIT` runs into its timeout. `WAIT 1` would have returned after half a second, with `r1` still behind. The alternatives are reading your own recent writes from the master, or accepting stale reads where they do no harm.',
        ko: '`WAIT`는 `r1`까지의 왕복 시간인 약 4초 뒤에 `(integer) 2`로 답했고, 그때 `r1`에는 새 이름이 있었습니다. 읽을 수 있는 모든 레플리카를 기다리면 read-your-writes를 되찾지만 대가가 있습니다. 쓰는 쪽이 가장 느린 레플리카만큼 느려지고, 레플리카 하나가 멈추면 `WAIT`는 타임아웃까지 기다립니다. `WAIT 1`이었다면 0.5초 만에 돌아왔고 `r1`은 여전히 뒤처져 있었을 것입니다. 다른 방법은 자신이 최근에 쓴 데이터는 마스터에서 읽거나, 해가 없는 곳에서는 오래된 읽기를 받아들이는 것입니다.',
      },
    },
  ],
  outro: {
    en: 'Replicas multiply read capacity, but every replica answers from its own, possibly late, copy. A read after your own write can miss it (read-your-writes), and reads spread over replicas with different lag can go back in time (monotonic reads). `WAIT` on the writer, reads from the master for fresh data, or one replica per user are the usual remedies — each with its cost.',
    ko: '레플리카는 읽기 용량을 늘려 주지만, 각 레플리카는 늦을 수도 있는 자기 복사본으로 답합니다. 자신이 쓴 직후의 읽기가 그 쓰기를 못 볼 수 있고(read-your-writes), 지연이 다른 레플리카들로 나뉜 읽기는 시간을 거슬러 갈 수 있습니다(단조 읽기). 쓰는 쪽의 `WAIT`, 최신 데이터는 마스터에서 읽기, 사용자마다 레플리카 하나 정하기가 흔한 해결책이며, 각각 대가가 있습니다.',
  },
};
