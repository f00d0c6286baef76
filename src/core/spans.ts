// An article's paragraphs and sentences, packed into typed arrays.
//
// An archive of ten thousand articles has hundreds of thousands of sentences;
// an object per sentence cost V8 about 56 bytes and a garbage-collected
// allocation each, against 12 bytes here. Spans are handed out as small objects
// only when someone asks for one.

import type { Article, Sentence, Span } from './types';

/** Paragraphs: two numbers each (start, end). */
export const PARAGRAPH_WIDTH = 2;
/** Sentences: three numbers each (start, end, index of the paragraph). */
export const SENTENCE_WIDTH = 3;

export function packParagraphs(list: readonly Span[]): Int32Array {
  const out = new Int32Array(list.length * PARAGRAPH_WIDTH);
  for (let i = 0; i < list.length; i++) {
    out[2 * i] = list[i].start;
    out[2 * i + 1] = list[i].end;
  }
  return out;
}

export function packSentences(list: readonly Sentence[]): Int32Array {
  const out = new Int32Array(list.length * SENTENCE_WIDTH);
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    out[3 * i] = s.start;
    out[3 * i + 1] = s.end;
    out[3 * i + 2] = s.paragraph;
  }
  return out;
}

export function paragraphCount(article: Pick<Article, 'paragraphs'>): number {
  return article.paragraphs.length / PARAGRAPH_WIDTH;
}

export function paragraphAt(article: Pick<Article, 'paragraphs'>, i: number): Span {
  return { start: article.paragraphs[2 * i], end: article.paragraphs[2 * i + 1] };
}

export function paragraphList(article: Pick<Article, 'paragraphs'>): Span[] {
  return Array.from({ length: paragraphCount(article) }, (_, i) => paragraphAt(article, i));
}

export function sentenceCount(article: Pick<Article, 'sentences'>): number {
  return article.sentences.length / SENTENCE_WIDTH;
}

export function sentenceAt(article: Pick<Article, 'sentences'>, i: number): Sentence {
  const s = article.sentences;
  return { start: s[3 * i], end: s[3 * i + 1], paragraph: s[3 * i + 2] };
}

export function sentenceList(article: Pick<Article, 'sentences'>): Sentence[] {
  return Array.from({ length: sentenceCount(article) }, (_, i) => sentenceAt(article, i));
}

/** Index of the first span starting at or after `start` in spans sorted by start. */
export function firstStartingAt(list: readonly Span[], start: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
