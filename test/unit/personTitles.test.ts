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

  it('an appositive title reads past an initial’s period', () => {
    assert.deepEqual(titlesOf('“It works,” said Juan Zarate, a top terrorism adviser to then-President George W. Bush, on Monday.', 'Juan Zarate'), ['top terrorism adviser to then-President George W. Bush']);
  });

  it('an appositive that ends in another person’s name is a list; one that names them after a preposition is a title', () => {
    assert.deepEqual(titlesOf('Endorsers included Mike Ditka, former Indiana University basketball coach Bobby Knight and others.', 'Mike Ditka'), []);
    assert.deepEqual(titlesOf('He hired Harold Varmus, the former NIH director under President Bill Clinton, to lead it.', 'Harold Varmus'), ['former NIH director under President Bill Clinton']);
  });

  it('a clause after the comma is no title', () => {
    assert.deepEqual(titlesOf('It was hard on Carole Taylor, the minister whose tax was unpopular and was repealed, in the end.', 'Carole Taylor'), []);
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
