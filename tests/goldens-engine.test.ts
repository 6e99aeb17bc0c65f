// The engine against every golden transcript recorded from real Redis 7.0:
// the same scenario must print the same transcript (after the normalisation of
// conformance/FORMAT.md: replication ids by identity, free INFO fields).

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTranscripts } from '../src/scenario/compare';
import { parseScenario } from '../src/scenario/parse';
import { runScenario } from '../src/scenario/run';
import { formatRow } from '../src/scenario/transcript';

const dir = path.resolve(__dirname, '../conformance/scenarios');
const goldens = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.scn')).sort() : [];

describe('engine matches the transcripts real Redis 7.0 printed', () => {
  it('has goldens to check', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(30);
  });
  for (const file of goldens) {
    it(file.replace(/\.scn$/, ''), () => {
      const scn = parseScenario(fs.readFileSync(path.join(dir, file), 'utf8'));
      const expected = fs.readFileSync(path.join(dir, file.replace(/\.scn$/, '.expected.jsonl')), 'utf8');
      const actual = `${runScenario(scn).rows.map(formatRow).join('\n')}\n`;
      const res = compareTranscripts(expected, actual);
      expect(res.mismatches.join('\n')).toBe('');
    });
  }
});
