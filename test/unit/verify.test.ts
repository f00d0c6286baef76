import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Article, ArticlePerson, Quote } from '../../src/core/types';
import { packParagraphs, packSentences } from '../../src/core/spans';
import { Finding, FindingKind, QuoteSource, articleSource, verifyDraft } from '../../src/core/verify';
import { tempDir } from './tempDirs';

// The fixture articles are read from disk, but their quotes, speakers and
// people are annotated here by hand, so these tests judge verification alone,
// whatever the article reader makes of the files.

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'verify');

interface PersonSpec {
  name: string;
  surname: string;
  titles?: string[];
}

function person(p: PersonSpec): ArticlePerson {
  return { name: p.name, surname: p.surname, titles: p.titles ?? [], aliases: [p.surname], mentions: [], surnameFirst: false };
}

function fixtureArticle(file: string, quotes: [text: string, speaker: string | null][], people: PersonSpec[], otherSpeakers: string[] = []): Article {
  const filePath = path.join(FIXTURES, file);
  const text = fs.readFileSync(filePath, 'utf8');
  const paragraphs: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) paragraphs.push({ start: m.index, end: m.index + m[0].length });
  const sentences = paragraphs.flatMap((p, i) => {
    const out: { start: number; end: number; paragraph: number }[] = [];
    const body = text.slice(p.start, p.end);
    let from = 0;
    for (const m of body.matchAll(/[.!?][”"]?\s+(?=[“"\p{Lu}])/gu)) {
      out.push({ start: p.start + from, end: p.start + m.index + m[0].trimEnd().length, paragraph: i });
      from = m.index + m[0].length;
    }
    out.push({ start: p.start + from, end: p.end, paragraph: i });
    return out;
  });
  const quoteObjects: Quote[] = quotes.map(([q, speaker], i) => {
    const start = text.indexOf(q);
    assert.ok(start >= 0, `fixture ${file} lacks quote ${q}`);
    const paragraph = paragraphs.findIndex((p) => p.start <= start && p.end >= start);
    return { id: `${file}#${i}`, start, end: start + q.length, text: q, speaker, speakerMention: null, cue: 'said', paragraph };
  });
  return {
    path: filePath,
    text,
    meta: { outlet: null, date: null, title: null, url: null, contributors: [] },
    paragraphs: packParagraphs(paragraphs),
    sentences: packSentences(sentences),
    people: people.map(person),
    quotes: quoteObjects,
    otherSpeakers,
  };
}

const harbor = fixtureArticle(
  'harbor.txt',
  [
    ['a historic day for every family that lives below the tide line,', 'Elena Ortiz'],
    ['We will not let the water decide where people can live,', 'Elena Ortiz'],
    ['The wall is the promise we made after the flood, and tonight we kept it.', 'Elena Ortiz'],
    ['would not survive contact with a real contractor.', 'David Kline'],
    ['at least three cheaper designs submitted by local engineers.', 'David Kline'],
    ['long overdue and fully funded through 2027.', 'The harbor authority'],
    ['Every storm season we hold our breath,', 'Ruth Abara'],
    ['This time the engineers say it will hold for fifty years.', 'Ruth Abara'],
  ],
  [
    { name: 'Elena Ortiz', surname: 'Ortiz', titles: ['Mayor'] },
    { name: 'David Kline', surname: 'Kline', titles: ['Council member'] },
    { name: 'Ruth Abara', surname: 'Abara', titles: ['Harbor master'] },
  ],
);

const school = fixtureArticle(
  'school.txt',
  [
    ['would improve reading scores within two years.', 'Sarah Kline'],
    ['Teachers asked for more time, and we listened,', 'Sarah Kline'],
    ['Nobody asked the families who work late shifts,', 'Tomás Reyes'],
    ['Thirty minutes sounds small until you are the one paying for the bus.', 'Tomás Reyes'],
    ['raises pay by 4 percent and adds two paid sick days.', 'Linda Park'],
    ['historic for our drivers', 'Linda Park'],
    ['keeps every bus route exactly as it is.', 'Northside School Board'],
    ['We heard every parent who wrote to us,', 'Omar Haddad'],
  ],
  [
    { name: 'Sarah Kline', surname: 'Kline', titles: ['Superintendent'] },
    { name: 'Tomás Reyes', surname: 'Reyes', titles: ['Parent organizer'] },
    { name: 'Linda Park', surname: 'Park', titles: ['board president'] },
    { name: 'Omar Haddad', surname: 'Haddad', titles: ['Northside School Board spokesman'] },
  ],
  ['Northside School Board'],
);

