// The reader's hot loops are written by hand (character codes, native pattern scans,
// copies of the caller's lists); they must read exactly what their definitions read.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitSentences } from '../../src/core/structure';
import { scanQuotes } from '../../src/core/quoteMarks';
import { readPeople, tokenize } from '../../src/core/people';
import { attributeQuotes } from '../../src/core/attribution';
import { isSpaceCode } from '../../src/core/text';
import type { Sentence, Span } from '../../src/core/types';

/** splitSentences as defined by its patterns (the implementation it replaced). */
function sentencesByPattern(text: string, para: Span, paragraph: number): Sentence[] {
  const ABBREVIATIONS = new Set(
    `mr mrs ms dr prof sr jr st sen rep gov gen lt col sgt capt adm cmdr pres rev hon u.s u.k u.n e.u d.c
     jan feb mar apr jun jul aug sep sept oct nov dec no vs v etc inc corp co ltd calif fla ill mass mich minn
     ariz ark colo conn del ga ind kan ky la md miss mo mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d
     tenn tex va vt wash wis wyo ala ft mt a.m p.m e.g i.e approx dept est fig op ph.d b.a m.a u.s.a`.split(/\s+/),
  );
  const trim = (start: number, end: number): Span => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    return { start, end };
  };
  const out: Sentence[] = [];
  let start = para.start;
  const re = /[.!?…]+["”’')\]]*(?=\s+|$)/g;
  const nextStart = /\s+(\S)/uy;
  const slice = text.slice(para.start, para.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) {
    const endRel = m.index + m[0].length;
    const abs = para.start + endRel;
    if (m[0][0] === '.' && m[0].length === 1) {
      const before = /([\p{L}.]+)$/u.exec(slice.slice(Math.max(0, m.index - 12), m.index));
      const word = before ? before[1].toLowerCase() : '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    nextStart.lastIndex = endRel;
    const next = nextStart.exec(slice);
    if (next && !/[\p{Lu}\d“"‘'([—–-]/u.test(next[1])) continue;
    const s = trim(start, abs);
    if (s.end > s.start) out.push({ start: s.start, end: s.end, paragraph });
    start = abs;
  }
  const tail = trim(start, para.end);
  if (tail.end > tail.start) out.push({ start: tail.start, end: tail.end, paragraph });
  return out;
}

const PIECES = ['a', 'Z', 'É', '9', '.', '!', '?', '…', '"', '”', '’', "'", ')', ']', '(', ' ', '\n', '\u00a0', '\u2003', 'Mr', 'U.S', 'p.m', 'J', '😀', '𝐀', '\ud800', '\udc00', '“', '‘', '—', '-', 'İ', ','];

describe('reader: hand-written scans read what their patterns read', () => {
  it('isSpaceCode is \\s for every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isSpaceCode(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });

  it('splitSentences gives the sentences of its patterns on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 50 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        const x = a % (text.length + 1);
        const y = b % (text.length + 1);
        const para = { start: Math.min(x, y), end: Math.max(x, y) };
        assert.deepEqual(splitSentences(text, para, 2), sentencesByPattern(text, para, 2));
      }),
      { numRuns: 3000 },
    );
  });

  it('a scan remembered from one paragraph never changes the next ones: paragraphs in any order, of one text or several', () => {
    // splitSentences and scanQuotes keep where the next stop or mark is, so a long stretch
    // without one is read once, not once per paragraph: that must not leak between calls.
    const SPARSE = ['word ', 'Word ', ' ', '\n', 'x', '.', '“', '”', '"', 'Mr. ', 'Pier. '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SPARSE), { maxLength: 80 }), fc.array(fc.nat(), { maxLength: 12 }), (pieces, cuts) => {
        const text = pieces.join('');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const paras: Span[] = [];
        let from = 0;
        for (const p of [...points, text.length]) {
          paras.push({ start: from, end: p });
          from = p;
        }
        const other = text.replace(/\./g, '!');
        for (const order of [paras, [...paras].reverse()]) {
          for (const [i, p] of order.entries()) {
            assert.deepEqual(splitSentences(text, p, i), sentencesByPattern(text, p, i));
            assert.deepEqual(splitSentences(other, p, i), sentencesByPattern(other, p, i));
          }
        }
        // scanQuotes over all paragraphs at once reads what it reads paragraph by paragraph, but for
        // a paragraph re-opening a quote the previous one left open.
        const together = scanQuotes(text, paras).map((q) => ({ ...q, continued: false }));
        assert.deepEqual(together, paras.flatMap((p, i) => scanQuotes(text, [p]).map((q) => ({ ...q, paragraph: i }))));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('reader: the same reading whatever kind of list the caller passes', () => {
  const text = 'Mara Quill, the harbor pilot, said the pier “will reopen in May.”\n\n“We are ready,” Quill said. He added: “Bring boats.”';
  const packed: Span[] = [
    { start: 0, end: text.indexOf('\n') },
    { start: text.indexOf('“We'), end: text.length },
  ];
  // The same paragraphs in an array with holes in its history (as optimized map() code builds them).
  const holey: Span[] = new Array(2);
  holey[1] = packed[1];
  holey[0] = packed[0];

  function read(paragraphs: Span[]) {
    const sentences: Sentence[] = [];
    paragraphs.forEach((p, i) => sentences.push(...splitSentences(text, p, i)));
    const tokens = tokenize(text, paragraphs);
    const people = readPeople(text, paragraphs, []);
    const raw = scanQuotes(text, paragraphs);
    const recentSpeakers: { name: string; at: number; paragraph: number }[] = [];
    const personByName = new Map(people.people.map((p) => [p.name, p]));
    const attributions = attributeQuotes({ text, people, personByName, sentences, paragraphs, recentSpeakers }, raw);
    return { tokens, people: people.people, raw, attributions, recentSpeakers };
  }

  it('gives the same tokens, people, quotes and speakers for packed and holey paragraph lists', () => {
    const a = read(packed);
    const b = read(holey);
    assert.deepEqual(b, a);
    assert.equal(a.raw.length, 3);
    assert.deepEqual(
      a.attributions.map((x) => x.speaker),
      ['Mara Quill', 'Mara Quill', 'Mara Quill'],
    );
  });

  it('adds speakers to the caller’s own recentSpeakers list, and reads an article again the same way', () => {
    const first = read(packed);
    assert.ok(first.recentSpeakers.length > 0);
    assert.deepEqual(read(packed), first);
  });
});
