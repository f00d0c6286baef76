// Article structure: front matter, paragraphs, boilerplate, metadata, sentences.
import type { ArticleMeta, Sentence, Span } from './types';
import { isSpaceCode } from './text';

export interface Block extends Span {
  /** What the block is; only 'story' and 'headline' blocks are searched for quotes and people. */
  role: 'story' | 'headline' | 'boilerplate' | 'byline' | 'heading';
}

export interface Structure {
  meta: ArticleMeta;
  blocks: Block[];
  /** Blocks that are story text (including the headline, which may quote people). */
  paragraphs: Span[];
  /** Where story text begins after a dateline such as "(Bloomberg) --", per paragraph start. */
  bodyStart: number;
}

const LINE_BREAK = /\r\n|\r|\n/g;

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Front matter between `---` lines at the very start: simple `key: value` pairs. */
function readFrontMatter(text: string): { fields: Map<string, string>; end: number } | null {
  const m = /^---[ \t]*(?:\r\n|\r|\n)([\s\S]*?)(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/.exec(text);
  if (!m) return null;
  const fields = new Map<string, string>();
  for (const line of m[1].split(/\r\n|\r|\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    let value = kv[2].trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
      value = value.slice(1, -1);
    }
    fields.set(kv[1].toLowerCase(), value);
  }
  return { fields, end: m[0].length };
}

/** Whether a line break (\r or \n) is at `at`. */
function isLineBreak(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 10 || c === 13;
}

/** Where the line break at `at` ends: \r\n, \r or \n. */
function lineBreakEnd(text: string, at: number): number {
  return text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
}

/** Past the spaces, tabs and no-break spaces at `at` ([ \t\u00a0]*). */
function skipBlanks(text: string, at: number): number {
  for (;;) {
    const c = text.charCodeAt(at);
    if (c !== 32 && c !== 9 && c !== 0xa0) return at;
    at++;
  }
}

/**
 * The next match of the blank-line pattern (?:\r\n|\r|\n)[ \t\u00a0]*(?:\r\n|\r|\n)(?:[ \t\u00a0]*(?:\r\n|\r|\n))* (a blank line) at or after `from`, found by hand (no match object per blank line):
 * its start, and its end in `blankLineEnd`; -1 when there is none. The pattern's choices, in its
 * order: a \r\n first taken whole, else its \r alone (the \n then being the second break, so a
 * \r\n always matches), blanks taken greedily (a break must follow them all), then as many more
 * blanks-and-break as follow.
 */
function nextBlankLine(text: string, from: number): number {
  const n = text.length;
  let nextLf = text.indexOf('\n', from);
  let nextCr = text.indexOf('\r', from);
  let p = from;
  for (;;) {
    // The next \r or \n at or after p, by the native searches.
    if (nextLf !== -1 && nextLf < p) nextLf = text.indexOf('\n', p);
    if (nextCr !== -1 && nextCr < p) nextCr = text.indexOf('\r', p);
    if (nextLf === -1 && nextCr === -1) return -1;
    p = nextLf === -1 ? nextCr : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
    let second = -1;
    if (text.charCodeAt(p) === 13 && text.charCodeAt(p + 1) === 10) {
      const r = skipBlanks(text, p + 2);
      // (A \r\n not followed by another break matches as \r, then \n.)
      second = r < n && isLineBreak(text, r) ? lineBreakEnd(text, r) : p + 2;
    } else {
      const r = skipBlanks(text, p + 1);
      if (r < n && isLineBreak(text, r)) second = lineBreakEnd(text, r);
    }
    if (second !== -1) {
      let end = second;
      for (;;) {
        const r = skipBlanks(text, end);
        if (!(r < n && isLineBreak(text, r))) break;
        end = lineBreakEnd(text, r);
      }
      blankLineEnd = end;
      return p;
    }
    p++;
  }
}

/** Where the match nextBlankLine last found ends. */
let blankLineEnd = 0;

function splitBlocks(text: string, from: number): Span[] {
  const spans: Span[] = [];
  let last = from;
  for (let at = nextBlankLine(text, from); at !== -1; at = nextBlankLine(text, last)) {
    spans.push(trimSpan(text, last, at));
    last = blankLineEnd;
  }
  spans.push(trimSpan(text, last, text.length));
  let blocks = nonEmptySpans(spans);
  // Files without blank lines between paragraphs (one paragraph a line) are common
  // in exported text; a long single block of many lines is read line by line.
  if (blocks.length <= 2) {
    const lines: Span[] = [];
    for (const b of blocks) {
      let lineStart = b.start;
      LINE_BREAK.lastIndex = b.start;
      let lm: RegExpExecArray | null;
      while ((lm = LINE_BREAK.exec(text)) && lm.index < b.end) {
        lines.push(trimSpan(text, lineStart, lm.index));
        lineStart = lm.index + lm[0].length;
      }
      lines.push(trimSpan(text, lineStart, b.end));
    }
    const nonEmpty = nonEmptySpans(lines);
    if (nonEmpty.length > 3) blocks = nonEmpty;
  }
  return blocks;
}

/**
 * The spans that are not empty. Like the reader's other lists, built by pushing in a loop, not by
 * map(), filter() or flatMap(): those builtins make arrays of another kind when the code calling
 * them is optimized than when it is not, and every function that reads a list then met a second
 * kind and had its optimized code thrown away (a cascade of about ten such deoptimizations once
 * the reader warmed up, each followed by a large compile, while the slow code ran meanwhile).
 */
function nonEmptySpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < spans.length; i++) if (spans[i].end > spans[i].start) out.push(spans[i]);
  return out;
}

