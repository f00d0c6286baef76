// The index over every source article: quotes, sentences and the people who
// speak or are mentioned, merged across articles by canonical name.
//
// It is updated one article at a time (a file saved in the workspace is
// re-indexed on its own), so every structure here supports cheap add and
// remove: item ids only grow, removed items are tombstoned in the word index,
// and the merged person entries are rebuilt lazily, only when asked for.
// Text is never copied per quote or sentence: items point into Article.text.

import type { CitationInput } from './citation';
import { Article, ArticlePerson, EntityKind, Quote, Sentence, Span } from './types';
import { RankFields, WordIndex, WordIndexSnapshot, searchIndex } from './search';
import { baseName, foldText, straighten, words } from './text';
import { SENTENCE_WIDTH, sentenceAt, sentenceCount } from './spans';
import { PackedPerson } from './packedPeople';
import { RestoredArticle, packText, textLength, textSlice, type PackedText } from './packedText';
import { AMBIGUOUS_NAME_KEYS, personNameKey, spellingOf } from './people';

/** A quote as the index hands it out: read-only, it reads through to the article's own quote. */
export interface IndexedQuote extends Readonly<Quote> {
  readonly path: string;
  readonly article: Article;
  /** The speaker's title as the quote's own article gives it (else as another source does), or null. */
  readonly speakerTitle: string | null;
}

export interface PersonEntry {
  name: string;
  titles: string[];
  aliases: string[];
  surname: string;
  surnameFirst: boolean;
  /**
   * What the entry is quoted as saying, across sources, in the order the sources were added.
   * Built on first use and then kept, as `mentions` is: an archive holds a hundred thousand
   * quotes, and lists and counts need only `quoteCount`.
   */
  readonly quotes: readonly IndexedQuote[];
  quoteCount: number;
  /** The first `limit` of `quotes`, without gathering the rest (a hover card shows a few). */
  firstQuotes(limit: number): readonly IndexedQuote[];
  /**
   * Every place the entry is named, across sources. Built on first use and
   * then kept: an archive names its people hundreds of thousands of times, and
   * lists and counts need only `mentionCount` and `firstMention`.
   */
  readonly mentions: readonly MentionPlace[];
  mentionCount: number;
  /** The first mention of the first source that names the entry (sources in the order they were added). */
  firstMention: MentionPlace | null;
  articles: Article[];
  kind: EntityKind;
}

export interface MentionPlace {
  path: string;
  start: number;
  end: number;
}

/**
 * What formatCitation needs, gathered from the index; the kind (person, organisation
 * or description) is always known here and decides "Price said" vs "China said".
 */
export type CitationFields = CitationInput & { kind: EntityKind | null };

interface ArticleRecord {
  article: Article;
  /** Its place in SourceIndex.recordsByNumber. */
  number: number;
  firstQuoteId: number;
  firstSentenceId: number;
  /** Built on first use: most articles are never looked at quote by quote. */
  indexed: IndexedQuote[] | null;
  /** See fingerprint(); taken when indexed, so a snapshot is quick to make. */
  fingerprint: string;
}

/**
 * What one article contributes to the merged entities: each entity (its people,
 * contributors left out, then the other speakers) and each lookup key of its
 * people, right after the person it belongs to. Recomputed from the article when it is added
 * and when it is removed, rather than stored: at ten thousand articles the
 * stored lists cost more than the recomputation. Handed to callbacks rather
 * than listed: it runs for every article of every start, and its lists, sets
 * and pairs were most of what claiming an article allocated.
 */
function visitContributions(article: Article, onEntity: (name: string, kind: EntityKind, surnameFirst: boolean) => void, onKey: (key: string) => void): void {
  const contributors = contributorNames(article);
  const seen = new Set<string>();
  for (const p of article.people) {
    if (contributors?.has(p.name.toLowerCase())) continue;
    seen.add(p.name);
    onEntity(p.name, 'person', p.surnameFirst);
    // Its name, surname and aliases, each key once.
    const nameKeyOf = nameKey(p.name);
    if (nameKeyOf) onKey(nameKeyOf);
    const surnameKey = p.surname ? nameKey(p.surname) : '';
    if (surnameKey && surnameKey !== nameKeyOf) onKey(surnameKey);
    for (let i = 0; i < p.aliases.length; i++) {
      const key = p.aliases[i] ? nameKey(p.aliases[i]) : '';
      if (!key || key === nameKeyOf || key === surnameKey) continue;
      let repeated = false;
      for (let j = 0; j < i && !repeated; j++) repeated = !!p.aliases[j] && nameKey(p.aliases[j]) === key;
      if (!repeated) onKey(key);
    }
  }
  const other = (name: string | null, declared: boolean): void => {
    if (!name || seen.has(name) || contributors?.has(name.toLowerCase())) return;
    seen.add(name);
    // A speaker the reader did not list among non-person speakers and that reads like a name is a person.
    onEntity(name, !declared && PERSON_LIKE.test(name) ? 'person' : speakerKind(name), false);
  };
  for (const name of article.otherSpeakers) other(name, true);
  // A declared speaker was seen in the loop above: the quotes' other speakers are undeclared.
  for (const q of article.quotes) other(q.speaker, false);
}

/** The article's contributors (bylines), lower-cased, or null when it names none: they are not people in the story. */
function contributorNames(article: Article): Set<string> | null {
  return article.meta.contributors.length === 0 ? null : new Set(article.meta.contributors.map((c) => c.toLowerCase()));
}

