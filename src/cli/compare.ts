// npm run --silent compare -- EXPECTED.jsonl ACTUAL.jsonl
// Prints each mismatching step and "X/Y steps match"; exits 1 on any mismatch,
// 2 on bad usage or an unreadable transcript.

import { readFileSync } from 'node:fs';
import { compareTranscripts } from '../scenario/compare';

function main(argv: string[]): number {
  const files = argv.filter((a) => a !== '--');
  if (files.length !== 2) {
    process.stderr.write('usage: npm run --silent compare -- EXPECTED.jsonl ACTUAL.jsonl\n');
    return 2;
  }
  let result: ReturnType<typeof compareTranscripts>;
  try {
    result = compareTranscripts(readFileSync(files[0], 'utf8'), readFileSync(files[1], 'utf8'));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  for (const m of result.mismatches) process.stdout.write(`${m}\n`);
  process.stdout.write(`${result.matched}/${result.total} steps match\n`);
  return result.mismatches.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
