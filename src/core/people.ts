// Finding the people of a story, their titles as written, and resolving later
// mentions (surnames, possessives, "Xi-Biden") to the right full name.
import type { ArticlePerson, Mention, Span } from './types';
import { foldWord, isLetterAt } from './text';
import { FEMALE_NAMES, HONORIFICS, MALE_NAMES, NON_NAME_WORDS, ORG_WORDS, PERSON_HEADS, ROLE_WORDS, SURNAME_FIRST, CUE_VERBS } from './lexicon';

export interface Token extends Span {
  /** The word without a possessive ending or a sentence-final period. */
  word: string;
  lower: string;
  paragraph: number;
  /** Starts with a capital letter. */
  cap: boolean;
}


const INITIALS = /^(?:\p{L}\.)+$/u;
/** Abbreviations that come before a name (Mr., Sen., St.): their period ends no sentence, title or name. */
const NAME_PREFIX_ABBREVIATIONS = 'Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Prof|Rev|Pres';
const TITLE_ABBREVIATION = new RegExp(`^(?:${NAME_PREFIX_ABBREVIATIONS}|Jr|Sr)\\.$`);
const UPPER_START = /^\p{Lu}/u;

// A token is a letter or digit followed by letters, marks, digits and . ' ’ -
// (the pattern [\p{L}\p{N}][\p{L}\p{M}\p{N}.'’-]*), scanned by hand: with a
// regular expression, the match objects were most of the reader's tokenizing.

/** Per UTF-16 unit outside the surrogates: 8 looked at, 1 starts a token (letter, digit), 2 goes on (letter, mark, digit). */
const CHAR_CLASS = new Uint8Array(0x10000);
const TOKEN_START = /^[\p{L}\p{N}]$/u;
const TOKEN_PART = /^[\p{L}\p{M}\p{N}]$/u;

function charClass(code: number): number {
  let c = CHAR_CLASS[code];
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = 8 | (TOKEN_START.test(ch) ? 1 : 0) | (TOKEN_PART.test(ch) ? 2 : 0);
    CHAR_CLASS[code] = c;
  }
  return c;
}

/**
 * How many code units at `at` start (bit 1) or continue (bit 2) a token: 0, 1, or 2 for a surrogate pair.
 * Also the attribution step's word scanner (same pattern).
 */
export function tokenUnits(text: string, at: number, bit: 1 | 2): number {
  const code = text.charCodeAt(at);
  if (code < 128) {
    const lower = code | 32;
    if ((lower >= 97 && lower <= 122) || (code >= 48 && code <= 57)) return 1;
    return bit === 2 && (code === 46 || code === 39 || code === 45) ? 1 : 0;
  }
  if (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length) {
    const next = text.charCodeAt(at + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return (bit === 1 ? TOKEN_START : TOKEN_PART).test(text.slice(at, at + 2)) ? 2 : 0;
  }
  if (code >= 0xd800 && code <= 0xdfff) return 0;
  if (bit === 2 && code === 0x2019) return 1;
  return charClass(code) & bit ? 1 : 0;
}

/**
 * A copy of a caller's array, always the same kind of array whatever the kind of the original. The
 * paragraph list comes from a map() that optimized code builds as another kind of array than the
 * builtin does, and each change of kind threw away the reader's optimized code (readPeople,
 * attributeQuotes: large compiles) to be rebuilt. Elements pushed one by one onto a new array
 * make it packed whatever the original (slice() would clone the original's kind). A loop rather
 * than Array.from(list, same), which read the list through its iterator and called back for each
 * element: 1.4-1.7 % of the reader's CPU profile for the few short lists of each article, and a
 * sixth of that now.
 */
export function stableArray<T>(list: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i]);
  return out;
}

/**
 * Where the token starting at `start` (its first character `first` units long) ends, at most
 * at `limit`, times two, plus one when lower-casing may change it (an ASCII capital or anything
 * outside ASCII: most words are plain lower case and need no toLowerCase copy). One number, so
 * that the loop that runs for every word of every article allocates nothing.
 */
export function scanTokenEnd(text: string, start: number, first: number, limit: number): number {
  let code = text.charCodeAt(start);
  let mixed = (code >= 65 && code <= 90) || code >= 128;
  let i = start + first;
  while (i < limit) {
    code = text.charCodeAt(i);
    // ASCII letters and digits inline; everything else through tokenUnits.
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      i++;
      continue;
    }
    if (code >= 65 && code <= 90) {
      mixed = true;
      i++;
      continue;
    }
    const n = tokenUnits(text, i, 2);
    if (n === 0) break;
    if (code >= 128) mixed = true;
    i += n;
  }
  return i * 2 + (mixed ? 1 : 0);
}

/** . ' ’ - */
function isTrailingPunct(code: number): boolean {
  return code === 46 || code === 39 || code === 0x2019 || code === 45;
}

/**
 * Where the word `text[start, end)` ends once a possessive ("'s", "’s", a lone "'" or "’") and
 * trailing . ' ’ - are taken off (start: nothing left), initials (J.R.) and title abbreviations
 * (Sen.) keeping their period: what replacing /(?:['’]s|['’])$/u and then, unless INITIALS or
 * TITLE_ABBREVIATION matches, /[.'’-]+$/u gave, read off the character codes. One word in
 * fourteen ends in one of these characters, and the patterns' replace() calls, each a copy, were
 * a tenth of the tokenizer's time.
 */
