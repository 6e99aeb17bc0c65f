// Lesson 1: one master, replicas that copy it; data flows one way.

import { inSync, ran } from '../goals';
import type { Lesson } from '../types';

export const whatIsReplication: Lesson = {
  id: 'what-is-replication',
  title: { en: 'What replication is', ko: '복제란 무엇인가' },
  summary: { en: 'One master, replicas that copy it: data flows one way.', ko: '마스터 하나와 그것을 복사하는 레플리카: 데이터는 한 방향으로 흐릅니다.' },
  intro: {
    en: 'Three Redis servers are running: the master `m` and two replicas, `r1` and `r2`. Each replica connected to `m` and copies everything written to it. You write to the master; the replicas follow.',
    ko: 'Redis 서버 세 대가 실행 중입니다. 마스터 `m`과 레플리카 `r1`, `r2`입니다. 각 레플리카는 `m`에 연결해서 `m`에 쓰인 모든 것을 복사합니다. 쓰기는 마스터에 하고, 레플리카는 그 뒤를 따라옵니다.',
  },
  setup: { preset: 'default' },
  steps: [
    {
      id: 'write-on-master',
      task: {
        en: 'In the console of `m`, write a key: `SET greeting hello`. Watch the command travel down both links to the replicas.',
        ko: '`m`의 콘솔에서 키를 하나 쓰세요: `SET greeting hello`. 명령이 두 링크를 따라 레플리카로 내려가는 것을 지켜보세요.',
      },
      goal: (ctx) => ran(ctx, 'm', /^set\s+greeting\s+\S+/i, /^OK$/) && inSync(ctx, 'r1') && inSync(ctx, 'r2') && (ctx.node('r1')?.keys ?? 0) > 0,
      hints: [
        { en: 'Pick the `m` tab above the console (or click the master), type `SET greeting hello` and press Enter.', ko: '콘솔 위의 `m` 탭을 고르거나(또는 마스터를 클릭하고) `SET greeting hello`를 입력한 뒤 Enter를 누르세요.' },
        { en: 'The replicas receive the write a moment later: keep the playback running.', ko: '레플리카는 잠시 뒤에 쓰기를 받습니다. 재생을 멈추지 마세요.' },
      ],
      solution: [
        { do: 'command', node: 'm', line: 'SET greeting hello' },
        { do: 'wait', ms: 1000 },
      ],
      wrong: [
        { do: 'command', node: 'm', line: 'GET greeting' },
        { do: 'wait', ms: 1000 },
      ],
      explain: {
        en: 'The master ran `SET` and sent the same command to each replica over its replication link: 38 bytes of RESP, after a 23-byte `SELECT 0` (the first write a replica receives names the database). The replicas applied it and their offsets moved to the master\'s: they hold the same data now.',
        ko: '마스터는 `SET`을 실행하고 같은 명령을 복제 링크를 통해 각 레플리카에 보냈습니다. RESP로 38바이트이고, 그 앞에 23바이트짜리 `SELECT 0`이 붙습니다 (레플리카가 받는 첫 쓰기에는 데이터베이스 번호가 먼저 갑니다). 레플리카는 그 명령을 적용했고 오프셋이 마스터와 같아졌습니다. 이제 같은 데이터를 가지고 있습니다.',
      },
    },
    {
      id: 'read-on-replica',
      task: {
        en: 'Read the key from a replica: `GET greeting` in the console of `r1`.',
        ko: '레플리카에서 키를 읽어 보세요: `r1`의 콘솔에서 `GET greeting`.',
      },
      goal: (ctx) => ran(ctx, 'r1', /^get\s+greeting$/i, /^"/),
      hints: [{ en: 'Switch the console to the `r1` tab and type `GET greeting`.', ko: '콘솔을 `r1` 탭으로 바꾸고 `GET greeting`을 입력하세요.' }],
      solution: [{ do: 'command', node: 'r1', line: 'GET greeting' }],
      wrong: [{ do: 'command', node: 'r1', line: 'GET nothing-here' }],
      explain: {
        en: 'The replica answers with the value the master wrote: reads can go to any replica. You never wrote to `r1`; replication did.',
        ko: '레플리카는 마스터가 쓴 값으로 답합니다. 읽기는 어느 레플리카에서나 할 수 있습니다. `r1`에 직접 쓴 적은 없습니다. 복제가 한 일입니다.',
      },
    },
    {
      id: 'one-way',
      task: {
        en: 'Now try the other direction: write on the replica, `SET greeting bye` on `r1`.',
        ko: '이번에는 반대 방향을 시도해 보세요. 레플리카에 쓰기: `r1`에서 `SET greeting bye`.',
      },
      goal: (ctx) => ran(ctx, 'r1', /^set\s/i, /READONLY/),
      hints: [{ en: 'Type `SET greeting bye` into the `r1` console.', ko: '`r1` 콘솔에 `SET greeting bye`를 입력하세요.' }],
      solution: [{ do: 'command', node: 'r1', line: 'SET greeting bye' }],
      wrong: [{ do: 'command', node: 'm', line: 'SET greeting bye' }],
      explain: {
        en: 'The replica refuses: `READONLY You can\'t write against a read only replica.` Data flows one way only, from the master to its replicas, so every copy stays the same.',
        ko: '레플리카는 거부합니다: `READONLY You can\'t write against a read only replica.` 데이터는 마스터에서 레플리카로, 한 방향으로만 흐르기 때문에 모든 복사본이 같게 유지됩니다.',
      },
    },
  ],
  outro: {
    en: 'Replication: one master takes the writes and streams them to its replicas, which copy them and serve reads. Next: why replicas refuse writes, and when they do not.',
    ko: '복제: 마스터 하나가 쓰기를 받아 레플리카로 흘려보내고, 레플리카는 그것을 복사해서 읽기를 처리합니다. 다음: 레플리카가 쓰기를 거부하는 이유와 거부하지 않는 경우.',
  },
};
