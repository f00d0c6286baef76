import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArticle } from '../../src/core/article';
import { cacheEntry, restoreArticle } from '../../src/core/cache';
import { packedLength, packText, RestoredArticle, textLength, textSlice, unpackSlice } from '../../src/core/packedText';
import { plainArticle } from './plainArticle';

/** Packed: one byte per character, in an array with a buffer of its own (a worker may hand it over). */
const isBytes = (p: string | ArrayBuffer): boolean => p instanceof ArrayBuffer;

describe('packed article texts', () => {
  it('packs curly quotes, dashes and accents one byte per character, same length, and reads every slice back', () => {
    const text = 'WASHINGTON (AP) — “We’re close,” said José Ortíz… ‘Not yet.’ © 2016, €5 – ½';
    const p = packText(text);
    assert.ok(p.wide !== null);
    assert.ok(isBytes(p.packed));
    assert.equal(packedLength(p), text.length);
    assert.equal(unpackSlice(p, 0, text.length), text);
    for (let s = 0; s < text.length; s += 3) for (let e = s; e <= text.length; e += 5) assert.equal(unpackSlice(p, s, e), text.slice(s, e));
  });

  it('holds a text without wide characters as its bytes, with no table', () => {
    const text = 'Plain "straight" text, café and ½ included.';
    const p = packText(text);
    assert.equal(p.wide, null);
    assert.ok(isBytes(p.packed));
    assert.deepEqual([...new Uint8Array(p.packed as ArrayBuffer)], [...text].map((c) => c.charCodeAt(0)));
    assert.equal(unpackSlice(p, 0, text.length), text);
    assert.equal(unpackSlice(p, 6, 22), text.slice(6, 22));
  });

  it('keeps a text as it is when it has more distinct wide characters than free codes', () => {
    // Every code U+0080-U+00FF in use, and one wide character: nowhere to put it.
    let text = '—';
    for (let c = 0x80; c <= 0xff; c++) text += String.fromCharCode(c);
    const p = packText(text);
    assert.equal(p.wide, null);
    assert.equal(p.packed, text);
    // 127 codes in use leave one: a single wide character fits, a second does not.
    const one = text.slice(0, -1);
    assert.ok(packText(one).wide !== null);
    assert.equal(unpackSlice(packText(one), 0, one.length), one);
    assert.equal(packText(one + '“').wide, null);
  });

  it('round-trips any text, emoji halves and lone surrogates included (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('“', '”', '’', '—', '…', 'é', '\u0085', '😀', '\ud800', 'a', ' ', '\n'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))), maxLength: 200 }), fc.nat(), fc.nat(), (text, a, b) => {
        const p = packText(text);
        assert.equal(packedLength(p), text.length);
        assert.equal(unpackSlice(p, 0, text.length), text);
        if (p.wide !== null) assert.ok(isBytes(p.packed));
        else assert.ok(isBytes(p.packed) || p.packed === text);
        const s = text.length ? a % text.length : 0;
        const e = s + (text.length ? b % (text.length - s + 1) : 0);
        assert.equal(unpackSlice(p, s, e), text.slice(s, e));
      }),
      { numRuns: 500 },
    );
  });

  it('a restored article reads its text, slices and quotes exactly, even after many others were read', () => {
    const texts = Array.from({ length: 40 }, (_, i) => `Mayor Ana Díaz said on Monday — day ${i} — that the pier “would stay closed, we’re sure.”\n\nShe added: “Not before June…”\n`);
    const stamp = { size: 1, mtimeMs: 2 };
    const restored = texts.map((t, i) => {
      const parsed = parseArticle(`/src/${i}.txt`, t);
      const a = restoreArticle(cacheEntry(parsed, stamp), stamp, t);
      assert.ok(a instanceof RestoredArticle);
      assert.deepEqual(plainArticle(a), parsed);
      return a;
    });
    // The first ones have left the cache of recent texts by now: read back from the packed form.
    for (let i = 0; i < texts.length; i++) {
      const a = restored[i];
      assert.equal(a.text, texts[i]);
      assert.equal(textLength(a), texts[i].length);
      assert.equal(textSlice(a, 10, 40), texts[i].slice(10, 40));
      assert.equal(a.quotes.length, 2);
      for (const q of a.quotes) assert.equal(q.text, texts[i].slice(q.start, q.end));
      assert.match(a.quotes[0].text, /we’re sure/);
    }
  });

  it('textSlice and textLength read a parsed (not packed) article as it is', () => {
    const a = parseArticle('/src/p.txt', 'He said “yes” — twice.\n');
    assert.equal(textSlice(a, 3, 13), a.text.slice(3, 13));
    assert.equal(textLength(a), a.text.length);
  });
});
