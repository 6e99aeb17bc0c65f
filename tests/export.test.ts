// The exported files as text: docker-compose.yml (read back with the yaml
// parser, as compose would) and each node's redis.conf (its directives read
// back with the same splitting rules as Redis, and accepted by the engine's
// own startup config loader). Real Redis reading these files is checked in
// export-real.test.ts.

import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyBootConfig, defaultConfig } from '../src/engine/server/config';
import { confLine, confWord, type ExportBundle, exportConfigs, sanitizeName, serviceNames } from '../src/export/configs';
import { forLoopback } from '../src/export/loopback';
import { MULTI_ARG } from '../src/export/settings';
import { tokenize } from '../src/scenario/tokenize';
import { EngineHost } from '../src/worker/host';
import { type EngineToUi, PROTOCOL_VERSION, type TopologyNode } from '../src/worker/protocol';
import { exportTopology, presetSession } from '../src/worker/worlds';

// ---------------------------------------------------------------- helpers

/** The directives of a redis.conf (comments and blank lines skipped), split as Redis splits them. */
function directives(conf: string): string[][] {
  return conf
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => tokenize(l));
}

function directive(conf: string, name: string): string[] | undefined {
  return directives(conf).find((d) => d[0] === name)?.slice(1);
}

interface ComposeService {
  image: string;
  hostname: string;
  command: string[];
  volumes: string[];
  ports: string[];
  depends_on?: string[];
}
interface Compose {
  name: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, null>;
}

function compose(bundle: ExportBundle): Compose {
  const f = bundle.files.find((x) => x.name === 'docker-compose.yml');
  if (!f) throw new Error('no docker-compose.yml');
  return parseYaml(f.text) as Compose;
}

function conf(bundle: ExportBundle, service: string): string {
  const n = bundle.nodes.find((x) => x.service === service);
  if (!n) throw new Error(`no node ${service} (have ${bundle.nodes.map((x) => x.service).join(', ')})`);
  return n.conf;
}

const node = (name: string, port: number, replicaOf: string | null, config: [string, string][] = []): TopologyNode => ({ name, port, replicaOf, config });

function hostWithDefaultLab() {
  const out: EngineToUi[] = [];
  const host = new EngineHost((m) => out.push(m));
  let id = 0;
  host.handle({ type: 'hello', version: PROTOCOL_VERSION, seed: 3 });
  return {
    command(nodeName: string, ...argv: string[]) {
      out.length = 0;
      host.handle({ type: 'command', requestId: ++id, node: nodeName, argv });
      return out.find((m) => m.type === 'reply');
    },
    topology(): TopologyNode[] {
      out.length = 0;
      host.handle({ type: 'export-topology', requestId: ++id });
      const m = out.find((x) => x.type === 'topology');
      if (m?.type !== 'topology') throw new Error('no topology message');
      return m.nodes;
    },
  };
}

// ---------------------------------------------------------------- topologies

