import * as assert from 'node:assert/strict';
import { readQuoteCandidates } from '../../src/core/article';
import { keepQuotes, quoteFeatures } from '../../src/core/quoteFilter';

// The quote filter reads the words around each span in place (no copies, one lookup a word for
// every list): these pin what it reads where lower-casing is not one unit for one unit (İ, Σ, the
// Kelvin sign), for capitals outside the BMP, n’t written both ways, a spaced hyphen or a dash
// before the cue, a button, an open tag, a linked excerpt, capitals in pairs. The expected values
// are what the filter gave before it was made faster. Invented sentences and names only.
const CASES: { text: string; features: (number[] | null)[]; keep: boolean[] }[] = [
  {
    text: "ΣΟΦΙΑ ΚΑΡΑ and İNES MARLOW wrote to the council.\n\nThe mayor’s aide said the İzmir “Don’t Stop Now” plan can’t pass, and Öz said: “We mustn't wait.” Holt said: “Crews needn’t wait.”\n",
    features: [
      [1,1.0986122886681096,1,0,0,1,0,0,1,0,0,1,0,1,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,1,0,1,0,0,0,0,2.833213344056216,0,1,0,1,0,1,0,0,1,0,0,0,0,1],
      [1,1.0986122886681096,0,1,0,1,0,1,1,1,0,1,0,1,1,1,0,0,0,0,0,0,0,0,0,1,0,0,0,0,1,0,1,0,0,0,0,2.833213344056216,0,0,0,0,0,0,0,0,1,0,1,0,0,0],
      [1,1.0986122886681096,0.3333333333333333,0,0,1,0,1,1,1,0,1,0,1,1,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,1,0,0,0,0,0,0,1.0986122886681096,0,0,0,0,0,0,0,0,0,0,0,0,1,0],
    ],
    keep: [true,true,true],
  },
  {
    text: "Holt met the press on Monday.\n\n𝐀𝐁 𝐂𝐃 ran “the rigged vote” story - Holt said.\n\n“We will not wait for the ferry,” — the captain said, “not one more day.”\n",
    features: [
      [1,1.0986122886681096,0,0,0,0,0.3333333333333333,0,0,0,0,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,1.6094379124341003,0,0,0,0,0,1,0,0,0,0,0,0,0,1],
      [1,1.9459101490553132,0,1,0,1,0.42857142857142855,0,1,1,0,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,2.0794415416798357,0,0,0,0,0,0,0,0,0,0,0,0,0,0],
      [1,1.3862943611198906,0,0,0,0,0.25,1,0,0,0,1,0,1,1,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,1,0,1,0,0,0,0,2.3978952727983707,0,0,0,0,0,0,0,0,1,0,0,0,0,0],
    ],
    keep: [true,true,true],
  },
  {
    text: "Dana Holt asKed the board: “Why did 42 boats wait?”\n\nThe board’s so-called “plan B” reform, she told reporters, was “a disgrace to every family on the island who needs the ferry to reach work on time.”\n",
    features: [
      [1,1.6094379124341003,0,0,0,1,0,1,1,1,0,1,0,1,0,0,0,0,0,0,0,0,0,0,1,1,0,0,0,0,0,0,0,1,1,0,0,1.791759469228055,0,0,0,0,0,0,0,0,0,0,0,0,0,0],
      [1,0.6931471805599453,0,0,0,0,0,0,0,0,0,1,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,1,1,0,0,0,0,0,0,3.258096538021482,0,0,0,0,0,0,0,0,0,0,0,0,0,1],
      null,
    ],
    keep: [true,true,true],
  },
  {
    text: "To join, click the “Sign up” button.\n\n<tweet author=\"Dana Holt\">“We won the vote”\n\nRead “Ferry fares climb” http://example.com/fares\n",
    features: [
      [1,0.6931471805599453,1,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,0,0,0,0,0,0,0,0,1.791759469228055,0,1,0,0,0,0,0,0,0,0,0,0,0,1],
      [1,1.3862943611198906,0,1,0,0,0.25,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,1,1,0,0,1.6094379124341003,0,0,0,0,0,0,0,0,0,0,1,0,0,0],
      [1,1.0986122886681096,0.3333333333333333,0,0,0,0,0,1,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,1,1,0,0,0,0,0,0,0,0,1.791759469228055,0,0,0,0,0,0,0,0,0,0,0,0,0,1],
    ],
    keep: [false,false,false],
  },
  {
    text: "BREAKING NEWS: Channel Nine’s “Harbor Morning” asked whether the “deal” was real.\n\nThe “deal” collapsed, the DAILY TIDE reported, and Holt, who is a “pilot” program fan, said so.\n",
    features: [
      [1,0.6931471805599453,1,0,0,0,0,0,1,0,0,0,0,0,0,1,0,0,1,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,2.3978952727983707,1,1,1,0,0,0,0,0,0,0,0,1,0,0],
      [1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,1,0,1,0,1,0,0,0,0,0,0,0,2.4849066497880004,1,0,0,1,0,0,0,0,0,0,0,1,0,0],
      [1,0,0,0,0,0,0,0,0,0,0,1,1,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,1,1,0,0,0,0,0,0,2.833213344056216,0,0,0,0,0,1,0,0,0,0,0,1,0,1],
      [1,0,0,0,0,0,0,0,0,0,0,1,0,1,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,1,1,0,0,0,0,0,0,2.833213344056216,1,0,0,0,0,1,0,0,0,0,0,1,0,1],
    ],
    keep: [false,false,true,true],
  },
];

describe('quote filter: the words it reads around a span', () => {
  it('gives the features and decisions it gave when it copied and lower-cased each stretch', () => {
    for (const c of CASES) {
      const r = readQuoteCandidates('fixture.txt', c.text);
      const input = { text: c.text, raw: r.raw, attributions: r.attributions, sentences: r.sentences, paragraphs: r.paragraphs, mentions: r.peopleResult.mentions };
      assert.deepEqual(quoteFeatures(input), c.features, c.text);
      assert.deepEqual(keepQuotes(input), c.keep, c.text);
    }
  });
});
