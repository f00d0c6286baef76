// Finding quoted passages by their marks, paragraph by paragraph.
import type { Span } from './types';
import { isSpaceCode } from './text';
import { stableArray } from './people';

export interface RawQuote extends Span {
  /** Offset of the opening mark (quote text starts after it). */
  open: number;
  /** Offset just after the closing mark, or the paragraph end when never closed. */
  close: number;
  closed: boolean;
  paragraph: number;
  /** This paragraph re-opens a quote the previous paragraph left open. */
  continued: boolean;
  mark: 'double' | 'single';
}

/** The marks scanQuotes looks at. */
const MARK = /[“”"‘'„«»]/g;
/**
 * … when single marks are not read as quotes: then they change nothing, and passing over them
 * in the pattern's scan saves stopping at every apostrophe.
 */
const DOUBLE_MARK = /[“”"„«»]/g;
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/“‘"'—:]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Whether text[i] is a letter or digit (false past the end), ASCII read by its code. */
function isLetterOrDigitAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(text[i]);
}
/**
 * Whether a straight mark glued to text[i] can open a quote: after a letter or a sentence's
 * punctuation, yes; after a digit it is inches (a 6"pipe), after "=" markup (author="…").
 */
function glueOpensAfter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 46 || c === 44 || c === 59 || c === 33 || c === 63) return true;
  return !(c >= 48 && c <= 57) && isLetterOrDigitAt(text, i);
}
/** /[\p{L}\p{N}]/u on text[start, end): a letter or digit, read by code unit up to the first surrogate. */
function hasLetterOrDigit(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A pair is one code point to the pattern: let it read the rest.
      return LETTER_OR_DIGIT.test(text.slice(k, end));
    } else if (LETTER_OR_DIGIT.test(text[k])) return true;
  }
  return false;
}

function opensHere(text: string, i: number, paraStart: number): boolean {
  return i === paraStart || OPEN_CONTEXT.test(text[i - 1]);
}

/** Runs of two or three like single marks: '' or ''' and the curly ones. */
const DOUBLED_MARK = /'{2,3}|‘{2,3}|’{2,3}/g;
const CURLY_DOUBLE = /[“”]/;

/**
 * The text as the reader reads it: each doubled single mark ('' ‘‘ ’’; '' only where the text has no
 * curly double marks) written as the double mark it stands for plus a space on the side away from the
 * quoted words, so that every offset stays where it was. Typewriter and archive copy quotes with ''…''
 * (the New York Times' archive text does throughout: 116 of PolNeAR's 840 train articles), and ‘‘ ’’
 * turn up as typos for “ ”; every step after the
 * paragraphs (sentences, people, quote marks, attribution, the quote filter) then reads them as it reads
 * any other double mark. Of three marks the double one is the outer pair: three before a word open with
 * the first two, three after one close with the last two. Gives `text` itself when it has none.
 */
export function readingCopy(text: string): string {
  DOUBLED_MARK.lastIndex = 0;
  if (!DOUBLED_MARK.test(text)) return text;
  // A text that quotes with curly marks does not also quote with straight pairs: there '' is a nested
  // quote or a typo inside the words (“He said ''no'' to me”), and only ‘‘ ’’ stand for “ ”.
  const straightPairs = !CURLY_DOUBLE.test(text);
  return text.replace(DOUBLED_MARK, (run: string, at: number) => {
    const c = run[0];
    if (c === "'" && !straightPairs) return run;
    const mark = c === '‘' ? '“' : c === '’' ? '”' : '"';
    // Before a word the mark opens and goes next to the word; otherwise it closes what came before.
    const opens = isLetterOrDigitAt(text, at + run.length);
    if (run.length === 2) return opens ? ' ' + mark : mark + ' ';
    return opens ? ' ' + mark + c : c + mark + ' ';
  });
}

/**
 * Where a paragraph's text opens in the reading copy: its start, past the space readingCopy puts before
 * a doubled mark (''…'' read as “…”, the space keeping the offsets), so that a quote opening the
 * paragraph opens it there whichever marks it was written with.
 */
export function paragraphOpen(text: string, para: Span): number {
  let k = para.start;
  while (k < para.end && text.charCodeAt(k) === 32) k++;
  return k;
}

/**
 * Scans each paragraph for quotes. Double marks (curly or straight) make quotes.
 * Single marks inside double ones are nested quotes and stay part of the text.
 * Single marks on their own are read as quotes only when asked (`singleQuotes`,
 * for text that quotes with them, such as British copy) and only when they pair
 * up within the paragraph: in US news copy they are overwhelmingly apostrophes
 * ("it’s", "voters’") and titles, and on PolNeAR none of 143 single-quoted spans
 * was an annotated quote.
 */
