import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseArticle, readQuoteCandidates } from '../../src/core/article';
import { decodeSource } from '../../src/core/decode';
import { splitSentences } from '../../src/core/structure';
import { readingCopy } from '../../src/core/quoteMarks';
import type { Article } from '../../src/core/types';
import { paragraphList, sentenceList } from '../../src/core/spans';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED = path.join(ROOT, 'seeds', '000_0af8d4bc5d39ec79.txt');

function quotesOf(a: Article): [string, string | null][] {
  return a.quotes.map((q) => [q.text, q.speaker]);
}

function speakerOf(text: string, quoteStart: string): string | null {
  const a = parseArticle('fixture.txt', text);
  const q = a.quotes.find((x) => x.text.startsWith(quoteStart));
  assert.ok(q, `no quote starting "${quoteStart}" in ${JSON.stringify(a.quotes.map((x) => x.text))}`);
  return q.speaker;
}

describe('reading the seed article', () => {
  const text = decodeSource(fs.readFileSync(SEED));
  assert.ok('text' in text);
  const a = parseArticle(SEED, text.text);

  it('finds exactly the four quotes with their speakers', () => {
    assert.deepEqual(
      a.quotes.map((q) => [q.text.slice(0, 30), q.speaker]),
      [
        ['in-depth and constructive,', 'China'],
        ['properly handling issues in bi', 'Wang Wenbin'],
        ['were candid, they were substan', 'Ned Price'],
        ['would continue to compete vigo', 'Ned Price'],
      ],
    );
    assert.equal(a.quotes[2].text, 'were candid, they were substantive.');
  });

  it('gives offsets that slice to the quote and mentions that name the speaker', () => {
    for (const q of a.quotes) {
      assert.equal(a.text.slice(q.start, q.end), q.text);
      assert.ok(q.speakerMention);
    }
    const m = a.quotes[3].speakerMention!;
    assert.equal(a.text.slice(m.start, m.end), 'Price');
    assert.equal(a.quotes[1].cue, 'said');
  });

  it('lists the ten people with titles as written, and not the contributors', () => {
    const byName = new Map(a.people.map((p) => [p.name, p]));
    assert.deepEqual([...byName.keys()].sort(), ['Antony Blinken', 'Daniel Kritenbrink', 'Joe Biden', 'Laura Rosenberger', 'Nancy Pelosi', 'Ned Price', 'Wang Wenbin', 'Wang Yi', 'Xi Jinping', 'Xie Feng']);
    assert.deepEqual(byName.get('Ned Price')!.titles, ['State Department spokesman']);
    assert.deepEqual(byName.get('Xie Feng')!.titles, ['Vice Foreign Minister']);
    assert.deepEqual(byName.get('Laura Rosenberger')!.titles, ['National Security Council Senior Director for China and Taiwan']);
    assert.deepEqual(byName.get('Antony Blinken')!.titles, ['US Secretary of State']);
    assert.ok(byName.get('Xi Jinping')!.surnameFirst);
    assert.equal(byName.get('Wang Wenbin')!.surname, 'Wang');
    assert.deepEqual(a.meta.contributors, ['Ocean Hou', 'Courtney McBride']);
  });

  it('resolves the first bare "Wang" to Wang Wenbin and the second to Wang Yi', () => {
    const wangs = a.people.flatMap((p) => p.mentions.filter((m) => a.text.slice(m.start, m.end) === 'Wang').map((m) => [m.start, p.name] as const)).sort((x, y) => x[0] - y[0]);
    assert.deepEqual(wangs.map((w) => w[1]), ['Wang Wenbin', 'Wang Yi']);
  });

  it('reads aliases: possessives and the Xi-Biden pair', () => {
    const blinken = a.people.find((p) => p.name === 'Antony Blinken')!;
    assert.ok(blinken.aliases.includes('Blinken’s'));
    const xi = a.people.find((p) => p.name === 'Xi Jinping')!;
    assert.ok(xi.aliases.includes('Xi'));
    assert.equal(xi.mentions.length, 2);
  });

  it('reads the outlet and year, and keeps boilerplate out of the story', () => {
    assert.equal(a.meta.outlet, 'Bloomberg');
    assert.equal(a.meta.date, '2022');
    const story = paragraphList(a).map((p) => a.text.slice(p.start, p.end)).join('\n');
    assert.ok(!story.includes('©2022'));
    assert.ok(!story.includes('With assistance'));
    assert.ok(!story.includes('(Updates with'));
    assert.ok(!story.startsWith('(Bloomberg)'));
  });
});

