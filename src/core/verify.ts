// Quote verification: each quoted passage of a draft is compared, word by
// word, with every source quote and sentence.
//
// Judgement, in order:
//  - verified: the draft's words occur in a source exactly, up to typography
//    (case, curly/straight marks, white space, punctuation, which AP moves),
//    with `…` gaps skipping source words inside ONE source quote or sentence
//    and `[bracketed]` words standing in for up to six source words;
//  - misattributed: found exactly only inside source quotes whose (named)
//    speaker is not anyone the draft's attribution can denote;
//  - misquote: no exact occurrence, but a near one (see NEAR_MATCH below);
//  - unsourced: neither.
// A passage found only in a source's narrative (outside its quote marks) is
// verified with speaker null: the source states it in its own voice, so no
// speaker exists to contradict the draft's attribution.
//
// Attribution is judged only when it can be: a description ("a dockworker"),
// a pronoun whose referent is a guess, a draft name no source knows unless it
// is plainly a person's full name ("Jim Smith"), or a source speaker that is a
// description or a pronoun never raise a misattribution. Names match across
// spellings ("Donald J. Trump" / "Trump", accents, titles), a shared surname
// covers everyone who has it, and a spokesman and the organisation his title
// names stand for each other.
// Quotes under three words are judged only against a source quote of
// exactly those words.
//
// Speed: every source is reduced once to word ids with a postings list per
// word. Exact occurrences are found from the quote's rarest word alone
// (compare word for word at each of its places); near ones from its three
// rarest words, scoring each place by direct comparison and aligning the
// draft (a small dynamic programme) only against the best few.
// The structure is cached per source (WeakMap) and rebuilt when the articles
// change; per-article word ids are cached per Article object so a rebuild
// after one file changes re-reads only that file.

import { Article, Quote } from './types';
import { paragraphList, sentenceList } from './spans';
import { NameResolver, ParsedDraftQuote, SOURCE_WORD_PATTERN, WordToken, normWord, parseDraft, sourceWords } from './draft';
import { isFirstName } from './people';

export { findDraftQuotes, parseDraft } from './draft';
export type { DraftQuote, DraftAttribution } from './draft';

export type FindingKind = 'verified' | 'misquote' | 'misattributed' | 'unsourced';

export interface DiffOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface Finding {
  kind: FindingKind;
  /** The quoted words in the draft, without the marks. */
  start: number;
  end: number;
  text: string;
  /** For a misquote: the source's wording, to replace draft.slice(start, end) with. */
  expected: string | null;
  /** The speaker of the matched source quote (null for narrative text or an unattributed quote). */
  speaker: string | null;
  /** Who the draft names (for a pronoun, the earlier name it refers to). */
  attributedTo: string | null;
  source: { path: string; start: number; end: number; quoteId?: string } | null;
  /**
   * Word diff from the draft to the source: `delete` = draft words the source
   * does not have, `insert` = source words the draft lacks.
   */
  diff?: DiffOp[];
}

/** What verification needs from the index; SourceIndex satisfies it. */
export interface QuoteSource {
  articles(): readonly Article[];
}

// ---------------------------------------------------------------------------
// Thresholds.

/**
 * A near match is reported as a misquote only when it is clearly the same
 * passage: at least 4 words agree, at least 2 of them content words (or 5 in
 * all), and the edits (words changed, added or dropped) are at most one per
 * five draft words (at least one). Below that, one- and two-word fragments
 * ("historic") that occur everywhere would be "misquotes" of anything.
 * Exception: when the draft covers a whole source quote, first word to last,
 * 2 agreeing words suffice, since the quote's own edges confirm the match.
 */
const NEAR_MATCH = { minEqualWords: 4, minEqualContentWords: 2, enoughEqualWords: 5, wordsPerEdit: 5, minEqualWordsWholeQuote: 2 };
/**
 * A quote of fewer words than this is judged for attribution only against a
 * source quote consisting of exactly those words: "historic" inside someone
 * else's long quote says nothing about who called something historic.
 */
const SHORT_QUOTE_WORDS = 3;
/** How many source words one `[bracketed]` editorial insertion may stand for. */
const BRACKET_MAX_WORDS = 6;
/** Candidate places are looked up from the quote's rarest words. */
const SEEDS = 3;
/** Beyond the first seed, more seeds are looked up only while their occurrences stay under this total. */
const SEED_POSTINGS_BUDGET = 60_000;
/** Near matches are searched among at most this many seed occurrences (exact ones among all). */
const NEAR_SCAN_POSTINGS = 20_000;
/** Word shifts tolerated when scoring a candidate place (an added or dropped word, a bracket). */
const SHIFTS = [-1, 1, -2, 2];
/** Longest draft quote (in words) searched for near matches; must stay below EDIT. */
const MAX_NEAR_MATCH_WORDS = 1_000;
/** Candidate places aligned per quote: every best-scored one up to the cap, plus some runners-up. */
const MAX_BEST_CANDIDATES = 200;
const RUNNER_UP_CANDIDATES = 16;

const STOPWORDS = new Set(
  (
    "a an the and or but if of to in on at by for with from as is are was were be been being am it its it's this that these those " +
    "i me my we us our you your he him his she her they them their there here not no so do does did done have has had will would " +
    "can could should shall may might must just also very what which who whom when where why how all any some than then too " +
    "up down out over about into onto off again more most such only own same s t don't didn't can't won't isn't wasn't " +
    "he's she's it's that's there's here's what's i'm i've i'd we're we've they're they've you're let's aren't weren't doesn't " +
    "get got go going make made say said one like well now even back way"
  ).split(' '),
);