/** The article's people in the story, by name: contributors left out. */
function storyPeople(article: Article): Map<string, ArticlePerson> {
  const contributors = contributorNames(article);
  const out = new Map<string, ArticlePerson>();
  for (const p of article.people) if (!contributors?.has(p.name.toLowerCase())) out.set(p.name, p);
  return out;
}

class Entity {
  /**
   * Contributing articles, in the order they were added, each once. A list,
   * not a map by path: an archive's 95,000 contributions took about 3 MB as
   * maps; removing one searches a list, which only a removal pays.
   */
  readonly contributions: ArticleRecord[] = [];
  cached: PersonEntry | null = null;
  /**
   * The names the sources give it, each with how many articles use it: its own and, for a person,
   * other spellings of it ("Donald Trump" for "Donald J. Trump", "Francois Hollande" for "François
   * Hollande": personNameKey, spellingOf); the first source to name the person decides its name.
   */
  readonly names = new Map<string, number>();
  constructor(
    /** The first of its names the sources gave; the next one when no source gives it any more. */
    public name: string,
    readonly kind: EntityKind,
    /** Its personNameKey, under which SourceIndex.byNameKey lists it; null when it takes no other spellings. */
    readonly nameKey: string | null,
    readonly surnameFirst: boolean,
  ) {}
}

/**
 * A quote seen from the index: its own fields read through to the article's
 * quote rather than copied (a copy of each of an archive's quotes cost several
 * megabytes), plus where it is and its speaker's title.
 */
class QuoteInSource implements IndexedQuote {
  constructor(
    private readonly quote: Quote,
    readonly article: Article,
    readonly speakerTitle: string | null,
  ) {}
  get id(): string {
    return this.quote.id;
  }
  get text(): string {
    return this.quote.text;
  }
  get start(): number {
    return this.quote.start;
  }
  get end(): number {
    return this.quote.end;
  }
  get speaker(): string | null {
    return this.quote.speaker;
  }
  get speakerMention(): Span | null {
    return this.quote.speakerMention;
  }
  get cue(): string | null {
    return this.quote.cue;
  }
  get paragraph(): number {
    return this.quote.paragraph;
  }
  get path(): string {
    return this.article.path;
  }
}

/** Where an article names an entity: a person's mentions; an organisation where it speaks. */
function namedAt(entity: Entity, article: Article): readonly Span[] {
  if (entity.kind === 'person') {
    let spans: readonly Span[] | null = null;
    // An article gives one person one name (the reader merges its spellings); two only when the sources' spellings meet here.
    for (const p of article.people) if (entity.names.has(p.name)) spans = spans ? ([...spans, ...p.mentions] as Span[]).sort((a, b) => a.start - b.start) : p.mentions;
    if (spans) return spans;
  }
  const spans: Span[] = [];
  for (const q of article.quotes) if (q.speaker !== null && entity.names.has(q.speaker) && q.speakerMention) spans.push(q.speakerMention);
  return spans;
}

/**
 * A merged entry; its mention list is built on first use (see PersonEntry.mentions).
 * A class, not an object with a getter: a closure would keep the whole
 * building scope alive for every entry.
 */
class MergedEntry implements PersonEntry {
  readonly name: string;
  readonly titles: string[];
  readonly aliases: string[];
  readonly surname: string;
  readonly surnameFirst: boolean;
  readonly quoteCount: number;
  readonly mentionCount: number;
  readonly firstMention: MentionPlace | null;
  readonly articles: Article[];
  readonly kind: EntityKind;
  private list: MentionPlace[] | null = null;
  private quoteList: IndexedQuote[] | null = null;
  /** The first quotes a hover card asked for, before anything asked for them all. */
  private firstList: IndexedQuote[] | null = null;
  constructor(
    private readonly entity: Entity,
    fields: Omit<PersonEntry, 'mentions' | 'quotes' | 'firstQuotes'>,
    /** The entry's quotes (up to a limit), gathered when first asked for. */
    private readonly gatherQuotes: (limit: number) => IndexedQuote[],
  ) {
    this.name = fields.name;
    this.titles = fields.titles;
    this.aliases = fields.aliases;
    this.surname = fields.surname;
    this.surnameFirst = fields.surnameFirst;
    this.quoteCount = fields.quoteCount;
    this.mentionCount = fields.mentionCount;
    this.firstMention = fields.firstMention;
    this.articles = fields.articles;
    this.kind = fields.kind;
  }

  get quotes(): readonly IndexedQuote[] {
    this.quoteList ??= this.gatherQuotes(Infinity);
    return this.quoteList;
  }

  firstQuotes(limit: number): readonly IndexedQuote[] {
    if (this.quoteList) return this.quoteList.slice(0, limit);
    // A person quoted a few times may be named in thousands of sources: gathered once, kept.
    if (this.quoteCount <= limit) return this.quotes.slice();
    if (!this.firstList || this.firstList.length < limit) this.firstList = this.gatherQuotes(limit);
    return this.firstList.slice(0, limit);
  }

  get mentions(): readonly MentionPlace[] {
    this.list ??= this.articles.flatMap((article) => namedAt(this.entity, article).map((m) => ({ path: article.path, start: m.start, end: m.end })));
    return this.list;
  }
}

const POSSESSIVE = /(?:['’]s|(?<=s)['’])$/u;
const UPPER_START = /^\p{Lu}/u;
const PERSON_LIKE = /^\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]*)+$/u;

