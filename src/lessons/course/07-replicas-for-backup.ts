// Lesson 7: replicas for backup. The master runs without persistence and a
// replica does the disk work (AOF, BGSAVE); what that costs: the fork and the
// disk on the replica, and a full RDB over the network for every new replica.

import { ran, resynced } from '../goals';
import { follows, persisted, rdbBytes } from '../goals-lessons7to12';
import type { Lesson } from '../types';

/**
 * Deterministic letters and digits (xorshift32). Real Redis compresses RDB
 * strings with LZF, so a value like "xxxx…" would shrink to almost nothing on
 * the wire; these do not compress, and the RDB keeps their full size.
 */
function noise(seed: number, length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let x = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

/** 24 product records of 1.5 KB: an RDB of about 36 KB, so its transfer can be watched. */
const PRODUCTS = Array.from({ length: 24 }, (_, i) => `product:${String(i + 1).padStart(2, '0')} ${noise(i + 1, 1500)}`).join(' ');

/**
 * m: no save points, no AOF. r1: a replica with Redis' default save points.
 * backup: a fresh server of its own, behind a slow link (8 bytes/ms = 8 KB/s).
 */
const SCENARIO = `
node m save "" appendonly no
node r1 replicaof $m
node backup
link m r1 latency 250
link m backup latency 250 bandwidth 8
link r1 backup latency 250
m> MSET ${PRODUCTS}
sync
`;

export const replicasForBackup: Lesson = {
  id: 'replicas-for-backup',
  title: { en: 'Replicas for backup', ko: '백업을 맡는 레플리카' },
  summary: {
    en: 'Let a replica write to disk so the master does not have to, and see what it costs.',
    ko: '마스터 대신 레플리카가 디스크에 쓰게 하고, 그 비용을 확인합니다.',
  },
  intro: {
    en: 'A common setup: the master keeps its data in memory only, and a replica writes it to disk. Here `m` runs with `save ""` and `appendonly no`: it never forks a child to take a snapshot, so it never pauses for one.\n\n`r1` (port 6380) is its replica. `backup` (port 6381) is a fresh, empty server on a slow link to `m` (8 KB/s). `m` holds 24 product records of 1.5 KB each.',
    ko: '흔한 구성입니다. 마스터는 데이터를 메모리에만 두고, 디스크에 쓰는 일은 레플리카가 맡습니다. 여기서 `m`은 `save ""`와 `appendonly no`로 실행됩니다. 스냅샷을 찍으려고 자식 프로세스를 fork하는 일이 없으니, 그 때문에 멈칫하는 일도 없습니다.\n\n`r1`(포트 6380)은 `m`의 레플리카입니다. `backup`(포트 6381)은 비어 있는 새 서버이고, `m`과 느린 링크(8 KB/s)로 이어져 있습니다. `m`에는 1.5 KB짜리 상품 레코드 24개가 있습니다.',
  },
  setup: { scenario: SCENARIO },
  steps: [
    {
      id: 'aof-on-replica',
      task: {
        en: 'Give the disk work to the replica: turn on the append-only file on `r1` with `CONFIG SET appendonly yes`. Leave `m` as it is.',
        ko: '디스크 작업을 레플리카에 맡기세요. `r1`에서 `CONFIG SET appendonly yes`로 AOF(append-only file)를 켜세요. `m`은 그대로 둡니다.',
      },
      goal: (ctx) => {
        const r1 = ctx.node('r1');
        return !!r1 && (r1.persistence === 'aof' || r1.persistence === 'rdb+aof') && follows(ctx, 'r1', 'm');
      },
      hints: [
        { en: 'Pick the `r1` tab above the console and type `CONFIG SET appendonly yes`.', ko: '콘솔 위의 `r1` 탭을 고르고 `CONFIG SET appendonly yes`를 입력하세요.' },
        { en: 'The value is `yes`, not `on`: Redis accepts only `yes` or `no` for this setting.', ko: '값은 `on`이 아니라 `yes`입니다. 이 설정에는 `yes`와 `no`만 쓸 수 있습니다.' },
      ],
      solution: [
        { do: 'command', node: 'r1', line: 'CONFIG SET appendonly yes' },
        { do: 'wait', ms: 1000 },
      ],
      wrong: [
        { do: 'command', node: 'r1', line: 'CONFIG SET appendonly on' },
        { do: 'wait', ms: 1000 },
      ],
      explain: {
        en: '`r1` now appends every write it receives from `m` to its AOF and flushes it to disk once a second (`appendfsync everysec`), on top of the RDB snapshots of its default save points. To start the file, Redis writes the current data set as the AOF\'s base in a forked child: on `r1`, not on `m`.\n\nOne warning: `CONFIG SET` changes only the running process. Put `appendonly yes` in `r1`\'s redis.conf as well (or run `CONFIG REWRITE` on a server started from a config file), or the next restart brings back the old setting.',
        ko: '이제 `r1`은 `m`에서 받는 모든 쓰기를 AOF 끝에 덧붙이고, 1초에 한 번 디스크에 내려씁니다(`appendfsync everysec`). 기본 save 설정에 따른 RDB 스냅샷도 그대로 찍습니다. 파일을 시작하려고 Redis는 fork한 자식 프로세스에서 현재 데이터 전체를 AOF의 베이스로 씁니다. 이 일은 `m`이 아니라 `r1`에서 일어납니다.\n\n주의할 점이 하나 있습니다. `CONFIG SET`은 실행 중인 프로세스만 바꿉니다. `r1`의 redis.conf에도 `appendonly yes`를 넣으세요(설정 파일로 시작한 서버라면 `CONFIG REWRITE`를 실행해도 됩니다). 그러지 않으면 다음 재시작 때 예전 설정으로 돌아갑니다.',
      },
    },
    {
      id: 'snapshot-on-replica',
      task: {
        en: 'Take a snapshot on the replica: `BGSAVE` on `r1`. Then compare `LASTSAVE` on `r1` with `LASTSAVE` on `m`.',
        ko: '레플리카에서 스냅샷을 찍으세요: `r1`에서 `BGSAVE`. 그다음 `r1`의 `LASTSAVE`와 `m`의 `LASTSAVE`를 비교하세요.',
      },
      goal: (ctx) => {
        const m = ctx.node('m');
        return !!m && m.keys > 0 && persisted(ctx, 'r1', 'rdb-saved', m.keys) && ran(ctx, 'r1', /^lastsave$/i, /^\(integer\) \d+$/) && ran(ctx, 'm', /^lastsave$/i, /^\(integer\) \d+$/);
      },
      hints: [
        { en: 'In the `r1` console type `BGSAVE`; it answers `Background saving started` at once, and the child finishes a moment later.', ko: '`r1` 콘솔에 `BGSAVE`를 입력하세요. 곧바로 `Background saving started`라고 답하고, 자식 프로세스는 잠시 뒤에 끝납니다.' },
        { en: '`LASTSAVE` returns the Unix time of the last successful save. Type it in both consoles, `r1` and `m`.', ko: '`LASTSAVE`는 마지막으로 저장에 성공한 시각을 Unix 시간으로 돌려줍니다. `r1`과 `m` 두 콘솔 모두에 입력하세요.' },
      ],
      solution: [
        { do: 'command', node: 'r1', line: 'BGSAVE' },
        { do: 'wait', ms: 1000 },
        { do: 'command', node: 'r1', line: 'LASTSAVE' },
        { do: 'command', node: 'm', line: 'LASTSAVE' },
      ],
      wrong: [
        { do: 'command', node: 'm', line: 'BGSAVE' },
        { do: 'wait', ms: 1000 },
        { do: 'command', node: 'm', line: 'LASTSAVE' },
      ],
      explain: {
        en: '`r1` forked a child that wrote all 24 keys to its `dump.rdb`: a point-in-time copy you can ship somewhere safe. The fork, and the copy-on-write memory it needs while pages change, were paid by `r1`; `m` went on serving at full speed.\n\n`LASTSAVE` on `r1` moved to the time of that save (once the child had finished). On `m` it still shows the moment `m` started: `m` has never saved. `INFO persistence` shows the same time as `rdb_last_save_time`, and `aof_enabled:1` on `r1`.',
        ko: '`r1`은 자식 프로세스를 fork했고, 그 자식이 키 24개 전부를 `dump.rdb`에 썼습니다. 안전한 곳으로 옮겨 둘 수 있는 특정 시점의 복사본입니다. fork 비용과, 페이지가 바뀌는 동안 필요한 copy-on-write 메모리는 `r1`이 치렀습니다. `m`은 그동안에도 제 속도로 요청을 처리했습니다.\n\n`r1`의 `LASTSAVE`는 (자식 프로세스가 끝난 뒤) 그 저장 시각으로 바뀌었습니다. `m`의 `LASTSAVE`는 여전히 `m`이 시작된 시각입니다. `m`은 한 번도 저장한 적이 없습니다. `INFO persistence`의 `rdb_last_save_time`도 같은 시각을 보여 주고, `r1`에서는 `aof_enabled:1`도 보입니다.',
      },
    },
    {
      id: 'second-backup',
      task: {
        en: 'A second backup costs a full copy. Make `backup` a replica of `m`: type `REPLICAOF 127.0.0.1 6379` in the console of `backup`, then watch the RDB travel down the slow link.',
        ko: '두 번째 백업에는 전체 복사본이 필요합니다. `backup`을 `m`의 레플리카로 만드세요. `backup`의 콘솔에 `REPLICAOF 127.0.0.1 6379`를 입력하고, RDB가 느린 링크를 따라 내려가는 것을 지켜보세요.',
      },
      goal: (ctx) => follows(ctx, 'backup', 'm') && resynced(ctx, 'backup', 'full') && rdbBytes(ctx, 'm', 'backup') > 0,
      hints: [
        { en: '`m` listens on 127.0.0.1, port 6379. Host and port are two arguments: `REPLICAOF 127.0.0.1 6379`, with a space, not a colon.', ko: '`m`은 127.0.0.1의 6379 포트에서 기다립니다. 호스트와 포트는 인자 두 개입니다. 콜론이 아니라 공백으로 나누어 `REPLICAOF 127.0.0.1 6379`라고 입력하세요.' },
        { en: 'Keep the playback running for about 12 s: the handshake, 5 s of `repl-diskless-sync-delay`, then about 4.6 s of transfer at 8 KB/s. Raise the speed if you like.', ko: '약 12초 동안 재생을 계속하세요. 핸드셰이크, `repl-diskless-sync-delay` 5초, 그리고 8 KB/s로 약 4.6초 동안 전송이 이어집니다. 원하면 속도를 올려도 됩니다.' },
      ],
      solution: [
        { do: 'command', node: 'backup', line: 'REPLICAOF 127.0.0.1 6379' },
        { do: 'wait', ms: 14000 },
      ],
      wrong: [
        { do: 'command', node: 'backup', line: 'REPLICAOF 127.0.0.1:6379' },
        { do: 'wait', ms: 3000 },
      ],
      explain: {
        en: '`backup` asked `PSYNC <its own id> 1`; `m` could not continue that history, so it answered `+FULLRESYNC` and sent its whole data set: about 36 KB of RDB, which took about 4.6 s at 8 KB/s. With real data sets this is gigabytes, for every new replica and for every replica that falls too far behind.\n\nThe fork happened on `m` this time: a diskless sync still needs a child to produce the RDB, even with `save ""`. And `backup` wrote the payload to its own `dump.rdb` before loading it, so it needs disk space for a full copy too.',
        ko: '`backup`은 `PSYNC <자기 ID> 1`을 보냈습니다. `m`은 그 이력을 이어 갈 수 없으니 `+FULLRESYNC`로 답하고 데이터 전체를 보냈습니다. RDB 약 36 KB이고, 8 KB/s로 약 4.6초가 걸렸습니다. 실제 데이터라면 수 GB이고, 새 레플리카가 붙을 때마다, 그리고 너무 뒤처진 레플리카가 생길 때마다 이만큼을 보냅니다.\n\n이번에는 fork가 `m`에서 일어났습니다. 디스크리스 동기화도 RDB를 만들 자식 프로세스가 필요합니다. `save ""`여도 마찬가지입니다. 그리고 `backup`은 받은 데이터를 불러오기 전에 자기 `dump.rdb`에 먼저 썼습니다. 그러니 레플리카에도 전체 복사본만큼의 디스크 공간이 필요합니다.',
      },
    },
  ],
  outro: {
    en: 'Persistence can live on a replica: the master stays fast, the replica pays for the forks and the disk, and `BGSAVE` or an AOF there gives you backups. The price: every new or resynced replica receives the whole data set as an RDB over the network. And a caution for what follows: a master without persistence must never come back empty by itself, or its replicas copy the emptiness, backups included.',
    ko: '영속성은 레플리카에 둘 수 있습니다. 마스터는 빠르게 유지되고, fork와 디스크 비용은 레플리카가 치르며, 그곳의 `BGSAVE`나 AOF가 백업이 됩니다. 대가는 새로 붙거나 다시 동기화하는 레플리카마다 전체 데이터가 RDB로 네트워크를 건넌다는 점입니다. 그리고 이어지는 내용을 위한 경고: 영속성이 없는 마스터가 저절로 빈 상태로 돌아오게 두면 안 됩니다. 그러면 레플리카가 그 빈 상태를 복사합니다. 백업용 레플리카도 예외가 아닙니다.',
  },
};