describe('quote constructions', () => {
  it('curly and straight marks', () => {
    assert.deepEqual(quotesOf(parseArticle('a.txt', 'Headline words here\n\n"We will win," Mayor Ann Lee said.\n\n“We lost,” Lee said later.')), [
      ['We will win,', 'Ann Lee'],
      ['We lost,', 'Ann Lee'],
    ]);
  });

  it('a quote split by its attribution is two entries with one speaker', () => {
    const a = parseArticle('a.txt', '“This is the first part,” she said, “and this is the second.”\n');
    assert.equal(a.quotes.length, 2);
    assert.equal(a.quotes[0].speakerMention && a.text.slice(a.quotes[0].speakerMention.start, a.quotes[0].speakerMention.end), 'she');
    assert.deepEqual(a.quotes[0].speakerMention, a.quotes[1].speakerMention);
  });

  it('a multi-paragraph quote continues with the same speaker', () => {
    const text = 'Senator Maria Gomez said: “The first paragraph of the speech goes here.\n\n“And the second paragraph ends it.”\n';
    const a = parseArticle('a.txt', text);
    assert.deepEqual(quotesOf(a), [
      ['The first paragraph of the speech goes here.', 'Maria Gomez'],
      ['And the second paragraph ends it.', 'Maria Gomez'],
    ]);
  });

  it('single quotes nested in double stay inside the quote', () => {
    const a = parseArticle('a.txt', '“He told me ‘never again’ and left,” Tom Baker said.');
    assert.deepEqual(quotesOf(a), [['He told me ‘never again’ and left,', 'Tom Baker']]);
  });

  it('apostrophes are not quote marks', () => {
    const a = parseArticle('a.txt', 'The voters’ choice isn’t clear, and it’s late. “Still,” Joe Ruiz said.');
    assert.deepEqual(quotesOf(a), [['Still,', 'Joe Ruiz']]);
  });

  it('a quote never closed ends at its paragraph', () => {
    const text = '“This quote never closes, Dana Kim said.\n\nA new paragraph with no quotes.';
    const a = parseArticle('a.txt', text);
    assert.equal(a.quotes.length, 1);
    assert.equal(a.quotes[0].end, text.indexOf('\n'));
  });

  it('a straight mark with no space before it still opens a quote when none is open', () => {
    assert.deepEqual(quotesOf(parseArticle('a.txt', 'Mayor Ann Lee praised the pact and spoke of"joint work between our two towns." She left.')), [
      ['joint work between our two towns.', 'Ann Lee'],
    ]);
    assert.deepEqual(quotesOf(parseArticle('a.txt', 'Mayor Ann Lee was angry."We were deceived," she said.')), [['We were deceived,', 'Ann Lee']]);
    // After a digit the mark is inches, and with a quote open it closes it.
    assert.deepEqual(quotesOf(parseArticle('a.txt', 'The 6"pipe burst. “It was old,"said Ann Lee.')), [['It was old,', 'Ann Lee']]);
  });

  it("reads doubled single marks as double ones: ''…'' (archive copy), ‘‘…’’, and three marks with a nested quote", () => {
    const text =
      "The ferry report was grim.\n\n''We may finally be seeing some repairs, and if it lasts, that would be a big story,'' the harbor master Ann Lee said.\n\nMs. Lee added, ''it gets harder every winter.'' The voters' mood was sour.\n\nHer deputy, Tom Ruiz, said: ''I told them 'no.''' He left.\n\n‘‘The pier is safe,’’ said Dana Holt.\n";
    const a = parseArticle('a.txt', text);
    assert.deepEqual(quotesOf(a), [
      ['We may finally be seeing some repairs, and if it lasts, that would be a big story,', 'Ann Lee'],
      ['it gets harder every winter.', 'Ann Lee'],
      ["I told them 'no.'", 'Tom Ruiz'],
      ['The pier is safe,', 'Dana Holt'],
    ]);
    for (const q of a.quotes) assert.equal(text.slice(q.start, q.end), q.text);
    // The article keeps the text as written.
    assert.equal(a.text, text);
  });

  it("reads a quote running over paragraphs in ''…'' as it does in “…”: each re-opening paragraph goes on from the last", () => {
    const curly = 'The board met late.\n\n“The ferry is our lifeline. We will not let it go.\n\n“We will fight for it,” Ann Lee said.\n';
    const doubled = curly.replace(/[“”]/g, "''");
    const flags = (text: string) => readQuoteCandidates('fixture.txt', text).raw.map((r) => [r.closed, r.continued]);
    assert.deepEqual(flags(curly), [
      [false, false],
      [true, true],
    ]);
    assert.deepEqual(flags(doubled), flags(curly));
  });

  it("in a text quoting with curly marks, '' inside a quote stays part of its words", () => {
    const text = "“He told me ''no'' twice,” Ann Lee said. ‘‘The pier is safe,’’ said Dana Holt.\n";
    assert.deepEqual(quotesOf(parseArticle('a.txt', text)), [
      ["He told me ''no'' twice,", 'Ann Lee'],
      ['The pier is safe,', 'Dana Holt'],
    ]);
  });

  it('partial quotes inside reported speech', () => {
    assert.equal(speakerOf('Economist Lisa Cook said the plan was “deeply flawed” and would fail.', 'deeply'), 'Lisa Cook');
    assert.equal(speakerOf('The ministry described the talks as “frank and useful.”', 'frank'), 'the ministry');
  });
});