/**
 * Keys computed so far: every article added or removed asks for the keys of
 * all its people's names, and an archive names the same few thousand people
 * over and over (six regular expressions per name otherwise).
 */
const nameKeys = new Map<string, string>();

/** How a name is looked up: straight apostrophes, lower case, single spaces, no possessive. */
export function nameKey(text: string): string {
  let key = nameKeys.get(text);
  if (key === undefined) {
    key = straighten(text).trim().replace(POSSESSIVE, '').replace(/'s$/, '').toLowerCase();
    if (nameKeys.size >= 50000) nameKeys.clear();
    nameKeys.set(text, key);
  }
  return key;
}

function speakerKind(name: string): EntityKind {
  // "the newspaper", "a spokeswoman": descriptions; "China", "the State Department": organisations.
  if (/^(?:a|an)\s/i.test(name) || /^the\s+\p{Ll}/u.test(name)) return 'description';
  return 'organization';
}

/**
 * What the word indexes drew from an article (its text, quote and sentence
 * spans, speakers, titles and outlet), hashed in one pass without building
 * strings: computed for every article indexed, so it must stay cheap. The
 * text is hashed in its packed form (packText), four bytes at a time: at a
 * start from the cache every article's is checked on the editor's thread.
 * `body`: the article's text packed, when the caller has it (a worker does).
 */
export function fingerprint(article: Article, body?: PackedText): string {
  let h = 0x811c9dc5;
  const num = (n: number): void => {
    h = Math.imul(h ^ (n & 0xffff), 0x01000193);
    h = Math.imul(h ^ (n >>> 16), 0x01000193);
  };
  const str = (x: string | null): void => {
    if (x === null) return num(0x10000);
    num(x.length);
    for (let i = 0; i < x.length; i++) h = Math.imul(h ^ x.charCodeAt(i), 0x01000193);
  };
  const { packed, wide, base } = body ?? (article instanceof RestoredArticle ? article.packedText : packText(article.text));
  if (typeof packed === 'string') str(packed);
  else {
    const n = packed.byteLength;
    num(n);
    const words = new Int32Array(packed, 0, n >> 2);
    for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 0x01000193);
    const tail = new Uint8Array(packed, n & ~3);
    for (let i = 0; i < tail.length; i++) h = Math.imul(h ^ tail[i], 0x01000193);
    // The same bytes stand for other characters under another table.
    str(wide);
    num(base);
  }
  str(article.meta.outlet);
  num(article.quotes.length);
  for (const q of article.quotes) {
    num(q.start);
    num(q.end);
    str(q.speaker);
  }
  const s = article.sentences;
  num(s.length / SENTENCE_WIDTH);
  for (let i = 0; i < s.length; i += SENTENCE_WIDTH) {
    num(s[i]);
    num(s[i + 1]);
  }
  num(article.people.length);
  for (const p of article.people) {
    str(p.name);
    num(p.titles.length);
    for (const t of p.titles) str(t);
  }
  return (h >>> 0).toString(36);
}

const QUOTE_INDEX_OPTIONS = { pairs: true };
// Sentences outnumber quotes four to one: a smaller walk keeps keystrokes fast.
const SENTENCE_INDEX_OPTIONS = { walkBudget: 25000 };

/** Where one article's items sit in a snapshot's word indexes. */
export interface SnapshotRecord {
  path: string;
  /** The text's length, and a hash of the text and of all the index drew from the reading: a claim by any other reading is refused. */
  textLength: number;
  fingerprint: string;
  firstQuoteId: number;
  quoteCount: number;
  firstSentenceId: number;
  sentenceCount: number;
}

/**
 * The search structures of a whole index, persisted beside the article cache
 * so that the next start installs them instead of indexing every word again.
 */
export interface IndexSnapshot {
  records: SnapshotRecord[];
  quotes: WordIndexSnapshot;
  sentences: WordIndexSnapshot;
}

/** Item id -> a record number, grown as ids are taken. */
class OwnerTable {
  private owners = new Int32Array(1024);
  private size = 0;

  set(from: number, count: number, n: number): void {
    const end = from + count;
    if (end > this.owners.length) {
      const grown = new Int32Array(Math.max(end, 2 * this.owners.length));
      grown.set(this.owners.subarray(0, this.size));
      this.owners = grown;
    }
    this.owners.fill(n, from, end);
    if (end > this.size) this.size = end;
  }

  get(id: number): number {
    return this.owners[id];
  }

  /** Gives back the room a bulk load's doublings left. */
  trim(): void {
    if (this.owners.length > Math.max(1024, this.size + (this.size >> 3))) this.owners = this.owners.slice(0, Math.max(1024, this.size));
  }
}