const sources = articleSource([harbor, school]);

interface Case {
  name: string;
  draft: string;
  /** Judgement of each quoted passage, in order. */
  kinds: FindingKind[];
  speaker?: string | null;
  attributedTo?: string | null;
  expected?: string;
}

const CASES: Case[] = [
  // Verbatim, attribution forms.
  { name: 'curly marks, "X said"', draft: '“We will not let the water decide where people can live,” Ortiz said.', kinds: ['verified'], speaker: 'Elena Ortiz', attributedTo: 'Ortiz' },
  { name: 'straight marks', draft: '"We will not let the water decide where people can live," Ortiz said.', kinds: ['verified'], speaker: 'Elena Ortiz' },
  { name: 'title + full name', draft: '“Every storm season we hold our breath,” harbor master Ruth Abara said.', kinds: ['verified'], speaker: 'Ruth Abara', attributedTo: 'Ruth Abara' },
  { name: '"said X"', draft: '“Nobody asked the families who work late shifts,” said Tomás Reyes.', kinds: ['verified'], attributedTo: 'Tomás Reyes' },
  { name: '"according to X"', draft: 'The contract “raises pay by 4 percent and adds two paid sick days,” according to Linda Park.', kinds: ['verified'], attributedTo: 'Linda Park' },
  { name: '"X said:" before the quote', draft: 'Reyes said: “Thirty minutes sounds small until you are the one paying for the bus.”', kinds: ['verified'], attributedTo: 'Reyes' },
  { name: 'appositive', draft: '“Teachers asked for more time, and we listened,” Sarah Kline, the superintendent, said.', kinds: ['verified'], attributedTo: 'Sarah Kline' },
  { name: 'pronoun to the previous name', draft: 'Abara has run the harbor for a decade. “This time the engineers say it will hold for fifty years,” she said.', kinds: ['verified'], attributedTo: 'Abara' },
  { name: 'ambiguous surname covers the speaker', draft: '“Would not survive contact with a real contractor,” Kline said.', kinds: ['verified'], speaker: 'David Kline' },
  { name: 'subject before a partial quote', draft: 'Superintendent Sarah Kline said the change “would improve reading scores within two years.”', kinds: ['verified'], attributedTo: 'Sarah Kline' },
  // Verbatim up to typography and Markdown.
  { name: 'across a line break', draft: '“The wall is the promise we made after the flood,\nand tonight we kept it,” Ortiz said.', kinds: ['verified'] },
  { name: 'inside Markdown emphasis', draft: '*“Teachers asked for more time, and we listened,”* Kline said.', kinds: ['verified'], speaker: 'Sarah Kline' },
  { name: 'block quote', draft: '> “Every storm season we hold our breath,” Abara said.', kinds: ['verified'] },
  { name: 'block quote across lines', draft: '> “Every storm season\n> we hold our breath,” Abara said.', kinds: ['verified'] },
  { name: 'list item', draft: '- “Nobody asked the families who work late shifts,” Reyes said.', kinds: ['verified'] },
  { name: 'apostrophes are not quote marks', draft: 'The mayor’s office and Kline\'s allies clashed. “We will not let the water decide where people can live,” Ortiz said.', kinds: ['verified'] },
  { name: 'capitalised first letter', draft: 'Ortiz said the vote was “A historic day for every family that lives below the tide line.”', kinds: ['verified'] },
  { name: 'accents dropped', draft: '“Nobody asked the families who work late shifts,” said Tomas Reyes.', kinds: ['verified'], speaker: 'Tomás Reyes' },
  { name: 'accents dropped in a name that contradicts', draft: '“Every storm season we hold our breath,” Tomas Reyes said.', kinds: ['misattributed'], speaker: 'Ruth Abara' },
  { name: 'percent sign for "percent"', draft: 'The contract “raises pay by 4% and adds two paid sick days,” Park said.', kinds: ['verified'] },
  { name: 'ellipsis inside one quote', draft: '“The wall is the promise we made … and tonight we kept it,” Ortiz said.', kinds: ['verified'] },
  { name: 'three-dot ellipsis', draft: 'Kline said the council ignored “at least three cheaper designs ... by local engineers.”', kinds: ['verified'] },
  { name: 'bracket replacing a word', draft: '“This time the engineers say [the wall] will hold for fifty years,” Abara said.', kinds: ['verified'] },
  { name: 'bracket replacing the first word', draft: '“[The city] will not let the water decide where people can live,” Ortiz said.', kinds: ['verified'] },
  { name: 'split by its attribution', draft: '“The wall is the promise we made after the flood,” Ortiz said, “and tonight we kept it.”', kinds: ['verified', 'verified'] },
  { name: 'AP quote continued over paragraphs', draft: 'Abara said: “Every storm season we hold our breath.\n\n“This time the engineers say it will hold for fifty years.”', kinds: ['verified', 'verified'] },
  { name: 'narrative text of a source', draft: 'The vote ended “a two-year dispute over who should pay for storm repairs.”', kinds: ['verified'], speaker: null },
  { name: 'narrative text with an attribution is not judged', draft: '“The plan passed 7-2,” Kline said.', kinds: ['verified'], speaker: null },
  { name: 'unresolvable attribution is not a misattribution', draft: '“Every storm season we hold our breath,” a dockworker said.', kinds: ['verified'], speaker: 'Ruth Abara' },
  { name: 'a full name no source knows is someone else', draft: '“Every storm season we hold our breath,” Jim Smith said.', kinds: ['misattributed'], speaker: 'Ruth Abara' },
  { name: 'a full name no source knows that shares the speaker’s name', draft: '“Every storm season we hold our breath,” Ruth M. Abara said.', kinds: ['verified'], speaker: 'Ruth Abara' },
  { name: 'a lone word no source knows is not judged', draft: '“Every storm season we hold our breath,” Zenith said.', kinds: ['verified'] },
  { name: 'one-word fragment found inside quotes', draft: 'Kline called the vote “historic.”', kinds: ['verified'] },
  // Misquotes.
  { name: 'one word changed', draft: '“We will not let the ocean decide where people can live,” Ortiz said.', kinds: ['misquote'], expected: 'We will not let the water decide where people can live,', speaker: 'Elena Ortiz' },
  { name: 'one word added', draft: '“Teachers asked for more time, and we really listened,” Kline said.', kinds: ['misquote'], expected: 'Teachers asked for more time, and we listened,' },
  { name: 'one word dropped', draft: '“Teachers asked for time, and we listened,” Kline said.', kinds: ['misquote'], expected: 'Teachers asked for more time, and we listened,' },
  { name: 'negation added', draft: 'Kline said the change “would not improve reading scores within two years.”', kinds: ['misquote'], expected: 'would improve reading scores within two years.' },
  { name: 'negation removed', draft: 'Kline said the cost estimates “would survive contact with a real contractor.”', kinds: ['misquote'], expected: 'would not survive contact with a real contractor.' },
  { name: 'number changed', draft: 'The contract “raises pay by 5 percent and adds two paid sick days,” according to Linda Park.', kinds: ['misquote'], expected: 'raises pay by 4 percent and adds two paid sick days,' },
  { name: 'changed word inside an ellipsis quote', draft: '“The wall is the promise we made … and tonight we broke it,” Ortiz said.', kinds: ['misquote'], expected: 'The wall is the promise we made … and tonight we kept it,' },
  { name: 'narrative words pulled inside the quote', draft: '“The cost estimates would not survive contact with a real contractor,” Kline said.', kinds: ['misquote'], expected: 'would not survive contact with a real contractor,', speaker: 'David Kline' },
  { name: 'short whole quote with a negation', draft: 'Park called it “not historic for our drivers.”', kinds: ['misquote'], expected: 'historic for our drivers.' },
  // Misattributions.
  { name: 'surname of someone else', draft: '“Every storm season we hold our breath,” Ortiz said.', kinds: ['misattributed'], speaker: 'Ruth Abara', attributedTo: 'Ortiz' },
  { name: 'title + full name of someone else', draft: '“Nobody asked the families who work late shifts,” Superintendent Sarah Kline said.', kinds: ['misattributed'], speaker: 'Tomás Reyes' },
  { name: 'names inside a quote are not antecedents', draft: 'Abara spoke after the vote. “Ortiz said every storm season we hold our breath,” she said.', kinds: ['unsourced'], attributedTo: 'Abara' },
  { name: 'pronoun referring to someone else', draft: 'Ortiz spoke after the vote. “Every storm season we hold our breath,” she said.', kinds: ['misattributed'], speaker: 'Ruth Abara', attributedTo: 'Ortiz' },
  { name: '"according to" someone else', draft: 'The contract “raises pay by 4 percent and adds two paid sick days,” according to Tomás Reyes.', kinds: ['misattributed'], speaker: 'Linda Park' },
  { name: 'an ambiguous pronoun is not a misattribution', draft: 'Ortiz was asked about Abara. “Every storm season we hold our breath,” she said.', kinds: ['verified'], speaker: 'Ruth Abara' },
  { name: 'an organisation for its spokesman', draft: '“We heard every parent who wrote to us,” the Northside School Board said.', kinds: ['verified'], speaker: 'Omar Haddad' },
  { name: 'a spokesman for his organisation', draft: '“Keeps every bus route exactly as it is,” Haddad said.', kinds: ['verified'], speaker: 'Northside School Board' },
  { name: 'an organisation for someone not speaking for it', draft: '“Nobody asked the families who work late shifts,” the Northside School Board said.', kinds: ['misattributed'], speaker: 'Tomás Reyes' },
  { name: 'a person for an organisation they do not speak for', draft: '“Keeps every bus route exactly as it is,” Reyes said.', kinds: ['misattributed'], speaker: 'Northside School Board' },
  // Unsourced, and what must not become a misquote.
  { name: 'in no source', draft: '“We are building the tallest wall in the state,” Ortiz said.', kinds: ['unsourced'] },
  { name: 'short near match is not a misquote', draft: '“historical day,” Ortiz said.', kinds: ['unsourced'] },
  { name: 'ellipsis may not join two source quotes', draft: '“We will not let the water decide … tonight we kept it,” Ortiz said.', kinds: ['unsourced'] },
  { name: 'unclosed quote while typing', draft: 'Ortiz said: “We will not let', kinds: [] },
];

