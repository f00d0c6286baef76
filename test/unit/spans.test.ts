import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article';
import { packParagraphs, packSentences, paragraphAt, paragraphCount, paragraphList, sentenceAt, sentenceCount, sentenceList } from '../../src/core/spans';

describe('packed paragraphs and sentences', () => {
  it('hands back the spans it packed, one at a time or as a list', () => {
    const paragraphs = [
      { start: 0, end: 12 },
      { start: 14, end: 40 },
    ];
    const sentences = [
      { start: 0, end: 12, paragraph: 0 },
      { start: 14, end: 25, paragraph: 1 },
      { start: 26, end: 40, paragraph: 1 },
    ];
    const article = { paragraphs: packParagraphs(paragraphs), sentences: packSentences(sentences) };
    assert.equal(paragraphCount(article), 2);
    assert.equal(sentenceCount(article), 3);
    assert.deepEqual(paragraphAt(article, 1), { start: 14, end: 40 });
    assert.deepEqual(sentenceAt(article, 2), { start: 26, end: 40, paragraph: 1 });
    assert.deepEqual(paragraphList(article), paragraphs);
    assert.deepEqual(sentenceList(article), sentences);
  });

  it('packs what the reader finds: every sentence inside its paragraph', () => {
    const text = 'Mayor Ines Calder said the bridge would reopen. Crews worked overnight.\n\nCalder added that “traffic will flow by Friday.” The council agreed.';
    const a = parseArticle('/s/bridge.txt', text);
    const paras = paragraphList(a);
    assert.equal(paras.length, 2);
    const found = sentenceList(a).map((s) => [a.text.slice(s.start, s.end), s.paragraph]);
    assert.deepEqual(found, [
      ['Mayor Ines Calder said the bridge would reopen.', 0],
      ['Crews worked overnight.', 0],
      ['Calder added that “traffic will flow by Friday.”', 1],
      ['The council agreed.', 1],
    ]);
    for (const s of sentenceList(a)) assert.ok(paras[s.paragraph].start <= s.start && s.end <= paras[s.paragraph].end);
  });
});
