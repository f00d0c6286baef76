import * as assert from 'node:assert/strict';
import { readAnn } from '../../scripts/score-polnear';

// The PolNeAR scorer's gold: quote-mark spans mostly inside an annotated Content span, each with its
// attribution's Source. Invented text and annotation (BRAT standoff), not the corpus.
describe('PolNeAR scorer: gold quotes', () => {
  const text = "''The pier is safe,'' Ann Lee said. She called it “sound” too.";
  const at = (s: string): [number, number] => [text.indexOf(s), text.indexOf(s) + s.length];
  const [c1s, c1e] = at('The pier is safe,');
  const [c2s, c2e] = at('sound');
  const [ss, se] = at('Ann Lee');
  const ann = [
    `T1\tSource ${ss} ${se}\tAnn Lee`,
    `T2\tContent ${c1s} ${c1e}\tThe pier is safe,`,
    `T3\tContent ${c2s} ${c2e}\tsound`,
    'E1\tAttribution:T9 Source:T1 Content:T2',
    'E2\tAttribution:T8 Source:T1 Content:T3',
  ].join('\n');

  it("counts ''…'' as quote marks, the New York Times' archive style", () => {
    const gold = readAnn(ann, text).quotes.map((q) => [text.slice(q.start, q.end), q.source && text.slice(q.source[0].start, q.source[0].end)]);
    assert.deepEqual(gold, [
      ['The pier is safe,', 'Ann Lee'],
      ['sound', 'Ann Lee'],
    ]);
  });

  it('counts only “ ” and " with classic marks', () => {
    assert.deepEqual(readAnn(ann, text, false).quotes.map((q) => text.slice(q.start, q.end)), ['sound']);
  });
});
