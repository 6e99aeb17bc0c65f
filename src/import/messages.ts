// The words of every finding, in English and Korean. Redis' own error texts
// ("Bad directive or wrong number of arguments") are quoted as Redis prints
// them in both languages, so they can be searched for.

import type { Text } from './types';

const t = (en: string, ko: string): Text => ({ en, ko });
const kb = (chars: number): string => (chars / 1024).toFixed(chars < 10 * 1024 ? 1 : 0);

function hostReplicaHint(name: string): Text {
  if (/^REDIS_(REPLICATION_MODE|MASTER_HOST|MASTER_PORT_NUMBER)$/.test(name)) {
    return t('command: redis-server --replicaof <master> 6379', 'command: redis-server --replicaof <마스터> 6379');
  }
  if (/PASSWORD|REQUIREPASS/.test(name)) {
    return t('command: redis-server --requirepass <password> (replicas also --masterauth <password>)', 'command: redis-server --requirepass <비밀번호> (레플리카는 --masterauth <비밀번호>도)');
  }
  if (name === 'REDIS_AOF_ENABLED') return t('command: redis-server --appendonly yes', 'command: redis-server --appendonly yes');
  return t('the matching redis-server --option in command:', 'command:에 해당하는 redis-server --옵션');
}

export const T = {
  // Input as a whole
  tooLarge: (chars: number, max: number): Text =>
    t(
      `This input is ${kb(chars)} KB; the importer reads at most ${kb(max)} KB. A lab topology fits in a few KB: import the compose file or redis.conf itself, not a log or an archive.`,
      `입력이 ${kb(chars)} KB입니다. 가져오기는 최대 ${kb(max)} KB까지만 읽습니다. 실습 토폴로지는 몇 KB면 충분하니 로그나 압축 파일이 아닌 compose 파일이나 redis.conf 자체를 가져오세요.`,
    ),
  binary: (code: number): Text =>
    code === 0xfffd
      ? t('This is not a text file: it holds bytes that are not UTF-8 text. Import a docker-compose file or a redis.conf.', '텍스트 파일이 아닙니다: UTF-8 텍스트가 아닌 바이트가 들어 있습니다. docker-compose 파일이나 redis.conf를 가져오세요.')
      : t(
          `This is not a text file: it holds the control byte 0x${code.toString(16).padStart(2, '0')}. Import a docker-compose file or a redis.conf.`,
          `텍스트 파일이 아닙니다: 제어 바이트 0x${code.toString(16).padStart(2, '0')}가 들어 있습니다. docker-compose 파일이나 redis.conf를 가져오세요.`,
        ),
  empty: (): Text => t('There is nothing to import: paste a docker-compose file or a redis.conf, or choose a file.', '가져올 내용이 없습니다. docker-compose 파일이나 redis.conf를 붙여 넣거나 파일을 고르세요.'),
  tooDeep: (limit: number): Text =>
    limit > 0
      ? t(`The YAML nests more than ${limit} levels deep (a compose file nests about 6); it was not parsed.`, `YAML이 ${limit}단계보다 깊게 중첩되어 있어 읽지 않았습니다 (compose 파일은 보통 6단계 정도입니다).`)
      : t('The input nests too deeply to be read.', '입력이 너무 깊게 중첩되어 읽을 수 없습니다.'),
  tooManyYamlNodes: (max: number): Text =>
    t(
      `The YAML holds more than ${max.toLocaleString('en')} entries; a compose file for the lab has a few hundred. It was not parsed.`,
      `YAML 항목이 ${max.toLocaleString('en')}개를 넘습니다. 실습용 compose 파일은 수백 개 정도입니다. 파일을 읽지 않았습니다.`,
    ),
  tooManyServices: (count: number, max: number): Text =>
    t(
      `The file has ${count} services; the importer reads at most ${max} (the lab holds 12 nodes). It was not parsed.`,
      `서비스가 ${count}개입니다. 가져오기는 최대 ${max}개까지 읽습니다 (실습실은 노드를 12개까지 둘 수 있습니다). 파일을 읽지 않았습니다.`,
    ),
  internal: (msg: string): Text => t(`The importer failed unexpectedly (${msg}). Please report this file.`, `가져오기 중 예기치 않은 오류가 났습니다 (${msg}). 이 파일을 알려 주세요.`),
  noNodes: (): Text => t('There is no Redis node to import.', '가져올 Redis 노드가 없습니다.'),
  tooManyNodes: (n: number, max: number): Text =>
    t(`That makes ${n} Redis nodes; the lab holds at most ${max}. Remove some services or files.`, `Redis 노드가 ${n}개가 됩니다. 실습실은 최대 ${max}개까지 둘 수 있으니 서비스나 파일을 줄이세요.`),

  // YAML
  yamlSyntax: (msg: string): Text => t(`The YAML does not parse: ${msg}`, `YAML 구문 오류: ${msg}`),
  yamlWarning: (msg: string): Text => t(`YAML: ${msg}`, `YAML 경고: ${msg}`),
  yamlAliases: (): Text =>
    t(
      'The YAML aliases (*name) expand to far more data than the file holds (a "billion laughs" document); it was not read further.',
      'YAML 별칭(*이름)이 파일보다 훨씬 큰 데이터로 불어납니다 ("billion laughs" 문서). 더 읽지 않았습니다.',
    ),
  mergeTooDeep: (): Text => t('The << merges nest too deeply (an anchor merged into itself?); this one is skipped.', '<< 병합이 너무 깊게 중첩됩니다 (앵커를 자기 자신에 병합했나요?). 이 병합은 건너뜁니다.'),
  oddKey: (): Text => t('A key that is not a plain name (a list or mapping used as a key) is skipped.', '일반 이름이 아닌 키(목록이나 매핑을 키로 쓴 것)는 건너뜁니다.'),
  duplicateKey: (key: string): Text => t(`"${key}" appears twice in this mapping; docker compose refuses such a file.`, `"${key}"가 같은 매핑에 두 번 나옵니다. docker compose는 이런 파일을 거부합니다.`),
  oddValue: (key: string): Text => t(`${key}: this value is not text; it is skipped.`, `${key}: 값이 텍스트가 아니어서 건너뜁니다.`),
  badInterpolation: (value: string): Text =>
    t(`Compose cannot read the variable in "${value}": write \${NAME} or \${NAME:-default}.`, `"${value}"의 변수를 Compose가 읽을 수 없습니다. \${NAME}이나 \${NAME:-기본값}으로 쓰세요.`),
  variableRequired: (name: string, msg: string): Text =>
    t(
      `${name} must be set${msg ? ` (${msg})` : ''}, so docker compose stops here; the lab has no shell environment. Write the value in the file.`,
      `${name}이(가) 설정되어야 하므로${msg ? ` (${msg})` : ''} docker compose가 여기서 멈춥니다. 실습실에는 셸 환경이 없으니 값을 파일에 쓰세요.`,
    ),
  variableUnset: (name: string): Text =>
    t(
      `${name} is not set here, so Compose uses an empty string (the lab has no shell environment). Write the value, or a default: \${${name}:-value}.`,
      `${name}이(가) 설정되지 않아 Compose는 빈 문자열을 씁니다 (실습실에는 셸 환경이 없습니다). 값을 쓰거나 기본값을 주세요: \${${name}:-값}.`,
    ),

  // Compose structure
  notCompose: (): Text => t('This is not a docker-compose file: its top level is not a mapping with services:.', 'docker-compose 파일이 아닙니다: 최상위가 services:를 가진 매핑이 아닙니다.'),
  versionObsolete: (): Text => t('The version key is obsolete: Compose ignores it (and warns). It can be removed.', 'version 키는 더 이상 쓰이지 않습니다. Compose는 이를 무시하고 경고합니다. 지워도 됩니다.'),
  topLevelUnused: (keys: string[]): Text =>
    t(
      `${keys.join(', ')}: not needed in the lab, where the nodes share one simulated network and start with empty disks.`,
      `${keys.join(', ')}: 실습실에서는 필요 없습니다. 노드들은 하나의 시뮬레이션 네트워크를 함께 쓰고 빈 디스크로 시작합니다.`,
    ),
  composeInclude: (): Text =>
    t('include: takes services from other compose files, which the lab cannot read. Paste their services into this file.', 'include:는 다른 compose 파일의 서비스를 가져오는데, 실습실은 그 파일을 읽을 수 없습니다. 서비스를 이 파일에 붙여 넣으세요.'),
  unknownTopLevel: (key: string): Text => t(`"${key}" is not a Compose top-level key; docker compose refuses the file.`, `"${key}"는 Compose 최상위 키가 아닙니다. docker compose가 파일을 거부합니다.`),
  noServices: (): Text => t('There is no services: mapping, so there is nothing to import.', 'services: 매핑이 없어 가져올 것이 없습니다.'),
  noRedis: (): Text =>
    t(
      'No service runs Redis (an image such as redis:7.0, bitnami/redis or redis/redis-stack), so there is nothing for the lab to start.',
      'Redis를 실행하는 서비스가 없습니다 (redis:7.0, bitnami/redis, redis/redis-stack 같은 이미지). 실습실에서 시작할 것이 없습니다.',
    ),
  noImage: (svc: string): Text => t(`Service ${svc} has neither an image nor a build; docker compose refuses it.`, `서비스 ${svc}에 image도 build도 없습니다. docker compose가 거부합니다.`),
  builtImage: (svc: string): Text =>
    t(`Service ${svc} is built from a Dockerfile the lab cannot see: not imported. If it runs Redis, use the official redis image.`, `서비스 ${svc}는 실습실이 볼 수 없는 Dockerfile로 빌드되므로 가져오지 않았습니다. Redis를 실행한다면 공식 redis 이미지를 쓰세요.`),
  notRedis: (svc: string, ref: string): Text => t(`Service ${svc} runs ${ref}, which is not Redis: not imported.`, `서비스 ${svc}는 Redis가 아닌 ${ref}를 실행하므로 가져오지 않았습니다.`),
  sentinelService: (svc: string): Text =>
    t(`Service ${svc} runs Redis Sentinel: not imported (the importer brings in Redis nodes only).`, `서비스 ${svc}는 Redis Sentinel을 실행하므로 가져오지 않았습니다 (가져오기는 Redis 노드만 다룹니다).`),
  clusterService: (svc: string): Text => t(`Service ${svc} runs Redis Cluster, which the lab does not simulate: not imported.`, `서비스 ${svc}는 실습실이 시뮬레이션하지 않는 Redis Cluster를 실행하므로 가져오지 않았습니다.`),
  unknownServiceKey: (key: string, svc: string): Text =>
    t(`"${key}" (service ${svc}) is not a Compose service attribute; docker compose refuses the file.`, `"${key}"(서비스 ${svc})는 Compose 서비스 속성이 아닙니다. docker compose가 파일을 거부합니다.`),
  serviceKeysUnused: (svc: string, keys: string[]): Text =>
    t(
      `${svc}: ${keys.join(', ')}: not needed in the lab, where each node gets its own address, process and empty disk.`,
      `${svc}: ${keys.join(', ')}: 실습실에서는 필요 없습니다. 각 노드는 자기 주소와 프로세스, 빈 디스크를 받습니다.`,
    ),
  extendsUnsupported: (): Text =>
    t('extends: takes settings from another service or file, which the importer does not follow. Write the settings here.', 'extends:는 다른 서비스나 파일의 설정을 가져오는데, 가져오기는 이를 따라가지 않습니다. 설정을 여기에 쓰세요.'),
  envFile: (): Text => t('env_file: the variables in that file are not visible to the lab. Write them under environment:.', 'env_file: 그 파일의 변수는 실습실에서 보이지 않습니다. environment: 아래에 쓰세요.'),
  scaledService: (svc: string, n: number): Text => t(`${svc} runs ${n} identical containers; the lab imports one node for it.`, `${svc}는 같은 컨테이너를 ${n}개 실행합니다. 실습실은 노드 하나로 가져옵니다.`),
  nameChanged: (svc: string, name: string): Text =>
    t(`Node names use letters, digits, '-', '_' and '.' (up to 32): ${svc} becomes ${name}.`, `노드 이름은 글자, 숫자, '-', '_', '.'만 (최대 32자) 쓸 수 있어 ${svc}는 ${name}이(가) 됩니다.`),
  commandQuotes: (key: string): Text => t(`${key}: a quote is not closed; docker compose refuses this command.`, `${key}: 따옴표가 닫히지 않았습니다. docker compose가 이 명령을 거부합니다.`),

  // Images
  bitnamiImage: (ref: string): Text =>
    t(
      `${ref}: Bitnami stopped publishing free, versioned images on 2025-08-28; older tags moved to bitnamilegacy/redis and get no updates. Use the official redis image.`,
      `${ref}: Bitnami는 2025-08-28부터 무료 버전 이미지를 더 이상 배포하지 않습니다. 예전 태그는 bitnamilegacy/redis로 옮겨졌고 업데이트되지 않습니다. 공식 redis 이미지를 쓰세요.`,
    ),
  bitnamiLegacyImage: (ref: string): Text =>
    t(`${ref}: Bitnami's legacy copies get no updates, not even security fixes. Use the official redis image.`, `${ref}: Bitnami의 legacy 이미지는 보안 수정을 포함해 어떤 업데이트도 받지 않습니다. 공식 redis 이미지를 쓰세요.`),
  officialImageHint: (): Text =>
    t('image: redis:7.0, and on replicas command: redis-server --replicaof <master> 6379', 'image: redis:7.0, 레플리카에는 command: redis-server --replicaof <마스터> 6379'),
  stackImage: (ref: string): Text => t(`${ref} is Redis Stack: the lab simulates the Redis server in it, not its modules.`, `${ref}는 Redis Stack입니다. 실습실은 그 안의 Redis 서버만 시뮬레이션하고 모듈은 다루지 않습니다.`),
  otherRedisImage: (ref: string): Text =>
    t(`${ref} is not an image the lab knows; it is read like the official redis image (command line and redis.conf).`, `${ref}는 실습실이 모르는 이미지라 공식 redis 이미지처럼 (명령줄과 redis.conf로) 읽습니다.`),
  unpinnedImage: (ref: string, tag: string | null): Text =>
    tag === null
      ? t(`${ref} has no tag, so Docker pulls :latest, whichever version is newest that day. Pin a version.`, `${ref}에 태그가 없어 Docker는 그날의 최신 버전인 :latest를 받습니다. 버전을 고정하세요.`)
      : tag === 'latest'
        ? t(`${ref} is not pinned: :latest changes with every release. Pin a version.`, `${ref}는 고정되지 않았습니다: :latest는 릴리스마다 바뀝니다. 버전을 고정하세요.`)
        : t(`${ref}: the tag ${tag} names no version and follows the newest release. Pin a version.`, `${ref}: 태그 ${tag}에는 버전이 없어 최신 릴리스를 따라갑니다. 버전을 고정하세요.`),
  pinImage: (repo: string): Text => {
    const r = repo.replace(/^library\//, '').replace(/^bitnami(legacy)?\/redis$/, 'redis');
    return t(`image: ${r}:7.0.15`, `image: ${r}:7.0.15`);
  },
  floatingTag: (ref: string, major: number): Text =>
    t(`${ref} follows every ${major}.x release; a full version such as 7.0.15 pins it.`, `${ref}는 모든 ${major}.x 릴리스를 따라갑니다. 7.0.15처럼 전체 버전을 쓰면 고정됩니다.`),
  versionDiffers: (svc: string, v: string): Text =>
    t(`${svc} asks for Redis ${v}; the lab simulates Redis 7.0, so details that changed since then may differ.`, `${svc}는 Redis ${v}를 요청하지만 실습실은 Redis 7.0을 시뮬레이션하므로 그 뒤에 바뀐 부분은 다를 수 있습니다.`),

  // Environment variables
  envDuplicate: (name: string, first: number): Text => t(`${name} is set again (first on line ${first}); the later value wins.`, `${name}이(가) 다시 설정됩니다 (처음은 ${first}번째 줄). 뒤의 값이 쓰입니다.`),
  envFromShell: (name: string): Text =>
    t(
      `${name} has no value here: Compose takes it from the shell that runs docker compose, which the lab does not have. It is treated as unset.`,
      `${name}에 값이 없습니다. Compose는 docker compose를 실행한 셸에서 값을 가져오는데 실습실에는 셸이 없으므로 설정되지 않은 것으로 봅니다.`,
    ),
  envNotNeeded: (name: string): Text => t(`${name}: read by the image, not needed in the lab.`, `${name}: 이미지가 읽지만 실습실에서는 필요 없습니다.`),
  envFromFile: (name: string, base: string): Text =>
    t(
      `${name}: the image reads ${base} from a file inside the container, which the lab cannot see, so it is treated as unset. Write ${base} here to import it.`,
      `${name}: 이미지는 ${base}를 컨테이너 안의 파일에서 읽는데 실습실은 그 파일을 볼 수 없어 설정되지 않은 것으로 봅니다. 가져오려면 ${base}를 여기에 쓰세요.`,
    ),
  envUnknown: (name: string, defaultMasterOf: string | null): Text =>
    defaultMasterOf === null
      ? t(`${name} is not a variable the image reads: the image ignores it without a word.`, `${name}는 이미지가 읽는 변수가 아닙니다. 이미지는 아무 말 없이 이를 무시합니다.`)
      : t(
          `${name} is not a variable the image reads: the image ignores it without a word. ${defaultMasterOf} still starts as a master, but only because master is the image's default.`,
          `${name}는 이미지가 읽는 변수가 아닙니다. 이미지는 아무 말 없이 이를 무시합니다. ${defaultMasterOf}는 그래도 마스터로 시작하지만, 그건 마스터가 이미지의 기본값이기 때문일 뿐입니다.`,
        ),
  envOther: (name: string): Text => t(`${name} is not a Redis setting of this image; the lab does not use it.`, `${name}는 이 이미지의 Redis 설정이 아니어서 실습실에서 쓰지 않습니다.`),
  envNotRead: (name: string): Text =>
    t(`${name} is a Bitnami variable: the official redis image does not read it, so it does nothing here.`, `${name}는 Bitnami 변수입니다. 공식 redis 이미지는 이를 읽지 않으므로 여기서는 아무 효과가 없습니다.`),
  commandHint: (name: string): Text => hostReplicaHint(name),
  emptyPassword: (svc: string, variable: string): Text =>
    t(
      `${svc} would not start: ${variable} is empty and ALLOW_EMPTY_PASSWORD is not yes, so the image's validation stops the container. Set ${variable}, or ALLOW_EMPTY_PASSWORD=yes for a test setup.`,
      `${svc}는 시작하지 않습니다: ${variable}가 비어 있고 ALLOW_EMPTY_PASSWORD가 yes가 아니어서 이미지의 검사가 컨테이너를 멈춥니다. ${variable}를 설정하거나, 테스트용이라면 ALLOW_EMPTY_PASSWORD=yes를 쓰세요.`,
    ),
  envBadPort: (name: string, value: string): Text =>
    t(`${name}=${value} is not a port (1 to 65535); the container stops at startup.`, `${name}=${value}는 포트(1~65535)가 아닙니다. 컨테이너가 시작할 때 멈춥니다.`),
  badReplicationMode: (mode: string): Text =>
    t(
      `REDIS_REPLICATION_MODE=${mode}: the image takes master, slave or replica (lower case) and otherwise stops the container ("Invalid replication mode").`,
      `REDIS_REPLICATION_MODE=${mode}: 이미지는 master, slave, replica(소문자)만 받고 그 밖의 값이면 컨테이너를 멈춥니다 ("Invalid replication mode").`,
    ),
  defaultMaster: (svc: string, misspelled: string | null, line: number): Text =>
    misspelled === null
      ? t(`${svc} sets no REDIS_REPLICATION_MODE, so it runs as a master: that is the image's default, not something this file says.`, `${svc}는 REDIS_REPLICATION_MODE를 설정하지 않아 마스터로 실행됩니다. 이 파일이 정한 것이 아니라 이미지의 기본값입니다.`)
      : t(
          `${svc} sets no REDIS_REPLICATION_MODE (line ${line} misspells it as ${misspelled}), so it runs as a master only because that is the image's default.`,
          `${svc}는 REDIS_REPLICATION_MODE를 설정하지 않았으므로 (${line}번째 줄에서 ${misspelled}로 잘못 썼습니다) 이미지의 기본값이어서 마스터로 실행될 뿐입니다.`,
        ),
  masterHostUnused: (name: string): Text =>
    t(`${name} is read only when REDIS_REPLICATION_MODE is slave or replica; here it does nothing.`, `${name}는 REDIS_REPLICATION_MODE가 slave나 replica일 때만 읽히므로 여기서는 아무 효과가 없습니다.`),
  bitnamiMountedConf: (): Text =>
    t(
      "A redis.conf is mounted over the image's: the image uses it as it is and does not apply the REDIS_* persistence, password and replication variables.",
      '이미지의 redis.conf 위에 다른 redis.conf가 마운트되어 있습니다. 이미지는 그 파일을 그대로 쓰고 REDIS_* 영속성, 비밀번호, 복제 변수를 적용하지 않습니다.',
    ),
  bitnamiAofDefault: (svc: string): Text =>
    t(`${svc}: Bitnami's image turns appendonly on (REDIS_AOF_ENABLED defaults to yes), unlike Redis itself.`, `${svc}: Bitnami 이미지는 Redis 기본값과 달리 appendonly를 켭니다 (REDIS_AOF_ENABLED 기본값이 yes).`),
  envSentinelHost: (): Text =>
    t('REDIS_SENTINEL_HOST: the image would ask that Sentinel for the master; the lab uses REDIS_MASTER_HOST instead.', 'REDIS_SENTINEL_HOST: 이미지는 그 Sentinel에게 마스터를 묻지만, 실습실은 대신 REDIS_MASTER_HOST를 씁니다.'),
  replicaWithoutMaster: (svc: string): Text =>
    t(`${svc} is a replica without REDIS_MASTER_HOST: the image waits for a master at an empty address and the container stops.`, `${svc}는 REDIS_MASTER_HOST가 없는 레플리카입니다. 이미지는 빈 주소의 마스터를 기다리다 컨테이너를 멈춥니다.`),
  bitnamiCommand: (svc: string): Text =>
    t(
      `${svc} replaces the image's command, so Bitnami's setup does not run: its REDIS_* variables are ignored and redis-server starts with only the options given here.`,
      `${svc}는 이미지의 명령을 바꾸므로 Bitnami 설정 단계가 실행되지 않습니다. REDIS_* 변수는 무시되고 redis-server는 여기 적힌 옵션만으로 시작합니다.`,
    ),

  // Commands and redis.conf
  commandUnknown: (cmd: string): Text =>
    t(`The command "${cmd.length > 60 ? `${cmd.slice(0, 57)}…` : cmd}" does not start redis-server in a way the lab can read; the node starts with Redis' defaults.`, `명령 "${cmd.length > 60 ? `${cmd.slice(0, 57)}…` : cmd}"은(는) 실습실이 읽을 수 있는 방식으로 redis-server를 시작하지 않습니다. 노드는 Redis 기본값으로 시작합니다.`),
  shellCommand: (): Text => t('The shell command is read from its redis-server part only.', '셸 명령에서 redis-server 부분만 읽습니다.'),
  configFileRead: (path: string, name: string): Text => t(`${path} is read from the imported file ${name}.`, `${path}는 가져온 파일 ${name}에서 읽습니다.`),
  configFileMissing: (path: string, host: string | null): Text =>
    t(
      `redis-server reads ${path}${host ? ` (mounted from ${host})` : ''}, which was not imported, so its settings are missing. Import that file together with this one.`,
      `redis-server는 ${path}${host ? ` (${host}에서 마운트)` : ''}를 읽는데 그 파일을 가져오지 않아 설정이 빠졌습니다. 그 파일도 함께 가져오세요.`,
    ),
  configStdin: (): Text => t('redis-server reads more configuration from its standard input, which the lab cannot see.', 'redis-server가 표준 입력에서 설정을 더 읽는데, 실습실은 이를 볼 수 없습니다.'),
  refused: (text: string, redisError: string): Text => t(`redis-server would not start: "${text}": ${redisError}`, `redis-server가 시작하지 않습니다: "${text}": ${redisError}`),
  badDirective: (text: string): Text =>
    t(`redis-server would not start: "${text}": Bad directive or wrong number of arguments`, `redis-server가 시작하지 않습니다: "${text}": Bad directive or wrong number of arguments`),
  didYouMean: (x: string): Text => t(`did you mean ${x}?`, `${x}을(를) 뜻했나요?`),
  deprecatedDirective: (text: string): Text => t(`"${text}" is deprecated; Redis 7.0 accepts and ignores it.`, `"${text}"는 더 이상 쓰이지 않습니다. Redis 7.0은 받아들이되 무시합니다.`),
  includeUnsupported: (path: string): Text =>
    t(`include ${path}: the importer does not read other files, so the settings in it are missing. Paste its lines here.`, `include ${path}: 가져오기는 다른 파일을 읽지 않으므로 그 안의 설정이 빠집니다. 그 내용을 여기에 붙여 넣으세요.`),
  directiveUnsupported: (text: string): Text =>
    t(`"${text}": the lab does not simulate renamed commands, ACL users or modules; left out.`, `"${text}": 실습실은 이름을 바꾼 명령, ACL 사용자, 모듈을 시뮬레이션하지 않으므로 뺍니다.`),
  moduleConfig: (text: string): Text =>
    t(`"${text}" configures a module; the lab has no modules, so it is left out.`, `"${text}"는 모듈 설정입니다. 실습실에는 모듈이 없으므로 뺍니다.`),
  settingUnsupported: (text: string): Text =>
    t(`"${text}": the lab does not simulate TLS, ACL users or Cluster; left out.`, `"${text}": 실습실은 TLS, ACL 사용자, Cluster를 시뮬레이션하지 않으므로 뺍니다.`),
  hostSetting: (text: string): Text =>
    t(
      `"${text}" is about the machine (address, directory, logging, process), not replication; the lab gives each node its own, so it is left out.`,
      `"${text}"는 복제가 아니라 머신(주소, 디렉터리, 로그, 프로세스)에 관한 설정입니다. 실습실은 노드마다 따로 정하므로 뺍니다.`,
    ),
  sentinelConfig: (): Text =>
    t('This is a Sentinel configuration (sentinel directives); the importer brings in Redis nodes only.', 'Sentinel 설정입니다 (sentinel 지시어). 가져오기는 Redis 노드만 다룹니다.'),
  tooManyDirectives: (max: number): Text =>
    t(
      `More than ${max} settings for one node; the rest were not read (Redis' own redis.conf has about a hundred).`,
      `노드 하나에 설정이 ${max}개를 넘어 나머지는 읽지 않았습니다 (Redis 기본 redis.conf에는 백 개 정도 있습니다).`,
    ),
  configRefused: (name: string, err: string): Text => t(`${name} would not start with these settings together: ${err}`, `${name}는 이 설정들을 함께 쓰면 시작하지 않습니다: ${err}`),

  // Links between nodes
  masterAdded: (replica: string, addr: string, name: string, withPassword: boolean): Text =>
    withPassword
      ? t(
          `${replica} replicates from ${addr}, which is not among the imported nodes: the lab adds a master ${name} for it, with default settings and ${replica}'s masterauth as its requirepass.`,
          `${replica}는 가져온 노드에 없는 ${addr}에서 복제합니다. 실습실은 이를 위해 마스터 ${name}를 추가합니다 (기본 설정, requirepass는 ${replica}의 masterauth).`,
        )
      : t(
          `${replica} replicates from ${addr}, which is not among the imported nodes: the lab adds a master ${name} with default settings for it.`,
          `${replica}는 가져온 노드에 없는 ${addr}에서 복제합니다. 실습실은 이를 위해 기본 설정의 마스터 ${name}를 추가합니다.`,
        ),
  portSetting: (text: string): Text =>
    t(
      `"${text}": the lab gives each node its own port; this one only serves to match replicaof lines to this node.`,
      `"${text}": 실습실은 노드마다 포트를 따로 정합니다. 이 값은 replicaof 줄을 이 노드에 맞추는 데만 씁니다.`,
    ),
  masterLoopback: (replica: string, host: string): Text =>
    t(
      `${replica} replicates from ${host}, which inside a container is the container itself: it would never sync. Use the master's service name. ${replica} is imported as a master.`,
      `${replica}는 ${host}에서 복제하는데, 컨테이너 안에서 이는 컨테이너 자신이므로 동기화되지 않습니다. 마스터의 서비스 이름을 쓰세요. ${replica}는 마스터로 가져옵니다.`,
    ),
  masterByPort: (replica: string, addr: string, name: string): Text =>
    t(`${replica}: ${addr} is taken to be ${name}, the only other imported node listening on that port.`, `${replica}: ${addr}는 그 포트에서 듣는 유일한 다른 노드인 ${name}로 봅니다.`),
  masterAmbiguous: (addr: string, names: string[]): Text =>
    t(`${addr} could be any of ${names.join(', ')}; the lab adds a separate master for it instead.`, `${addr}는 ${names.join(', ')} 중 어느 것이든 될 수 있어 실습실은 대신 별도의 마스터를 추가합니다.`),
  masterSelf: (name: string): Text => t(`${name} replicates from its own address and would never sync; it is imported as a master.`, `${name}는 자기 주소에서 복제하므로 동기화되지 않습니다. 마스터로 가져옵니다.`),
  masterPort: (replica: string, master: string, port: number, actual: number): Text =>
    t(
      `${replica} connects to ${master} on port ${port}, but ${master} listens on ${actual}: in Docker the link would never come up. The lab links them anyway.`,
      `${replica}는 ${master}의 ${port}번 포트로 연결하지만 ${master}는 ${actual}번에서 듣습니다. Docker에서는 연결되지 않습니다. 실습실은 그래도 연결합니다.`,
    ),
  replicationCycle: (names: string[]): Text =>
    t(
      `${names.join(' → ')} → ${names[0]} replicate from each other in a circle: none of them is a master, so none accepts writes.`,
      `${names.join(' → ')} → ${names[0]}가 서로 원을 그리며 복제합니다. 마스터가 없으므로 아무도 쓰기를 받지 않습니다.`,
    ),
  authMissing: (replica: string, master: string): Text =>
    t(
      `${master} requires a password (requirepass) but ${replica} has no masterauth: its replication link will fail with NOAUTH. Give ${replica} the master's password.`,
      `${master}는 비밀번호(requirepass)를 요구하지만 ${replica}에는 masterauth가 없습니다. 복제 연결이 NOAUTH로 실패합니다. ${replica}에 마스터의 비밀번호를 주세요.`,
    ),
  authWrong: (replica: string, master: string): Text =>
    t(`${replica}'s masterauth is not ${master}'s requirepass: the replication link will fail with WRONGPASS.`, `${replica}의 masterauth가 ${master}의 requirepass와 다릅니다. 복제 연결이 WRONGPASS로 실패합니다.`),
  authUnneeded: (replica: string, master: string): Text =>
    t(
      `${replica} sends a password (masterauth) but ${master} has none: Redis 7.0 answers that AUTH with an error and the link fails. Remove masterauth, or set requirepass on ${master}.`,
      `${replica}는 비밀번호(masterauth)를 보내지만 ${master}에는 비밀번호가 없습니다. Redis 7.0은 그 AUTH에 오류로 답하고 연결이 실패합니다. masterauth를 지우거나 ${master}에 requirepass를 설정하세요.`,
    ),
};
