// A restart, as the indexer sees it: a second indexer over the same workspace
// and the same storage finds the article cache and the index snapshot the
// first one saved, takes every unchanged file from them, and answers exactly
// as the first did. A damaged snapshot only costs the re-indexing.
// (Real SourceIndexer and GlobalStorageArticleCache in this host; only the
// restart itself is simulated, by building a second indexer.)
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { GlobalStorageArticleCache } from '../../../src/extension/articleCache';
import { SourceIndexer } from '../../../src/extension/indexer';
import { ParsePool } from '../../../src/node/parsePool';
import { EXTENSION_ID, eventually, indexed } from './helpers';

describe('Restart from the saved cache and index', function () {
  this.timeout(120_000);
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-restart-'));
  const storage = vscode.Uri.file(storageDir);
  const log = vscode.window.createOutputChannel('Sourcebook restart test', { log: true });
  const made: SourceIndexer[] = [];

  function indexer(): SourceIndexer {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const worker = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'parseWorker.js').fsPath;
    const ix = new SourceIndexer(extension.extensionUri, log, new GlobalStorageArticleCache(storage), () => new ParsePool(worker));
    made.push(ix);
    return ix;
  }

  async function run(ix: SourceIndexer): Promise<void> {
    ix.start();
    await ix.whenIdle();
  }

  /** What a reporter would see: quotes found for a few queries, and who is known. */
  function answers(ix: SourceIndexer): unknown {
    return {
      stats: ix.index.stats(),
      quotes: ['candid substantive', 'compete vigorously', 'ferry'].map((q) => ix.index.searchQuotes(q, 5).map((r) => [r.quote.text, r.quote.speaker])),
      sentences: ix.index.searchSentences('Blinken', 5).map((r) => r.text),
      people: ix.index.people().map((p) => [p.name, p.titles]),
    };
  }

  before(indexed);
  after(() => {
    for (const ix of made) ix.dispose();
    log.dispose();
    fs.rmSync(storageDir, { recursive: true, force: true });
  });

  it('a second start takes every unchanged file from the cache and the snapshot, with the same answers', async () => {
    const first = indexer();
    await run(first);
    const files = first.index.stats().sources;
    assert.ok(files >= 2, `the seed and the workspace source are indexed (${files})`);
    assert.strictEqual(first.lastRun.fromCache, 0, 'nothing cached yet');
    // The cache is written a moment after indexing ends.
    await eventually('the cache and the snapshot to be saved', () =>
      fs.existsSync(path.join(storageDir, 'article-cache.bin')) && fs.existsSync(path.join(storageDir, 'index-snapshot.bin')) ? true : undefined,
    );

    const second = indexer();
    await run(second);
    assert.deepStrictEqual(second.lastRun, { read: files, skipped: 0, fromCache: files, fromSnapshot: files, onWorkers: 0 });
    assert.deepStrictEqual(answers(second), answers(first));
    assert.strictEqual(second.index.searchQuotes('candid substantive', 1)[0].quote.speaker, 'Ned Price');
  });

  it('a damaged snapshot is not used: every file is indexed again from the cache, with the same answers', async () => {
    const reference = made[0];
    // No earlier indexer may save over the file while this one reads it.
    for (const ix of made) ix.dispose();
    const file = path.join(storageDir, 'index-snapshot.bin');
    const bytes = fs.readFileSync(file);
    // Keep the header, scramble the arrays.
    for (let i = Math.floor(bytes.length / 2); i < bytes.length; i++) bytes[i] = (i * 131) & 0xff;
    fs.writeFileSync(file, bytes);
    const third = indexer();
    await run(third);
    const files = reference.index.stats().sources;
    assert.strictEqual(third.lastRun.fromSnapshot, 0);
    assert.strictEqual(third.lastRun.fromCache, files);
    assert.deepStrictEqual(answers(third), answers(reference));
  });
});
