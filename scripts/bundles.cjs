// The esbuild bundles the extension ships, in one place: scripts/build.mjs builds them into
// dist/, and the benchmark builds the same ones (production) into .bench/ to measure what ships.
// `vscode` stays external: the extension host provides it at run time.
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/**
 * In the extension bundle, src/node/articleReader.ts's require of the reader stays a require, of
 * dist/reader.js beside the bundle: the reader (about 130 kB minified) is loaded when the editor's
 * thread first parses a file, not at activation. Any other import of src/core/article.ts is an
 * error, since it would bring the reader back in.
 */
const readerApart = {
  name: 'reader-apart',
  setup(build) {
    build.onResolve({ filter: /(?:^|\/)core\/article$/ }, (args) => {
      if (path.resolve(args.resolveDir, args.path) !== path.join(ROOT, 'src/core/article')) return undefined;
      if (path.resolve(args.importer) !== path.join(ROOT, 'src/node/articleReader.ts')) {
        return { errors: [{ text: `${path.relative(ROOT, args.importer)} imports the reader: import parseArticle from src/node/articleReader.ts, which loads it when first called` }] };
      }
      return { path: './reader.js', external: true };
    });
  },
};

/** The builds, writing into `outdir` (dist/ unless told). */
function bundles({ production = false, outdir = path.join(ROOT, 'dist') } = {}) {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    // Node 20 reads \p{…} in regular expressions, but esbuild's table for node20 says otherwise and
    // turned each such literal into a `new RegExp(…)` call where it stood: 77 in the parse worker,
    // many inside the reader's per-word and per-name functions, so a pattern object was built on
    // every call. The bundled worker used 4-8 % more CPU than the tsc build for the same archive
    // (cold-index harness: 3.91-4.01 s of worker CPU against 3.69-3.83 s with this, four runs each).
    supported: { 'regexp-unicode-property-escapes': true },
    // Non-ASCII characters (the reader's ’ “ ” — …) as themselves, not as \uXXXX escapes of six bytes where
    // UTF-8 takes two or three: 0.37 kB off the shipped extension bundle. Node and VS Code read it as UTF-8.
    charset: 'utf8',
  };
  const at = (file) => path.join(outdir, file);
  return [
    { ...common, entryPoints: [path.join(ROOT, 'src/extension/extension.ts')], outfile: at('extension.js'), external: ['vscode'], plugins: [readerApart] },
    // The article reader, which the extension's thread loads only when it parses a file itself (src/node/articleReader.ts).
    { ...common, entryPoints: [path.join(ROOT, 'src/core/article.ts')], outfile: at('reader.js') },
    { ...common, entryPoints: [path.join(ROOT, 'src/cli/main.ts')], outfile: at('cli.js'), banner: { js: '#!/usr/bin/env node' } },
    // The extension's parsing worker thread (src/node/parsePool.ts starts it).
    { ...common, entryPoints: [path.join(ROOT, 'src/node/parseWorker.ts')], outfile: at('parseWorker.js') },
  ];
}

module.exports = { bundles };