// ---------------------------------------------------------------------------
// The word index.

/** Word ids are global and stable for the process, so per-article ids can be cached. */
const vocabulary = new Map<string, number>();
function wordId(norm: string): number {
  let id = vocabulary.get(norm);
  if (id === undefined) {
    id = vocabulary.size;
    vocabulary.set(norm, id);
  }
  return id;
}

interface ArticleWords {
  ids: Int32Array;
  /** Quotes sorted by start, with their word ranges [first, last) in `ids`. */
  quotes: { quote: Quote; from: number; to: number; parent: number }[];
  /** Innermost quote holding each word (index into `quotes`), -1 in narrative. */
  quoteOfWord: Int16Array;
  /** Sentences (or paragraphs, or the whole text) as word ranges, in order. */
  units: Int32Array;
}

const articleWordsCache = new WeakMap<Article, ArticleWords>();

/** Word ids with offsets, as `sourceWords` reads them, without an object per word (indexing speed). */
function scanArticleWords(text: string): { ids: Int32Array; starts: Int32Array; ends: Int32Array; length: number } {
  const lower = text.toLowerCase();
  // Lower-casing keeps offsets unless a letter changes length (rare, e.g. "İ"): then fold word by word.
  const scan = lower.length === text.length ? lower : text;
  const folded = scan === lower;
  let cap = Math.max(16, text.length >> 2);
  let ids = new Int32Array(cap);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let n = 0;
  const re = new RegExp(SOURCE_WORD_PATTERN, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(scan)) !== null) {
    if (n === cap) {
      cap *= 2;
      const grow = (a: Int32Array) => {
        const b = new Int32Array(cap);
        b.set(a);
        return b;
      };
      ids = grow(ids);
      starts = grow(starts);
      ends = grow(ends);
    }
    let w = m[0];
    if (w === '%') w = 'percent';
    else {
      if (!folded) w = w.toLowerCase();
      for (let i = 0; i < w.length; i++) {
        if (w.charCodeAt(i) >= 128) {
          w = normWord(w);
          break;
        }
      }
    }
    ids[n] = wordId(w);
    starts[n] = m.index;
    ends[n] = m.index + m[0].length;
    n++;
  }
  return { ids: ids.slice(0, n), starts: starts.subarray(0, n), ends: ends.subarray(0, n), length: n };
}

