// The speaker is the head of the phrase that speaks, not a name modifying it: "Trump campaign manager Corey
// Lewandowski", "Merkel’s spokesman". Giving the quote to the modifier's owner is a misattribution that the
// PolNeAR scorer cannot see (the name lies inside the annotated Source), so these fixtures are its only check.
import * as assert from 'node:assert/strict';
import { speakerOf } from './attributionFixture';

const lead = 'Ann Lee, the mayor, spoke on Monday. ';

describe('the head of the speaking phrase', () => {
  it('a name before a role and another name: the second name speaks', () => {
    assert.equal(speakerOf(lead + '“We will win,” Lee campaign manager Tom Ruiz said.', 'We will win'), 'Tom Ruiz');
  });

  it('a possessive name before a role: the role speaks, not the possessor', () => {
    assert.equal(speakerOf(lead + '“We will win,” said Lee’s campaign manager.', 'We will win'), 'Lee’s campaign manager');
    assert.equal(speakerOf(lead + 'Lee’s spokesman said: “We will win.”', 'We will win'), 'Lee’s spokesman');
  });

  it('a possessive name, a role and the role’s own name: that name speaks', () => {
    assert.equal(speakerOf(lead + '“We will win,” Ms. Lee’s spokesman, Tom Ruiz, wrote on Twitter.', 'We will win'), 'Tom Ruiz');
  });

  it('a noun that ends like an adverb is a head too ("a Lee ally", "Lee family spokesman Tom Ruiz")', () => {
    assert.equal(speakerOf(lead + '“We will win,” a Lee ally said.', 'We will win'), 'a Lee ally');
    assert.equal(speakerOf(lead + '“We will win,” Lee family spokesman Tom Ruiz said.', 'We will win'), 'Tom Ruiz');
  });

  it('a describing phrase with the name set off after it: the name speaks ("said the board’s chair, Tom Ruiz.")', () => {
    assert.equal(speakerOf('“We will win,” said the board’s chair, Tom Ruiz.', 'We will win'), 'Tom Ruiz');
    assert.equal(speakerOf('“We will win,” the board’s chair, Tom Ruiz, said on Monday.', 'We will win'), 'Tom Ruiz');
    assert.equal(speakerOf('“We will win,” according to the report’s author, Tom Ruiz.', 'We will win'), 'Tom Ruiz');
  });

  it('guard: a name that begins a list after the phrase is not the phrase', () => {
    assert.equal(speakerOf('“We will win,” said the board’s chair, Tom Ruiz and two aides.', 'We will win'), 'the board’s chair');
  });

  it('guard: a name followed by an adverb or by "of" is still the speaker', () => {
    assert.equal(speakerOf(lead + '“We will win,” Lee reportedly told aides.', 'We will win'), 'Ann Lee');
    assert.equal(speakerOf('“We will win,” said Sen. Ann Lee of Dover.', 'We will win'), 'Ann Lee');
  });
});
