// Lesson 10: manual failover. Unplanned: the master dies, a replica is
// promoted with REPLICAOF NO ONE and the others are re-pointed (a partial
// resync, thanks to replid2); the old master comes back only as a replica.
// Planned: FAILOVER TO hands the role over with writes paused, losing nothing.

import { eventsOf, ran, resynced, roleOf } from '../goals';
import { follows } from '../goals-lessons7to12';
import type { GoalContext, Lesson } from '../types';

/** `node` ran FAILOVER (answered OK) and now follows another node that became a master; it resumed by partial resync. */
function handedOver(ctx: GoalContext, node: string): boolean {
  const n = ctx.node(node);
  const master = n?.role === 'slave' ? n.masterName : null;
  if (master === null) return false;
  return ran(ctx, node, /^failover(\s|$)/i, /^OK$/) && roleOf(ctx, master) === 'master' && follows(ctx, node, master) && resynced(ctx, node, 'partial');
}

export const manualFailover: Lesson = {
  id: 'manual-failover',
  title: { en: 'Manual failover', ko: '수동 페일오버' },
  summary: {
    en: 'Promote a replica by hand, re-point the others, and hand over safely with FAILOVER.',
    ko: '레플리카를 직접 승격하고 나머지를 옮긴 뒤, FAILOVER로 안전하게 역할을 넘깁니다.',
  },
  intro: {
    en: 'There is no Sentinel here: when the master fails, you are the one who promotes a replica. `m` is the master at 127.0.0.1:6379, `r1` listens on port 6380 and `r2` on 6381.\n\nFirst an unplanned failover, by hand. Then a planned one, with the `FAILOVER` command.',
    ko: '여기에는 Sentinel이 없습니다. 마스터가 죽으면 레플리카를 승격하는 것은 여러분의 몫입니다. `m`은 127.0.0.1:6379의 마스터이고, `r1`은 6380 포트, `r2`는 6381 포트에서 기다립니다.\n\n먼저 계획에 없던 페일오버를 손으로 해 봅니다. 그다음 `FAILOVER` 명령으로 계획된 페일오버를 합니다.',
  },
  setup: { preset: 'default' },
  steps: [
    {
      id: 'promote',
      task: {
        en: 'Write something first: `SET order:1 paid` on `m`. Then the master dies: crash `m`. Promote `r1` with `REPLICAOF NO ONE`.',
        ko: '먼저 무언가를 쓰세요: `m`에서 `SET order:1 paid`. 그다음 마스터가 죽습니다: `m`을 크래시시키세요. `r1`에서 `REPLICAOF NO ONE`으로 승격하세요.',
      },
      goal: (ctx) => {
        const r1 = ctx.node('r1');
        return ctx.node('m')?.up === false && roleOf(ctx, 'r1') === 'master' && !!r1 && r1.keys > 0 && eventsOf(ctx, 'replid').some((e) => e.node === 'r1' && !/^0+$/.test(e.replid2));
      },
      hints: [
        { en: 'Crash is in the menu of `m` (click the node). `REPLICAOF NO ONE` goes to `r1`: `m` is down and cannot answer anything.', ko: '\'장애 발생(크래시)\'은 `m`의 메뉴(노드를 클릭)에 있습니다. `REPLICAOF NO ONE`은 `r1`에 입력합니다. `m`은 꺼져 있어서 아무것에도 답하지 못합니다.' },
        { en: 'In real life, promote the replica with the highest offset (`slave_repl_offset` in its `INFO replication`): it has the most data. Here `r1` and `r2` are level.', ko: '실제로는 오프셋이 가장 큰 레플리카(`INFO replication`의 `slave_repl_offset`)를 승격하세요. 데이터를 가장 많이 가지고 있습니다. 여기서는 `r1`과 `r2`가 같습니다.' },
      ],
      solution: [
        { do: 'command', node: 'm', line: 'SET order:1 paid' },
        { do: 'wait', ms: 1000 },
        { do: 'fault', fault: { kind: 'crash', node: 'm' } },
        { do: 'wait', ms: 500 },
        { do: 'command', node: 'r1', line: 'REPLICAOF NO ONE' },
      ],
      wrong: [
        { do: 'command', node: 'm', line: 'SET order:1 paid' },
        { do: 'wait', ms: 1000 },
        { do: 'fault', fault: { kind: 'crash', node: 'm' } },
        { do: 'wait', ms: 500 },
        { do: 'command', node: 'm', line: 'REPLICAOF NO ONE' },
      ],
      explain: {
        en: '`r1` stopped replicating and became a master. It kept its data (`order:1` is there) and took a new replication id. The old id is kept as `master_replid2`, with `second_repl_offset` one past its offset: up to there, `r1` can still continue the old history for anyone who asks. `INFO replication` on `r1` shows both.',
        ko: '`r1`은 복제를 멈추고 마스터가 되었습니다. 데이터는 그대로 있고(`order:1`도 있습니다) 새 replication ID를 받았습니다. 이전 ID는 `master_replid2`로 보관하고, `second_repl_offset`은 자기 오프셋보다 1 큰 값입니다. 그 지점까지는 누가 요청하든 이전 이력을 이어 줄 수 있다는 뜻입니다. `r1`에서 `INFO replication`을 실행하면 둘 다 보입니다.',
      },
    },
    {
      id: 'repoint',
      task: {
        en: 'Point `r2` at the new master: `REPLICAOF 127.0.0.1 6380` on `r2`. Watch its `PSYNC` and the answer.',
        ko: '`r2`가 새 마스터를 따르게 하세요: `r2`에서 `REPLICAOF 127.0.0.1 6380`. `r2`의 `PSYNC`와 그 응답을 지켜보세요.',
      },
      goal: (ctx) => follows(ctx, 'r2', 'r1') && resynced(ctx, 'r2', 'partial'),
      hints: [
        { en: 'The new master is `r1`, port 6380. Port 6379 is the dead `m`, which `r2` is already (trying to) follow.', ko: '새 마스터는 6380 포트의 `r1`입니다. 6379 포트는 죽은 `m`이고, `r2`는 이미 그쪽을 따르려 하고 있습니다.' },
      ],
      solution: [
        { do: 'command', node: 'r2', line: 'REPLICAOF 127.0.0.1 6380' },
        { do: 'wait', ms: 3000 },
      ],
      wrong: [
        { do: 'command', node: 'r2', line: 'REPLICAOF 127.0.0.1 6379' },
        { do: 'wait', ms: 3000 },
      ],
      explain: {
        en: '`r2` asked `PSYNC <old id> <offset+1>`. `r1` recognises the old id (its `master_replid2`) up to `second_repl_offset`, and `r2` had stopped at the same offset as `r1`: both had received everything `m` sent before it died. So `r1` answered `+CONTINUE <new id>` with nothing more to send, and `r2` switched to the new id and kept its data. No full sync: that is what `master_replid2` is for.',
        ko: '`r2`는 `PSYNC <이전 ID> <offset+1>`을 보냈습니다. `r1`은 `second_repl_offset`까지는 이전 ID(자신의 `master_replid2`)를 알아보고, `r2`는 `r1`과 같은 오프셋에서 멈춰 있었습니다. 둘 다 `m`이 죽기 전에 보낸 것을 모두 받았기 때문입니다. 그래서 `r1`은 더 보낼 것 없이 `+CONTINUE <새 ID>`로 답했고, `r2`는 새 ID로 바꾸고 데이터를 그대로 유지했습니다. 전체 동기화는 없었습니다. `master_replid2`가 바로 이럴 때 쓰입니다.',
      },
    },
    {
      id: 'old-master-returns',
      task: {
        en: '`m` is repaired. Restart it, and before anything else make it a replica of `r1`: `REPLICAOF 127.0.0.1 6380` on `m`.',
        ko: '`m`을 고쳤습니다. `m`을 재시작하고, 다른 무엇보다 먼저 `r1`의 레플리카로 만드세요: `m`에서 `REPLICAOF 127.0.0.1 6380`.',
      },
      goal: (ctx) => {
        const m = ctx.node('m');
        const r1 = ctx.node('r1');
        return !!m && !!r1 && m.up && follows(ctx, 'm', 'r1') && r1.keys > 0 && m.keys === r1.keys;
      },
      hints: [
        { en: 'Restart is in the menu of `m`. Then, in the console of `m`: `REPLICAOF 127.0.0.1 6380`.', ko: '\'재시작\'은 `m`의 메뉴에 있습니다. 그다음 `m`의 콘솔에서 `REPLICAOF 127.0.0.1 6380`.' },
        { en: 'Allow about 8 s for the full sync, with its 5 s `repl-diskless-sync-delay`.', ko: '전체 동기화에 약 8초가 걸립니다. `repl-diskless-sync-delay` 5초가 포함됩니다.' },
      ],
      solution: [
        { do: 'fault', fault: { kind: 'restart', node: 'm' } },
        { do: 'wait', ms: 500 },
        { do: 'command', node: 'm', line: 'REPLICAOF 127.0.0.1 6380' },
        { do: 'wait', ms: 9000 },
      ],
      wrong: [
        { do: 'fault', fault: { kind: 'restart', node: 'm' } },
        { do: 'wait', ms: 3000 },
      ],
      explain: {
        en: '`m` came back empty (it had never saved) and as a master of its own: a second master next to `r1`, and clients that still used its address would have written to an empty server. As a replica of `r1` it asked `PSYNC <its own new id> 1`, got `+FULLRESYNC` and received `r1`\'s whole data set. In production, make sure a failed master cannot take writes when it returns (Sentinel reconfigures it as a replica for you).',
        ko: '`m`은 빈 상태로(한 번도 저장한 적이 없으니까요), 그리고 독립된 마스터로 돌아왔습니다. `r1` 옆에 마스터가 하나 더 생긴 것이고, 아직 `m`의 주소를 쓰던 클라이언트는 빈 서버에 썼을 것입니다. `r1`의 레플리카가 되자 `m`은 `PSYNC <자신의 새 ID> 1`을 보내 `+FULLRESYNC`를 받았고, `r1`의 데이터 전체를 받았습니다. 운영 환경에서는 장애가 났던 마스터가 돌아왔을 때 쓰기를 받지 않도록 하세요(Sentinel은 그런 마스터를 레플리카로 바꿔 줍니다).',
      },
    },
    {
      id: 'failover-to',
      task: {
        en: 'Now hand the master role back to `m`, the safe way: on `r1`, `FAILOVER TO 127.0.0.1 6379`.',
        ko: '이제 안전한 방법으로 마스터 역할을 `m`에 돌려주세요: `r1`에서 `FAILOVER TO 127.0.0.1 6379`.',
      },
      goal: (ctx) => handedOver(ctx, 'r1'),
      hints: [
        { en: '`FAILOVER` runs on the current master, which is `r1` now; on a replica it is refused.', ko: '`FAILOVER`는 현재 마스터에서 실행합니다. 지금은 `r1`입니다. 레플리카에서는 거부됩니다.' },
        { en: 'It takes a couple of seconds: `r1` waits for `m`\'s next `REPLCONF ACK` before it switches.', ko: '몇 초 걸립니다. `r1`은 역할을 바꾸기 전에 `m`의 다음 `REPLCONF ACK`를 기다립니다.' },
      ],
      solution: [
        { do: 'command', node: 'r1', line: 'FAILOVER TO 127.0.0.1 6379' },
        { do: 'wait', ms: 5000 },
      ],
      wrong: [
        { do: 'command', node: 'm', line: 'FAILOVER TO 127.0.0.1 6379' },
        { do: 'wait', ms: 5000 },
      ],
      explain: {
        en: '`FAILOVER` paused writes on `r1` (`master_failover_state:waiting-for-sync`) and waited until `m` had acknowledged every byte. Then `r1` made itself a replica of `m` and sent `PSYNC <id> <offset+1> FAILOVER`: that special PSYNC told `m` to promote itself, and `m` answered `+CONTINUE` with a new id. No write could slip in between, so nothing was lost.\n\n`r2` stays attached to `r1`, now as a chained replica (it resumed with a partial resync when the id changed). Point it at `m` if you want it directly under the master.',
        ko: '`FAILOVER`는 `r1`의 쓰기를 멈추고(`master_failover_state:waiting-for-sync`), `m`이 모든 바이트를 확인(ACK)할 때까지 기다렸습니다. 그다음 `r1`은 스스로 `m`의 레플리카가 되어 `PSYNC <id> <offset+1> FAILOVER`를 보냈습니다. 이 특별한 PSYNC가 `m`에게 스스로 승격하라고 알렸고, `m`은 새 ID와 함께 `+CONTINUE`로 답했습니다. 그 사이에 끼어든 쓰기가 없으니 잃은 것도 없습니다.\n\n`r2`는 계속 `r1`에 붙어 있고, 이제 연쇄(chained) 레플리카가 되었습니다(ID가 바뀌었을 때 부분 재동기화로 이어 갔습니다). `r2`를 마스터 바로 아래에 두고 싶다면 `m`을 따르게 하세요.',
      },
    },
  ],
  outro: {
    en: 'By hand: `REPLICAOF NO ONE` on the most up-to-date replica, `REPLICAOF <host> <port>` on the others, which resume with a partial resync thanks to `master_replid2`. Bring the old master back only as a replica. For a planned switch, `FAILOVER` (or `FAILOVER TO host port`) on the master pauses writes, waits for the target to catch up and swaps the roles without losing a write. Sentinel automates the unplanned case.',
    ko: '손으로 할 때: 가장 최신인 레플리카에서 `REPLICAOF NO ONE`, 나머지에서 `REPLICAOF <host> <port>`. 나머지는 `master_replid2` 덕분에 부분 재동기화로 이어 갑니다. 예전 마스터는 레플리카로만 되돌리세요. 계획된 전환이라면 마스터에서 `FAILOVER`(또는 `FAILOVER TO host port`)를 실행하세요. 쓰기를 멈추고, 대상이 따라잡기를 기다린 뒤, 쓰기를 하나도 잃지 않고 역할을 바꿉니다. 계획에 없던 장애는 Sentinel이 자동으로 처리해 줍니다.',
  },
};
