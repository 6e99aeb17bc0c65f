// Importing docker-compose files and redis.conf files into the lab: the
// topology they describe, every finding on the line it belongs to, hostile
// input refused quickly with a clear error, and an imported topology that
// replicates in the engine the way the file says.

import { describe, expect, it } from 'vitest';
import { CONFIG_NAMES, configGet, defaultConfig } from '../src/engine/server/config';
import { reprArg, sdssplitargs, shellWords } from '../src/import/args';
import { CONFIG_ALIASES, commandLineDirectives } from '../src/import/directives';
import { classifyImage } from '../src/import/images';
import { canLoad, detectKind, type Finding, type ImportResult, importSources, parseCompose, parseRedisConf, parseRedisConfs } from '../src/import/index';
import { editDistance, nearest } from '../src/import/suggest';
import { importText } from '../src/import/text';
import { topologySession } from '../src/worker/worlds';

// ../shared/examples/docker-compose.master-replica.yml, as people copy it.
const SHARED_EXAMPLE = `version: '3.8'

services:
  redis-master:
    hostname: "redis-master"
    container_name: "redis-master"
    image: bitnami/redis:latest
    environment:
      - REDIS_REPLIACATION_MODE=master
      - ALLOW_EMPTY_PASSWORD=yes
    ports:
      - "6379:6379"
  redis-slave-1:
    hostname: "redis-slave-1"
    container_name: "redis-slave-1"
    image: bitnami/redis:latest
    environment:
      - REDIS_REPLICATION_MODE=slave
      - REDIS_MASTER_HOST=redis-master
      - ALLOW_EMPTY_PASSWORD=yes
    ports:
      - "6380:6379"
    depends_on:
      - redis-master
`;

const OFFICIAL = `services:
  primary:
    image: redis:7.0.15
    command: redis-server --requirepass s3cret --appendonly yes
  replica-a:
    image: redis:7.0.15-alpine
    command: ["redis-server", "--replicaof", "primary", "6379", "--masterauth", "s3cret", "--requirepass", "s3cret"]
  replica-b:
    image: redis:7.0.15
    command:
      - redis-server
      - --replicaof
      - replica-a
      - "6379"
      - --masterauth
      - s3cret
      - --save
`;

function find(r: ImportResult, code: string): Finding[] {
  return r.findings.filter((f) => f.code === code);
}

function node(r: ImportResult, name: string) {
  const n = r.nodes.find((x) => x.name === name);
  if (!n) throw new Error(`no node ${name} in ${JSON.stringify(r.nodes)}`);
  return n;
}

/** Every finding speaks both languages (the Korean text has Hangul in it). */
function expectBilingual(r: ImportResult): void {
  for (const f of r.findings) {
    expect(f.message.en.length, f.code).toBeGreaterThan(0);
    expect(f.message.ko, f.code).toMatch(/[\uac00-\ud7a3]/);
    if (f.suggestion) expect(f.suggestion.ko.length).toBeGreaterThan(0);
  }
}

/** Runs `f`, which must return a clear error finding (not throw) within a second. */
function refusedFast(f: () => ImportResult, code: string): ImportResult {
  const t0 = performance.now();
  const r = f();
  const ms = performance.now() - t0;
  expect(ms).toBeLessThan(1000);
  expect(canLoad(r)).toBe(false);
  const errors = r.findings.filter((x) => x.severity === 'error');
  expect(errors.map((x) => x.code)).toContain(code);
  expectBilingual(r);
  return r;
}

