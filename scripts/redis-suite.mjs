#!/usr/bin/env node
// Redis' own test suite as a judge of the engine: serves a lab (a master and
// two replicas) and runs units of Redis 7.0.15's `tests/` against the served
// master, then prints what passed and failed per unit. Redis' tests are
// Redis' code and are not part of this repository: point this script at a
// Redis 7.0.15 source tree (it needs `runtest` and `tests/`, and `tclsh`).
//
//   node scripts/redis-suite.mjs --redis-src ~/src/redis-7.0.15 [--port 7700] [--test-base-port 24111] [UNIT ...]
//
// Default units: unit/type/incr unit/expire unit/keyspace unit/multi unit/type/string,
// with the tags that need DEBUG, a replica of the test server or maxmemory left out.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_UNITS = ['unit/type/incr', 'unit/expire', 'unit/keyspace', 'unit/multi', 'unit/type/string'];
const TAGS = ['-needs:debug', '-needs:repl', '-needs:config-maxmemory'];

function usage(message) {
  if (message) process.stderr.write(`${message}\n`);
  process.stderr.write('usage: node scripts/redis-suite.mjs --redis-src DIR [--port 7700] [UNIT ...]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let redisSrc = process.env.REDIS_SRC ?? '';
let port = 7700;
// runtest's own ports (its test server listens just below): away from its default, so another run does not collide.
let testBasePort = 24111;
const units = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--redis-src') redisSrc = args[++i] ?? '';
  else if (args[i] === '--port') port = Number(args[++i]);
  else if (args[i] === '--test-base-port') testBasePort = Number(args[++i]);
  else if (args[i] === '--help' || args[i] === '-h') usage();
  else if (args[i].startsWith('-')) usage(`unknown option ${args[i]}`);
  else units.push(args[i]);
}
if (!redisSrc) usage('--redis-src is required (a Redis 7.0.15 source tree with runtest and tests/)');
if (!fs.existsSync(path.join(redisSrc, 'runtest')) || !fs.existsSync(path.join(redisSrc, 'tests', 'test_helper.tcl'))) {
  usage(`${redisSrc} has no runtest and tests/test_helper.tcl: is it a Redis source tree?`);
}
if (!Number.isInteger(port) || port < 1024 || port > 65000) usage('--port must be a port number between 1024 and 65000');
if (spawnSync('tclsh', ['/dev/null']).error) usage('tclsh is not installed (Debian: apt-get install tcl)');

function ping(p) {
  return new Promise((resolve) => {
    const s = net.connect({ port: p, host: '127.0.0.1' }, () => s.write('PING\r\n'));
    s.on('data', (d) => {
      resolve(d.toString().startsWith('+PONG'));
      s.destroy();
    });
    s.on('error', () => resolve(false));
  });
}

if (await ping(port)) {
  process.stderr.write(`something already answers on port ${port}: stop it or choose another --port\n`);
  process.exit(1);
}

const serve = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/serve.ts'), '--base-port', String(port), '--admin-port', String(port + 99)], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stopServe = () => {
  if (serve.exitCode === null) serve.kill('SIGTERM');
};
process.on('exit', stopServe);
process.on('SIGINT', () => process.exit(130));

const until = Date.now() + 30_000;
while (!(await ping(port))) {
  if (serve.exitCode !== null || Date.now() > until) {
    process.stderr.write(`serve mode did not start on port ${port}\n`);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 200));
}

const totals = { ok: 0, err: 0, exception: 0, ignore: 0, skip: 0 };
const rows = [];
for (const unit of units.length ? units : DEFAULT_UNITS) {
  process.stderr.write(`running ${unit} ...\n`);
  const r = spawnSync('./runtest', ['--host', '127.0.0.1', '--port', String(port), '--baseport', String(testBasePort), '--single', unit, ...TAGS.flatMap((t) => ['--tags', t])], {
    cwd: redisSrc,
    encoding: 'utf8',
    timeout: 20 * 60_000,
  });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: runtest colours its output with ANSI escapes
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
  const count = (kind) => out.split('\n').filter((l) => l.startsWith(`[${kind}]`)).length;
  const row = { unit, ok: count('ok'), err: count('err'), exception: count('exception'), ignore: count('ignore'), skip: count('skip') };
  for (const k of Object.keys(totals)) totals[k] += row[k];
  rows.push(row);
  for (const l of out.split('\n')) if (l.startsWith('[err]') || l.startsWith('[exception]')) process.stderr.write(`  ${l}\n`);
}
stopServe();

const pct = (r) => (r.ok + r.err + r.exception === 0 ? '-' : `${((100 * r.ok) / (r.ok + r.err + r.exception)).toFixed(1)} %`);
process.stdout.write('UNIT                 PASSED  FAILED  EXCEPTION  NOT RUN (tags)  PASS RATE\n');
for (const r of [...rows, { unit: 'total', ...totals }]) {
  process.stdout.write(`${r.unit.padEnd(20)} ${String(r.ok).padStart(6)}  ${String(r.err).padStart(6)}  ${String(r.exception).padStart(9)}  ${String(r.ignore + r.skip).padStart(14)}  ${pct(r).padStart(9)}\n`);
}
process.exit(totals.err + totals.exception === 0 ? 0 : 1);
