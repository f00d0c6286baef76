// What the text itself says about a person's gender, for "he said"/"she said": an honorific or a title that
// states it, read when the given name is not in the lexicon. Each fixture fails without its rule.
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