describe('the shared docker-compose example (Bitnami, misspelled mode)', () => {
  const r = importSources([{ name: 'docker-compose.master-replica.yml', text: SHARED_EXAMPLE }]);

  it('gives a master and a replica of it, named after the services', () => {
    expect(r.kind).toBe('compose');
    expect(r.nodes.map((n) => [n.name, n.replicaOf])).toEqual([
      ['redis-master', null],
      ['redis-slave-1', 'redis-master'],
    ]);
    // Bitnami's image turns the append-only file on by default (REDIS_AOF_ENABLED=yes).
    expect(node(r, 'redis-master').config).toEqual([['appendonly', 'yes']]);
    expect(node(r, 'redis-slave-1').config).toEqual([['appendonly', 'yes']]);
    expect(canLoad(r)).toBe(true);
  });

  it('points out the misspelled REDIS_REPLIACATION_MODE on line 9, with the right name, and says the master is one only by default', () => {
    const [f] = find(r, 'env-unknown');
    expect(f).toMatchObject({ line: 9, severity: 'warning' });
    expect(f.message.en).toContain('REDIS_REPLIACATION_MODE');
    expect(f.message.en).toMatch(/redis-master still starts as a master, but only because master is the image's default/);
    expect(f.suggestion?.en).toBe('did you mean REDIS_REPLICATION_MODE?');
    const [d] = find(r, 'default-master');
    expect(d).toMatchObject({ line: 4, severity: 'info' });
    expect(d.message.en).toContain('line 9');
  });

  it('flags bitnami/redis (no longer published) and the unpinned :latest tag on both image lines', () => {
    expect(find(r, 'bitnami-image').map((f) => [f.line, f.severity])).toEqual([
      [7, 'warning'],
      [16, 'warning'],
    ]);
    expect(find(r, 'bitnami-image')[0].message.en).toMatch(/2025-08-28.*bitnamilegacy\/redis.*official redis image/);
    expect(find(r, 'unpinned-image').map((f) => [f.line, f.severity])).toEqual([
      [7, 'warning'],
      [16, 'warning'],
    ]);
  });

  it('reports what it does not use instead of dropping it', () => {
    expect(find(r, 'version-obsolete')[0].line).toBe(1);
    expect(find(r, 'service-keys-unused').map((f) => [f.line, f.message.en])).toEqual([
      [4, expect.stringContaining('ports')],
      [13, expect.stringContaining('depends_on')],
    ]);
    expect(r.findings.every((f) => f.line >= 0)).toBe(true);
    expectBilingual(r);
  });

  it('with the misspelling fixed, the finding goes away and the master is a master because the file says so', () => {
    const fixed = parseCompose(SHARED_EXAMPLE.replace('REPLIACATION', 'REPLICATION'));
    expect(find(fixed, 'env-unknown')).toEqual([]);
    expect(find(fixed, 'default-master')).toEqual([]);
    expect(fixed.nodes.map((n) => [n.name, n.replicaOf])).toEqual([
      ['redis-master', null],
      ['redis-slave-1', 'redis-master'],
    ]);
  });
});

describe('compose with the official image', () => {
  it('reads replicaof and passwords from command, as a string and as a list', () => {
    const r = parseCompose(OFFICIAL);
    expect(r.nodes).toEqual([
      { name: 'primary', replicaOf: null, config: [['appendonly', 'yes'], ['requirepass', 's3cret']] },
      // replica-a passes its master's password on to its own replica: a chain needs requirepass in the middle too.
      { name: 'replica-a', replicaOf: 'primary', config: [['masterauth', 's3cret'], ['requirepass', 's3cret']] },
      // A bare --save at the end means save "" (Redis 7.0's main()).
      { name: 'replica-b', replicaOf: 'replica-a', config: [['masterauth', 's3cret'], ['save', '']] },
    ]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(canLoad(r)).toBe(true);
  });

  it('an unknown option is an error (redis-server would not start) with a suggestion, on the line of the option', () => {
    const r = parseCompose(`services:
  m:
    image: redis:7.0.15
  r:
    image: redis:7.0.15
    command:
      - redis-server
      - --replicaoff
      - m
      - "6379"
`);
    const [f] = find(r, 'unknown-directive');
    expect(f).toMatchObject({ line: 8, severity: 'error' });
    expect(f.message.en).toContain('Bad directive or wrong number of arguments');
    expect(f.suggestion?.en).toBe('did you mean --replicaof?');
    expect(canLoad(r)).toBe(false);
  });

  it('a bad value is refused in Redis words', () => {
    const r = parseCompose('services:\n  m:\n    image: redis:7.0.15\n    command: redis-server --appendonly maybe\n');
    expect(find(r, 'bad-value')[0]).toMatchObject({ line: 4, severity: 'error' });
    expect(find(r, 'bad-value')[0].message.en).toContain("argument must be 'yes' or 'no'");
  });

  it('says when Bitnami variables are given to the official image, which ignores them', () => {
    const r = parseCompose(`services:
  m:
    image: redis:7.0.15
  r:
    image: redis:7.0.15
    environment:
      REDIS_REPLICATION_MODE: slave
      REDIS_MASTER_HOST: m
`);
    expect(r.nodes.map((n) => [n.name, n.replicaOf])).toEqual([
      ['m', null],
      ['r', null],
    ]);
    expect(find(r, 'env-not-read').map((f) => f.line)).toEqual([7, 8]);
    expect(find(r, 'env-not-read')[0].suggestion?.en).toContain('--replicaof');
  });

  it('warns about a replica without the master password, a wrong one, and one the master does not expect', () => {
    const r = parseCompose(`services:
  m:
    image: redis:7.0.15
    command: redis-server --requirepass pw
  none:
    image: redis:7.0.15
    command: redis-server --replicaof m 6379
  wrong:
    image: redis:7.0.15
    command: redis-server --replicaof m 6379 --masterauth nope
  open:
    image: redis:7.0.15
  extra:
    image: redis:7.0.15
    command: redis-server --replicaof open 6379 --masterauth pw
`);
    expect(find(r, 'auth-missing').map((f) => f.line)).toEqual([7]);
    expect(find(r, 'auth-wrong').map((f) => f.line)).toEqual([10]);
    expect(find(r, 'auth-unneeded').map((f) => f.line)).toEqual([15]);
  });

  it('reads a mounted redis.conf when it is imported with the compose file, and says when it is missing', () => {
    const compose = `services:
  m:
    image: redis:7.0.15
  r:
    image: redis:7.0.15
    command: redis-server /usr/local/etc/redis/redis.conf
    volumes:
      - ./replica.conf:/usr/local/etc/redis/redis.conf:ro
`;
    const withFile = importSources([
      { name: 'docker-compose.yml', text: compose },
      { name: 'replica.conf', text: 'replicaof m 6379\nappendonly yes\nreplica-lazy-flsh yes\n' },
    ]);
    expect(node(withFile, 'r')).toEqual({ name: 'r', replicaOf: 'm', config: [['appendonly', 'yes']] });
    expect(find(withFile, 'unknown-directive')[0]).toMatchObject({ file: 'replica.conf', line: 3 });
    expect(find(withFile, 'unknown-directive')[0].suggestion?.en).toBe('did you mean replica-lazy-flush?');
    const unused = importSources([
      { name: 'docker-compose.yml', text: compose.replace('./replica.conf', './other.conf') },
      { name: 'replica.conf', text: 'replicaof m 6379\n' },
    ]);
    expect(find(unused, 'conf-unused')[0]).toMatchObject({ file: 'replica.conf', severity: 'warning' });
    const without = parseCompose(compose);
    expect(node(without, 'r').replicaOf).toBeNull();
    expect(find(without, 'config-file-missing')[0]).toMatchObject({ line: 6, severity: 'warning' });
    expect(find(without, 'config-file-missing')[0].message.en).toContain('./replica.conf');
  });

  it('ignores services that are not Redis with a note, and flags Sentinel and unpinned images', () => {
    const r = parseCompose(`services:
  web:
    image: nginx:1.27
  cache:
    image: redis
  sentinel:
    image: bitnami/redis-sentinel:7.0
  app:
    build: .
`);
    expect(r.nodes.map((n) => n.name)).toEqual(['cache']);
    expect(find(r, 'not-redis')[0]).toMatchObject({ line: 3, severity: 'info' });
    expect(find(r, 'unpinned-image')[0]).toMatchObject({ line: 5, severity: 'warning' });
    expect(find(r, 'unpinned-image')[0].message.en).toContain('no tag');
    expect(find(r, 'sentinel-service')[0]).toMatchObject({ line: 7, severity: 'warning' });
    expect(find(r, 'built-image')[0]).toMatchObject({ line: 8, severity: 'info' });
  });

  it('reads commands that start with an option, and the redis-server part of a shell command', () => {
    const r = parseCompose(`services:
  m:
    image: redis:7.0.15
    command: ["--appendonly", "yes"]
  r:
    image: redis:7.0.15
    command: sh -c "redis-server --replicaof m 6379 --maxmemory 64mb && echo never"
`);
    expect(r.nodes).toEqual([
      { name: 'm', replicaOf: null, config: [['appendonly', 'yes']] },
      { name: 'r', replicaOf: 'm', config: [['maxmemory', '67108864']] },
    ]);
    expect(find(r, 'shell-command')[0]).toMatchObject({ line: 7, severity: 'info' });
  });

  it('a misspelled service attribute is an error (Compose refuses the file) with a suggestion', () => {
    const r = parseCompose('services:\n  m:\n    image: redis:7.0.15\n    enviroment:\n      - A=1\n');
    expect(find(r, 'unknown-key')[0]).toMatchObject({ line: 4, severity: 'error' });
    expect(find(r, 'unknown-key')[0].suggestion?.en).toBe('did you mean environment?');
  });

  it('follows anchors and merge keys, and interpolates variables with their defaults', () => {
    const r = parseCompose(`x-redis: &redis
  image: \${REDIS_IMAGE:-redis:7.0.15}
  command: redis-server --appendonly yes
services:
  m:
    <<: *redis
  r:
    <<: *redis
    command: redis-server --replicaof m 6379 --appendonly yes
  r2:
    <<: *redis
    command: redis-server --replicaof $MASTER_HOST 6379
`);
    expect(r.nodes.map((n) => [n.name, n.replicaOf])).toEqual([
      ['m', null],
      ['r', 'm'],
      ['r2', null],
    ]);
    expect(node(r, 'm').config).toEqual([['appendonly', 'yes']]);
    expect(find(r, 'variable-unset')[0]).toMatchObject({ line: 12 });
    // An empty host leaves redis-server with one argument for replicaof.
    expect(find(r, 'wrong-arguments').length + find(r, 'bad-value').length).toBeGreaterThan(0);
  });
});

describe('Bitnami environment variables', () => {
  const listForm = `services:
  m:
    image: bitnamilegacy/redis:7.0.15
    environment:
      - REDIS_REPLICATION_MODE=master
      - REDIS_PASSWORD=pw
      - REDIS_AOF_ENABLED=no
  r:
    image: bitnamilegacy/redis:7.0.15
    environment:
      - REDIS_REPLICATION_MODE=replica
      - REDIS_MASTER_HOST=m
      - REDIS_MASTER_PORT_NUMBER=6379
      - REDIS_PASSWORD=pw
      - REDIS_RDB_POLICY=900#1 300#10
`;
  const mapForm = `services:
  m:
    image: bitnamilegacy/redis:7.0.15
    environment:
      REDIS_REPLICATION_MODE: master
      REDIS_PASSWORD: pw
      REDIS_AOF_ENABLED: "no"
  r:
    image: bitnamilegacy/redis:7.0.15
    environment:
      REDIS_REPLICATION_MODE: replica
      REDIS_MASTER_HOST: m
      REDIS_MASTER_PORT_NUMBER: 6379
      REDIS_PASSWORD: pw
      REDIS_RDB_POLICY: "900#1 300#10"
`;

  it('list and map forms give the same topology: passwords become requirepass and masterauth', () => {
    const a = parseCompose(listForm);
    const b = parseCompose(mapForm);
    expect(a.nodes).toEqual(b.nodes);
    expect(a.nodes).toEqual([
      // The image sets masterauth on a master too (for a later failover), from REDIS_PASSWORD.
      { name: 'm', replicaOf: null, config: [['masterauth', 'pw'], ['requirepass', 'pw']] },
      { name: 'r', replicaOf: 'm', config: [['appendonly', 'yes'], ['masterauth', 'pw'], ['requirepass', 'pw'], ['save', '900 1 300 10']] },
    ]);
    expect(find(a, 'bitnami-legacy-image').length).toBe(2);
    expect(canLoad(a)).toBe(true);
  });

  it('REDIS_EXTRA_FLAGS become redis-server options; a command that is not run.sh skips the variables, said so', () => {
    const r = parseCompose(`services:
  m:
    image: bitnamilegacy/redis:7.0.15
    environment:
      ALLOW_EMPTY_PASSWORD: "yes"
      REDIS_EXTRA_FLAGS: --maxmemory 100mb --repl-backlog-size 4mb
  r:
    image: bitnamilegacy/redis:7.0.15
    environment:
      REDIS_REPLICATION_MODE: slave
      REDIS_MASTER_HOST: m
    command: redis-server --replicaof m 6379
`);
    expect(node(r, 'm').config).toEqual([
      ['appendonly', 'yes'],
      ['maxmemory', '104857600'],
      ['repl-backlog-size', '4194304'],
    ]);
    // Without Bitnami's setup, no appendonly default and no password check: only the command counts.
    expect(node(r, 'r')).toEqual({ name: 'r', replicaOf: 'm', config: [] });
    expect(find(r, 'bitnami-command')[0]).toMatchObject({ line: 12, severity: 'warning' });
  });

  it('an empty password without ALLOW_EMPTY_PASSWORD=yes stops the container: an error', () => {
    const r = parseCompose('services:\n  m:\n    image: bitnamilegacy/redis:7.0.15\n    environment:\n      - REDIS_REPLICATION_MODE=master\n');
    expect(find(r, 'empty-password')[0]).toMatchObject({ line: 2, severity: 'error' });
    expect(canLoad(r)).toBe(false);
  });

  it('an unknown replication mode is an error with the accepted spelling; a replica without a master host too', () => {
    const r = parseCompose(`services:
  a:
    image: bitnamilegacy/redis:7.0.15
    environment:
      ALLOW_EMPTY_PASSWORD: "yes"
      REDIS_REPLICATION_MODE: Replica
  b:
    image: bitnamilegacy/redis:7.0.15
    environment:
      ALLOW_EMPTY_PASSWORD: "yes"
      REDIS_REPLICATION_MODE: slave
`);
    expect(find(r, 'env-bad-value')[0]).toMatchObject({ line: 6, severity: 'error' });
    expect(find(r, 'env-bad-value')[0].suggestion?.en).toBe('did you mean REDIS_REPLICATION_MODE=replica?');
    expect(find(r, 'replica-without-master')[0]).toMatchObject({ line: 11, severity: 'error' });
  });

  it('a replica whose master host is not in the file gets a stand-in master, said so', () => {
    const r = parseCompose(`services:
  r:
    image: bitnamilegacy/redis:7.0.15
    environment:
      ALLOW_EMPTY_PASSWORD: "yes"
      REDIS_REPLICATION_MODE: slave
      REDIS_MASTER_HOST: redis.example.com
`);
    expect(r.nodes.map((n) => [n.name, n.replicaOf])).toEqual([
      ['r', 'redis.example.com'],
      ['redis.example.com', null],
    ]);
    expect(find(r, 'master-added')[0]).toMatchObject({ line: 7, severity: 'warning' });
  });
});

describe('redis.conf', () => {
  const REPLICA_CONF = `# A replica
port 6380
replicaof redis-master 6379
masterauth "s3cr3t with spaces"
requirepass 'it\\'s'
save ""
appendonly yes
replica-read-onyl no
repl-backlog-size 10mb
include /etc/redis/common.conf
dir /var/lib/redis
`;

  it('reads replicaof, save "", quoted values, and adds the master it points at', () => {
    const r = parseRedisConf(REPLICA_CONF);
    expect(r.kind).toBe('redis-conf');
    expect(r.nodes).toEqual([
      {
        name: 'redis',
        replicaOf: 'redis-master',
        config: [
          ['appendonly', 'yes'],
          ['masterauth', 's3cr3t with spaces'],
          ['repl-backlog-size', '10485760'],
          ['requirepass', "it's"],
          ['save', ''],
        ],
      },
      // The stand-in master takes the replica's masterauth as its password, so the link can authenticate.
      { name: 'redis-master', replicaOf: null, config: [['requirepass', 's3cr3t with spaces']] },
    ]);
    expect(find(r, 'master-added')[0]).toMatchObject({ line: 3, severity: 'warning' });
  });

  it('an unknown directive is an error with a suggestion; include is reported as unsupported; machine settings as left out', () => {
    const r = parseRedisConf(REPLICA_CONF);
    expect(find(r, 'unknown-directive')).toEqual([
      expect.objectContaining({ line: 8, severity: 'error', suggestion: expect.objectContaining({ en: 'did you mean replica-read-only?' }) }),
    ]);
    expect(find(r, 'include-unsupported')[0]).toMatchObject({ line: 10, severity: 'warning' });
    expect(find(r, 'host-setting')[0]).toMatchObject({ line: 11, severity: 'info' });
    expect(find(r, 'port-setting')[0]).toMatchObject({ line: 2, severity: 'info' });
    expect(canLoad(r)).toBe(false);
    expectBilingual(r);
  });

  it('unbalanced quotes and wrong argument counts are refused as Redis refuses them', () => {
    const r = parseRedisConf('loglevel "notice\nmaxmemory 1 2\nappendonly yes\n');
    expect(find(r, 'unbalanced-quotes')[0]).toMatchObject({ line: 1 });
    expect(find(r, 'wrong-arguments')[0]).toMatchObject({ line: 2 });
    expect(find(r, 'wrong-arguments')[0].message.en).toContain('wrong number of arguments');
  });

  it('several files: replicaof 127.0.0.1 <port> finds the file listening on that port; slaveof works too', () => {
    const r = parseRedisConfs([
      { name: 'master.conf', text: 'port 6379\nrequirepass pw\n' },
      { name: 'replica-a.conf', text: 'port 6380\nreplicaof 127.0.0.1 6379\nmasterauth pw\n' },
      { name: '/etc/redis/replica-b.conf', text: 'port 6381\nslaveof replica-a 6380\n' },
    ]);
    expect(r.nodes.map((n) => [n.name, n.replicaOf])).toEqual([
      ['master', null],
      ['replica-a', 'master'],
      ['replica-b', 'replica-a'],
    ]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.findings.every((f) => f.file !== undefined)).toBe(true);
  });

  it('a Sentinel configuration is not a node', () => {
    const r = parseRedisConf('port 26379\nsentinel monitor mymaster 127.0.0.1 6379 2\n', 'sentinel.conf');
    expect(r.nodes).toEqual([]);
    expect(find(r, 'sentinel-config')[0]).toMatchObject({ line: 2 });
  });

  it('a replication cycle is pointed out', () => {
    const r = parseRedisConfs([
      { name: 'a.conf', text: 'port 7001\nreplicaof 127.0.0.1 7002\n' },
      { name: 'b.conf', text: 'port 7002\nreplicaof 127.0.0.1 7001\n' },
    ]);
    expect(r.nodes.map((n) => [n.name, n.replicaOf])).toEqual([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(find(r, 'replication-cycle')).toHaveLength(1);
  });
});

describe('hostile input gets a clear error within a second', () => {
  it('a 50 MB string', () => {
    const big = 'services:\n'.padEnd(50 * 1024 * 1024, 'x');
    expect(refusedFast(() => importSources([{ name: null, text: big }]), 'too-large').nodes).toEqual([]);
    refusedFast(() => parseCompose(big), 'too-large');
    refusedFast(() => parseRedisConf(big), 'too-large');
  });

  it('random binary bytes', () => {
    let bytes = '';
    let x = 12345;
    for (let i = 0; i < 64 * 1024; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      bytes += String.fromCharCode((x >>> 16) & 0xff);
    }
    refusedFast(() => importSources([{ name: null, text: bytes }]), 'binary');
    refusedFast(() => parseCompose(bytes), 'binary');
    // What a browser makes of invalid UTF-8.
    refusedFast(() => parseRedisConf('port 6379\n\uFFFD\uFFFD\n'), 'binary');
  });

  it('a YAML billion-laughs bomb', () => {
    const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let k = 1; k < names.length; k++) {
      const prev = names[k - 1];
      lol.push(`${names[k]}: &${names[k]} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    lol.push('services: *i');
    refusedFast(() => importSources([{ name: 'bomb.yml', text: lol.join('\n') }]), 'yaml-aliases');
  });

  it('deeply nested YAML (flow, flow with quoted brackets, block)', () => {
    refusedFast(() => parseCompose(`services: ${'['.repeat(100_000)}${']'.repeat(100_000)}`), 'too-deep');
    refusedFast(() => parseCompose(`services: ${'["]", '.repeat(40_000)}`), 'too-deep');
    let block = 'services:\n';
    for (let i = 0; i < 2000; i++) block += `${' '.repeat(2 * i + 2)}k${i}:\n`;
    refusedFast(() => parseCompose(block.slice(0, 250_000)), 'too-deep');
  });

  it('a huge number of services (block and flow style) or YAML entries', () => {
    let block = 'services:\n';
    for (let i = 0; i < 8000; i++) block += `  s${i}:\n    image: redis\n`;
    refusedFast(() => parseCompose(block), 'too-many-services');
    let flow = 'services: {';
    for (let i = 0; i < 9000; i++) flow += `s${i}: {image: redis}, `;
    refusedFast(() => parseCompose(`${flow}}`), 'too-many-nodes-yaml');
    let flowFew = 'services: {';
    for (let i = 0; i < 300; i++) flowFew += `s${i}: {}, `;
    refusedFast(() => parseCompose(`${flowFew}}`), 'too-many-services');
    refusedFast(() => parseCompose(`x: [${'1,'.repeat(60_000)}]\nservices: {}`), 'too-many-nodes-yaml');
  });

  it('a 256 KB redis.conf of unknown directives, or of save lines (each of which grows the save list)', () => {
    let unknown = '';
    for (let i = 0; unknown.length < 250_000; i++) unknown += `replica-read-onlx${i} yes\n`;
    refusedFast(() => parseRedisConf(unknown), 'unknown-directive');
    let saves = '';
    for (let i = 1; saves.length < 250_000; i++) saves += `save ${i} 1\n`;
    refusedFast(() => parseRedisConf(saves), 'too-many-directives');
  });

  it('a compose file with thousands of environment variables or options', () => {
    let env = 'services:\n  m:\n    image: redis:7.0.15\n    environment:\n';
    for (let i = 0; env.length < 250_000; i++) env += `      - REDIS_PASSWORX${i}=x\n`;
    refusedFast(() => parseCompose(env), 'too-many-nodes-yaml');
    let opts = 'services:\n  m:\n    image: redis:7.0.15\n    command: redis-server';
    for (let i = 0; opts.length < 250_000; i++) opts += ` --replica-read-onlx${i} yes`;
    refusedFast(() => parseCompose(opts), 'unknown-directive');
  });

  it('more Redis services than the lab holds', () => {
    let s = 'services:\n';
    for (let i = 0; i < 150; i++) s += `  s${i}:\n    image: redis:7.0.15\n    command: redis-server --replicaof s0 6379\n`;
    const r = refusedFast(() => parseCompose(s), 'too-many-nodes');
    expect(r.findings.length).toBeLessThanOrEqual(301);
  });

  it('not YAML, not a mapping, or empty', () => {
    expect(find(parseCompose('services:\n  a: [\n'), 'yaml-syntax').length).toBeGreaterThan(0);
    expect(find(parseCompose('- a\n- b\n'), 'not-compose')).toHaveLength(1);
    expect(find(importSources([{ name: null, text: '  \n' }]), 'empty')).toHaveLength(1);
    expect(find(parseCompose('services:\n  m:\n    image: redis:7.0.15\n  m:\n    image: redis:7.0.15\n'), 'duplicate-key')[0]).toMatchObject({ line: 4 });
  });
});

describe('imported topologies run in the engine as the file describes', () => {
  function run(r: ImportResult) {
    expect(canLoad(r)).toBe(true);
    const session = topologySession(r.nodes, 1);
    return { session, views: new Map(session.world.views().map((v) => [v.name, v])) };
  }

  it('the shared example: redis-slave-1 replicates redis-master, and a write reaches it', () => {
    const { session, views } = run(importSources([{ name: null, text: SHARED_EXAMPLE }]));
    expect(views.get('redis-master')).toMatchObject({ role: 'master', persistence: 'rdb+aof' });
    expect(views.get('redis-slave-1')).toMatchObject({ role: 'slave', masterName: 'redis-master', linkState: 'connected' });
    session.input({ t: 'command', node: 'redis-master', argv: ['SET', 'k', 'v'] });
    session.advance(2_000);
    const after = new Map(session.world.views().map((v) => [v.name, v]));
    expect(after.get('redis-master')?.keys).toBe(1);
    expect(after.get('redis-slave-1')?.keys).toBe(1);
    expect(after.get('redis-slave-1')?.offset).toBe(after.get('redis-master')?.offset);
  });

  it('the official image with passwords and a chain: every replica is connected to its master', () => {
    const { views } = run(parseCompose(OFFICIAL));
    expect(views.get('primary')).toMatchObject({ role: 'master' });
    expect(views.get('replica-a')).toMatchObject({ role: 'slave', masterName: 'primary', linkState: 'connected' });
    expect(views.get('replica-b')).toMatchObject({ role: 'slave', masterName: 'replica-a', linkState: 'connected' });
  });

  it('several redis.conf files, and a replica whose master was added for it', () => {
    const { views } = run(
      parseRedisConfs([
        { name: 'master.conf', text: 'port 6379\nrequirepass pw\n' },
        { name: 'replica.conf', text: 'port 6380\nreplicaof 127.0.0.1 6379\nmasterauth pw\n' },
      ]),
    );
    expect(views.get('replica')).toMatchObject({ role: 'slave', masterName: 'master', linkState: 'connected' });
    const single = run(parseRedisConf('replicaof db-1 6379\nmasterauth pw\nsave ""\n'));
    expect(single.views.get('redis')).toMatchObject({ role: 'slave', masterName: 'db-1', linkState: 'connected' });
  });

  it('Bitnami passwords: the replica authenticates to its master', () => {
    const r = parseCompose(`services:
  m:
    image: bitnamilegacy/redis:7.0.15
    environment:
      - REDIS_REPLICATION_MODE=master
      - REDIS_PASSWORD=pw
  r:
    image: bitnamilegacy/redis:7.0.15
    environment:
      - REDIS_REPLICATION_MODE=replica
      - REDIS_MASTER_HOST=m
      - REDIS_PASSWORD=pw
`);
    const { views } = run(r);
    expect(views.get('r')).toMatchObject({ role: 'slave', masterName: 'm', linkState: 'connected', persistence: 'rdb+aof' });
  });

  it('a replica the importer warned about (no masterauth) does not connect in the engine either', () => {
    const r = parseCompose('services:\n  m:\n    image: redis:7.0.15\n    command: redis-server --requirepass pw\n  r:\n    image: redis:7.0.15\n    command: redis-server --replicaof m 6379\n');
    expect(find(r, 'auth-missing')).toHaveLength(1);
    const { views } = run(r);
    expect(views.get('r')).toMatchObject({ role: 'slave', masterName: 'm' });
    expect(views.get('r')?.linkState).not.toBe('connected');
  });
});

describe('the pieces', () => {
  it('edit distance counts a swap as one edit and ignores case; nearest needs one edit per four characters', () => {
    expect(editDistance('REDIS_REPLIACATION_MODE', 'REDIS_REPLICATION_MODE')).toBe(1);
    expect(editDistance('replicaof', 'rpelicaof')).toBe(1);
    expect(editDistance('Redis', 'redis')).toBe(0);
    expect(nearest('appendonyl', ['appendonly', 'appendfsync'])).toBe('appendonly');
    expect(nearest('TZ', ['REDIS_PASSWORD'])).toBeNull();
  });

  it('the alias table matches the engine (every name CONFIG GET * lists that is not canonical)', () => {
    const listed = configGet(defaultConfig(6379), ['*']).filter((_, k) => k % 2 === 0);
    const aliases = listed.filter((n) => !CONFIG_NAMES.includes(n)).sort();
    expect(Object.keys(CONFIG_ALIASES).sort()).toEqual(aliases);
    for (const canonical of Object.values(CONFIG_ALIASES)) expect(CONFIG_NAMES).toContain(canonical);
  });

  it('sdssplitargs reads quotes and escapes like Redis, and refuses unbalanced or glued quotes', () => {
    expect(sdssplitargs('save ""')).toEqual(['save', '']);
    expect(sdssplitargs(`requirepass "a\\x41\\n b" 'it\\'s'`)).toEqual(['requirepass', 'aA\n b', "it's"]);
    expect(sdssplitargs('a "b')).toBeNull();
    expect(sdssplitargs('a "b"c')).toBeNull();
    for (const s of ['', 'plain', 'with space', 'q"uote', 'back\\slash', 'nl\nx']) expect(sdssplitargs(reprArg(s))).toEqual([s]);
  });

  it('shell words split compose command strings', () => {
    expect(shellWords(`redis-server --requirepass "a b" --save '' x\\ y`)).toEqual(['redis-server', '--requirepass', 'a b', '--save', '', 'x y']);
    expect(shellWords('redis-server "unclosed')).toBeNull();
  });

  it("redis-server's command line: the config file first, options as directive lines, --save alone is save \"\"", () => {
    const tok = (...ws: string[]) => ws.map((text, k) => ({ text, line: k + 1 }));
    const cl = commandLineDirectives(tok('/etc/redis.conf', '--port 6380', '--save', '--replicaof', 'm', '6379', '--maxmemory', '10mb'));
    expect(cl.configFile?.text).toBe('/etc/redis.conf');
    expect(cl.lines).toEqual([
      { argv: ['port', '6380'], line: 2 },
      { argv: ['save', ''], line: 3 },
      { argv: ['replicaof', 'm', '6379'], line: 4 },
      { argv: ['maxmemory', '10mb'], line: 7 },
    ]);
  });

  it('images: official, Bitnami, legacy, stack, Sentinel, mirrors, and not Redis', () => {
    expect(classifyImage('redis').kind).toBe('official');
    expect(classifyImage('docker.io/library/redis:7.0.15').kind).toBe('official');
    expect(classifyImage('public.ecr.aws/docker/library/redis:7.0').kind).toBe('official');
    expect(classifyImage('bitnami/redis:latest')).toMatchObject({ kind: 'bitnami', tag: 'latest' });
    expect(classifyImage('bitnamilegacy/redis:7.0.15').kind).toBe('bitnami-legacy');
    expect(classifyImage('redis/redis-stack-server:7.2.0-v10').kind).toBe('stack');
    expect(classifyImage('bitnami/redis-sentinel:7.0').kind).toBe('sentinel');
    expect(classifyImage('redis@sha256:abc')).toMatchObject({ kind: 'official', digest: 'sha256:abc', tag: null });
    expect(classifyImage('localhost:5000/redis:7.0').kind).toBe('official');
    expect(classifyImage('ghcr.io/acme/redis:7.0').kind).toBe('other-redis');
    expect(classifyImage('postgres:16').kind).toBe('not-redis');
  });

  it('tells compose from redis.conf', () => {
    expect(detectKind({ name: 'x.yml', text: 'port 6379' })).toBe('compose');
    expect(detectKind({ name: 'redis.conf', text: 'services:' })).toBe('redis-conf');
    expect(detectKind({ name: null, text: SHARED_EXAMPLE })).toBe('compose');
    expect(detectKind({ name: null, text: '# comment\nservices:\n  a: {}' })).toBe('compose');
    expect(detectKind({ name: null, text: '# redis.conf\nport 6379\nreplicaof m 6379\n' })).toBe('redis-conf');
  });

  it('the dialog speaks English and Korean with the same texts', () => {
    expect(Object.keys(importText.ko).sort()).toEqual(Object.keys(importText.en).sort());
    expect(importText.ko.load).not.toBe(importText.en.load);
    expect(importText.ko.counts(1, 2, 0)).toBe('오류 1개, 경고 2개');
    expect(importText.en.counts(1, 2, 0)).toBe('1 error, 2 warnings');
  });

  it('two compose files at once are refused', () => {
    const r = importSources([
      { name: 'a.yml', text: SHARED_EXAMPLE },
      { name: 'b.yml', text: SHARED_EXAMPLE },
    ]);
    expect(find(r, 'several-compose')).toHaveLength(1);
    expect(canLoad(r)).toBe(false);
  });
});
