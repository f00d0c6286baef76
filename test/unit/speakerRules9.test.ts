// Speaker attribution rules, ninth set (wrong speakers on PolNeAR train), each on a short made-up fixture that
// fails without its rule, with a guard where the rule could reach too far.
import * as assert from 'node:assert/strict';
import { attributionOf, mentionOf, speakerOf } from './attributionFixture';

describe('speaker rules (ninth set)', () => {
  it('a participle after the object of a preposition ("an account of X telling") does not make X the speaker', () => {
    const text = 'Mara Quill wrote a book about the ferry. In it, she gives an account of Tom Ruiz telling a clerk to “get out of my office.”';
    assert.equal(mentionOf(text, 'get out of'), 'she');
    assert.equal(speakerOf(text, 'get out of'), 'Mara Quill');
  });

  it('guard: a phrase before a participle and a colon still speaks ("ends with a narrator saying:")', () => {
    const text = 'The ferry will stop in May. The ad ends with a narrator saying: “Vote for the ferry.”';
    assert.equal(mentionOf(text, 'Vote for'), 'a narrator');
  });

  it('nearer-pronoun: a participle closing a clause with its own "she" after a subordinator takes that pronoun as mention', () => {
    const text = 'The ferry will stop in May. Ann Lee tweaked her plan on Monday when she named her deputy, calling Tom Ruiz “a steady hand.”';
    assert.equal(mentionOf(text, 'a steady hand'), 'she');
    assert.equal(speakerOf(text, 'a steady hand'), 'Ann Lee');
  });

  it('nearer-pronoun: so after "and" with a participle that follows no comma', () => {
    const text = 'The ferry will stop in May. Ann Lee met the harbor crew, and she has praised them ever since, at one point calling the crew “the best in the state.”';
    assert.equal(mentionOf(text, 'the best in'), 'she');
    assert.equal(speakerOf(text, 'the best in'), 'Ann Lee');
  });

  it('nearer-pronoun guard: a pronoun in a clause no conjunction opens leaves the sentence subject', () => {
    const text = 'The ferry will stop in May. Ann Lee praised the crew she hired, calling them “the best in the state.”';
    assert.equal(mentionOf(text, 'the best in'), 'Ann Lee');
  });

  it('a pronoun after a subordinate clause that opens what "added that" reports is the verb’s subject’s', () => {
    const text = 'Ann Lee spoke to the crew on Monday. She added that if the ferry stopped in May, she would ask the board for “a fair hearing.”';
    assert.equal(mentionOf(text, 'a fair hearing'), 'She');
  });

  it('guard: a subordinator with nothing before the comma ("because, she said,") leaves the pronoun its own verb', () => {
    const text = 'Ann Lee spoke on Monday. Ann Lee replied that she was pleased Tom Ruiz had said that because, she said, the remark made plain how “reckless” the plan was.';
    assert.equal(speakerOf(text, 'reckless'), 'Ann Lee');
  });

  it('so after "said," and a subordinate clause set off by commas', () => {
    const text = 'Ann Lee spoke to the crew on Monday. She said, if elected, she would ask the board for “a fair hearing.”';
    assert.equal(mentionOf(text, 'a fair hearing'), 'She');
  });

  it('in-words: "in the Gazette’s words" and "in the words of a senior aide" right before a quote name its source', () => {
    assert.equal(mentionOf('The ferry will stop in May. The pier was rebuilt because, in the Gazette’s words, “nobody else would pay for it.”', 'nobody else'), 'the Gazette’s');
    assert.equal(mentionOf('The ferry will stop in May. The mayor was, in the words of a senior aide, “the last one standing.”', 'the last one'), 'a senior aide');
  });

  it('in-words guard: "in her words" leaves the clause subject', () => {
    const text = 'The ferry will stop in May. Ann Lee promised a new pier because, in her words, “nobody else would pay for it.”';
    assert.equal(mentionOf(text, 'nobody else'), 'Ann Lee');
  });

  it('a phrase with a modal after "said" is what was said, not an inverted speaker', () => {
    const text = 'The ferry will stop in May. Ann Lee, citing “the magic of the harbor,” said the ferry could be back by June.';
    assert.equal(mentionOf(text, 'the magic'), 'Ann Lee');
  });

  it('guard: an inverted "said the captain of the ferry" still names the speaker', () => {
    const text = 'The ferry will stop in May. “We will be back,” said the captain of the ferry.';
    assert.equal(mentionOf(text, 'We will be back'), 'the captain of the ferry');
  });

  it('a time phrase after a subject’s appositive or relative clause does not hide the subject', () => {
    assert.equal(mentionOf('The vote is near. Ann Lee, the town’s mayor, on Tuesday called the plan “reckless.”', 'reckless'), 'Ann Lee');
    assert.equal(speakerOf('The vote is near. Ann Lee, who chairs the board, last week said the plan was “reckless.”', 'reckless'), 'Ann Lee');
  });

  it('a name ending a phrase set off by commas after the subject is not the subject ("Lee, recalling her talks with Ruiz, said")', () => {
    const text = 'The vote is near. Ann Lee, recalling her talks with Tom Ruiz, described herself as his “loyal critic.”';
    assert.equal(mentionOf(text, 'loyal critic'), 'Ann Lee');
  });

  it('guard: a name that is the appositive itself, or joined to one by "and", is still the subject', () => {
    assert.equal(mentionOf('The vote is near. Her adviser, Tom Ruiz, said the plan was “reckless.”', 'reckless'), 'Tom Ruiz');
    assert.equal(mentionOf('The vote is near. Two analysts, Ann Lee and Tom Ruiz, said the plan was “reckless.”', 'reckless'), 'Tom Ruiz');
  });

  it('any-verb-after: an article and an adjective may stand before the name after the quote ("an angry Ann Lee retaliated")', () => {
    const text = 'Tom Ruiz spoke first. “The harbor is lost,” he claimed. “The harbor will always be ours,” an angry Ann Lee retaliated. “It never gives up.”';
    assert.equal(mentionOf(text, 'The harbor will always'), 'Ann Lee');
    assert.equal(speakerOf(text, 'It never gives up'), 'Ann Lee');
  });
});

describe('after the quote: a place or a body, a lower-case role, then the name', () => {
  it('“…,” said Massachusetts congressman Barney Frank: the name speaks, not the place', () => {
    assert.deepEqual(attributionOf('“He has no support,” said former Harborland congressman Ned Quill.', 'He has no support'), { speaker: 'Ned Quill', mention: 'Ned Quill' });
    assert.deepEqual(attributionOf('“It never was meant to be,” said Monmouth University political scientist Ana Ruiz.', 'It never was'), { speaker: 'Ana Ruiz', mention: 'Ana Ruiz' });
  });

  it('guard: a body with no name after its role word still speaks as that body', () => {
    assert.equal(attributionOf('“We will appeal,” said the Harbor Authority spokesman.', 'We will appeal').speaker, 'Harbor Authority spokesman');
  });
});