export class SourceIndex {
  private readonly records = new Map<string, ArticleRecord>();
  private quoteIndex = new WordIndex(QUOTE_INDEX_OPTIONS);
  private sentenceIndex = new WordIndex(SENTENCE_INDEX_OPTIONS);
  /** A persisted snapshot's articles not yet confirmed unchanged, by path. */
  private claims = new Map<string, SnapshotRecord>();
  /**
   * Item id -> the number of its article's record. Numbers, not references:
   * a dead item (its article removed or re-read) must not keep the old
   * article alive, and an archive's 360,000 sentences took 2.9 MB as an array
   * of references. Only live items are looked up.
   */
  private readonly quoteOwner = new OwnerTable();
  private readonly sentenceOwner = new OwnerTable();
  /** Every record added, by its number; null once removed (numbers are not reused). */
  private readonly recordsByNumber: (ArticleRecord | null)[] = [];
  /**
   * Articles by their quotes' id prefix (the reader's hash of the path, see
   * parseArticle): quoteById looks among one article's few quotes. A map of
   * every quote id cost 83,000 entries and a tenth of a start from the cache.
   */
  private readonly recordsByQuotePrefix = new Map<string, ArticleRecord[]>();
  private readonly entities = new Map<string, Entity>();
  /** Another spelling of a person's name -> the person (Entity.names). */
  private readonly spellings = new Map<string, Entity>();
  /** personNameKey -> the people under it, by name -> their middle names (as spellingOf reads them). */
  private readonly byNameKey = new Map<string, Map<string, string>>();
  /** Lookup key -> entity -> how many articles contribute that key. */
  private readonly keys = new Map<string, Map<Entity, number>>();
  private formsCache: { form: string; entries: PersonEntry[] }[] | null = null;
  private quoteCount = 0;

  /** The search structures, for persisting with the article cache (see restoreSnapshot). */
  snapshot(): IndexSnapshot {
    const records: SnapshotRecord[] = [];
    for (const [path, r] of this.records) {
      records.push({ path, textLength: textLength(r.article), fingerprint: r.fingerprint, firstQuoteId: r.firstQuoteId, quoteCount: r.article.quotes.length, firstSentenceId: r.firstSentenceId, sentenceCount: sentenceCount(r.article) });
    }
    return { records, quotes: this.quoteIndex.snapshot(), sentences: this.sentenceIndex.snapshot() };
  }

  /**
   * Installs a snapshot into this empty index. Its items stay invisible until
   * `claim` confirms each article unchanged; `releaseClaims` ends that, and
   * what was never claimed stays dead. Throws when the snapshot is damaged
   * (the index is then left empty and usable).
   */
  restoreSnapshot(snapshot: IndexSnapshot): void {
    const steps = this.restoreSnapshotSteps(snapshot);
    while (!steps.next().done);
  }

  /**
   * restoreSnapshot in steps (see WordIndex.fromSnapshotSteps): the index is
   * changed only by the last step, so it can be used, empty, in between.
   */
  *restoreSnapshotSteps(snapshot: IndexSnapshot): Generator<void, void> {
    if (this.records.size > 0 || this.quoteIndex.size() > 0 || this.sentenceIndex.size() > 0) throw new Error('a snapshot goes into an empty index');
    const quotes = yield* WordIndex.fromSnapshotSteps(QUOTE_INDEX_OPTIONS, snapshot.quotes);
    const sentences = yield* WordIndex.fromSnapshotSteps(SENTENCE_INDEX_OPTIONS, snapshot.sentences);
    const claims = new Map<string, SnapshotRecord>();
    const inside = (first: number, count: number, limit: number): boolean => Number.isInteger(count) && count >= 0 && (count === 0 || (Number.isInteger(first) && first >= 0 && first + count <= limit));
    // In steps of a few thousand records: checking ten thousand and both overlap tests in one step held the editor for 36 ms.
    let sinceYield = 0;
    for (const r of snapshot.records) {
      if (typeof r.path !== 'string' || typeof r.fingerprint !== 'string' || !Number.isInteger(r.textLength) || !inside(r.firstQuoteId, r.quoteCount, snapshot.quotes.nextId) || !inside(r.firstSentenceId, r.sentenceCount, snapshot.sentences.nextId)) throw new Error('snapshot: bad record');
      claims.set(r.path, r);
      if (++sinceYield === 4096) {
        sinceYield = 0;
        yield;
      }
    }
    // No two articles may own the same items.
    for (const [first, count] of [
      ['firstQuoteId', 'quoteCount'],
      ['firstSentenceId', 'sentenceCount'],
    ] as const) {
      yield;
      const owned = snapshot.records.filter((r) => r[count] > 0);
      const starts = new Float64Array(owned.length);
      for (let i = 0; i < owned.length; i++) starts[i] = owned[i][first];
      // Record numbers in order of their first item: each range must end before the next one starts.
      const order = Array.from(owned.keys()).sort((a, b) => starts[a] - starts[b]);
      yield;
      for (let i = 1; i < order.length; i++) {
        const previous = owned[order[i - 1]];
        if (owned[order[i]][first] < previous[first] + previous[count]) throw new Error('snapshot: overlapping records');
      }
    }
    if (this.records.size > 0 || this.quoteIndex.size() > 0) throw new Error('the index was filled while the snapshot was being installed');
    quotes.compactionHeld = true;
    sentences.compactionHeld = true;
    this.quoteIndex = quotes;
    this.sentenceIndex = sentences;
    this.claims = claims;
  }

  /**
   * Puts an article into the index using the snapshot's items for it, when the
   * snapshot was made from this very reading (same text, same quote and
   * sentence counts); false otherwise (then use setArticle). Meant for articles
   * restored from the cache saved with the snapshot: a reading of a changed
   * file, or by a changed reader, is refused by its fingerprint.
   */
  claim(article: Article): boolean {
    const c = this.claims.get(article.path);
    if (!c) return false;
    this.claims.delete(article.path);
    if (this.records.has(article.path) || c.quoteCount !== article.quotes.length || c.sentenceCount !== sentenceCount(article)) return false;
    const print = fingerprint(article);
    if (c.textLength !== textLength(article) || c.fingerprint !== print) return false;
    this.quoteIndex.revive(c.firstQuoteId, c.quoteCount);
    this.sentenceIndex.revive(c.firstSentenceId, c.sentenceCount);
    this.addRecord(article, c.firstQuoteId, c.firstSentenceId, print);
    return true;
  }

