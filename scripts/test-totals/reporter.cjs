// A mocha reporter: prints exactly what the Spec reporter prints, and records
// the run's pass/fail counts in .test-results/<suite>.json so that `npm test`
// and .ci/run can end with one totals line summing every suite (the unit run
// in Node and the extension run inside VS Code).
//
// Options (`--reporter-option suite=unit`, or `reporterOptions` in code):
//   suite       name of the results file (required)
//   resultsDir  where to write it (default: <project>/.test-results)
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: mocha and VS Code's extension host load reporters with require(). */
const fs = require('node:fs');
const path = require('node:path');
const mocha = require('mocha');

const Spec = (mocha.default ?? mocha).reporters.Spec;
const EVENT_RUN_END = 'end';

class TotalsReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    const reporterOptions = (options && options.reporterOptions) || {};
    const suite = reporterOptions.suite;
    if (!suite) throw new Error('TotalsReporter needs the reporter option suite=NAME');
    const resultsDir = reporterOptions.resultsDir || path.resolve(__dirname, '..', '..', '.test-results');
    runner.once(EVENT_RUN_END, () => {
      const stats = runner.stats || {};
      const record = {
        suite,
        passed: stats.passes || 0,
        failed: stats.failures || 0,
        pending: stats.pending || 0,
        finishedAt: new Date().toISOString(),
      };
      fs.mkdirSync(resultsDir, { recursive: true });
      fs.writeFileSync(path.join(resultsDir, `${suite}.json`), JSON.stringify(record, null, 2) + '\n');
    });
  }
}

module.exports = TotalsReporter;
