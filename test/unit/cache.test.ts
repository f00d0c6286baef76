import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../../src/core/article';
import { decodeSource } from '../../src/core/decode';
import { plainArticle } from './plainArticle';
import { PackedPerson } from '../../src/core/packedPeople';
import { cacheEntry, cacheEntries, CACHE_FORMAT_VERSION, cachedArticle, readCache, restoreArticle, serializeCache } from '../../src/core/cache';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED = path.join(ROOT, 'seeds', '000_0af8d4bc5d39ec79.txt');

describe('article cache', () => {
  const decoded = decodeSource(fs.readFileSync(SEED));
  assert.ok('text' in decoded);
  const text = decoded.text;
  const article = parseArticle(SEED, text);
  const stamp = { size: 4321, mtimeMs: 1700000000000.5 };

  it('round-trips an article through the cache file exactly', () => {
    const entry = readCache(serializeCache([cacheEntry(article, stamp)])).get(SEED);
    assert.ok(entry);
    assert.deepEqual(plainArticle(restoreArticle(entry, stamp, text)), article);
    // The seed has people with titles, aliases, mentions and quotes with speakers: all of it came back.
    assert.ok(article.people.some((p) => p.titles.length > 0 && p.aliases.length > 0) && article.quotes.some((q) => q.speakerMention));
  });

  it('reads the same entries from bytes at any alignment (views where aligned, copies where not)', () => {
    const file = serializeCache([cacheEntry(article, stamp)]);
    for (const shift of [0, 1, 2, 3, 4]) {
      const holder = new Uint8Array(file.length + shift);
      holder.set(file, shift);
      const entry = readCache(holder.subarray(shift)).get(SEED);
      assert.ok(entry, `shift ${shift}`);
      assert.deepEqual(plainArticle(restoreArticle(entry, stamp, text)), article, `shift ${shift}`);
    }
  });

  it('round-trips what is rare: ambiguous mentions, empty lists, a structured clone', () => {
    const other = parseArticle('/src/two.md', 'Mayor Maria Lindqvist met her brother, John Lindqvist, on Monday. Later, Lindqvist said "the pier is closed."\n');
    assert.ok(other.people.some((p) => p.mentions.some((m) => m.candidates)), 'the fixture has an ambiguous surname');
    const entry = structuredClone(cacheEntry(other, stamp));
    assert.deepEqual(plainArticle(restoreArticle(entry, stamp, other.text)), other);
    const empty = parseArticle('/src/empty.md', '');
    assert.deepEqual(plainArticle(restoreArticle(cacheEntry(empty, stamp), stamp, '')), empty);
  });

  it('keeps a restored article’s mentions packed, and writes them back as the parsed article’s entry', () => {
    const other = parseArticle('/src/two.md', 'Mayor Maria Lindqvist met her brother, John Lindqvist, on Monday. Later, Lindqvist said "the pier is closed."\n');
    for (const parsed of [article, other]) {
      const restored = restoreArticle(cacheEntry(parsed, stamp), stamp, parsed.text);
      assert.ok(restored);
      assert.ok(restored.people.every((p) => p instanceof PackedPerson));
      // Read twice: each read builds the same list.
      assert.deepEqual(restored.people.map((p) => p.mentions), parsed.people.map((p) => p.mentions));
      assert.deepEqual(restored.people.map((p) => p.mentions), parsed.people.map((p) => p.mentions));
      const again = cacheEntry(restored, stamp);
      assert.deepEqual(again.head, cacheEntry(parsed, stamp).head);
      assert.deepEqual(again.numbers, cacheEntry(parsed, stamp).numbers);
    }
  });

  it('refuses an entry whose people’s lists run past its numbers', () => {
    const entry = cacheEntry(article, stamp);
    // The first person's title count, made huge: the count check before packing the mentions refuses it.
    const firstPerson = 5 + entry.numbers[1] * 2 + entry.numbers[2] * 3;
    const numbers = entry.numbers.slice();
    numbers[firstPerson + 3] = 1e6;
    assert.equal(restoreArticle({ ...entry, numbers }, stamp, text), null);
    const negative = entry.numbers.slice();
    negative[firstPerson + 3] = -1;
    assert.equal(restoreArticle({ ...entry, numbers: negative }, stamp, text), null);
  });

  it('is stale when size, modification time or text length differ', () => {
    const entry = cacheEntry(article, stamp);
    assert.equal(restoreArticle(entry, { ...stamp, size: 1 }, text), null);
    assert.equal(restoreArticle(entry, { ...stamp, mtimeMs: 1 }, text), null);
    assert.equal(restoreArticle(entry, stamp, text + ' '), null);
  });

  it('a missing, corrupt or other-version cache gives no entries', () => {
    const bytes = serializeCache([cacheEntry(article, stamp)]);
    assert.equal(readCache(bytes).size, 1);
    assert.equal(readCache(null).size, 0);
    assert.equal(readCache(new Uint8Array(0)).size, 0);
    assert.equal(readCache(new TextEncoder().encode('{"version": 3}\n{"path": "/a"}\n')).size, 0, 'the JSON Lines format of version 3');
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(4, CACHE_FORMAT_VERSION + 1, true);
    assert.equal(readCache(other).size, 0);
    const truncated = bytes.subarray(0, bytes.length - 3);
    assert.equal(readCache(truncated).size, 0, 'an entry running past the end is not read');
  });

  it('is one entry per article after a header, and a damaged entry loses only its own article', () => {
    const other = parseArticle('/src/other.md', 'Harbor master Quinby Marchetti said "the ferry will run all winter."\n');
    const bytes = serializeCache([cacheEntry(article, stamp), cacheEntry(other, stamp)]);
    assert.equal([...cacheEntries(bytes)].length, 2);
    // Break the first entry's JSON head: the second is still read.
    bytes[8 + 8] = 0x7b;
    bytes[8 + 9] = 0x7b;
    const read = readCache(bytes);
    assert.deepEqual([...read.keys()], ['/src/other.md']);
    assert.deepEqual(plainArticle(restoreArticle(read.get('/src/other.md')!, stamp, other.text)), other);
  });

  it('reads an entry’s path and stamp alone at first, whatever the path holds, and the rest when restored', () => {
    const odd = ['/src/a "quoted", path\\with\\backslashes.md', '/src/ünïcödé — “curly” ’s.md', '/src/[1,2],3.md'];
    const others = odd.map((p) => parseArticle(p, 'Harbor master Quinby Marchetti said "the ferry will run all winter."\n'));
    const read = readCache(serializeCache(others.map((a) => cacheEntry(a, stamp))));
    assert.deepEqual([...read.keys()], odd);
    for (const a of others) {
      const entry = read.get(a.path)!;
      assert.deepEqual([entry.size, entry.mtimeMs], [stamp.size, stamp.mtimeMs]);
      assert.deepEqual(plainArticle(restoreArticle(entry, stamp, a.text)), a);
    }
  });

  it('an entry damaged after its path and stamp is read, and refused when restored (the file is parsed again)', () => {
    const other = parseArticle('/src/other.md', 'Harbor master Quinby Marchetti said "the ferry will run all winter."\n');
    const bytes = serializeCache([cacheEntry(article, stamp), cacheEntry(other, stamp)]);
    // The first entry's head, past its path and stamp: its JSON no longer parses.
    const headLength = new DataView(bytes.buffer).getUint32(8, true);
    bytes[8 + 8 + headLength - 1] = 0x7b;
    const read = readCache(bytes);
    assert.deepEqual([...read.keys()], [SEED, '/src/other.md']);
    assert.equal(restoreArticle(read.get(SEED)!, stamp, text), null);
    assert.deepEqual(plainArticle(restoreArticle(read.get('/src/other.md')!, stamp, other.text)), other);
    // A head that parses but is another entry's (its path or stamp differ) is refused too.
    const swapped = serializeCache([cacheEntry(other, stamp)]);
    const from = new TextEncoder().encode('"/src/other.md",4321');
    const to = new TextEncoder().encode('"/src/other.md",4322');
    const at = swapped.findIndex((_, i) => from.every((b, k) => swapped[i + k] === b));
    // The head read at first is the stamp the file is checked against; the rest disagrees with it.
    const entry = readCache(swapped).get('/src/other.md')!;
    swapped.set(to, at);
    assert.equal(restoreArticle(entry, stamp, other.text), null);
  });

  it('a tampered entry is rejected rather than giving wrong offsets', () => {
    const good = cacheEntry(article, stamp);
    const q = article.quotes[0];
    // The first quote's end is the number after its id; find the quote block from the end.
    const numbers = good.numbers.slice();
    const quoteAt = numbers.length - article.quotes.length * 8;
    assert.equal(numbers[quoteAt + 2], q.end);
    numbers[quoteAt + 2] = text.length + 10;
    assert.equal(restoreArticle({ ...good, numbers }, stamp, text), null);
    const badString = good.numbers.slice();
    badString[quoteAt] = 2; // an index into the head's fixed part, not a string
    assert.equal(restoreArticle({ ...good, numbers: badString }, stamp, text), null);
    assert.equal(restoreArticle({ ...good, numbers: good.numbers.slice(0, good.numbers.length - 1) }, stamp, text), null);
    assert.equal(restoreArticle({ ...good, head: [...good.head.slice(0, 3), null, ...good.head.slice(4)] }, stamp, text), null);
    assert.equal(cachedArticle({ path: 'not an array' }, good.numbers), null);
  });
});