  /** Ends the snapshot's start-up: articles not claimed by now stay out. */
  releaseClaims(): void {
    this.claims.clear();
    this.quoteIndex.compactionHeld = false;
    this.sentenceIndex.compactionHeld = false;
    // Unclaimed items would cost every search a share of its walk.
    this.quoteIndex.compactIfSparse();
    this.sentenceIndex.compactIfSparse();
  }

  /**
   * Adds or replaces an article. `print` is its fingerprint() when already
   * taken elsewhere (a parse worker takes it, off the editor's thread, for
   * the article it sends); a wrong one could only make the next start index
   * this file again instead of taking its items from the snapshot.
   */
  setArticle(article: Article, print = fingerprint(article)): void {
    if (this.records.has(article.path)) this.removeArticle(article.path);
    // A snapshot's items for an older reading of this file stay dead.
    this.claims.delete(article.path);
    this.addRecord(article, -1, -1, print);
  }

  /** One copy of each name, title and outlet string across all articles. */
  private readonly strings = new Map<string, string>();

  private intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  /**
   * Points the article's names, titles and outlet at one shared copy of each
   * string: every article read holds its own copies (sliced or joined from its
   * text), and an archive names the same people thousands of times. The
   * strings' content is unchanged.
   */
  private shareStrings(article: Article): void {
    const s = (x: string): string => this.intern(x);
    if (article.meta.outlet !== null) article.meta.outlet = s(article.meta.outlet);
    for (const p of article.people) {
      p.name = s(p.name);
      p.surname = s(p.surname);
      for (let i = 0; i < p.titles.length; i++) p.titles[i] = s(p.titles[i]);
      for (let i = 0; i < p.aliases.length; i++) p.aliases[i] = s(p.aliases[i]);
      if (p instanceof PackedPerson) {
        p.shareStrings(s);
        continue;
      }
      for (const m of p.mentions) {
        if (m.name !== null) m.name = s(m.name);
        if (m.candidates) for (let i = 0; i < m.candidates.length; i++) m.candidates[i] = s(m.candidates[i]);
      }
    }
    for (const q of article.quotes) {
      if (q.speaker !== null) q.speaker = s(q.speaker);
      if (q.cue !== null) q.cue = s(q.cue);
    }
    for (let i = 0; i < article.otherSpeakers.length; i++) article.otherSpeakers[i] = s(article.otherSpeakers[i]);
  }

  /** Records an article; its items are added to the word indexes unless already there (from a snapshot). */
  private addRecord(article: Article, snapshotQuoteId: number, snapshotSentenceId: number, print: string): void {
    this.shareStrings(article);
    const fromSnapshot = snapshotQuoteId >= 0 || snapshotSentenceId >= 0;
    const record: ArticleRecord = {
      article,
      number: this.recordsByNumber.length,
      firstQuoteId: fromSnapshot && article.quotes.length > 0 ? snapshotQuoteId : -1,
      firstSentenceId: fromSnapshot && sentenceCount(article) > 0 ? snapshotSentenceId : -1,
      indexed: null,
      fingerprint: print,
    };
    this.records.set(article.path, record);
    this.recordsByNumber.push(record);
    this.forEachQuotePrefix(article, (prefix) => {
      const list = this.recordsByQuotePrefix.get(prefix);
      if (list) list.push(record);
      else this.recordsByQuotePrefix.set(prefix, [record]);
    });
    this.addEntities(article, record);
    if (fromSnapshot) {
      this.quoteOwner.set(record.firstQuoteId, article.quotes.length, record.number);
      this.quoteCount += article.quotes.length;
      this.sentenceOwner.set(record.firstSentenceId, sentenceCount(article), record.number);
      return;
    }
    const outletWords = article.meta.outlet ? words(article.meta.outlet) : [];
    const personByName = storyPeople(article);

    article.quotes.forEach((q, i) => {
      const id = this.quoteIndex.allocate();
      if (i === 0) record.firstQuoteId = id;
      this.quoteOwner.set(id, 1, record.number);
      this.quoteIndex.addText(id, article.text, q.start, q.end);
      if (q.speaker) {
        this.quoteIndex.addWords(id, words(q.speaker));
        const p = personByName.get(q.speaker);
        if (p) for (const t of p.titles) this.quoteIndex.addWords(id, words(t));
      }
      this.quoteIndex.addWords(id, outletWords);
    });
    this.quoteCount += article.quotes.length;

    for (let i = 0, packed = article.sentences; i < packed.length; i += SENTENCE_WIDTH) {
      const id = this.sentenceIndex.allocate();
      if (i === 0) record.firstSentenceId = id;
      this.sentenceOwner.set(id, 1, record.number);
      this.sentenceIndex.addText(id, article.text, packed[i], packed[i + 1]);
      this.sentenceIndex.addWords(id, outletWords);
    }
  }

  /** The entity a name is, or another spelling of. */
  private entityOf(name: string): Entity | undefined {
    return this.entities.get(name) ?? this.spellings.get(name);
  }