const COPYRIGHT = /^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(\d{4})?\s*(.*?)\s*\.?$/i;
const UPDATE_NOTE = /^\((?:updates?|adds?|corrects?|recasts?|rewrites?|changes?|removes?|fixes?)\b[^)]*\)\.?$/i;
const ASSISTANCE = /^[-–—]*\s*(?:with (?:assistance|additional reporting) from|additional reporting by|reporting by|editing by|written by|edited by)\s+(.+?)\.?$/i;
const BYLINE = /^[Bb]y\s+([A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){0,3}(?:(?:,\s*|\s+and\s+)[A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){0,3})*)(?:\s*[,|]\s*.*)?$/u;
const DATELINE = /^(?:[A-Z][A-Za-z.'’ -]{0,40}?,?\s*(?:[A-Z][a-z.]+\s*)?)?\(([A-Z][\w&.'’ -]{0,40})\)\s*(?:--|—|–|-)\s*/;
/**
 * A writer's sign-off asking readers to follow them, with a handle or an address (Follow Pam Key
 * on Twitter @pamkeyNEN.): a byline at the foot of the story, not a paragraph of it; the names
 * are contributors.
 */
const FOLLOW_ME = /^["“]?Follow\s+([^,]+?)\s+on\s+(?:Twitter|X|Facebook|Instagram|Threads|Bluesky|Mastodon|TikTok|LinkedIn)\b.*?(?:@\w|https?:\/\/)/i;
/**
 * A wire service's credits in brackets at the foot, a paragraph of their own or closing the last one:
 * (Reporting by A. Writer in Washington; Additional reporting by …; Editing by …). Its names are
 * contributors.
 */
const CREDITS = /(?:^|\s)\(\s*((?:additional\s+)?(?:reporting|writing|editing|research|compiled|produced)\s+by\s[^()]*?)\.?\s*\)\.?$/i;
const CREDIT_CLAUSE = /^(?:additional\s+)?(?:reporting|writing|editing|research|compiled|produced)\s+by\s+/i;
/** The name a phrase ends with (Citizen Journalism School founder Lee Stranahan). */
const NAME_AT_END = /(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*$/u;
const CORPORATE_SUFFIX = /\s*(?:L\.P\.|LP|Inc\.?|LLC|Ltd\.?|Corp\.?|Co\.|Company|plc)\s*\.?$/i;

export function splitNames(list: string): string[] {
  return list
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((s) => s.trim().replace(/\.$/, ''))
    .filter((s) => /^\p{Lu}/u.test(s));
}

function headlineLike(line: string): boolean {
  if (line.length > 160 || /(?:\r\n|\r|\n)/.test(line)) return false;
  const words = line.split(/\s+/).filter((w) => /^[\p{L}]/u.test(w));
  if (words.length < 2) return false;
  const long = words.filter((w) => w.length >= 4);
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w));
  const titleCase = long.length > 0 && capitalised.length / long.length >= 0.6;
  return titleCase || !/[.!?:”"]$/.test(line);
}

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

function parseDate(value: string): string | null {
  let m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(value);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/i.exec(value);
  if (m) return `${m[3]}-${MONTHS[m[1].slice(0, 3).toLowerCase()]}-${m[2].padStart(2, '0')}`;
  m = /\b(19\d{2}|20\d{2})\b/.exec(value);
  return m ? m[1] : null;
}

export function readStructure(text: string, path: string): Structure {
  const meta: ArticleMeta = { outlet: null, date: null, title: null, url: null, contributors: [] };
  const contributors: string[] = [];
  const front = readFrontMatter(text);
  const from = front ? front.end : 0;
  if (front) {
    const f = front.fields;
    meta.title = f.get('title') || null;
    meta.outlet = f.get('outlet') || f.get('publisher') || f.get('source') || f.get('publication') || null;
    const date = f.get('date') || f.get('published') || f.get('publication_date');
    meta.date = date ? parseDate(date) ?? date : null;
    meta.url = f.get('url') || f.get('link') || f.get('canonical') || null;
    const authors = f.get('author') || f.get('authors') || f.get('byline');
    if (authors) contributors.push(...splitNames(authors.replace(/^\[|\]$/g, '')));
  }

  const blocks: Block[] = [];
  for (const s of splitBlocks(text, from)) blocks.push({ start: s.start, end: s.end, role: 'story' });
  let bodyStart = from;
  let firstStory = true;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const line = text.slice(b.start, b.end);
    let m: RegExpExecArray | null;
    if ((m = COPYRIGHT.exec(line)) && line.length < 200) {
      b.role = 'boilerplate';
      if (m[1] && !meta.date) meta.date = m[1];
      const owner = (m[2] || '').replace(/^the\s+/i, 'The ').replace(CORPORATE_SUFFIX, '').replace(/[.,]$/, '').trim();
      if (owner && !meta.outlet && !/all rights reserved/i.test(owner)) meta.outlet = owner.replace(/\.\s*all rights reserved.*$/i, '');
      continue;
    }
    if (UPDATE_NOTE.test(line)) {
      b.role = 'boilerplate';
      continue;
    }
    if ((m = ASSISTANCE.exec(line)) && line.length < 300) {
      b.role = 'byline';
      contributors.push(...splitNames(m[1]));
      continue;
    }
    if ((m = CREDITS.exec(line.length > 600 ? line.slice(-600) : line))) {
      if (m.index === 0) b.role = 'byline';
      for (const clause of m[1].split(/\s*;\s*/)) {
        // "A and B in Singapore and C in Beijing": each name without its place; a place's state is no name.
        for (const part of splitNames(clause.replace(CREDIT_CLAUSE, ''))) {
          const name = part.replace(/\s+in\s.*$/, '');
          if (/^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}$/u.test(name)) contributors.push(name);
        }
      }
      if (m.index === 0) continue;
    }
    if ((m = FOLLOW_ME.exec(line)) && line.length < 300) {
      b.role = 'byline';
      for (const part of splitNames(m[1])) {
        const name = NAME_AT_END.exec(part);
        if (name) contributors.push(name[0]);
      }
      continue;
    }
    if ((m = BYLINE.exec(line)) && line.length < 200) {
      b.role = 'byline';
      contributors.push(...splitNames(m[1]));
      continue;
    }
    if (/^#{1,6}\s/.test(line)) {
      b.role = 'heading';
      const title = line.replace(/^#{1,6}\s+/, '').replace(/\s+#*$/, '');
      if (!meta.title && firstStory) meta.title = title;
      continue;
    }
    if (firstStory) {
      firstStory = false;
      const dl = DATELINE.exec(line);
      if (dl) {
        if (!meta.outlet) meta.outlet = dl[1].replace(/^The\s+/, 'The ').trim();
        bodyStart = b.start + dl[0].length;
      } else if (!meta.title && i + 1 < blocks.length && headlineLike(line)) {
        meta.title = line;
        b.role = 'headline';
        firstStory = true; // the next block is the first story paragraph (it may hold a dateline)
      }
    }
  }
  if (!meta.date) {
    const fromName = parseDate(path.split(/[\\/]/).pop() ?? '');
    if (fromName && /\d{4}-\d{2}-\d{2}/.test(fromName)) meta.date = fromName;
  }
  meta.contributors = [...new Set(contributors)];
  const paragraphs: Span[] = [];
  for (const b of blocks) if (b.role === 'story' || b.role === 'headline') paragraphs.push({ start: b.start, end: b.end });
  return { meta, blocks, paragraphs, bodyStart };
}

