#!/usr/bin/env node
// `npm test`: every check the project has, in order, without stopping at the
// first failure, so one run shows the whole picture:
//
//   lint -> typecheck -> unit tests (vitest) -> production build -> e2e (Playwright)
//
// Tests are counted from the runners' JSON reports; lint, typecheck and build
// count as one failed test each when they fail (and as nothing when they pass).
// The last line printed is always `N passed, N failed`, and the exit status is
// 1 when anything failed. The summary is also written to .tmp/test-summary.txt
// for .ci/run, which repeats it as its own last line.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const vitestJson = path.join(tmp, 'vitest.json');
const playwrightJson = path.join(tmp, 'playwright.json');
const summaryFile = path.join(tmp, 'test-summary.txt');

let passed = 0;
let failed = 0;
const problems = [];

function run(title, command, args, env = {}) {
  process.stdout.write(`\n=== ${title}: ${[command, ...args].join(' ')}\n`);
  const started = Date.now();
  const res = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const status = res.error ? `could not start (${res.error.message})` : res.status === 0 ? 'ok' : `exit ${res.status ?? res.signal}`;
  process.stdout.write(`=== ${title}: ${status} in ${seconds} s\n`);
  return res.error === undefined && res.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** A step without its own test count: 0 when it passes, 1 failed when it does not. */
function step(title, command, args, env) {
  const ok = run(title, command, args, env);
  if (!ok) {
    failed += 1;
    problems.push(title);
  }
  return ok;
}

/** A test runner: counts from its JSON report; a run that failed without failing tests counts 1. */
function tests(title, command, args, env, report, count) {
  rmSync(report, { force: true });
  const ok = run(title, command, args, env);
  const counts = count(readJson(report));
  passed += counts.passed;
  let f = counts.failed;
  if (!ok && f === 0) f = 1; // crashed, no report, a file that did not load, a web server that did not start
  if (ok && counts.passed + f === 0) process.stdout.write(`=== ${title}: no tests found\n`);
  failed += f;
  if (f > 0) problems.push(`${title} (${f} failed)`);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

step('lint', npm, ['run', '--silent', 'lint']);
step('typecheck', npm, ['run', '--silent', 'typecheck']);

tests('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], {}, vitestJson, (r) => ({
  passed: r?.numPassedTests ?? 0,
  failed: r ? r.numFailedTests + countFailedFilesWithoutTests(r) : 0,
}));

const built = step('build', npm, ['run', '--silent', 'build']);

// With a fresh dist/ the e2e web server only serves it; without one (the build
// failed) Playwright tries the build itself and its failure is counted there.
tests(
  'e2e tests',
  npx,
  ['playwright', 'test', '--reporter=list,json'],
  { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson, ...(built && existsSync(path.join(root, 'dist/index.html')) ? { E2E_SKIP_BUILD: '1' } : {}) },
  playwrightJson,
  (r) => ({
    // A flaky test passed on retry: it counts as passed; the list reporter shows it as flaky.
    passed: (r?.stats?.expected ?? 0) + (r?.stats?.flaky ?? 0),
    failed: (r?.stats?.unexpected ?? 0) + (r?.errors?.length && !r?.stats?.unexpected ? 1 : 0),
  }),
);

/** A test file that fails to import has no failed tests but a failed suite; each counts once. */
function countFailedFilesWithoutTests(report) {
  let n = 0;
  for (const file of report.testResults ?? []) {
    const results = file.assertionResults ?? [];
    if (file.status === 'failed' && !results.some((a) => a.status === 'failed')) n += 1;
  }
  return n;
}

if (problems.length) process.stdout.write(`\nFailed: ${problems.join('; ')}\n`);
const summary = `${passed} passed, ${failed} failed`;
writeFileSync(summaryFile, `${summary}\n`);
process.stdout.write(`${summary}\n`);
process.exitCode = failed > 0 ? 1 : 0;
