// The worker threads that parse for the extension's indexer: what comes back
// must be exactly what parsing on the calling thread gives.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArticle } from '../../src/core/article';
import { packText, unpackText } from '../../src/core/packedText';
import { ParsePool } from '../../src/node/parsePool';
import { plainArticle } from './plainArticle';
import { fingerprint } from '../../src/core/sourceIndex';

// Compiled by tsc next to this test's own output (out/src/node/parseWorker.js).
const WORKER = path.join(__dirname, '..', '..', 'src', 'node', 'parseWorker.js');

const ARTICLE = [
  'WASHINGTON (AP) — The talks went well, officials said.',
  '',
  '“We were candid, and we were substantive,” State Department spokesman Ned Price said on Tuesday.',
  '',
  'Price added that the two sides “would keep talking.”',
].join('\n');

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const stamp = { size: 100, mtimeMs: 1 };

describe('ParsePool', function () {
  this.timeout(20000);
  let pool: ParsePool;
  beforeEach(() => {
    pool = new ParsePool(WORKER, 2);
  });
  afterEach(async () => {
    await pool.dispose();
  });

  it('gives the same article as parsing on this thread', async () => {
    const outcome = await pool.parse('/src/a.md', stamp, encode(ARTICLE));
    assert.ok(outcome.ok);
    const here = parseArticle('/src/a.md', ARTICLE);
    assert.deepEqual(plainArticle(outcome.article), here);
    assert.equal(outcome.article.quotes[0].speaker, 'Ned Price');
    // Taken on the worker for the index's snapshot: the very fingerprint this thread would take.
    assert.equal(outcome.fingerprint, fingerprint(here));
  });

  it('keeps every answer with its own file when many are in flight', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => ARTICLE.replace('Tuesday', `day ${i}`).replace('Ned Price', i % 2 ? 'Ned Price' : 'Jane Roe'));
    const outcomes = await Promise.all(texts.map((t, i) => pool.parse(`/src/${i}.md`, stamp, encode(t))));
    outcomes.forEach((o, i) => {
      assert.ok(o.ok);
      assert.equal(o.article.path, `/src/${i}.md`);
      assert.equal(o.article.text, texts[i]);
      assert.equal(o.article.quotes[0].speaker, i % 2 ? 'Ned Price' : 'Jane Roe');
    });
  });

  it('names why a file is not text, without failing the pool', async () => {
    const binary = new Uint8Array(64).map((_, i) => (i % 3 === 0 ? 0 : 200));
    const bad = await pool.parse('/src/x.md', stamp, binary);
    assert.equal(bad.ok, false);
    assert.ok(!bad.ok && bad.reason === 'decode' && bad.error.length > 0);
    const good = await pool.parse('/src/a.md', stamp, encode(ARTICLE));
    assert.ok(good.ok);
  });

  it('reads a local file itself when given no bytes, and names a missing one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-pool-'));
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, ARTICLE);
    const read = await pool.parse(file, stamp, null);
    assert.ok(read.ok);
    assert.deepEqual(plainArticle(read.article), parseArticle(file, ARTICLE));
    const missing = await pool.parse(path.join(dir, 'gone.md'), stamp, null);
    assert.deepEqual(missing, { ok: false, reason: 'read', error: 'ENOENT' });
    const small = await pool.parse(file, stamp, null, 10);
    assert.ok(!small.ok && small.reason === 'size' && /size limit/.test(small.error));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('readLocal: stats the file itself, sends an unchanged one back unparsed and parses a changed one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-pool-'));
    try {
      const file = path.join(dir, 'a.md');
      fs.writeFileSync(file, ARTICLE);
      const st = fs.statSync(file);
      const onDisk = { size: st.size, mtimeMs: st.mtimeMs };
      const unchanged = await pool.readLocal(file, 1e6, onDisk);
      // The text comes back packed (one byte per character) and reads back exactly.
      assert.deepEqual(unchanged, { ok: true, article: null, body: packText(ARTICLE), stamp: onDisk });
      assert.ok(unchanged.ok && !unchanged.article && unchanged.body.wide !== null && unpackText(unchanged.body) === ARTICLE);
      const changed = await pool.readLocal(file, 1e6, { ...onDisk, mtimeMs: onDisk.mtimeMs - 1000 });
      assert.ok(changed.ok && changed.article);
      assert.deepEqual(plainArticle(changed.article), parseArticle(file, ARTICLE));
      assert.deepEqual(changed.stamp, onDisk);
      assert.equal(changed.fingerprint, fingerprint(changed.article));
      const uncached = await pool.readLocal(file, 1e6, null);
      assert.ok(uncached.ok && uncached.article && uncached.article.quotes[0].speaker === 'Ned Price');
      assert.deepEqual(await pool.readLocal(path.join(dir, 'gone.md'), 1e6, null), { ok: false, reason: 'read', error: 'ENOENT' });
      assert.deepEqual(await pool.readLocal(file, 10, null), { ok: false, reason: 'size', error: 'too large', size: st.size });
      fs.mkdirSync(path.join(dir, 'folder.md'));
      const folder = await pool.readLocal(path.join(dir, 'folder.md'), 1e6, null);
      assert.ok(!folder.ok && folder.reason === 'read' && /not a regular file/.test(folder.error));
      // A named pipe called like a source: refused at once, not waited on for a writer.
      if (spawnSync('mkfifo', [path.join(dir, 'pipe.md')]).status === 0) {
        const pipe = await pool.readLocal(path.join(dir, 'pipe.md'), 1e6, null);
        assert.ok(!pipe.ok && pipe.reason === 'read' && /not a regular file/.test(pipe.error));
      }
      fs.writeFileSync(path.join(dir, 'bin.md'), new Uint8Array(64));
      const binary = await pool.readLocal(path.join(dir, 'bin.md'), 1e6, null);
      assert.ok(!binary.ok && binary.reason === 'decode');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses work once disposed, so the caller parses on its own thread', async () => {
    await pool.dispose();
    await assert.rejects(pool.parse('/src/a.md', stamp, encode(ARTICLE)));
  });

  it('cannot start from a missing script: the caller is told at once', async () => {
    const broken = new ParsePool(path.join(__dirname, 'no-such-worker.js'), 1);
    await assert.rejects(broken.parse('/src/a.md', stamp, encode(ARTICLE)));
    await broken.dispose();
  });
});
