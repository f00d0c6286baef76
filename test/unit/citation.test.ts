import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CitationInput,
  detectQuoteMarks,
  formatCitation,
  formatSentenceCitation,
  isFirstReference,
  joinBeforeAttribution,
  nextFootnoteNumber,
} from '../../src/core/citation';

const PRICE: CitationInput = {
  text: 'were candid, they were substantive.',
  speaker: 'Ned Price',
  title: 'State Department spokesman',
  surname: 'Price',
  outlet: 'Bloomberg',
  date: '2022',
  url: null,
  file: '/work/seeds/000_0af8d4bc5d39ec79.txt',
  kind: 'person',
};
const FIRST = { firstReference: true, quoteMarks: 'curly' as const };
const LATER = { firstReference: false, quoteMarks: 'curly' as const };

describe('citation styles (contract examples for the seed quote)', () => {
  it('ap, first reference: title and full name, period moved to a comma', () => {
    assert.equal(formatCitation(PRICE, 'ap', FIRST).inline, '“were candid, they were substantive,” State Department spokesman Ned Price said.');
  });

  it('ap, later reference: surname only', () => {
    assert.equal(formatCitation(PRICE, 'ap', LATER).inline, '“were candid, they were substantive,” Price said.');
  });

  it('ap-outlet', () => {
    assert.equal(
      formatCitation(PRICE, 'ap-outlet', FIRST).inline,
      '“were candid, they were substantive,” State Department spokesman Ned Price said, according to Bloomberg.',
    );
  });

  it('markdown-link: relative link to the file when there is no URL', () => {
    const c = formatCitation(PRICE, 'markdown-link', { ...FIRST, draftPath: '/work/drafts/story.md' });
    assert.equal(c.inline, '“were candid, they were substantive,” State Department spokesman Ned Price said, according to [Bloomberg](../seeds/000_0af8d4bc5d39ec79.txt).');
  });

  it('markdown-link: the article URL when it gives one', () => {
    const c = formatCitation({ ...PRICE, url: 'https://example.com/a b' }, 'markdown-link', FIRST);
    assert.equal(c.inline, '“were candid, they were substantive,” State Department spokesman Ned Price said, according to [Bloomberg](https://example.com/a%20b).');
  });

  it('footnote: quote unchanged, definition with speaker, title, outlet, date and file', () => {
    const c = formatCitation(PRICE, 'footnote', { ...FIRST, footnoteNumber: 1 });
    assert.equal(c.inline, '“were candid, they were substantive.”[^1]');
    assert.equal(c.footnote, '[^1]: Ned Price, State Department spokesman, quoted by Bloomberg, 2022 (000_0af8d4bc5d39ec79.txt).');
  });

  it('footnote numbers continue the document', () => {
    const n = nextFootnoteNumber('Text.[^1] More.[^3]\n\n[^1]: a\n[^3]: b\n');
    assert.equal(n, 4);
    assert.equal(formatCitation(PRICE, 'footnote', { ...FIRST, footnoteNumber: n }).inline, '“were candid, they were substantive.”[^4]');
    assert.equal(nextFootnoteNumber('no notes'), 1);
  });

  it('custom template fills every placeholder and leaves unknown ones', () => {
    const c = formatCitation(PRICE, 'custom', { ...FIRST, template: '${quote}|${speaker}|${surname}|${title}|${outlet}|${date}|${url}|${file}|${nope}' });
    assert.equal(c.inline, 'were candid, they were substantive.|Ned Price|Price|State Department spokesman|Bloomberg|2022||/work/seeds/000_0af8d4bc5d39ec79.txt|${nope}');
  });

  it('straight quote marks when the document uses them', () => {
    assert.equal(formatCitation(PRICE, 'ap', { ...LATER, quoteMarks: 'straight' }).inline, '"were candid, they were substantive," Price said.');
  });
});

describe('AP joining punctuation', () => {
  it('keeps a question or exclamation mark and adds no comma', () => {
    assert.equal(formatCitation({ ...PRICE, text: 'Is it over?' }, 'ap', LATER).inline, '“Is it over?” Price said.');
    assert.equal(formatCitation({ ...PRICE, text: 'No way!' }, 'ap', LATER).inline, '“No way!” Price said.');
  });

  it('adds a comma after a partial quote without punctuation, keeping its lower case', () => {
    assert.equal(formatCitation({ ...PRICE, text: 'in-depth and constructive' }, 'ap', LATER).inline, '“in-depth and constructive,” Price said.');
  });

  it('keeps an existing comma, and an ellipsis', () => {
    assert.equal(joinBeforeAttribution('in-depth and constructive,'), 'in-depth and constructive,');
    assert.equal(joinBeforeAttribution('and so on…'), 'and so on…,');
  });

  it('moves the period inside a nested closing quote', () => {
    assert.equal(joinBeforeAttribution('he called it ‘a disaster.’'), 'he called it ‘a disaster,’');
  });

  it('never changes the words: only trailing punctuation differs (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), (text) => {
        const joined = joinBeforeAttribution(text);
        const strip = (s: string): string => s.replace(/[\s.,;:!?…'’"”—–-]+$/u, '');
        assert.equal(strip(joined), strip(text));
      }),
    );
  });
});

