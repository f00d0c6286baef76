// The reader's tokenizer is scanned by hand for speed; it must give exactly
// the tokens of its definition, the pattern [\p{L}\p{N}][\p{L}\p{M}\p{N}.'’-]*
// (cut at the paragraph's end), on any text.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { tokenize } from '../../src/core/people';
import type { Span } from '../../src/core/types';

function byPattern(text: string, paragraphs: Span[]): { start: number; end: number }[] {
  const re = /[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’-]*/gu;
  const out: { start: number; end: number }[] = [];
  for (const p of paragraphs) {
    re.lastIndex = p.start;
    for (let m = re.exec(text); m && m.index < p.end; m = re.exec(text)) out.push({ start: m.index, end: Math.min(m.index + m[0].length, p.end) });
  }
  return out;
}

const PIECES = ['a', 'Z', '9', '.', "'", '’', '-', ' ', '\n', 'é', 'e\u0301', '\u0301', '😀', '𝐀', '\ud800', '\udc00', 'ß', 'İ', '“', '”', 'Ǆ', '٣', '\u00a0', 'Sen.', "O'Neil’s", 'U.S.', '中国'];

describe('tokenize: the hand scanner gives the tokens of its pattern', () => {
  it('on any mix of letters, marks, digits, apostrophes, surrogates and punctuation', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        const x = a % (text.length + 1);
        const y = b % (text.length + 1);
        let start = Math.min(x, y);
        // Paragraphs start after white space, never inside a surrogate pair (where a /u pattern would step back).
        if (start > 0 && /[\ud800-\udbff]/.test(text[start - 1]) && /[\udc00-\udfff]/.test(text[start] ?? '')) start--;
        const paragraphs = [{ start, end: Math.max(x, y) }];
        const tokens = tokenize(text, paragraphs);
        // Every token is one of the pattern's words, possibly with a possessive or trailing punctuation taken off.
        const words = byPattern(text, paragraphs);
        assert.ok(tokens.length <= words.length);
        let k = 0;
        for (const t of tokens) {
          while (k < words.length && words[k].start !== t.start) k++;
          assert.ok(k < words.length, `token at ${t.start} is a pattern word`);
          assert.ok(t.end <= words[k].end && t.end > t.start);
          assert.equal(t.word, text.slice(t.start, t.end));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps abbreviations and initials, drops possessives and trailing periods', () => {
    const text = 'Sen. Marco Rubio’s aide, J.R. Smith, met U.S. officials in D.C.';
    assert.deepEqual(
      tokenize(text, [{ start: 0, end: text.length }]).map((t) => t.word),
      ['Sen.', 'Marco', 'Rubio', 'aide', 'J.R.', 'Smith', 'met', 'U.S.', 'officials', 'in', 'D.C.'],
    );
  });
});
