import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article';
import { FEATURES, THRESHOLD, plainlySpeech, quoteFeatures, quoteScore } from '../../src/core/quoteFilter';
import type { RawQuote } from '../../src/core/quoteMarks';
import type { Attribution } from '../../src/core/attribution';

// Invented sentences and names only.
const quotesOf = (text: string): string[] => parseArticle('fixture.txt', text).quotes.map((q) => q.text);

describe('quote filter (which quote-mark spans are quotes)', () => {
  it('drops a scare quote nobody is said to have said', () => {
    assert.deepEqual(quotesOf('The ferry resumed service in May.\n\nIts “pilot” schedule ended after two weeks, and the old timetable came back.\n'), []);
    assert.deepEqual(quotesOf('The town council met on Tuesday.\n\nThe mayor’s “plan” was delayed again by heavy rain, and the vote moved to March.\n'), []);
  });

  it('keeps a quote in the first person even with no speaker found', () => {
    const a = parseArticle('fixture.txt', 'The ferry resumed service in May.\n\nThe letter ended: “We owe our neighbours a working ferry.”\n');
    assert.deepEqual(
      a.quotes.map((q) => [q.text, q.speaker]),
      [['We owe our neighbours a working ferry.', null]],
    );
  });

  it('drops a show title after a possessive and keeps the quote next to it', () => {
    assert.deepEqual(quotesOf('Ines Marlow was a guest on Radio Delta’s “Harbor Lights” last week.\n\n“We need two more boats,” she said.\n'), ['We need two more boats,']);
  });

  it('keeps a short title-case quote that a speaker says', () => {
    const a = parseArticle('fixture.txt', '“Never Again,” Holt said of the flood.\n');
    assert.deepEqual(
      a.quotes.map((q) => [q.text, q.speaker]),
      [['Never Again,', 'Holt']],
    );
  });

  it('keeps the speech and drops the slogan in one article', () => {
    const text =
      'Ferry captain Ines Marlow has run the crossing for a decade. The company’s “safety first” slogan hangs in every cabin.\n\n' +
      '“I have never missed a day, and I do not plan to start now,” Marlow said.\n';
    const a = parseArticle('fixture.txt', text);
    assert.deepEqual(
      a.quotes.map((q) => [q.text, q.speaker]),
      [['I have never missed a day, and I do not plan to start now,', 'Ines Marlow']],
    );
  });

  it('keeps a title or a scare quote inside what someone holds or likes, drops one the writer uses', () => {
    assert.deepEqual(quotesOf('Dana Holt enjoys “Harbor Lights” on Sunday nights.\n'), ['Harbor Lights']);
    assert.deepEqual(quotesOf('The council heralded the vote as a “breakthrough” for the island.\n'), ['breakthrough']);
    // The marks qualify the noun after them, or the writer speaks: nobody's reported words.
    assert.deepEqual(quotesOf('The town tried a “quiet hours” rule last summer.\n'), []);
    assert.deepEqual(quotesOf('I watched the “expert” panel from my kitchen.\n'), []);
  });

  it('tells the clause a verb of saying opens from a phrase hanging on the verb', () => {
    const featuresOf = (text: string): Record<string, number> => {
      const start = text.indexOf('Harbor');
      const end = text.indexOf('”', start);
      const raw: RawQuote[] = [{ start, end, open: start - 1, close: end + 1, closed: true, paragraph: 0, continued: false, mark: 'double' }];
      const [row] = quoteFeatures({
        text,
        raw,
        attributions: [{ speaker: null, speakerMention: null, cue: null }],
        sentences: [{ start: 0, end: text.length, paragraph: 0 }],
        paragraphs: [{ start: 0, end: text.length }],
        mentions: [{ start: 0, end: 9 }],
      });
      return Object.fromEntries(FEATURES.map((name, j) => [name, row![j]]));
    };
    const inside = featuresOf('Dana Holt said she watches “Harbor Lights” every week.');
    assert.equal(inside.cueThenClause, 1);
    assert.equal(inside.cueThenPhrase, 0);
    const beside = featuresOf('Dana Holt said Tuesday on Channel Nine’s “Harbor Lights” that the ferry would run.');
    assert.equal(beside.cueThenClause, 0);
    assert.equal(beside.cueThenPhrase, 1);
    assert.equal(featuresOf('Dana Holt told “Harbor Lights” the ferry would run.').cueThenPhrase, 1);
    const tail = featuresOf('The new “Harbor Lights” timetable is a mess for the crews, the union said.');
    assert.equal(tail.tailCue, 1);
    assert.equal(tail.modifierUse, 1);
    assert.equal(featuresOf('Dana Holt, a host on the show “Harbor Lights,” retired.').mediaContext, 1);
  });

  it('never keeps markup debris, however much it reads like speech', () => {
    assert.deepEqual(quotesOf('<tweet author=“Ines Marlow said we need more boats and crews”>Boats now.</tweet>\n'), []);
  });

  it('a closed quote of 8+ words with a speaker is plain speech; shorter, open or with a mark inside is weighed', () => {
    const text = 'We will add two boats and a night crossing soon. Hi there. Two “boats. Marlow';
    const q = (start: number, end: number, closed = true): RawQuote => ({ start, end, open: start - 1, close: end + 1, closed, paragraph: 0, continued: false, mark: 'double' });
    const said: Attribution = { speaker: 'Ines Marlow', speakerMention: { start: 70, end: 76 }, cue: 'said' };
    const nobody: Attribution = { speaker: null, speakerMention: null, cue: null };
    const long = q(0, 48);
    assert.equal(plainlySpeech(text, long, said), true);
    assert.equal(plainlySpeech(text, long, nobody), false);
    assert.equal(plainlySpeech(text, q(0, 48, false), said), false);
    assert.equal(plainlySpeech(text, q(49, 58), said), false);
    assert.equal(plainlySpeech(text, q(0, 70), said), false, 'a mark inside');
  });

  it('has a weight for every feature and scores each weighed span', () => {
    const text = 'Dana Holt appeared on Channel Nine’s “Morning Harbor” to talk about the budget.\n';
    const a = parseArticle('fixture.txt', text);
    assert.deepEqual(a.quotes, []);
    const start = text.indexOf('Morning');
    const raw: RawQuote[] = [{ start, end: start + 'Morning Harbor'.length, open: start - 1, close: start + 15, closed: true, paragraph: 0, continued: false, mark: 'double' }];
    const rows = quoteFeatures({
      text,
      raw,
      attributions: [{ speaker: null, speakerMention: null, cue: null }],
      sentences: [{ start: 0, end: text.length - 1, paragraph: 0 }],
      paragraphs: [{ start: 0, end: text.length - 1 }],
      mentions: [{ start: 0, end: 9 }],
    });
    assert.equal(rows[0]!.length, FEATURES.length);
    assert.ok(Number.isFinite(quoteScore(rows[0]!)));
    assert.ok(quoteScore(rows[0]!) <= THRESHOLD, 'a title after a possessive is not a quote');
  });
});
