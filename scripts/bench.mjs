#!/usr/bin/env node
// npm run bench: bundles the Node benchmarks (and the engine) the way the app
// ships them — ES modules, no per-file transpiling at run time — and runs
// them, then measures the built page in headless Chromium (bench/ui.bench.mjs).
//   npm run bench              everything
//   npm run bench -- engine    only the engine (or: app, ui)

import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const want = (name) => !only || only === name;
let failed = false;

async function runBundled(name) {
  const out = path.join(root, '.tmp', `${name}.bench.mjs`);
  mkdirSync(path.dirname(out), { recursive: true });
  await build({
    entryPoints: [path.join(root, 'bench', `${name}.bench.ts`)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // The Lua VM (fengari) is CommonJS and requires Node modules: give the ES module bundle a require.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  const r = spawnSync(process.execPath, [out], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}

if (want('engine')) await runBundled('engine');
if (want('app')) await runBundled('app');
if (want('ui')) {
  const r = spawnSync(process.execPath, [path.join(root, 'bench', 'ui.bench.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
