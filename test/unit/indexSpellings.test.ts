// One person for the spellings different sources give a name (SourceIndex.entityFor):
// "Donald J. Trump" in one source and "Donald Trump" in another are one hover card, one
// People entry, one completion, as `sourcebook people` lists them.
import * as assert from 'node:assert/strict';
import { SourceIndex } from '../../src/core/sourceIndex';
import { parseArticle } from '../../src/core/article';
import { NameMatcher } from '../../src/extension/names';

const first = parseArticle(
  '/s/first.txt',
  'WASHINGTON (AP) — Republican nominee Donald J. Trump said on Monday that the plan was “a disaster for working people.” Trump spoke in Ohio.\n',
);
const second = parseArticle('/s/second.txt', 'DAYTON, Ohio (Reuters) — Donald Trump told supporters, “We are going to win this state.” Trump left after an hour.\n');
const third = parseArticle('/s/third.txt', 'Donald Trump, the candidate, said “nobody knows the system better than me.”\n');
/** A middle name that may not be the first source's initial (J. may be James). */
const fourth = parseArticle('/s/fourth.txt', 'Donald John Trump said “I will be fine.”\n');

function build(...articles: ReturnType<typeof parseArticle>[]): SourceIndex {
  const ix = new SourceIndex();
  for (const a of articles) ix.setArticle(a);
  return ix;
}

describe('SourceIndex: one person for the sources’ spellings of a name', () => {
  it('guard: the reader gives each source its own spelling and speaker', () => {
    assert.deepEqual([first, second, third, fourth].map((a) => a.quotes.map((q) => q.speaker)), [['Donald J. Trump'], ['Donald Trump'], ['Donald Trump'], ['Donald John Trump']]);
  });

  it('lists one person, named as the first source names him, with every source’s quotes, titles and mentions', () => {
    const ix = build(first, second, third, fourth);
    const people = ix.people().filter((p) => /Trump/.test(p.name));
    // "Donald John Trump" stays apart: J. may be another name, as in `sourcebook people` (spellingOf).
    assert.deepEqual(people.map((p) => p.name), ['Donald J. Trump', 'Donald John Trump']);
    const trump = people[0];
    assert.deepEqual(trump.aliases.filter((a) => a.startsWith('Donald')), ['Donald Trump']);
    assert.equal(trump.quoteCount, 3);
    assert.deepEqual(trump.quotes.map((q) => q.path), ['/s/first.txt', '/s/second.txt', '/s/third.txt']);
    assert.deepEqual(trump.articles.map((a) => a.path), ['/s/first.txt', '/s/second.txt', '/s/third.txt']);
    assert.deepEqual(new Set(trump.mentions.map((m) => m.path)), new Set(['/s/first.txt', '/s/second.txt', '/s/third.txt']));
    assert.equal(trump.mentionCount, trump.mentions.length);
    assert.ok(trump.titles.includes('Republican nominee'), trump.titles.join('; '));
    assert.deepEqual(ix.stats().people, ix.people().length);
  });

  it('finds him by any spelling: lookupName, person(), the draft’s name matcher, a citation’s title', () => {
    const ix = build(first, second);
    for (const written of ['Donald Trump', 'Donald J. Trump', 'Trump', 'Trump’s']) {
      assert.deepEqual(ix.lookupName(written).map((p) => p.name), ['Donald J. Trump'], written);
    }
    assert.equal(ix.person('Donald Trump')?.name, 'Donald J. Trump');
    const matcher = new NameMatcher(ix);
    assert.deepEqual(matcher.namesIn('Donald Trump spoke.').map((m) => [m.text, m.people.map((p) => p.name)]), [['Donald Trump', ['Donald J. Trump']]]);
    // The second source gives no title: the citation takes the first source's.
    const quote = ix.quotes().find((q) => q.path === '/s/second.txt')!;
    assert.equal(quote.speakerTitle, 'Republican nominee');
    assert.equal(ix.citationFields(quote).surname, 'Trump');
    assert.equal(ix.citationFields(quote).kind, 'person');
  });

  it('goes by the next spelling when the source of the first is removed, and forgets the person with the last', () => {
    const ix = build(first, second, third);
    ix.removeArticle('/s/first.txt');
    assert.deepEqual(ix.people().filter((p) => /Trump/.test(p.name)).map((p) => [p.name, p.quoteCount]), [['Donald Trump', 2]]);
    assert.deepEqual(ix.lookupName('Trump').map((p) => p.name), ['Donald Trump']);
    assert.equal(ix.person('Donald J. Trump'), undefined);
    // Now "Donald John Trump" may be him (no initial is left to disagree with).
    ix.setArticle(fourth);
    assert.deepEqual(ix.people().filter((p) => /Trump/.test(p.name)).map((p) => [p.name, p.quoteCount]), [['Donald Trump', 3]]);
    ix.removeArticle('/s/second.txt');
    ix.removeArticle('/s/fourth.txt');
    assert.deepEqual(ix.people().filter((p) => /Trump/.test(p.name)).map((p) => [p.name, p.quoteCount]), [['Donald Trump', 1]]);
    ix.removeArticle('/s/third.txt');
    assert.deepEqual(ix.people(), []);
    assert.deepEqual(ix.lookupName('Trump'), []);
    // Added again in another order, the first added names him.
    ix.setArticle(second);
    ix.setArticle(first);
    assert.deepEqual(ix.people().filter((p) => /Trump/.test(p.name)).map((p) => [p.name, p.quoteCount]), [['Donald Trump', 2]]);
  });

  it('guard: re-reading a source does not count its spelling twice', () => {
    const ix = build(first, second);
    ix.setArticle(second);
    ix.setArticle(second);
    ix.removeArticle('/s/second.txt');
    const trump = ix.person('Donald J. Trump');
    assert.equal(trump?.quoteCount, 1);
    assert.equal(ix.person('Donald Trump')?.name, undefined);
  });

  it('guard: keeps apart names that may be two people: two different middle names, and a bare “George Bush”', () => {
    const a = parseArticle('/s/a.txt', 'George W. Bush said the war was “necessary.”\n');
    const b = parseArticle('/s/b.txt', 'George H.W. Bush said the treaty was “historic.”\n');
    const c = parseArticle('/s/c.txt', 'George Bush said the vote was “close.”\n');
    const ix = build(a, b, c);
    assert.deepEqual(ix.people().map((p) => p.name).sort(), ['George Bush', 'George H.W. Bush', 'George W. Bush']);
    // A name without a middle, when two people with one are known, joins neither.
    const d = parseArticle('/s/d.txt', 'John A. Smith said it was “fine.”\n');
    const e = parseArticle('/s/e.txt', 'John B. Smith said it was “bad.”\n');
    const f = parseArticle('/s/f.txt', 'John Smith said it was “odd.”\n');
    assert.deepEqual(build(d, e, f).people().map((p) => [p.name, p.quoteCount]), [['John A. Smith', 1], ['John B. Smith', 1], ['John Smith', 1]]);
  });
});
