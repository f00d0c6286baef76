import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { WordIndex, searchIndex, RankFields } from '../../src/core/search';
import { foldText, words } from '../../src/core/text';

/** A small index over plain strings: item id = position in the list. */
function indexOf(items: string[], contexts: string[] = []): { index: WordIndex; search: (q: string, limit?: number) => number[] } {
  const index = new WordIndex({ pairs: true });
  items.forEach((text, i) => {
    const id = index.allocate();
    assert.equal(id, i);
    index.addText(id, text);
    if (contexts[i]) index.addWords(id, words(contexts[i]));
  });
  const fields = (id: number): RankFields => ({ text: foldText(items[id]), context: foldText(contexts[id] ?? '') });
  return { index, search: (q, limit = 5) => searchIndex(index, q, fields, { limit }).map((r) => r.id) };
}

const QUOTES = [
  'were candid, they were substantive.',
  'would continue to compete vigorously, stand up for US interests and values',
  'in-depth and constructive,',
  'properly handling issues in bilateral relations including the Taiwan question',
  'We are candid about the risks, and they were real.',
  'China’s economy is slowing, officials said.',
  'The café reopened after the storm.',
];
const WHO = ['Ned Price State Department spokesman Bloomberg', 'Ned Price Bloomberg', 'China Bloomberg', 'Wang Wenbin Bloomberg', 'Jane Doe AP', 'Li Wei Reuters', 'Sam Smith AP'];

