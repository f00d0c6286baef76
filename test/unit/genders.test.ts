// What the text itself says about a person's gender, for "he said"/"she said": an honorific, a title that
// states it, or a "he"/"she" already attributed to the person, read when the given name is not in the
// lexicon. Each fixture fails without its rule.
import * as assert from 'node:assert/strict';
import { genderOfTitle } from '../../src/core/people';
import { speakerOf } from './attributionFixture';

describe('genders the text states', () => {
  it('"Ms." and "Mr." tell "she said" which of two unknown given names it is', () => {
    const text =
      'Adaeze Okafor, the county budget director, defended the plan. “It balances,” Ms. Okafor said.\n\n' +
      'Tunde Bello, a council member, objected. “We cannot afford it,” Mr. Bello said.\n\n' +
      '“Yes, we can,” she said.';
    assert.equal(speakerOf(text, 'Yes, we can'), 'Adaeze Okafor');
  });

  it('a title that states it ("spokesman") does the same', () => {
    const text =
      'Kiran Rao, the campaign’s manager, defended the ad. “It is accurate,” Rao said.\n\n' +
      'Rival campaign spokesman Sunil Mehta disagreed. “It is a smear,” Mehta said.\n\n' +
      '“We stand by every word,” she said.';
    assert.equal(speakerOf(text, 'We stand by'), 'Kiran Rao');
  });

  it('a "he" the text already gave to an unknown given name passes that person by for a later "she"', () => {
    const text =
      '“This is the best plan in a generation,” said Mayor Adaeze Okafor.\n\n' +
      'Council member Raj Patel called it “a blank check.” He added: “We will pay for this for thirty years.”\n\n' +
      'Okafor said the line would open in 2029. “We are not going to wait,” she said.';
    assert.equal(speakerOf(text, 'We are not going'), 'Adaeze Okafor');
  });

  it('with no honorific and no such title the pronoun still goes to the most recent speaker', () => {
    const text =
      'Adaeze Okafor, the county budget director, defended the plan. “It balances,” Okafor said.\n\n' +
      '“Yes, we can,” she said.';
    assert.equal(speakerOf(text, 'Yes, we can'), 'Adaeze Okafor');
  });

  it('reads the title’s own words, not a possessive that belongs to someone else', () => {
    assert.equal(genderOfTitle('White House spokeswoman'), 'f');
    assert.equal(genderOfTitle('the senator’s husband'), 'm');
    assert.equal(genderOfTitle('her adviser'), null);
    assert.equal(genderOfTitle('his campaign manager'), null);
    assert.equal(genderOfTitle('chairman of the board and his wife'), null);
  });
});

describe('a pronoun after a paragraph’s named subject', () => {
  it('"he" after a sentence the named person opens is that person, past a compatible name of another', () => {
    const text =
      'Board Chair Tom Ruiz called the levy “the best we could do.”\n\n' +
      'The levy drew criticism from the county executive, Sunita Rao. In a statement, Rao said the board had “ignored the people it serves.”\n\n' +
      'Ruiz dismissed Rao’s criticism. “She wasn’t in the room,” he told reporters.';
    assert.equal(speakerOf(text, 'She wasn’t'), 'Tom Ruiz');
  });

  it('guard: a subject of the other gender leaves the pronoun to the other rules', () => {
    const text = 'Tom Ruiz chairs the board. Mary Lee spoke first.\n\nRuiz dismissed the criticism. “She wasn’t in the room,” she told reporters.';
    assert.notEqual(speakerOf(text, 'She wasn’t'), 'Tom Ruiz');
  });
});