describe('attribution', () => {
  it('cue after: name, said name, pronoun, description', () => {
    assert.equal(speakerOf('Mayor Ann Lee spoke first.\n\n“We will rebuild,” Lee said.', 'We will'), 'Ann Lee');
    assert.equal(speakerOf('“We will rebuild,” said Governor Tom Park.', 'We will'), 'Tom Park');
    assert.equal(speakerOf('Mayor Ann Lee spoke first. “We will rebuild,” she said.', 'We will'), 'Ann Lee');
    assert.equal(speakerOf('“The numbers are wrong,” the newspaper wrote.', 'The numbers'), 'the newspaper');
  });

  it('cue before, colon introduction, according to', () => {
    assert.equal(speakerOf('Senator Bill Hart said: “We have the votes.”', 'We have'), 'Bill Hart');
    assert.equal(speakerOf('“Prices will fall,” according to Federal Reserve Chair Jane Moss.', 'Prices'), 'Jane Moss');
    assert.equal(speakerOf('According to Jane Moss, “prices will fall.”', 'prices'), 'Jane Moss');
  });

  it('a name separated from the verb by an appositive', () => {
    assert.equal(speakerOf('Wang Yi, China’s foreign minister, said the meeting was “useful.”', 'useful'), 'Wang Yi');
    assert.equal(speakerOf('“It was useful,” Wang Yi, China’s foreign minister, said.', 'It was'), 'Wang Yi');
  });

  it('records the appositive as a title', () => {
    const a = parseArticle('a.txt', 'Wang Yi, China’s foreign minister, said the meeting was “useful.”');
    assert.deepEqual(a.people.find((p) => p.name === 'Wang Yi')!.titles, ['China’s foreign minister']);
  });

  it('organisations and countries speak too', () => {
    assert.equal(speakerOf('China said the move was “unacceptable.”', 'unacceptable'), 'China');
    assert.equal(speakerOf('“We disagree,” the State Department said.', 'We disagree'), 'State Department');
  });

  it('the speaker carries to the following quotes of the paragraph', () => {
    const a = parseArticle('a.txt', '“One,” Sam Ortiz said. “Two.” “Three.”');
    assert.deepEqual(a.quotes.map((q) => q.speaker), ['Sam Ortiz', 'Sam Ortiz', 'Sam Ortiz']);
  });

  it('participles, relative pronouns, parentheticals and transcript labels', () => {
    assert.equal(speakerOf('Before the vote, Police Chief Calvin Ward lobbied hard, saying, “The fewer cars, the safer.”', 'The fewer'), 'Calvin Ward');
    assert.equal(speakerOf('It began with Helen Brant, who declared in June that tourists “cannot park here.”', 'cannot'), 'Helen Brant');
    assert.equal(speakerOf('“We will lose,” Sen. Helen Marsh (R-Ore.) said.', 'We will'), 'Helen Marsh');
    assert.equal(speakerOf('“We might tie,” Rep. Peter Lund, R-Nev., said.', 'We might'), 'Peter Lund');
    assert.equal(speakerOf('“Crews were cheering” before the storm, Mayor Ann Lee said.', 'Crews'), 'Ann Lee');
    const a = parseArticle('t.txt', 'Gov. Ruth Calloway spoke to Dan Ferris.\n\n"CALLOWAY: Well, look, the levee will hold.');
    const m = a.quotes[0].speakerMention!;
    assert.equal(a.text.slice(m.start, m.end), 'CALLOWAY');
    assert.equal(a.quotes[0].speaker, 'Ruth Calloway');
  });

  it('an embedded clause is not the speaker; the main clause is', () => {
    assert.equal(speakerOf('President Anna Kessler said she expected that voters will say “no” to the plan.', 'no'), 'Anna Kessler');
  });

  it('unknown stays null rather than guessing', () => {
    assert.equal(speakerOf('Signs along the road showed “lock her up” in red letters.', 'lock'), null);
    // Two women named before "she": no guess.
    assert.equal(speakerOf('Ann Lee met Mary Cole. Later “it was fine,” she said.', 'it was'), null);
  });

  it('a surname that cannot be resolved with confidence stays unresolved', () => {
    const a = parseArticle('a.txt', 'Smith arrived early.\n\nTom Smith and Ann Smith spoke later.');
    const first = a.people.flatMap((p) => p.mentions).find((m) => m.start === 0);
    assert.equal(first, undefined);
  });
});