describe('verifyDraft: table of draft passages against the fixture articles', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const findings = verifyDraft(c.draft, sources);
      assert.deepEqual(
        findings.map((f) => f.kind),
        c.kinds,
        JSON.stringify(findings.map((f) => ({ kind: f.kind, text: f.text, expected: f.expected, speaker: f.speaker, attributedTo: f.attributedTo }))),
      );
      const f = findings[0];
      if (c.speaker !== undefined) assert.equal(f.speaker, c.speaker);
      if (c.attributedTo !== undefined) assert.equal(f.attributedTo, c.attributedTo);
      if (c.expected !== undefined) assert.equal(f.expected, c.expected);
      for (const g of findings) assert.equal(c.draft.slice(g.start, g.end), g.text);
    });
  }

  it('has at least 30 passages', () => {
    assert.ok(CASES.length >= 30);
  });
});

describe('verifyDraft: findings', () => {
  it('a misquote fixed with its expected wording verifies', () => {
    for (const c of CASES.filter((k) => k.kinds[0] === 'misquote')) {
      const [f] = verifyDraft(c.draft, sources);
      const fixed = c.draft.slice(0, f.start) + f.expected + c.draft.slice(f.end);
      assert.deepEqual(verifyDraft(fixed, sources).map((g) => g.kind), ['verified'], `${c.name}: ${fixed}`);
    }
  });

  it('gives a word diff from the draft to the source', () => {
    const [f] = verifyDraft('“We will not let the ocean decide where people can live,” Ortiz said.', sources);
    assert.deepEqual(f.diff, [
      { op: 'equal', text: 'We will not let the' },
      { op: 'delete', text: 'ocean' },
      { op: 'insert', text: 'water' },
      { op: 'equal', text: 'decide where people can live' },
    ]);
  });

  it('points to the source words and quote', () => {
    const [f] = verifyDraft('“Every storm season we hold our breath,” Abara said.', sources);
    assert.ok(f.source);
    assert.equal(f.source.path, harbor.path);
    assert.equal(harbor.text.slice(f.source.start, f.source.end), 'Every storm season we hold our breath');
    assert.equal(f.source.quoteId, 'harbor.txt#6');
  });

  it('reports every quote of a longer draft at its own offsets', () => {
    const draft = [
      '# Harbor wall',
      '',
      'Mayor Elena Ortiz said “we will not let the water decide where people can live.”',
      '',
      '“Every storm season we hold our breath,” Ortiz said.',
      '',
      '“The budget is final,” Kline said.',
    ].join('\n');
    const findings = verifyDraft(draft, sources);
    assert.deepEqual(
      findings.map((f) => [f.kind, f.text]),
      [
        ['verified', 'we will not let the water decide where people can live.'],
        ['misattributed', 'Every storm season we hold our breath,'],
        ['unsourced', 'The budget is final,'],
      ],
    );
  });

  it('sees new articles when the source changes', () => {
    let articles: Article[] = [school];
    const source: QuoteSource = { articles: () => articles };
    const draft = '“Every storm season we hold our breath,” Abara said.';
    assert.equal(verifyDraft(draft, source)[0].kind, 'unsourced');
    articles = [school, harbor];
    assert.equal(verifyDraft(draft, source)[0].kind, 'verified');
  });

  it('keeps the finding kinds within the contract', () => {
    const kinds = new Set<Finding['kind']>(['verified', 'misquote', 'misattributed', 'unsourced']);
    for (const c of CASES) for (const f of verifyDraft(c.draft, sources)) assert.ok(kinds.has(f.kind));
  });
});

