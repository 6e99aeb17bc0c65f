// npm run serve -- [FILE.scn] [--base-port 7000] [--admin-port PORT] [--speed 1] [--seed 1]
// Serves the nodes of a scenario (default: master m, replicas r1 and r2) on
// real TCP ports until Ctrl-C. See docs/serve.md.

import fs from 'node:fs';
import { ScenarioError } from '../scenario/parse';
import { ADMIN_HELP } from '../serve/admin';
import { ServeLab } from '../serve/lab';

const HELP = `usage: npm run serve -- [FILE.scn] [options]

Runs the simulated Redis 7.0 nodes of a scenario on real TCP ports, so that
redis-cli, client libraries and raw sockets can talk to them. Without a file:
a master m and two replicas r1, r2 of it, in sync before serving.

options:
  --base-port N    port of the first node; the others follow in node order (default 7000)
  --admin-port N   port of the admin console (default base port + 100)
  --host ADDR      address to listen on (default 127.0.0.1)
  --speed X        virtual time per wall time: 2 runs the replication cron twice as fast (default 1)
  --seed N         seed of the simulation (default 1)
  -h, --help       this text

Faults while serving, on the admin port (RESP or inline, e.g. redis-cli -p 7100 CRASH r1):
${ADMIN_HELP.slice(1)
  .map((l) => `  ${l}`)
  .join('\n')}

Stop with Ctrl-C.
`;

function fail(message: string, code = 2): never {
  process.stderr.write(`serve: ${message}\n`);
  process.exit(code);
}

function portArg(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 1 || n > 65535) fail(`${flag} needs a port number (1-65535), got '${value ?? ''}'`);
  return n;
}

interface CliOptions {
  file?: string;
  basePort: number;
  adminPort?: number;
  host: string;
  speed: number;
  seed: number;
}

function parseArgs(args: string[]): CliOptions {
  const o: CliOptions = { basePort: 7000, host: '127.0.0.1', speed: 1, seed: 1 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => args[++i];
    switch (a) {
      case '-h':
      case '--help':
        process.stdout.write(HELP);
        process.exit(0);
        break;
      case '--base-port':
        o.basePort = portArg(a, value());
        break;
      case '--admin-port':
        o.adminPort = portArg(a, value());
        break;
      case '--host': {
        const h = value();
        if (!h) fail('--host needs an address');
        o.host = h;
        break;
      }
      case '--speed': {
        const v = value();
        const s = Number(v);
        if (!Number.isFinite(s) || s <= 0 || s > 1000) fail(`--speed needs a number above 0 and at most 1000, got '${v ?? ''}'`);
        o.speed = s;
        break;
      }
      case '--seed': {
        const v = value();
        const s = Number(v);
        if (!Number.isInteger(s)) fail(`--seed needs an integer, got '${v ?? ''}'`);
        o.seed = s;
        break;
      }
      default:
        if (a.startsWith('-')) fail(`unknown option '${a}' (see --help)`);
        if (o.file) fail(`one scenario file at most (got '${o.file}' and '${a}')`);
        o.file = a;
    }
  }
  return o;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  let scenario: string | undefined;
  if (o.file) {
    try {
      scenario = fs.readFileSync(o.file, 'utf8');
    } catch (e) {
      fail(`${o.file}: cannot read: ${(e as Error).message}`);
    }
  }
  let lab: ServeLab;
  try {
    lab = await ServeLab.start({
      scenario,
      basePort: o.basePort,
      adminPort: o.adminPort,
      host: o.host,
      speed: o.speed,
      seed: o.seed,
      log: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (e) {
    if (e instanceof ScenarioError) fail(`${o.file ?? 'default scenario'}:${e.line}: ${e.detail}`);
    fail((e as Error).message, 1);
  }
  const out = process.stdout;
  out.write(`Replica Lab serve: ${o.file ?? 'master m with replicas r1, r2'}, virtual time at ${o.speed}x the wall clock\n\n`);
  for (const line of lab.table()) out.write(`${line}\n`);
  for (const w of lab.warnings) out.write(`warning: ${w}\n`);
  out.write(`Faults: redis-cli -p ${lab.adminPort} COMMANDS    Stop: Ctrl-C\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    out.write(`\n${signal}: closing the ports\n`);
    lab.stop().then(
      () => process.exit(0),
      (e: unknown) => fail(`could not close cleanly: ${(e as Error).message}`, 1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