function firstAtOrAfter(values: Int32Array, offset: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstAfter(values: Int32Array, offset: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function wordsOfArticle(article: Article): ArticleWords {
  const cached = articleWordsCache.get(article);
  if (cached) return cached;
  const tokens = scanArticleWords(article.text);
  const ids = tokens.ids;
  const quotes = [...article.quotes]
    .sort((a, b) => a.start - b.start)
    .map((quote) => ({ quote, from: firstAtOrAfter(tokens.starts, quote.start), to: firstAfter(tokens.ends, quote.end), parent: -1 }))
    .filter((q) => q.to > q.from)
    .slice(0, 32000);
  // Quotes may nest (a transcript quoting a headline): paint outer ones first
  // so each word knows its innermost quote, and link each to its encloser.
  const quoteOfWord = new Int16Array(ids.length).fill(-1);
  const byLength = quotes.map((_, i) => i).sort((a, b) => quotes[b].to - quotes[b].from - (quotes[a].to - quotes[a].from));
  for (const qi of byLength) {
    const q = quotes[qi];
    const enclosing = quoteOfWord[q.from];
    if (enclosing >= 0 && quotes[enclosing].to >= q.to) q.parent = enclosing;
    quoteOfWord.fill(qi, q.from, q.to);
  }
  const spans = article.sentences.length ? sentenceList(article) : article.paragraphs.length ? paragraphList(article) : [{ start: 0, end: article.text.length }];
  const units = new Int32Array(spans.length * 2);
  spans.forEach((s, i) => {
    units[2 * i] = firstAtOrAfter(tokens.starts, s.start);
    units[2 * i + 1] = firstAfter(tokens.ends, s.end);
  });
  const result = { ids, quotes, quoteOfWord, units };
  articleWordsCache.set(article, result);
  return result;
}

/** Word offsets are recomputed only for the few places a finding points to. */
const articleTokensCache = new WeakMap<Article, WordToken[]>();
function tokensOfArticle(article: Article): WordToken[] {
  let t = articleTokensCache.get(article);
  if (!t) {
    t = sourceWords(article.text);
    articleTokensCache.set(article, t);
  }
  return t;
}

interface NameTable {
  /** Lower-cased name form (full name, surname, alias) -> canonical names. */
  forms: Map<string, Set<string>>;
  /** Canonical names that are people or named organisations (speakers that can be contradicted). */
  named: Set<string>;
  /** People's titles as the sources give them ("White House press secretary"). */
  titles: Map<string, string[]>;
  /** Canonical names of people (the rest of `named` are organisations). */
  people: Set<string>;
}

interface VerifyIndex {
  articles: readonly Article[];
  words: ArticleWords[];
  /** Global position of each article's first word; one extra entry at the end. */
  base: Int32Array;
  /** Postings: positions of word id w are post[postStart[w] .. postStart[w+1]). */
  postStart: Int32Array;
  post: Int32Array;
  names: NameTable;
}

const indexCache = new WeakMap<QuoteSource, VerifyIndex>();

function sameArticles(a: readonly Article[], b: readonly Article[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function nameFormKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘]/g, "'")
    .replace(/['’]s$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function isDescription(name: string): boolean {
  return !/^\p{Lu}/u.test(name) || /^(?:a|an|the)\s+\p{Ll}/iu.test(name) || /^(?:he|she|they|it|we|i|you)$/i.test(name.trim());
}

function buildNames(articles: readonly Article[]): NameTable {
  const forms = new Map<string, Set<string>>();
  const named = new Set<string>();
  const titles = new Map<string, string[]>();
  const people = new Set<string>();
  const add = (form: string, name: string) => {
    const key = nameFormKey(form);
    if (!key || !/^\p{Lu}/u.test(form.trim())) return;
    let set = forms.get(key);
    if (!set) forms.set(key, (set = new Set()));
    set.add(name);
  };
  for (const a of articles) {
    const contributors = new Set(a.meta.contributors.map((c) => c.toLowerCase()));
    for (const p of a.people) {
      if (contributors.has(p.name.toLowerCase())) continue;
      named.add(p.name);
      people.add(p.name);
      if (p.titles.length) titles.set(p.name, [...(titles.get(p.name) ?? []), ...p.titles]);
      add(p.name, p.name);
      if (p.surname) add(p.surname, p.name);
      for (const alias of p.aliases) add(alias, p.name);
    }
    for (const s of a.otherSpeakers) {
      if (isDescription(s)) continue;
      named.add(s);
      add(s, s);
      add(s.replace(/^the\s+/i, ''), s);
    }
    const known = new Set([...a.people.map((p) => p.name), ...a.otherSpeakers]);
    for (const q of a.quotes) {
      // A speaker the reader left as a pronoun or a description ("He",
      // "Obama's former campaign strategist") cannot contradict anyone.
      if (q.speaker && known.has(q.speaker) && !isDescription(q.speaker)) {
        named.add(q.speaker);
        add(q.speaker, q.speaker);
      }
    }
  }
  return { forms, named, titles, people };
}

function buildIndex(articles: readonly Article[]): VerifyIndex {
  const words = articles.map(wordsOfArticle);
  const base = new Int32Array(words.length + 1);
  for (let i = 0; i < words.length; i++) base[i + 1] = base[i] + words[i].ids.length;
  const total = base[words.length];
  const counts = new Int32Array(vocabulary.size + 1);
  for (const w of words) for (let i = 0; i < w.ids.length; i++) counts[w.ids[i] + 1]++;
  for (let i = 1; i < counts.length; i++) counts[i] += counts[i - 1];
  const postStart = counts.slice();
  const fill = counts.slice(0, vocabulary.size);
  const post = new Int32Array(total);
  words.forEach((w, d) => {
    const b = base[d];
    for (let i = 0; i < w.ids.length; i++) post[fill[w.ids[i]]++] = b + i;
  });
  return { articles: [...articles], words, base, postStart, post, names: buildNames(articles) };
}

function indexFor(source: QuoteSource): VerifyIndex {
  const articles = source.articles();
  const cached = indexCache.get(source);
  if (cached && sameArticles(cached.articles, articles)) return cached;
  const built = buildIndex(articles);
  indexCache.set(source, built);
  return built;
}

/** A QuoteSource over a fixed list of articles (the CLI and tests). */
export function articleSource(articles: readonly Article[]): QuoteSource {
  return { articles: () => articles };
}

// ---------------------------------------------------------------------------
// Names.

const NEVER_NAMES = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'his', 'her', 'their', 'the', 'a', 'an', 'this', 'that']);

function resolverFor(names: NameTable): NameResolver {
  return (words: string[]) => {
    for (let i = 0; i < words.length; i++) {
      const key = nameFormKey(words.slice(i).join(' '));
      if (NEVER_NAMES.has(key)) continue;
      const set = names.forms.get(key);
      if (set && set.size) return { used: words.length - i, names: [...set] };
    }
    return null;
  };
}

/** A person's full name as a draft writes it: a known given name (or an initial) and one to three more capitalised words. */
function isPersonalName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4 || !words.every((w) => /^\p{Lu}/u.test(w))) return false;
  return isFirstName(words[0].toLowerCase()) || /^\p{Lu}\.$/u.test(words[0]);
}

function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter((t) => t && !/^(?:jr|sr|mr|mrs|ms|dr|the)$/.test(t));
}

/**
 * Whether a person speaks for an organisation by title ("White House press
 * secretary" for "the White House"): the draft may name either.
 */
function speaksFor(names: NameTable, person: string, organisation: string): boolean {
  if (names.people.has(organisation) || !names.people.has(person)) return false;
  // A reader may list a person's surname as an organisation ("Obama"): a name
  // any person answers to is no organisation.
  for (const n of names.forms.get(nameFormKey(organisation)) ?? []) if (names.people.has(n)) return false;
  const org = nameTokens(organisation);
  if (!org.length) return false;
  return (names.titles.get(person) ?? []).some((t) => {
    const tt = new Set(nameTokens(t));
    return org.every((w) => tt.has(w));
  });
}

/** Same entity under two canonical spellings ("Donald Trump", "Donald J. Trump")? */
function sameEntity(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (!ta.length || !tb.length) return false;
  const sa = new Set(ta);
  const sb = new Set(tb);
  return ta.every((t) => sb.has(t)) || tb.every((t) => sa.has(t));
}