describe('verifyDraft with the project index and reader', () => {
  it('accepts a SourceIndex as its QuoteSource', async () => {
    const { SourceIndex } = await import('../../src/core/sourceIndex');
    const index = new SourceIndex();
    index.setArticle(harbor);
    index.setArticle(school);
    const [f] = verifyDraft('“Every storm season we hold our breath,” Ortiz said.', index);
    assert.equal(f.kind, 'misattributed');
    assert.equal(f.speaker, 'Ruth Abara');
  });
});

describe('sourcebook verify (CLI)', () => {
  const seedDraft = (body: string) => {
    const file = path.join(tempDir('sb-verify-'), 'draft.md');
    fs.writeFileSync(file, body);
    return file;
  };
  async function cli(argv: string[]) {
    const { run } = await import('../../src/cli/commands/verify');
    const { main } = await import('../../src/cli/main');
    let stdout = '';
    let stderr = '';
    const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
    assert.equal(typeof run, 'function');
    const code = await main(['verify', ...argv], io);
    return { code, stdout, stderr };
  }

  it('exits 0 and reports a verified quote in JSON', async () => {
    const draft = seedDraft('The talks “were candid, they were substantive,” State Department spokesman Ned Price said.\n');
    const { code, stdout } = await cli(['--json', draft]);
    assert.equal(code, 0);
    const json = JSON.parse(stdout) as { findings: Finding[] };
    assert.equal(json.findings.length, 1);
    assert.equal(json.findings[0].kind, 'verified');
    assert.equal(json.findings[0].speaker, 'Ned Price');
    assert.ok(json.findings[0].source && /000_0af8d4bc5d39ec79\.txt$/.test(json.findings[0].source.path));
  });

  it('exits 1 on a misquote and prints file:line:column', async () => {
    const draft = seedDraft('# Draft\n\nPrice said the talks “were candid, they were not substantive.”\n');
    const { code, stdout } = await cli([draft]);
    assert.equal(code, 1);
    assert.match(stdout, /draft\.md:3:23 misquote: .*were candid, they were substantive/);
  });

  it('exits 3 with a clear message for a missing or binary draft', async () => {
    const missing = await cli(['/nonexistent/draft.md']);
    assert.equal(missing.code, 3);
    assert.match(missing.stderr, /no such draft/);
    const binary = seedDraft('');
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    const bad = await cli([binary]);
    assert.equal(bad.code, 3);
    assert.match(bad.stderr, /not a text draft/);
  });

  it('exits 2 without a draft', async () => {
    assert.equal((await cli([])).code, 2);
  });
});

