// Speaker attribution rules, second set (speaker recall on PolNeAR train at no cost in precision), each on a
// short made-up fixture that fails without its rule.
import * as assert from 'node:assert/strict';
import { mentionOf, speakerOf } from './attributionFixture';

describe('speaker rules (second set)', () => {
  it('a verb joined by "and" and an auxiliary shares the main clause’s subject', () => {
    const text = 'Ann Lee has made the harbor the center of her campaign and has promised to spend “whatever the pier needs” to rebuild it.';
    assert.equal(speakerOf(text, 'whatever the pier'), 'Ann Lee');
  });

  it('not when the joined verb may belong to a subordinate or relative clause', () => {
    const text = 'Tom Ruiz was asked by host Ann Lee, who is backing Ruiz, but has previously dismissed the pier plan, “Will the pier ever open?”';
    assert.notEqual(speakerOf(text, 'Will the pier'), 'Tom Ruiz');
  });

  it('an office speaks for the person it belongs to', () => {
    const text = 'The mayor did not attend the hearing.\n\n“The mayor was traveling with the harbor board that week,” Lee’s office said in a statement.';
    assert.equal(mentionOf(text, 'The mayor was'), 'Lee’s office');
  });

  it('a verb of saying ending a relative clause set off by commas after a name', () => {
    const text = 'Ann Lee, who called Tom Ruiz shortly after the winner was declared, told her supporters, “This town chose the harbor.”';
    assert.equal(mentionOf(text, 'This town'), 'Ann Lee');
  });

  it('a colon after a main clause whose subject follows an opening clause and its comma', () => {
    const text = 'When Tom Ruiz suggested the board would sue the town over the pier contract, Ann Lee fired back at once: “Let them try, and we will see them in court.”';
    assert.equal(speakerOf(text, 'Let them try'), 'Ann Lee');
  });

  it('a pronoun in a relative "which" clause keeps its quote despite an earlier verb of saying', () => {
    const text = 'Tom Ruiz said the town should drop the ferry levy, which he described as “a tax on the islanders.”';
    assert.equal(mentionOf(text, 'a tax on'), 'he');
  });

  it('a phrase describing a person, then an appositive name, before the verb', () => {
    const text = 'The fisherman was jailed in March.\n\n“We need him home because the boat sits idle,” his wife, Mara Quill, wrote in a letter to the court.';
    assert.equal(mentionOf(text, 'We need him'), 'his wife');
  });

  it('"said one of …" after the quote', () => {
    const text = 'The harbor board met in private on Monday.\n\n“There is no money left for the pier,” said one of the trustees, who asked not to be named.';
    assert.equal(mentionOf(text, 'There is no money'), 'one of the trustees');
  });

  it('a participle right after "…, NAME said," has that verb’s subject, not the sentence’s', () => {
    const text = 'Tom Ruiz and the board will meet again next week, Ann Lee said, adding, “They need to sit down and talk.”';
    assert.equal(speakerOf(text, 'They need'), 'Ann Lee');
  });

  it('a passive verb of naming before the quote and "by" after it', () => {
    assert.equal(mentionOf('The plan has been called “a lifeline for the harbor” by Ann Lee, the board’s treasurer.', 'a lifeline'), 'Ann Lee');
    assert.equal(mentionOf('The inquiry — often labeled as a “fishing trip” by critics — will end in May.', 'fishing trip'), 'critics');
  });

  it('a plain clause keeps its subject past a possessive, but not past a second clause', () => {
    assert.equal(speakerOf('During her first race, Ann Lee made clear her aim to “rebuild the harbor” within a year.', 'rebuild the harbor'), 'Ann Lee');
    assert.equal(mentionOf('Ann Lee started her newsletter in 2009, and her first issues show a very different “harbor activist” than today.', 'harbor activist'), null);
  });

  it('a participle naming a thing before an earlier quote is no one’s cue', () => {
    const text = 'Mayor Ann Lee toured the harbor on Sunday. Later that day, Ann Lee shared a flier for a 2015 harbor festival called “Tides” on her campaign page, writing “Bring the whole family this year.”';
    assert.equal(mentionOf(text, 'Bring the'), 'Ann Lee');
  });

  it('an opening phrase led by an adverb before the sentence’s subject', () => {
    const text = 'Mayor Ann Lee toured the harbor on Sunday. Shortly after the storm, Ann Lee issued a statement, “We will rebuild the pier.”';
    assert.equal(mentionOf(text, 'We will'), 'Ann Lee');
  });

  it('"as NAME put it" before the quote', () => {
    const prior = 'Mayor Ann Lee toured the harbor on Sunday. ';
    assert.equal(mentionOf(prior + 'As Lee put it, “The pier is finished.”', 'The pier'), 'Lee');
    assert.equal(mentionOf(prior + 'As the harbor master put it: “The pier is finished.”', 'The pier'), 'the harbor master');
  });

  it('a prepositional aside set off by commas between a titled name and its verb', () => {
    const text = 'Local harbor board chair Ann Lee, during two interviews on Monday, referred to the pier as “a lost cause” for the town.';
    assert.equal(speakerOf(text, 'a lost cause'), 'Ann Lee');
  });

  it('after a preposition, a possessive pronoun owning a noun of something said', () => {
    const prior = 'Mayor Ann Lee toured the harbor on Sunday. ';
    assert.equal(mentionOf(prior + 'The mayor drew fire from the fleet over her remark that “the pier is a lost cause.”', 'the pier'), 'her');
    assert.equal(mentionOf(prior + 'Her standing rose after the storm, and her call for “a new pier” won praise.', 'a new pier'), 'her');
    // (Not as the object of a verb: the verb's subject speaks.)
    assert.notEqual(mentionOf(prior + 'Ann Lee repeated her claim that “the pier is a lost cause.”', 'the pier'), 'her');
  });
});
