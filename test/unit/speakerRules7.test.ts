// Speaker attribution rules, seventh set (speaker recall on PolNeAR train), each on a short made-up fixture that
// fails without its rule, with guards where a rule could reach too far.
import * as assert from 'node:assert/strict';
import { mentionOf, speakerOf } from './attributionFixture';

describe('speaker rules (seventh set)', () => {
  it('later-clause-honorific: “…,” as his brother hoped, Mr. Turry said. — the name after the honorific', () => {
    const text = "Robert Turry ran the bakery for years. ''It was going to be ours,'' as his brother hoped, Mr. Turry said. ''We would bake every night.''";
    assert.equal(mentionOf(text, 'It was going to be ours'), 'Turry');
    assert.equal(speakerOf(text, 'It was going to be ours'), 'Robert Turry');
    // (The speaker carries to the next quote of the paragraph.)
    assert.equal(speakerOf(text, 'We would bake'), 'Robert Turry');
  });

  it('later-clause-honorific guard: the honorific’s name inside the "as" clause is not the speaker', () => {
    const text = 'Robert Turry ran the bakery for years. “It was going to be ours,” as Mr. Turry hoped, his brother said.';
    assert.notEqual(speakerOf(text, 'It was going to be ours'), 'Robert Turry');
  });

  it('after-said-end: initials and abbreviations in the inverted attribution ending the sentence', () => {
    const initials = 'The ferry will stop in May. The levy was “a fair price for a lifeline” to the island, said Ann B. Lee, the board’s treasurer, on Monday.';
    assert.equal(mentionOf(initials, 'a fair price'), 'Ann B. Lee');
    const state = 'The ferry will stop in May. “Nobody will ride it now” after the fare rise, says Thomas Ruiz, a harbor pilot from Alexandria, Va.';
    assert.equal(mentionOf(state, 'Nobody will ride'), 'Thomas Ruiz');
  });

  it('after-said-end guard: "said in a statement, on Monday, that …" names no one', () => {
    const text = 'The ferry will stop in May. “Nobody will ride it now” after the fare rise, said in a statement, on Monday, that it would close.';
    assert.equal(mentionOf(text, 'Nobody will ride'), null);
  });

  it('opening phrase: a place’s state set off by commas ("At a rally in Ames, Iowa, on Sunday, …") belongs to the phrase', () => {
    const text = 'The ferry will stop in May. At a rally in Ames, Iowa, on Sunday, Ann Lee backed the plan, saying that the mayor would “make it work.”';
    assert.equal(mentionOf(text, 'make it work'), 'Ann Lee');
  });

  it('opening phrase guard: a named person after the place’s comma stays the subject', () => {
    const text = 'The ferry will stop in May. In Dover, Thomas Ruiz, the mayor, backed the plan, saying that the board would “make it work.”';
    assert.equal(mentionOf(text, 'make it work'), 'Thomas Ruiz');
  });

  it("paragraph opening with ''…'': a quote left open goes on into the next paragraph (continued-paragraph)", () => {
    const text = "''We kept the ferry running for forty years,'' Ann Lee said. ''It was hard work and long nights on the water.\n\n''But the island needs the ferry, and we will not give it up.''";
    assert.equal(mentionOf(text, 'But the island needs'), 'Ann Lee');
  });

  it("paragraph opening with ''…'': a paragraph of nothing but a quote takes the previous paragraph's speaker (next-paragraph)", () => {
    const text = "''We kept the ferry running for forty years,'' said Ann Lee, the harbor master.\n\n''The island needs the ferry, and we will not give it up.''";
    assert.equal(mentionOf(text, 'The island needs'), 'Ann Lee');
  });

  it("paragraph opening with ''…'' guard: not after a paragraph that goes on past its quote's sentence", () => {
    const text =
      "''We kept the ferry running for forty years,'' said Ann Lee, the harbor master. The board voted against her plan on Tuesday, and the mayor, who had backed the levy from the start, called the vote a mistake in a long letter.\n\n''The island needs the ferry, and we will not give it up.''";
    assert.equal(mentionOf(text, 'The island needs'), null);
  });
});