// ---------------------------------------------------------------------------
// Alignment.

const GAP_BRACKET = -1_000_000_001;
const GAP_ELLIPSIS = -1_000_000_002;
/** Score of one edit; agreeing words score -1, so a draft of up to EDIT words never trades an edit for agreements. */
const EDIT = 4096;

interface Alignment {
  cost: number;
  equal: number;
  equalContent: number;
  /** Per draft item: aligned source position (window-relative) or -1. */
  ops: { op: 'equal' | 'sub' | 'extra' | 'drop'; item: number; src: number }[];
}

/**
 * Fitting alignment of the draft items (word ids and gaps) to a stretch of a
 * source: the draft must be used whole, the source may start and end
 * anywhere. Changed, added or dropped words cost 1; gaps skip source words
 * for free (an ellipsis any number, a bracket up to BRACKET_MAX_WORDS).
 */
function align(items: Int32Array, itemIsContent: boolean[], src: Int32Array, from: number, to: number): Alignment {
  // Scores combine edits (EDIT each) with a bonus of -1 per agreeing word, so
  // among alignments with the fewest edits the one pairing most words wins
  // ("That me smart" pairs That, me, smart with "That makes me smart").
  const m = items.length;
  const n = to - from;
  const width = n + 1;
  const d = new Int32Array((m + 1) * width);
  const pair = (it: number, j: number) => (src[from + j - 1] === it ? -1 : EDIT);
  // Row 0 is all zeros: the draft may start anywhere in the stretch.
  for (let i = 1; i <= m; i++) {
    const it = items[i - 1];
    const row = i * width;
    const prev = (i - 1) * width;
    if (it === GAP_ELLIPSIS) {
      let best = d[prev];
      for (let j = 0; j <= n; j++) {
        if (d[prev + j] < best) best = d[prev + j];
        d[row + j] = best;
      }
    } else if (it === GAP_BRACKET) {
      for (let j = 0; j <= n; j++) {
        let best = d[prev + j];
        for (let k = Math.max(0, j - BRACKET_MAX_WORDS); k < j; k++) if (d[prev + k] < best) best = d[prev + k];
        d[row + j] = best;
      }
    } else {
      d[row] = d[prev] + EDIT;
      for (let j = 1; j <= n; j++) {
        const diag = d[prev + j - 1] + pair(it, j);
        const up = d[prev + j] + EDIT;
        const left = d[row + j - 1] + EDIT;
        d[row + j] = diag <= up ? (diag <= left ? diag : left) : up <= left ? up : left;
      }
    }
  }
  // Among equally good ends, the later one: a changed last word is a substitution of the
  // source's next word ("substantial" for "substantive"), not an added word.
  let bestJ = 0;
  for (let j = 1; j <= n; j++) if (d[m * width + j] <= d[m * width + bestJ]) bestJ = j;
  const ops: Alignment['ops'] = [];
  let i = m;
  let j = bestJ;
  let equal = 0;
  let equalContent = 0;
  let cost = 0;
  while (i > 0) {
    const it = items[i - 1];
    const here = d[i * width + j];
    const prev = (i - 1) * width;
    if (it === GAP_ELLIPSIS || it === GAP_BRACKET) {
      let k = j;
      const lower = it === GAP_BRACKET ? Math.max(0, j - BRACKET_MAX_WORDS) : 0;
      while (k > lower && d[prev + k] !== here) k--;
      j = k;
      i--;
      continue;
    }
    if (j > 0 && d[prev + j - 1] + pair(it, j) === here) {
      const same = src[from + j - 1] === it;
      ops.push({ op: same ? 'equal' : 'sub', item: i - 1, src: j - 1 });
      if (same) {
        equal++;
        if (itemIsContent[i - 1]) equalContent++;
      } else cost++;
      i--;
      j--;
    } else if (d[prev + j] + EDIT === here) {
      ops.push({ op: 'extra', item: i - 1, src: -1 });
      cost++;
      i--;
    } else {
      ops.push({ op: 'drop', item: -1, src: j - 1 });
      cost++;
      j--;
    }
  }
  ops.reverse();
  return { cost, equal, equalContent, ops };
}

// ---------------------------------------------------------------------------
// Candidates.

interface Candidate {
  doc: number;
  /** Window of article word positions aligned against. */
  from: number;
  to: number;
  /** The source quote the window is, or null for narrative. */
  quote: Quote | null;
  /**
   * The draft's words run verbatim through this quote's edge into the
   * source's narrative: the draft puts the reporter's words inside the
   * speaker's quote, a misquote however many words that adds.
   */
  straddled?: boolean;
}

interface Evaluated extends Candidate {
  alignment: Alignment;
  /** Article word range actually matched, [first, last]. */
  first: number;
  last: number;
  /** Length in words of the source quote matched in (0 for narrative). */
  quoteWords: number;
}

function docOf(index: VerifyIndex, pos: number): number {
  let lo = 0;
  let hi = index.words.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.base[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function quoteAt(words: ArticleWords, local: number): number {
  return local >= 0 && local < words.quoteOfWord.length ? words.quoteOfWord[local] : -1;
}

/** The innermost quote holding a word and every quote around it. */
function quotesAround(words: ArticleWords, local: number): number[] {
  const out: number[] = [];
  for (let qi = quoteAt(words, local); qi >= 0 && out.length < 8; qi = words.quotes[qi].parent) out.push(qi);
  return out;
}

function unitAt(words: ArticleWords, local: number): [number, number] {
  const u = words.units;
  let lo = 0;
  let hi = u.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u[2 * mid + 1] <= local) lo = mid + 1;
    else hi = mid;
  }
  if (lo < u.length / 2 && u[2 * lo] <= local) return [u[2 * lo], u[2 * lo + 1]];
  return [Math.max(0, local - 40), Math.min(words.ids.length, local + 40)];
}

