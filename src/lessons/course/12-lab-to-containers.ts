// Lesson 12: from the lab to containers. The classic master/replica
// docker-compose file (../shared/examples/docker-compose.master-replica.yml),
// played by the compose-pair preset: what each setting means, the misspelled
// REDIS_REPLIACATION_MODE that changes nothing only because "master" is the
// default, and why bitnami/redis:latest gives way to the official image.

import { inSync, ran } from '../goals';
import type { Lesson } from '../types';

const MASTER = 'redis-master';
const REPLICA = 'redis-slave-1';

export const labToContainers: Lesson = {
  id: 'lab-to-containers',
  title: { en: 'From the lab to containers', ko: '실습에서 컨테이너로' },
  summary: {
    en: 'The classic docker-compose pair, setting by setting: a typo, ports, and the image to use now.',
    ko: '흔히 쓰는 docker-compose 한 쌍을 설정 하나하나 읽어 봅니다: 오타, 포트, 그리고 지금 써야 할 이미지.',
  },
  intro: {
    en: 'Many tutorials hand out this `docker-compose.yml` (`version: \'3.8\'`) for a master and a replica, and people copy it. Each service also sets `hostname` and `container_name` to its own name.\n\n`redis-master:` `image: bitnami/redis:latest` `environment:` `- REDIS_REPLIACATION_MODE=master` `- ALLOW_EMPTY_PASSWORD=yes` `ports:` `- "6379:6379"`\n\n`redis-slave-1:` `image: bitnami/redis:latest` `environment:` `- REDIS_REPLICATION_MODE=slave` `- REDIS_MASTER_HOST=redis-master` `- ALLOW_EMPTY_PASSWORD=yes` `ports:` `- "6380:6379"` `depends_on:` `- redis-master`\n\nThe lab runs the same pair: `redis-master` and `redis-slave-1`, both with the append-only file on, as this image does by default. What does each setting do, and what is wrong with the file?',
    ko: '많은 튜토리얼이 마스터와 레플리카용으로 이 `docker-compose.yml`(`version: \'3.8\'`)을 나눠 주고, 사람들은 그것을 그대로 복사합니다. 두 서비스 모두 `hostname`과 `container_name`을 자기 이름으로 설정합니다.\n\n`redis-master:` `image: bitnami/redis:latest` `environment:` `- REDIS_REPLIACATION_MODE=master` `- ALLOW_EMPTY_PASSWORD=yes` `ports:` `- "6379:6379"`\n\n`redis-slave-1:` `image: bitnami/redis:latest` `environment:` `- REDIS_REPLICATION_MODE=slave` `- REDIS_MASTER_HOST=redis-master` `- ALLOW_EMPTY_PASSWORD=yes` `ports:` `- "6380:6379"` `depends_on:` `- redis-master`\n\n실습에서도 같은 한 쌍, `redis-master`와 `redis-slave-1`이 실행 중입니다. 이 이미지의 기본값처럼 둘 다 AOF가 켜져 있습니다. 각 설정은 무슨 일을 하고, 이 파일에서 무엇이 잘못되었을까요?',
  },
  setup: { preset: 'compose-pair' },
  steps: [
    {
      id: 'spot-the-typo',
      task: {
        en: 'One variable name in the master\'s environment is misspelled: find it. Then check what each server really is: `ROLE` on `redis-master`, and `ROLE` on `redis-slave-1`.',
        ko: '마스터의 environment에 있는 변수 이름 하나에 오타가 있습니다. 찾아보세요. 그다음 각 서버가 실제로 무엇인지 확인하세요: `redis-master`에서 `ROLE`, `redis-slave-1`에서 `ROLE`.',
      },
      goal: (ctx) => ran(ctx, MASTER, /^(role|info(\s+replication)?)$/i, /^1\) "master"|role:master/) && ran(ctx, REPLICA, /^(role|info(\s+replication)?)$/i, /^1\) "slave"|role:slave/),
      hints: [
        { en: 'Compare the master\'s `REDIS_REPLIACATION_MODE` with the replica\'s `REDIS_REPLICATION_MODE`, letter by letter.', ko: '마스터의 `REDIS_REPLIACATION_MODE`와 레플리카의 `REDIS_REPLICATION_MODE`를 한 글자씩 비교해 보세요.' },
        { en: 'The console tabs carry the service names: run `ROLE` in the `redis-master` tab and in the `redis-slave-1` tab.', ko: '콘솔 탭 이름이 서비스 이름입니다. `redis-master` 탭과 `redis-slave-1` 탭에서 각각 `ROLE`을 실행하세요.' },
      ],
      solution: [
        { do: 'command', node: MASTER, line: 'ROLE' },
        { do: 'command', node: REPLICA, line: 'ROLE' },
      ],
      wrong: [{ do: 'command', node: REPLICA, line: 'ROLE' }],
      explain: {
        en: '`REDIS_REPLIACATION_MODE` has an extra A. The Bitnami image does not know that name and silently ignores it, so `redis-master` gets no replication mode at all. It is a master anyway, only because a Redis server without replication settings is a master by default: `ROLE` answers `master`, with the replica\'s address in its list. The file works by luck, and the typo stays invisible: whatever value you put in that misspelled variable, nothing changes and nothing warns you.\n\n`redis-slave-1` is a replica because its variables are spelled right: `REDIS_REPLICATION_MODE=slave` makes the image configure replication, `REDIS_MASTER_HOST=redis-master` says where to (the port is `REDIS_MASTER_PORT_NUMBER`, 6379 by default), and `ALLOW_EMPTY_PASSWORD=yes` lets both containers start without `REDIS_PASSWORD`, which the image otherwise refuses. Fine on a laptop, not in production.',
        ko: '`REDIS_REPLIACATION_MODE`에는 A가 하나 더 있습니다. Bitnami 이미지는 이 이름을 모르므로 조용히 무시하고, `redis-master`에는 복제 모드가 아예 설정되지 않습니다. 그런데도 마스터인 이유는 복제 설정이 없는 Redis 서버가 기본적으로 마스터이기 때문입니다. `ROLE`은 `master`라고 답하고, 목록에 레플리카의 주소를 보여 줍니다. 이 파일은 운 좋게 동작하는 것이고, 오타는 눈에 띄지 않습니다. 철자가 틀린 그 변수에 어떤 값을 넣어도 아무것도 바뀌지 않고, 아무 경고도 없습니다.\n\n`redis-slave-1`이 레플리카인 것은 변수 이름이 올바르기 때문입니다. `REDIS_REPLICATION_MODE=slave`는 이미지가 복제를 설정하게 하고, `REDIS_MASTER_HOST=redis-master`는 어디를 복제할지 알려 줍니다(포트는 `REDIS_MASTER_PORT_NUMBER`이고 기본값은 6379). `ALLOW_EMPTY_PASSWORD=yes`는 두 컨테이너가 `REDIS_PASSWORD` 없이 시작하도록 허용합니다. 이것이 없으면 이미지는 시작을 거부합니다. 노트북에서는 괜찮지만 운영 환경에서는 안 됩니다.',
      },
    },
    {
      id: 'write-and-read',
      task: {
        en: 'Check that the pair replicates: `SET greeting hello` on `redis-master`, then `GET greeting` on `redis-slave-1`.',
        ko: '이 한 쌍이 복제되는지 확인하세요: `redis-master`에서 `SET greeting hello`, 그다음 `redis-slave-1`에서 `GET greeting`.',
      },
      goal: (ctx) => ran(ctx, MASTER, /^set\s+\S+\s+\S+/i, /^OK$/) && ran(ctx, REPLICA, /^get\s+\S+$/i, /^"/) && inSync(ctx, REPLICA),
      hints: [
        { en: 'Writes go to `redis-master`; `redis-slave-1` is read-only and would answer `READONLY`.', ko: '쓰기는 `redis-master`에 합니다. `redis-slave-1`은 읽기 전용이라 `READONLY`로 답합니다.' },
      ],
      solution: [
        { do: 'command', node: MASTER, line: 'SET greeting hello' },
        { do: 'wait', ms: 1000 },
        { do: 'command', node: REPLICA, line: 'GET greeting' },
      ],
      wrong: [
        { do: 'command', node: REPLICA, line: 'SET greeting hello' },
        { do: 'command', node: REPLICA, line: 'GET greeting' },
      ],
      explain: {
        en: 'The write went down the replication link and `redis-slave-1` answers `"hello"`. An application on the Docker host would reach the master on port 6379 and the replica, for reads only, on port 6380; one inside the compose network would use `redis-master:6379` and `redis-slave-1:6379`.',
        ko: '쓰기가 복제 링크를 따라 내려갔고, `redis-slave-1`은 `"hello"`로 답합니다. Docker 호스트에 있는 애플리케이션은 6379 포트로 마스터에, 6380 포트로 레플리카에(읽기 전용으로) 접속합니다. compose 네트워크 안의 애플리케이션이라면 `redis-master:6379`와 `redis-slave-1:6379`를 씁니다.',
      },
    },
    {
      id: 'replica-info',
      task: {
        en: 'Look at the link from the replica\'s side: `INFO replication` on `redis-slave-1`. Find `master_host`, `master_port` and `master_link_status`.',
        ko: '레플리카 쪽에서 링크를 살펴보세요: `redis-slave-1`에서 `INFO replication`. `master_host`, `master_port`, `master_link_status`를 찾아보세요.',
      },
      goal: (ctx) => ran(ctx, REPLICA, /^info(\s+replication)?$/i, /master_port:6379[\s\S]*master_link_status:up/),
      hints: [
        { en: 'Run it on the replica: the master\'s `INFO replication` has no `master_host`, it lists its replicas instead.', ko: '레플리카에서 실행하세요. 마스터의 `INFO replication`에는 `master_host`가 없고, 대신 레플리카 목록이 있습니다.' },
      ],
      solution: [{ do: 'command', node: REPLICA, line: 'INFO replication' }],
      wrong: [{ do: 'command', node: MASTER, line: 'INFO replication' }],
      explain: {
        en: '`master_port:6379` and `master_link_status:up`. In compose, `master_host` would read `redis-master`: Docker\'s DNS resolves the service name on the compose network. In the lab every node runs on one host, so it shows `127.0.0.1`.\n\nThe port is 6379, not 6380: the `ports` lines only publish container ports on the host for clients outside. `"6380:6379"` maps the host\'s 6380 to the replica container\'s 6379; inside the compose network both containers listen on 6379 and replicate over it. (In the lab the replica really listens on 6380, so the master\'s INFO lists it as `port=6380`; in compose it would show the container\'s IP and 6379.)',
        ko: '`master_port:6379`, `master_link_status:up`입니다. compose 환경이라면 `master_host`는 `redis-master`로 보입니다. compose 네트워크에서는 Docker의 DNS가 서비스 이름을 찾아 주기 때문입니다. 실습에서는 모든 노드가 한 호스트에서 실행되므로 `127.0.0.1`로 보입니다.\n\n포트가 6380이 아니라 6379인 이유: `ports` 줄은 컨테이너의 포트를 바깥 클라이언트를 위해 호스트에 공개할 뿐입니다. `"6380:6379"`는 호스트의 6380을 레플리카 컨테이너의 6379로 연결합니다. compose 네트워크 안에서는 두 컨테이너 모두 6379에서 기다리고, 그 포트로 복제합니다. (실습에서는 레플리카가 실제로 6380에서 기다리므로 마스터의 INFO에 `port=6380`으로 나옵니다. compose 환경이라면 컨테이너의 IP와 6379가 보입니다.)',
      },
    },
    {
      id: 'official-image',
      task: {
        en: 'The official `redis` image has no `REDIS_*` variables: the replica\'s service gets `command: redis-server --replicaof redis-master 6379` and the master needs nothing. That flag is the `replicaof` setting: check it with `CONFIG GET replicaof` on `redis-slave-1`, then `CONFIG GET appendonly` on `redis-master`.',
        ko: '공식 `redis` 이미지에는 `REDIS_*` 변수가 없습니다. 레플리카 서비스에 `command: redis-server --replicaof redis-master 6379`를 주고, 마스터에는 아무것도 필요 없습니다. 이 플래그가 곧 `replicaof` 설정입니다. `redis-slave-1`에서 `CONFIG GET replicaof`로 확인하고, 이어서 `redis-master`에서 `CONFIG GET appendonly`를 실행하세요.',
      },
      goal: (ctx) => ran(ctx, REPLICA, /^config\s+get\s+(replicaof|slaveof)$/i, /6379/) && ran(ctx, MASTER, /^config\s+get\s+appendonly$/i, /"yes"|"no"/),
      hints: [
        { en: '`replicaof` is set on the replica, not on the master: on `redis-master` it is empty.', ko: '`replicaof`는 마스터가 아니라 레플리카에 설정되어 있습니다. `redis-master`에서는 비어 있습니다.' },
      ],
      solution: [
        { do: 'command', node: REPLICA, line: 'CONFIG GET replicaof' },
        { do: 'command', node: MASTER, line: 'CONFIG GET appendonly' },
      ],
      wrong: [
        { do: 'command', node: MASTER, line: 'CONFIG GET replicaof' },
        { do: 'command', node: MASTER, line: 'CONFIG GET appendonly' },
      ],
      explain: {
        en: '`replicaof` is `127.0.0.1 6379` on the replica (in compose it would be `redis-master 6379`) and empty on the master. `--replicaof redis-master 6379` sets exactly this at startup, the same as typing `REPLICAOF` at runtime, with no image-specific variable to misspell.\n\n`appendonly` is `yes` because Bitnami\'s image turns the AOF on by default (`REDIS_AOF_ENABLED=yes`). The official image does not: without `--appendonly yes` (or your own redis.conf) the master keeps only the default RDB snapshots, which can be up to an hour old, and a master restarted by `restart: always` comes back with whatever its last snapshot held.\n\nWhy switch at all: Bitnami stopped publishing free, versioned images in its public catalogue on 2025-08-28. Older tags moved to `bitnamilegacy/redis` and get no updates, so `bitnami/redis:latest` is nothing to build on. Use the official image, and pin a version, for example `redis:7.0`.',
        ko: '`replicaof`는 레플리카에서 `127.0.0.1 6379`(compose 환경이라면 `redis-master 6379`)이고, 마스터에서는 비어 있습니다. `--replicaof redis-master 6379`는 시작할 때 바로 이 값을 설정합니다. 실행 중에 `REPLICAOF`를 입력하는 것과 같고, 오타를 낼 이미지 전용 변수도 없습니다.\n\n`appendonly`가 `yes`인 것은 Bitnami 이미지가 기본으로 AOF를 켜기 때문입니다(`REDIS_AOF_ENABLED=yes`). 공식 이미지는 켜지 않습니다. `--appendonly yes`(또는 직접 만든 redis.conf)가 없으면 마스터에는 기본 RDB 스냅샷만 남는데, 이것은 최대 한 시간 전 것일 수도 있습니다. 그리고 `restart: always`로 재시작된 마스터는 마지막 스냅샷에 있던 것만 가지고 돌아옵니다.\n\n애초에 왜 바꿔야 할까요? Bitnami는 2025-08-28부터 공개 카탈로그에 무료 버전별 이미지를 더 이상 게시하지 않습니다. 예전 태그는 업데이트 없이 `bitnamilegacy/redis`로 옮겨졌으므로, `bitnami/redis:latest`는 기반으로 삼을 이미지가 아닙니다. 공식 이미지를 쓰고 버전도 고정하세요. 예: `redis:7.0`.',
      },
    },
  ],
  outro: {
    en: 'Replication in containers is the same replication: `replicaof` on the replica, an address it can reach (the service name on the compose network, the container port), and persistence you chose on purpose. Prefer the official `redis` image with `command: redis-server --replicaof redis-master 6379`, a pinned version, a password, and `--appendonly yes` where a restart must not lose data.',
    ko: '컨테이너 안의 복제도 같은 복제입니다. 레플리카의 `replicaof`, 레플리카가 닿을 수 있는 주소(compose 네트워크의 서비스 이름과 컨테이너 포트), 그리고 의도해서 고른 영속성. 공식 `redis` 이미지를 `command: redis-server --replicaof redis-master 6379`로 쓰고, 버전을 고정하고, 비밀번호를 설정하고, 재시작해도 데이터를 잃으면 안 되는 곳에는 `--appendonly yes`를 더하세요.',
  },
};