describe('articles as users have them', () => {
  const body = 'Headline of the story\n\n“We will win,” Mayor Ann Lee said.\n';

  it('UTF-8 with BOM: offsets index the decoded text, BOM removed', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
    const d = decodeSource(bytes);
    assert.ok('text' in d);
    assert.equal(d.text, body);
  });

  it('UTF-16 LE and BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
    const d = decodeSource(le);
    assert.ok('text' in d && d.text === body);
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    const d2 = decodeSource(be);
    assert.ok('text' in d2 && d2.text === body);
  });

  it('CRLF and CR-only line ends', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = body.replace(/\n/g, eol);
      const a = parseArticle('a.txt', text);
      assert.equal(a.meta.title, 'Headline of the story');
      assert.deepEqual(quotesOf(a), [['We will win,', 'Ann Lee']]);
      assert.equal(text.slice(a.quotes[0].start, a.quotes[0].end), 'We will win,');
    }
  });

  it('Windows-1252 falls back sensibly; binary is refused', () => {
    const d = decodeSource(Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x6f, 0x6b]));
    assert.ok('text' in d && d.text === '“Hi” ok');
    const bin = decodeSource(Buffer.from([0x00, 0x01, 0x02, 0x50, 0x4b]));
    assert.ok('error' in bin);
  });

  it('front matter: title, outlet, date, url, authors', () => {
    const a = parseArticle('a.md', '---\ntitle: Talks resume\noutlet: Reuters\ndate: 2023-05-02\nurl: https://example.com/x\nauthor: Jo Reyes\n---\n\n“Fine,” Ann Lee said.\n');
    assert.deepEqual(a.meta, { title: 'Talks resume', outlet: 'Reuters', date: '2023-05-02', url: 'https://example.com/x', contributors: ['Jo Reyes'] });
  });

  it('datelines and copyright lines give the outlet', () => {
    assert.equal(parseArticle('a.txt', 'WASHINGTON (AP) — The Senate voted. “Done,” Ann Lee said.').meta.outlet, 'AP');
    const c = parseArticle('a.txt', 'Text of the story here.\n\nCopyright 2021 The Associated Press. All rights reserved.');
    assert.equal(c.meta.date, '2021');
  });

  it('a Markdown heading is the headline; a byline is a contributor', () => {
    const a = parseArticle('a.md', '# Budget passes\n\nBy Carla Diaz\n\nMayor Ann Lee said the budget was “balanced.”');
    assert.equal(a.meta.title, 'Budget passes');
    assert.deepEqual(a.meta.contributors, ['Carla Diaz']);
    assert.ok(!a.people.some((p) => p.name === 'Carla Diaz'));
  });

  it('a “Follow … on Twitter” sign-off is a byline: its names are contributors, not people, and it is no quote', () => {
    const a = parseArticle(
      'a.txt',
      'Senator Ann Lee said the budget was “balanced.”\n\n“Follow Carla Diaz on Twitter @carladiaz.”\n\nFollow Harbor Gazette reporter Jo Reyes and Dan Moss on Twitter: https://twitter.com/joreyes.\n',
    );
    assert.deepEqual(a.meta.contributors, ['Carla Diaz', 'Jo Reyes', 'Dan Moss']);
    assert.deepEqual(a.people.map((p) => p.name), ['Ann Lee']);
    assert.deepEqual(a.quotes.map((q) => q.text), ['balanced.']);
    // A story sentence about following someone stays in the story.
    const b = parseArticle('b.txt', 'Follow the money, Ann Lee told reporters on Twitter, and “you will find the mayor.”\n');
    assert.deepEqual(b.meta.contributors, []);
    assert.deepEqual(b.quotes.map((q) => [q.text, q.speaker]), [['you will find the mayor.', 'Ann Lee']]);
  });

  it('a wire service’s credits in brackets are contributors, a paragraph of their own or closing the last one', () => {
    const own = parseArticle(
      'a.txt',
      'Mayor Ann Lee said the pier would reopen.\n\n(Additional reporting by Jo Reyes and Dan Moss in Portland, Kim Ortiz in Salem, Oregon; Writing by Lia Park; Editing by Tom Hale.)\n',
    );
    assert.deepEqual(own.meta.contributors, ['Jo Reyes', 'Dan Moss', 'Kim Ortiz', 'Lia Park', 'Tom Hale']);
    assert.deepEqual(own.people.map((p) => p.name), ['Ann Lee']);
    const closing = parseArticle('b.txt', 'Mayor Ann Lee said the pier would “reopen soon.” The vote is in May. (Reporting by Jo Reyes in Portland; Editing by Tom Hale.)\n');
    assert.deepEqual(closing.meta.contributors, ['Jo Reyes', 'Tom Hale']);
    assert.deepEqual(closing.people.map((p) => p.name), ['Ann Lee']);
    assert.deepEqual(closing.quotes.map((q) => [q.text, q.speaker]), [['reopen soon.', 'Ann Lee']]);
  });

  it('abbreviations do not end sentences', () => {
    const text = 'The U.S. Sen. Ann Lee of Calif. spoke on Monday. Then she left.';
    const s = splitSentences(text, { start: 0, end: text.length }, 0);
    assert.deepEqual(s.map((x) => text.slice(x.start, x.end)), ['The U.S. Sen. Ann Lee of Calif. spoke on Monday.', 'Then she left.']);
  });
});