/** The narrative stretch around `local` between the neighbouring quotes, at most `reach` words each way. */
function narrativeWindow(words: ArticleWords, local: number, lo: number, hi: number): [number, number] {
  let from = Math.max(0, lo);
  let to = Math.min(words.ids.length, hi);
  for (const q of words.quotes) {
    if (q.to <= local && q.to > from) from = q.to;
    if (q.from > local && q.from < to) to = q.from;
  }
  return [from, to];
}

interface DraftItems {
  items: Int32Array;
  isContent: boolean[];
  /** Item index of each draft word. */
  itemOfWord: number[];
  hasEllipsis: boolean;
  brackets: number;
}

function draftItems(q: ParsedDraftQuote): DraftItems {
  const items: number[] = [];
  const isContent: boolean[] = [];
  const itemOfWord: number[] = [];
  let g = 0;
  let unknown = -1;
  let brackets = 0;
  let hasEllipsis = false;
  const pushGaps = (at: number) => {
    while (g < q.gaps.length && q.gaps[g].at === at) {
      const gap = q.gaps[g++];
      // Leading and trailing ellipses mean nothing: the alignment is free at both ends anyway.
      const inner = at > 0 && at < q.words.length;
      if (gap.kind === 'ellipsis' && inner) {
        items.push(GAP_ELLIPSIS);
        hasEllipsis = true;
      } else if (gap.kind === 'bracket') {
        items.push(GAP_BRACKET);
        brackets++;
      } else continue;
      isContent.push(false);
    }
  };
  q.words.forEach((w, i) => {
    pushGaps(i);
    itemOfWord.push(items.length);
    const id = vocabulary.get(w.norm);
    // Words no source has get ids of their own that match nothing.
    items.push(id === undefined ? unknown-- : id);
    isContent.push(!STOPWORDS.has(w.norm));
  });
  pushGaps(q.words.length);
  return { items: Int32Array.from(items), isContent, itemOfWord, hasEllipsis, brackets };
}

interface Candidates {
  /** Exact, gap-free occurrences found by direct comparison (no alignment needed). */
  exact: Evaluated[];
  /** Stretches to align (quotes with gaps, or no exact occurrence). */
  windows: Candidate[];
}

/**
 * Seeds are the quote's rarest distinct words (up to SEEDS): every place a
 * seed occurs is a candidate alignment; several seeds keep a changed rare
 * word from hiding the place. Candidates are then scored by comparing the
 * draft's words directly with the source words around them.
 */
function seedsOf(index: VerifyIndex, d: DraftItems, q: ParsedDraftQuote): { word: number; id: number; n: number }[] {
  const seen = new Set<number>();
  const all: { word: number; id: number; n: number }[] = [];
  q.words.forEach((_, wi) => {
    const id = d.items[d.itemOfWord[wi]];
    if (id < 0 || seen.has(id)) return;
    seen.add(id);
    const n = index.postStart[id + 1] - index.postStart[id];
    if (n > 0) all.push({ word: wi, id, n });
  });
  all.sort((a, b) => a.n - b.n);
  const out: typeof all = [];
  let budget = 0;
  for (const a of all) {
    if (out.length >= SEEDS) break;
    if (out.length > 0 && budget + a.n > SEED_POSTINGS_BUDGET) break;
    out.push(a);
    budget += a.n;
  }
  return out;
}

