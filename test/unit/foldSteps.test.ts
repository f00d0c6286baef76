// The folding of the word indexes after a bulk load, in steps (SourceIndex.optimizeSteps):
// the extension's indexer runs it between other work, so it must give exactly what
// optimize() gives, and stay right when articles come or searches run between two steps
// (the indexer starts it while the last files of a bulk load are still being parsed).
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article';
import { encodeIndexSnapshot } from '../../src/core/cache';
import { SourceIndex } from '../../src/core/sourceIndex';
import type { Article } from '../../src/core/types';

// Invented words: enough articles that the sentences' postings need several steps (about 65,000 a step).
const WORDS = 'harbor ferry council dredging contract season budget pier tide vote board crew island lighthouse channel permit repair storm fare dock'.split(' ');

function article(n: number): Article {
  const paragraphs: string[] = [`Harbor report ${n}`, ''];
  for (let p = 0; p < 6; p++) {
    const words: string[] = [];
    for (let w = 0; w < 40; w++) words.push(`${WORDS[(n * 7 + p * 13 + w * 3) % WORDS.length]}${(n + w) % 11}`);
    paragraphs.push(`Officer Quinby Marchetti said the ${words.join(' ')} would wait.`, '');
  }
  paragraphs.push(`“The ferry${n} runs at dawn,” Marchetti said.`);
  return parseArticle(`/src/${String(n).padStart(4, '0')}.md`, paragraphs.join('\n'));
}

const ARTICLES = Array.from({ length: 320 }, (_, n) => article(n));
const LATE = article(9999);
const QUERIES = ['ferry3 runs', 'dredging4 contract', 'harbor report 12', 'Marchetti', 'lighthouse7', 'ferry9999'];

function answers(index: SourceIndex): unknown {
  return {
    quotes: QUERIES.map((q) => index.searchQuotes(q, 10).map((r) => [r.quote.id, r.score])),
    sentences: QUERIES.map((q) => index.searchSentences(q, 10).map((r) => [r.article.path, r.text, r.score])),
    stats: index.stats(),
  };
}

function loaded(articles: Article[]): SourceIndex {
  const index = new SourceIndex();
  for (const a of articles) index.setArticle(a);
  return index;
}

describe('folding the word indexes in steps', () => {
  it('gives what optimize() gives, in more than one step', () => {
    const whole = loaded(ARTICLES);
    whole.optimize();
    const stepped = loaded(ARTICLES);
    let steps = 0;
    for (const _ of stepped.optimizeSteps()) steps++;
    assert.ok(steps > 2, `only ${steps} steps`);
    assert.deepEqual(encodeIndexSnapshot(stepped.snapshot()), encodeIndexSnapshot(whole.snapshot()));
    assert.deepEqual(answers(stepped), answers(whole));
  });

  /** How many steps a whole fold of ARTICLES takes (the sentences' fold, the bulk of it, comes last). */
  function stepCount(): number {
    let steps = 0;
    for (const _ of loaded(ARTICLES).optimizeSteps()) steps++;
    return steps;
  }

  it('goes on when an article is added between two steps, leaving its postings for the next fold', () => {
    const expected = loaded([...ARTICLES, LATE]);
    expected.optimize();
    const index = loaded(ARTICLES);
    const steps = index.optimizeSteps();
    // Inside the sentences' fold.
    const left = stepCount() - 2;
    for (let k = left; k > 0; k--) steps.next();
    index.setArticle(LATE);
    // The fold finishes what it began (the indexer starts it while its last files are parsed) …
    let rest = 0;
    while (!steps.next().done) rest++;
    assert.equal(rest, stepCount() - left);
    // … searches find the late article through the log …
    assert.deepEqual(answers(index), answers(expected));
    // … and the next fold gives what one fold of everything gives.
    index.optimize();
    assert.deepEqual(encodeIndexSnapshot(index.snapshot()), encodeIndexSnapshot(expected.snapshot()));
    assert.deepEqual(answers(index), answers(expected));
  });

  it('stops when a search folds the index between two steps, and the index stays right', () => {
    const expected = loaded(ARTICLES);
    expected.optimize();
    const index = loaded(ARTICLES);
    const steps = index.optimizeSteps();
    for (let k = stepCount() - 2; k > 0; k--) steps.next();
    // A search folds what it needs at once; the fold in steps then has nothing left that is its own.
    assert.deepEqual(index.searchSentences('ferry3 runs', 10).map((r) => r.text), expected.searchSentences('ferry3 runs', 10).map((r) => r.text));
    assert.equal(steps.next().done, true);
    assert.deepEqual(answers(index), answers(expected));
    assert.deepEqual(encodeIndexSnapshot(index.snapshot()), encodeIndexSnapshot(expected.snapshot()));
  });
});
