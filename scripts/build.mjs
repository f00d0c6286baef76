// Bundles the extension, its parse worker and the command-line tool with esbuild (scripts/bundles.cjs).
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';
import bundlesModule from './bundles.cjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const builds = bundlesModule.bundles({ production });

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  chmodSync('dist/cli.js', 0o755);
}
