import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article';

// Songs performed, terms after so-called, and titles after titled (quoteFilter's PERFORMED_BEFORE,
// SO_CALLED_BEFORE, TITLED_BEFORE); and what is kept or dropped beside them. Invented sentences and
// names only.
const quotesOf = (text: string): string[] => parseArticle('fixture.txt', text).quotes.map((q) => q.text);
const speakersOf = (text: string): [string, string | null][] => parseArticle('fixture.txt', text).quotes.map((q) => [q.text, q.speaker]);

describe('quote filter: songs, so-called terms and titled works', () => {
  it('drops a song named as what was performed or played (PERFORMED_BEFORE)', () => {
    assert.deepEqual(quotesOf('“The pier stays open,” Mayor Ines Marlow said on Friday, a few minutes after walking out to “Harbor Lights.” “So does the fish market.”\n'), [
      'The pier stays open,',
      'So does the fish market.',
    ]);
    // The second title of the list goes with the first (inListOfNames).
    assert.deepEqual(quotesOf('“It felt like home,” Ana Ruiz said of the concert, where the band played hits including “Salt Road” and “Gulls Over Dover.”\n'), ['It felt like home,']);
  });

  it('keeps words sung after a comma, which are no title', () => {
    assert.deepEqual(quotesOf('In the song, Dana Holt sings, “Don\'t leave the harbor tonight.”\n'), ["Don't leave the harbor tonight."]);
  });

  it('keeps a song someone sings, title-like or not: the singer voices its words', () => {
    assert.deepEqual(speakersOf('At the fish fry, the band leader called the council members to the stage, singing “Home Is the Harbor.” Nobody left.\n'), [['Home Is the Harbor.', 'the band leader']]);
    assert.deepEqual(quotesOf('Dana Holt sang “Tide Comes In” before the vote.\n'), ['Tide Comes In']);
  });

  it('drops a title made, staged or put out by someone (MADE_THING_AFTER)', () => {
    assert.deepEqual(quotesOf('Mayor Ines Marlow spoke about the ferry during a “Harbor Futures Forum” sponsored by the Gull Gazette and said she would run again.\n'), []);
    assert.deepEqual(quotesOf('The play is an adaptation of a show called “Dockhands,” written by a troupe from Lisbon, that ran for years.\n'), []);
    assert.deepEqual(quotesOf('In her memoir, “Salt and Rope,” published in 2015, Ana Ruiz described the pier.\n'), []);
  });

  it('guard: keeps words said before a lower-case word that is no participle of making', () => {
    assert.deepEqual(quotesOf('Ana Ruiz called the plan “A Gift to Developers” written large on every sign, and walked out.\n'), ['A Gift to Developers']);
    assert.deepEqual(quotesOf('“We Stay Open,” Published in bold, was the shop’s only sign, said Dana Holt.\n'), ['We Stay Open,']);
  });

  it('drops a term after so-called when nobody is said to speak (SO_CALLED_BEFORE)', () => {
    assert.deepEqual(quotesOf('The quarrel on the island is over the so-called “pier surcharge,” which adds two dollars to every ticket.\n'), []);
    assert.deepEqual(quotesOf('Fishermen now pay for the so-called “dock pass” before dawn.\n'), []);
  });

  it('keeps a so-called term in what someone said', () => {
    assert.deepEqual(speakersOf('Mr. Moss, the harbor master, said the so-called “harbor fee” was a tax on fishermen.\n'), [['harbor fee', 'Mr. Moss']]);
  });

  it('keeps a title after titled or entitled, whatever the model says (TITLED_BEFORE)', () => {
    assert.deepEqual(quotesOf('The harbor board circulated a two-page memo titled “Why the Ferry Must Stay” to its members.\n'), ['Why the Ferry Must Stay']);
    assert.deepEqual(quotesOf('Her first podcast episode, entitled, “Low Tide,” went out last week.\n'), ['Low Tide,']);
  });

  it('still drops a titled work that a plain rule drops (a dated poster)', () => {
    assert.deepEqual(quotesOf('The museum showed a poster titled “Harbor Dawn” (1998) beside the old nets.\n'), []);
  });

  it('drops a lone personal pronoun in marks: a word talked about, not said (isLonePronoun)', () => {
    assert.deepEqual(quotesOf('Why vote for the mayor, unless simply because “she” is a “he”? A loud, careless “he.” The council said the vote was “a farce.”\n'), ['a farce.']);
    assert.deepEqual(quotesOf('The rally was for the community, the “us,” that the mayor has courted for years.\n'), []);
  });

  it('guard: keeps a quote of a pronoun and more, and a lone “I”', () => {
    assert.deepEqual(quotesOf('“Them?” Ana Ruiz said. “They never came.”\n'), ['Them?', 'They never came.']);
    assert.deepEqual(quotesOf('Asked who had paid, Ana Ruiz said: “Them.”\n'), ['Them.']);
    assert.deepEqual(quotesOf('“I,” Dana Holt said, “will stay.”\n'), ['I,', 'will stay.']);
  });
});
