// Lesson 9: the persistence-off trap. A master with `save ""` and no AOF that
// is restarted comes back empty with a new replication id; its replicas fail
// PSYNC, take a full sync and flush their copies. Then the two ways out: a
// master that reloads its data from disk, or no restart at all (promote).

import { eventsOf, roleOf } from '../goals';
import { follows, persisted } from '../goals-lessons7to12';
import type { GoalContext, Lesson } from '../types';

/** A master without any persistence, two replicas with Redis' default save points. */
const SCENARIO = `
node m save "" appendonly no
node r1 replicaof $m
node r2 replicaof $m
link m r1 latency 250
link m r2 latency 250
link r1 r2 latency 250
m> MSET user:1 alice user:2 bob cart:1 apples cart:2 pears order:1 paid
sync
`;

/** Both replicas follow `m` in sync and hold exactly what `m` holds. */
function replicasCopyMaster(ctx: GoalContext): boolean {
  const keys = ctx.node('m')?.keys;
  return follows(ctx, 'r1', 'm') && follows(ctx, 'r2', 'm') && ctx.node('r1')?.keys === keys && ctx.node('r2')?.keys === keys;
}

/** `m` is down; one of r1/r2 is a master with data and the other resumed from it by partial resync. */
function promotedInstead(ctx: GoalContext): boolean {
  if (ctx.node('m')?.up !== false) return false;
  return [
    ['r1', 'r2'],
    ['r2', 'r1'],
  ].some(([promoted, other]) => {
    const p = ctx.node(promoted);
    return roleOf(ctx, promoted) === 'master' && !!p && p.keys > 0 && follows(ctx, other, promoted) && ctx.node(other)?.keys === p.keys && eventsOf(ctx, 'sync').some((e) => e.node === promoted && e.replica === other && e.kind === 'partial');
  });
}

