// The shipped bundles (scripts/bundles.cjs) keep the reader's regular expressions as literals.
// esbuild's table for node20 says Node 20 cannot read \p{…}, and without the `supported`
// override it rewrote each such literal into a `new RegExp(…)` built where it stood, many inside
// per-word functions: the shipped parse worker then used 4-8 % more CPU than the code it came from.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { tempDir } from './tempDirs';

const ROOT = path.resolve(__dirname, '..', '..', '..');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundles } = require(path.join(ROOT, 'scripts', 'bundles.cjs')) as { bundles: (o: { production: boolean; outdir: string }) => esbuild.BuildOptions[] };

/**
 * The `new RegExp("…")` calls of a bundle whose pattern, a plain string, reads a Unicode property
 * (\p{…} or \P{…}): what esbuild makes of a literal. The source's own `new RegExp(…)` calls build
 * their patterns from template strings, once, when their module loads.
 */
function builtPropertyPatterns(code: string): string[] {
  return code.match(/new RegExp\((?:"(?:[^"\\]|\\.)*\\\\[pP]\{|'(?:[^'\\]|\\.)*\\\\[pP]\{)/g) ?? [];
}

describe('the shipped bundles', () => {
  it('keep \\p{…} patterns as literals in the parse worker and the extension', () => {
    const outdir = tempDir('sb-bundles-');
    const builds = bundles({ production: true, outdir });
    const worker = builds.find((b) => String(b.outfile).endsWith('parseWorker.js'));
    const extension = builds.find((b) => String(b.outfile).endsWith('extension.js'));
    assert.ok(worker && extension, 'the worker and the extension are among the bundles');
    for (const options of [worker, extension]) {
      esbuild.buildSync(options);
      const code = fs.readFileSync(String(options.outfile), 'utf8');
      // The reader's patterns are there, as literals.
      assert.match(code, /\/\^\\p\{Lu\}/);
      assert.deepEqual(builtPropertyPatterns(code), [], `${path.basename(String(options.outfile))} builds \\p{…} patterns at run time`);
    }
  });

  it('would notice esbuild building them at run time again', () => {
    const outdir = tempDir('sb-bundles-');
    const [worker] = bundles({ production: true, outdir }).filter((b) => String(b.outfile).endsWith('parseWorker.js'));
    const { supported: _supported, ...withoutOverride } = worker;
    esbuild.buildSync(withoutOverride);
    assert.ok(builtPropertyPatterns(fs.readFileSync(String(worker.outfile), 'utf8')).length > 10);
  });
});
