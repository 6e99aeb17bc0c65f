// Lesson 2: replicas refuse client writes (replica-read-only yes); what
// switching that off allows, and why a write on a replica is a trap: it stays
// on that replica, the master never sees it, and it does not survive.

import { eventsOf, ran, refused } from '../goals';
import { getsOn, printed, setsOn } from '../goals-lessons2to6';
import type { Lesson } from '../types';

export const replicasAreReadOnly: Lesson = {
  id: 'replicas-are-read-only',
  title: { en: 'Replicas are read-only', ko: '읽기 전용 레플리카' },
  summary: {
    en: 'Why replicas refuse writes, and what goes wrong when you let them accept some.',
    ko: '레플리카가 쓰기를 거부하는 이유와, 쓰기를 허용했을 때 생기는 문제.',
  },
  intro: {
    en: 'By default every replica runs with `replica-read-only yes`: it takes writes only from its master, through the replication link. In this lesson you switch that off on `r1` and follow a write made there: where it goes, who sees it, and how long it lasts.',
    ko: '기본적으로 모든 레플리카는 `replica-read-only yes`로 동작합니다. 쓰기는 복제 링크를 통해 마스터에게서만 받습니다. 이번 레슨에서는 `r1`에서 이 설정을 끄고, 그곳에 쓴 데이터를 따라가 봅니다. 어디로 가는지, 누가 보는지, 얼마나 오래 남는지 확인합니다.',
  },
  setup: { preset: 'default' },
  steps: [
    {
      id: 'readonly',
      task: {
        en: 'On `r1`, check the setting with `CONFIG GET replica-read-only`. Then try a write that is not a `SET`: `INCR visits`.',
        ko: '`r1`에서 `CONFIG GET replica-read-only`로 설정을 확인하세요. 그다음 `SET`이 아닌 쓰기 명령을 시도해 보세요: `INCR visits`.',
      },
      goal: (ctx) => ran(ctx, 'r1', /^config\s+get\s+(replica|slave)-read-only$/i, /"yes"/) && refused(ctx, 'r1', 'READONLY'),
      hints: [
        { en: 'Pick the `r1` tab above the console and type `CONFIG GET replica-read-only`.', ko: '콘솔 위의 `r1` 탭을 고르고 `CONFIG GET replica-read-only`를 입력하세요.' },
        { en: 'Then type `INCR visits` in the same console.', ko: '그다음 같은 콘솔에 `INCR visits`를 입력하세요.' },
      ],
      solution: [
        { do: 'command', node: 'r1', line: 'CONFIG GET replica-read-only' },
        { do: 'command', node: 'r1', line: 'INCR visits' },
      ],
      wrong: [{ do: 'command', node: 'm', line: 'INCR visits' }],
      explain: {
        en: '`replica-read-only` is `yes`, the default (`INFO replication` shows it as `slave_read_only:1`). So every command that changes data — `INCR`, `DEL`, `EXPIRE`, not only `SET` — is refused with `READONLY You can\'t write against a read only replica.` Only the master\'s replication link may change a replica\'s data.',
        ko: '`replica-read-only`는 기본값인 `yes`입니다(`INFO replication`에서는 `slave_read_only:1`로 보입니다). 그래서 데이터를 바꾸는 모든 명령은 `SET`뿐 아니라 `INCR`, `DEL`, `EXPIRE`도 `READONLY You can\'t write against a read only replica.`로 거부됩니다. 레플리카의 데이터를 바꿀 수 있는 것은 마스터의 복제 링크뿐입니다.',
      },
    },
    {
      id: 'writable',
      task: {
        en: 'Switch the protection off on `r1`: `CONFIG SET replica-read-only no`. Then write a key there: `SET note local`.',
        ko: '`r1`에서 보호를 끄세요: `CONFIG SET replica-read-only no`. 그다음 그곳에 키를 하나 쓰세요: `SET note local`.',
      },
      goal: (ctx) => ran(ctx, 'r1', /^config\s+set\s+(replica|slave)-read-only\s+no$/i, /^OK$/) && setsOn(ctx, 'r1', 'note').length > 0,
      hints: [
        { en: 'Type both commands in the `r1` console, not in `m`\'s: the setting belongs to the replica.', ko: '두 명령 모두 `m`이 아니라 `r1` 콘솔에 입력하세요. 이 설정은 레플리카의 설정입니다.' },
        { en: '`CONFIG SET replica-read-only no` answers `OK`; after it, `SET note local` on `r1` answers `OK` too.', ko: '`CONFIG SET replica-read-only no`는 `OK`로 답합니다. 그 뒤에는 `r1`에서 `SET note local`도 `OK`로 답합니다.' },
      ],
      solution: [
        { do: 'command', node: 'r1', line: 'CONFIG SET replica-read-only no' },
        { do: 'command', node: 'r1', line: 'SET note local' },
      ],
      wrong: [
        { do: 'command', node: 'm', line: 'CONFIG SET replica-read-only no' },
        { do: 'command', node: 'r1', line: 'SET note local' },
      ],
      explain: {
        en: '`r1` now takes writes from its clients (`slave_read_only:0` in `INFO replication`). It is still a replica: it keeps applying its master\'s stream. `CONFIG SET` changes only the running process; the configuration it was started with still says `yes`.',
        ko: '이제 `r1`은 클라이언트의 쓰기를 받습니다(`INFO replication`에서 `slave_read_only:0`). 그래도 여전히 레플리카이며 마스터의 스트림을 계속 적용합니다. `CONFIG SET`은 실행 중인 프로세스만 바꿉니다. 시작할 때의 설정은 여전히 `yes`입니다.',
      },
    },
    {
      id: 'not-propagated',
      task: {
        en: 'Where did that write go? Ask the master: `GET note` on `m`. Compare the offsets on the diagram too.',
        ko: '그 쓰기는 어디로 갔을까요? 마스터에게 물어보세요: `m`에서 `GET note`. 다이어그램의 오프셋도 비교해 보세요.',
      },
      goal: (ctx) => getsOn(ctx, 'm', 'note').some((l) => l.output === '(nil)') && (ctx.node('r1')?.keys ?? 0) > 0,
      hints: [
        { en: 'Switch to the `m` console and type `GET note`.', ko: '`m` 콘솔로 바꾸고 `GET note`를 입력하세요.' },
        { en: '`r1` wrote a key, yet its offset is still the same as `m`\'s.', ko: '`r1`은 키를 썼는데도 오프셋은 여전히 `m`과 같습니다.' },
      ],
      solution: [{ do: 'command', node: 'm', line: 'GET note' }],
      wrong: [{ do: 'command', node: 'r1', line: 'GET note' }],
      explain: {
        en: '`(nil)`: the master never saw the write. Writes accepted by a writable replica stay local: Redis does not send them to the master, nor to the replica\'s own replicas, and they do not count in the replication offset — `r1`\'s offset did not move. `r2` has no `note` either. `r1` now holds data that exists nowhere else.',
        ko: '`(nil)`: 마스터는 그 쓰기를 전혀 보지 못했습니다. 쓰기 가능한 레플리카가 받은 쓰기는 로컬에만 남습니다. Redis는 이것을 마스터에도, 그 레플리카의 하위 레플리카에도 보내지 않으며, 복제 오프셋에도 포함하지 않습니다. `r1`의 오프셋은 움직이지 않았습니다. `r2`에도 `note`는 없습니다. 이제 `r1`은 다른 어디에도 없는 데이터를 가지고 있습니다.',
      },
    },
    {
      id: 'overwritten',
      task: {
        en: 'Now let the master write the same key: `SET note master` on `m`. Then read it on `r1`: `GET note`.',
        ko: '이번에는 마스터가 같은 키를 쓰게 하세요: `m`에서 `SET note master`. 그다음 `r1`에서 읽어 보세요: `GET note`.',
      },
      goal: (ctx) => setsOn(ctx, 'm', 'note').some((w) => getsOn(ctx, 'r1', 'note', w.line.id).some((r) => r.output === printed(w.value))),
      hints: [
        { en: 'Type `SET note master` in the `m` console, then `GET note` in the `r1` console.', ko: '`m` 콘솔에 `SET note master`를, 그다음 `r1` 콘솔에 `GET note`를 입력하세요.' },
        { en: 'If `r1` still answers `"local"`, the write was still on its way down the link: run `GET note` again.', ko: '`r1`이 아직 `"local"`로 답한다면 쓰기가 아직 링크를 따라 내려가는 중이었습니다. `GET note`를 다시 실행하세요.' },
      ],
      solution: [
        { do: 'command', node: 'm', line: 'SET note master' },
        { do: 'wait', ms: 1000 },
        { do: 'command', node: 'r1', line: 'GET note' },
      ],
      wrong: [{ do: 'command', node: 'r1', line: 'GET note' }],
      explain: {
        en: '`r1` answers `"master"`: the master\'s `SET` came down the replication stream and replaced the local value, without any warning. The master\'s version always wins, because the master does not know that another version exists.',
        ko: '`r1`은 `"master"`로 답합니다. 마스터의 `SET`이 복제 스트림으로 내려와 아무 경고 없이 로컬 값을 덮어썼습니다. 항상 마스터의 값이 이깁니다. 마스터는 다른 값이 있다는 것을 모르기 때문입니다.',
      },
    },
    {
      id: 'lost-on-restart',
      task: {
        en: 'One more local write, then a restart: on `r1` run `SET draft 1`. Click `r1` and choose Restart. When it is back, run `GET draft` on `r1`.',
        ko: '로컬 쓰기를 하나 더 하고 재시작해 봅니다. `r1`에서 `SET draft 1`을 실행하세요. `r1`을 클릭해서 재시작을 고르세요. 다시 올라오면 `r1`에서 `GET draft`를 실행하세요.',
      },
      goal: (ctx) => {
        if (!eventsOf(ctx, 'node-up').some((e) => e.node === 'r1')) return false;
        return setsOn(ctx, 'r1', 'draft').some((w) => getsOn(ctx, 'r1', 'draft', w.line.id).some((r) => r.output === '(nil)'));
      },
      hints: [
        { en: 'Restart is in the menu that opens when you click the `r1` node.', ko: '재시작은 `r1` 노드를 클릭하면 열리는 메뉴에 있습니다.' },
        {
          en: 'If `SET draft 1` answers `READONLY`, `r1` has been restarted already: run `CONFIG SET replica-read-only no` on it again first.',
          ko: '`SET draft 1`이 `READONLY`로 답한다면 `r1`이 이미 재시작된 것입니다. 먼저 `CONFIG SET replica-read-only no`를 다시 실행하세요.',
        },
      ],
      solution: [
        { do: 'command', node: 'r1', line: 'SET draft 1' },
        { do: 'fault', fault: { kind: 'restart', node: 'r1' } },
        { do: 'wait', ms: 3000 },
        { do: 'command', node: 'r1', line: 'GET draft' },
      ],
      wrong: [
        { do: 'command', node: 'r1', line: 'SET draft 1' },
        { do: 'command', node: 'r1', line: 'GET draft' },
      ],
      explain: {
        en: '`(nil)`: `draft` is gone. The restarted `r1` loaded its `dump.rdb` — the snapshot it received from the master at its full sync — and then caught up with a partial resync of the master\'s stream. Everything it holds now comes from the master, so the local write had nowhere to come back from. A full resync does the same: the replica drops all its data and loads the master\'s. And `CONFIG SET` was not saved: `r1` is read-only again (`CONFIG GET replica-read-only` → `yes`).',
        ko: '`(nil)`: `draft`가 사라졌습니다. 재시작한 `r1`은 `dump.rdb`, 즉 전체 동기화 때 마스터에게서 받은 스냅샷을 불러온 뒤 마스터의 스트림으로 부분 재동기화를 해서 따라잡았습니다. 이제 `r1`의 모든 데이터는 마스터에게서 온 것이므로 로컬 쓰기가 돌아올 곳이 없습니다. 전체 재동기화도 마찬가지입니다. 레플리카는 자기 데이터를 모두 버리고 마스터의 데이터를 불러옵니다. 그리고 `CONFIG SET`은 저장되지 않았으므로 `r1`은 다시 읽기 전용입니다(`CONFIG GET replica-read-only` → `yes`).',
      },
    },
  ],
  outro: {
    en: 'Replicas are read-only by default (`replica-read-only yes`), and for good reason: a write on a writable replica stays on that replica. The master never sees it, the other replicas never get it, the next master write to the same key overwrites it, and a restart or a full resync erases it. Next: the first sync, step by step.',
    ko: '레플리카는 기본적으로 읽기 전용(`replica-read-only yes`)이며, 그럴 만한 이유가 있습니다. 쓰기 가능한 레플리카에 쓴 데이터는 그 레플리카에만 남습니다. 마스터는 그것을 보지 못하고, 다른 레플리카는 받지 못하며, 같은 키에 대한 마스터의 다음 쓰기가 덮어쓰고, 재시작이나 전체 재동기화가 지워 버립니다. 다음: 첫 동기화를 한 단계씩 살펴봅니다.',
  },
};
