#!/usr/bin/env node
// Prints the one totals line `N passed, N failed` summing every suite's
// .test-results/<suite>.json (written by reporter.cjs). A suite that was
// expected but left no results (it crashed, or never started) counts as one
// failure, so a broken run can never look clean.
//
// Usage: node scripts/test-totals/summary.mjs [--expect unit,extension,vsix] [--quiet]
// Exit status: 0 when nothing failed, 1 otherwise.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const resultsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '.test-results');
export const EXPECTED_SUITES = ['unit', 'extension', 'e2e', 'vsix'];

export function readTotals(expected = EXPECTED_SUITES) {
  const suites = new Map();
  if (existsSync(resultsDir)) {
    for (const name of readdirSync(resultsDir)) {
      if (!name.endsWith('.json')) continue;
      const record = JSON.parse(readFileSync(join(resultsDir, name), 'utf8'));
      suites.set(name.slice(0, -'.json'.length), record);
    }
  }
  let passed = 0;
  let failed = 0;
  const notes = [];
  for (const [name, record] of suites) {
    passed += record.passed;
    failed += record.failed;
    notes.push(`${name}: ${record.passed} passed, ${record.failed} failed${record.pending ? `, ${record.pending} pending` : ''}`);
  }
  for (const name of expected) {
    if (!suites.has(name)) {
      failed += 1;
      notes.push(`${name}: recorded no results (counted as 1 failed)`);
    }
  }
  return { passed, failed, notes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const expectIndex = process.argv.indexOf('--expect');
  const expected = expectIndex >= 0 ? process.argv[expectIndex + 1].split(',').filter(Boolean) : EXPECTED_SUITES;
  const { passed, failed, notes } = readTotals(expected);
  if (!process.argv.includes('--quiet')) for (const note of notes) console.log(`  ${note}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
