// Speaker attribution rules, fourth set (speaker recall on PolNeAR train at no cost in precision), each on a
// short made-up fixture that fails without its rule, with guards where a rule could reach too far.
import * as assert from 'node:assert/strict';
import { mentionOf, speakerOf } from './attributionFixture';

describe('speaker rules (fourth set)', () => {
  it('which-aside: a describing subject before a relative "which" clause set off by commas', () => {
    const text = 'The complaint, which was filed in federal court on Monday, alleged that the harbor board “failed to act on the warnings.”';
    assert.equal(mentionOf(text, 'failed to act'), 'The complaint');
  });

  it('which-aside: not a phrase that does not open its clause', () => {
    const text = 'Ann Lee visited the pier, which opened in May, said to be “the finest in the county.”';
    assert.notEqual(mentionOf(text, 'the finest'), 'the pier');
  });

  it('naming-object: a verb of naming with an object pronoun before the quote is active ("called him “…”")', () => {
    const text = 'Ann Lee spoke at the pier on Monday, when many commentators called her “the harbor’s best friend” after the vote.';
    assert.equal(mentionOf(text, 'the harbor’s best'), 'many commentators');
  });

  it('naming-object: not the object of "of" ("critics of the plan called it")', () => {
    const text = 'Critics of the plan called it “a ferry to nowhere” on Monday.';
    assert.notEqual(mentionOf(text, 'a ferry to nowhere'), 'the plan');
  });

  it('person-in-place: an unnamed person and where they were, opening a "when" clause', () => {
    const text = 'When someone in the audience shouted, “Sell the ferry,” the mayor laughed.';
    assert.equal(mentionOf(text, 'Sell the ferry'), 'someone in the audience');
  });

  it('person-in-place: the quote of an opening "when" clause is not the main clause’s ("… yelled, “…,” Lee laughed")', () => {
    const text = 'When a man at the pier yelled, “Sell the ferry,” Ann Lee laughed.';
    assert.equal(mentionOf(text, 'Sell the ferry'), 'a man at the pier');
  });

  it('person-in-place: not a person phrase that is a verb’s object', () => {
    const text = 'Ann Lee spoke on Monday. She thanked a man at the pier and cheered, “Sell the ferry.”';
    assert.equal(mentionOf(text, 'Sell the ferry'), 'She');
  });

  it('colon-participle: a phrase, a participle of saying and a colon before the quote', () => {
    const text = 'The 30-second ad ends with a narrator saying: “The pier is falling down.”';
    assert.equal(mentionOf(text, 'The pier is falling'), 'a narrator');
  });

  it('contracted-pronoun: a pronoun with an auxiliary written onto it ("She’s predicting")', () => {
    const text = 'Ann Lee spoke at the pier. She’s predicting she will do “very, very well” in the vote.';
    assert.equal(mentionOf(text, 'very, very well'), 'She');
    assert.equal(speakerOf(text, 'very, very well'), 'Ann Lee');
  });

  it('prep-which: a pronoun subject of a relative clause after a preposition ("an interview in which she said")', () => {
    const text = 'Ann Lee gave an interview to the Gazette on Monday, in which she said the board had been “asleep at the wheel” for years.';
    assert.equal(mentionOf(text, 'asleep at the wheel'), 'she');
  });

  it('prep-which: not "it"', () => {
    const text = 'Ann Lee spoke at the pier. Later the board released a report in which it said the pier was “falling down.”';
    assert.equal(mentionOf(text, 'falling down'), null);
  });

  it('shot-back: "shot back" and "fired back" are verbs of saying', () => {
    const before = 'After Tom Ruiz criticized the budget, Ann Lee shot back, “The pier will not pay for itself.”';
    assert.equal(mentionOf(before, 'The pier will not'), 'Ann Lee');
    const after = '“The pier will not pay for itself,” Ann Lee fired back.';
    assert.equal(mentionOf(after, 'The pier will not'), 'Ann Lee');
  });

  it('shot-back: not a shot fired back at something', () => {
    const text = 'The harbor patrol fired back at the smugglers, who shouted “Never again” from the boat.';
    assert.notEqual(mentionOf(text, 'Never again'), 'The harbor patrol');
  });

  it('colon-name: a capitalised name that opens its sentence and a colon', () => {
    const text = 'Ferry fares rose again in May - Harbor Monitor: “The board raised fares for the third time this year.”';
    assert.equal(mentionOf(text, 'The board raised'), 'Harbor Monitor');
  });

  it('colon-name: not a label such as "Update:"', () => {
    const text = 'The pier closed. Update: “The board will meet on Friday.”';
    assert.equal(mentionOf(text, 'The board will meet'), null);
  });

  it('as-said-after: an "as" clause of saying a few words after the quote', () => {
    const text = 'The pier is a “fair deal for the town,” as Ann Lee said on Monday, and the board agreed.';
    assert.equal(mentionOf(text, 'fair deal'), 'Ann Lee');
    const by = 'The ferry was “late again” in the handling of the cargo — as described by the harbor master — and fares rose.';
    assert.equal(mentionOf(by, 'late again'), 'the harbor master');
  });

  it('as-said-after: not an "as" clause whose subject is no person', () => {
    const text = 'The crew painted the “Harbor Queen” as the board had asked, and the ferry sailed.';
    assert.equal(mentionOf(text, 'Harbor Queen'), null);
  });

  it('near-verb: a pronoun and its verb right before "and said" ("he laughed and said")', () => {
    const text = 'When Tom Ruiz, the mayor’s aide, was asked whether the pier would open, he laughed and said, “We’ll see.”';
    assert.equal(mentionOf(text, 'We’ll see'), 'he');
    assert.equal(speakerOf(text, 'We’ll see'), 'Tom Ruiz');
  });

  it('as-opening: an opening "as" clause of saying ("As Ann Lee put it, …", "As reported by …")', () => {
    const putIt = 'As Ann Lee put it, the ferry is “late again and again.”';
    assert.equal(mentionOf(putIt, 'late again and'), 'Ann Lee');
    const by = 'As reported by the Harbor Gazette, the ferry was “late again” on Monday.';
    assert.equal(mentionOf(by, 'late again'), 'the Harbor Gazette');
  });

  it('as-opening: not when the sentence goes on to its own verb of saying', () => {
    const text = 'As Ann Lee noted on Monday, the ferry is late, and the harbor board insists the pier is “finally open.”';
    assert.equal(mentionOf(text, 'finally open'), 'the harbor board');
  });
});
