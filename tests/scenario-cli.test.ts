// The scenario runner as users call it: `npm run --silent scenario -- FILE.scn`.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scn-cli-'));

function runCli(text: string, extra: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const file = path.join(tmp, `t${Math.random().toString(36).slice(2)}.scn`);
  fs.writeFileSync(file, text);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/scenario.ts'), file, ...extra], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.replace(file, 'FILE') };
}

describe('npm run scenario', () => {
  it('prints one transcript line per node and command step', () => {
    const r = runCli('node m\nm> SET k v\n# a comment\nm> GET k\nsync\n');
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toEqual([
      { step: 1, node: 'm', host: '127.0.0.1', port: rows[0].port },
      { step: 2, node: 'm', cmd: 'SET k v', reply: { status: 'OK' } },
      { step: 3, node: 'm', cmd: 'GET k', reply: 'v' },
    ]);
  });

  it('a bad line stops with its line number and a non-zero exit code', () => {
    const r = runCli('node m\n\nm> SET k v\nfrobnicate now\nm> GET k\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('FILE:4:');
    expect(r.stderr).toContain("unknown directive 'frobnicate'");
    expect(r.stdout).toBe('');
  });

  it('a command to an unknown node names the line', () => {
    const r = runCli('node m\nx> PING\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/FILE:2: unknown node 'x'/);
  });

  it('an unterminated quote is reported, not crashed on', () => {
    const r = runCli('node m\nm> SET k "unterminated\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/FILE:2:/);
  });

  it('a node that Redis would refuse to start is an error with the line', () => {
    const r = runCli('node m\nnode r repl-backlog-size -5\n');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/FILE:2: node r could not start/);
  });

  it('a command to a crashed node answers "node is down"', () => {
    const r = runCli('node m\ncrash m\nm> PING\nrestart m\nm> PING\n');
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows[1].reply).toEqual({ error: 'node is down' });
    expect(rows[2].reply).toEqual({ status: 'PONG' });
  });

  it('engine-only network directives are accepted by the engine', () => {
    const r = runCli('node m\nnode r replicaof $m\nlink m r latency 50 bandwidth 10\npartition m | r\nheal\nsync\nr> ROLE\n');
    expect(r.status).toBe(0);
    const last = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(last.reply[3]).toBe('connected');
  });
});