function trimmedEnd(text: string, start: number, end: number): number {
  let last = text.charCodeAt(end - 1);
  if (!isTrailingPunct(last) && last !== 115) return end;
  // The possessive first: "'s" or "’s", else a lone ' or ’.
  if (last === 115) {
    if (end - start < 2) return end;
    const before = text.charCodeAt(end - 2);
    if (before !== 39 && before !== 0x2019) return end;
    end -= 2;
  } else if (last === 39 || last === 0x2019) {
    end -= 1;
  }
  if (end === start) return end;
  last = text.charCodeAt(end - 1);
  if (!isTrailingPunct(last)) return end;
  if (last === 46 && keepsPeriod(text, start, end)) return end;
  while (end > start && isTrailingPunct(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Whether `text[start, end)`, ending in a period, is initials or a title abbreviation (INITIALS, TITLE_ABBREVIATION). */
function keepsPeriod(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length <= 5 && TITLE_ABBREVIATION.test(text.slice(start, end))) return true;
  if (length % 2 === 1) {
    // Odd: not ASCII letter-period pairs, though a letter outside the BMP is two units.
    for (let k = start; k < end; k++) if (text.charCodeAt(k) >= 128) return INITIALS.test(text.slice(start, end));
    return false;
  }
  for (let k = start; k < end; k += 2) {
    const code = text.charCodeAt(k);
    if (code >= 128 || text.charCodeAt(k + 1) >= 128) return INITIALS.test(text.slice(start, end));
    const lower = code | 32;
    if (lower < 97 || lower > 122 || text.charCodeAt(k + 1) !== 46) return false;
  }
  return true;
}

/** A token's flags: it starts with a capital letter. */
const CAP = 1;
/** … lower-casing may change it (scanTokenEnd's low bit). */
const MIXED = 2;
/** … it stands in a stretch written in title case (markTitleCase). */
const TITLE_CASE = 4;
/** … it is the first word of its stretch (a sentence, a clause after a colon, a quotation). */
const STRETCH_START = 8;

/**
 * An article's tokens as columns. Name finding reads every token's place and capital, but the
 * words of hardly any but the capitalised ones (a fifth of the tokens), and not all of theirs:
 * words are cut from the text when asked for (a capitalised one's kept), and name finding reads
 * runs of capitalised words off the columns (Token objects are for tokenize() only). An object
 * and a string for every word were a third of the reader's
 * allocations: on PolNeAR train, tokens as objects and name finding allocated 142 KB an article (75 KB the
 * tokens), readPeople 61 KB (V8's allocation sampling, collected objects included).
 */
class TokenTable {
  count = 0;
  /**
   * The capitalised tokens' words and their lower-case forms, cut from the text when first asked
   * for ('' until then: a token is never empty). Most capitalised words open a sentence or name a
   * place and are never read as words: the mentions' walk rules them out by their first letters.
   * Like the columns, the lists are kept from one article to the next (their first `capCount` are this one's).
   */
  capCount = 0;
  /** capitalisedInProse's set, made when the article has a stretch that may be in title case. */
  prose: Set<string> | null = null;
  /** writtenLower's answers so far. */
  private loweredCache = new Map<string, boolean>();
  /** aloneInProse's set, when first asked for. */
  alone: Set<string> | null = null;

  constructor(
    readonly text: string,
    public starts: Int32Array,
    public ends: Int32Array,
    public paragraphs: Int32Array,
    public flags: Uint8Array,
    /** Index in `capWords` of each capitalised token. */
    public slots: Int32Array,
    readonly capWords: string[],
    readonly capLowers: string[],
  ) {}

  /**
   * Whether the article writes `lower` (a lower-case word) in lower case somewhere, as a word of its own:
   * asked of a few capitalised words of headlines, so looked up in the text rather than by a set of
   * every lower-case word of every article.
   */
  readonly writtenLower = (lower: string): boolean => {
    let known = this.loweredCache.get(lower);
    if (known !== undefined) return known;
    known = false;
    const text = this.text;
    for (let at = text.indexOf(lower); at >= 0 && !known; at = text.indexOf(lower, at + 1)) {
      const before = at > 0 ? text.charCodeAt(at - 1) : 32;
      const after = at + lower.length < text.length ? text.charCodeAt(at + lower.length) : 32;
      known = !isWordUnit(before) && !isWordUnit(after);
    }
    this.loweredCache.set(lower, known);
    return known;
  };

  add(start: number, end: number, paragraph: number, flags: number): void {
    if (this.count === this.starts.length) this.grow();
    const k = this.count++;
    this.starts[k] = start;
    this.ends[k] = end;
    this.paragraphs[k] = paragraph;
    this.flags[k] = flags;
    if (flags & CAP) {
      const slot = this.capCount++;
      this.slots[k] = slot;
      if (slot < this.capWords.length) {
        this.capWords[slot] = '';
        this.capLowers[slot] = '';
      } else {
        this.capWords.push('');
        this.capLowers.push('');
      }
    }
  }

  private grow(): void {
    const size = Math.max(1024, 2 * this.starts.length);
    const widen = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.starts = widen(this.starts);
    this.ends = widen(this.ends);
    this.paragraphs = widen(this.paragraphs);
    this.slots = widen(this.slots);
    const flags = new Uint8Array(size);
    flags.set(this.flags.subarray(0, this.count));
    this.flags = flags;
  }

  /** The token at `k` as an object (made anew: only runs of capitalised words are asked for them). */
  at(k: number): Token {
    const cap = (this.flags[k] & CAP) !== 0;
    return { start: this.starts[k], end: this.ends[k], word: this.word(k), lower: this.lower(k), paragraph: this.paragraphs[k], cap };
  }

  /** The word at `k`, without making its token. */
  word(k: number): string {
    if (this.flags[k] & CAP) {
      const slot = this.slots[k];
      let word = this.capWords[slot];
      if (word === '') {
        word = this.text.slice(this.starts[k], this.ends[k]);
        this.capWords[slot] = word;
      }
      return word;
    }
    return this.text.slice(this.starts[k], this.ends[k]);
  }

  /** The lower-case word at `k`, without making its token. */
  lower(k: number): string {
    if (this.flags[k] & CAP) {
      const slot = this.slots[k];
      let lower = this.capLowers[slot];
      if (lower === '') {
        const word = this.word(k);
        lower = this.flags[k] & MIXED ? word.toLowerCase() : word;
        this.capLowers[slot] = lower;
      }
      return lower;
    }
    const word = this.text.slice(this.starts[k], this.ends[k]);
    return this.flags[k] & MIXED ? word.toLowerCase() : word;
  }

  slice(from: number, to: number): Token[] {
    const out: Token[] = [];
    for (let k = from; k < to; k++) out.push(this.at(k));
    return out;
  }
}

type Columns = Pick<TokenTable, 'starts' | 'ends' | 'paragraphs' | 'flags' | 'slots' | 'capWords' | 'capLowers'>;

/**
 * The columns and word lists of the last article read (not its text), kept: they grow to the
 * longest article and are reused (the lists may hold some of the last article's words until the
 * next overwrites them).
 */
let scratch: Columns | null = null;

function release(table: TokenTable): void {
  const { starts, ends, paragraphs, flags, slots, capWords, capLowers } = table;
  scratch = { starts, ends, paragraphs, flags, slots, capWords, capLowers };
}

function readTokens(text: string, paragraphList: Span[]): TokenTable {
  // Taken while in use, should reading ever throw half-way.
  const old = scratch;
  scratch = null;
  const table = old
    ? new TokenTable(text, old.starts, old.ends, old.paragraphs, old.flags, old.slots, old.capWords, old.capLowers)
    : new TokenTable(text, new Int32Array(0), new Int32Array(0), new Int32Array(0), new Uint8Array(0), new Int32Array(0), [], []);
  scanTokens(text, stableArray(paragraphList), table);
  markTitleCase(text, table);
  return table;
}

/** A letter, digit, apostrophe or hyphen: part of a word for writtenLower's whole-word test. */
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 45;
  return c === 0x2019 || /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/** Characters that end a stretch of words: sentence and clause ends, quotation marks, dashes (a hyphen between tokens stands apart: "HEADLINE - Ann Lee:"). */
const STRETCH_ENDS = '.!?:;"“”‘’—–-|';
function endsStretch(code: number): boolean {
  return STRETCH_ENDS.includes(String.fromCharCode(code));
}

/**
 * Flags the tokens of stretches written in title case (a headline, a list item's heading, a quoted
 * headline), where "Bernie Sanders Says He’s Ready" capitalises the verb too and a name must not run on
 * into it. A stretch (a sentence, a clause after a colon, a quotation) is in title case when every word
 * of four letters or more is capitalised, at least three of them, and at least two of its capitalised
 * words are ones the article writes in lower case and never capitalises mid-sentence ("Says", "On"):
 * a list of names ("Sens. Joe Manchin (D-WV), Bob Casey Jr. (D-PA)") has none. A whole paragraph so
 * written needs one such word. Also flags each stretch's first word, whose capital says nothing about it
 * being a name, and keeps the words the prose capitalises (capitalisedInProse) for personInRun.
 */
function markTitleCase(text: string, table: TokenTable): void {
  const { starts, ends, paragraphs, flags, count } = table;
  const candidates: number[] = [];
  // Whole paragraphs too: a headline paragraph in title case throughout, quotations and colons included
  // ("Donald Trump Finally Endorses House Speaker Paul Ryan.", "Elizabeth Warren: Donald Trump Is a ‘Proven
  // Failure’ in Business."), read off its stretches as they go by.
  const paragraphCandidates: number[] = [];
  let paragraphFrom = 0;
  let paragraphLong = 0;
  let paragraphLower = false;
  let from = 0;
  while (from < count) {
    flags[from] |= STRETCH_START;
    let to = from + 1;
    for (; to < count && paragraphs[to] === paragraphs[to - 1]; to++) {
      const gapFrom = ends[to - 1];
      const gapTo = starts[to];
      // Nearly every gap is one space.
      if (gapTo - gapFrom === 1 && text.charCodeAt(gapFrom) === 32) continue;
      let cut = false;
      // (A possessive's ’ is left between the tokens: "Hillary’s Security Clearance" goes on.)
      for (let c = gapFrom; c < gapTo && !cut; c++) cut = endsStretch(text.charCodeAt(c)) && !(text.charCodeAt(c) === 0x2019 && text.charCodeAt(c + 1) === 115 && c + 2 === gapTo - 1);
      if (cut) break;
    }
    let long = 0;
    let lowerLong = false;
    for (let k = from; k < to && !lowerLong; k++) {
      if (ends[k] - starts[k] < 4 || !isLetterAt(text, starts[k])) continue;
      long++;
      lowerLong = (flags[k] & CAP) === 0;
    }
    if (!lowerLong && long >= 3) {
      for (let k = from; k < to; k++) flags[k] |= TITLE_CASE;
      candidates.push(from, to);
    }
    paragraphLong += long;
    paragraphLower ||= lowerLong;
    if (to === count || paragraphs[to] !== paragraphs[from]) {
      // (A headline is short; a long paragraph of capitalised words is a list of names.)
      if (!paragraphLower && paragraphLong >= 3 && to - paragraphFrom <= 24) {
        for (let k = paragraphFrom; k < to; k++) flags[k] |= TITLE_CASE;
        paragraphCandidates.push(paragraphFrom, to);
      }
      paragraphFrom = to;
      paragraphLong = 0;
      paragraphLower = false;
    }
    from = to;
  }
  if (candidates.length === 0 && paragraphCandidates.length === 0) return;
  const prose = capitalisedInProse(table);
  table.prose = prose;
  const lowered = table.writtenLower;
  // A stretch is in title case with two capitalised words the article otherwise writes in lower case, a
  // whole paragraph with one.
  const signalsIn = (from: number, to: number, enough: number): number => {
    let signals = 0;
    for (let k = from + 1; k < to && signals < enough; k++) {
      if ((flags[k] & CAP) === 0) continue;
      const lower = table.lower(k);
      if (!prose.has(lower) && !isRole(lower) && !HONORIFICS.has(lower) && !ORG_WORDS.has(lower) && lowered(lower)) signals++;
    }
    return signals;
  };
  const titled: number[] = [];
  for (let c = 0; c < candidates.length; c += 2) if (signalsIn(candidates[c], candidates[c + 1], 2) >= 2) titled.push(candidates[c], candidates[c + 1]);
  for (let c = 0; c < paragraphCandidates.length; c += 2) if (signalsIn(paragraphCandidates[c], paragraphCandidates[c + 1], 1) >= 1) titled.push(paragraphCandidates[c], paragraphCandidates[c + 1]);
  for (let k = 0; k < count; k++) flags[k] &= ~TITLE_CASE;
  for (let c = 0; c < titled.length; c += 2) for (let k = titled[c]; k < titled[c + 1]; k++) flags[k] |= TITLE_CASE;
}

/**
 * Whether the token at `k`, in a title-case stretch after a given name, goes on with the name: a word
 * the prose capitalises, an initial or suffix, the word after an initial ("George W. Bush"), or in the
 * surname's place a word the article never writes in lower case ("The Late Show With Stephen Colbert").
 */
function titleCaseNamePart(all: TokenTable, k: number, surnamePlace: boolean): boolean {
  const lower = all.lower(k);
  if (all.prose!.has(lower) || isInitial(all.word(k)) || SUFFIXES.has(lower) || isInitial(all.word(k - 1))) return true;
  if (!surnamePlace || all.writtenLower(lower)) return false;
  // Not after a given name the prose uses alone: "Hillary Can’t Hide" where the story says "Hillary said".
  all.alone ??= aloneInProse(all);
  return !all.alone.has(all.lower(k - 1));
}

/** The capitalised words the prose (outside title case) writes with no capitalised word joined on either side. */
function aloneInProse(table: TokenTable): Set<string> {
  const alone = new Set<string>();
  const { flags, count, text } = table;
  for (let k = 0; k < count; k++) {
    if ((flags[k] & (CAP | TITLE_CASE)) !== CAP) continue;
    if (k > 0 && flags[k - 1] & CAP && joinedAt(text, table, k - 1, k)) continue;
    if (k + 1 < count && flags[k + 1] & CAP && joinedAt(text, table, k, k + 1)) continue;
    alone.add(table.lower(k));
  }
  return alone;
}

/**
 * The lower-case words capitalised in the article's ordinary prose (not in a stretch that may be in
 * title case, not a stretch's first word): in a headline, only these may carry a name on ("Rand Paul
 * Scores Direct Hit" is Rand Paul when the story writes "Sen. Rand Paul" and never a capitalised
 * "Scores" mid-sentence).
 */
function capitalisedInProse(table: TokenTable): Set<string> {
  const seen = new Set<string>();
  for (let k = 0; k < table.count; k++) if ((table.flags[k] & (CAP | TITLE_CASE | STRETCH_START)) === CAP) seen.add(table.lower(k));
  return seen;
}

function scanTokens(text: string, paragraphs: Span[], table: TokenTable): void {
  // A plain loop, no callback, and as little per word as possible: this runs for every word of every article.
  for (let paragraph = 0; paragraph < paragraphs.length; paragraph++) {
    const p = paragraphs[paragraph];
    const paraEnd = p.end;
    let i = p.start;
    while (i < paraEnd) {
      const first = tokenUnits(text, i, 1);
      if (first === 0) {
        i++;
        continue;
      }
      const start = i;
      const scanned = scanTokenEnd(text, i, first, paraEnd);
      i = scanned >> 1;
      // A surrogate pair split by the paragraph's end is cut there.
      const end = trimmedEnd(text, start, i < paraEnd ? i : paraEnd);
      if (end === start) continue;
      const c = text.charCodeAt(start);
      const cap = c >= 65 && c <= 90 ? true : c < 128 ? false : UPPER_START.test(text.slice(start, end));
      table.add(start, end, paragraph, (cap ? CAP : 0) | (scanned & 1 ? MIXED : 0));
    }
  }
}

export function tokenize(text: string, paragraphList: Span[]): Token[] {
  const table = readTokens(text, paragraphList);
  const tokens = table.slice(0, table.count);
  release(table);
  return tokens;
}

/** Whether the token at `k` is a name particle (de, van, bin …): all of two or three letters, so a longer one is not looked up. */
function isParticle(tokens: TokenTable, k: number): boolean {
  return tokens.ends[k] - tokens.starts[k] <= 3 && NAME_PARTICLES.has(tokens.lower(k));
}

/** Only white space between the tokens at `a` and `b` (joined's test on the columns). */
function joinedAt(text: string, table: TokenTable, a: number, b: number): boolean {
  const from = table.ends[a];
  const to = table.starts[b];
  if (table.paragraphs[a] !== table.paragraphs[b] || to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 160) return false;
  }
  return true;
}

/** Only white space between two tokens (no comma, period, quote mark, dash, possessive). */
export function joined(text: string, a: Token, b: Token): boolean {
  if (a.paragraph !== b.paragraph || b.start <= a.end) return false;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 160) return false;
  }
  return true;
}