/** Words whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof sr jr st sen rep gov gen lt col sgt capt adm cmdr pres rev hon u.s u.k u.n e.u d.c
   jan feb mar apr jun jul aug sep sept oct nov dec no vs v etc inc corp co ltd calif fla ill mass mich minn
   ariz ark colo conn del ga ind kan ky la md miss mo mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d
   tenn tex va vt wash wis wyo ala ft mt a.m p.m e.g i.e approx dept est fig op ph.d b.a m.a u.s.a`.split(/\s+/),
);

const NEXT_START = /\s+(\S)/uy;
const STOP = /[.!?…]/g;
const LETTER = /^\p{L}$/u;
/** Per BMP code unit: 0 not yet known, 1 a letter (\p{L}), 2 not. */
const LETTER_CLASS = new Uint8Array(0x10000);

function isBmpLetter(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  let c = LETTER_CLASS[code];
  if (c === 0) {
    c = LETTER.test(String.fromCharCode(code)) ? 1 : 2;
    LETTER_CLASS[code] = c;
  }
  return c === 1;
}

/** . ! ? … */
function isStop(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026;
}

/** " ” ’ ' ) ] */
function isCloser(code: number): boolean {
  return code === 34 || code === 0x201d || code === 0x2019 || code === 39 || code === 41 || code === 93;
}

