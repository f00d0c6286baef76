import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../../src/core/article';
import { decodeSource } from '../../src/core/decode';
import { buildCache, cacheEntry, CACHE_FORMAT_VERSION, readCache, restoreArticle, serializeCache } from '../../src/core/cache';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED = path.join(ROOT, 'seeds', '000_0af8d4bc5d39ec79.txt');

describe('article cache', () => {
  const decoded = decodeSource(fs.readFileSync(SEED));
  assert.ok('text' in decoded);
  const text = decoded.text;
  const article = parseArticle(SEED, text);
  const stamp = { size: 4321, mtimeMs: 1700000000000.5 };

  it('round-trips an article through JSON exactly', () => {
    const json = serializeCache(buildCache([{ article, stamp }]));
    const entry = readCache(json).get(SEED);
    assert.ok(entry);
    assert.deepEqual(restoreArticle(entry, stamp, text), article);
  });

  it('is stale when size, modification time or text length differ', () => {
    const entry = cacheEntry(article, stamp);
    assert.equal(restoreArticle(entry, { ...stamp, size: 1 }, text), null);
    assert.equal(restoreArticle(entry, { ...stamp, mtimeMs: 1 }, text), null);
    assert.equal(restoreArticle(entry, stamp, text + ' '), null);
  });

  it('a missing, corrupt or other-version cache gives no entries', () => {
    assert.equal(readCache(null).size, 0);
    assert.equal(readCache('').size, 0);
    assert.equal(readCache('{"version": 1, "articles": [').size, 0);
    assert.equal(readCache('[1,2,3]').size, 0);
    const other = JSON.stringify({ ...buildCache([{ article, stamp }]), version: CACHE_FORMAT_VERSION + 1 });
    assert.equal(readCache(other).size, 0);
  });

  it('is one article per line after a header, and a damaged line loses only its own article', () => {
    const other = parseArticle('/src/other.md', 'Harbor master Quinby Marchetti said "the ferry will run all winter."\n');
    const text2 = serializeCache(buildCache([{ article, stamp }, { article: other, stamp }]));
    const lines = text2.split('\n');
    assert.equal(lines.length, 4, 'header, two articles, final newline');
    assert.deepEqual(JSON.parse(lines[0]), { version: CACHE_FORMAT_VERSION });
    lines[1] = lines[1].slice(0, 40);
    const read = readCache(lines.join('\n'));
    assert.deepEqual([...read.keys()], ['/src/other.md']);
    assert.deepEqual(restoreArticle(read.get('/src/other.md')!, stamp, other.text), other);
  });

  it('a tampered entry is rejected rather than giving wrong offsets', () => {
    const entry = JSON.parse(JSON.stringify(cacheEntry(article, stamp)));
    entry.quotes[0][2] = text.length + 10;
    assert.equal(restoreArticle(entry, stamp, text), null);
    const broken = JSON.parse(JSON.stringify(cacheEntry(article, stamp)));
    broken.people = 'nope';
    assert.equal(restoreArticle(broken, stamp, text), null);
  });
});
