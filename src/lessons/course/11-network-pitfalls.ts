// Lesson 11: network configuration pitfalls. A replica pointed at the wrong
// port (link down, a retry every second), the listening side (bind and
// protected-mode, which the lab's network does not enforce: only their
// values can be read here), and announced addresses behind NAT or containers
// (replica-announce-ip / -port change what the master reports).

import { ran, resynced } from '../goals';
import { connectAttempts, follows, handshakeSent } from '../goals-lessons7to12';
import type { Lesson } from '../types';

/** Regex-safe text. */
function escaped(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const networkPitfalls: Lesson = {
  id: 'network-pitfalls',
  title: { en: 'Network configuration pitfalls', ko: '네트워크 설정의 함정' },
  summary: {
    en: 'A wrong address, who may connect (bind, protected-mode), and announced addresses behind NAT.',
    ko: '잘못된 주소, 누가 접속할 수 있는가(bind, protected-mode), NAT 뒤에서 알리는 주소.',
  },
  intro: {
    en: 'Most replication problems in the field are not Redis problems but network ones: a typo in an address, a server that does not accept the connection, or a replica whose address means nothing to the others.\n\n`m` is the master at 127.0.0.1:6379, `r1` listens on port 6380 and `r2` on 6381.',
    ko: '현장에서 만나는 복제 문제는 대부분 Redis가 아니라 네트워크 문제입니다. 주소의 오타, 연결을 받아 주지 않는 서버, 다른 노드에게는 의미 없는 주소를 가진 레플리카 같은 것들입니다.\n\n`m`은 127.0.0.1:6379의 마스터이고, `r1`은 6380 포트, `r2`는 6381 포트에서 기다립니다.',
  },
  setup: { preset: 'default' },
  steps: [
    {
      id: 'wrong-port',
      task: {
        en: 'Make a typical typo: on `r2`, `REPLICAOF 127.0.0.1 6390` (nothing listens there). Let a few seconds pass, then run `INFO replication` on `r2`.',
        ko: '흔한 오타를 내 보세요: `r2`에서 `REPLICAOF 127.0.0.1 6390`(그 포트에는 아무도 없습니다). 몇 초 지난 뒤 `r2`에서 `INFO replication`을 실행하세요.',
      },
      goal: (ctx) => {
        const r2 = ctx.node('r2');
        return !!r2 && r2.role === 'slave' && r2.linkState !== 'connected' && connectAttempts(ctx, 'r2') >= 3 && ran(ctx, 'r2', /^info(\s+replication)?$/i, /master_port:6390[\s\S]*master_link_status:down/);
      },
      hints: [
        { en: 'Host and port are two arguments, separated by a space: `REPLICAOF 127.0.0.1 6390`.', ko: '호스트와 포트는 공백으로 나눈 인자 두 개입니다: `REPLICAOF 127.0.0.1 6390`.' },
        { en: 'Wait 3 s or so before the `INFO replication`, and watch `r2` try again each second.', ko: '`INFO replication` 전에 3초쯤 기다리면서, `r2`가 매초 다시 시도하는 것을 지켜보세요.' },
      ],
      solution: [
        { do: 'command', node: 'r2', line: 'REPLICAOF 127.0.0.1 6390' },
        { do: 'wait', ms: 3000 },
        { do: 'command', node: 'r2', line: 'INFO replication' },
      ],
      wrong: [
        { do: 'command', node: 'r2', line: 'REPLICAOF 127.0.0.1:6390' },
        { do: 'wait', ms: 3000 },
        { do: 'command', node: 'r2', line: 'INFO replication' },
      ],
      explain: {
        en: '`REPLICAOF` answered `OK`: Redis does not check the address, it only starts trying. Nothing listens on port 6390, so every attempt is refused at once, and the replication cron tries again every second. `INFO replication` shows `master_port:6390` and `master_link_status:down`; `ROLE` shows the state `connect`.\n\n`r2` still serves its old data (`replica-serve-stale-data yes`), so nothing looks broken until someone notices it never changes. Worse, an address where nothing answers at all (a wrong host, a firewall that drops packets) leaves it in `connecting` until `repl-timeout` (60 s) before each new try.',
        ko: '`REPLICAOF`는 `OK`로 답했습니다. Redis는 주소를 확인하지 않고 연결을 시도하기 시작할 뿐입니다. 6390 포트에는 아무도 없으므로 시도할 때마다 곧바로 거부되고, 복제 cron이 매초 다시 시도합니다. `INFO replication`에는 `master_port:6390`과 `master_link_status:down`이 보이고, `ROLE`에는 `connect` 상태가 보입니다.\n\n`r2`는 예전 데이터로 계속 응답하므로(`replica-serve-stale-data yes`), 데이터가 더 이상 바뀌지 않는다는 것을 누군가 알아챌 때까지는 고장 난 것처럼 보이지 않습니다. 더 나쁜 경우도 있습니다. 아무 응답도 없는 주소(잘못된 호스트, 패킷을 버리는 방화벽)라면 매번 `repl-timeout`(60초) 동안 `connecting` 상태로 머문 뒤에야 다시 시도합니다.',
      },
    },
    {
      id: 'fix-address',
      task: {
        en: 'Fix it: point `r2` back at `m` with the right port, `REPLICAOF 127.0.0.1 6379`, and watch how it resumes.',
        ko: '고쳐 보세요: 올바른 포트로 `r2`가 다시 `m`을 따르게 하세요. `REPLICAOF 127.0.0.1 6379`. 그리고 어떻게 이어 가는지 지켜보세요.',
      },
      goal: (ctx) => follows(ctx, 'r2', 'm') && resynced(ctx, 'r2', 'partial'),
      hints: [
        { en: '`m` is on port 6379; 6380 is `r1`, another replica.', ko: '`m`은 6379 포트입니다. 6380은 또 다른 레플리카인 `r1`입니다.' },
      ],
      solution: [
        { do: 'command', node: 'r2', line: 'REPLICAOF 127.0.0.1 6379' },
        { do: 'wait', ms: 3000 },
      ],
      wrong: [
        { do: 'command', node: 'r2', line: 'REPLICAOF 127.0.0.1 6380' },
        { do: 'wait', ms: 3000 },
      ],
      explain: {
        en: '`r2` had kept its data, replication id and offset while it could not connect. So it asked `PSYNC <replid> <offset+1>`, and `m`, whose backlog still held that offset, answered `+CONTINUE`: a partial resync, not a full copy. A wrong address costs time, not data, as long as it is fixed before the backlog moves on.',
        ko: '`r2`는 연결하지 못하는 동안에도 데이터와 replication ID, 오프셋을 그대로 가지고 있었습니다. 그래서 `PSYNC <replid> <offset+1>`을 보냈고, 백로그에 그 오프셋이 아직 있던 `m`은 `+CONTINUE`로 답했습니다. 전체 복사가 아니라 부분 재동기화입니다. 잘못된 주소는 백로그가 그 지점을 지나기 전에만 고치면 데이터가 아니라 시간만 잃습니다.',
      },
    },
    {
      id: 'listening-side',
      task: {
        en: 'Now the listening side. On `m`, read the two settings that decide who may connect: `CONFIG GET bind` and `CONFIG GET protected-mode`.',
        ko: '이번에는 연결을 받는 쪽입니다. `m`에서 누가 접속할 수 있는지 정하는 설정 두 가지를 읽어 보세요: `CONFIG GET bind`와 `CONFIG GET protected-mode`.',
      },
      goal: (ctx) => ran(ctx, 'm', /^config\s+get\s+bind$/i, /"bind"/) && ran(ctx, 'm', /^config\s+get\s+protected-mode$/i, /"yes"|"no"/),
      hints: [
        { en: 'The setting is spelled with a hyphen: `protected-mode`. With an underscore, `CONFIG GET` finds nothing and returns an empty array.', ko: '설정 이름은 하이픈을 씁니다: `protected-mode`. 밑줄로 쓰면 `CONFIG GET`이 아무것도 찾지 못하고 빈 배열을 돌려줍니다.' },
      ],
      solution: [
        { do: 'command', node: 'm', line: 'CONFIG GET bind' },
        { do: 'command', node: 'm', line: 'CONFIG GET protected-mode' },
      ],
      wrong: [
        { do: 'command', node: 'm', line: 'CONFIG GET bind' },
        { do: 'command', node: 'm', line: 'CONFIG GET protected_mode' },
      ],
      explain: {
        en: '`bind` lists the addresses Redis listens on. Without a config file the default is `* -::*`: every interface. The `redis.conf` shipped with Redis says `bind 127.0.0.1 -::1` instead: loopback only, so a replica on another machine or container gets its connection refused.\n\n`protected-mode yes` (the default) adds a second lock: while the default user has no password, connections that do not come from loopback are answered with a `-DENIED` error, and a replica\'s handshake fails on it. A replica in another container hitting either one shows `master_link_status:down` and retries every second, just like the typo.\n\nThe fix is to listen on the right interface and set a password (`requirepass` on the master, `masterauth` on the replicas) rather than to switch protection off. In this lab all nodes share one host and the network does not enforce these two settings: you can read and change them, but they do not block anything here.',
        ko: '`bind`는 Redis가 연결을 기다리는 주소 목록입니다. 설정 파일 없이 시작하면 기본값은 `* -::*`, 즉 모든 인터페이스입니다. Redis와 함께 배포되는 `redis.conf`에는 대신 `bind 127.0.0.1 -::1`이라고 되어 있습니다. 루프백만 받으므로 다른 머신이나 컨테이너의 레플리카는 연결을 거부당합니다.\n\n`protected-mode yes`(기본값)는 두 번째 자물쇠입니다. 기본 사용자에게 비밀번호가 없으면 루프백이 아닌 곳에서 온 연결에 `-DENIED` 오류로 답하고, 레플리카의 핸드셰이크는 여기서 실패합니다. 다른 컨테이너의 레플리카가 둘 중 하나에 걸리면 `master_link_status:down`이 보이고, 오타 때처럼 매초 다시 시도합니다.\n\n해결책은 보호를 끄는 것이 아니라, 올바른 인터페이스에서 기다리고 비밀번호를 설정하는 것입니다(마스터에 `requirepass`, 레플리카에 `masterauth`). 이 실습에서는 모든 노드가 한 호스트에 있고, 네트워크가 이 두 설정을 적용하지 않습니다. 값을 읽고 바꿀 수는 있지만, 여기서는 아무것도 막지 않습니다.',
      },
    },
    {
      id: 'announce',
      task: {
        en: 'Make `r2` announce another address, as a replica behind NAT or in a container must: `CONFIG SET replica-announce-ip 203.0.113.7` and `CONFIG SET replica-announce-port 7002` on `r2`, then `CLIENT KILL TYPE master` on `r2` so it reconnects. Then run `INFO replication` on `m`.',
        ko: 'NAT 뒤나 컨테이너 안의 레플리카가 그래야 하듯, `r2`가 다른 주소를 알리게 하세요. `r2`에서 `CONFIG SET replica-announce-ip 203.0.113.7`과 `CONFIG SET replica-announce-port 7002`를 실행하고, 다시 연결하도록 `r2`에서 `CLIENT KILL TYPE master`를 실행하세요. 그다음 `m`에서 `INFO replication`을 실행하세요.',
      },
      goal: (ctx) => {
        const announced = handshakeSent(ctx, 'r2', /^REPLCONF ip-address (\S+)$/);
        if (!announced || announced[1] === '127.0.0.1') return false;
        return follows(ctx, 'r2', 'm') && ran(ctx, 'm', /^(info(\s+replication)?|role)$/i, new RegExp(escaped(announced[1])));
      },
      hints: [
        { en: 'The announced address is sent only in the handshake (`REPLCONF ip-address`, `REPLCONF listening-port`), so `r2` has to reconnect: `CLIENT KILL TYPE master` closes its link to `m`, and it reconnects within a second.', ko: '알리는 주소는 핸드셰이크(`REPLCONF ip-address`, `REPLCONF listening-port`)에서만 보냅니다. 그래서 `r2`가 다시 연결해야 합니다. `CLIENT KILL TYPE master`는 `m`으로 가는 링크를 닫고, `r2`는 1초 안에 다시 연결합니다.' },
        { en: 'Give the reconnection about 2 s before `INFO replication` on `m` (or `ROLE` on `m`).', ko: '`m`에서 `INFO replication`(또는 `ROLE`)을 실행하기 전에 다시 연결되도록 2초쯤 기다리세요.' },
      ],
      solution: [
        { do: 'command', node: 'r2', line: 'CONFIG SET replica-announce-ip 203.0.113.7' },
        { do: 'command', node: 'r2', line: 'CONFIG SET replica-announce-port 7002' },
        { do: 'command', node: 'r2', line: 'CLIENT KILL TYPE master' },
        { do: 'wait', ms: 3000 },
        { do: 'command', node: 'm', line: 'INFO replication' },
      ],
      wrong: [
        { do: 'command', node: 'r2', line: 'CONFIG SET replica-announce-ip 203.0.113.7' },
        { do: 'command', node: 'r2', line: 'CONFIG SET replica-announce-port 7002' },
        { do: 'command', node: 'm', line: 'INFO replication' },
      ],
      explain: {
        en: 'In its new handshake `r2` sent `REPLCONF listening-port 7002` and `REPLCONF ip-address 203.0.113.7`, and `m` now lists it as `slave1:ip=203.0.113.7,port=7002,…` (`ROLE` shows the same). Sentinel reads these addresses to find replicas, and `FAILOVER TO` matches them: `FAILOVER TO 127.0.0.1 6381` on `m` would now fail with `FAILOVER target HOST and PORT is not a replica.`\n\nBehind Docker\'s port mapping or NAT, a replica reports its inside address unless told otherwise. Announce the address the others can actually reach.',
        ko: '새 핸드셰이크에서 `r2`는 `REPLCONF listening-port 7002`와 `REPLCONF ip-address 203.0.113.7`을 보냈고, 이제 `m`은 `r2`를 `slave1:ip=203.0.113.7,port=7002,…`로 보여 줍니다(`ROLE`도 같습니다). Sentinel은 이 주소로 레플리카를 찾고, `FAILOVER TO`도 이 주소와 비교합니다. 이제 `m`에서 `FAILOVER TO 127.0.0.1 6381`을 실행하면 `FAILOVER target HOST and PORT is not a replica.`로 실패합니다.\n\nDocker의 포트 매핑이나 NAT 뒤에서는, 따로 알려 주지 않으면 레플리카가 안쪽 주소를 보고합니다. 다른 노드가 실제로 닿을 수 있는 주소를 알리세요.',
      },
    },
  ],
  outro: {
    en: 'A replica that cannot reach its master says so plainly: `master_link_status:down`, a retry every second, while it keeps serving stale data. Check the address, the master\'s `bind` and `protected-mode` (set a password instead of opening everything), and behind NAT or containers make replicas announce a reachable address with `replica-announce-ip` and `replica-announce-port`.',
    ko: '마스터에 닿지 못하는 레플리카는 분명히 알려 줍니다. `master_link_status:down`이고 매초 다시 시도하며, 그동안 오래된 데이터로 계속 응답합니다. 주소를 확인하고, 마스터의 `bind`와 `protected-mode`를 확인하세요(모두 열어 두는 대신 비밀번호를 설정하세요). NAT나 컨테이너 뒤에서는 `replica-announce-ip`와 `replica-announce-port`로 레플리카가 닿을 수 있는 주소를 알리게 하세요.',
  },
};