function isInitial(word: string): boolean {
  return word.length === 2 && word[1] === '.' && word[0] !== word[0].toLowerCase();
}

const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'bin', 'al', 'el', 'la', 'le', 'da', 'di', 'del', 'du', 'dos', 'ibn']);
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);
const TITLE_MODIFIERS = new Set(
  `former acting late longtime veteran top senior chief deputy assistant then incoming outgoing interim retired
   presumptive presidential vice political campaign press national foreign economic security republican democratic
   independent conservative liberal progressive state federal regional local international general white house`.split(/\s+/),
);
/** Capitalised words that cannot be part of a title (sentence openers). */
const TITLE_STOP = new Set('the a an he she it they we i but and in on at as for with by to from of after before when while if this that his her their its'.split(' '));
const TITLE_CONNECTORS = new Set(['of', 'for', 'and', 'on', 'to', 'the']);
const ALL_CAPS = /^\p{Lu}{2,}$/u;
/** Words that open a sentence and are never part of a title before a name. */
const SENTENCE_OPENERS = new Set('so but and or then yet also still thus meanwhile however instead'.split(' '));

function isRole(lower: string): boolean {
  // (Its plural: one final "s" off, without a replace() and its copy for every word asked about.)
  return ROLE_WORDS.has(lower) || (lower.length > 1 && lower.charCodeAt(lower.length - 1) === 115 && ROLE_WORDS.has(lower.slice(0, -1)));
}

const NAME_WORD_CACHE = new Map<string, boolean>();

/** Whether the token at `k` may be part of a name (capitalised, no role, acronym, number …), read off the columns. */
function isNameWordAt(tokens: TokenTable, k: number): boolean {
  if ((tokens.flags[k] & CAP) === 0) return false;
  const word = tokens.word(k);
  let known = NAME_WORD_CACHE.get(word);
  if (known === undefined) {
    known = computeNameWord(word, tokens.lower(k));
    if (NAME_WORD_CACHE.size > 200_000) NAME_WORD_CACHE.clear();
    NAME_WORD_CACHE.set(word, known);
  }
  return known;
}

const MODIFIER_AFTER_HYPHEN =
  /^\p{Lu}\p{Ll}*-(?:era|led|style|type|like|based|backed|funded|owned|run|spent|aligned|allied|leaning|endorsed|anchor|host|founder|author|chair|owner|elect|in-law)$/u;

