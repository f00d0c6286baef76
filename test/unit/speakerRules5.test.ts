// Speaker attribution rules, fifth set (speaker recall and precision on PolNeAR train), each on a short made-up
// fixture that fails without its rule, with guards where a rule could reach too far.
import * as assert from 'node:assert/strict';
import { mentionOf } from './attributionFixture';

describe('speaker rules (fifth set)', () => {
  it('with-participle: an absolute "with" phrase gives the participle its own subject', () => {
    const text = 'Ann Lee was angry about the delay, with the harbor board calling the plan “a ferry to nowhere.”';
    assert.equal(mentionOf(text, 'a ferry to nowhere'), 'the harbor board');
  });

  it('with-participle: a description too ("with one of her ads asking")', () => {
    const text = 'Tom Ruiz tried to tie the mayor to the harbor board, with one of his ads asking, “Who will fix the pier?”';
    assert.equal(mentionOf(text, 'Who will fix'), 'one of his ads');
  });

  it('before: a name reported by a person keeps the reporter ("Lee said Ruiz called on …")', () => {
    const text = 'Ann Lee said Tom Ruiz called on members to be “closely coordinated” before the vote.';
    assert.equal(mentionOf(text, 'closely coordinated'), 'Ann Lee');
  });

  it('before: a name reported by an organisation stays the speaker', () => {
    const text = 'The Gazette said Tom Ruiz called the ferry “a floating wreck” on Monday.';
    assert.equal(mentionOf(text, 'a floating wreck'), 'Tom Ruiz');
  });

  it('before: a name modifying a speech noun after a number is no speaker ("22 Lee emails")', () => {
    const text = 'Ann Lee ran the harbor board for years. The state has said it classified 22 Lee emails as “top secret” and will not release them.';
    assert.equal(mentionOf(text, 'top secret'), 'The state');
  });

  it('before: a person’s speech verb after a name that opens its clause stays a verb', () => {
    const text = 'In a note on Monday, Ann Lee emailed the board that the pier was “unsafe for the ferry.”';
    assert.equal(mentionOf(text, 'unsafe for the ferry'), 'Ann Lee');
  });

  it('lead-sentence: a quote sentence that ends with a quote of its own', () => {
    const text = "Ann Lee recalled how on her first trip she saw only the dark harbor. “I thought, 'How will I manage?'”";
    assert.equal(mentionOf(text, "I thought, 'How"), 'Ann Lee');
  });

  it('sentence subject: a long opening phrase and its comma before the subject', () => {
    const text = 'Asked on Monday whether the ferry would run again next spring after the storm damage, Ann Lee shook her head and said, “Not this year.”';
    assert.equal(mentionOf(text, 'Not this year'), 'Ann Lee');
  });

  it('verbs of saying: cried, screamed, exhorted, riffed, derided', () => {
    assert.equal(mentionOf('“Fix the pier!” the crowd cried, booing.', 'Fix the pier'), 'the crowd');
    assert.equal(mentionOf('“No more delays,” the audience screamed back.', 'No more delays'), 'the audience');
    assert.equal(mentionOf('“Go and vote,” exhorted Ann Lee.', 'Go and vote'), 'Ann Lee');
    assert.equal(mentionOf('“Nobody rides it anyway,” Ann Lee riffed on Monday.', 'Nobody rides'), 'Ann Lee');
    assert.equal(mentionOf('“A ferry to nowhere,” Ann Lee derided on Monday.', 'A ferry to nowhere'), 'Ann Lee');
  });
});