  /**
   * The entity a name an article gives belongs to, made if new. A person's name that is another
   * spelling of exactly one person already known (personNameKey, spellingOf: "Donald Trump" after
   * "Donald J. Trump", "Francois Hollande" after "François Hollande") joins that person, as the
   * reader joins an article's own spellings; "George Bush" joins no one.
   */
  private entityFor(name: string, kind: EntityKind, surnameFirst: boolean): Entity {
    const known = this.entityOf(name);
    if (known) return known;
    let key: string | null = null;
    if (kind === 'person') {
      const spelled = personNameKey(name, surnameFirst);
      if (!AMBIGUOUS_NAME_KEYS.has(spelled.key)) {
        key = spelled.key;
        let group = this.byNameKey.get(key);
        const spelling = group ? spellingOf(group, spelled.middle) : null;
        const person = spelling === null ? undefined : this.entities.get(spelling);
        if (person) {
          this.spellings.set(name, person);
          return person;
        }
        if (!group) this.byNameKey.set(key, (group = new Map()));
        group.set(name, spelled.middle);
      }
    }
    const entity = new Entity(name, kind, key, surnameFirst);
    this.entities.set(name, entity);
    return entity;
  }

  private addEntities(article: Article, record: ArticleRecord): void {
    // The entity the last name visited went to: its keys follow (visitContributions visits a person, then its keys).
    let current: Entity | null = null;
    visitContributions(
      article,
      (name, kind, surnameFirst) => {
        const entity = this.entityFor(name, kind, surnameFirst);
        current = entity;
        entity.cached = null;
        entity.names.set(name, (entity.names.get(name) ?? 0) + 1);
        // An article's visits come together: if it already contributes, it is the last.
        if (entity.contributions[entity.contributions.length - 1] !== record) entity.contributions.push(record);
      },
      (key) => {
        let names = this.keys.get(key);
        if (!names) {
          names = new Map();
          this.keys.set(key, names);
        }
        names.set(current!, (names.get(current!) ?? 0) + 1);
      },
    );
    this.formsCache = null;
  }

  removeArticle(path: string): void {
    const record = this.records.get(path);
    if (!record) return;
    this.records.delete(path);
    this.recordsByNumber[record.number] = null;
    const { article } = record;
    for (let i = 0; i < article.quotes.length; i++) this.quoteIndex.remove(record.firstQuoteId + i);
    this.forEachQuotePrefix(article, (prefix) => {
      const rest = (this.recordsByQuotePrefix.get(prefix) ?? []).filter((r) => r !== record);
      if (rest.length > 0) this.recordsByQuotePrefix.set(prefix, rest);
      else this.recordsByQuotePrefix.delete(prefix);
    });
    this.quoteCount -= article.quotes.length;
    for (let i = 0, n = sentenceCount(article); i < n; i++) this.sentenceIndex.remove(record.firstSentenceId + i);
    let current: Entity | undefined;
    visitContributions(
      article,
      (name) => {
        const entity = this.entityOf(name);
        current = entity;
        if (!entity) return;
        const at = entity.contributions.lastIndexOf(record);
        if (at >= 0) entity.contributions.splice(at, 1);
        entity.cached = null;
        const uses = (entity.names.get(name) ?? 1) - 1;
        if (uses > 0) entity.names.set(name, uses);
        else {
          entity.names.delete(name);
          if (name !== entity.name) this.spellings.delete(name);
        }
        const group = entity.nameKey === null ? undefined : this.byNameKey.get(entity.nameKey);
        if (entity.contributions.length === 0) {
          this.entities.delete(entity.name);
          group?.delete(entity.name);
          if (group?.size === 0) this.byNameKey.delete(entity.nameKey!);
        } else if (!entity.names.has(entity.name)) {
          // No source gives its first name any more: it goes by the next.
          const next: string = entity.names.keys().next().value!;
          this.entities.delete(entity.name);
          group?.delete(entity.name);
          this.spellings.delete(next);
          entity.name = next;
          this.entities.set(next, entity);
          group?.set(next, personNameKey(next, entity.surnameFirst).middle);
        }
      },
      (key) => {
        const names = this.keys.get(key);
        if (!names || !current) return;
        const n = (names.get(current) ?? 0) - 1;
        if (n > 0) names.set(current, n);
        else names.delete(current);
        if (names.size === 0) this.keys.delete(key);
      },
    );
    this.formsCache = null;
  }

  articles(): Article[] {
    return [...this.records.values()].map((r) => r.article);
  }

  article(path: string): Article | undefined {
    return this.records.get(path)?.article;
  }

  private indexedQuotes(record: ArticleRecord): IndexedQuote[] {
    if (!record.indexed) {
      const { article } = record;
      const titleOf = (speaker: string | null): string | null => {
        if (!speaker) return null;
        const own = article.people.find((p) => p.name === speaker);
        if (own && own.titles.length > 0) return own.titles[0];
        const entity = this.entityOf(speaker);
        if (!entity) return null;
        for (const r of entity.contributions) {
          const p = r.article.people.find((x) => entity.names.has(x.name));
          if (p && p.titles.length > 0) return p.titles[0];
        }
        return null;
      };
      record.indexed = article.quotes.map((q) => new QuoteInSource(q, article, titleOf(q.speaker)));
    }
    return record.indexed;
  }

  /** Every quote, sources in the order they were added; or the first `limit` (the picker's list for an empty query), without wrapping the rest. */
  quotes(limit = Infinity): IndexedQuote[] {
    const out: IndexedQuote[] = [];
    for (const r of this.records.values()) {
      if (out.length >= limit) break;
      if (r.article.quotes.length === 0) continue;
      const indexed = this.indexedQuotes(r);
      for (let i = 0; i < indexed.length && out.length < limit; i++) out.push(indexed[i]);
    }
    return out;
  }