function candidatesFor(index: VerifyIndex, q: ParsedDraftQuote, d: DraftItems): Candidates {
  const seeds = seedsOf(index, d, q);
  const result: Candidates = { exact: [], windows: [] };
  if (!seeds.length) return result;
  const m = q.words.length;
  const wordIds = q.words.map((_, wi) => d.items[d.itemOfWord[wi]]);

  if (d.hasEllipsis) {
    // Fragments sit anywhere inside one unit: a source quote, else a sentence.
    // Score each unit by how many distinct draft words it holds.
    const units = new Map<string, { doc: number; from: number; to: number; quote: Quote | null }>();
    for (const seed of seeds) {
      for (let p = index.postStart[seed.id]; p < index.postStart[seed.id + 1]; p++) {
        const pos = index.post[p];
        const doc = docOf(index, pos);
        const words = index.words[doc];
        const local = pos - index.base[doc];
        const around = quotesAround(words, local);
        for (const qi of around) {
          const key = `${doc}:q${qi}`;
          if (!units.has(key)) units.set(key, { doc, from: words.quotes[qi].from, to: words.quotes[qi].to, quote: words.quotes[qi].quote });
        }
        if (!around.length) {
          const [from, to] = unitAt(words, local);
          const key = `${doc}:s${from}`;
          if (!units.has(key)) units.set(key, { doc, from, to, quote: null });
        }
      }
    }
    const wanted = new Set(wordIds.filter((id) => id >= 0));
    const scored = [...units.values()].map((u) => {
      const ids = index.words[u.doc].ids;
      const present = new Set<number>();
      for (let i = u.from; i < u.to; i++) if (wanted.has(ids[i])) present.add(ids[i]);
      return { ...u, n: present.size };
    });
    scored.sort((a, b) => b.n - a.n);
    pickCandidates(scored, (u) => result.windows.push(u));
    return result;
  }

  // Gap-free (or bracketed) quotes: each seed occurrence fixes where the
  // draft's first word would sit; score that place by the draft words found
  // there, allowing a shift of up to two (an added or dropped word, a bracket).
  const slack = 8 + d.brackets * BRACKET_MAX_WORDS;
  if (d.brackets === 0) {
    // Every exact occurrence holds the rarest word at its place, so its
    // occurrences alone find them all, comparing word for word until a miss.
    const seed = seeds[0];
    for (let p = index.postStart[seed.id]; p < index.postStart[seed.id + 1]; p++) {
      const pos = index.post[p];
      const doc = docOf(index, pos);
      const ids = index.words[doc].ids;
      const local = pos - seed.word - index.base[doc];
      if (local < 0 || local + m > ids.length) continue;
      let k = 0;
      while (k < m && ids[local + k] === wordIds[k]) k++;
      if (k < m) continue;
      const placed = exactPlacements(index, doc, local, local + m - 1, q);
      if (placed) result.exact.push(...placed);
      else if (result.windows.length < MAX_BEST_CANDIDATES) {
        const words = index.words[doc];
        const quotes = new Set<number>();
        for (let i = local; i < local + m; i++) for (const qi of quotesAround(words, i)) quotes.add(qi);
        for (const qi of quotes) result.windows.push({ doc, from: words.quotes[qi].from, to: words.quotes[qi].to, quote: words.quotes[qi].quote, straddled: true });
      }
    }
    if (result.exact.length) {
      result.windows = [];
      return result;
    }
  }
  // Candidate starts from the seeds, deduplicated by sorting (cheaper than a Set).
  let total = 0;
  for (const seed of seeds) total += Math.min(seed.n, NEAR_SCAN_POSTINGS - total);
  const starts = new Float64Array(total);
  let k0 = 0;
  for (const seed of seeds) {
    for (let p = index.postStart[seed.id]; p < index.postStart[seed.id + 1] && k0 < total; p++) starts[k0++] = index.post[p] - seed.word;
  }
  starts.sort();
  const scored: { doc: number; start: number; n: number }[] = [];
  for (let i = 0; i < total; i++) {
    const start = starts[i];
    if (i > 0 && starts[i - 1] === start) continue;
    const doc = docOf(index, Math.max(0, start));
    const ids = index.words[doc].ids;
    const local = start - index.base[doc];
    let n = 0;
    for (let k = 0; k < m; k++) {
      const at = local + k;
      const id = wordIds[k];
      if (at >= 0 && at < ids.length && ids[at] === id) {
        n++;
        continue;
      }
      for (const shift of SHIFTS) {
        const s = at + shift;
        if (s >= 0 && s < ids.length && ids[s] === id) {
          n++;
          break;
        }
      }
    }
    // Fewer agreeing words than any near match needs: not a candidate.
    if (n >= NEAR_MATCH.minEqualWordsWholeQuote) scored.push({ doc, start: local, n });
  }
  scored.sort((a, b) => b.n - a.n);
  pickCandidates(scored, (c) => {
    const words = index.words[c.doc];
    const seenUnits = new Set<number>();
    let narrative = -1;
    for (let k = 0; k < m; k++) {
      const at = c.start + k;
      if (at < 0 || at >= words.ids.length || words.ids[at] !== wordIds[k]) continue;
      const around = quotesAround(words, at);
      for (const qi of around) seenUnits.add(qi);
      if (!around.length && narrative < 0) narrative = at;
    }
    if (!seenUnits.size && narrative < 0) narrative = Math.max(0, Math.min(words.ids.length - 1, c.start));
    for (const qi of seenUnits) result.windows.push({ doc: c.doc, from: words.quotes[qi].from, to: words.quotes[qi].to, quote: words.quotes[qi].quote });
    if (narrative >= 0) {
      const [from, to] = narrativeWindow(words, narrative, c.start - slack, c.start + m + slack);
      if (to > from) result.windows.push({ doc: c.doc, from, to, quote: null });
    }
  });
  return result;
}

/**
 * An exact occurrence at article words [first, last]: inside the source
 * quotes that hold all of it (innermost and the ones around it), or in
 * narrative when no word of it is quoted; null when it straddles an edge.
 */
function exactPlacements(index: VerifyIndex, doc: number, first: number, last: number, q: ParsedDraftQuote): Evaluated[] | null {
  const words = index.words[doc];
  const ops = q.words.map((_, k) => ({ op: 'equal' as const, item: k, src: k }));
  const alignment: Alignment = { cost: 0, equal: q.words.length, equalContent: 0, ops };
  const out: Evaluated[] = [];
  let qi = quoteAt(words, first);
  while (qi >= 0 && words.quotes[qi].to <= last) qi = words.quotes[qi].parent;
  for (; qi >= 0; qi = words.quotes[qi].parent) {
    const quote = words.quotes[qi];
    if (quote.from > first || quote.to <= last) continue;
    out.push({ doc, from: first, to: last + 1, quote: quote.quote, alignment, first, last, quoteWords: quote.to - quote.from });
  }
  if (out.length) return out;
  for (let i = first; i <= last; i++) if (quoteAt(words, i) >= 0) return null;
  return [{ doc, from: first, to: last + 1, quote: null, alignment, first, last, quoteWords: 0 }];
}

