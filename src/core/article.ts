// Reading one article: structure, people, quotes and who said them.
import type { Article, ArticlePerson, Quote, Sentence, Span } from './types';
import { readStructure, splitSentences } from './structure';
import { readPeople } from './people';
import { readingCopy, scanQuotes } from './quoteMarks';
import { attributeQuotes } from './attribution';
import { keepQuotes } from './quoteFilter';
import { packParagraphs, packSentences } from './spans';

export { decodeSource } from './decode';

/** FNV-1a: a short, stable id for a quote that survives re-indexing unchanged files. */
export function hashString(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** A base class whose constructor returns the object it is given: a subclass then adds its private fields to that object. */
class Adopt {
  constructor(object: object) {
    return object;
  }
}

/**
 * The attribution rule that found a quote's speaker, kept on the quote itself as a private field:
 * invisible to keys, copies, JSON and comparisons, so the quote reads as before. A WeakMap of every
 * quote read (or a property defined as not enumerable) cost more than making the quote itself.
 */
class RuleNote extends Adopt {
  #rule: string;

  constructor(quote: Quote, rule: string) {
    super(quote);
    this.#rule = rule;
  }

  static of(quote: object): string | undefined {
    return #rule in quote ? (quote as RuleNote).#rule : undefined;
  }
}

/** Which attribution rule found a quote's speaker ("after", "before", "same-paragraph", …), for measuring rules. */
export function attributionRule(quote: Quote): string | undefined {
  return RuleNote.of(quote);
}

/**
 * The reader's steps up to deciding which quote-mark spans are quotes: structure, sentences,
 * people, every quote-mark span and its attribution. parseArticle goes on from here; the quote
 * filter's fitting script (scripts/fit-quote-filter.ts) reads the same.
 */
export function readQuoteCandidates(path: string, text: string) {
  const structure = readStructure(text, path);
  // Every step after the paragraphs reads ''…'' as “…” (readingCopy); what the article shows is
  // sliced from the text itself.
  const reading = readingCopy(text);
  const { meta } = structure;
  // The dateline "(Bloomberg) --" is not story text; the paragraph starts after it.
  // Lists built in loops (see structure.ts, nonEmptySpans).
  const paragraphs: Span[] = [];
  for (const p of structure.paragraphs) paragraphs.push(p.start < structure.bodyStart && structure.bodyStart <= p.end ? { start: structure.bodyStart, end: p.end } : p);
  const sentences: Sentence[] = [];
  for (let i = 0; i < paragraphs.length; i++) for (const s of splitSentences(reading, paragraphs[i], i)) sentences.push(s);
  const peopleResult = readPeople(reading, paragraphs, meta.contributors);
  const personByName = new Map<string, ArticlePerson>(peopleResult.people.map((p) => [p.name, p]));
  const raw = scanQuotes(reading, paragraphs);
  const attributions = attributeQuotes({ text: reading, people: peopleResult, personByName, sentences, paragraphs, recentSpeakers: [] }, raw);
  return { reading, meta, paragraphs, sentences, peopleResult, personByName, raw, attributions };
}

export function parseArticle(path: string, text: string): Article {
  const { reading, meta, paragraphs, sentences, peopleResult, personByName, raw, attributions } = readQuoteCandidates(path, text);

  // Quote marks also set off titles ("Face the Nation"), nicknames, slogans and scare quotes
  // (a so-called “deal”) that nobody is quoted as saying: a small fitted model (quoteFilter.ts)
  // decides which spans are quotes.
  const keep = keepQuotes({ text: reading, raw, attributions, sentences, paragraphs, mentions: peopleResult.mentions });
  const seen = new Map<string, number>();
  const pathHash = hashString(path);
  const quotes: Quote[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (!keep[i]) continue;
    const q = raw[i];
    const quoteText = text.slice(q.start, q.end);
    const key = hashString(quoteText);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const a = attributions[i];
    const quote: Quote = {
      id: `${pathHash}-${key}${n > 1 ? '-' + n : ''}`,
      text: quoteText,
      start: q.start,
      end: q.end,
      speaker: a.speaker,
      speakerMention: a.speakerMention,
      cue: a.cue,
      paragraph: q.paragraph,
    };
    if (a.rule) new RuleNote(quote, a.rule);
    quotes.push(quote);
  }

  // Speakers who are not people (China, the State Department, a spokeswoman).
  const others = new Set<string>();
  for (const q of quotes) if (q.speaker && !personByName.has(q.speaker)) others.add(q.speaker);
  const otherSpeakers = [...others];
  // People named only in passing still count; contributors were already left out.
  return { path, text, meta, paragraphs: packParagraphs(paragraphs), sentences: packSentences(sentences), people: peopleResult.people, quotes, otherSpeakers };
}
