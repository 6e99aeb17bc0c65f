// A real redis-server 7.0 for tests that compare serve mode with it: started
// on a free port of the test file's range (loopback, no persistence, its own
// temporary directory), stopped by PID. Null when no redis-server is installed.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePorts } from './ports';

const HOST = '127.0.0.1';
const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server';

export interface RealRedis {
  port: number;
  stop(): void;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: HOST }, () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

export async function startRealRedis(from: number, last: number): Promise<RealRedis | null> {
  if (spawnSync(REDIS_SERVER, ['--version']).status !== 0) return null;
  const port = await freePorts(1, from, last);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replica-lab-real-'));
  const child: ChildProcess = spawn(REDIS_SERVER, ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const stop = (): void => {
    if (child.pid && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const until = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (Date.now() > until) {
      stop();
      throw new Error('redis-server did not start');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, stop };
}
