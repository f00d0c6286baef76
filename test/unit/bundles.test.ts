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
  it('keep \\p{…} patterns as literals in the parse worker, the reader and the extension', async () => {
    const outdir = tempDir('sb-bundles-');
    const builds = bundles({ production: true, outdir });
    const named = (file: string) => builds.find((b) => String(b.outfile).endsWith(file));
    const worker = named('parseWorker.js');
    const reader = named('reader.js');
    const extension = named('extension.js');
    assert.ok(worker && reader && extension, 'the worker, the reader and the extension are among the bundles');
    for (const options of [worker, reader, extension]) {
      await esbuild.build(options);
      const code = fs.readFileSync(String(options.outfile), 'utf8');
      // The reader's patterns are there, as literals (the extension has fewer: its own are enough to look for).
      assert.match(code, options === extension ? /\/\\p\{L\}/ : /\/\^\\p\{Lu\}/);
      assert.deepEqual(builtPropertyPatterns(code), [], `${path.basename(String(options.outfile))} builds \\p{…} patterns at run time`);
    }
  });

  it('leave the reader out of the extension, as reader.js beside it that reads an article on its own', async () => {
    const outdir = tempDir('sb-bundles-');
    const builds = bundles({ production: true, outdir }).filter((b) => /(?:extension|reader)\.js$/.test(String(b.outfile)));
    for (const options of builds) await esbuild.build(options);
    const extension = fs.readFileSync(path.join(outdir, 'extension.js'), 'utf8');
    assert.equal(extension.match(/require\("\.\/reader\.js"\)/g)?.length, 1, 'the extension requires reader.js once');
    // Words only the reader's modules hold: the quote filter's model and attribution's rules.
    assert.doesNotMatch(extension, /cueThenClause|inListOfNames|pronounReferent/);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const reader = require(path.join(outdir, 'reader.js')) as typeof import('../../src/core/article');
    const article = reader.parseArticle('a.md', 'WASHINGTON (AP) — “We will win,” said Senator Jane Roe, a Democrat.\n');
    assert.deepEqual(article.quotes.map((q) => [q.text, q.speaker]), [['We will win,', 'Jane Roe']]);
    assert.equal(article.meta.outlet, 'AP');
  });

  it('would notice esbuild building them at run time again', () => {
    const outdir = tempDir('sb-bundles-');
    const [worker] = bundles({ production: true, outdir }).filter((b) => String(b.outfile).endsWith('parseWorker.js'));
    const { supported: _supported, ...withoutOverride } = worker;
    esbuild.buildSync(withoutOverride);
    assert.ok(builtPropertyPatterns(fs.readFileSync(String(worker.outfile), 'utf8')).length > 10);
  });
});
