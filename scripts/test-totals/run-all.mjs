#!/usr/bin/env node
// `npm test`: type-check and compile (tsc), lint (eslint), bundle (esbuild),
// the unit suite in Node, the extension suite inside VS Code, the keyboard
// end-to-end test in the browser, then the
// packaged .vsix installed into code-server; ends with the totals line
// `N passed, N failed` over all three. A failing compile,
// lint or build stops the run (nothing after it would mean anything); a
// failing unit suite does not stop the extension suite, so one run shows all.
// Exit status: 0 only when every step passed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readTotals, resultsDir } from './summary.mjs';

const projectRoot = join(resultsDir, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(title, args) {
  return run(title, npm, args);
}

function stepNode(title, args) {
  return run(title, process.execPath, args);
}

function run(title, command, args) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const passed = result.status === 0;
  if (passed) console.log(`=== ${title}: ok (${seconds} s) ===`);
  else console.error(`=== ${title}: FAILED (exit ${result.status ?? result.signal}, ${seconds} s) ===`);
  return passed;
}

// A compiled test whose source was deleted or renamed would still run:
// remove those (only those; others may be compiling into out/ right now).
function removeOrphanedTests() {
  const compiled = join(projectRoot, 'out', 'test');
  if (!existsSync(compiled)) return;
  for (const file of readdirSync(compiled, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.js')) continue;
    const source = join(projectRoot, 'test', file.replace(/\.js$/, '.ts'));
    if (!existsSync(source)) {
      rmSync(join(compiled, file), { force: true });
      rmSync(join(compiled, `${file}.map`), { force: true });
    }
  }
}

removeOrphanedTests();
// Results of an earlier run must never reach this run's totals.
rmSync(resultsDir, { recursive: true, force: true });

let ok = step('compile (tsc)', ['run', '--silent', 'compile'])
  && step('lint (eslint)', ['run', '--silent', 'lint'])
  && step('build (esbuild)', ['run', '--silent', 'build']);
if (ok) {
  const unitOk = step('unit tests (mocha, Node)', ['run', '--silent', 'test:unit', '--', '--reporter', './scripts/test-totals/reporter.cjs', '--reporter-option', 'suite=unit']);
  const extensionOk = step('extension tests (mocha, inside VS Code)', ['run', '--silent', 'test:extension']);
  const e2eOk = stepNode('end to end: Search Quotes from the keyboard (code-server + Chromium)', ['scripts/vscode-host/e2e-search-quotes.mjs', '--record']);
  // Last, because packaging rebuilds dist/ as the production bundle.
  const vsixOk = stepNode('packaged .vsix installs and activates (code-server)', ['scripts/vscode-host/check-vsix.mjs', '--fresh', '--record']);
  ok = unitOk && extensionOk && e2eOk && vsixOk;
}

const { passed, failed, notes } = readTotals();
console.log('\n=== totals ===');
for (const note of notes) console.log(`  ${note}`);
// .ci/run prints the line itself, last, so that its log holds exactly one.
if (process.env.SOURCEBOOK_TOTALS_LINE !== '0') console.log(`${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
