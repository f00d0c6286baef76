// Article texts held one byte per character.
//
// V8 keeps a string in two bytes per character as soon as one character is
// above U+00FF, and news text nearly always has one: curly quotes, dashes, an
// ellipsis. In an archive of ten thousand articles half the text was held
// that way (23 million characters, 46 MB where 23 would do). An article
// rarely uses more than a handful of such characters and leaves most of
// U+0080–U+00FF unused (the C1 controls never appear in text), so each of its
// wide characters is given an unused code in that range: the packed text
// has the same length and the same offsets, is one byte per character (held
// as bytes, see PackedText), and reads back exactly through a table of the
// characters replaced.
//
// The index reads an article's whole text when it indexes it and afterwards
// mostly slices of it (a sentence in the search results, a quote), so a
// restored article keeps the packed text and decodes on demand: slices
// directly, the whole text through a small cache of recent decodings.

import type { Article, ArticleMeta, ArticlePerson, Quote, Span } from './types';

const WIDE = /[\u0100-\uffff]/;
const NON_ASCII = /[\u0080-\uffff]/g;
const HIGH = /[\u0080-\u00ff]/g;

/** A text as one byte per character plus what reads it back. */
export interface PackedText {
  /**
   * One byte per character, in an array of its own (a worker hands its buffer over). Bytes rather
   * than a one-byte string: an archive's texts are most of what the editor's thread keeps, and as
   * strings each was copied twice by the young generation's collections before it settled (a
   * start from the cache: 10,000 texts, 55 MB). The buffer itself, without a view on it: a view
   * is another object per article (about 100 bytes). A string only for a text that cannot be packed.
   */
  packed: ArrayBuffer | string;
  /** The wide characters replaced, by code: `wide[k]` stands at `base + k` in `packed`. Null when nothing was replaced. */
  wide: string | null;
  base: number;
}

/**
 * The text packed one byte per character, or as it is (a string) when it
 * cannot be (no run of unused codes in U+0080–U+00FF as long as it has
 * distinct wide characters).
 */
export function packText(text: string): PackedText {
  if (!WIDE.test(text)) return { packed: latin1Bytes(text).buffer, wide: null, base: 0 };
  // Regular expressions and Buffer do the scanning and copying natively: a
  // loop over every character took two to three times as long on the archive.
  const used = new Uint8Array(128);
  const codeOf = new Map<number, number>();
  let wide = '';
  const at: number[] = [];
  // test() and lastIndex rather than matchAll: no match object for each of the text's non-ASCII characters.
  NON_ASCII.lastIndex = 0;
  while (NON_ASCII.test(text)) {
    const i = NON_ASCII.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c <= 0xff) {
      used[c - 0x80] = 1;
      continue;
    }
    at.push(i);
    if (!codeOf.has(c)) {
      if (wide.length === 128) return { packed: text, wide: null, base: 0 };
      codeOf.set(c, wide.length);
      // A lone surrogate is one code unit like any other.
      wide += String.fromCharCode(c);
    }
  }
  // One run of codes, so a table of just the characters replaced reads them back (the C1 controls, U+0080–U+009F, are all but never in text).
  let base = 0;
  for (let run = 0; base + run < 128 && run < wide.length; ) {
    if (used[base + run]) {
      base += run + 1;
      run = 0;
    } else run++;
  }
  if (base + wide.length > 128) return { packed: text, wide: null, base: 0 };
  base += 0x80;
  // Each character's low byte, then the wide ones' codes.
  const packed = latin1Bytes(text);
  for (const i of at) packed[i] = base + (codeOf.get(text.charCodeAt(i)) as number);
  return { packed: packed.buffer, wide, base };
}

/** Each character's low byte, in an array with a buffer of its own (not Buffer's shared pool: it may be handed to another thread). */
function latin1Bytes(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  Buffer.from(bytes.buffer, 0, text.length).write(text, 0, text.length, 'latin1');
  return bytes;
}

