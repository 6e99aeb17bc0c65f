// npm run --silent scenario -- FILE.scn [--seed N]
// Plays a scenario on the engine and prints its transcript (JSON lines).
// A bad scenario line stops with its line number; the exit code is then 2.

import fs from 'node:fs';
import { ScenarioError, parseScenario } from '../scenario/parse';
import { runScenario } from '../scenario/run';
import { formatRow } from '../scenario/transcript';

function usage(): never {
  process.stderr.write('usage: npm run --silent scenario -- FILE.scn [--seed N]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) usage();
let seed = 1;
const si = args.indexOf('--seed');
if (si >= 0) {
  seed = Number(args[si + 1]);
  if (!Number.isInteger(seed)) usage();
}

let text: string;
try {
  text = fs.readFileSync(file, 'utf8');
} catch (e) {
  process.stderr.write(`${file}: cannot read: ${(e as Error).message}\n`);
  process.exit(2);
}

try {
  const scn = parseScenario(text);
  runScenario(scn, { seed, onRow: (row) => process.stdout.write(`${formatRow(row)}\n`) });
} catch (e) {
  if (e instanceof ScenarioError) {
    process.stderr.write(`${file}:${e.line}: ${e.detail}\n`);
    process.exit(2);
  }
  process.stderr.write(`${file}: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
}
