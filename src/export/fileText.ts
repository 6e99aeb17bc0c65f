// The comments written into the exported files, in English and Korean. The
// files are for learners: every line Redis or Docker reads has a comment
// saying why it is there. Each entry is a list of comment lines (without the
// leading "# "); Redis' and Docker's own words stay as they are.

import type { Lang } from '../i18n';
import type { LeftOutReason } from './settings';

/** One comment block: lines, or none when there is nothing to say. */
type Lines = readonly string[];

const en = {
  composeTitle: 'docker-compose.yml, exported from Replica Lab',
  composeIntro: (image: string): Lines => [
    `The lab's nodes as real Redis servers: the official image ${image}, the`,
    'version the lab simulates. Put this file and the .conf files next to it',
    'in one folder, then run:',
  ],
  composeTry: (service: string, port: number): Lines => [
    'Then ask a node how it replicates, inside the compose network or from',
    'this machine:',
    `  docker compose exec ${service} redis-cli info replication`,
    `  redis-cli -p ${port} role`,
  ],
  composeNodes: 'The nodes (name in the lab -> service, role, port on this machine):',
  roleMaster: 'master',
  roleReplicaOf: (service: string): string => `replica of ${service}`,
  composeConfMount: 'Its redis.conf (read-only): every setting, with why.',
  composeVolume: 'Snapshots and the append-only file outlive the container here.',
  composeNoVolume: 'No volume: this node keeps nothing on disk (save "" and appendonly no).',
  composePort: (port: number): Lines => [
    `Redis' port 6379 in the container is 127.0.0.1:${port} on this machine only;`,
    `write "${port}:6379" to open it to your network.`,
  ],
  composeDependsOn: 'Starts after its master (a replica would retry every second anyway).',
  composeCycle: (services: string): string => `No depends_on: ${services} replicate from each other in a circle, which compose cannot order.`,
  composeVolumes: 'One volume per node that persists data.',

  confTitle: (file: string, name: string): string => `${file}: the redis.conf of node ${name}, exported from Replica Lab`,
  confIntro: (image: string, service: string, path: string): Lines => [
    `For Redis 7.0 (${image}). In docker-compose.yml the service ${service}`,
    `mounts it at ${path} and starts redis-server with it.`,
  ],
  confRoleMaster: 'In the lab this node is a master.',
  confRoleReplica: (master: string): string => `In the lab this node is a replica of ${master}.`,
  sectionNetwork: 'Network',
  sectionReplication: 'Replication',
  sectionPersistence: 'Persistence',
  sectionChosen: 'Settings you changed in the lab',
  sectionLeftOut: 'Left out',
  port: (hostPort: number): Lines => [
    "Inside its container every node listens on Redis' usual port;",
    `docker-compose.yml publishes it as 127.0.0.1:${hostPort} on your machine.`,
  ],
  bind: [
    "Listen on all of the container's interfaces: the other containers reach",
    'this node over the compose network, never over its loopback.',
  ] as Lines,
  protectedMode: [
    'Protected mode refuses clients from other hosts while no password is set.',
    'On the compose network the other nodes are other hosts, so it is off: the',
    'network is private to this project and the port is published on',
    '127.0.0.1 only.',
  ] as Lines,
  replicaof: (service: string): Lines => [`Follow ${service}: Docker's DNS resolves the service name to its container.`],
  masterHasNoReplicaof: 'A master has no replicaof line.',
  masterauthMismatch: (master: string): Lines => [
    `Careful: ${master} asks for a password (requirepass) and this node's`,
    'masterauth does not match it, so the master refuses its sync (NOAUTH or',
    'WRONGPASS) and the link stays down.',
  ],
  dir: (volume: string): Lines => [`RDB snapshots and the append-only file go here (the volume ${volume}).`],
  dirNoVolume: [
    'Redis works in /data. This node keeps nothing on disk (save "" and',
    'appendonly no): after a restart it is empty.',
  ] as Lines,
  emptyMasterWarning: [
    'Careful: a master that restarts empty is still a master, and its replicas',
    'then resynchronise from it and lose their copy too. Do not give this',
    'service an automatic restart policy without turning persistence on.',
  ] as Lines,
  chosenIntro: [
    "Values as CONFIG GET shows them; every other setting is Redis 7.0's",
    'default.',
  ] as Lines,
  noneChosen: "None: every setting is Redis 7.0's default.",
  leftOutIntro: 'Settings from the lab that would be wrong (or unsafe) in a container:',
  secret: [
    'A password from the lab: whoever reads this file knows it. Choose a strong',
    'one before using this anywhere real.',
  ] as Lines,
  leftOut: {
    'host-path': "a file or CPU of the lab's simulated machine; a container has its own",
    'lab-address': "an address of the lab's simulated network; the compose network has its own",
    container: "in a container Redis runs in the foreground and logs to the container's output",
    'test-knob': "a debugging knob of Redis' test suite (the lab uses it to slow things down)",
    unsafe: 'opens commands or settings Redis keeps closed by default; enable it yourself if you need it',
    tls: 'TLS needs certificate files that the export cannot provide',
  } satisfies Record<LeftOutReason, string>,
  /** What a setting does, above its line; null when the line speaks for itself. */
  explain: (name: string, value: string): Lines | null => {
    switch (name) {
      case 'save':
        return value.trim() === ''
          ? ['No RDB snapshots (save "" turns them all off).']
          : ['RDB snapshot points: save <seconds> <changes> [<seconds> <changes> ...].'];
      case 'appendonly':
        return value === 'yes' ? ['Log every write to the append-only file (appendonlydir in /data).'] : null;
      case 'appendfsync':
        return ['When the append-only file is flushed to disk: always, everysec or no.'];
      case 'repl-backlog-size':
        return [
          'Bytes of the replication stream the master keeps for replicas that',
          'reconnect: a partial resync (+CONTINUE) works while the gap fits.',
        ];
      case 'repl-backlog-ttl':
        return ['Seconds a master without replicas keeps its backlog before freeing it.'];
      case 'min-replicas-to-write':
        return [
          `The master refuses writes (NOREPLICAS) unless at least ${value} replica(s)`,
          'acknowledged within min-replicas-max-lag seconds.',
        ];
      case 'min-replicas-max-lag':
        return ['A replica counts for min-replicas-to-write while its last ACK is at most', `${value} seconds old.`];
      case 'replica-read-only':
        return value === 'no'
          ? ['This replica accepts writes. They reach no one else and vanish at its', 'next full sync.']
          : null;
      case 'replica-serve-stale-data':
        return value === 'no' ? ['While its link to the master is down this replica answers MASTERDOWN.'] : null;
      case 'replica-priority':
        return ['Sentinel promotes the replica with the lowest priority first (0: never).'];
      case 'repl-timeout':
        return ['Seconds of silence after which a replication link is considered dead.'];
      case 'repl-ping-replica-period':
        return ['The master PINGs its replicas this often (seconds).'];
      case 'repl-diskless-sync':
        return value === 'no' ? ['Full syncs write an RDB file to disk first, then send it.'] : null;
      case 'repl-diskless-sync-delay':
        return ['Seconds a diskless full sync waits for more replicas to join it.'];
      case 'repl-diskless-load':
        return ['How a replica loads the RDB of a full sync: from disk, or straight from the socket.'];
      case 'maxmemory':
        return ['Memory limit in bytes (0: none).'];
      case 'maxmemory-policy':
        return ['Which keys go when maxmemory is reached.'];
      default:
        return null;
    }
  },
};