/** `packed[start, end)` as a string of the same codes. */
function latin1Slice(packed: ArrayBuffer | string, start: number, end: number): string {
  if (typeof packed === 'string') return packed.slice(start, end);
  return Buffer.from(packed).toString('latin1', start, end);
}

/** How many characters a packed text has. */
export function packedLength(p: PackedText): number {
  return typeof p.packed === 'string' ? p.packed.length : p.packed.byteLength;
}

/** The whole text a PackedText holds. */
export function unpackText(body: PackedText): string {
  return unpackSlice(body, 0, packedLength(body));
}

/** `packed.slice(start, end)` read back into the original characters. */
export function unpackSlice(p: PackedText, start: number, end: number): string {
  const s = latin1Slice(p.packed, start, end);
  const { wide, base } = p;
  if (wide === null) return s;
  return s.replace(HIGH, (c) => {
    const k = c.charCodeAt(0) - base;
    return k >= 0 && k < wide.length ? wide[k] : c;
  });
}

/**
 * A quote of a restored article: its words are read off the article's packed
 * text when asked for, and its speaker's mention is two numbers until then.
 * As objects with strings of their own, an archive's 83,000 quotes held about
 * 10 MB more (the words of those with a curly apostrophe or a dash had to be
 * copied out in two bytes per character).
 */
export class RestoredQuote implements Quote {
  constructor(
    public id: string,
    public start: number,
    public end: number,
    public speaker: string | null,
    /** The speaker's mention: its start and end, or a start of -1 for none. */
    private readonly mentionStart: number,
    private readonly mentionEnd: number,
    public cue: string | null,
    public paragraph: number,
    private readonly body: PackedText,
  ) {}

  get text(): string {
    return unpackSlice(this.body, this.start, this.end);
  }

  get speakerMention(): Span | null {
    return this.mentionStart === -1 ? null : { start: this.mentionStart, end: this.mentionEnd };
  }
}

/** Recently read whole texts: indexing an article, then checking a draft against the same few articles, read them again and again. */
const recent = new Map<RestoredArticle, string>();
const RECENT = 32;

/**
 * An article whose text is held packed (see packText). `text` reads it back
 * whole; `textSlice` reads a part of it without the rest.
 */
export class RestoredArticle implements Article {
  constructor(
    public path: string,
    private readonly body: PackedText,
    public meta: ArticleMeta,
    public paragraphs: Int32Array,
    public sentences: Int32Array,
    public people: ArticlePerson[],
    public quotes: Quote[],
    public otherSpeakers: string[],
    /** The text itself when the caller has it: whoever restores an article is about to index it, and this saves a decoding. */
    textInHand: string | null = null,
  ) {
    if (textInHand !== null) remember(this, textInHand);
  }

  get text(): string {
    if (typeof this.body.packed === 'string') return this.body.packed;
    let text = recent.get(this);
    if (text === undefined) {
      text = unpackText(this.body);
      remember(this, text);
    }
    return text;
  }

  get textLength(): number {
    return packedLength(this.body);
  }

  /** `text.slice(start, end)`, without reading the rest. */
  textSlice(start: number, end: number): string {
    return unpackSlice(this.body, start, end);
  }

  /** The text as packed. */
  get packedText(): PackedText {
    return this.body;
  }
}

function remember(article: RestoredArticle, text: string): void {
  recent.delete(article);
  recent.set(article, text);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value as RestoredArticle);
}

/** `article.text.slice(start, end)`, without decoding the whole of a packed text. */
export function textSlice(article: Article, start: number, end: number): string {
  return article instanceof RestoredArticle ? article.textSlice(start, end) : article.text.slice(start, end);
}

/** `article.text.length`, without decoding a packed text. */
export function textLength(article: Article): number {
  return article instanceof RestoredArticle ? article.textLength : article.text.length;
}
