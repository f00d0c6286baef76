// A person's title is shown as the sources write it, in hover cards and search. What comes before a name
// or after it in an appositive is a title only when it describes that one person: not a list, a plural,
// a clause, or a headline in capitals.
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article';

const titlesOf = (text: string, name: string): string[] => parseArticle('fixture.txt', 'Headline\n\n' + text).people.find((p) => p.name === name)?.titles ?? [];

describe('person titles', () => {
  it('a plural role names a group, not the title of the name after it', () => {
    assert.deepEqual(titlesOf('He met former presidents Jimmy Carter and Bill Clinton.', 'Jimmy Carter'), []);
    assert.deepEqual(titlesOf('He met former President Jimmy Carter.', 'Jimmy Carter'), ['former President']);
  });

  it('before an “and”, words with no role are another person, not part of the title', () => {
    assert.deepEqual(titlesOf('President Barack Obama spoke first. Obama and Vice President Joe Biden then left.', 'Joe Biden'), ['Vice President']);
    assert.deepEqual(titlesOf('The poll put Trump and Ohio Gov. John Kasich ahead.', 'John Kasich'), ['Ohio Gov.']);
    // guard: a title with its own "and" keeps it.
    assert.deepEqual(titlesOf('Secretary of Health and Human Services Sylvia Burwell spoke.', 'Sylvia Burwell'), ['Secretary of Health and Human Services']);
  });

  it('a headline’s capitalised verbs and nouns are not part of the title of the name after them', () => {
    const text = 'Jeb Bush Super PAC Chief Praises Marco Rubio Donor\n\nThe super PAC’s chief praises a donor who backs Sen. Marco Rubio, calling the donor “a fine man.” Rubio thanked him.';
    assert.deepEqual(parseArticle('fixture.txt', text).people.find((p) => p.name === 'Marco Rubio')?.titles, ['Sen.']);
  });

  it('no title ends in a connector, and a sentence’s opening word is not part of one', () => {
    assert.deepEqual(titlesOf('Strategists for Barack Obama disagreed.', 'Barack Obama'), []);
    assert.deepEqual(titlesOf('The rule stands. So Labor Secretary Thomas Perez wrote a new one.', 'Thomas Perez'), ['Labor Secretary']);
  });

  it('a headline in capitals before a title is cut off; an acronym or a name in capitals is kept', () => {
    assert.deepEqual(titlesOf('DEADLY ISTANBUL EXPLOSION Turkish President Recep Tayyip Erdogan spoke.', 'Recep Tayyip Erdogan'), ['Turkish President']);
    assert.deepEqual(titlesOf('NASCAR chief Brian France endorsed him.', 'Brian France'), ['NASCAR chief']);
  });

  it('an advocate is a role: "Public Advocate Trish Jameson" is Trish Jameson with her title', () => {
    assert.deepEqual(titlesOf('“It is a shame,” New York City Public Advocate Trish Jameson said.', 'Trish Jameson'), ['New York City Public Advocate']);
  });

  it('an appositive title reads past an initial’s period', () => {
    assert.deepEqual(titlesOf('“It works,” said Juan Zarate, a top terrorism adviser to then-President George W. Bush, on Monday.', 'Juan Zarate'), ['top terrorism adviser to then-President George W. Bush']);
  });

  it('an appositive that ends in another person’s name is a list; one that names them after a preposition is a title', () => {
    assert.deepEqual(titlesOf('Endorsers included Mike Ditka, former Indiana University basketball coach Bobby Knight and others.', 'Mike Ditka'), []);
    assert.deepEqual(titlesOf('He hired Harold Varmus, the former NIH director under President Bill Clinton, to lead it.', 'Harold Varmus'), ['former NIH director under President Bill Clinton']);
  });

  it('a clause after the comma is no title; a relative clause after the role is left out of it', () => {
    assert.deepEqual(titlesOf('It was hard on Carole Taylor, the treasurer was unpopular and was repealed, in the end.', 'Carole Taylor'), []);
    assert.deepEqual(titlesOf('It was hard on Carole Taylor, the minister whose tax was unpopular and was repealed, in the end.', 'Carole Taylor'), ['minister']);
    assert.deepEqual(titlesOf('It was sent to Sid Blum, an adviser with whom Lee corresponded, in May.', 'Sid Blum'), ['adviser']);
  });

  it('an appositive title reads past an honorific’s period ("a senior adviser to Mr. Sanders")', () => {
    assert.deepEqual(titlesOf('“We will win,” said Tad Devlin, a senior adviser to Mr. Sanders. He left.', 'Tad Devlin'), ['senior adviser to Mr. Sanders']);
    assert.deepEqual(titlesOf('Brian Fallow, a spokesman for Mrs. Clinton, said so.', 'Brian Fallow'), ['spokesman for Mrs. Clinton']);
    assert.deepEqual(titlesOf('Lee Epps, a law professor at Washington University in St. Louis, said so.', 'Lee Epps'), ['law professor at Washington University in St. Louis']);
  });

  it('an appositive title ends at a dash or a party label', () => {
    assert.deepEqual(titlesOf('John Dicks, the chief executive of Ora Media -- the company that owns the show -- told me so.', 'John Dicks'), ['chief executive of Ora Media']);
    assert.deepEqual(titlesOf('Colleen Dean, a veteran staffer for Sen. Kirsten Gillibrand (D-N.Y.), won.', 'Colleen Dean'), ['veteran staffer for Sen. Kirsten Gillibrand']);
  });

  it('a long appositive of two roles keeps the first; an "and" inside a name does not part them', () => {
    assert.deepEqual(
      titlesOf('Nelson Dias, a former aide to Mr. Rubio and now the chairman of the Republican Party in Miami-Dade County, said of it.', 'Nelson Dias'),
      ['former aide to Mr. Rubio'],
    );
    assert.deepEqual(
      titlesOf('Alan B. Kruger, a professor of economics at Princeton University and a former chairman of Mr. Obama’s Council of Economic Advisers who has advised her, agreed.', 'Alan B. Kruger'),
      ['professor of economics at Princeton University'],
    );
    assert.deepEqual(titlesOf('Jared Bern, a senior fellow at the Center on Budget and Policy Priorities, agreed.', 'Jared Bern'), ['senior fellow at the Center on Budget and Policy Priorities']);
  });

  it('guard: a long main clause after a subordinate one ending in a name is no title', () => {
    assert.deepEqual(
      titlesOf('While the district had voted for Sen. Mario Rubino, the Florida Republican’s subsequent collapse left the convention open to conservative activists and reluctant voters, disappointed in the choices.', 'Mario Rubino'),
      ['Sen.'],
    );
  });
});

describe('a role with no article after a name', () => {
  it('names a person and is the title ("Simon Rosen, president of NDN, a policy group")', () => {
    const text = '“It was dramatic,” said Quill Rosen, president of NDN, a policy and advocacy group.';
    assert.deepEqual(parseArticle('fixture.txt', 'Headline\n\n' + text).people.map((p) => [p.name, p.titles]), [['Quill Rosen', ['president of NDN']]]);
    assert.deepEqual(titlesOf('Yukiya Amano, director general of the International Atomic Energy Agency, said so.', 'Yukiya Amano'), ['director general of the International Atomic Energy Agency']);
  });

  it('guard: a capitalised honorific after the comma opens another name, a list', () => {
    assert.deepEqual(titlesOf('The panel heard Ann Lee, Sen. Bob Ray and others.', 'Ann Lee'), []);
  });
});