describe('speakers that are not people, and no speaker', () => {
  it('an organisation keeps its name on later references', () => {
    const china: CitationInput = { ...PRICE, text: 'in-depth and constructive,', speaker: 'China', title: null, surname: 'China', kind: 'organization' };
    assert.equal(formatCitation(china, 'ap', FIRST).inline, '“in-depth and constructive,” China said.');
    assert.equal(formatCitation(china, 'ap', LATER).inline, '“in-depth and constructive,” China said.');
  });

  it('a description speaker stays as written', () => {
    const paper: CitationInput = { ...PRICE, speaker: 'the newspaper', title: null, surname: null, kind: 'description' };
    assert.equal(formatCitation(paper, 'ap', LATER).inline, '“were candid, they were substantive,” the newspaper said.');
  });

  it('no speaker: attributed to the outlet, never to a guessed person', () => {
    const anon: CitationInput = { ...PRICE, speaker: null, title: null, surname: null, kind: null };
    assert.equal(formatCitation(anon, 'ap', FIRST).inline, '“were candid, they were substantive,” according to Bloomberg.');
    assert.equal(formatCitation(anon, 'footnote', FIRST).footnote, '[^1]: Quoted by Bloomberg, 2022 (000_0af8d4bc5d39ec79.txt).');
  });

  it('no speaker and no outlet: attributed to the file', () => {
    const bare: CitationInput = { ...PRICE, speaker: null, title: null, surname: null, outlet: null, kind: null };
    assert.equal(formatCitation(bare, 'ap', FIRST).inline, '“were candid, they were substantive,” according to 000_0af8d4bc5d39ec79.txt.');
  });

  it('a person without a title: full name first, surname later', () => {
    const p: CitationInput = { ...PRICE, title: null };
    assert.equal(formatCitation(p, 'ap', FIRST).inline, '“were candid, they were substantive,” Ned Price said.');
  });
});

describe('sentence citations (Search Sources)', () => {
  const s = { text: 'Xie Feng met the envoys on Sunday and Monday.', outlet: 'Bloomberg', date: '2022', url: null, file: '/x/a.txt' };
  it('attributes the facts to the outlet', () => {
    assert.equal(formatSentenceCitation(s, 'ap', FIRST).inline, 'Xie Feng met the envoys on Sunday and Monday, according to Bloomberg.');
  });
  it('moves the period inside a closing quote', () => {
    const q = { ...s, text: 'They discussed “strengthening exchanges.”' };
    assert.equal(formatSentenceCitation(q, 'ap', FIRST).inline, 'They discussed “strengthening exchanges,” according to Bloomberg.');
  });
  it('footnote and markdown-link', () => {
    const f = formatSentenceCitation(s, 'footnote', { ...FIRST, footnoteNumber: 2 });
    assert.equal(f.inline, 'Xie Feng met the envoys on Sunday and Monday.[^2]');
    assert.equal(f.footnote, '[^2]: Bloomberg, 2022 (a.txt).');
    assert.equal(formatSentenceCitation(s, 'markdown-link', { ...FIRST, draftPath: '/x/d.md' }).inline, 'Xie Feng met the envoys on Sunday and Monday, according to [Bloomberg](a.txt).');
  });
});

describe('reading the draft', () => {
  it('detects the document’s quotation marks', () => {
    assert.equal(detectQuoteMarks('He said "yes" and "no".'), 'straight');
    assert.equal(detectQuoteMarks('He said “yes”.'), 'curly');
    assert.equal(detectQuoteMarks('No quotes at all.'), 'curly');
  });

  it('first reference: no name form earlier in the document, as a whole word', () => {
    const draft = 'The price of oil rose. Later, Ned Price spoke.';
    assert.equal(isFirstReference(draft, ['Ned Price', 'Price'], 10), true);
    assert.equal(isFirstReference(draft, ['Ned Price', 'Price'], draft.length), false);
    assert.equal(isFirstReference('Pricey things.', ['Price'], 14), true);
  });
});
