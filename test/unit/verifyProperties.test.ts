// Properties of the verifier on random and adversarial drafts (fast-check).
// What verifyDraft and findDraftQuotes promise (src/core/verify.ts, draft.ts):
// they never throw; every finding's [start, end) lies inside the draft and
// slices to its `text`; a source reference lies inside its article; a
// misquote carries the source's wording. And the two judgements a reporter
// relies on most: a source quote copied verbatim under its speaker's name is
// verified, and one with a word changed is never called verified.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { loadSources } from '../../src/core/sources';
import { articleSource, findDraftQuotes, verifyDraft, type Finding, type QuoteSource } from '../../src/core/verify';
import type { Article } from '../../src/core/types';

const projectRoot = path.resolve(__dirname, '..', '..', '..');
const KINDS = new Set(['verified', 'misquote', 'misattributed', 'unsourced']);

describe('verifier properties (fast-check)', () => {
  let articles: Article[];
  let source: QuoteSource;
  let attributed: { text: string; speaker: string }[];

  before(() => {
    const loaded = loadSources([path.join(projectRoot, 'seeds'), path.join(projectRoot, 'test', 'extension', 'workspace', 'sources'), path.join(projectRoot, 'test', 'fixtures', 'verify')]);
    articles = loaded.articles;
    assert.ok(articles.length >= 3, `sources loaded: ${articles.map((a) => a.path).join(', ')}`);
    source = articleSource(articles);
    // Quotes of at least five words with a person as speaker: long enough to be judged on their own.
    attributed = articles.flatMap((a) =>
      a.quotes
        .filter((q) => q.speaker && a.people.some((p) => p.name === q.speaker) && q.text.split(/\s+/).length >= 5)
        .map((q) => ({ text: q.text, speaker: q.speaker as string })),
    );
    assert.ok(attributed.length >= 3, `attributed quotes: ${attributed.length}`);
  });

  /** What every finding must satisfy, whatever the draft. */
  function assertFindingsWellFormed(draft: string, findings: Finding[]): void {
    let previousStart = -1;
    for (const f of findings) {
      assert.ok(KINDS.has(f.kind), f.kind);
      assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end) && 0 <= f.start && f.start <= f.end && f.end <= draft.length, `span ${f.start}-${f.end} in ${draft.length}`);
      assert.equal(draft.slice(f.start, f.end), f.text);
      assert.ok(f.start >= previousStart, 'findings in draft order');
      previousStart = f.start;
      if (f.kind === 'misquote') assert.equal(typeof f.expected, 'string');
      if (f.kind === 'unsourced') assert.equal(f.source, null);
      if (f.source) {
        const article = articles.find((a) => a.path === f.source!.path);
        assert.ok(article, `the source ${f.source.path} is one of the articles`);
        assert.ok(0 <= f.source.start && f.source.start <= f.source.end && f.source.end <= article.text.length, `source span ${f.source.start}-${f.source.end}`);
      }
    }
  }

  function assertDraftQuotesWellFormed(draft: string): void {
    for (const q of findDraftQuotes(draft)) {
      assert.ok(0 <= q.start && q.start <= q.end && q.end <= draft.length);
      assert.equal(draft.slice(q.start, q.end), q.text);
      if (q.attribution) assert.ok(0 <= q.attribution.start && q.attribution.start <= q.attribution.end && q.attribution.end <= draft.length);
    }
  }

  // Drafts built from the pieces that matter to the verifier: marks of every
  // kind, attribution words, names, words of real source quotes, gaps.
  const piece = () =>
    fc.oneof(
      fc.constantFrom('“', '”', '"', '‘', '’', "'", '«', '»', '„', '…', '...', '[', ']', ' said ', ' says ', ', ', '. ', '\n\n', '\r\n', '\r', '—', ' he said', ' she said.'),
      fc.constantFrom('Ned Price', 'Price', 'Wang', 'Wang Wenbin', 'China', 'Mayor Alma Ortiz', 'Ortiz', 'State Department spokesman'),
      fc.constantFrom('were', 'candid', 'they', 'substantive', 'compete', 'vigorously', 'ferry', 'fares', 'the', 'and'),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
      fc.constantFrom('\u202e', '\u0000', '\u0007', '\ufffd', '\ud800', '𝒜', 'e\u0301', '<script>', '](command:x)'),
    );
  const draftArb = fc.array(piece(), { maxLength: 80 }).map((parts) => parts.join(''));

  it('never throws on random drafts; every span is exact', () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        assertDraftQuotesWellFormed(draft);
        assertFindingsWellFormed(draft, verifyDraft(draft, source));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on drafts made of source quotes cut, spliced and re-quoted', () => {
    const spliced = fc
      .tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.constantFrom('“', '"', '‘', ''), fc.constantFrom('”', '"', '’', ''), fc.constantFrom('', ' Price said.', ', Wang said', ' — he said'))
      .map(([a, b, from, len, open, close, tail]) => {
        const qa = attributed[a % attributed.length].text;
        const qb = attributed[b % attributed.length].text;
        const start = from % (qa.length + 1);
        return `${open}${qa.slice(start, start + (len % 200))} ${qb}${close}${tail}`;
      });
    fc.assert(
      fc.property(fc.array(spliced, { minLength: 1, maxLength: 6 }), (parts) => {
        const draft = parts.join(' ');
        assertDraftQuotesWellFormed(draft);
        assertFindingsWellFormed(draft, verifyDraft(draft, source));
      }),
      { numRuns: 300 },
    );
  });

  it('verifies every source quote copied verbatim under its speaker’s name', () => {
    fc.assert(
      fc.property(fc.nat(), fc.boolean(), (i, straight) => {
        const { text, speaker } = attributed[i % attributed.length];
        const [open, close] = straight ? ['"', '"'] : ['“', '”'];
        const draft = `${speaker} said ${open}${text}${close}\n`;
        const findings = verifyDraft(draft, source);
        assertFindingsWellFormed(draft, findings);
        assert.equal(findings.length, 1, JSON.stringify(findings));
        assert.equal(findings[0].kind, 'verified', `${draft} -> ${JSON.stringify(findings[0])}`);
      }),
      { numRuns: 200 },
    );
  });

  it('never calls a quote verified when one of its words was changed to a word no source has', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.stringMatching(/^[a-z]{3,9}$/), (i, w, invented) => {
        const { text, speaker } = attributed[i % attributed.length];
        const words = text.split(/(\s+)/);
        const wordSlots = words.map((t, k) => (/\p{L}{3,}/u.test(t) ? k : -1)).filter((k) => k >= 0);
        fc.pre(wordSlots.length > 0);
        const slot = wordSlots[w % wordSlots.length];
        const replacement = `zq${invented}`;
        words[slot] = words[slot].replace(/\p{L}+/u, replacement);
        const changed = words.join('');
        fc.pre(changed !== text);
        const draft = `${speaker} said “${changed}”\n`;
        const findings = verifyDraft(draft, source);
        assertFindingsWellFormed(draft, findings);
        assert.equal(findings.length, 1);
        assert.notEqual(findings[0].kind, 'verified', `${draft} -> ${JSON.stringify(findings[0])}`);
        if (findings[0].kind === 'misquote') assert.ok(!findings[0].expected!.includes(replacement), 'the source’s wording does not contain the invented word');
      }),
      { numRuns: 200 },
    );
  });

  it('never calls a verbatim quote verified when the draft gives it to another person of the sources', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (i, j) => {
        const { text, speaker } = attributed[i % attributed.length];
        const other = attributed[j % attributed.length].speaker;
        const surname = (name: string) => name.split(' ').pop();
        fc.pre(other !== speaker && surname(other) !== surname(speaker));
        // The same words said by the other person too would make either name right.
        fc.pre(!attributed.some((q) => q.speaker === other && q.text === text));
        const draft = `${other} said “${text}”\n`;
        const findings = verifyDraft(draft, source);
        assertFindingsWellFormed(draft, findings);
        assert.equal(findings.length, 1);
        assert.equal(findings[0].kind, 'misattributed', `${draft} -> ${JSON.stringify(findings[0])}`);
        assert.equal(findings[0].speaker, speaker);
      }),
      { numRuns: 200 },
    );
  });

  it('copes with adversarial volume: thousands of quote marks, unclosed marks, one huge quote', function () {
    this.timeout(120_000);
    const cases: [string, string][] = [
      ['20,000 alternating marks', '“a” '.repeat(10_000)],
      ['10,000 opening marks', '“'.repeat(10_000)],
      ['an unclosed quote over 200 KB', `Price said “${'they were candid '.repeat(12_500)}`],
      ['one 200 KB quote', `Price said “${'were candid, they were substantive. '.repeat(6_000)}”`],
    ];
    for (const [label, draft] of cases) {
      const started = process.hrtime.bigint();
      const findings = verifyDraft(draft, source);
      console.log(`      [figure] verify ${label}: ${findings.length} findings, ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms`);
      assertFindingsWellFormed(draft, findings);
      assertDraftQuotesWellFormed(draft);
    }
  });
});
