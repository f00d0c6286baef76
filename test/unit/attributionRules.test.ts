// Attribution rules added for issue 3 (quote and speaker accuracy), each on a short made-up fixture.
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article';

function speakerOf(text: string, quoteStart: string): string | null {
  const a = parseArticle('fixture.txt', 'Headline\n\n' + text);
  const q = a.quotes.find((x) => x.text.startsWith(quoteStart));
  assert.ok(q, `no quote starting "${quoteStart}" in ${JSON.stringify(a.quotes.map((x) => x.text))}`);
  return q.speaker;
}

describe('attribution rules (issue 3)', () => {
  it('a name opening a long appositive before the verb is the speaker', () => {
    assert.equal(speakerOf('Maria Olsen, 44, a dairy farmer from the valley, said the new rules were “hard to follow.”', 'hard'), 'Maria Olsen');
    assert.equal(speakerOf('Peter Hale, associate professor of geology at the state college, said the cliffs “could go at any time.”', 'could'), 'Peter Hale');
    assert.equal(speakerOf('Paul Wendt, an engineer who advised the county on the bridge, said the repairs were “overdue.”', 'overdue'), 'Paul Wendt');
  });

  it('a name after a description, both before the verb, is the speaker', () => {
    assert.equal(speakerOf('In a letter to members, the club’s treasurer, Janet Moss, wrote: “We are out of money.”', 'We are'), 'Janet Moss');
  });

  it('a name inside a clause is not taken for the subject of a later verb', () => {
    assert.equal(speakerOf('When voters met Tom Reyes, who runs the bakery, the mayor said the town was “doing fine.”', 'doing'), 'the mayor');
  });

  it('after the quote: the head of a long speaker phrase before the verb', () => {
    assert.equal(speakerOf('“The bridge is safe,” county radio host Dee Moran said.', 'The bridge'), 'Dee Moran');
    assert.equal(speakerOf('“The bridge is safe,” Ann Lee of the Harbor Engineering Institute wrote.', 'The bridge'), 'Ann Lee');
    assert.equal(speakerOf('“The bridge is safe,” Ann Lee, who chaired the review panel for nine years, said.', 'The bridge'), 'Ann Lee');
    assert.equal(speakerOf('“The bridge is safe,” a spokesman for the county said.', 'The bridge'), 'a spokesman');
    assert.equal(speakerOf('“The bridge is safe,” says the county’s engineer.', 'The bridge'), 'the county’s engineer');
  });

  it('after the quote: not a head that is no speaker', () => {
    assert.equal(speakerOf('“The bridge is safe,” the bespectacled, gray-haired engineer said.', 'The bridge'), null);
    assert.equal(speakerOf('The bridge was judged “safe,” drawing loud boos from residents who said they would sue.', 'safe'), null);
  });

  it('a sentence ending in “, said NAME.” attributes the quote inside it', () => {
    assert.equal(speakerOf('The vote marks “the end of an era” for the town, said Ann Lee, a council member.', 'the end'), 'Ann Lee');
    assert.equal(speakerOf('He praised “the end of an era” and the crowd, cited the budget and left.', 'the end'), null);
  });
});
