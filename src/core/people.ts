// Finding the people of a story, their titles as written, and resolving later
// mentions (surnames, possessives, "Xi-Biden") to the right full name.
import type { ArticlePerson, Mention, Span } from './types';
import { FEMALE_NAMES, HONORIFICS, MALE_NAMES, NON_NAME_WORDS, ORG_WORDS, ROLE_WORDS, SURNAME_FIRST, CUE_VERBS } from './lexicon';

export interface Token extends Span {
  /** The word without a possessive ending or a sentence-final period. */
  word: string;
  lower: string;
  paragraph: number;
  /** Starts with a capital letter. */
  cap: boolean;
}


const TRAILING_PUNCT = /[.'’-]+$/u;
const POSSESSIVE = /(?:['’]s|['’])$/u;
const INITIALS = /^(?:\p{L}\.)+$/u;
const TITLE_ABBREVIATION = /^(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Prof|Rev|Pres)\.$/;
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
 * builtin does, and each change of kind threw away the reader's optimized code (findPeople,
 * attributeQuotes: large compiles) to be rebuilt. Array.from with a mapping function builds its
 * result element by element inside the builtin (without one, it clones the original's kind).
 */
export function stableArray<T>(list: readonly T[]): T[] {
  return Array.from(list, same);
}

function same<T>(x: T): T {
  return x;
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

export function tokenize(text: string, paragraphList: Span[]): Token[] {
  const paragraphs = stableArray(paragraphList);
  const tokens: Token[] = [];
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
      const mixed = (scanned & 1) === 1;
      // A surrogate pair split by the paragraph's end is cut there.
      const word = text.slice(start, i < paraEnd ? i : paraEnd);
      // Possessives and trailing punctuation are not part of the word. Only a word ending in
      // . ' ’ - or a possessive "'s" can lose anything: words ending in a letter other than s,
      // a digit or any other character stay as they are, without the regular expressions.
      const last = word.charCodeAt(word.length - 1);
      let trimmed = word;
      if (last === 46 || last === 39 || last === 0x2019 || last === 45 || (last === 115 && (word.endsWith("'s") || word.endsWith('’s')))) {
        trimmed = word.replace(POSSESSIVE, '');
        if (!INITIALS.test(trimmed) && !TITLE_ABBREVIATION.test(trimmed)) trimmed = trimmed.replace(TRAILING_PUNCT, '');
        if (!trimmed) continue;
      }
      const c = trimmed.charCodeAt(0);
      tokens.push({
        start,
        end: start + trimmed.length,
        word: trimmed,
        lower: mixed ? trimmed.toLowerCase() : trimmed,
        paragraph,
        cap: c >= 65 && c <= 90 ? true : c < 128 ? false : UPPER_START.test(trimmed),
      });
    }
  }
  return tokens;
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

function isRole(lower: string): boolean {
  return ROLE_WORDS.has(lower) || ROLE_WORDS.has(lower.replace(/s$/, ''));
}

const NAME_WORD_CACHE = new Map<string, boolean>();

function isNameWord(t: Token): boolean {
  if (!t.cap) return false;
  let known = NAME_WORD_CACHE.get(t.word);
  if (known === undefined) {
    known = computeNameWord(t);
    if (NAME_WORD_CACHE.size > 200_000) NAME_WORD_CACHE.clear();
    NAME_WORD_CACHE.set(t.word, known);
  }
  return known;
}

function computeNameWord(t: Token): boolean {
  if (NON_NAME_WORDS.has(t.lower) || ORG_WORDS.has(t.lower) || isRole(t.lower) || HONORIFICS.has(t.lower)) return false;
  if (/\d/.test(t.word)) return false;
  if (/^[\p{Lu}]{2,}$/u.test(t.word) && t.word.length > 1) return false; // acronyms: US, FBI, WTO
  if (/-/.test(t.word) && /^\p{Lu}[\p{Ll}]+-\p{Lu}/u.test(t.word) && !/^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(t.word)) return false;
  return true;
}

export function isFirstName(lower: string): boolean {
  return FEMALE_NAMES.has(lower) || MALE_NAMES.has(lower);
}

export function genderOf(firstLower: string): 'f' | 'm' | null {
  const f = FEMALE_NAMES.has(firstLower);
  const m = MALE_NAMES.has(firstLower);
  return f && !m ? 'f' : m && !f ? 'm' : null;
}

interface FoundName extends Span {
  name: string;
  tokens: Token[];
  surname: string;
  surnameFirst: boolean;
  titleSpan: Span | null;
}

/** Looks at a run of joined capitalised tokens and returns the person name in it, if any. */
function personInRun(text: string, run: Token[], all: Token[], runEndIndex: number): { from: number; to: number; surnameFirst: boolean } | null {
  // Surname-first names (Xi Jinping, Wang Wenbin): a known surname followed by a given name.
  for (let i = 0; i + 1 < run.length; i++) {
    const a = run[i];
    const b = run[i + 1];
    if (SURNAME_FIRST.has(a.lower) && isNameWord(b) && !isFirstName(b.lower) && /^\p{Lu}\p{Ll}+(?:-\p{Ll}+)?$/u.test(b.word) && (i === 0 || !isNameWord(run[i - 1]) || isRole(run[i - 1].lower))) {
      // Exclude a Western surname after a first name ("Jack Ma"), handled below.
      if (i > 0 && isFirstName(run[i - 1].lower)) break;
      return { from: i, to: i + 2, surnameFirst: true };
    }
  }
  // A known first name starts the name; everything after it in the run is the rest.
  for (let i = 0; i + 1 < run.length; i++) {
    if (isFirstName(run[i].lower) && isNameWord(run[i])) {
      let to = i + 1;
      while (to < run.length && to - i < 4 && (isNameWord(run[to]) || isInitial(run[to].word) || SUFFIXES.has(run[to].lower))) to++;
      if (to - i >= 2) return { from: i, to, surnameFirst: false };
    }
  }
  // An unknown given name: a clean run of two or three name words, accepted only
  // with evidence that it names a person (a title before it or a speech verb after).
  let from = run.length;
  while (from > 0 && (isNameWord(run[from - 1]) || isInitial(run[from - 1].word)) && run.length - from < 3) from--;
  if (run.length - from < 2) return null;
  const before = from > 0 ? run[from - 1] : null;
  const idx = runEndIndex + 1;
  const after = idx < all.length ? all[idx] : null;
  const prevTok = before ?? (all[runEndIndex - run.length] as Token | undefined);
  const titled = !!prevTok && (isRole(prevTok.lower) || HONORIFICS.has(prevTok.lower)) && joined(text, prevTok, run[from]);
  const cued = !!after && CUE_VERBS.has(after.lower) && joined(text, run[run.length - 1], after);
  const appositive = /^,\s+(?:a|an|the|who|\d+)\b/.test(text.slice(run[run.length - 1].end, run[run.length - 1].end + 8));
  if (titled || cued || appositive) return { from, to: run.length, surnameFirst: false };
  return null;
}

function titleBefore(text: string, tokens: Token[], nameStart: number, taken: (t: Token) => boolean): Span | null {
  let i = nameStart - 1;
  let first = -1;
  while (i >= 0 && joined(text, tokens[i], tokens[i + 1])) {
    const t = tokens[i];
    if (taken(t)) break;
    if (t.cap && !TITLE_STOP.has(t.lower)) first = i;
    else if (isRole(t.lower) || TITLE_MODIFIERS.has(t.lower)) first = i;
    else if (TITLE_CONNECTORS.has(t.lower) && i > 0 && tokens[i - 1].cap) {
      /* keep walking: "Secretary of State" */
    } else break;
    i--;
  }
  if (first < 0) return null;
  const span = tokens.slice(first, nameStart);
  if (!span.some((t) => isRole(t.lower))) {
    // Honorifics are not titles to show ("Mr."), but mark the start of a name.
    return null;
  }
  // Drop a trailing honorific (Mr., Dr.) and leading connectors.
  let s = 0;
  while (s < span.length && TITLE_CONNECTORS.has(span[s].lower)) s++;
  let e = span.length;
  while (e > s && /^(?:mr|mrs|ms|dr)\.?$/.test(span[e - 1].lower)) e--;
  if (e <= s) return null;
  return { start: span[s].start, end: span[e - 1].end };
}

/** ", China's foreign minister," after a name. */
function appositiveTitle(text: string, end: number, paragraphEnd: number): Span | null {
  const rest = text.slice(end, Math.min(paragraphEnd, end + 160));
  const m = /^(?:['’]s)?,\s+((?:the|a|an|his|her|its|their|[\p{Lu}][\p{L}.]*['’]s|former|then|now)\b[^,;:“”"()]{2,110}?)(?=,|\.\s|\.$|;|\s+(?:said|says|told|who)\b)/u.exec(rest);
  if (!m) return null;
  const phrase = m[1];
  const words = phrase.split(/\s+/);
  if (words.length > 12) return null;
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

export function findPeople(text: string, tokens: Token[], contributors: string[], paragraphList: Span[]): PeopleResult {
  const paragraphs = stableArray(paragraphList);
  const contributorSet = new Set(contributors.map((c) => c.toLowerCase()));
  const found: FoundName[] = [];
  const takenStarts = new Set<number>();
  // Runs of joined capitalised tokens (plus particles and initials inside).
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i].cap) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && joined(text, tokens[j - 1], tokens[j]) && (tokens[j].cap || (NAME_PARTICLES.has(tokens[j].lower) && j + 1 < tokens.length && tokens[j + 1].cap))) j++;
    // A lone capitalised word names no one here (a name takes two words): no run to copy.
    if (j - i < 2) {
      i = j;
      continue;
    }
    const run = tokens.slice(i, j);
    let offset = 0;
    while (offset < run.length - 1) {
      const sub = run.slice(offset);
      const hit = personInRun(text, sub, tokens, i + offset + sub.length - 1);
      if (!hit) break;
      const nameTokens = sub.slice(hit.from, hit.to);
      const start = nameTokens[0].start;
      const end = nameTokens[nameTokens.length - 1].end;
      const name = nameTokens.map((t) => t.word).join(' ');
      const nameStartIdx = i + offset + hit.from;
      const surnameTok = hit.surnameFirst ? nameTokens[0] : [...nameTokens].reverse().find((t) => !SUFFIXES.has(t.lower) && !isInitial(t.word))!;
      const titleSpan = titleBefore(text, tokens, nameStartIdx, (t) => takenStarts.has(t.start));
      found.push({ start, end, name, tokens: nameTokens, surname: surnameTok.word, surnameFirst: hit.surnameFirst, titleSpan });
      for (const t of nameTokens) takenStarts.add(t.start);
      offset += hit.to;
    }
    i = j;
  }

  const byName = new Map<string, ArticlePerson>();
  const genders = new Map<string, 'f' | 'm' | null>();
  for (const f of found) {
    if (contributorSet.has(f.name.toLowerCase())) continue;
    let person = byName.get(f.name);
    if (!person) {
      person = { name: f.name, titles: [], aliases: [], mentions: [], surnameFirst: f.surnameFirst, surname: f.surname };
      byName.set(f.name, person);
      genders.set(f.name, f.surnameFirst ? null : genderOf(f.tokens[0].lower));
    }
    const titles: Span[] = [];
    if (f.titleSpan) titles.push(f.titleSpan);
    const app = appositiveTitle(text, f.end, paragraphs[f.tokens[0].paragraph].end);
    if (app) titles.push(app);
    for (const t of titles) {
      const title = text.slice(t.start, t.end).replace(/\s+/g, ' ');
      if (!person.titles.includes(title)) person.titles.push(title);
    }
  }

  // Mentions: full names where found; surnames (and unique given names) resolve to the
  // most recent compatible full name, or stay unresolved when that is not clear.
  const mentions: Mention[] = [];
  const mentionAt = new Map<number, Mention>();
  const fullAt = new Map<number, FoundName>();
  for (const f of found) if (byName.has(f.name)) fullAt.set(f.start, f);
  const surnameOwners = new Map<string, ArticlePerson[]>();
  const givenOwners = new Map<string, ArticlePerson[]>();
  for (const p of byName.values()) {
    const key = p.surname.toLowerCase();
    surnameOwners.set(key, [...(surnameOwners.get(key) ?? []), p]);
    if (!p.surnameFirst) {
      const given = p.name.split(' ')[0].toLowerCase();
      givenOwners.set(given, [...(givenOwners.get(given) ?? []), p]);
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
    const seen = owners.filter((p) => lastSeen.has(p.name));
    if (seen.length === 0) return { person: owners.length === 1 ? owners[0] : null, candidates: owners.map((p) => p.name) };
    seen.sort((a, b) => lastSeen.get(b.name)! - lastSeen.get(a.name)!);
    return { person: seen[0], candidates: owners.map((p) => p.name) };
  };
  // Full names in text order (found is in text order), walked alongside the tokens rather than
  // looked up in a map for every token.
  const fullNames = [...fullAt.values()];
  let nextFull = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    while (nextFull < fullNames.length && fullNames[nextFull].start < t.start) nextFull++;
    const full = nextFull < fullNames.length && fullNames[nextFull].start === t.start ? fullNames[nextFull] : undefined;
    if (full) {
      const person = byName.get(full.name)!;
      push({ start: full.start, end: full.end, name: person.name }, person, null);
      while (k + 1 < tokens.length && tokens[k + 1].start < full.end) k++;
      continue;
    }
    if (!t.cap) continue;
    // "Xi-Biden": each part of a hyphenated pair may be a surname. A word without a hyphen
    // (nearly all) is its own part, and its lower-case form is the token's.
    const hyphenated = t.word.includes('-');
    const parts = hyphenated ? t.word.split('-') : null;
    const partCount = parts ? parts.length : 1;
    let pos = t.start;
    for (let n = 0; n < partCount; n++) {
      const part = parts ? parts[n] : t.word;
      const lower = parts ? part.toLowerCase() : t.lower;
      const owners = surnameOwners.get(lower);
      const givenOnly = !owners && partCount === 1 ? givenOwners.get(lower) : undefined;
      const span = { start: pos, end: pos + part.length };
      pos += part.length + 1;
      if (owners) {
        // A surname right after a given name that is not this person's is someone else.
        const prev = k > 0 ? tokens[k - 1] : null;
        if (partCount === 1 && prev && prev.cap && joined(text, prev, t) && isFirstName(prev.lower) && !takenStarts.has(prev.start)) continue;
        const { person, candidates } = resolveSurname(owners);
        const possessive = /^['’]s/.test(text.slice(t.end, t.end + 2));
        const alias = possessive ? text.slice(span.start, t.end + 2) : part;
        // Spelled out, not spread: V8 gives spread copies a large property store, and mentions are many.
        const m: Mention = { start: span.start, end: span.end, name: person ? person.name : null };
        if (candidates.length > 1) m.candidates = candidates;
        push(m, person, person ? part : null);
        if (person && possessive && alias !== part && !person.aliases.includes(alias)) person.aliases.push(alias);
      } else if (givenOnly && givenOnly.length === 1 && !(k + 1 < tokens.length && tokens[k + 1].cap && joined(text, t, tokens[k + 1]))) {
        push({ start: span.start, end: span.end, name: givenOnly[0].name }, givenOnly[0], part);
      }
    }
  }
  return { people: [...byName.values()], mentions, mentionAt, genders };
}
