// Speaker attribution rules, third set (speaker recall on PolNeAR train at no cost in precision), each on a
// short made-up fixture that fails without its rule.
import * as assert from 'node:assert/strict';
import { mentionOf, speakerOf } from './attributionFixture';

describe('speaker rules (third set)', () => {
  it('embedded-direct: a verb of saying right before the quote speaks for it inside a "that" clause', () => {
    const text = 'The hearing on the pier grew so heated over the budget that Ann Lee said, “I feel like I need a translator.”';
    assert.equal(speakerOf(text, 'I feel like'), 'Ann Lee');
  });

  it('who-aside: the verb of a relative clause set off by commas is not the attribution’s', () => {
    const text = 'The pier closed in May.\n\n“They knew about the cracks for years,” a harbor official, who was not authorized to speak publicly, told reporters.';
    assert.equal(mentionOf(text, 'They knew'), 'a harbor official');
    const spoke = 'The pier closed in May.\n\n“They knew about the cracks for years,” a senior aide, who spoke on condition of anonymity, said.';
    assert.equal(mentionOf(spoke, 'They knew'), 'a senior aide');
  });

  it('plain-clause-owned: a noun of speech the subject’s possessive owns is no other speaker’s cue', () => {
    const text = 'Ann Lee has long pushed her promise of “a pier for every village” across the county.';
    assert.equal(speakerOf(text, 'a pier for'), 'Ann Lee');
  });

  it('plain-clause-as: a past-tense verb, its object and "as" before the quote', () => {
    const text = 'Ann Lee heralded the harbor deal as a “turning point for the town.” The deal runs for ten years.';
    assert.equal(speakerOf(text, 'turning point'), 'Ann Lee');
  });

  it('plain-clause-as: not after a noun ("appearances as the “…”")', () => {
    const text = 'Ann Lee spoke at the dinner. She is best known for appearances as the “harbor correspondent” on a radio show.';
    assert.equal(mentionOf(text, 'harbor correspondent'), null);
  });

  it('the sentence’s subject after an opening participle phrase', () => {
    const text = 'Reading from a prepared text, Ann Lee greeted the harbor crew, saying, “We could not have done it without them.”';
    assert.equal(speakerOf(text, 'We could not'), 'Ann Lee');
  });

  it('the sentence’s subject after two opening phrases', () => {
    const text = 'On Thursday, after a long silence on the pier, Ann Lee backed the harbor plan, saying, “The town needs it now.”';
    assert.equal(speakerOf(text, 'The town needs'), 'Ann Lee');
  });

  it('the sentence’s subject after a time phrase ending in "ago"', () => {
    const text = 'Ann Lee spoke at the dock on Monday. Eight years ago, she backed the harbor plan and said, “The town needs a pier.”';
    assert.equal(mentionOf(text, 'The town needs'), 'she');
  });

  it('lead-sentence: a quote that is a sentence of its own after a sentence whose person subject speaks', () => {
    const text = 'The pier reopened on Monday. Ann Lee praised the harbor crew at the ribbon cutting. “We could not have done it without them.” The crew worked through the winter.';
    assert.equal(speakerOf(text, 'We could not'), 'Ann Lee');
  });

  it('a describing subject with a hyphenated head ("the GOP front-runner said")', () => {
    const text = 'Ann Lee and Tom Ruiz met on Monday. Appearing on the radio, the GOP front-runner said the mayor had been “a disaster for the harbor” for years.';
    assert.equal(mentionOf(text, 'a disaster'), 'the GOP front-runner');
  });

  it('a described subject right after "said" gives way to the main clause’s subject', () => {
    const text = 'Ann Lee said the senator had referred to the mayor as the “harbor queen” of the county.';
    assert.equal(mentionOf(text, 'harbor queen'), 'Ann Lee');
  });
});
