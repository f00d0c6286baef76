import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findDraftQuotes, maskNonProse, parseDraft, quoteContentTokens } from '../../src/core/draft';

function quotes(draft: string) {
  return findDraftQuotes(draft).map((q) => ({ text: q.text, by: q.attribution?.name ?? null }));
}

describe('findDraftQuotes: quoted passages', () => {
  it('finds curly and straight marks with offsets of the words inside', () => {
    const draft = 'She said “one two” and then "three four" again.';
    const found = findDraftQuotes(draft);
    assert.deepEqual(found.map((q) => q.text), ['one two', 'three four']);
    for (const q of found) assert.equal(draft.slice(q.start, q.end), q.text);
  });

  it("reads doubled single marks (''…'' from archive copy) as double ones", () => {
    const draft = "''We will rebuild the pier,'' Ann Lee said. Then ‘‘one more,’’ she added.";
    const found = findDraftQuotes(draft);
    assert.deepEqual(
      found.map((q) => ({ text: q.text, by: q.attribution?.name ?? null })),
      [
        { text: 'We will rebuild the pier,', by: 'Ann Lee' },
        { text: 'one more,', by: 'Ann Lee' },
      ],
    );
    for (const q of found) assert.equal(draft.slice(q.start, q.end), q.text);
  });

  it("keeps '' inside a curly-quoted passage as part of its words", () => {
    assert.deepEqual(quotes("“He told me ''no'' twice,” Reyes said."), [{ text: "He told me ''no'' twice,", by: 'Reyes' }]);
  });

  it('reads German and French marks', () => {
    assert.deepEqual(findDraftQuotes('Er sagte „wir bauen“ und « nous construisons » heute.').map((q) => q.text), ['wir bauen', 'nous construisons']);
  });

  it('treats apostrophes as part of words, never as quote marks', () => {
    const draft = "Trump's rally in the ’90s style, rock 'n' roll, the players’ union, Blinken’s trip, don't.";
    assert.deepEqual(findDraftQuotes(draft), []);
  });

  it('accepts curly single marks as a quote only at word edges', () => {
    assert.deepEqual(quotes('‘We don’t know,’ Kline said.'), [{ text: 'We don’t know,', by: 'Kline' }]);
  });

  it('keeps nested single marks inside a double-quoted passage', () => {
    assert.deepEqual(quotes('“He told me ‘no’ twice,” Reyes said.'), [{ text: 'He told me ‘no’ twice,', by: 'Reyes' }]);
  });

  it('spans a line break but not a paragraph break', () => {
    assert.deepEqual(quotes('“one\ntwo,” Ortiz said.'), [{ text: 'one\ntwo,', by: 'Ortiz' }]);
    // An unclosed mark at the end of a paragraph is unfinished typing.
    assert.deepEqual(quotes('“one two\n\nThree four.'), []);
  });

  it('reads an AP quote continued over paragraphs as one passage per paragraph', () => {
    assert.deepEqual(
      findDraftQuotes('Abara said: “First part.\n\n“Second part.”').map((q) => q.text),
      ['First part.', 'Second part.'],
    );
  });

  it('skips front matter, fenced code and inline code', () => {
    const draft = '---\ntitle: "Not a quote"\n---\n\n```\nx = "not a quote"\n```\n\nUse `"code"` here. “Real one,” Park said.';
    assert.deepEqual(quotes(draft), [{ text: 'Real one,', by: 'Park' }]);
  });

  it('does not take an inch mark for a quote mark', () => {
    assert.deepEqual(quotes('He is 6\'2" tall and said "we won," Park said.'), [{ text: 'we won,', by: 'Park' }]);
  });

  it('ignores empty quotes and marks around punctuation only', () => {
    assert.deepEqual(findDraftQuotes('He said “” and “…” twice.'), []);
  });
});

