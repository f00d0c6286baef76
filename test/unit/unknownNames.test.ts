// People whose given name the lexicon does not know are found only with evidence that the words name a
// person. Each fixture fails without its rule; the guards keep the rule from reaching too far.
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article';
import { speakerOf } from './attributionFixture';

const peopleIn = (text: string): string[] => parseArticle('fixture.txt', 'Headline\n\n' + text).people.map((p) => p.name);

describe('names the lexicon does not know', () => {
  it('a name set off after a role ("chief executive, Priya Natarajan, said") is a person and the speaker', () => {
    const text = 'Regulators approved the merger. The company’s chief executive, Priya Natarajan, said the deal was “good for everyone.”';
    assert.deepEqual(peopleIn(text), ['Priya Natarajan']);
    assert.equal(speakerOf(text, 'good for everyone'), 'Priya Natarajan');
  });

  it('guard: a place after a role and a comma, going on with more words, is not a person', () => {
    const text = 'For the chief executive, Grand Rapids offices were “a bargain,” the filing said.';
    assert.deepEqual(peopleIn(text), []);
  });

  it('guard: words after a comma that follows no role word are not a person', () => {
    const text = 'After the vote, Harbor Point residents said the levy was “a fair price.”';
    assert.deepEqual(peopleIn(text), []);
  });
});