export function scanQuotes(text: string, paragraphList: Span[], singleQuotes = false): RawQuote[] {
  const paragraphs = stableArray(paragraphList);
  const quotes: RawQuote[] = [];
  let previousLeftOpen = false;
  // The next mark at or after any position in [scannedFrom, nextMark] is nextMark (text.length:
  // none). One scan serves every paragraph it passes over: scanning from each paragraph's start
  // read a long text with few marks once per paragraph (22 s for a 2.5 MB file of short paragraphs).
  let scannedFrom = 0;
  let nextMark = -1;
  const marks = singleQuotes ? MARK : DOUBLE_MARK;
  const markAtOrAfter = (i: number): number => {
    if (i >= scannedFrom && i <= nextMark) return nextMark;
    marks.lastIndex = i;
    nextMark = marks.test(text) ? marks.lastIndex - 1 : text.length;
    scannedFrom = i;
    return nextMark;
  };
  paragraphs.forEach((para, paragraph) => {
    let openAt = -1;
    let continued = false;
    let leftOpen = false;
    for (let i = para.start; i < para.end; i++) {
      // On to the next mark: the pattern's native scan passes over the story's text faster than
      // a loop over its characters, and test() builds no match object.
      i = markAtOrAfter(i);
      if (i >= para.end) break;
      const c = text[i];
      if (openAt < 0) {
        // With nothing open, a straight mark before a word opens a quote even with no space before it
        // (waxed poetic about"joint …", authorities."We …").
        const opening =
          c === '“' || c === '„' || c === '«' || (c === '"' && (opensHere(text, i, para.start) || (isLetterOrDigitAt(text, i + 1) && glueOpensAfter(text, i - 1))));
        if (opening) {
          openAt = i;
          continued = i === paragraphOpen(text, para) && previousLeftOpen;
          continue;
        }
        if (singleQuotes && (c === '‘' || c === "'") && opensHere(text, i, para.start) && isLetterOrDigitAt(text, i + 1)) {
          const close = findSingleClose(text, i + 1, para.end, c);
          if (close > 0) {
            quotes.push({ start: i + 1, end: close, open: i, close: close + 1, closed: true, paragraph, continued: false, mark: 'single' });
            i = close;
          }
        }
        // A stray closing mark with nothing open: ignore it.
        continue;
      }
      // A wrong-way mark after a word and before a space ("unusual,“ said") is a typo for a closing one.
      const closing = c === '”' || c === '»' || ((c === '"' || c === '“') && !(opensHere(text, i, para.start) && isLetterOrDigitAt(text, i + 1)) && (c === '"' || !isLetterOrDigitAt(text, i + 1)));
      if (closing) {
        quotes.push({ start: openAt + 1, end: i, open: openAt, close: i + 1, closed: true, paragraph, continued, mark: 'double' });
        openAt = -1;
      } else if (c === '"' || c === '“') {
        // A second opening mark while one is open: the first was never closed.
        quotes.push({ start: openAt + 1, end: i, open: openAt, close: i, closed: false, paragraph, continued, mark: 'double' });
        openAt = i;
        continued = false;
      }
    }
    if (openAt >= 0) {
      quotes.push({ start: openAt + 1, end: para.end, open: openAt, close: para.end, closed: false, paragraph, continued, mark: 'double' });
      leftOpen = true;
    }
    previousLeftOpen = leftOpen;
  });
  // A plain loop rather than map and filter: optimized code would build a different kind of array
  // than the builtins do, and the attribution step would have its code thrown away and rebuilt
  // each time that changes (a large compile each time).
  const out: RawQuote[] = [];
  for (const q of quotes) {
    const t = trimQuote(text, q);
    if (t.end > t.start && hasLetterOrDigit(text, t.start, t.end)) out.push(t);
  }
  return out;
}

function findSingleClose(text: string, from: number, end: number, openMark: string): number {
  const closeMark = openMark === '‘' ? '’' : "'";
  for (let j = from; j < end; j++) {
    const c = text[j];
    if (c === '“' || c === '”' || c === '"') return -1;
    if (c !== closeMark && !(openMark === "'" && c === '’')) continue;
    // An apostrophe inside a word (it’s, O’Brien) or after an s (voters’ rights) is not a close.
    if (isLetterOrDigitAt(text, j + 1)) continue;
    if (text[j - 1] === 's' && /^\s+\p{Ll}/u.test(text.slice(j + 1, j + 3)) && j - from > 1) continue;
    if (isSpaceCode(text.charCodeAt(j - 1))) continue;
    return j;
  }
  return -1;
}

function trimQuote(text: string, q: RawQuote): RawQuote {
  let { start, end } = q;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  // Spelled out in the order of the spread it replaces: one object shape for every quote.
  return { start, end, open: q.open, close: q.close, closed: q.closed, paragraph: q.paragraph, continued: q.continued, mark: q.mark };
}