  quoteById(id: string): IndexedQuote | undefined {
    const dash = id.indexOf('-');
    for (const record of this.recordsByQuotePrefix.get(dash < 0 ? id : id.slice(0, dash)) ?? []) {
      const at = record.article.quotes.findIndex((q) => q.id === id);
      if (at >= 0) return this.indexedQuotes(record)[at];
    }
    return undefined;
  }

  /** Each distinct id prefix of the article's quotes (all of them share one, as the reader makes them), without slicing every id. */
  private forEachQuotePrefix(article: Article, use: (prefix: string) => void): void {
    let last = '';
    for (const q of article.quotes) {
      if (last !== '' && q.id.startsWith(last) && q.id.charCodeAt(last.length) === 45) continue;
      const dash = q.id.indexOf('-');
      const prefix = dash < 0 ? q.id : q.id.slice(0, dash);
      if (prefix === last) continue;
      last = prefix;
      use(prefix);
    }
  }

  private entry(entity: Entity): PersonEntry {
    if (entity.cached) return entity.cached;
    const titles: string[] = [];
    const aliases: string[] = [];
    const seenTitles = new Set<string>();
    const seenAliases = new Set<string>([entity.name.toLowerCase()]);
    let quoteCount = 0;
    const articles: Article[] = [];
    let mentionCount = 0;
    let firstMention: MentionPlace | null = null;
    let surname = '';
    let surnameFirst = false;
    for (const record of entity.contributions) {
      const { article } = record;
      articles.push(article);
      for (const q of article.quotes) if (q.speaker !== null && entity.names.has(q.speaker)) quoteCount++;
      for (const person of entity.kind === 'person' ? article.people : []) {
        if (!entity.names.has(person.name)) continue;
        // Another spelling is a name to find the person by.
        if (!seenAliases.has(person.name.toLowerCase())) {
          seenAliases.add(person.name.toLowerCase());
          aliases.push(person.name);
        }
        if (!surname) {
          surname = person.surname;
          surnameFirst = person.surnameFirst;
        }
        for (const t of person.titles) {
          const k = t.toLowerCase();
          if (!seenTitles.has(k)) {
            seenTitles.add(k);
            titles.push(t);
          }
        }
        for (const a of person.aliases) {
          const k = a.toLowerCase();
          if (!seenAliases.has(k)) {
            seenAliases.add(k);
            aliases.push(a);
          }
        }
      }
      const spans = namedAt(entity, article);
      if (spans.length > 0) {
        mentionCount += spans.length;
        firstMention ??= { path: article.path, start: spans[0].start, end: spans[0].end };
      }
    }
    if (!surname) surname = entity.kind === 'person' ? entity.name.split(/\s+/).pop() ?? entity.name : entity.name;
    // The sources as they are now: an entry handed out earlier keeps answering for them.
    const records = entity.contributions.slice();
    const gatherQuotes = (limit: number): IndexedQuote[] => {
      const quotes: IndexedQuote[] = [];
      for (const record of records) {
        const own = record.article.quotes;
        let indexed: IndexedQuote[] | null = null;
        for (let i = 0; i < own.length && quotes.length < limit; i++) {
          const speaker = own[i].speaker;
          if (speaker === null || !entity.names.has(speaker)) continue;
          indexed ??= this.indexedQuotes(record);
          quotes.push(indexed[i]);
        }
      }
      return quotes;
    };
    entity.cached = new MergedEntry(entity, { name: entity.name, titles, aliases, surname, surnameFirst, quoteCount, mentionCount, firstMention, articles, kind: entity.kind }, gatherQuotes);
    return entity.cached;
  }

  /** People in the stories (not organisations, not contributors), in order of first appearance. */
  people(): PersonEntry[] {
    const out: PersonEntry[] = [];
    for (const e of this.entities.values()) if (e.kind === 'person') out.push(this.entry(e));
    return out;
  }

  /** Every speaker and person, organisations and descriptions included. */
  entries(): PersonEntry[] {
    return [...this.entities.values()].map((e) => this.entry(e));
  }

  /** A person or other speaker by canonical name (exact, else case-insensitive). */
  person(name: string): PersonEntry | undefined {
    const e = this.entityOf(name);
    if (e) return this.entry(e);
    const lower = name.toLowerCase();
    for (const entity of this.entities.values()) if (entity.name.toLowerCase() === lower) return this.entry(entity);
    return undefined;
  }

  private entriesForKey(key: string): PersonEntry[] {
    const names = this.keys.get(key);
    if (!names) return [];
    const out: PersonEntry[] = [];
    for (const e of names.keys()) out.push(this.entry(e));
    return out;
  }

  /**
   * Who a name in a draft may be: "Ned Price", "Price", "Price’s",
   * "State Department spokesman Ned Price", "Foreign Minister Wang". A
   * surname shared by several people returns all of them, unless a title in
   * front picks some. Lower-case words ("the price") never match a name.
   */
  lookupName(text: string): PersonEntry[] {
    const parts = straighten(text).trim().replace(POSSESSIVE, '').split(' ').filter(Boolean);
    if (parts.length === 0 || !UPPER_START.test(parts[parts.length - 1])) return [];
    for (let i = 0; i < parts.length; i++) {
      const found = this.entriesForKey(parts.slice(i).join(' ').toLowerCase());
      if (found.length === 0) continue;
      if (i > 0 && found.length > 1) {
        const prefix = parts.slice(0, i).join(' ').toLowerCase();
        const titled = found.filter((p) => p.titles.some((t) => straighten(t).toLowerCase().endsWith(prefix)));
        if (titled.length > 0) return titled;
      }
      return found;
    }
    return [];
  }

