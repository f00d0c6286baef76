// Speaker attribution rules, eighth set (speaker precision on PolNeAR train), each on a short made-up fixture that
// fails without its rule, with a guard where the rule could reach too far.
import * as assert from 'node:assert/strict';
import { mentionOf, speakerOf } from './attributionFixture';

describe('speaker rules (eighth set)', () => {
  it('named-outer: a pronoun speaking inside what the named subject’s earlier verb reports is that named mention', () => {
    const text = 'The ferry will stop in May. Ann Lee noted that when she met the board last week she called the levy “a fair price for a lifeline.”';
    assert.equal(mentionOf(text, 'a fair price'), 'Ann Lee');
    assert.equal(speakerOf(text, 'a fair price'), 'Ann Lee');
  });

  it('named-outer guard: a pronoun opening a clause of its own after "but" keeps its own mention', () => {
    const text = 'The ferry will stop in May. Ann Lee said the board would vote soon, but she said the levy was “a fair price for a lifeline.”';
    assert.equal(mentionOf(text, 'a fair price'), 'she');
    assert.equal(speakerOf(text, 'a fair price'), 'Ann Lee');
  });

  it('named-outer guard: an outer verb in an opening subordinate clause does not speak for the main clause', () => {
    const text = 'The ferry will stop in May. When Ann Lee announced the levy, she called it “a fair price for a lifeline.”';
    assert.equal(mentionOf(text, 'a fair price'), 'she');
  });

  it('named-outer guard: a pronoun in a relative clause after the named subject’s verb keeps its own mention', () => {
    const text = 'The ferry will stop in May. Ann Lee said the board should drop the levy, which she described as “a fair price for a lifeline.”';
    assert.equal(mentionOf(text, 'a fair price'), 'she');
  });
});