export const persistenceOffTrap: Lesson = {
  id: 'persistence-off-trap',
  title: { en: 'The persistence-off trap', ko: '영속성 없는 마스터의 함정' },
  summary: {
    en: 'A master without persistence restarts empty, and its replicas copy the emptiness.',
    ko: '영속성이 없는 마스터는 빈 상태로 재시작하고, 레플리카는 그 빈 상태를 복사합니다.',
  },
  intro: {
    en: '`m` runs without persistence: `save ""` and `appendonly no`. It holds 5 keys. `r1` and `r2` replicate it, and both even take RDB snapshots of their own.\n\nWhat happens when `m` crashes and a supervisor (systemd, Docker\'s `restart: always`, Kubernetes) starts it again at once?',
    ko: '`m`은 영속성 없이 실행됩니다: `save ""`, `appendonly no`. 키 5개를 가지고 있습니다. `r1`과 `r2`가 `m`을 복제하고, 둘 다 자기 RDB 스냅샷까지 찍습니다.\n\n`m`이 죽고, 프로세스 감시자(systemd, Docker의 `restart: always`, Kubernetes)가 곧바로 다시 띄우면 어떻게 될까요?',
  },
  setup: { scenario: SCENARIO },
  steps: [
    {
      id: 'restart-empty',
      task: {
        en: 'Play the supervisor: crash `m`, then restart it right away. Watch what `r1` and `r2` do.',
        ko: '프로세스 감시자 역할을 해 보세요. `m`을 크래시시킨 다음 곧바로 재시작하세요. `r1`과 `r2`가 무엇을 하는지 지켜보세요.',
      },
      goal: (ctx) => {
        const m = ctx.node('m');
        return (
          !!m &&
          m.up &&
          m.keys === 0 &&
          eventsOf(ctx, 'persist').some((e) => e.node === 'm' && e.what === 'empty-start') &&
          ['r1', 'r2'].every((r) => eventsOf(ctx, 'sync').some((e) => e.replica === r && e.kind === 'full') && eventsOf(ctx, 'persist').some((e) => e.node === r && e.what === 'rdb-loaded' && e.keys === 0)) &&
          replicasCopyMaster(ctx)
        );
      },
      hints: [
        { en: 'Open the menu of `m` (click the node): Crash. Then open it again: Restart.', ko: '`m`을 클릭해 메뉴를 열고 \'장애 발생(크래시)\'을 고르세요. 그다음 다시 메뉴를 열어 \'재시작\'을 고르세요.' },
        { en: 'Give it about 10 s after the restart: the replicas reconnect, and the master waits 5 s (`repl-diskless-sync-delay`) before it sends them anything. Then `DBSIZE` on `r1`.', ko: '재시작 뒤 10초쯤 기다리세요. 레플리카가 다시 연결하고, 마스터는 무언가를 보내기 전에 5초(`repl-diskless-sync-delay`) 기다립니다. 그다음 `r1`에서 `DBSIZE`.' },
      ],
      solution: [
        { do: 'fault', fault: { kind: 'crash', node: 'm' } },
        { do: 'wait', ms: 500 },
        { do: 'fault', fault: { kind: 'restart', node: 'm' } },
        { do: 'wait', ms: 9000 },
      ],
      wrong: [
        { do: 'fault', fault: { kind: 'crash', node: 'r1' } },
        { do: 'wait', ms: 500 },
        { do: 'fault', fault: { kind: 'restart', node: 'r1' } },
        { do: 'wait', ms: 5000 },
      ],
      explain: {
        en: '`m` came back with nothing: no RDB, no AOF. It started as a brand-new master, with a new replication id and offset 0. `r1` and `r2` asked `PSYNC <old id> <offset+1>`; `m` had never heard of that id, so it answered `+FULLRESYNC <new id> 0` and sent an RDB with 0 keys.\n\nEach replica flushed its copy and loaded the empty one. All 5 keys are gone everywhere, and the replicas\' `dump.rdb` files now hold the empty data set too: the replicas faithfully copied the emptiness.',
        ko: '`m`은 아무것도 없이 돌아왔습니다. RDB도 AOF도 없습니다. 새 replication ID와 오프셋 0을 가진 완전히 새 마스터로 시작했습니다. `r1`과 `r2`는 `PSYNC <이전 ID> <offset+1>`을 보냈지만, `m`은 그 ID를 알지 못하므로 `+FULLRESYNC <새 ID> 0`으로 답하고 키가 0개인 RDB를 보냈습니다.\n\n각 레플리카는 자기 복사본을 비우고 빈 RDB를 불러왔습니다. 키 5개가 모든 곳에서 사라졌고, 레플리카의 `dump.rdb` 파일도 이제 빈 데이터를 담고 있습니다. 레플리카는 빈 상태를 충실하게 복사했습니다.',
      },
    },
    {
      id: 'save-then-restart',
      task: {
        en: 'Try again with the data on disk: write on `m` (`MSET user:1 alice user:2 bob`), save it with `SAVE`, then crash and restart `m` again.',
        ko: '이번에는 데이터를 디스크에 두고 다시 해 보세요. `m`에 쓰고(`MSET user:1 alice user:2 bob`), `SAVE`로 저장한 다음, `m`을 다시 크래시시키고 재시작하세요.',
      },
      goal: (ctx) => {
        const m = ctx.node('m');
        return !!m && m.up && m.keys > 0 && persisted(ctx, 'm', 'rdb-loaded', 1) && replicasCopyMaster(ctx);
      },
      hints: [
        { en: 'In the `m` console: `MSET user:1 alice user:2 bob`, then `SAVE`. Then, from the menu of `m`: Crash, and Restart.', ko: '`m` 콘솔에서 `MSET user:1 alice user:2 bob`, 그다음 `SAVE`. 이어서 `m`의 메뉴에서 \'장애 발생(크래시)\', 그리고 \'재시작\'.' },
        {
          en: '`CONFIG SET appendonly yes` would not help here: it changes only the running process, so `m` restarts with `appendonly no` again and ignores the AOF. `SAVE` writes `dump.rdb`, which Redis loads at startup whatever its save points say.',
          ko: '여기서는 `CONFIG SET appendonly yes`가 도움이 되지 않습니다. 실행 중인 프로세스만 바꾸기 때문에 `m`은 다시 `appendonly no`로 시작하고 AOF를 무시합니다. `SAVE`는 `dump.rdb`를 쓰고, Redis는 save 설정과 상관없이 시작할 때 이 파일을 불러옵니다.',
        },
      ],
      solution: [
        { do: 'command', node: 'm', line: 'MSET user:1 alice user:2 bob' },
        { do: 'command', node: 'm', line: 'SAVE' },
        { do: 'wait', ms: 500 },
        { do: 'fault', fault: { kind: 'crash', node: 'm' } },
        { do: 'wait', ms: 500 },
        { do: 'fault', fault: { kind: 'restart', node: 'm' } },
        { do: 'wait', ms: 8000 },
      ],
      wrong: [
        { do: 'command', node: 'm', line: 'MSET user:1 alice user:2 bob' },
        { do: 'wait', ms: 500 },
        { do: 'fault', fault: { kind: 'crash', node: 'm' } },
        { do: 'wait', ms: 500 },
        { do: 'fault', fault: { kind: 'restart', node: 'm' } },
        { do: 'wait', ms: 10000 },
      ],
      explain: {
        en: 'This time `m` found its `dump.rdb`. It loaded the keys and, from the RDB\'s header, its old replication id and offset, which it now keeps as `master_replid2`. So when `r1` and `r2` asked `PSYNC <id> <offset+1>`, `m` knew that history. If nothing had reached them after your `SAVE`, it answered `+CONTINUE` and copied nothing. If something had, even the `PING` sent every 10 s, their offset was past the snapshot and they took a full sync instead, but of the data `m` had reloaded: nothing you saved was lost.\n\nA one-off `SAVE` is only a snapshot: writes after it would still be lost. In production, keep persistence on in the master\'s config file (save points or `appendonly yes`), not only with `CONFIG SET`, which a restart forgets.',
        ko: '이번에는 `m`이 `dump.rdb`를 찾았습니다. 키를 불러왔고, RDB 헤더에서 이전 replication ID와 오프셋도 읽어 `master_replid2`로 보관합니다. 그래서 `r1`과 `r2`가 `PSYNC <id> <offset+1>`을 보냈을 때 `m`은 그 이력을 알아보았습니다. `SAVE` 뒤로 레플리카에 아무것도 전달되지 않았다면 `+CONTINUE`로 답하고 아무것도 복사하지 않았습니다. 무엇이든, 10초마다 보내는 `PING` 하나라도 전달되었다면 레플리카의 오프셋이 스냅샷보다 앞서 있으므로 전체 동기화를 했습니다. 하지만 `m`이 다시 불러온 데이터를 복사하므로, 저장해 둔 것은 하나도 잃지 않았습니다.\n\n한 번 실행한 `SAVE`는 스냅샷일 뿐입니다. 그 뒤의 쓰기는 여전히 잃을 수 있습니다. 운영 환경에서는 `CONFIG SET`만이 아니라 마스터의 설정 파일에 영속성(save 설정이나 `appendonly yes`)을 켜 두세요. `CONFIG SET`은 재시작하면 잊힙니다.',
      },
    },
    {
      id: 'promote-instead',
      task: {
        en: 'The other way out is to never bring a dead master back by itself. Crash `m` and leave it down. Promote `r1` with `REPLICAOF NO ONE`, then point `r2` at it: `REPLICAOF 127.0.0.1 6380` on `r2`.',
        ko: '다른 해결책은 죽은 마스터가 저절로 돌아오지 않게 하는 것입니다. `m`을 크래시시키고 그대로 두세요. `r1`에서 `REPLICAOF NO ONE`으로 승격한 다음, `r2`가 `r1`을 따르게 하세요: `r2`에서 `REPLICAOF 127.0.0.1 6380`.',
      },
      goal: promotedInstead,
      hints: [
        { en: 'Do not restart `m` this time. `r1` listens on 127.0.0.1, port 6380.', ko: '이번에는 `m`을 재시작하지 마세요. `r1`은 127.0.0.1의 6380 포트에서 기다립니다.' },
        { en: 'The node menu of `r1` has Promote to master (it sends `REPLICAOF NO ONE`); the menu of `r2` has Make it a replica of… → `r1`.', ko: '`r1`의 노드 메뉴에 \'마스터로 승격\'(`REPLICAOF NO ONE`을 보냅니다)이 있고, `r2`의 메뉴에는 \'다른 노드의 레플리카로…\' → `r1`이 있습니다.' },
      ],
      solution: [
        { do: 'fault', fault: { kind: 'crash', node: 'm' } },
        { do: 'wait', ms: 500 },
        { do: 'command', node: 'r1', line: 'REPLICAOF NO ONE' },
        { do: 'command', node: 'r2', line: 'REPLICAOF 127.0.0.1 6380' },
        { do: 'wait', ms: 3000 },
      ],
      wrong: [
        { do: 'fault', fault: { kind: 'crash', node: 'm' } },
        { do: 'wait', ms: 500 },
        { do: 'fault', fault: { kind: 'restart', node: 'm' } },
        { do: 'wait', ms: 8000 },
      ],
      explain: {
        en: '`m` stays down, so nothing empty can come back. `r1` became a master with all the data, a new replication id, and the old id as `master_replid2`. `r2` asked `PSYNC <old id> <offset+1>` and `r1` answered `+CONTINUE`: it accepts the old history up to the offset where it was promoted, so no copy was needed.\n\nClients must now write to `r1` (Sentinel automates all of this). When `m` is repaired, bring it back as a replica of `r1`, never as an empty master. Even with Sentinel the danger remains if a supervisor restarts `m` faster than Sentinel notices it was down.',
        ko: '`m`이 꺼진 채로 있으니 빈 상태가 돌아올 일이 없습니다. `r1`은 데이터를 모두 가진 마스터가 되었고, 새 replication ID를 받았으며 이전 ID는 `master_replid2`로 보관합니다. `r2`는 `PSYNC <이전 ID> <offset+1>`을 보냈고 `r1`은 `+CONTINUE`로 답했습니다. `r1`은 승격된 오프셋까지는 이전 이력을 받아들이므로 복사가 필요 없었습니다.\n\n이제 클라이언트는 `r1`에 써야 합니다(Sentinel이 이 모든 과정을 자동으로 해 줍니다). `m`을 고친 뒤에는 `r1`의 레플리카로 되돌리세요. 빈 마스터로 되돌리면 안 됩니다. Sentinel을 쓰더라도, 감시자가 Sentinel이 알아채기 전에 `m`을 재시작하면 같은 위험이 남습니다.',
      },
    },
  ],
  outro: {
    en: 'A master without persistence that restarts comes back empty with a new replication id, and its replicas copy the emptiness, their own disks included. The Redis docs are clear: keep persistence on in the master, or make sure it is never restarted automatically, and promote a replica instead.',
    ko: '영속성이 없는 마스터가 재시작하면 새 replication ID를 가진 빈 상태로 돌아오고, 레플리카는 그 빈 상태를 자기 디스크까지 포함해서 복사합니다. Redis 문서의 권고는 분명합니다. 마스터의 영속성을 켜 두거나, 마스터가 절대 자동으로 재시작하지 않게 하고 대신 레플리카를 승격하세요.',
  },
};