function computeNameWord(word: string, lower: string): boolean {
  if (NON_NAME_WORDS.has(lower) || ORG_WORDS.has(lower) || isRole(lower) || HONORIFICS.has(lower)) return false;
  if (/\d/.test(word)) return false;
  // A contraction is no name ("Hillary Can’t", "Trump Won't").
  if (/n['’]t$/.test(lower)) return false;
  if (/^[\p{Lu}]{2,}$/u.test(word) && word.length > 1) return false; // acronyms: US, FBI, WTO
  if (/-/.test(word) && /^\p{Lu}[\p{Ll}]+-\p{Lu}/u.test(word) && !/^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(word)) return false;
  // "Clinton-era", "Bush-spent", "Co-anchor": a name or a word made into a modifier (not "Ban Ki-moon").
  if (MODIFIER_AFTER_HYPHEN.test(word)) return false;
  // Words run together by a web page's markup ("StraussCinematography", "LevineFlagShareLike"), unlike
  // McDonald, DeSantis, VandeHei, KellyAnne: four letters before the inner capital and six after it, or
  // two inner capitals after lower-case letters.
  if (/\p{Ll}{4,}\p{Lu}\p{Ll}{5,}/u.test(word) || /\p{Ll}\p{Lu}.*\p{Ll}\p{Lu}/u.test(word)) return false;
  return true;
}

export function isFirstName(lower: string): boolean {
  return FEMALE_NAMES.has(lower) || MALE_NAMES.has(lower);
}

const HONORIFIC_GENDER = new Map<string, 'f' | 'm'>([
  ['mr', 'm'],
  ['mr.', 'm'],
  ['mrs', 'f'],
  ['mrs.', 'f'],
  ['ms', 'f'],
  ['ms.', 'f'],
  ['miss', 'f'],
]);
const FEMALE_TITLE = /\b(?:spokeswoman|congresswoman|chairwoman|businesswoman|councilwoman|assemblywoman|anchorwoman|actress|wife|widow|mother|daughter|sister|grandmother|aunt|niece|girlfriend|first lady|queen|princess|duchess)\b/i;
const MALE_TITLE = /\b(?:spokesman|congressman|chairman|businessman|councilman|assemblyman|anchorman|actor|husband|widower|father|son|brother|grandfather|uncle|nephew|boyfriend|king|prince|duke)\b/i;

/**
 * The gender a title states ("White House spokeswoman", "the senator's wife"), or null. "his"/"her" are
 * not read: in "her adviser" the pronoun is someone else's.
 */
export function genderOfTitle(title: string): 'f' | 'm' | null {
  const f = FEMALE_TITLE.test(title);
  const m = MALE_TITLE.test(title);
  return f && !m ? 'f' : m && !f ? 'm' : null;
}

export function genderOf(firstLower: string): 'f' | 'm' | null {
  const f = FEMALE_NAMES.has(firstLower);
  const m = MALE_NAMES.has(firstLower);
  return f && !m ? 'f' : m && !f ? 'm' : null;
}

interface FoundName extends Span {
  name: string;
  /** The index of the name's first token. */
  first: number;
  surname: string;
  surnameFirst: boolean;
  titleSpan: Span | null;
  /** Part of a body's name ("the Woodrow Wilson Center"): names a person only if another mention does. */
  inBodyName: boolean;
}

/**
 * Looks at a run of joined capitalised tokens (`all`'s tokens [lo, hi)) and returns the person name
 * in it, if any, as offsets in the run. Read off the columns: no token objects, no copies of the run.
 */
function personInRun(text: string, all: TokenTable, lo: number, hi: number): { from: number; to: number; surnameFirst: boolean; inBodyName?: boolean } | null {
  const length = hi - lo;
  // Surname-first names (Xi Jinping, Wang Wenbin): a known surname followed by a given name.
  for (let i = 0; i + 1 < length; i++) {
    const a = lo + i;
    const b = a + 1;
    if (SURNAME_FIRST.has(all.lower(a)) && isNameWordAt(all, b) && !isFirstName(all.lower(b)) && /^\p{Lu}\p{Ll}+(?:-\p{Ll}+)?$/u.test(all.word(b)) && (i === 0 || !isNameWordAt(all, a - 1) || isRole(all.lower(a - 1)))) {
      // Exclude a Western surname after a first name ("Jack Ma"), handled below.
      if (i > 0 && isFirstName(all.lower(a - 1))) break;
      // In a headline, "He Did" is a pronoun and a verb: there the given name must be one the prose capitalises.
      if (all.flags[b] & TITLE_CASE && !all.prose!.has(all.lower(b))) continue;
      return { from: i, to: i + 2, surnameFirst: true };
    }
  }
  // A known first name starts the name; everything after it in the run is the rest (in title case, what
  // the prose also capitalises: not the headline's verb).
  for (let i = 0; i + 1 < length; i++) {
    if (isFirstName(all.lower(lo + i)) && isNameWordAt(all, lo + i)) {
      let to = i + 1;
      while (to < length && to - i < 4 && (isNameWordAt(all, lo + to) || isInitial(all.word(lo + to)) || SUFFIXES.has(all.lower(lo + to)) || lexiconSurnameAt(all, lo + i, lo + to))) {
        // A headline's verb or adverb is no surname ("Mike Pence Calls for …", "St. Paul Votes to …", "Donald
        // Trump Finally Endorses …").
        if (HEADLINE_VERBS.has(all.lower(lo + to)) || HEADLINE_ADVERB.test(all.word(lo + to))) break;
        // "Ted Cruz South Carolina …": a compass point before another capitalised word starts a place.
        if (to > i + 1 && to + 1 < length && COMPASS.test(all.lower(lo + to))) break;
        if (all.flags[lo + to] & TITLE_CASE && !titleCaseNamePart(all, lo + to, to === i + 1)) break;
        to++;
      }
      // A name ends in its surname, not an initial ("Richard H." of "Richard H. Nixon" cut short), nor a lone
      // capital ("Alicia M" in a post).
      while (to - i > 1 && (isInitial(all.word(lo + to - 1)) || /^\p{Lu}$/u.test(all.word(lo + to - 1)))) to--;
      // Followed in the run by the word of a place or body named after someone, outside a headline, it is
      // part of that name ("the Northern Virginia Urban League", "the Woodrow Wilson Center", "the Donald
      // J. Trump Foundation"). Not "The Rachel Maddow Show" or "the Bill Clinton White House": the person's own.
      if (to - i >= 2) return { from: i, to, surnameFirst: false, inBodyName: to < length && NAMED_AFTER_SOMEONE.has(all.lower(lo + to)) && !(all.flags[lo + to] & TITLE_CASE) };
    }
  }
  // An unknown given name: a clean run of two or three name words, accepted only
  // with evidence that it names a person (a title before it or a speech verb after).
  let from = length;
  // Up to three words, initials and suffixes not counted ("Morris J. Brooks Jr.").
  let words = 0;
  while (from > 0 && (isNameWordAt(all, lo + from - 1) || isInitial(all.word(lo + from - 1))) && words < 3) {
    from--;
    if (!isInitial(all.word(lo + from)) && !SUFFIXES.has(all.lower(lo + from))) words++;
  }
  // "Actor Clint Howard", "Pastor Jo Reyes": a noun of a person opening the run is what the person is
  // (not after a determiner: "the Teacher Retirement System" is a thing).
  let headed = false;
  const determined = lo > 0 && joinedAt(text, all, lo - 1, lo) && DETERMINERS_BEFORE_NAME.has(all.lower(lo - 1));
  while (!determined && length - from > 2 && PERSON_HEADS.has(all.lower(lo + from))) {
    from++;
    headed = true;
  }
  if (length - from < 2) return null;
  // Part of a longer proper name: "New Hampshire Public Radio", "Commission on Presidential Debates",
  // "Office of Professional Responsibility". (A title, an honorific, a party, an initial, another name
  // word or a sentence's opening word before it leaves it a person's: "But Asa Khalif", "Morris J. Brooks Jr.")
  if (!headed) {
    const before = lo + from - 1;
    if (from > 0) {
      const l = all.lower(before);
      const w = all.word(before);
      if (!(isRole(l) || HONORIFICS.has(l) || PARTY_WORDS.has(l) || PERSON_HEADS.has(l) || isInitial(w) || isNameWordAt(all, before) || all.flags[before] & STRETCH_START || MODIFIER_AFTER_HYPHEN.test(w))) return null;
    } else if (before >= 1 && /^(?:of|on|for)$/.test(all.lower(before)) && (all.flags[before - 1] & CAP) !== 0 && joinedAt(text, all, before, before + 1) && joinedAt(text, all, before - 1, before)) return null;
  }
  // The token before the name (in the run or before it) and the one after the run, by index.
  const runEndIndex = hi - 1;
  const prev = lo + from - 1;
  const after = hi;
  let titled = false;
  let afterThe = false;
  // The cheap tests first: the words' lower-case forms are cut from the text when asked for.
  if (prev >= 0 && joinedAt(text, all, prev, prev + 1)) {
    const lower = all.lower(prev);
    titled = isRole(lower) || HONORIFICS.has(lower);
    afterThe = lower === 'the';
    // Opened mid-sentence by a capitalised word no name has ("prompting Black Lives Matter, the
    // parade's marshal", "the New York Botanical Garden"): a thing's name, not a person's.
    // A party is a person's ("Democrat Kim Myers").
    if (!titled && (all.flags[prev] & (CAP | STRETCH_START)) === CAP && (NON_NAME_WORDS.has(lower) || ORG_WORDS.has(lower)) && !PARTY_WORDS.has(lower)) return null;
  }
  // A compass point opens a place, not a given name ("North Korea said", "South Carolina"; Oliver North
  // has it as a surname).
  if (COMPASS.test(all.lower(lo + from))) return null;
  // Nor does a saint, a mount or a fort ("St. Louis, Ferguson's metro city neighbor").
  if (/^(?:st|ste|saint|mt|mount|ft|fort)\.?$/.test(all.lower(lo + from))) return null;
  // A sentence's opening adverb is no given name ("Interestingly Blocher, a wealthy industrialist").
  if (all.flags[lo + from] & STRETCH_START && /(?:ingly|ally|edly|ously|ively|ately|fully|ently|antly)$/.test(all.lower(lo + from))) return null;
  // Nor its opening participle, when the story writes the word in lower case too ("Watching Trump talk …";
  // not "Channing Tatum").
  if (all.flags[lo + from] & STRETCH_START && all.lower(lo + from).endsWith('ing') && all.writtenLower(all.lower(lo + from))) return null;
  // What "the" opens and a verb of saying follows is a newspaper or a body ("the Chicago Sun-Times reported").
  const cued = !afterThe && after < all.count && joinedAt(text, all, runEndIndex, after) && CUE_VERBS.has(all.lower(after));
  const runEnd = all.ends[runEndIndex];
  const appositive = text.charCodeAt(runEnd) === 44 && appositiveNamesPerson(text, runEnd);
  // "a worker named Antonio Arroyo": a noun of a person, "named", the name.
  const namedPerson = prev >= 1 && all.lower(prev) === 'named' && joinedAt(text, all, prev, prev + 1) && joinedAt(text, all, prev - 1, prev) && (PERSON_HEADS.has(all.lower(prev - 1)) || isRole(all.lower(prev - 1)));
  if (titled || headed || cued || appositive || namedPerson || namedInApposition(text, all, prev, lo + from, runEnd)) return { from, to: length, surnameFirst: false };
  return null;
}

/** Role words that are common surnames too, after a given name the lexicon knows (Steve King, Howard Dean, John Major). */
const ROLE_SURNAMES = new Set('king dean major bishop judge marshal knight chancellor pope'.split(' '));
/**
 * Words the lexicon keeps from names (colours are race words in the news) that are surnames right after a
 * known given name and its initials: Charlie Black, Betty White. (Not further on: "Barack Obama Black History".)
 */
const COLOR_SURNAMES = new Set('black white green gray grey'.split(' '));
/**
 * Whether the token at `k`, a word the lexicon keeps from names, is a surname after the known given name at
 * `given`: a ROLE_SURNAMES word anywhere in the name, a COLOR_SURNAMES word with only initials between.
 */
function lexiconSurnameAt(all: TokenTable, given: number, k: number): boolean {
  const lower = all.lower(k);
  const color = COLOR_SURNAMES.has(lower);
  if (!(color || ROLE_SURNAMES.has(lower)) || !/^\p{Lu}\p{Ll}/u.test(all.word(k))) return false;
  if (color) for (let j = given + 1; j < k; j++) if (!isInitial(all.word(j))) return false;
  return true;
}
/** Given names that are places too: alone, "Virginia" is the state, not Virginia Foxx. */
const PLACE_GIVEN_NAMES = new Set('virginia georgia carolina florence paris austin charlotte madison victoria sydney india israel savannah phoenix orlando dallas houston jordan lincoln'.split(' '));
/** Words of places and bodies named after someone, which follow the name (the Woodrow Wilson Center). */
const NAMED_AFTER_SOMEONE = new Set(
  `university college school institute institution foundation center centre society association league hospital
   library museum airport academy fund trust award prize memorial park stadium arena hall bridge tower building
   plaza square avenue road highway street boulevard station elementary fellowship scholarship lecture golf
   footwear apparel brands productions enterprises holdings industries studios pictures films records`.split(/\s+/),
);
const DETERMINERS_BEFORE_NAME = new Set('the a an this that these those its our their his her'.split(' '));
/** Verbs a headline capitalises right after a name ("Donald Trump Wins", "Paul Ryan Thinks"), which no surname is. */
const HEADLINE_VERBS = new Set(
  `says said calls called leads wins won thinks endorses endorsed votes voted was is needs slams slammed blasts blasted
   rips ripped praises praised urges urged warns warned tells told asks asked admits admitted claims claimed denies denied
   vows vowed announces announced unveils unveiled defends defended attacks attacked responds responded reacts reacted
   drops dropped makes made gets got takes took gives gave goes went`.split(/\s+/),
);
const HEADLINE_ADVERB = /^(?!Ma?c)\p{Lu}\p{Ll}{2,}(?:ally|edly|ently|iously)$/u;
const COMPASS = /^(?:north|south|east|west|northern|southern|eastern|western|central)$/;
const PARTY_WORDS = new Set('democrat republican democratic independent libertarian conservative liberal progressive'.split(' '));
/** Nouns of bodies and businesses, which speak too: "Working America, a labor-affiliated group, found". */
const BODY_NOUNS = /\b(?:group|firm|company|agency|union|organi[sz]ation|association|council|committee|coalition|network|institute|center|centre|foundation|party|bank|fund|office|department|ministry|board|newspaper|magazine|outlet|website|business|unit|division|arm|team|branch|service|bureau|corporation|maker|manufacturer|publisher|provider|chain|club|league|caucus)s?\b/i;
/** Words after a determiner that do not stop the search for the appositive's head but are not it. */
const APPOSITIVE_STOPS = new Set('who whom that which whose of in from for at with and or to on by as than like'.split(' '));
/** More nouns of people an appositive may end in, beyond the roles and PERSON_HEADS. */
const APPOSITIVE_PEOPLE = new Set(
  `republican democrat independent conservative liberal progressive friend patriarch matriarch model uncle aunt
nephew niece cousin colleague immigrant refugee victim mom dad child girl boy native oligarch playwright cook
superdelegate pilot clerk chef guard mechanic accountant tenant applicant participant contestant merchant
servant parent agent patient graduate priest monk poet neighbour spouse fiance fiancee employee trustee
detainee inmate guest citizen heir chaplain fan`.split(/\s+/),
);
/** Words ending like a noun of a person (-er, -or, -ist, -ian, -man) that are not one. */
const NOT_PERSON_SUFFIXED = new Set(
  `other under after over super former latter number center border water order power matter major honor labor favor
   sector paper letter quarter corner chapter theater computer register interior exterior minor error factor
   corridor harbor terror christian asian`.split(/\s+/),
);

/**
 * Whether the appositive after the comma at `comma` says the words before it name a person: "who …",
 * an age ("Ann Lee, 45," not "Dirty Dancing, 98 Degrees"), a role with no article, or a determiner and
 * a phrase whose head is a person ("Raynard Jackson, a black Republican campaign consultant").
 * "Harmony Enterprises, a second business", "Hyde Amendment, a longstanding federal provision" and
 * "Scarborough Shoal, an outcrop" name no one.
 */
function appositiveNamesPerson(text: string, comma: number): boolean {
  // (A possessive determines the phrase as an article does: "Marlon Marshall, Clinton's director of …".)
  const m = /^,\s+(who|\d+(?=[,.;)]|\s*\n|\s*$|\s+years?\b)|a|an|the|his|her|their|its|\p{Lu}[\p{L}.-]*['’]s)(?![\p{L}])/u.exec(text.slice(comma, comma + 40));
  if (!m) {
    // A role with no article: "Yukiya Amano, director general of the agency, said".
    const bare = /^,\s+(?:former\s+|then-|deputy\s+|chief\s+)?(\p{L}+)/u.exec(text.slice(comma, comma + 40));
    // (A capitalised honorific there opens another name, a list: "Ann Lee, Sen. Bob Ray and …"; "president" is a role.)
    return !!bare && ROLE_WORDS.has(bare[1].toLowerCase()) && !(HONORIFICS.has(bare[1].toLowerCase()) && /^\p{Lu}/u.test(bare[1]));
  }
  if (m[1] === 'who' || /\d/.test(m[1])) return true;
  const words = text.slice(comma + m[0].length, comma + m[0].length + 120).split(/\s+/);
  const capitalised = (w: string | undefined): boolean => w !== undefined && /^\p{Lu}/u.test(w);
  // "Mara Quill, the harbor pilot, said": a phrase set off between commas before a verb of saying.
  const closed = /^([^,;:.!?“”"()]{1,80}),\s+(\p{Ll}+)/u.exec(text.slice(comma + m[0].length, comma + m[0].length + 100));
  if (closed && CUE_VERBS.has(closed[2]) && !BODY_NOUNS.test(closed[1])) return true;
  for (let i = 0; i < words.length && i < 9; i++) {
    const raw = words[i];
    const word = raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    const lower = word.toLowerCase().replace(/['’]s$/, '');
    // "and" before a name goes on ("the United States Customs and Border Protection commissioner", "an
    // Armenian history and Middle Eastern studies expert").
    if (APPOSITIVE_STOPS.has(lower) && !(lower === 'and' && capitalised(words[i + 1]))) return false;
    if (/^\d+-year-old$/.test(raw.replace(/[,.]$/, ''))) return true;
    // A possessive modifies the head that follows ("his son's high school track team").
    if (/['’]s$/.test(word)) continue;
    const singular = lower.endsWith('s') ? lower.slice(0, -1) : lower;
    if (ROLE_WORDS.has(lower) || PERSON_HEADS.has(lower) || APPOSITIVE_PEOPLE.has(lower) || ROLE_WORDS.has(singular) || PERSON_HEADS.has(singular)) {
      // "Santa Catarina, a worker named Antonio Arroyo …" is someone else, introduced.
      return !/^(?:named|called)$/i.test(words[i + 1] ?? '');
    }
    if (/^\p{Ll}/u.test(word) && lower.length > 4 && !NOT_PERSON_SUFFIXED.has(lower) && /(?:er|or|ist|ian|man|woman)$/.test(lower)) return true;
    // The phrase ends at its first punctuation ("a Neptune, N.J., native" is past reading), not at an
    // abbreviation's period ("the former U.S. Army psychiatrist").
    if (/[,;:!?)”"]$/.test(raw) || /^\p{L}{4,}\.$/u.test(raw)) return false;
  }
  return false;
}

/**
 * A name set off as the appositive of a role ("The company's chief executive, Priya Natarajan, said"; "said
 * her lawyer, Sunil Mehta."): the role word, a comma, the name, then a comma or the sentence's end.
 */
function namedInApposition(text: string, all: TokenTable, prev: number, nameStart: number, runEnd: number): boolean {
  if (prev < 0 || prev + 1 !== nameStart) return false;
  const close = text.charCodeAt(runEnd);
  if (close !== 44 && close !== 46) return false;
  if (!/^,[ \t]+$/.test(text.slice(all.ends[prev], all.starts[nameStart]))) return false;
  return isRole(all.lower(prev));
}

function titleBefore(text: string, tokens: TokenTable, nameStart: number, takenStarts: Set<number>): Span | null {
  let i = nameStart - 1;
  let first = -1;
  while (i >= 0 && joinedAt(text, tokens, i, i + 1)) {
    if (takenStarts.has(tokens.starts[i])) break;
    // A headline in capitals before the title ("DEADLY ISTANBUL EXPLOSION Turkish President Erdogan") is not
    // part of it; an acronym or a name in capitals (FBI, NASCAR, POLITICO) is.
    if (i > 0 && ALL_CAPS.test(tokens.word(i)) && ALL_CAPS.test(tokens.word(i - 1)) && tokens.ends[i] - tokens.starts[i] >= 4) break;
    const lower = tokens.lower(i);
    // A headline's capitalised verb or noun ("Super PAC Chief Praises Marco Rubio") ends the title: only
    // words the prose capitalises, roles and their modifiers go on.
    if (tokens.flags[i] & TITLE_CASE && tokens.prose !== null && !tokens.prose.has(lower) && !isRole(lower) && !TITLE_MODIFIERS.has(lower)) break;
    if (HEADLINE_VERBS.has(lower)) break;
    if (tokens.flags[i] & CAP && !TITLE_STOP.has(lower)) first = i;
    else if (isRole(lower) || TITLE_MODIFIERS.has(lower)) first = i;
    else if (TITLE_CONNECTORS.has(lower) && i > 0 && tokens.flags[i - 1] & CAP) {
      /* keep walking: "Secretary of State" */
    } else break;
    i--;
  }
  if (first < 0) return null;
  let role = false;
  for (let k = first; k < nameStart && !role; k++) role = isRole(tokens.lower(k));
  if (!role) {
    // Honorifics are not titles to show ("Mr."), but mark the start of a name.
    return null;
  }
  // Drop a trailing honorific (Mr., Dr.), leading connectors and a sentence's opening word ("So Labor Secretary").
  let s = first;
  while (s < nameStart && (TITLE_CONNECTORS.has(tokens.lower(s)) || SENTENCE_OPENERS.has(tokens.lower(s)))) s++;
  let e = nameStart;
  while (e > s && /^(?:mr|mrs|ms|dr)\.?$/.test(tokens.lower(e - 1))) e--;
  // "Obama and Vice President Joe Biden": before an "and", words with no role are another person's, not the
  // title's ("Secretary of Health and Human Services" has one).
  for (let k = e - 1; k > s; k--) {
    if (tokens.lower(k) !== 'and') continue;
    let roleBefore = false;
    for (let r = s; r < k && !roleBefore; r++) roleBefore = isRole(tokens.lower(r));
    if (!roleBefore) s = k + 1;
    break;
  }
  if (e <= s) return null;
  // Not a title: what ends in a connector ("Strategists for Barack Obama") or a plural role ("former
  // presidents George H.W. Bush and …").
  const last = tokens.lower(e - 1);
  if (TITLE_CONNECTORS.has(last)) return null;
  if (last.endsWith('s') && !ROLE_WORDS.has(last) && ROLE_WORDS.has(last.slice(0, -1))) return null;
  return { start: tokens.starts[s], end: tokens.ends[e - 1] };
}

/**
 * ", a senior adviser to Mr. Sanders," after a name: a determiner opens it, or a role with no article
 * (group 2: "Simon Rosenberg, president of NDN, a policy group"); it ends at a comma, a sentence's period
 * (not an initial's or NAME_PREFIX_ABBREVIATIONS': "official during George W. Bush's presidency"), a
 * semicolon, a verb of saying, "who", "whom" or "whose", a dash, or a party label "(D-…".
 */
const APPOSITIVE_TITLE = new RegExp(
  `^(?:['’]s)?,\\s+((?:(?:the|a|an|his|her|its|their|[\\p{Lu}][\\p{L}.]*['’]s|former|then|now)\\b|(?=(\\p{Ll}+)\\b))[^,;:“”"()]{2,150}?)` +
    `(?=,|(?<!\\b(?:\\p{Lu}|${NAME_PREFIX_ABBREVIATIONS}))\\.\\s|\\.$|;|\\s+(?:said|says|told|who|whom|whose)\\b|\\s+(?:--|[—–])|\\s+\\([DRI]-)`,
  'u',
);

/** ", China's foreign minister," after a name. */
function appositiveTitle(text: string, end: number, paragraphEnd: number): Span | null {
  const rest = text.slice(end, Math.min(paragraphEnd, end + 200));
  const m = APPOSITIVE_TITLE.exec(rest);
  if (!m || (m[2] !== undefined && !ROLE_WORDS.has(m[2]))) return null;
  let phrase = m[1];
  // A long phrase up to a comma not followed by a verb of saying is more likely a main clause after a
  // subordinate one ("While the district had voted for Sen. Marco Rubio, the Florida Republican's
  // subsequent collapse left the convention open to … anti-Trump voters, disappointed …").
  if (phrase.length > 110 && !/^(?:,\s+(?:said|says|told|added|wrote|noted|argued|explained)\b|[^,])/.test(rest.slice(m[0].length))) return null;
  // A long phrase of two roles keeps the first ("a former aide to Mr. Rubio and now the chairman of the
  // Republican Party in Miami-Dade County"); "and" inside a name does not part roles ("the Center on
  // Budget and Policy Priorities").
  if (phrase.split(/\s+/).length > 16) {
    const second = /\s+and\s+(?:a|an|the|now|currently|later|then|also|former|past)\s/.exec(phrase);
    if (second) phrase = phrase.slice(0, second.index);
  }
  // Cut before "whom" or "whose", a preposition or "and" is left hanging ("an adviser with whom …").
  phrase = phrase.replace(/\s+(?:and|or|with|to|for|of|by|in|on|at|from)$/, '');
  // A phrase naming someone else, at its end or before "and", is a list, not a title ("Mike Ditka, former
  // Indiana University basketball coach Bobby Knight and others"); "… director under President Bill
  // Clinton" (after a preposition) and "a Bernie Sanders delegate" (a modifier) are titles still.
  for (const other of phrase.matchAll(/(\p{Lu}\p{Ll}+)(?=\s+\p{Lu}[\p{L}'’-]+(?:$|\s+(?:and|or)\b))/gu)) {
    if (isFirstName(other[1].toLowerCase()) && !/\b(?:of|to|under|for|at|with|during|in|by|from)\b/.test(phrase.slice(0, other.index))) return null;
  }
  const words = phrase.split(/\s+/);
  // A clause is no title ("…, delegate math is daunting for anyone other than …").
  if (words.length > 16 || /\b(?:is|are|was|were|has|have|had|will|would)\b/.test(phrase)) return null;
  if (!words.some((w) => isRole(w.toLowerCase().replace(/[^\p{L}.-]/gu, '')))) return null;
  const start = end + m[0].indexOf(phrase);
  let title = phrase.replace(/^(?:the|a|an)\s+/i, '');
  const titleStart = start + (phrase.length - title.length);
  title = title.replace(/\s+$/, '');
  return { start: titleStart, end: titleStart + title.length };
}

export interface PeopleResult {
  people: ArticlePerson[];
  /** Every resolved or unresolved mention of a person, in text order. */
  mentions: Mention[];
  /** Start offset of a token -> mention index, for the attribution step. */
  mentionAt: Map<number, Mention>;
  genders: Map<string, 'f' | 'm' | null>;
}

/** Formal given names of common short forms, for telling "Joe Biden" and "Joseph Biden" are one person. */
const FORMAL_GIVEN = new Map(
  `joe:joseph ken:kenneth chuck:charles sam:samuel bill:william bob:robert mike:michael jim:james jimmy:james
tom:thomas dick:richard rick:richard dan:daniel dave:david tony:anthony andy:andrew matt:matthew pete:peter
ben:benjamin pat:patrick greg:gregory jeff:jeffrey larry:lawrence ron:ronald don:donald liz:elizabeth kate:katherine
debbie:deborah`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);


/**
 * What two spellings of one person's name share (`key`: the given name's formal form, surname and suffix,
 * without accents) and what may tell them apart (`middle`: middle names and initials). Surname-first
 * names are keyed whole. Used for an article's variants (canonicalNames) and across articles (SourceIndex).
 */
export function personNameKey(name: string, surnameFirst: boolean): { key: string; middle: string } {
  const parts = name.split(' ');
  let end = parts.length;
  while (end > 1 && SUFFIXES.has(parts[end - 1].toLowerCase())) end--;
  if (surnameFirst || end < 2) return { key: parts.map(foldWord).join(' '), middle: '' };
  const given = foldWord(parts[0]);
  const suffix = parts.slice(end).map(foldWord).join(' ');
  return { key: `${FORMAL_GIVEN.get(given) ?? given}|${foldWord(parts[end - 1])}|${suffix}`, middle: parts.slice(1, end - 1).map(foldWord).join(' ') };
}

/** "George Bush" may be either George H.W. Bush or George W. Bush: never merged with either. */
export const AMBIGUOUS_NAME_KEYS = new Set(['george|bush|']);

/**
 * Of the names already known under one personNameKey (name → middle), the one a name with this middle is
 * another spelling of: the only one whose middle is equal or where either has none; null when none or two.
 */
export function spellingOf(group: ReadonlyMap<string, string>, middle: string): string | null {
  let found: string | null = null;
  for (const [other, otherMiddle] of group) {
    if (otherMiddle !== middle && otherMiddle !== '' && middle !== '') continue;
    if (found !== null) return null;
    found = other;
  }
  return found;
}

/**
 * One name for each person an article names in several ways: "François Hollande" and "Francois
 * Hollande", "Donald J. Trump" and "Donald Trump", "Hillary Rodham Clinton" and "Hillary Clinton",
 * "Joseph Biden" and "Joe Biden" (FORMAL_GIVEN). Names agree when their given name (its formal form),
 * surname and suffix do, without accents; their middle parts must be equal or one of them absent, and a
 * name without one is left apart when two different ones are about ("George W. Bush", "George H.W.
 * Bush"). Each found name takes the first-found name of its kind, so titles and mentions gather on one
 * person. Surname-first names are matched whole.
 */
function canonicalNames(found: FoundName[], contributors: Set<string>): void {
  // Most articles name no one two ways: only surnames that come with two different names are read.
  const namesBySurname = new Map<string, string>();
  const shared = new Set<string>();
  for (const f of found) {
    const surname = f.surname.toLowerCase();
    const seen = namesBySurname.get(surname);
    if (seen === undefined) namesBySurname.set(surname, f.name);
    else if (seen !== f.name) shared.add(surname);
  }
  if (shared.size === 0) return;
  const groups = new Map<string, { name: string; middle: string }[]>();
  const keyOf = new Map<string, { key: string; middle: string }>();
  for (const f of found) {
    if (keyOf.has(f.name) || !shared.has(f.surname.toLowerCase()) || contributors.has(f.name.toLowerCase())) continue;
    const { key, middle } = personNameKey(f.name, f.surnameFirst);
    keyOf.set(f.name, { key, middle });
    const group = groups.get(key);
    if (group) group.push({ name: f.name, middle });
    else groups.set(key, [{ name: f.name, middle }]);
  }
  const canonical = new Map<string, string>();
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    if (AMBIGUOUS_NAME_KEYS.has(key)) continue;
    const middles = new Set(group.filter((g) => g.middle !== '').map((g) => g.middle));
    for (const g of group) {
      // The first of the group that this name may be the same person as.
      const first = group.find((h) => h.middle === g.middle || (middles.size <= 1 && (h.middle === '' || g.middle === '')));
      if (first && first.name !== g.name) canonical.set(g.name, first.name);
    }
  }
  if (canonical.size === 0) return;
  for (const f of found) {
    const to = canonical.get(f.name);
    if (!to) continue;
    f.name = to;
    f.surname = to.split(' ').filter((w) => !SUFFIXES.has(w.toLowerCase())).pop() ?? f.surname;
  }
}

/**
 * Drops names found only in title case whose given name the prose gives a person with another surname:
 * "Hillary Can’t Hide" in a headline over a story about Hillary Clinton is not a person "Hillary Can’t".
 * ("Stephen Colbert", named only in a show's title, stays.)
 */
function dropHeadlineOnlyVariants(found: FoundName[], tokens: TokenTable): void {
  let headline = false;
  for (const f of found) if (tokens.flags[f.first] & TITLE_CASE) headline = true;
  if (!headline) return;
  const inProse = new Set<string>();
  const givenInProse = new Map<string, Set<string>>();
  for (const f of found) {
    if (tokens.flags[f.first] & TITLE_CASE || f.surnameFirst) continue;
    inProse.add(f.name);
    const given = tokens.lower(f.first);
    const surnames = givenInProse.get(given);
    if (surnames) surnames.add(f.surname);
    else givenInProse.set(given, new Set([f.surname]));
  }
  let kept = 0;
  for (const f of found) {
    const other = !(f.surnameFirst || inProse.has(f.name)) && tokens.flags[f.first] & TITLE_CASE ? givenInProse.get(tokens.lower(f.first)) : undefined;
    if (other && !other.has(f.surname)) continue;
    found[kept++] = f;
  }
  found.length = kept;
}

/** The people of an article's story paragraphs (tokens read into columns, without a Token for every word). */
export function readPeople(text: string, paragraphList: Span[], contributors: string[]): PeopleResult {
  const table = readTokens(text, paragraphList);
  const result = peopleIn(text, table, contributors, paragraphList);
  release(table);
  return result;
}

function peopleIn(text: string, tokens: TokenTable, contributors: string[], paragraphList: Span[]): PeopleResult {
  const paragraphs = stableArray(paragraphList);
  const count = tokens.count;
  const flags = tokens.flags;
  const starts = tokens.starts;
  const contributorSet = new Set(contributors.map((c) => c.toLowerCase()));
  const found: FoundName[] = [];
  const takenStarts = new Set<number>();
  // Runs of joined capitalised tokens (plus particles and initials inside).
  let i = 0;
  while (i < count) {
    if ((flags[i] & CAP) === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < count && joinedAt(text, tokens, j - 1, j) && ((flags[j] & CAP) !== 0 || (isParticle(tokens, j) && j + 1 < count && (flags[j + 1] & CAP) !== 0))) j++;
    // A lone capitalised word names no one here (a name takes two words): no run to copy.
    if (j - i < 2) {
      i = j;
      continue;
    }
    let offset = 0;
    while (offset < j - i - 1) {
      const hit = personInRun(text, tokens, i + offset, j);
      if (!hit) break;
      // The name's tokens, by index: [first, last].
      const first = i + offset + hit.from;
      const last = i + offset + hit.to - 1;
      const start = starts[first];
      const end = tokens.ends[last];
      let name = tokens.word(first);
      for (let k = first + 1; k <= last; k++) name += ' ' + tokens.word(k);
      let surnameIdx = -1;
      if (hit.surnameFirst) surnameIdx = first;
      else for (let k = last; k >= first && surnameIdx < 0; k--) if (!SUFFIXES.has(tokens.lower(k)) && !isInitial(tokens.word(k))) surnameIdx = k;
      // Initials alone ("J. J., a friend") have no surname to know the person by: not a name.
      if (surnameIdx < 0) {
        offset += hit.to;
        continue;
      }
      const titleSpan = titleBefore(text, tokens, first, takenStarts);
      found.push({ start, end, name, first, surname: tokens.word(surnameIdx), surnameFirst: hit.surnameFirst, titleSpan, inBodyName: hit.inBodyName === true });
      for (let k = first; k <= last; k++) takenStarts.add(starts[k]);
      offset += hit.to;
    }
    i = j;
  }

  dropHeadlineOnlyVariants(found, tokens);
  canonicalNames(found, contributorSet);
  // A name met only inside bodies' names is no person of the story, unless the story also calls them by
  // their given name ("the Bill and Hillary Clinton Foundation" … "Hillary’s run"); the name's words are
  // no one's mention either.
  const personNames = new Set<string>();
  let inBodyOnly: FoundName[] | null = null;
  for (const f of found) if (!f.inBodyName) personNames.add(f.name);
  for (const f of found) if (!personNames.has(f.name)) (inBodyOnly ??= []).push(f);
  if (inBodyOnly) {
    // (Not a given name that is a place too: "Virginia" alone is the state, not "the Northern Virginia Urban League".)
    const given = new Set(inBodyOnly.map((f) => tokens.lower(f.first)).filter((g) => !PLACE_GIVEN_NAMES.has(g)));
    const inside = new Set<number>();
    for (const f of found) for (let k = f.first; k < count && starts[k] < f.end; k++) inside.add(k);
    for (let k = 0; k < count; k++) {
      if ((flags[k] & CAP) === 0 || inside.has(k) || !given.has(tokens.lower(k))) continue;
      for (const f of inBodyOnly) if (tokens.lower(f.first) === tokens.lower(k)) personNames.add(f.name);
    }
  }
  const byName = new Map<string, ArticlePerson>();
  const genders = new Map<string, 'f' | 'm' | null>();
  for (const f of found) {
    if (contributorSet.has(f.name.toLowerCase()) || !personNames.has(f.name)) continue;
    let person = byName.get(f.name);
    if (!person) {
      person = { name: f.name, titles: [], aliases: [], mentions: [], surnameFirst: f.surnameFirst, surname: f.surname };
      byName.set(f.name, person);
      genders.set(f.name, f.surnameFirst ? null : genderOf(tokens.lower(f.first)));
    }
    const titles: Span[] = [];
    if (f.titleSpan) titles.push(f.titleSpan);
    const app = appositiveTitle(text, f.end, paragraphs[tokens.paragraphs[f.first]].end);
    if (app) titles.push(app);
    for (const t of titles) {
      const title = text.slice(t.start, t.end).replace(/\s+/g, ' ');
      if (!person.titles.includes(title)) person.titles.push(title);
      // A title that says it ("spokeswoman", "his wife") tells a given name the lexicon does not know.
      if (genders.get(f.name) === null && !f.surnameFirst) genders.set(f.name, genderOfTitle(title));
    }
  }

  // Mentions: full names where found; surnames (and unique given names) resolve to the
  // most recent compatible full name, or stay unresolved when that is not clear.
  const mentions: Mention[] = [];
  const mentionAt = new Map<number, Mention>();
  const fullAt = new Map<number, FoundName>();
  for (const f of found) if (byName.has(f.name) || !personNames.has(f.name)) fullAt.set(f.start, f);
  const surnameOwners = new Map<string, ArticlePerson[]>();
  const givenOwners = new Map<string, ArticlePerson[]>();
  for (const p of byName.values()) {
    const key = p.surname.toLowerCase();
    const owners = surnameOwners.get(key);
    if (owners) owners.push(p);
    else surnameOwners.set(key, [p]);
    markLead(key);
    if (!p.surnameFirst) {
      const space = p.name.indexOf(' ');
      const given = (space < 0 ? p.name : p.name.slice(0, space)).toLowerCase();
      const givers = givenOwners.get(given);
      if (givers) givers.push(p);
      else givenOwners.set(given, [p]);
      markLead(given);
    }
  }
  const lastSeen = new Map<string, number>(); // person name -> order of last full/resolved mention
  let order = 0;
  const push = (m: Mention, person: ArticlePerson | null, alias: string | null): void => {
    mentions.push(m);
    mentionAt.set(m.start, m);
    if (person) {
      person.mentions.push(m);
      lastSeen.set(person.name, ++order);
      if (alias && alias !== person.name && !person.aliases.includes(alias)) person.aliases.push(alias);
    }
  };
  const resolveSurname = (owners: ArticlePerson[]): { person: ArticlePerson | null; candidates: string[] } => {
    // Lists built in loops (see structure.ts, nonEmptySpans).
    const seen: ArticlePerson[] = [];
    const candidates: string[] = [];
    for (const p of owners) {
      if (lastSeen.has(p.name)) seen.push(p);
      candidates.push(p.name);
    }
    if (seen.length === 0) return { person: owners.length === 1 ? owners[0] : null, candidates };
    seen.sort((a, b) => lastSeen.get(b.name)! - lastSeen.get(a.name)!);
    return { person: seen[0], candidates };
  };
  // Full names in text order (found is in text order), walked alongside the tokens rather than
  // looked up in a map for every token.
  const fullNames = [...fullAt.values()];
  let nextFull = 0;
  for (let k = 0; k < count; k++) {
    const tokenStart = starts[k];
    while (nextFull < fullNames.length && fullNames[nextFull].start < tokenStart) nextFull++;
    const full = nextFull < fullNames.length && fullNames[nextFull].start === tokenStart ? fullNames[nextFull] : undefined;
    if (full) {
      const person = byName.get(full.name);
      if (person) push({ start: full.start, end: full.end, name: person.name }, person, null);
      while (k + 1 < count && starts[k + 1] < full.end) k++;
      continue;
    }
    if ((flags[k] & CAP) === 0) continue;
    const tokenEnd = tokens.ends[k];
    // "Xi-Biden": each part of a hyphenated pair may be a surname. A word without a hyphen
    // (nearly all) is its own part, and its lower-case form is the token's.
    let hyphenated = false;
    for (let c = tokenStart; c < tokenEnd && !hyphenated; c++) hyphenated = text.charCodeAt(c) === 45;
    // No surname or given name starts as this word does: nothing to look up (and no strings to cut).
    if (!hyphenated && !mayLead(text, tokenStart, tokenEnd)) continue;
    // The capitalised token's strings and place, without making it an object.
    const word = tokens.word(k);
    const parts = hyphenated ? word.split('-') : null;
    const partCount = parts ? parts.length : 1;
    let pos = tokenStart;
    for (let n = 0; n < partCount; n++) {
      const part = parts ? parts[n] : word;
      const lower = parts ? part.toLowerCase() : tokens.lower(k);
      const owners = surnameOwners.get(lower);
      const givenOnly = !owners && partCount === 1 ? givenOwners.get(lower) : undefined;
      const spanStart = pos;
      const spanEnd = pos + part.length;
      pos += part.length + 1;
      if (owners) {
        // A surname right after a given name that is not this person's is someone else.
        const prev = k - 1;
        if (partCount === 1 && prev >= 0 && (flags[prev] & CAP) !== 0 && joinedAt(text, tokens, prev, k) && isFirstName(tokens.lower(prev)) && !takenStarts.has(starts[prev])) continue;
        // A surname only one person has (nearly all) is theirs, with no other candidate: no lists to build.
        const { person, candidates } = owners.length === 1 ? { person: owners[0], candidates: null } : resolveSurname(owners);
        const possessive = /^['’]s/.test(text.slice(tokenEnd, tokenEnd + 2));
        const alias = possessive ? text.slice(spanStart, tokenEnd + 2) : part;
        // Spelled out, not spread: V8 gives spread copies a large property store, and mentions are many.
        const m: Mention = { start: spanStart, end: spanEnd, name: person ? person.name : null };
        // "Mr. Patel", "Ms. Ortiz": the writer's own word, for a given name the lexicon does not know. (Not
        // over the lexicon: "Mrs. Clinton" resolved to the Bill Clinton last named must not make him "she".)
        if (person && partCount === 1 && prev >= 0 && genders.get(person.name) === null) {
          const honorific = HONORIFIC_GENDER.get(tokens.lower(prev));
          if (honorific) genders.set(person.name, honorific);
        }
        if (candidates !== null && candidates.length > 1) m.candidates = candidates;
        push(m, person, person ? part : null);
        if (person && possessive && alias !== part && !person.aliases.includes(alias)) person.aliases.push(alias);
      } else if (givenOnly && givenOnly.length === 1 && !PLACE_GIVEN_NAMES.has(lower) && !(k + 1 < count && (flags[k + 1] & CAP) !== 0 && joinedAt(text, tokens, k, k + 1))) {
        push({ start: spanStart, end: spanEnd, name: givenOnly[0].name }, givenOnly[0], part);
      }
    }
  }
  clearLeads();
  return { people: [...byName.values()], mentions, mentionAt, genders };
}

/**
 * The first two code units of the lower-case surnames and given names of the article being read
 * (the second 0 for a one-letter name), when both are ASCII: LEADS[first * 128 + second] is 1.
 * A lower-case form that equals one of them starts with the same two units, so a word whose first
 * two lower-case units are ASCII and not marked is no one's name. Cleared after each article.
 */
const LEADS = new Uint8Array(128 * 128);
const leadsMarked: number[] = [];

function markLead(lower: string): void {
  const a = lower.charCodeAt(0);
  const b = lower.length > 1 ? lower.charCodeAt(1) : 0;
  if (!(a < 128 && b < 128)) return;
  const key = a * 128 + b;
  if (LEADS[key] === 0) {
    LEADS[key] = 1;
    leadsMarked.push(key);
  }
}

function clearLeads(): void {
  for (let i = 0; i < leadsMarked.length; i++) LEADS[leadsMarked[i]] = 0;
  leadsMarked.length = 0;
}

/**
 * Whether the word `text[start, end)` may, lower-cased, be a marked name: false only when its
 * first two units are ASCII (their lower case is then theirs alone, whatever follows) and no
 * name starts with them.
 */
function mayLead(text: string, start: number, end: number): boolean {
  let a = text.charCodeAt(start);
  if (a >= 128) return true;
  if (a >= 65 && a <= 90) a += 32;
  let b = 0;
  if (end - start > 1) {
    b = text.charCodeAt(start + 1);
    if (b >= 128) return true;
    if (b >= 65 && b <= 90) b += 32;
  }
  return LEADS[a * 128 + b] === 1;
}