/**
 * The last scan for a stop: the next one at or after any position in [lastStopFrom, lastStopFound]
 * of `lastStopText` is lastStopFound (text.length: none). Paragraphs are split one call each; without this, a long stretch
 * with no stop (a list, a table, headlines) was read again from every paragraph in it.
 */
let lastStopText: string | null = null;
let lastStopFrom = 0;
let lastStopFound = 0;

function stopAtOrAfter(text: string, i: number): number {
  if (lastStopText === text && i >= lastStopFrom && i <= lastStopFound) return lastStopFound;
  STOP.lastIndex = i;
  const found = STOP.test(text) ? STOP.lastIndex - 1 : text.length;
  // Three variables rather than an object: this runs at every stop of every article.
  lastStopText = text;
  lastStopFrom = i;
  lastStopFound = found;
  return found;
}

/**
 * Sentences of a paragraph. A period after an abbreviation or an initial is not an end.
 *
 * The ends are the matches of /[.!?…]+["”’')\]]*(?=\s+|$)/g in the paragraph, found by hand (no slice of the paragraph,
 * no match objects: this runs over every character of every article). A run of marks either is a
 * match as a whole or gives none: every shorter run is followed by another mark, not by white space.
 */
export function splitSentences(text: string, para: Span, paragraph: number): Sentence[] {
  const out: Sentence[] = [];
  let start = para.start;
  const end = para.end;
  let i = para.start;
  while (i < end) {
    // On to the next . ! ? …: the pattern's native scan passes over the words faster than a loop
    // over each character, and test() builds no match object.
    i = stopAtOrAfter(text, i);
    if (i >= end) break;
    const c = text.charCodeAt(i);
    const markStart = i;
    let closersStart = i + 1;
    while (closersStart < end && isStop(text.charCodeAt(closersStart))) closersStart++;
    let abs = closersStart;
    while (abs < end && isCloser(text.charCodeAt(abs))) abs++;
    // Followed by white space or the paragraph's end, else no end here (the next try starts after the marks).
    if (abs < end && !isSpaceCode(text.charCodeAt(abs))) {
      i = closersStart;
      continue;
    }
    i = abs;
    if (c === 46 && abs === markStart + 1) {
      const word = wordBeforePeriod(text, para, markStart);
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    // The next sentence must begin like one: a capital, a digit or an opening mark.
    if (abs < end && !startsSentence(text, para, abs)) continue;
    const s = trimSpan(text, start, abs);
    if (s.end > s.start) out.push({ start: s.start, end: s.end, paragraph });
    start = abs;
  }
  const tail = trimSpan(text, start, para.end);
  if (tail.end > tail.start) out.push({ start: tail.start, end: tail.end, paragraph });
  return out;
}

/**
 * The letters and periods right before the period at `at`, within the 12 code units before it, lower-cased
 * (what /([\p{L}.]+)$/u finds there). Surrogates go through that pattern.
 */
function wordBeforePeriod(text: string, para: Span, at: number): string {
  const windowStart = Math.max(para.start, at - 12);
  let j = at;
  while (j > windowStart) {
    const code = text.charCodeAt(j - 1);
    if (code >= 0xd800 && code <= 0xdfff) {
      const before = /([\p{L}.]+)$/u.exec(text.slice(windowStart, at));
      return before ? before[1].toLowerCase() : '';
    }
    if (code !== 46 && !isBmpLetter(code)) break;
    j--;
  }
  return text.slice(j, at).toLowerCase();
}

/** Whether what follows the white space at `at` (in the paragraph) may open a sentence (NEXT_START's test). */
function startsSentence(text: string, para: Span, at: number): boolean {
  let j = at;
  while (j < para.end && isSpaceCode(text.charCodeAt(j))) j++;
  // White space to the paragraph's end: no next sentence to look at.
  if (j >= para.end) return true;
  const code = text.charCodeAt(j);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 34 || code === 39 || code === 40 || code === 91 || code === 45;
  if (code >= 0xd800 && code <= 0xdfff) {
    // A code point of two units: let the pattern read it.
    const slice = text.slice(para.start, para.end);
    NEXT_START.lastIndex = at - para.start;
    const next = NEXT_START.exec(slice);
    return !next || /[\p{Lu}\d“"‘'([—–-]/u.test(next[1]);
  }
  return /[\p{Lu}\d“"‘'([—–-]/u.test(text[j]);
}