describe('findDraftQuotes: attributions', () => {
  const cases: [string, string, string | null][] = [
    ['after: X said', '“We listened,” Kline said.', 'Kline'],
    ['after: said X', '“We listened,” said Sarah Kline.', 'Sarah Kline'],
    ['after: said title X', '“We listened,” said Superintendent Sarah Kline.', 'Superintendent Sarah Kline'],
    ['after: title X said', '“We listened,” State Department spokesman Ned Price said.', 'Ned Price'],
    ['after: X, appositive, said', '“We listened,” Ned Price, a State Department spokesman, said.', 'Ned Price'],
    ['after: X also told', '“We listened,” Price also told reporters.', 'Price'],
    ['a name ending in -ly is no adverb', "“We listened,” Bill O'Reilly said.", "Bill O'Reilly"],
    ['after: according to X', 'The deal “raises pay,” according to Linda Park.', 'Linda Park'],
    ['before: X said:', 'Reyes said: “Nobody asked.”', 'Reyes'],
    ['before: X said the talks', 'State Department spokesman Ned Price said the talks “were candid.”', 'Ned Price'],
    ['before: according to X,', 'According to Linda Park, “the contract raises pay.”', 'Linda Park'],
    ['before: X described it as', 'China described its meeting as “in-depth and constructive,” as the sides met.', 'China'],
    ['before: colon after a name', 'Price: “We were candid.”', 'Price'],
    ['possessive stripped', '“Big day,” Ortiz’s spokesman said.', null],
    ['question mark keeps the sentence going', '“Why now?” Reyes asked.', 'Reyes'],
    ['period ends the sentence', '“We listened.” Kline left the room.', null],
    ['a new statement after a period is not an attribution', '“We listened.” Kline said the board would vote.', null],
    ['a bare attribution after a period still counts', '“We listened.” Kline said.', 'Kline'],
    ['a name in a later clause is not the speaker', 'China described its meeting as “constructive,” as the two sides look to ease tensions, Wang said.', 'China'],
    ['description is no name', '“We listened,” the superintendent said.', null],
    ['no attribution', 'The plan was “historic.”', null],
  ];
  for (const [name, draft, by] of cases) {
    it(name, () => {
      const [q] = findDraftQuotes(draft);
      assert.equal(q.attribution?.name ?? null, by);
      if (q.attribution) assert.equal(draft.slice(q.attribution.start, q.attribution.end), by);
    });
  }

  it('splits "“A,” she said, “B.”" into two passages with one speaker', () => {
    assert.deepEqual(quotes('Ortiz spoke. “The wall,” Ortiz said, “is done.”'), [
      { text: 'The wall,', by: 'Ortiz' },
      { text: 'is done.', by: 'Ortiz' },
    ]);
  });

  it('a “Name said” that introduces the next quote is not the attribution of the quote before it', () => {
    assert.deepEqual(quotes('Later, Kline said the plan was “a disaster for the harbor.” Ruth Abara said “We will vote no.”'), [
      { text: 'a disaster for the harbor.', by: 'Kline' },
      { text: 'We will vote no.', by: 'Ruth Abara' },
    ]);
    assert.deepEqual(quotes('Kline called the plan “a disaster!” Ruth Abara replied: “We will vote no.”'), [
      { text: 'a disaster!', by: 'Kline' },
      { text: 'We will vote no.', by: 'Ruth Abara' },
    ]);
    // A quote split by its attribution keeps it: the comma before the second part says so.
    assert.deepEqual(quotes('“Why?” Abara asked, “would anyone vote for it?”'), [
      { text: 'Why?', by: 'Abara' },
      { text: 'would anyone vote for it?', by: 'Abara' },
    ]);
  });

  it('points a pronoun at the previous attribution name, with the pronoun as span', () => {
    const draft = '“One,” Abara said.\n\n“Two,” she said.';
    const [, second] = findDraftQuotes(draft);
    assert.equal(second.attribution?.name, 'Abara');
    assert.equal(draft.slice(second.attribution!.start, second.attribution!.end), 'she');
  });

  it('with a resolver, points a pronoun at the last known name mentioned', () => {
    const resolve = (words: string[]) => (words[words.length - 1] === 'Abara' ? { used: 1, names: ['Ruth Abara'] } : null);
    const draft = '“One,” Ortiz said. Harbor master Ruth Abara disagreed. “Two,” she said.';
    const [, second] = parseDraft(draft, resolve);
    assert.equal(second.attribution?.name, 'Abara');
  });
});

describe('quoteContentTokens', () => {
  function shape(content: string) {
    const { words, gaps } = quoteContentTokens(content, 0, content.length);
    return { words: words.map((w) => w.norm), gaps: gaps.map((g) => [g.kind, g.at]) };
  }

  it('folds case and curly apostrophes, drops punctuation and splits hyphens', () => {
    assert.deepEqual(shape('In-depth, Don’t STOP!').words, ['in', 'depth', "don't", 'stop']);
  });

  it('marks ellipses and brackets as gaps after the words before them', () => {
    assert.deepEqual(shape('one … two [three] four ... five [...] six'), {
      words: ['one', 'two', 'four', 'five', 'six'],
      gaps: [
        ['ellipsis', 1],
        ['bracket', 2],
        ['ellipsis', 3],
        ['ellipsis', 4],
      ],
    });
  });

  it('reads link text, ignores footnote marks and continued list markers', () => {
    assert.deepEqual(shape('see [the plan](http://x.test/a) now[^1]\n> - and then').words, ['see', 'the', 'plan', 'now', 'and', 'then']);
  });

  it('keeps numbers whole and reads % as "percent"', () => {
    assert.deepEqual(shape('3,210 victims, 4.5%').words, ['3,210', 'victims', '4.5', 'percent']);
  });
});

describe('findDraftQuotes: properties', () => {
  const word = fc.stringMatching(/^[a-z]{1,8}$/);
  it('finds each wrapped passage exactly once, at its offsets', () => {
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), fc.boolean(), (passages, straight) => {
        const [open, close] = straight ? ['"', '"'] : ['“', '”'];
        const draft = passages.map((p) => `Someone wrote ${open}${p.join(' ')}${close} today.`).join(' ');
        const found = findDraftQuotes(draft);
        assert.deepEqual(found.map((q) => q.text), passages.map((p) => p.join(' ')));
        for (const q of found) assert.equal(draft.slice(q.start, q.end), q.text);
      }),
    );
  });

  it('finds nothing in text without double quote marks', () => {
    // (Two single marks in a row are a double one, ''…'': left out.)
    const noDoubled = (text: string): boolean => !/''|’’/.test(text);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', "'", '’', '\n', '.', ',', '-', '*', '>') }).filter(noDoubled), (text) => {
        assert.deepEqual(findDraftQuotes(text), []);
      }),
    );
  });
});

describe('draft: what is not prose', () => {
  it('ignores quotes in HTML comments, code and front matter, keeping offsets', () => {
    const draft = '---\ntitle: "A title"\n---\n<!-- run "Sourcebook: Search Quotes" -->\nUse `"x"` here.\n```\nlet s = "code";\n```\nPrice said the talks "were candid."\n';
    assert.equal(maskNonProse(draft).length, draft.length);
    const quotes = findDraftQuotes(draft);
    assert.deepEqual(quotes.map((q) => q.text), ['were candid.']);
    assert.equal(draft.slice(quotes[0].start, quotes[0].end), 'were candid.');
  });
});
