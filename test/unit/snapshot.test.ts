// The persisted index snapshot: installed at the next start instead of
// indexing every word again. What the snapshot gives must be exactly what
// indexing gives, and a changed, deleted or damaged anything falls back.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArticle } from '../../src/core/article';
import { cacheEntry, decodeIndexSnapshot, encodeIndexSnapshot, restoreArticle } from '../../src/core/cache';
import { packText } from '../../src/core/packedText';
import { fingerprint, SourceIndex } from '../../src/core/sourceIndex';
import type { Article } from '../../src/core/types';

function story(town: string, speaker: string, quote: string, extra = ''): string {
  return [
    `${town} council delays harbor vote`,
    '',
    `${town.toUpperCase()} (AP) — Harbor master ${speaker} said the board "${quote}" before the spring season.`,
    '',
    `${speaker.split(' ')[1]} added that the board "would meet again in May." ${extra}`,
  ].join('\n');
}

const ARTICLES: Article[] = [
  parseArticle('/src/a.md', story('Lakeside', 'Quinby Marchetti', 'will decide on the dredging contract')),
  parseArticle('/src/b.md', story('Fairport', 'Odile Brannigan', 'cannot pay for a second ferry this year')),
  parseArticle('/src/c.md', story('Westbrook', 'Ansel Whitcombe', 'has lost patience with the dredging company')),
];

const QUERIES = ['dredging contract', 'dredgin', 'secnod ferry', 'Brannigan ferry', 'would meet again', 'patience', 'harbor master', 'AP'];

function built(articles: Article[]): SourceIndex {
  const index = new SourceIndex();
  for (const a of articles) index.setArticle(a);
  index.optimize();
  return index;
}

/** What a reporter sees: the quotes and sentences found for each query, and the people. */
function answers(index: SourceIndex): unknown {
  return {
    quotes: QUERIES.map((q) => index.searchQuotes(q, 10).map((r) => [r.quote.id, r.quote.speaker, r.score])),
    sentences: QUERIES.map((q) => index.searchSentences(q, 10).map((r) => [r.article.path, r.text, r.score])),
    people: index.people().map((p) => [p.name, p.titles, p.quotes.map((q) => q.id)]),
    stats: index.stats(),
    lookup: index.lookupName('Marchetti').map((p) => p.name),
  };
}

/** Where the sentence index's postings lie in a snapshot file (the array after the sentences' start table). */
function sentencePostings(bytes: Uint8Array): { at: number; length: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength))) as { arrays: number[] };
  const pad4 = (n: number): number => (n + 3) & ~3;
  // Records, the quotes' start, postings and four pair arrays, the sentences' start: then the sentences'
  // postings, the two vocabularies and the paths.
  const index = 8;
  assert.equal(header.arrays.length, index + 4);
  let at = 12 + pad4(jsonLength);
  for (let i = 0; i < index; i++) at += pad4(header.arrays[i]);
  return { at, length: header.arrays[index] };
}

function fromSnapshot(bytes: Uint8Array, articles: Article[]): SourceIndex {
  const snapshot = decodeIndexSnapshot(bytes);
  assert.ok(snapshot, 'the snapshot decodes');
  const index = new SourceIndex();
  index.restoreSnapshot(snapshot);
  for (const a of articles) if (!index.claim(a)) index.setArticle(a);
  index.releaseClaims();
  return index;
}

