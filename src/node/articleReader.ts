// The article reader (src/core/article.ts and all it reads with: attribution, people, the quote
// filter, the lexicon), loaded the first time the extension's own thread parses a file. Batches
// of 8 files or more run on worker threads (parsePool), which load their own copy; the editor's
// thread parses a smaller batch not in the cache (a few sources, one saved source), a remote
// file, or everything when no worker can start. The shipped extension bundle leaves this module
// out as dist/reader.js (scripts/bundles.cjs): activate() never loads the reader's code, a start
// from the cache or with a large folder not at all, and the extension bundle stays small.
import type * as Reader from '../core/article';

let reader: typeof Reader | undefined;

/** parseArticle, the reader loaded on the first call. */
export function parseArticle(path: string, text: string): ReturnType<typeof Reader.parseArticle> {
  // A require at the call, not an import: esbuild would put an import's module at the top of the bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  reader ??= require('../core/article') as typeof Reader;
  return reader.parseArticle(path, text);
}