function pickCandidates<T extends { n: number }>(ranked: T[], take: (t: T) => void): void {
  if (!ranked.length) return;
  const top = ranked[0].n;
  let i = 0;
  while (i < ranked.length && ranked[i].n === top && i < MAX_BEST_CANDIDATES) take(ranked[i++]);
  let extra = 0;
  while (i < ranked.length && extra < RUNNER_UP_CANDIDATES) {
    take(ranked[i++]);
    extra++;
  }
}

function evaluate(index: VerifyIndex, d: DraftItems, c: Candidate): Evaluated | null {
  const words = index.words[c.doc];
  const alignment = align(d.items, d.isContent, words.ids, c.from, c.to);
  let first = -1;
  let last = -1;
  for (const op of alignment.ops) {
    if (op.src < 0 || op.op === 'drop') continue;
    if (first < 0) first = op.src;
    last = op.src;
  }
  if (first < 0) return null;
  return { ...c, alignment, first: c.from + first, last: c.from + last, quoteWords: c.quote ? c.to - c.from : 0 };
}

function isNearMatch(e: Evaluated, draftWords: number): boolean {
  const a = e.alignment;
  if (a.cost === 0) return false;
  if (e.straddled && a.equal >= NEAR_MATCH.minEqualWordsWholeQuote) return true;
  if (a.cost > Math.max(1, Math.floor(draftWords / NEAR_MATCH.wordsPerEdit))) return false;
  if (a.equal <= a.cost) return false;
  // The draft spans a whole source quote from its first word to its last:
  // the same passage even when short ("would improve" / "would not improve").
  if (e.quote && e.first === e.from && e.last === e.to - 1 && a.equal >= NEAR_MATCH.minEqualWordsWholeQuote) return true;
  if (a.equal < NEAR_MATCH.minEqualWords) return false;
  return a.equalContent >= NEAR_MATCH.minEqualContentWords || a.equal >= NEAR_MATCH.enoughEqualWords;
}

// ---------------------------------------------------------------------------
// Findings.

function sourceRef(index: VerifyIndex, e: Evaluated): NonNullable<Finding['source']> {
  const article = index.articles[e.doc];
  const tokens = tokensOfArticle(article);
  const ref: NonNullable<Finding['source']> = { path: article.path, start: tokens[e.first].start, end: tokens[e.last].end };
  if (e.quote) ref.quoteId = e.quote.id;
  return ref;
}

/** The source's wording for the draft's quote: its words, the draft's own gaps and edge punctuation. */
function expectedWording(draftText: string, q: ParsedDraftQuote, d: DraftItems, index: VerifyIndex, e: Evaluated): { expected: string; diff: DiffOp[] } {
  const article = index.articles[e.doc];
  const tokens = tokensOfArticle(article);
  const src = (w: number) => tokens[e.from + w];
  // Split the alignment into pieces at the draft's gaps.
  const wordAtItem = new Map<number, number>();
  d.itemOfWord.forEach((item, w) => wordAtItem.set(item, w));
  const gapAfterWord = new Map<number, string>();
  for (const g of q.gaps) if (g.at > 0 && g.at < q.words.length) gapAfterWord.set(g.at - 1, draftText.slice(g.start, g.end));
  const parts: string[] = [];
  const diff: DiffOp[] = [];
  const push = (op: DiffOp['op'], text: string) => {
    const last = diff[diff.length - 1];
    if (last && last.op === op) last.text += ' ' + text;
    else diff.push({ op, text });
  };
  let pieceFirst = -1;
  let pieceLast = -1;
  const flush = () => {
    if (pieceFirst >= 0) parts.push(article.text.slice(src(pieceFirst).start, src(pieceLast).end));
    pieceFirst = pieceLast = -1;
  };
  const ops = e.alignment.ops;
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k];
    if (op.src >= 0) {
      if (pieceFirst < 0) pieceFirst = op.src;
      pieceLast = op.src;
    }
    const draftWord = op.item >= 0 ? wordAtItem.get(op.item) : undefined;
    const draftSurface = draftWord !== undefined ? draftText.slice(q.words[draftWord].start, q.words[draftWord].end) : '';
    const srcSurface = op.src >= 0 ? article.text.slice(src(op.src).start, src(op.src).end) : '';
    if (op.op === 'equal') push('equal', draftSurface);
    else if (op.op === 'sub') {
      push('delete', draftSurface);
      push('insert', srcSurface);
    } else if (op.op === 'extra') push('delete', draftSurface);
    else push('insert', srcSurface);
    if (draftWord !== undefined && gapAfterWord.has(draftWord)) {
      // A gap ends the piece only once the source words aligned up to it are in.
      const nextIsDrop = ops[k + 1]?.op === 'drop';
      if (!nextIsDrop) {
        flush();
        parts.push(gapAfterWord.get(draftWord)!.trim());
        push('equal', gapAfterWord.get(draftWord)!.trim());
      } else {
        // Source words dropped right before a gap belong to the piece before it.
        while (ops[k + 1]?.op === 'drop') {
          k++;
          pieceLast = ops[k].src;
          push('insert', article.text.slice(src(ops[k].src).start, src(ops[k].src).end));
        }
        flush();
        parts.push(gapAfterWord.get(draftWord)!.trim());
        push('equal', gapAfterWord.get(draftWord)!.trim());
      }
    }
  }
  flush();
  const content = draftText.slice(q.start, q.end);
  const lead = /^[^\p{L}\p{N}[]*/u.exec(content)?.[0] ?? '';
  const trail = /[^\p{L}\p{N}\]]*$/u.exec(content)?.[0] ?? '';
  let body = parts.filter((p) => p.length > 0).join(' ').replace(/\s+/g, ' ');
  // Keep the draft's leading bracket/ellipsis if it opened with one.
  const leadGap = q.gaps.find((g) => g.at === 0);
  if (leadGap) body = draftText.slice(leadGap.start, leadGap.end) + ' ' + body;
  const tailGap = q.gaps.find((g) => g.at === q.words.length);
  if (tailGap) body = body + ' ' + draftText.slice(tailGap.start, tailGap.end);
  return { expected: lead + body + trail, diff };
}