export type FileText = typeof en;

const ko: FileText = {
  composeTitle: 'docker-compose.yml, Replica Lab에서 내보낸 파일',
  composeIntro: (image: string): Lines => [
    `실습의 노드를 실제 Redis 서버로 실행합니다. 공식 이미지(${image})를 쓰며,`,
    '실습이 흉내 내는 버전과 같습니다. 이 파일과 옆의 .conf 파일들을 한 폴더에',
    '넣고 다음을 실행하세요.',
  ],
  composeTry: (service: string, port: number): Lines => [
    '그다음 compose 네트워크 안에서, 또는 이 컴퓨터에서 노드의 복제 상태를',
    '물어보세요.',
    `  docker compose exec ${service} redis-cli info replication`,
    `  redis-cli -p ${port} role`,
  ],
  composeNodes: '노드 (실습에서의 이름 -> 서비스, 역할, 이 컴퓨터의 포트):',
  roleMaster: '마스터',
  roleReplicaOf: (service: string): string => `${service}의 레플리카`,
  composeConfMount: '이 노드의 redis.conf (읽기 전용): 각 설정과 그 이유가 적혀 있습니다.',
  composeVolume: '스냅숏과 AOF 파일이 컨테이너가 사라져도 여기에 남습니다.',
  composeNoVolume: '볼륨 없음: 이 노드는 디스크에 아무것도 남기지 않습니다 (save "", appendonly no).',
  composePort: (port: number): Lines => [
    `컨테이너 안의 Redis 포트 6379는 이 컴퓨터의 127.0.0.1:${port}에서만 열립니다.`,
    `다른 컴퓨터에서도 접속하려면 "${port}:6379"로 바꾸세요.`,
  ],
  composeDependsOn: '마스터 다음에 시작합니다 (레플리카는 어차피 1초마다 다시 연결을 시도합니다).',
  composeCycle: (services: string): string => `depends_on 없음: 서로를 복제하는 순환(${services})은 compose가 순서를 정할 수 없습니다.`,
  composeVolumes: '데이터를 저장하는 노드마다 볼륨이 하나씩 있습니다.',

  confTitle: (file: string, name: string): string => `${file}: 노드 ${name}의 redis.conf, Replica Lab에서 내보낸 파일`,
  confIntro: (image: string, service: string, path: string): Lines => [
    `Redis 7.0 (${image})용입니다. docker-compose.yml은 이 파일을 서비스 ${service}의`,
    `${path}에 마운트하고, redis-server를 이 설정으로 시작합니다.`,
  ],
  confRoleMaster: '실습에서 이 노드는 마스터입니다.',
  confRoleReplica: (master: string): string => `실습에서 이 노드는 ${master}의 레플리카입니다.`,
  sectionNetwork: '네트워크',
  sectionReplication: '복제',
  sectionPersistence: '영속성',
  sectionChosen: '실습에서 바꾼 설정',
  sectionLeftOut: '제외한 설정',
  port: (hostPort: number): Lines => [
    '컨테이너 안에서는 모든 노드가 Redis의 기본 포트로 듣습니다.',
    `docker-compose.yml이 이 포트를 이 컴퓨터의 127.0.0.1:${hostPort}에 연결합니다.`,
  ],
  bind: [
    '컨테이너의 모든 인터페이스에서 듣습니다. 다른 컨테이너는 루프백이 아니라',
    'compose 네트워크를 통해 이 노드에 접속합니다.',
  ] as Lines,
  protectedMode: [
    '보호 모드는 비밀번호가 없을 때 다른 호스트의 클라이언트를 거부합니다.',
    'compose 네트워크에서는 다른 노드가 곧 다른 호스트이므로 끕니다. 이',
    '네트워크는 이 프로젝트 전용이고, 포트는 127.0.0.1에만 열립니다.',
  ] as Lines,
  replicaof: (service: string): Lines => [`따라갈 마스터는 서비스 ${service}입니다. Docker의 DNS가 서비스 이름을`, '컨테이너 주소로 바꿔 줍니다.'],
  masterHasNoReplicaof: '마스터에는 replicaof 줄이 없습니다.',
  masterauthMismatch: (master: string): Lines => [
    `주의: 마스터(${master})는 비밀번호(requirepass)를 요구하는데 이 노드의 masterauth가`,
    '그와 다릅니다. 마스터가 동기화를 거부하므로(NOAUTH 또는 WRONGPASS) 연결이',
    '끊긴 채로 남습니다.',
  ],
  dir: (volume: string): Lines => [`RDB 스냅숏과 AOF 파일이 여기에 저장됩니다 (볼륨 ${volume}).`],
  dirNoVolume: [
    'Redis는 /data에서 일합니다. 이 노드는 디스크에 아무것도 남기지 않으므로',
    '(save "", appendonly no) 재시작하면 비어 있습니다.',
  ] as Lines,
  emptyMasterWarning: [
    '주의: 비어서 재시작한 마스터도 여전히 마스터이고, 레플리카는 그 마스터와',
    '다시 동기화하면서 자기 사본까지 잃습니다. 영속성을 켜지 않았다면 이',
    '서비스에 자동 재시작 정책을 주지 마세요.',
  ] as Lines,
  chosenIntro: ['값은 CONFIG GET이 보여 주는 형태입니다. 나머지 설정은 모두 Redis 7.0의', '기본값입니다.'] as Lines,
  noneChosen: '없음: 모든 설정이 Redis 7.0의 기본값입니다.',
  leftOutIntro: '컨테이너에서는 틀리거나 안전하지 않을 실습의 설정:',
  secret: [
    '실습에서 정한 비밀번호입니다. 이 파일을 읽는 사람은 누구나 알 수 있습니다.',
    '실제로 쓰기 전에 강한 비밀번호로 바꾸세요.',
  ] as Lines,
  leftOut: {
    'host-path': '실습의 가상 컴퓨터에 있는 파일이나 CPU입니다. 컨테이너에는 따로 있습니다',
    'lab-address': '실습의 가상 네트워크 주소입니다. compose 네트워크에는 따로 있습니다',
    container: '컨테이너에서 Redis는 포그라운드로 실행되고 컨테이너 출력으로 로그를 남깁니다',
    'test-knob': 'Redis 테스트용 디버깅 설정입니다 (실습은 동작을 느리게 보여 주려고 씁니다)',
    unsafe: 'Redis가 기본으로 막아 둔 명령이나 설정을 엽니다. 필요하면 직접 켜세요',
    tls: 'TLS에는 내보내기로 만들 수 없는 인증서 파일이 필요합니다',
  },
  explain: (name: string, value: string): Lines | null => {
    switch (name) {
      case 'save':
        return value.trim() === ''
          ? ['RDB 스냅숏을 만들지 않습니다 (save ""는 모든 저장 시점을 끕니다).']
          : ['RDB 스냅숏 시점: save <초> <변경 수> [<초> <변경 수> ...].'];
      case 'appendonly':
        return value === 'yes' ? ['모든 쓰기를 AOF 파일에 기록합니다 (/data의 appendonlydir).'] : null;
      case 'appendfsync':
        return ['AOF 파일을 디스크에 내려 쓰는 때: always, everysec, no.'];
      case 'repl-backlog-size':
        return [
          '다시 연결하는 레플리카를 위해 마스터가 보관하는 복제 스트림의 바이트 수.',
          '끊긴 사이의 양이 이 안에 들면 부분 재동기화(+CONTINUE)가 됩니다.',
        ];
      case 'repl-backlog-ttl':
        return ['레플리카가 없는 마스터가 백로그를 비우기 전까지 기다리는 초.'];
      case 'min-replicas-to-write':
        return [
          `최근 min-replicas-max-lag초 안에 응답(ACK)한 레플리카가 ${value}개 이상이 아니면`,
          '마스터가 쓰기를 거부합니다 (NOREPLICAS).',
        ];
      case 'min-replicas-max-lag':
        return [`마지막 ACK가 ${value}초 이내인 레플리카만 min-replicas-to-write에 셉니다.`];
      case 'replica-read-only':
        return value === 'no'
          ? ['이 레플리카는 쓰기를 받습니다. 그 쓰기는 다른 노드로 가지 않고 다음', '전체 동기화 때 사라집니다.']
          : null;
      case 'replica-serve-stale-data':
        return value === 'no' ? ['마스터와의 연결이 끊긴 동안 이 레플리카는 MASTERDOWN으로 답합니다.'] : null;
      case 'replica-priority':
        return ['Sentinel은 우선순위 값이 가장 낮은 레플리카를 먼저 승격합니다 (0: 승격 안 함).'];
      case 'repl-timeout':
        return ['이 초만큼 아무 소식이 없으면 복제 연결이 끊긴 것으로 봅니다.'];
      case 'repl-ping-replica-period':
        return ['마스터가 레플리카에게 PING을 보내는 간격(초).'];
      case 'repl-diskless-sync':
        return value === 'no' ? ['전체 동기화 때 RDB 파일을 먼저 디스크에 쓰고 나서 보냅니다.'] : null;
      case 'repl-diskless-sync-delay':
        return ['디스크 없는 전체 동기화가 다른 레플리카를 함께 받으려고 기다리는 초.'];
      case 'repl-diskless-load':
        return ['레플리카가 전체 동기화의 RDB를 읽는 방식: 디스크에서, 또는 소켓에서 바로.'];
      case 'maxmemory':
        return ['메모리 한도(바이트, 0은 무제한).'];
      case 'maxmemory-policy':
        return ['maxmemory에 닿았을 때 어떤 키를 지울지.'];
      default:
        return null;
    }
  },
};

export const fileText: Record<Lang, FileText> = { en, ko };
