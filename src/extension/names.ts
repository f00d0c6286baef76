// Finding the names of the sources' people in a draft, for the hover,
// completion and definition providers and for AP first-reference checks.
// The index knows the people and their names (full name, surname, aliases); this
// adds where in the draft text a name starts and ends, with the title words
// in front of it ("Spokesman Price") and a possessive ("Price’s") handled.
import type { PersonEntry, SourceIndex } from '../core/sourceIndex';

export type { PersonEntry };

export interface NameMatch {
  /** Offsets in the searched text of the name (title words included when they precede it). */
  start: number;
  end: number;
  /** The name as written, without a possessive ending. */
  text: string;
  /** Every person it may refer to; more than one for a shared surname. */
  people: PersonEntry[];
}

interface Token {
  text: string;
  start: number;
  end: number;
}

// Letters and digits with inner apostrophes (O'Brien, Price’s); hyphens and
// periods split tokens so "Xi-Biden" and "John F. Kennedy" match word by word.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
const MAX_NAME_TOKENS = 6;
const MAX_TITLE_WORDS = 5;

function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let word = m[0];
    // "Price’s" is Price.
    if (/['’]s$/u.test(word) && word.length > 2) word = word.slice(0, -2);
    const start = offset + (m.index ?? 0);
    tokens.push({ text: word, start, end: start + word.length });
  }
  return tokens;
}

/** Forms recur across rebuilds of the matcher (one per index change): tokenize each once. */
const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 200_000;

function phraseKey(phrase: string): string {
  let key = keyCache.get(phrase);
  if (key === undefined) {
    key = tokenize(phrase.replace(/['’]$/u, ''))
      .map((t) => t.text)
      .join(' ');
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(phrase, key);
  }
  return key;
}

function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

export class NameMatcher {
  /** Phrase (tokens joined by one space, exact case) → people it names. */
  private readonly byPhrase = new Map<string, PersonEntry[]>();

  constructor(private readonly index: SourceIndex) {
    // From the people themselves (the index caches each person's entry across
    // changes), not from index.nameForms(), which is rebuilt in full after
    // every change: hundreds of milliseconds on a thousand sources.
    for (const person of index.people()) {
      const forms = person.aliases.length > 0 ? [person.name, person.surname, ...person.aliases] : [person.name, person.surname];
      for (const form of forms) {
        const key = phraseKey(form);
        // Lower-case aliases ("the spokesman") are not names to look for.
        if (key === '' || !isCapitalized(key)) continue;
        const list = this.byPhrase.get(key);
        if (!list) this.byPhrase.set(key, [person]);
        else if (!list.includes(person)) list.push(person);
      }
    }
  }

  /** People a written name (full name, surname, alias; possessive allowed) may refer to. */
  lookup(written: string): PersonEntry[] {
    return this.byPhrase.get(phraseKey(written)) ?? [];
  }

  /**
   * The known name in `text` that covers `offset`, if any. Longest match wins
   * ("Wang Yi" over "Wang"); capitalised title words just before a name
   * ("Spokesman Price", "Foreign Minister Wang") belong to it and may pick
   * one of several people sharing a surname.
   */
  nameAt(text: string, offset: number): NameMatch | undefined {
    // A window is enough: names are short, and the draft may be long.
    let windowStart = Math.max(0, offset - 200);
    while (windowStart > 0 && /[\p{L}\p{N}'’]/u.test(text[windowStart - 1])) windowStart--;
    let windowEnd = Math.min(text.length, offset + 200);
    while (windowEnd < text.length && /[\p{L}\p{N}'’]/u.test(text[windowEnd])) windowEnd++;
    const tokens = tokenize(text.slice(windowStart, windowEnd), windowStart);
    return this.matchesIn(tokens).find((m) => offset >= m.start && offset <= m.end);
  }

  /** Every known name in `text`, in order. */
  namesIn(text: string): NameMatch[] {
    return this.matchesIn(tokenize(text));
  }

  /** Whether `text` already names this person (unambiguously), outside `exclude`. */
  mentions(text: string, person: PersonEntry, exclude?: { start: number; end: number }): boolean {
    return this.namesIn(text).some(
      (m) => m.people.length === 1 && m.people[0].name === person.name && !(exclude && m.start < exclude.end && m.end > exclude.start),
    );
  }

  private matchesIn(tokens: Token[]): NameMatch[] {
    const matches: NameMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!isCapitalized(tokens[i].text)) continue;
      for (let n = Math.min(MAX_NAME_TOKENS, tokens.length - i); n >= 1; n--) {
        const slice = tokens.slice(i, i + n);
        const written = slice.map((t) => t.text).join(' ');
        let people = this.byPhrase.get(written);
        if (!people) continue;
        let start = slice[0].start;
        // Walk back over capitalised words that belong to one of their titles.
        const titleWords: string[] = [];
        for (let j = i - 1; j >= 0 && i - j <= MAX_TITLE_WORDS; j--) {
          const word = tokens[j].text;
          if (!isCapitalized(word) || !people.some((p) => titleHasWord(p, word))) break;
          titleWords.unshift(word);
          start = tokens[j].start;
        }
        if (titleWords.length > 0 && people.length > 1) {
          // "Foreign Minister Wang": the index knows which Wang has that title.
          const titled = this.index.lookupName(`${titleWords.join(' ')} ${written}`).filter((p) => people?.some((q) => q.name === p.name));
          if (titled.length > 0) people = titled;
        }
        matches.push({ start, end: slice[n - 1].end, text: written, people });
        i += n - 1;
        break;
      }
    }
    return matches;
  }
}

function titleHasWord(person: PersonEntry, word: string): boolean {
  const lower = word.toLowerCase();
  return person.titles.some((title) => phraseKey(title).toLowerCase().split(' ').includes(lower));
}
