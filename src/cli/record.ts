// npm run --silent record -- FILE.scn [--base-port N]
// Plays a scenario on real redis-server processes (127.0.0.1, ports from N,
// default 7400) and prints its transcript (JSON lines) on stdout.
// Env REDIS_SERVER overrides the binary. Exit status: 0 done, 1 failure while
// playing, 2 bad usage or a bad scenario line (reported with its line number).

import { readFileSync } from 'node:fs';
import { killAllStartedServers, playOnRealRedis } from '../conformance/realRedis';
import { parseScenario, ScenarioError } from '../scenario/parse';
import { formatRow } from '../scenario/transcript';

const USAGE = 'usage: npm run --silent record -- FILE.scn [--base-port N]\n';

function parseArgs(argv: string[]): { file: string; basePort: number } | string {
  let file: string | undefined;
  let basePort = 7400;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    if (a === '--base-port') {
      const v = argv[++i];
      if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 65000) return `bad --base-port '${v ?? ''}'`;
      basePort = Number(v);
    } else if (a.startsWith('-')) return `unknown option ${a}`;
    else if (file === undefined) file = a;
    else return `unexpected argument ${a}`;
  }
  return file === undefined ? 'missing scenario file' : { file, basePort };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  let scenario: ReturnType<typeof parseScenario>;
  try {
    scenario = parseScenario(text);
  } catch (e) {
    if (e instanceof ScenarioError) {
      process.stderr.write(`${args.file}:${e.line}: ${e.detail}\n`);
      return 2;
    }
    throw e;
  }
  // Ctrl-C or a kill of the recorder must not leave servers behind.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      killAllStartedServers();
      process.exit(130);
    });
  }
  try {
    await playOnRealRedis(scenario, { basePort: args.basePort, onRow: (row) => process.stdout.write(`${formatRow(row)}\n`) });
    return 0;
  } catch (e) {
    process.stderr.write(`${args.file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    killAllStartedServers();
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
