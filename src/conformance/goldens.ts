// The goldens: conformance/scenarios/NN-name.scn, each with the transcript real
// Redis 7.0.15 printed for it in NN-name.expected.jsonl. Tests that replay them
// (on real Redis, or on the engine) list them here.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Golden {
  /** `NN-name`, the file name without extension. */
  name: string;
  scenarioPath: string;
  expectedPath: string;
}

/** conformance/scenarios of this checkout. */
export const GOLDENS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../conformance/scenarios');

/** Every scenario file, recorded or not, sorted by name. */
export function listScenarios(dir: string = GOLDENS_DIR): Golden[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.scn'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.scn'.length);
      return { name, scenarioPath: path.join(dir, f), expectedPath: path.join(dir, `${name}.expected.jsonl`) };
    });
}

/** Every scenario that has a recorded transcript, sorted by name. */
export function listGoldens(dir: string = GOLDENS_DIR): Golden[] {
  return listScenarios(dir).filter((g) => fs.existsSync(g.expectedPath));
}

export function readGolden(g: Golden): { scenario: string; expected: string } {
  return { scenario: fs.readFileSync(g.scenarioPath, 'utf8'), expected: fs.readFileSync(g.expectedPath, 'utf8') };
}
