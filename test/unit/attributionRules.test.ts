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
});