describe('export: master and replicas', () => {
  const bundle = exportConfigs(exportTopology(presetSession('default', 1).world));

  it('writes docker-compose.yml first, then one <service>.conf per node in port order', () => {
    expect(bundle.files.map((f) => f.name)).toEqual(['docker-compose.yml', 'm.conf', 'r1.conf', 'r2.conf']);
    expect(bundle.nodes.map((n) => [n.service, n.hostPort, n.masterService])).toEqual([
      ['m', 6379, null],
      ['r1', 6380, 'm'],
      ['r2', 6381, 'm'],
    ]);
  });

  it('each redis.conf says where it comes from and listens on 6379 on every interface of its container, protected mode off', () => {
    for (const n of bundle.nodes) {
      expect(n.conf.split('\n')[0]).toMatch(/^# .*exported from Replica Lab/);
      expect(directive(n.conf, 'port')).toEqual(['6379']);
      expect(directive(n.conf, 'bind')).toEqual(['0.0.0.0']);
      expect(directive(n.conf, 'protected-mode')).toEqual(['no']);
      expect(directive(n.conf, 'dir')).toEqual(['/data']);
      // Each of those lines has a comment right above it saying why.
      for (const line of ['port 6379', 'bind 0.0.0.0', 'protected-mode no', 'dir /data']) {
        const lines = n.conf.split('\n');
        expect(lines[lines.indexOf(line) - 1], `comment above ${line}`).toMatch(/^# /);
      }
    }
  });

  it('replicas follow their master by service name on 6379; the master has no replicaof line', () => {
    expect(directive(conf(bundle, 'm'), 'replicaof')).toBeUndefined();
    expect(directive(conf(bundle, 'r1'), 'replicaof')).toEqual(['m', '6379']);
    expect(directive(conf(bundle, 'r2'), 'replicaof')).toEqual(['m', '6379']);
  });

  it('a default node writes no other setting', () => {
    expect(directives(conf(bundle, 'r1')).map((d) => d[0])).toEqual(['port', 'bind', 'protected-mode', 'replicaof', 'dir']);
    expect(conf(bundle, 'r1')).toContain("# None: every setting is Redis 7.0's default.");
  });

  it('docker-compose.yml runs the pinned official image with the mounted conf, publishes ports on loopback and orders replicas after their master', () => {
    const c = compose(bundle);
    expect(c.name).toBe('replica-lab');
    expect(Object.keys(c.services)).toEqual(['m', 'r1', 'r2']);
    for (const [i, s] of ['m', 'r1', 'r2'].entries()) {
      const svc = c.services[s];
      expect(svc.image).toBe('redis:7.0.15');
      expect(svc.hostname).toBe(s);
      expect(svc.command).toEqual(['redis-server', '/usr/local/etc/redis/redis.conf']);
      expect(svc.volumes).toEqual([`./${s}.conf:/usr/local/etc/redis/redis.conf:ro`, `${s}-data:/data`]);
      expect(svc.ports).toEqual([`127.0.0.1:${6379 + i}:6379`]);
    }
    expect(c.services.m.depends_on).toBeUndefined();
    expect(c.services.r1.depends_on).toEqual(['m']);
    expect(c.volumes).toEqual({ 'm-data': null, 'r1-data': null, 'r2-data': null });
    // No obsolete top-level `version:` (compose v2 warns about it).
    expect(bundle.files[0].text).not.toMatch(/^version:/m);
  });

  it('settings chosen in the lab through CONFIG SET reach the file through export-topology', () => {
    const lab = hostWithDefaultLab();
    expect(lab.command('m', 'CONFIG', 'SET', 'repl-backlog-size', '4mb', 'min-replicas-to-write', '1', 'min-replicas-max-lag', '5')).toMatchObject({ reply: { t: 'status', s: 'OK' } });
    expect(lab.command('r2', 'CONFIG', 'SET', 'replica-read-only', 'no')).toMatchObject({ reply: { t: 'status', s: 'OK' } });
    const b = exportConfigs(lab.topology());
    const m = conf(b, 'm');
    expect(directive(m, 'repl-backlog-size')).toEqual(['4194304']);
    expect(directive(m, 'min-replicas-to-write')).toEqual(['1']);
    expect(directive(m, 'min-replicas-max-lag')).toEqual(['5']);
    expect(directive(conf(b, 'r2'), 'replica-read-only')).toEqual(['no']);
    expect(directive(conf(b, 'r1'), 'replica-read-only')).toBeUndefined();
  });
});

describe('export: a replica of a replica', () => {
  const bundle = exportConfigs(exportTopology(presetSession('chain', 1).world));

  it('r2 follows r1, which follows m; compose starts them in that order', () => {
    expect(directive(conf(bundle, 'r1'), 'replicaof')).toEqual(['m', '6379']);
    expect(directive(conf(bundle, 'r2'), 'replicaof')).toEqual(['r1', '6379']);
    const c = compose(bundle);
    expect(c.services.r1.depends_on).toEqual(['m']);
    expect(c.services.r2.depends_on).toEqual(['r1']);
    expect(conf(bundle, 'r2')).toContain('# In the lab this node is a replica of r1.');
  });

  it('replicas that follow each other in a circle get no depends_on (compose refuses a cycle), and a comment says why', () => {
    const b = exportConfigs([node('a', 6379, 'b'), node('b', 6380, 'a'), node('c', 6381, 'a')]);
    const c = compose(b);
    expect(c.services.a.depends_on).toBeUndefined();
    expect(c.services.b.depends_on).toBeUndefined();
    expect(c.services.c.depends_on).toEqual(['a']);
    expect(b.files[0].text).toContain('# No depends_on: a, b replicate from each other in a circle');
  });
});

// ---------------------------------------------------------------- settings

describe('export: persistence', () => {
  it('persistence off is save "" with no volume, and the master is warned about restarting empty', () => {
    const b = exportConfigs([node('m', 6379, null, [['save', '']]), node('r1', 6380, 'm')]);
    const m = conf(b, 'm');
    expect(m).toMatch(/^save ""$/m);
    expect(directive(m, 'save')).toEqual(['']);
    expect(m).toContain('# No RDB snapshots');
    expect(m).toContain('a master that restarts empty is still a master');
    expect(b.nodes[0]).toMatchObject({ persists: false, volume: null });
    const c = compose(b);
    expect(c.services.m.volumes).toEqual(['./m.conf:/usr/local/etc/redis/redis.conf:ro']);
    expect(c.volumes).toEqual({ 'r1-data': null });
    // A replica without persistence is not warned: nothing follows it.
    const r = exportConfigs([node('m', 6379, null), node('r1', 6380, 'm', [['save', '']])]);
    expect(conf(r, 'r1')).not.toContain('restarts empty');
  });

  it('AOF is appendonly yes and keeps a volume even without snapshots', () => {
    const b = exportConfigs([node('m', 6379, null, [['appendfsync', 'always'], ['appendonly', 'yes'], ['save', '']])]);
    const m = conf(b, 'm');
    expect(directive(m, 'appendonly')).toEqual(['yes']);
    expect(directive(m, 'appendfsync')).toEqual(['always']);
    expect(b.nodes[0]).toMatchObject({ persists: true, volume: 'm-data' });
    expect(compose(b).services.m.volumes).toContain('m-data:/data');
    expect(m).not.toContain('restarts empty');
  });

  it('several save points stay one line of words', () => {
    const b = exportConfigs([node('m', 6379, null, [['save', '900 1 30 5']])]);
    expect(conf(b, 'm')).toMatch(/^save 900 1 30 5$/m);
  });
});

describe('export: replication settings', () => {
  const b = exportConfigs([
    node('m', 6379, null, [
      ['min-replicas-max-lag', '20'],
      ['min-replicas-to-write', '2'],
      ['repl-backlog-size', '16384'],
    ]),
    node('r1', 6380, 'm', [['replica-read-only', 'no']]),
  ]);

  it('repl-backlog-size, min-replicas-to-write and min-replicas-max-lag are written with what they do', () => {
    const m = conf(b, 'm');
    expect(directive(m, 'repl-backlog-size')).toEqual(['16384']);
    expect(directive(m, 'min-replicas-to-write')).toEqual(['2']);
    expect(directive(m, 'min-replicas-max-lag')).toEqual(['20']);
    expect(m).toContain('partial resync (+CONTINUE)');
    expect(m).toContain('refuses writes (NOREPLICAS) unless at least 2 replica(s)');
  });

  it('replica-read-only no is written, with its consequence', () => {
    const r = conf(b, 'r1');
    expect(directive(r, 'replica-read-only')).toEqual(['no']);
    expect(r).toContain('vanish at its');
  });

  it('a password is written with a warning, and a replica whose masterauth does not match it is told why its link stays down', () => {
    const p = exportConfigs([node('m', 6379, null, [['requirepass', 'lab secret']]), node('r1', 6380, 'm'), node('r2', 6381, 'm', [['masterauth', 'lab secret']])]);
    expect(conf(p, 'm')).toMatch(/^requirepass "lab secret"$/m);
    expect(conf(p, 'm')).toContain('whoever reads this file knows it');
    expect(conf(p, 'r1')).toContain('masterauth does not match it');
    expect(conf(p, 'r2')).not.toContain('masterauth does not match it');
  });

  it('lab-only and unsafe settings are left out as comments, each with its reason', () => {
    const l = exportConfigs([
      node('m', 6379, null, [
        ['daemonize', 'yes'],
        ['enable-debug-command', 'yes'],
        ['logfile', '/var/log/redis/lab.log'],
        ['rdb-key-save-delay', '1000'],
        ['replica-announce-ip', '10.0.0.5'],
        ['tls-replication', 'yes'],
      ]),
    ]);
    const m = conf(l, 'm');
    expect(directives(m).map((d) => d[0])).toEqual(['port', 'bind', 'protected-mode', 'dir']);
    expect(l.nodes[0].leftOut.map((x) => [x.name, x.reason])).toEqual([
      ['daemonize', 'container'],
      ['enable-debug-command', 'unsafe'],
      ['logfile', 'host-path'],
      ['rdb-key-save-delay', 'test-knob'],
      ['replica-announce-ip', 'lab-address'],
      ['tls-replication', 'tls'],
    ]);
    expect(m).toContain('# rdb-key-save-delay 1000\n#   a debugging knob');
    expect(m).toContain('# logfile /var/log/redis/lab.log\n#   a file or CPU');
  });

  it('port, bind, dir and replicaof from the lab are never written twice', () => {
    const d = exportConfigs([node('m', 6379, null, [['bind', '127.0.0.1'], ['dir', '/tmp'], ['port', '7000'], ['protected-mode', 'yes']])]);
    const names = directives(conf(d, 'm')).map((x) => x[0]);
    expect(names).toEqual(['port', 'bind', 'protected-mode', 'dir']);
  });

  it('every file the engine accepts at startup, the engine accepts again from the exported directives', () => {
    const chosen: [string, string][] = [
      ['client-output-buffer-limit', 'normal 0 0 0 slave 536870912 134217728 120 pubsub 33554432 8388608 60'],
      ['latency-tracking-info-percentiles', ''],
      ['notify-keyspace-events', 'AKE'],
      ['proc-title-template', '{title} {listen-addr} lab'],
      ['requirepass', 'p"w d#1\\\'x\n'],
      ['save', ''],
      ['shutdown-on-sigterm', 'save now'],
    ];
    const b = exportConfigs([node('m', 6379, null, chosen)]);
    const pairs = directives(conf(b, 'm'))
      .filter((d) => !['port', 'bind', 'dir'].includes(d[0]))
      .map(([name, ...args]): [string, string] => [name, MULTI_ARG.has(name) ? args.join(' ') : args[0]]);
    const cfg = defaultConfig(6379);
    expect(applyBootConfig(cfg, pairs)).toBeNull();
    for (const [name, value] of chosen) expect(cfg[name], name).toBe(value);
  });
});

// ---------------------------------------------------------------- names and quoting

describe('export: names', () => {
  it('sanitises names into DNS labels: lower case, runs of other characters as one hyphen, at most 63 characters', () => {
    expect(sanitizeName('Redis Master')).toBe('redis-master');
    expect(sanitizeName('replica_1')).toBe('replica-1');
    expect(sanitizeName('R.2')).toBe('r-2');
    expect(sanitizeName('--x--')).toBe('x');
    expect(sanitizeName('마스터')).toBe('node');
    expect(sanitizeName('a'.repeat(70))).toBe('a'.repeat(63));
    expect(sanitizeName(`${'a'.repeat(62)}_b`)).toBe('a'.repeat(62));
  });

  it('valid names keep theirs, the others are sanitised and made unique', () => {
    const m = serviceNames(['R1', 'r1', 'r_1', '마스터', '레플리카', 'ok-name']);
    expect([...m.entries()]).toEqual([
      ['r1', 'r1'],
      ['ok-name', 'ok-name'],
      ['R1', 'r1-2'],
      ['r_1', 'r-1'],
      ['마스터', 'node'],
      ['레플리카', 'node-2'],
    ]);
  });

  it('compose and the confs use the sanitised names everywhere; comments show the lab name, which cannot break a line', () => {
    const b = exportConfigs([node('Redis Master', 6379, null), node('replica_1', 6380, 'Redis Master'), node('evil\nreplicaof x 1', 6381, 'replica_1')]);
    expect(b.nodes.map((n) => n.service)).toEqual(['redis-master', 'replica-1', 'evil-replicaof-x-1']);
    expect(directive(conf(b, 'replica-1'), 'replicaof')).toEqual(['redis-master', '6379']);
    expect(directive(conf(b, 'evil-replicaof-x-1'), 'replicaof')).toEqual(['replica-1', '6379']);
    expect(conf(b, 'evil-replicaof-x-1')).toContain('node "evil\\u000areplicaof x 1"');
    // The injected text never became a directive of its own.
    for (const n of b.nodes) expect(directives(n.conf).filter((d) => d[0] === 'replicaof').length).toBeLessThanOrEqual(1);
    const c = compose(b);
    expect(Object.keys(c.services)).toEqual(['redis-master', 'replica-1', 'evil-replicaof-x-1']);
    expect(c.services['replica-1'].depends_on).toEqual(['redis-master']);
    expect(b.files[0].text).toContain('#   "Redis Master" -> redis-master, master, 127.0.0.1:6379');
  });

  it('a name YAML would read as a number or a boolean is quoted, so compose sees a string', () => {
    const b = exportConfigs([node('1', 6379, null), node('yes', 6380, '1')]);
    const text = b.files[0].text;
    expect(text).toContain('  "1":\n');
    expect(text).toContain('  "yes":\n');
    const c = compose(b);
    expect(Object.keys(c.services)).toEqual(['1', 'yes']);
    expect(c.services.yes.hostname).toBe('yes');
    expect(c.services.yes.depends_on).toEqual(['1']);
    expect(c.volumes).toEqual({ '1-data': null, 'yes-data': null });
  });

  it('host ports follow the lab ports, whatever order the nodes come in', () => {
    const b = exportConfigs([node('c', 6390, null), node('a', 6381, 'c'), node('b', 6385, 'c')]);
    expect(b.nodes.map((n) => [n.service, n.hostPort])).toEqual([
      ['a', 6379],
      ['b', 6380],
      ['c', 6381],
    ]);
    expect(compose(b).services.c.ports).toEqual(['127.0.0.1:6381:6379']);
  });
});

describe('export: redis.conf quoting', () => {
  it('leaves plain words as they are and double-quotes the rest with Redis escapes', () => {
    expect(confWord('16384')).toBe('16384');
    expect(confWord('allkeys-lru')).toBe('allkeys-lru');
    expect(confWord('')).toBe('""');
    expect(confWord('lab secret')).toBe('"lab secret"');
    expect(confWord('say "hi"')).toBe('"say \\"hi\\""');
    expect(confWord('back\\slash')).toBe('"back\\\\slash"');
    expect(confWord("it's")).toBe('"it\'s"');
    expect(confWord('#hash')).toBe('"#hash"');
    expect(confWord('a\nb\tc\x01')).toBe('"a\\nb\\tc\\x01"');
    expect(confWord('비밀')).toBe('비밀');
  });

  it('every value reads back as itself with Redis splitting rules', () => {
    for (const v of ['', ' ', 'a b', '"', '\\', '\\x41', "'", 'tab\there', 'line\r\nend', '\x00\x7f', '{title} {listen-addr}', '한글 값']) {
      expect(tokenize(`requirepass ${confWord(v)}`), JSON.stringify(v)).toEqual(['requirepass', v]);
    }
  });

  it('multi-argument settings are words, an empty one is ""', () => {
    expect(confLine('save', '')).toBe('save ""');
    expect(confLine('save', '3600 1 300 100')).toBe('save 3600 1 300 100');
    expect(confLine('client-output-buffer-limit', 'normal 0 0 0')).toBe('client-output-buffer-limit normal 0 0 0');
    expect(confLine('proc-title-template', '{title} x')).toBe('proc-title-template "{title} x"');
  });
});

describe('export: languages', () => {
  it('Korean comments, the same directives', () => {
    const topology = exportTopology(presetSession('chain', 1).world);
    const en = exportConfigs(topology, { lang: 'en' });
    const ko = exportConfigs(topology, { lang: 'ko' });
    for (const [i, n] of en.nodes.entries()) {
      expect(directives(ko.nodes[i].conf)).toEqual(directives(n.conf));
      expect(ko.nodes[i].conf).toContain('Replica Lab에서 내보낸 파일');
    }
    expect(parseYaml(ko.files[0].text)).toEqual(parseYaml(en.files[0].text));
    expect(ko.files[0].text).toContain('레플리카');
  });
});

describe('export: loopback rewrite', () => {
  const b = exportConfigs(exportTopology(presetSession('chain', 1).world));

  it('changes only port, bind, replicaof and dir', () => {
    const l = forLoopback(b.nodes, { m: 7400, r1: 7401, r2: 7402 }, '/tmp/x/');
    expect(l.map((n) => [n.service, n.port, n.dir])).toEqual([
      ['m', 7400, '/tmp/x/m'],
      ['r1', 7401, '/tmp/x/r1'],
      ['r2', 7402, '/tmp/x/r2'],
    ]);
    const r2 = l[2].conf;
    expect(directive(r2, 'port')).toEqual(['7402']);
    expect(directive(r2, 'bind')).toEqual(['127.0.0.1']);
    expect(directive(r2, 'replicaof')).toEqual(['127.0.0.1', '7401']);
    expect(directive(r2, 'dir')).toEqual(['/tmp/x/r2']);
    const before = b.nodes[2].conf.split('\n');
    const after = r2.split('\n');
    expect(after.length).toBe(before.length);
    expect(after.filter((line, i) => line !== before[i]).length).toBe(4);
  });

  it('refuses a conf it cannot map (unknown service, missing line)', () => {
    expect(() => forLoopback(b.nodes, { m: 7400, r1: 7401 }, '/tmp/x')).toThrow('no port for service r2');
    expect(() => forLoopback([{ service: 'm', conf: 'port 6379\nbind 0.0.0.0\n' }], { m: 7400 }, '/tmp/x')).toThrow('no dir line');
  });
});