function speakerOf(e: Evaluated): string | null {
  return e.quote ? e.quote.speaker : null;
}

/** Checks every quoted passage of a draft against the sources. */
export function verifyDraft(draftText: string, source: QuoteSource): Finding[] {
  const index = indexFor(source);
  const resolve = resolverFor(index.names);
  const findings: Finding[] = [];
  for (const q of parseDraft(draftText, resolve)) findings.push(judge(draftText, q, index, resolve));
  return findings;
}

function judge(draftText: string, q: ParsedDraftQuote, index: VerifyIndex, resolve: NameResolver): Finding {
  const base: Finding = {
    kind: 'unsourced',
    start: q.start,
    end: q.end,
    text: q.text,
    expected: null,
    speaker: null,
    attributedTo: q.attribution?.name ?? null,
    source: null,
  };
  const d = draftItems(q);
  const candidates = candidatesFor(index, q, d);
  if (candidates.exact.length) return judgeAttribution(q, candidates.exact, index, resolve, base);
  // Aligning costs draft words × source words; past this length a quote is
  // a pasted document, checked for exact occurrence only.
  if (d.items.length > MAX_NEAR_MATCH_WORDS) return base;
  const evaluated: Evaluated[] = [];
  const seen = new Set<string>();
  for (const c of candidates.windows) {
    const key = `${c.doc}:${c.from}:${c.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const e = evaluate(index, d, c);
    if (e) evaluated.push(e);
  }
  const exact = evaluated.filter((e) => e.alignment.cost === 0);
  if (exact.length) return judgeAttribution(q, exact, index, resolve, base);

  const near = evaluated.filter((e) => isNearMatch(e, q.words.length));
  if (!near.length) return base;
  near.sort((a, b) => a.alignment.cost - b.alignment.cost || Number(b.quote !== null) - Number(a.quote !== null) || b.alignment.equal - a.alignment.equal);
  const best = near[0];
  const { expected, diff } = expectedWording(draftText, q, d, index, best);
  return { ...base, kind: 'misquote', expected, diff, speaker: speakerOf(best), source: sourceRef(index, best) };
}

function judgeAttribution(q: ParsedDraftQuote, exact: Evaluated[], index: VerifyIndex, resolve: NameResolver, base: Finding): Finding {
  const inQuotes = exact.filter((e) => e.quote !== null);
  const verified = (e: Evaluated): Finding => ({ ...base, kind: 'verified', speaker: speakerOf(e), source: sourceRef(index, e) });
  const fallback = inQuotes[0] ?? exact[0];
  const attribution = q.attribution;
  if (!attribution || q.pronoun?.uncertain) return verified(fallback);
  const judgeable = (e: Evaluated) => {
    const s = e.quote?.speaker;
    return !!s && index.names.named.has(s) && !isDescription(s);
  };
  const draftNames = resolve(attribution.name.split(/\s+/)) ?? null;
  if (!draftNames) {
    // A name no source knows is judged only when it is plainly a person's full name ("Jim Smith": a known
    // given name and a surname) and the sources name the speaker: then it is someone else, unless it
    // shares their name ("Donald Trump" for "Donald J. Trump"). A lone word ("NASA said") is not judged.
    if (!isPersonalName(attribution.name)) return verified(fallback);
    const speakers = inQuotes.filter(judgeable);
    const agreeing = speakers.filter((e) => sameEntity(attribution.name, e.quote!.speaker!));
    if (agreeing.length) return verified(agreeing[0]);
    const decisive = q.words.length >= SHORT_QUOTE_WORDS ? speakers : speakers.filter((e) => e.quoteWords === q.words.length);
    if (decisive.length) return { ...base, kind: 'misattributed', speaker: decisive[0].quote!.speaker, source: sourceRef(index, decisive[0]) };
    return verified(fallback);
  }
  const agrees = (n: string, speaker: string) => sameEntity(n, speaker) || speaksFor(index.names, n, speaker) || speaksFor(index.names, speaker, n);
  const named = inQuotes.filter((e) => judgeable(e) && draftNames.names.some((n) => agrees(n, e.quote!.speaker!)));
  if (named.length) return verified(named[0]);
  const contradicting = inQuotes.filter(judgeable);
  // A short quote contradicts only a source quote of exactly those words.
  const decisive = q.words.length >= SHORT_QUOTE_WORDS ? contradicting : contradicting.filter((e) => e.quoteWords === q.words.length);
  if (decisive.length) {
    return { ...base, kind: 'misattributed', speaker: decisive[0].quote!.speaker, source: sourceRef(index, decisive[0]) };
  }
  return verified(fallback);
}
