// One article may name one person several ways; hover cards and search should show one person, and a
// bare surname should not be torn between the variants.
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article';
import { speakerOf } from './attributionFixture';
import { peopleJson } from '../../src/cli/commands/people';

const people = (text: string): string[] => parseArticle('fixture.txt', 'Headline\n\n' + text).people.map((p) => p.name).sort();

describe('one person named several ways', () => {
  it('accents, a middle initial or name, and a short given name are one person, under the first name found', () => {
    assert.deepEqual(people('François Hollande spoke in Paris. Later Francois Hollande left.'), ['François Hollande']);
    assert.deepEqual(people('Donald J. Trump spoke in Ohio. Supporters of Donald Trump cheered.'), ['Donald J. Trump']);
    assert.deepEqual(people('Vice President Joseph R. Biden Jr. spoke. Joe Biden Jr. left.'), ['Joseph R. Biden Jr.']);
    assert.deepEqual(people('Hillary Rodham Clinton spoke. Hillary Clinton left.'), ['Hillary Rodham Clinton']);
  });

  it('a bare surname after both variants goes to the one person', () => {
    const text = 'Donald J. Trump spoke in Ohio. Supporters of Donald Trump cheered.\n\n“We will win,” Trump said.';
    assert.equal(speakerOf(text, 'We will win'), 'Donald J. Trump');
  });

  it('guard: different middle names, a different suffix, or "George Bush" keep people apart', () => {
    assert.deepEqual(people('George W. Bush and George H.W. Bush both spoke.'), ['George H.W. Bush', 'George W. Bush']);
    assert.deepEqual(people('Donald Trump and Donald Trump Jr. both spoke.'), ['Donald Trump', 'Donald Trump Jr.']);
    assert.deepEqual(people('George W. Bush spoke at the party the first President George Bush gave.'), ['George Bush', 'George W. Bush']);
  });
});

describe('sourcebook people: one person under two spellings across sources', () => {
  it('lists "Donald Trump" from one source under "Donald J. Trump" from another, with both quotes', () => {
    const a = parseArticle('a.md', '# Ohio\n\nDonald J. Trump spoke on Monday. “We are going to win so much,” Mr. Trump said.');
    const b = parseArticle('b.md', '# Iowa\n\nDonald Trump held a rally. “The wall will be built,” Trump said.');
    const { people: listed } = peopleJson([a, b]);
    assert.deepEqual(listed.map((p) => p.name), ['Donald J. Trump']);
    assert.equal(listed[0].quoteCount, 2);
    assert.ok(listed[0].aliases.includes('Donald Trump'));
    assert.deepEqual([...new Set(listed[0].mentions.map((m) => m.path))], ['a.md', 'b.md']);
  });
});
