// Re-records the goldens (conformance/scenarios/NN-name.scn ->
// NN-name.expected.jsonl) on real redis-server processes.
//
//   npx tsx scripts/record-goldens.ts [--jobs N] [--check] [NAME...]
//
// Every scenario is played TWICE, on different port ranges; a golden is only
// written when both transcripts match under the project's comparison, since a
// golden that real Redis itself does not reproduce would test nothing.
// --check writes nothing and also compares the fresh runs with the stored
// golden. NAME selects scenarios whose file name starts with it (e.g. 07).
// Runs use ports from 7800 upward (40 per job slot); REDIS_SERVER overrides the
// binary. Exit status 1 when a scenario is not deterministic or fails.

import fs from 'node:fs';
import { type Golden, listScenarios } from '../src/conformance/goldens';
import { killAllStartedServers, recordScenario } from '../src/conformance/realRedis';
import { compareTranscripts } from '../src/scenario/compare';

const BASE_PORT = 7800;

interface Options {
  jobs: number;
  check: boolean;
  names: string[];
}

function parseArgs(argv: string[]): Options {
  const o: Options = { jobs: 2, check: false, names: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    if (a === '--jobs') o.jobs = Math.max(1, Number(argv[++i]) || 1);
    else if (a === '--check') o.check = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else o.names.push(a);
  }
  return o;
}

function scenarios(names: string[]): Golden[] {
  return listScenarios().filter((g) => names.length === 0 || names.some((n) => g.name.startsWith(n)));
}

interface Job {
  golden: Golden;
  run: 0 | 1;
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const list = scenarios(opts.names);
  if (list.length === 0) {
    process.stderr.write('no scenario selected\n');
    return 1;
  }
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      killAllStartedServers();
      process.exit(130);
    });
  }
  const jobs: Job[] = list.flatMap((golden) => [
    { golden, run: 0 as const },
    { golden, run: 1 as const },
  ]);
  const results = new Map<string, [string | Error | undefined, string | Error | undefined]>();
  const secs = new Map<string, number>();
  const t0 = Date.now();
  let next = 0;
  const worker = async (slot: number): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const text = fs.readFileSync(job.golden.scenarioPath, 'utf8');
      const started = Date.now();
      let out: string | Error;
      try {
        out = await recordScenario(text, { basePort: BASE_PORT + 40 * slot + 20 * job.run });
      } catch (e) {
        out = e instanceof Error ? e : new Error(String(e));
      }
      secs.set(job.golden.name, (secs.get(job.golden.name) ?? 0) + (Date.now() - started) / 1000);
      const r = results.get(job.golden.name) ?? [undefined, undefined];
      r[job.run] = out;
      results.set(job.golden.name, r);
      process.stderr.write(`  ${job.golden.name} run ${job.run + 1}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
  };
  await Promise.all(Array.from({ length: opts.jobs }, (_, slot) => worker(slot)));

  let bad = 0;
  for (const g of list) {
    const [a, b] = results.get(g.name) ?? [undefined, undefined];
    const label = `${g.name} (${(secs.get(g.name) ?? 0).toFixed(1)} s for 2 runs)`;
    if (typeof a !== 'string' || typeof b !== 'string') {
      bad++;
      const err = [a, b].find((x) => x instanceof Error);
      process.stdout.write(`FAIL ${label}: ${err instanceof Error ? err.message : 'no transcript'}\n`);
      continue;
    }
    const same = compareTranscripts(a, b);
    if (same.mismatches.length) {
      bad++;
      process.stdout.write(`NOT DETERMINISTIC ${label}: ${same.matched}/${same.total}\n${same.mismatches.join('\n')}\n`);
      continue;
    }
    if (opts.check) {
      const stored = fs.existsSync(g.expectedPath) ? fs.readFileSync(g.expectedPath, 'utf8') : '';
      const vs = compareTranscripts(stored, a);
      if (vs.mismatches.length) {
        bad++;
        process.stdout.write(`DIFFERS FROM GOLDEN ${label}: ${vs.matched}/${vs.total}\n${vs.mismatches.join('\n')}\n`);
        continue;
      }
      process.stdout.write(`ok ${label}: ${same.total} steps, matches the golden\n`);
    } else {
      fs.writeFileSync(g.expectedPath, a);
      process.stdout.write(`ok ${label}: ${same.total} steps, written\n`);
    }
  }
  process.stdout.write(`${list.length - bad}/${list.length} scenarios ok in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  return bad ? 1 : 0;
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