describe('search: inverted index + fuse.js', () => {
  const { search, index } = indexOf(QUOTES, WHO);

  it('an exact three-word fragment ranks its quote first', () => {
    assert.equal(search('they were substantive')[0], 0);
    assert.equal(search('compete vigorously, stand')[0], 1);
    assert.equal(search('candid about the')[0], 4);
  });

  it('words out of order and across quote and speaker ("Price candid")', () => {
    assert.equal(search('candid substantive')[0], 0);
    assert.equal(search('Price candid')[0], 0);
  });

  it('tolerates one typo per word (substitution, deletion, insertion, transposition)', () => {
    assert.equal(search('substantiev')[0], 0);
    assert.equal(search('vigorusly')[0], 1);
    assert.equal(search('bilatteral relations')[0], 3);
    assert.equal(search('cnadid substantive')[0], 0);
  });

  it('treats the word being typed as a prefix', () => {
    assert.equal(search('bilat')[0], 3);
    assert.equal(search('compete vig')[0], 1);
    // Followed by a space, the word is complete: "bilat " is not a word here.
    assert.ok(!search('bilat ').includes(3));
  });

  it('folds case, accents and curly apostrophes', () => {
    assert.equal(search('cafe reopened')[0], 6);
    assert.equal(search("China's economy")[0], 5);
    assert.equal(search('CHINAS ECONOMY')[0], 5);
  });

  it('finds by outlet and title words', () => {
    assert.equal(search('Reuters')[0], 5);
    assert.ok(search('spokesman').includes(0));
  });

  it('an empty query lists the first items in order; limit is respected', () => {
    assert.deepEqual(search('', 3), [0, 1, 2]);
    assert.equal(search('the', 2).length <= 2, true);
  });

  it('nothing matches nonsense', () => {
    assert.deepEqual(search('xyzzyq plugh'), []);
  });

  it('removed items are never returned, and compaction keeps the rest', () => {
    const { index: ix, search: s } = indexOf(QUOTES, WHO);
    ix.remove(0);
    assert.ok(!s('were substantive').includes(0));
    assert.deepEqual(s('', 2), [1, 2]);
    ix.compact();
    assert.equal(s('vigorously')[0], 1);
    assert.equal(ix.size(), QUOTES.length - 1);
  });

  it('items added after a search are found (sorted vocabulary and caches stay right)', () => {
    const local = new WordIndex();
    const texts = ['alpha beta gamma'];
    const fields = (id: number): RankFields => ({ text: foldText(texts[id]), context: '' });
    local.addText(local.allocate(), texts[0]);
    assert.deepEqual(searchIndex(local, 'zulu', fields, { limit: 5 }), []);
    assert.deepEqual(searchIndex(local, 'alp', fields, { limit: 5 }).map((r) => r.id), [0]);
    texts.push('alpine zulu');
    local.addText(local.allocate(), texts[1]);
    assert.deepEqual(searchIndex(local, 'zulu', fields, { limit: 5 }).map((r) => r.id), [1]);
    assert.deepEqual(searchIndex(local, 'alp', fields, { limit: 5 }).map((r) => r.id).sort(), [0, 1]);
  });

  it('a few items added to a large folded index are found beside the old ones (the unfolded tail)', () => {
    const local = new WordIndex();
    // 150 items of 7 words: a later item's few words stay in the log, far under an eighth of the table.
    const texts = Array.from({ length: 150 }, (_, i) => `the common harbor report number ${i} item${i}`);
    const fields = (id: number): RankFields => ({ text: foldText(texts[id]), context: '' });
    const search = (q: string, limit = 190): number[] => searchIndex(local, q, fields, { limit }).map((r) => r.id);
    for (const t of texts) local.addText(local.allocate(), t);
    local.trim();
    assert.equal(search('common harbor').length, 150);
    texts.push('the common harbor ferry schedule');
    local.addText(local.allocate(), texts[150]);
    local.remove(7);
    const common = search('common harbor');
    assert.equal(common.length, 150, 'the new item joins, the removed one leaves');
    assert.ok(common.includes(150) && !common.includes(7));
    assert.deepEqual(search('ferry', 5), [150]);
    assert.equal(search('common ferry schedule', 1)[0], 150);
    assert.equal(search('item149', 1)[0], 149);
  });

  it('postings logged across many chunks are all found, folded or still in the log', () => {
    const local = new WordIndex();
    // 12,000 items of 8 words: 96,000 postings, over the log's first chunk and a full one.
    const texts = Array.from({ length: 12000 }, (_, i) => `shared words in every line w${i} g${i % 97} h${i % 1009} end`);
    for (const t of texts) local.addText(local.allocate(), t);
    // The items with the best score: the exact matches (words one typo away are candidates too, scored lower).
    const ids = (q: string): number[] => {
      const all = local.candidates(q, 2000);
      return all.filter((c) => c.score === all[0].score).map((c) => c.id).sort((a, b) => a - b);
    };
    assert.deepEqual(ids('w11999'), [11999]);
    assert.deepEqual(ids('w0'), [0]);
    assert.deepEqual(ids('h1008'), Array.from({ length: 12 }, (_, k) => 1008 + 1009 * k).filter((i) => i < 12000));
    // Then 1,500 postings more after the fold stay in the log (under an eighth of the table), across its first chunk.
    for (let i = 0; i < 300; i++) local.addText(local.allocate(), `late g${i} late${i} h5 tail`);
    assert.deepEqual(ids('late299'), [12299]);
    assert.equal(ids('h5').length, 12 + 300, 'old and new items of one word');
  });

  it('scores are in [0, 1] and sorted best first', () => {
    const r = searchIndex(index, 'were candid', (id) => ({ text: foldText(QUOTES[id]), context: foldText(WHO[id]) }), { limit: 10 });
    assert.ok(r.length >= 2);
    for (let i = 0; i < r.length; i++) {
      assert.ok(r[i].score >= 0 && r[i].score <= 1);
      if (i > 0) assert.ok(r[i - 1].score >= r[i].score);
    }
  });
});

