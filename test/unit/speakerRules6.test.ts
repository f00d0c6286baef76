// Speaker attribution rules, sixth set (speaker recall on PolNeAR train), each on a short made-up fixture that
// fails without its rule, with guards where a rule could reach too far.
import * as assert from 'node:assert/strict';
import { mentionOf, speakerOf } from './attributionFixture';

describe('speaker rules (sixth set)', () => {
  it('relative-titled: "what aide NAME called “…”" is the named person’s', () => {
    const text = 'The harbor board met on Monday. The plan led to what aide Tom Ruiz called “the end of the ferry” in his memo.';
    assert.equal(mentionOf(text, 'the end of the ferry'), 'Tom Ruiz');
  });

  it('relative-titled: an honorific before a surname ("under what Mr. Lee called “…”")', () => {
    const text = 'Ann Lee spoke first. In 2009, under what Mr. Lee called “the old model,” the club was sold.';
    assert.equal(speakerOf(text, 'the old model'), 'Ann Lee');
  });

  it('relative-titled guard: a name modifying the subject is not its head ("what the Ruiz campaign called")', () => {
    const text = 'Tom Ruiz ran for the board. The plan led to what the Ruiz campaign called “the end of the ferry” in its memo.';
    assert.notEqual(mentionOf(text, 'the end of the ferry'), 'Ruiz');
  });

  it('any-verb-after-it: “…,” it recommended. — the organisation’s pronoun is the mention', () => {
    const text = 'The harbor board opposed the levy. “Keep the fee where it is,” it recommended. “Review it in a year.”';
    assert.equal(mentionOf(text, 'Keep the fee'), 'it');
    assert.equal(mentionOf(text, 'Review it in a year'), 'it');
  });

  it('any-verb-after-it guard: “…,” it seemed. — no one speaks', () => {
    const text = 'The harbor board opposed the levy. “A fair fee for a fair ferry,” it seemed.';
    assert.equal(mentionOf(text, 'A fair fee'), null);
  });

  it('verbs of saying: sniped, lauded, pondered', () => {
    assert.equal(mentionOf('Tom Ruiz, a ferry captain, sniped that the board was “asleep at the wheel.”', 'asleep at the wheel'), 'Tom Ruiz');
    assert.equal(mentionOf('The treasurer also lauded the crew for “a decade of safe crossings.”', 'a decade of safe'), 'The treasurer');
    assert.equal(mentionOf('Ann Lee pondered who, without the ferry, might “bring the mail to the island.”', 'bring the mail'), 'Ann Lee');
  });

  it('first names: a common first name makes a person of a name seen once', () => {
    const text = 'The pier closed early. And the county’s harbor master, Pam Ortiz, vowed to go after “anyone who sinks the ferry.”';
    assert.equal(mentionOf(text, 'anyone who sinks'), 'Pam Ortiz');
    const other = 'The pier closed early. And the county’s harbor master, Matt Ortiz, vowed to go after “anyone who sinks the ferry.”';
    assert.equal(mentionOf(other, 'anyone who sinks'), 'Matt Ortiz');
  });

  it('written-thing guard: "NAME held up a sign saying “…”" is the sign’s, not the holder’s', () => {
    const text = 'Nobody expected the vote. Matt Ruiz held up a sign saying “Save the ferry” at the dock.';
    assert.notEqual(speakerOf(text, 'Save the ferry'), 'Matt Ruiz');
    // (Not a letter: a person who holds up a letter saying something may be its writer.)
    const letter = 'Nobody expected the vote. Matt Ruiz held up a letter saying “Save the ferry” at the dock.';
    assert.equal(speakerOf(letter, 'Save the ferry'), 'Matt Ruiz');
  });
});