describe('verifyDraft: properties', () => {
  it('verifies any run of source words quoted whole from inside one quote or from narrative', () => {
    const tokens = [...harbor.text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const inQuote = (at: number) => harbor.quotes.findIndex((q) => at >= q.start && at < q.end);
    fc.assert(
      fc.property(fc.nat(tokens.length - 1), fc.integer({ min: 1, max: 12 }), (first, length) => {
        const last = Math.min(tokens.length - 1, first + length - 1);
        const start = tokens[first].start;
        const end = tokens[last].end;
        const span = harbor.text.slice(start, end);
        fc.pre(!span.includes('\n') && !/[“”©]/.test(span));
        const owners = new Set(tokens.slice(first, last + 1).map((t) => inQuote(t.start)));
        fc.pre(owners.size === 1);
        const findings = verifyDraft(`The record shows “${span}” today.`, sources);
        assert.deepEqual(findings.map((f) => f.kind), ['verified'], span);
        assert.ok(findings[0].source);
      }),
      { numRuns: 300 },
    );
  });
});

describe('verifyDraft: mutation properties', () => {
  const longQuotes = [...harbor.quotes, ...school.quotes].filter((q) => q.text.split(/\s+/).length >= 5);
  const speakerOf = (q: Quote) => q.speaker!.split(' ').pop();

  it('flags any interior word changed, dropped or negated as a misquote whose fix restores the source', () => {
    fc.assert(
      fc.property(fc.constantFrom(...longQuotes), fc.nat(), fc.constantFrom('change', 'drop', 'negate'), (quote, pick, how) => {
        const words = [...quote.text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)];
        const interior = words.slice(1, -1).filter((w, i, all) => w[0] !== all[i - 1]?.[0] && w[0] !== all[i + 1]?.[0]);
        const w = interior[pick % interior.length];
        const at = w.index;
        const mutated =
          how === 'change'
            ? quote.text.slice(0, at) + 'zebra' + quote.text.slice(at + w[0].length)
            : how === 'drop'
              ? quote.text.slice(0, at) + quote.text.slice(at + w[0].length + 1)
              : quote.text.slice(0, at) + 'not ' + quote.text.slice(at);
        const draft = `“${mutated}” ${speakerOf(quote)} said.`;
        const [f] = verifyDraft(draft, sources);
        assert.equal(f.kind, 'misquote', `${how}: ${draft}`);
        const fixed = draft.slice(0, f.start) + f.expected + draft.slice(f.end);
        assert.deepEqual(verifyDraft(fixed, sources).map((g) => g.kind), ['verified'], fixed);
      }),
      { numRuns: 200 },
    );
  });

  it('flags any other person of the sources named for a quote as a misattribution', () => {
    const people = [...harbor.people, ...school.people];
    fc.assert(
      fc.property(fc.constantFrom(...longQuotes.filter((q) => people.some((p) => p.name === q.speaker))), fc.nat(), (quote, pick) => {
        const others = people.filter((p) => p.name !== quote.speaker && p.surname !== speakerOf(quote));
        const other = others[pick % others.length];
        const [f] = verifyDraft(`“${quote.text}” ${other.name} said.`, sources);
        assert.equal(f.kind, 'misattributed');
        assert.equal(f.speaker, quote.speaker);
      }),
    );
  });
});

describe('verifyDraft: a changed last word of a whole quote (the seed)', () => {
  it('is a misquote whose expected wording is the whole source quote', async () => {
    const { loadSources } = await import('../../src/core/sources');
    const seeds = path.resolve(__dirname, '..', '..', '..', 'seeds');
    const { articles } = loadSources([seeds]);
    const source: QuoteSource = { articles: () => articles };
    const draft = 'State Department spokesman Ned Price said the talks "were candid, they were substantial."\n';
    const [f] = verifyDraft(draft, source);
    assert.equal(f.kind, 'misquote');
    assert.equal(f.expected, 'were candid, they were substantive.');
    assert.equal(f.speaker, 'Ned Price');
    const ok = verifyDraft(draft.replace('substantial', 'substantive'), source);
    assert.equal(ok[0].kind, 'verified');
  });
});