describe('properties of the reader on any input', () => {
  const marks = fc.constantFrom('“', '”', '"', '‘', '’', "'", "''", "'''", '‘‘', '’’', ' said ', ' Ann Lee ', ', ', '.', '\n\n', '\r\n', 'Sen. ', 'he ', ':', 'according to ', '—', 'J. ', 'A. B. ', ', a ', ' Jr.');
  const pieces = fc.array(fc.oneof(marks, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 60 });

  it('never throws, and every span lies inside the text and slices to the quote', () => {
    fc.assert(
      fc.property(pieces, (parts) => {
        const text = parts.join('');
        const a = parseArticle('p.txt', text);
        for (const q of a.quotes) {
          assert.ok(q.start >= 0 && q.end <= text.length && q.start <= q.end);
          assert.equal(text.slice(q.start, q.end), q.text);
          if (q.speakerMention) assert.ok(q.speakerMention.start >= 0 && q.speakerMention.end <= text.length && q.speakerMention.start < q.speakerMention.end);
        }
        for (const p of a.people) for (const m of p.mentions) assert.ok(m.start >= 0 && m.end <= text.length);
        for (const s of sentenceList(a)) assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end);
      }),
      { numRuns: 400 },
    );
  });

  it('a name of initials alone is no one, and does not stop the reading ("J. J., a friend")', () => {
    for (const text of ['He met J. J., a friend of the mayor.', '“J. J., a” he said.', 'A. B. C., the treasurer, said “no.”']) {
      const a = parseArticle('p.txt', text);
      assert.ok(!a.people.some((p) => /^(?:\p{L}\.\s?)+$/u.test(p.name)), JSON.stringify(a.people.map((p) => p.name)));
    }
  });

  it('the reading copy keeps every offset: same length, and only doubled marks and their padding differ', () => {
    fc.assert(
      fc.property(pieces, (parts) => {
        const text = parts.join('');
        const reading = readingCopy(text);
        assert.equal(reading.length, text.length);
        for (let i = 0; i < text.length; i++) {
          if (reading[i] === text[i]) continue;
          assert.ok("'‘’".includes(text[i]), `changed ${JSON.stringify(text[i])} at ${i}`);
          assert.ok('"“” '.includes(reading[i]));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('decoding never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const d = decodeSource(bytes);
        assert.ok('text' in d || 'error' in d);
      }),
    );
  });
});