  /** Every written form of every person's name, longest first, for scanning a draft. */
  nameForms(): { form: string; entries: PersonEntry[] }[] {
    if (!this.formsCache) {
      const forms = new Map<string, string>();
      for (const e of this.entities.values()) {
        if (e.kind !== 'person') continue;
        const entry = this.entry(e);
        for (const f of [entry.name, entry.surname, ...entry.aliases]) {
          const form = straighten(f).trim().replace(POSSESSIVE, '');
          if (form && UPPER_START.test(form) && !forms.has(form)) forms.set(form, nameKey(form));
        }
      }
      this.formsCache = [...forms]
        .map(([form, key]) => ({ form, entries: this.entriesForKey(key).filter((p) => p.kind === 'person') }))
        .filter((f) => f.entries.length > 0)
        .sort((a, b) => b.form.length - a.form.length || (a.form < b.form ? -1 : 1));
    }
    return this.formsCache;
  }

  private quoteFields = (id: number): RankFields => {
    const record = this.owner(this.quoteOwner, id);
    const { article } = record;
    const q = article.quotes[id - record.firstQuoteId];
    const person = q.speaker ? article.people.find((p) => p.name === q.speaker) : undefined;
    const context = [q.speaker ?? '', ...(person ? person.titles : []), article.meta.outlet ?? ''].join(' ');
    return { text: foldText(q.text), context: foldText(context) };
  };

  private sentenceFields = (id: number): RankFields => {
    const record = this.owner(this.sentenceOwner, id);
    const s = sentenceAt(record.article, id - record.firstSentenceId);
    return { text: foldText(textSlice(record.article, s.start, s.end)), context: foldText(record.article.meta.outlet ?? '') };
  };

  /** Quotes best matching a query (fuzzy; tolerant of a typo per word). Empty query: the first quotes. */
  searchQuotes(query: string, limit = 50): { quote: IndexedQuote; score: number }[] {
    return searchIndex(this.quoteIndex, query, this.quoteFields, { limit }).map(({ id, score }) => {
      const record = this.owner(this.quoteOwner, id);
      return { quote: this.indexedQuotes(record)[id - record.firstQuoteId], score };
    });
  }

  /** Sentences of every source best matching a query, for paraphrase with attribution. */
  searchSentences(query: string, limit = 50): { article: Article; sentence: Sentence; text: string; score: number }[] {
    return searchIndex(this.sentenceIndex, query, this.sentenceFields, { limit, candidates: 150, fusePool: 30 }).map(({ id, score }) => {
      const record = this.owner(this.sentenceOwner, id);
      const sentence = sentenceAt(record.article, id - record.firstSentenceId);
      return { article: record.article, sentence, text: textSlice(record.article, sentence.start, sentence.end), score };
    });
  }

  /** The fields a citation of this quote needs. */
  citationFields(quote: IndexedQuote): CitationFields {
    const entity = quote.speaker ? this.entityOf(quote.speaker) : undefined;
    const entry = entity ? this.entry(entity) : undefined;
    const meta = quote.article.meta;
    return {
      text: quote.text,
      speaker: quote.speaker,
      title: quote.speakerTitle ?? (entry && entry.titles.length > 0 ? entry.titles[0] : null),
      surname: entry ? entry.surname : quote.speaker,
      outlet: meta.outlet,
      date: meta.date,
      url: meta.url,
      file: quote.path,
      kind: entry ? entry.kind : quote.speaker ? speakerKind(quote.speaker) : null,
    };
  }

  /** Gives back spare capacity after a bulk load (otherwise done by the first search). */
  optimize(): void {
    const steps = this.optimizeSteps();
    while (!steps.next().done);
  }

  /**
   * optimize() in steps of about a millisecond, for the editor's thread to
   * run between its other work: after a bulk load the folds took about 250
   * ms at once for a 10,000-article archive. Searches between two steps read
   * the index as it was; what an article added between them indexes waits for
   * the next fold (PostingStore.foldSteps), and the fold goes on.
   */
  *optimizeSteps(): Generator<void, void> {
    yield* this.quoteIndex.trimSteps();
    yield* this.sentenceIndex.trimSteps();
    this.quoteOwner.trim();
    this.sentenceOwner.trim();
  }

  /** The record owning a live item. */
  private owner(table: OwnerTable, id: number): ArticleRecord {
    return this.recordsByNumber[table.get(id)] as ArticleRecord;
  }

  stats(): { sources: number; quotes: number; people: number } {
    let people = 0;
    for (const e of this.entities.values()) if (e.kind === 'person') people++;
    return { sources: this.records.size, quotes: this.quoteCount, people };
  }

  /** Sizes of the search structures, for the benchmark. */
  searchStats(): { quoteItems: number; sentenceItems: number; vocabulary: number; postingMB: number } {
    return {
      quoteItems: this.quoteIndex.size(),
      sentenceItems: this.sentenceIndex.size(),
      vocabulary: this.sentenceIndex.vocabularySize(),
      postingMB: (this.quoteIndex.postingBytes() + this.sentenceIndex.postingBytes()) / 1e6,
    };
  }

  /** File name shown for an article in lists. */
  static fileLabel(path: string): string {
    return baseName(path);
  }
}