describe('search: properties on generated corpora', () => {
  // Distinct made-up words so that fragments are unique, as in the benchmark's sample.
  const word = fc.stringMatching(/^[a-z]{5,9}$/);
  it('a three-word fragment of an item whose words are unique ranks it first', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 30, maxLength: 60 }), fc.nat(), (vocab, pick) => {
        const items: string[] = [];
        for (let i = 0; i + 5 <= vocab.length; i += 5) items.push(vocab.slice(i, i + 5).join(' '));
        const { search } = indexOf(items);
        const target = pick % items.length;
        const w = items[target].split(' ');
        assert.equal(search(w.slice(1, 4).join(' '))[0], target);
      }),
      { numRuns: 40 },
    );
  });

  it('the indexer reads the same words as the query tokenizer, on any text', () => {
    const piece = fc.constantFrom('Ned', 'PRICE', 'price', 'China’s', "don't", 'café', 'naïve', '2022', 'U.S.', '—', '“', '”', ' ', ',', '.', "'", '’', 'e\u0301', 'x-y', '😀', 'Zürich');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const ix = new WordIndex({ pairs: true });
        ix.addText(ix.allocate(), text);
        assert.deepEqual([...ix.vocabulary()].sort(), [...new Set(words(text))].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('posts the same words for an item whether its text is scanned or its words are given, also when they are known already', () => {
    // Scanning finds known ASCII words (with apostrophes too: "Trump’s", "O'Neill", "rock’n’roll") in a table
    // without making their folded string; the words list goes through the plain fold. The second and third
    // items hit known words.
    const piece = fc.constantFrom('Trump’s', "TRUMP'S", 'trump', 'isn’t', "ISN'T", 'O’Neill', "o'neill’s", 'rock’n’roll', 'a’s', 'S’s', '1990’s', 'x’y', 'Zoë’s', 'café', 'word”', 'end—', '‘quoted’', "'", '’', ' ', ',', 'e\u0301', 'A’B’C', '9’9');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 25 }), (parts) => {
        const text = parts.join(' ');
        const scanned = new WordIndex();
        const given = new WordIndex();
        for (const t of [text, text.toUpperCase(), text]) {
          scanned.addText(scanned.allocate(), t);
          given.addWords(given.allocate(), words(t));
        }
        assert.deepEqual(scanned.snapshot(), given.snapshot());
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and respects the limit on any query', () => {
    const { search } = indexOf(QUOTES, WHO);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 10 }), (q, limit) => {
        const r = search(q, limit);
        assert.ok(r.length <= limit);
        assert.equal(new Set(r).size, r.length);
      }),
    );
  });
});

describe('CLI: sourcebook search / cite (on the seeds)', () => {
  // Imported here so the pure search tests above do not depend on the reader.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const searchCmd = require('../../src/cli/commands/search') as typeof import('../../src/cli/commands/search');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const citeCmd = require('../../src/cli/commands/cite') as typeof import('../../src/cli/commands/cite');
  const run = (cmd: { run(argv: string[], io: { stdout: (t: string) => void; stderr: (t: string) => void }): number }, argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = cmd.run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  };

  it('search --json gives the contract shape with exact offsets', () => {
    const r = run(searchCmd, ['--json', '--limit', '2', 'candid', 'substantive']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { results: { id: string; text: string; speaker: string | null; path: string; start: number; end: number; score: number }[] };
    assert.ok(json.results.length >= 1 && json.results.length <= 2);
    const best = json.results[0];
    assert.deepEqual(Object.keys(best).sort(), ['end', 'id', 'path', 'score', 'speaker', 'start', 'text']);
    assert.equal(best.text, 'were candid, they were substantive.');
    assert.equal(best.speaker, 'Ned Price');
    const fileText = fs.readFileSync(best.path, 'utf8').replace(/^\uFEFF/, '');
    assert.equal(fileText.slice(best.start, best.end), best.text);
  });

  it('cite prints the AP citation, and footnote style its definition', () => {
    assert.equal(run(citeCmd, ['candid', 'substantive']).stdout, '“were candid, they were substantive,” State Department spokesman Ned Price said.\n');
    const f = run(citeCmd, ['--style', 'footnote', 'candid']);
    assert.match(f.stdout, /^“were candid, they were substantive\.”\[\^1\]\n\n\[\^1\]: Ned Price, State Department spokesman, quoted by Bloomberg, 2022 \(000_0af8d4bc5d39ec79\.txt\)\.\n$/);
  });

  it('bad calls fail loudly', () => {
    assert.throws(() => run(citeCmd, ['--style', 'mla', 'candid']), /unknown style/);
    assert.throws(() => run(searchCmd, ['--limit', 'x', 'candid']), /--limit/);
    assert.throws(() => run(searchCmd, []), /QUERY/);
    assert.throws(() => run(citeCmd, ['xyzzyq plugh']), /no quote matches/);
  });
});