describe('index snapshot', () => {
  it('installs to exactly the index that indexing builds: same search results, people and look-ups', () => {
    const original = built(ARTICLES);
    const bytes = encodeIndexSnapshot(original.snapshot());
    const restored = fromSnapshot(bytes, ARTICLES);
    assert.deepEqual(answers(restored), answers(original));
    assert.equal(restored.quoteById(ARTICLES[1].quotes[0].id)?.text, 'cannot pay for a second ferry this year');
  });

  it('keeps every record: path, text length, fingerprint and item ranges come back as they went in', () => {
    const snapshot = built(ARTICLES).snapshot();
    const decoded = decodeIndexSnapshot(encodeIndexSnapshot(snapshot));
    assert.ok(decoded);
    assert.deepEqual(decoded.records, snapshot.records);
    // A fingerprint that is not the index's own kind cannot match any article after a round trip.
    const odd = { ...snapshot, records: snapshot.records.map((r, i) => (i === 0 ? { ...r, fingerprint: 'not-a-hash' } : r)) };
    const back = decodeIndexSnapshot(encodeIndexSnapshot(odd));
    assert.ok(back);
    assert.notEqual(back.records[0].fingerprint, snapshot.records[0].fingerprint);
    assert.deepEqual(back.records.slice(1), snapshot.records.slice(1));
  });

  it('fingerprints an article the same as parsed, as restored and with its packed text given, and tells any changed character apart', () => {
    const stamp = { size: 1, mtimeMs: 1 };
    // Lengths 4k to 4k+3 (the packed text is hashed four bytes at a time, then the rest); wide characters and not.
    const texts = ['Mayor Ana Díaz said the pier “would stay closed.”\n', 'Mayor Ana Diaz said the pier "would stay closed."\n', 'One wide mark: “yes.\n'].flatMap((t) => [t, t + 'x', t + 'xy', t + 'xyz']);
    for (const text of texts) {
      const parsed = parseArticle('/src/f.md', text);
      const print = fingerprint(parsed);
      const restored = restoreArticle(cacheEntry(parsed, stamp), stamp, packText(text));
      assert.ok(restored);
      assert.equal(fingerprint(restored), print);
      assert.equal(fingerprint(parsed, packText(text)), print);
      // Every character changed in turn, to another of the same width or to a wide one.
      for (let i = 0; i < text.length; i++) {
        for (const c of [text[i] === 'a' ? 'b' : 'a', text[i] === '”' ? '“' : '”']) {
          const changed = text.slice(0, i) + c + text.slice(i + 1);
          assert.notEqual(fingerprint(parseArticle('/src/f.md', changed)), print, `${JSON.stringify(changed)}`);
        }
      }
    }
    // The same packed bytes under another table: an em dash for an en dash, read alike otherwise.
    assert.deepEqual(packText('The pier — closed.').packed, packText('The pier – closed.').packed);
    assert.notEqual(fingerprint(parseArticle('/src/f.md', 'The pier — closed.')), fingerprint(parseArticle('/src/f.md', 'The pier – closed.')));
  });

  it('decodes from a file read back by Node (a Buffer, which slices as a view)', () => {
    const original = built(ARTICLES);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-snapshot-'));
    const file = path.join(dir, 'index-snapshot.bin');
    fs.writeFileSync(file, encodeIndexSnapshot(original.snapshot()));
    const restored = fromSnapshot(fs.readFileSync(file), ARTICLES);
    assert.deepEqual(answers(restored), answers(original));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a file changed since the snapshot is indexed anew: its old words are not found', () => {
    const bytes = encodeIndexSnapshot(built(ARTICLES).snapshot());
    const changed = parseArticle('/src/b.md', story('Fairport', 'Odile Brannigan', 'will buy two electric ferries'));
    const restored = fromSnapshot(bytes, [ARTICLES[0], changed, ARTICLES[2]]);
    assert.equal(restored.searchQuotes('second ferry', 10).filter((r) => r.quote.text.includes('second ferry')).length, 0);
    assert.equal(restored.searchQuotes('electric ferries', 1)[0].quote.text, 'will buy two electric ferries');
    assert.equal(restored.stats().quotes, 6);
  });

  it('a file deleted since the snapshot is never found, and one added is', () => {
    const bytes = encodeIndexSnapshot(built(ARTICLES).snapshot());
    const added = parseArticle('/src/d.md', story('Millbrook', 'Tamsin Okafor', 'expects the dredging to finish by June'));
    const restored = fromSnapshot(bytes, [ARTICLES[0], ARTICLES[2], added]);
    assert.equal(restored.searchQuotes('second ferry', 10).filter((r) => r.quote.article.path === '/src/b.md').length, 0);
    assert.equal(restored.searchSentences('Fairport', 10).filter((r) => r.article.path === '/src/b.md').length, 0);
    assert.equal(restored.person('Odile Brannigan'), undefined);
    assert.equal(restored.searchQuotes('finish by June', 1)[0].quote.speaker, 'Tamsin Okafor');
    assert.equal(restored.stats().sources, 3);
  });

  it('before an article is claimed, its snapshot items are not found', () => {
    const snapshot = decodeIndexSnapshot(encodeIndexSnapshot(built(ARTICLES).snapshot()));
    assert.ok(snapshot);
    const index = new SourceIndex();
    index.restoreSnapshot(snapshot);
    assert.deepEqual(index.searchQuotes('dredging contract', 10), []);
    assert.ok(index.claim(ARTICLES[0]));
    assert.equal(index.searchQuotes('dredging contract', 1)[0].quote.speaker, 'Quinby Marchetti');
    assert.equal(index.searchQuotes('second ferry', 10).filter((r) => r.quote.article.path === '/src/b.md').length, 0);
  });

  it('refuses damaged or foreign bytes: truncated, another version, ids out of range; the index stays usable', () => {
    const bytes = encodeIndexSnapshot(built(ARTICLES).snapshot());
    assert.equal(decodeIndexSnapshot(bytes.subarray(0, bytes.length - 8)), null, 'truncated');
    const version = bytes.slice();
    version[4] ^= 0xff;
    assert.equal(decodeIndexSnapshot(version), null, 'another version');
    assert.equal(decodeIndexSnapshot(new TextEncoder().encode('{"version":1}')), null, 'not a snapshot');
    assert.equal(decodeIndexSnapshot(null), null);
    // The sentence postings' last list: its last varint left unfinished, then made into an id past every item.
    const { at, length } = sentencePostings(bytes);
    for (const last of [0x80, 0x7f]) {
      const tampered = bytes.slice();
      tampered[at + length - 1] = last;
      const snapshot = decodeIndexSnapshot(tampered);
      assert.ok(snapshot, 'the file itself holds together');
      const index = new SourceIndex();
      assert.throws(() => index.restoreSnapshot(snapshot));
      for (const a of ARTICLES) index.setArticle(a);
      assert.deepEqual(answers(index), answers(built(ARTICLES)));
    }
    // Bytes after the last array, or padding that is not zero.
    assert.equal(decodeIndexSnapshot(new Uint8Array([...bytes, 0, 0, 0, 0])), null, 'trailing bytes');
    if (length % 4 !== 0) {
      const padded = bytes.slice();
      padded[at + length] = 1;
      assert.equal(decodeIndexSnapshot(padded), null, 'padding');
    }
  });

  it('any byte of the postings changed: refused, or an index that searches without fault', () => {
    const bytes = encodeIndexSnapshot(built(ARTICLES).snapshot());
    const { at, length } = sentencePostings(bytes);
    let refused = 0;
    let tries = 0;
    for (let k = at; k < at + length; k++) {
      for (const value of [0x00, 0x01, 0x7f, 0x80, 0xff, bytes[k] ^ 0x40]) {
        if (value === bytes[k]) continue;
        tries++;
        const tampered = bytes.slice();
        tampered[k] = value;
        const snapshot = decodeIndexSnapshot(tampered);
        const index = new SourceIndex();
        try {
          assert.ok(snapshot);
          index.restoreSnapshot(snapshot);
        } catch {
          refused++;
          continue;
        }
        // Accepted (another valid list): every search still runs and finds real sentences.
        for (const a of ARTICLES) if (!index.claim(a)) index.setArticle(a);
        index.releaseClaims();
        for (const q of QUERIES) for (const r of index.searchSentences(q, 10)) assert.ok(r.text.length > 0);
      }
    }
    // Most changes break a list's structure, its order or its range.
    assert.ok(refused > tries / 2, `refused ${refused} of ${tries}`);
  });

  it('installs in steps for an editor to interleave: the index stays empty until the last one', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i.toString(36)}`);
    const many = Array.from({ length: 120 }, (_, a) => {
      const sentences = Array.from({ length: 20 }, (_, k) => words.slice((a * 37 + k * 50) % 1900, ((a * 37 + k * 50) % 1900) + 40).join(' ') + '.');
      return parseArticle(`/src/many-${a}.md`, `Report ${a}\n\n${sentences.join(' ')}\n\nOfficial Tamsin Okafor said "the ${words[a]} plan holds."\n`);
    });
    const original = built(many);
    const snapshot = decodeIndexSnapshot(encodeIndexSnapshot(original.snapshot()));
    assert.ok(snapshot);
    const index = new SourceIndex();
    const steps = index.restoreSnapshotSteps(snapshot);
    let yields = 0;
    while (!steps.next().done) {
      yields++;
      assert.equal(index.searchSentences(words[5], 5).length, 0, 'nothing visible before the end');
    }
    assert.ok(yields > 2, `yielded ${yields} times`);
    for (const a of many) assert.ok(index.claim(a));
    index.releaseClaims();
    assert.deepEqual(
      index.searchSentences(`${words[100]} ${words[101]}`, 10).map((r) => r.text),
      original.searchSentences(`${words[100]} ${words[101]}`, 10).map((r) => r.text),
    );
  });

  it('goes only into an empty index', () => {
    const snapshot = decodeIndexSnapshot(encodeIndexSnapshot(built(ARTICLES).snapshot()));
    assert.ok(snapshot);
    assert.throws(() => built(ARTICLES.slice(0, 1)).restoreSnapshot(snapshot));
  });
});
