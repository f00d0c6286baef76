// Small text helpers shared by the index, search, citation and verification.
// Search and matching work on "folded" words: lower case, accents removed,
// apostrophes dropped, so that what a reporter types (straight quotes, no
// accents) finds what the sources print (curly quotes, accents).

const COMBINING_MARKS = /\p{M}+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether a UTF-16 code unit belongs to a word (ASCII fast path, Unicode otherwise). */
function isWordCode(code: number, text: string, at: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  if (code >= 0xd800 && code <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(at, at + 2));
  if (code >= 0xdc00 && code <= 0xdfff) return LETTER_OR_DIGIT.test(text.slice(at - 1, at + 1));
  // Combining marks continue a word ("é" written as e + U+0301).
  return LETTER_OR_DIGIT.test(text[at]) || (code >= 0x300 && code <= 0x36f);
}

export function isApostrophe(code: number): boolean {
  return code === 39 /* ' */ || code === 0x2019 /* ’ */ || code === 0x2018 /* ‘ */ || code === 0x02bc;
}

/** Lower case, accents stripped, apostrophes removed, and a possessive "'s" dropped. */
export function foldWord(raw: string): string {
  let w = raw.toLowerCase();
  let ascii = true;
  for (let i = 0; i < w.length; i++) {
    if (w.charCodeAt(i) >= 128) {
      ascii = false;
      break;
    }
  }
  if (!ascii) w = w.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[’‘ʼ]/g, "'");
  if (w.indexOf("'") >= 0) {
    // "China's" is looked up as "china"; "don't" as "dont".
    if (w.endsWith("'s")) w = w.slice(0, -2);
    w = w.replace(/'/g, '');
  }
  return w;
}

/**
 * Calls `visit` for every word of `text[start, end)` with its folded form and
 * its span. Words are runs of letters and digits; an apostrophe between two
 * letters stays inside the word ("China’s", "don't").
 */
export function forEachWord(
  text: string,
  visit: (word: string, start: number, end: number) => void,
  start = 0,
  end = text.length,
): void {
  let i = start;
  while (i < end) {
    if (!isWordCode(text.charCodeAt(i), text, i)) {
      i++;
      continue;
    }
    const wordStart = i;
    i = wordEnd(text, i, end);
    const folded = foldSpan(text, wordStart, i);
    if (folded.length > 0) visit(folded, wordStart, i);
  }
}

const LETTER = /\p{L}/u;

/** Whether the code unit at `at` is a letter (ASCII fast path). */
export function isLetterAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : LETTER.test(text[at]);
}

/** Whether the code unit at `at` can be part of a word. */
export function isWordChar(text: string, at: number): boolean {
  return isWordCode(text.charCodeAt(at), text, at);
}

/** Where the word starting at `start` ends (letters, digits, apostrophes between them). */
export function wordEnd(text: string, start: number, end = text.length): number {
  let i = start + 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isWordCode(c, text, i)) i++;
    else if (isApostrophe(c) && i + 1 < end && isWordCode(text.charCodeAt(i + 1), text, i + 1)) i++;
    else break;
  }
  return i;
}

/** The folded form of the word `text[start, end)`. */
export function foldSpan(text: string, start: number, end: number): string {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128 || (c >= 65 && c <= 90) || isApostrophe(c)) return foldWord(text.slice(start, end));
  }
  return text.slice(start, end);
}

/** The folded words of a text. */
export function words(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, (w) => out.push(w));
  return out;
}

/** Folded words joined by single spaces: the form phrase matching compares. */
export function foldText(text: string): string {
  return words(text).join(' ');
}

/** Curly quotes and apostrophes to straight, dashes to hyphens, runs of spaces to one. */
export function straighten(text: string): string {
  return text
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‘’‚‛′ʼ]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ');
}

/**
 * Whether a UTF-16 code unit is white space as a regular expression's \s reads it (line
 * terminators, Unicode space separators, tab, vertical tab, form feed, BOM), without building a
 * one-character string to test: the reader checks this for every character it trims.
 */
export function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The file name of a path, for either separator. */
export function baseName(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i >= 0 ? p.slice(i + 1) : p;
}
