// A persisted cache of parsed articles, so the next start skips parsing
// unchanged files. Each entry is keyed by the file's path, size and
// modification time, and the whole cache by a format version: anything
// missing, stale, malformed or from another version is simply not used and
// the file is parsed again (a cache must never be a reason for wrong quotes).
//
// The article text itself is not stored (it is in the file, which must be
// read anyway to be shown). An entry is two parts: its strings (path, stamp,
// metadata, names, titles, speakers …) as one JSON array, and every number
// (offsets, counts, and indexes into that array) as one Int32Array. The same
// entry is what a parse worker sends back to the editor's thread: one typed
// array and a few dozen strings cross threads and parse far faster than the
// nested arrays of numbers an entry used to be (their structured clone and
// JSON parsing were a tenth of the cold index and most of a restart's parsing).
//
// The cache file:
//   "SBAC" | u32 format version | then per entry:
//   u32 head bytes | u32 number count | head (UTF-8 JSON) | padding to 4 | numbers (i32, little-endian)

import type { Article, ArticleMeta, ArticlePerson, Quote } from './types';
import { RestoredArticle, RestoredQuote, packText, packedLength, textLength, type PackedText } from './packedText';
import { PARAGRAPH_WIDTH, SENTENCE_WIDTH } from './spans';
import { ArticleMentions, MENTION_WIDTH, NO_NAME, OWN_NAME, PackedPerson } from './packedPeople';
import type { IndexSnapshot } from './sourceIndex';
import type { WordIndexSnapshot } from './search';

/** Bump whenever Article's shape, the entry's layout or the reader's output changes meaning. */
export const CACHE_FORMAT_VERSION = 70;
const CACHE_MAGIC = 0x43414253; // "SBAC" read as a little-endian u32

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/**
 * One article's entry. `head` is [path, size, mtimeMs, meta, otherSpeakers,
 * …strings]; `numbers` is
 *   textLength, paragraph count P, sentence count S, person count, quote count,
 *   P × (start, end), S × (start, end, paragraph),
 *   per person: name, surname, surnameFirst, titles (count, then each), aliases (count, then each),
 *     mention count, then per mention: start, end, name (NO_STRING null, OWN_NAME the person's), candidates (NO_STRING or a string of names joined by U+0001),
 *   per quote: id, start, end, speaker, mention start, mention end (-1 none), cue, paragraph;
 * a string is its index in `head`.
 */
export interface CachedArticle {
  path: string;
  size: number;
  mtimeMs: number;
  head: unknown[];
  numbers: Int32Array<ArrayBuffer>;
}

const HEAD_FIXED = 5;
const NUMBERS_FIXED = 5;
const NO_STRING = NO_NAME;
/** A person's numbers besides its titles, aliases and mentions: name, surname, surname first, the three counts. */
const PERSON_NUMBERS = 6;
/** A quote's numbers: id, start, end, speaker, its mention's start and end, cue, paragraph. */
const QUOTE_NUMBERS = 8;

export function cacheEntry(article: Article, stamp: FileStamp): CachedArticle {
  const head: unknown[] = [article.path, stamp.size, stamp.mtimeMs, article.meta, article.otherSpeakers];
  const index = new Map<string, number>();
  const str = (s: string | null): number => {
    if (s === null) return NO_STRING;
    let i = index.get(s);
    if (i === undefined) {
      i = head.length;
      head.push(s);
      index.set(s, i);
    }
    return i;
  };
  const p = article.paragraphs;
  const s = article.sentences;
  const { people, quotes } = article;
  // Counted first, then written straight into their array: pushed onto a list and copied
  // (Int32Array.from), they were most of this function's time and allocation.
  let size = NUMBERS_FIXED + p.length + s.length + QUOTE_NUMBERS * quotes.length;
  for (const person of people) {
    const mentions = person instanceof PackedPerson ? person.mentionCount : person.mentions.length;
    size += PERSON_NUMBERS + person.titles.length + person.aliases.length + MENTION_WIDTH * mentions;
  }
  const n = new Int32Array(size);
  n[0] = textLength(article);
  n[1] = p.length / PARAGRAPH_WIDTH;
  n[2] = s.length / SENTENCE_WIDTH;
  n[3] = people.length;
  n[4] = quotes.length;
  let at = NUMBERS_FIXED;
  n.set(p, at);
  at += p.length;
  n.set(s, at);
  at += s.length;
  for (const person of people) {
    n[at++] = str(person.name);
    n[at++] = str(person.surname);
    n[at++] = person.surnameFirst ? 1 : 0;
    n[at++] = person.titles.length;
    for (const t of person.titles) n[at++] = str(t);
    n[at++] = person.aliases.length;
    for (const a of person.aliases) n[at++] = str(a);
    if (person instanceof PackedPerson) {
      at = person.encodeMentions(n, at, str);
      continue;
    }
    n[at++] = person.mentions.length;
    for (const m of person.mentions) {
      n[at++] = m.start;
      n[at++] = m.end;
      n[at++] = m.name === person.name ? OWN_NAME : str(m.name);
      n[at++] = m.candidates ? str(m.candidates.join('\u0001')) : NO_STRING;
    }
  }
  for (const q of quotes) {
    n[at++] = str(q.id);
    n[at++] = q.start;
    n[at++] = q.end;
    n[at++] = str(q.speaker);
    n[at++] = q.speakerMention?.start ?? -1;
    n[at++] = q.speakerMention?.end ?? -1;
    n[at++] = str(q.cue);
    n[at++] = q.paragraph;
  }
  // A typed array drops writes past its end: a count above that disagreed with the layout.
  if (at !== size) throw new Error(`cache entry: ${at} numbers written, ${size} counted`);
  return { path: article.path, size: stamp.size, mtimeMs: stamp.mtimeMs, head, numbers: n };
}

/** An entry from its two parts as read or received, or null when the head is not one. */
export function cachedArticle(head: unknown, numbers: Int32Array<ArrayBuffer>): CachedArticle | null {
  if (!Array.isArray(head) || head.length < HEAD_FIXED) return null;
  const [path, size, mtimeMs] = head;
  if (typeof path !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number') return null;
  return { path, size, mtimeMs, head, numbers };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const pad4 = (n: number): number => (n + 3) & ~3;

/** The cache file's bytes for these articles. */
export function serializeCache(entries: Iterable<CachedArticle>): Uint8Array {
  const parts: Uint8Array[] = [cacheFileHeader()];
  for (const entry of entries) parts.push(encodeCacheEntry(entry));
  return concatBytes(parts);
}

/** The first eight bytes of a cache file of this format version. */
export function cacheFileHeader(): Uint8Array {
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, CACHE_MAGIC, true);
  view.setUint32(4, CACHE_FORMAT_VERSION, true);
  return out;
}

/** One entry as the cache file holds it. */
export function encodeCacheEntry(entry: CachedArticle): Uint8Array {
  const head = new TextEncoder().encode(JSON.stringify(entry.head));
  const out = new Uint8Array(8 + pad4(head.length) + entry.numbers.length * 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, head.length, true);
  view.setUint32(4, entry.numbers.length, true);
  out.set(head, 8);
  const at = 8 + pad4(head.length);
  if (LITTLE_ENDIAN) out.set(new Uint8Array(entry.numbers.buffer, entry.numbers.byteOffset, entry.numbers.byteLength), at);
  else for (let i = 0; i < entry.numbers.length; i++) view.setInt32(at + 4 * i, entry.numbers[i], true);
  return out;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A cache file's entries, one per step, so that a caller can yield to the
 * editor between them; nothing when the magic or the format version is not
 * this one's. A damaged entry gives null and loses only its own article; a
 * length that runs past the end stops the reading there.
 */
export function* cacheEntries(bytes: Uint8Array): Generator<CachedArticle | null, void> {
  if (bytes.length < 8) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== CACHE_MAGIC || view.getUint32(4, true) !== CACHE_FORMAT_VERSION) return;
  let at = 8;
  while (at + 8 <= bytes.length) {
    const headBytes = view.getUint32(at, true);
    const count = view.getUint32(at + 4, true);
    const numbersAt = at + 8 + pad4(headBytes);
    const end = numbersAt + count * 4;
    if (end > bytes.length) return;
    // Only the path and the stamp now; the rest of the head when the article is restored (StoredEntry).
    const prefix = headPrefix(bytes, at + 8, headBytes);
    // A view of the file's bytes where they allow: the entries live only until the
    // start-up is over (restoreArticle copies what it keeps), and ten thousand
    // copies were ten thousand buffers for the garbage collector to account for.
    let numbers: Int32Array<ArrayBuffer>;
    if (LITTLE_ENDIAN && (bytes.byteOffset + numbersAt) % 4 === 0 && bytes.buffer instanceof ArrayBuffer) numbers = new Int32Array(bytes.buffer, bytes.byteOffset + numbersAt, count);
    else {
      numbers = new Int32Array(count);
      if (LITTLE_ENDIAN) new Uint8Array(numbers.buffer).set(bytes.subarray(numbersAt, end));
      else for (let i = 0; i < count; i++) numbers[i] = view.getInt32(numbersAt + 4 * i, true);
    }
    // A damaged entry: that file is parsed again.
    yield prefix && new StoredEntry(prefix[0], prefix[1], prefix[2], numbers, bytes, at + 8, headBytes);
    at = end;
  }
}

/** Decodes the entries' JSON heads (one for all: they are read one at a time). */
const HEAD_DECODER = new TextDecoder();

/**
 * An entry read from a cache file, whose head (the strings) is parsed only
 * when its article is restored, and not kept. Parsed at start-up, the heads
 * of ten thousand entries all lived until their articles were restored, so
 * each young-generation collection of the editor's thread copied them: the
 * longest steps of a start from the cache were such collections while the
 * entries were read.
 */
class StoredEntry implements CachedArticle {
  constructor(
    readonly path: string,
    readonly size: number,
    readonly mtimeMs: number,
    readonly numbers: Int32Array<ArrayBuffer>,
    private readonly bytes: Uint8Array,
    private readonly headAt: number,
    private readonly headLength: number,
  ) {}

  /** The head, or no strings at all when it is damaged or is not this entry's (restoreArticle then refuses it). */
  get head(): unknown[] {
    let head: unknown = null;
    try {
      head = JSON.parse(HEAD_DECODER.decode(this.bytes.subarray(this.headAt, this.headAt + this.headLength)));
    } catch {
      return [];
    }
    const entry = cachedArticle(head, this.numbers);
    return entry && entry.path === this.path && entry.size === this.size && entry.mtimeMs === this.mtimeMs ? entry.head : [];
  }
}

/**
 * The path, size and modification time a head starts with (`["path",size,mtimeMs,…`), read without
 * parsing the rest; null when it does not start so.
 */
function headPrefix(bytes: Uint8Array, at: number, length: number): [string, number, number] | null {
  const end = at + length;
  if (length < 2 || bytes[at] !== 0x5b || bytes[at + 1] !== 0x22) return null;
  // The path's closing quote (a backslash escapes the byte after it).
  let k = at + 2;
  while (k < end && bytes[k] !== 0x22) k += bytes[k] === 0x5c ? 2 : 1;
  // Then the comma after it and two numbers, each ended by a comma (the head has more after them).
  let commas = 0;
  let stop = k + 1;
  while (stop < end && commas < 3) if (bytes[stop++] === 0x2c) commas++;
  if (commas < 3) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(HEAD_DECODER.decode(bytes.subarray(at, stop - 1)) + ']');
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || fields.length !== 3) return null;
  const [path, size, mtimeMs] = fields as unknown[];
  return typeof path === 'string' && typeof size === 'number' && typeof mtimeMs === 'number' ? [path, size, mtimeMs] : null;
}

/**
 * The cache's entries by path, or an empty map when the cache is missing,
 * corrupt or of another format version (the caller then parses everything).
 */
export function readCache(cache: Uint8Array | null | undefined): Map<string, CachedArticle> {
  const out = new Map<string, CachedArticle>();
  if (!cache) return out;
  for (const entry of cacheEntries(cache)) if (entry) out.set(entry.path, entry);
  return out;
}

/**
 * The empty list every restored article and person shares: half of an
 * archive's people have no title and half no alias, about 85,000 empty arrays
 * for ten thousand articles. Frozen: a restored article is read, never added to.
 */
const NO_STRINGS = Object.freeze([]) as unknown as string[];

/**
 * The article for a file from its cache entry and its current text (as it
 * is or packed), or null when the entry is stale (size, mtime or length
 * differ) or malformed: every count, offset and string index is checked.
 */
export function restoreArticle(entry: CachedArticle, stamp: FileStamp, text: string | PackedText): Article | null {
  if (entry.size !== stamp.size || entry.mtimeMs !== stamp.mtimeMs) return null;
  const n = entry.numbers;
  const head = entry.head;
  if (head.length < HEAD_FIXED) return null;
  const length = typeof text === 'string' ? text.length : packedLength(text);
  if (n.length < NUMBERS_FIXED || n[0] !== length) return null;
  const [paragraphCount, sentenceCount, personCount, quoteCount] = [n[1], n[2], n[3], n[4]];
  let at = NUMBERS_FIXED;
  // Reads past the end give undefined, which every check below refuses.
  const span = (s: number, e: number): boolean => s >= 0 && s <= e && e <= length;
  const str = (i: number): string | undefined => (i >= HEAD_FIXED && typeof head[i] === 'string' ? (head[i] as string) : undefined);
  const strOrNull = (i: number): string | null | undefined => (i === NO_STRING ? null : str(i));
  const count = (c: number, width: number): boolean => c >= 0 && at + c * width <= n.length;

  if (!count(paragraphCount, PARAGRAPH_WIDTH)) return null;
  const paragraphsAt = at;
  at += paragraphCount * PARAGRAPH_WIDTH;
  for (let i = paragraphsAt; i < at; i += PARAGRAPH_WIDTH) if (!span(n[i], n[i + 1])) return null;
  if (!count(sentenceCount, SENTENCE_WIDTH)) return null;
  const sentencesAt = at;
  at += sentenceCount * SENTENCE_WIDTH;
  for (let i = sentencesAt; i < at; i += SENTENCE_WIDTH) {
    if (!span(n[i], n[i + 1]) || n[i + 2] < 0 || n[i + 2] >= paragraphCount) return null;
  }
  // Arrays of their final length: grown by push, each would keep spare room
  // for 17 elements, and an archive holds hundreds of thousands of them.
  const strings = (): string[] | null => {
    const c = n[at++];
    if (!count(c, 1)) return null;
    if (c === 0) return NO_STRINGS;
    const out = new Array<string>(c);
    for (let k = 0; k < c; k++) {
      const s = str(n[at++]);
      if (s === undefined) return null;
      out[k] = s;
    }
    return out;
  };
  if (!count(personCount, 6)) return null;
  // The mentions stay packed (packedPeople.ts): first how many there are, for one array of them all.
  let mentionTotal = 0;
  for (let k = 0, scan = at; k < personCount; k++) {
    scan += 3;
    for (let list = 0; list < 2; list++) {
      const c = n[scan];
      if (!(c >= 0)) return null;
      scan += 1 + c;
    }
    const c = n[scan];
    if (!(c >= 0 && scan + 1 + c * MENTION_WIDTH <= n.length)) return null;
    mentionTotal += c;
    scan += 1 + c * MENTION_WIDTH;
  }
  // Paragraphs, sentences and mentions in one buffer (views of it): two fewer
  // ArrayBuffers per article, about 2 MB of an archive's heap.
  const paragraphLength = paragraphCount * PARAGRAPH_WIDTH;
  const sentenceLength = sentenceCount * SENTENCE_WIDTH;
  const numbers = new Int32Array(paragraphLength + sentenceLength + mentionTotal * MENTION_WIDTH);
  numbers.set(n.subarray(paragraphsAt, paragraphsAt + paragraphLength), 0);
  numbers.set(n.subarray(sentencesAt, sentencesAt + sentenceLength), paragraphLength);
  const paragraphs = numbers.subarray(0, paragraphLength);
  const sentences = numbers.subarray(paragraphLength, paragraphLength + sentenceLength);
  const packed = new ArticleMentions(numbers.subarray(paragraphLength + sentenceLength), []);
  // Head index -> index in packed.strings.
  const mentionStrings = new Map<number, number>();
  const mentionString = (i: number): number | undefined => {
    if (i === NO_STRING) return NO_NAME;
    let local = mentionStrings.get(i);
    if (local === undefined) {
      const s = str(i);
      if (s === undefined) return undefined;
      local = packed.strings.length;
      packed.strings.push(s);
      mentionStrings.set(i, local);
    }
    return local;
  };
  const people = new Array<ArticlePerson>(personCount);
  let mentionAt = 0;
  for (let k = 0; k < personCount; k++) {
    const name = str(n[at++]);
    const surname = str(n[at++]);
    const surnameFirst = n[at++];
    if (name === undefined || surname === undefined || (surnameFirst !== 0 && surnameFirst !== 1)) return null;
    const titles = strings();
    const aliases = titles && strings();
    const mentionCount = n[at++];
    if (!aliases || !count(mentionCount, MENTION_WIDTH)) return null;
    const first = mentionAt;
    for (let i = 0; i < mentionCount; i++, at += MENTION_WIDTH, mentionAt++) {
      const nameRef = n[at + 2] === OWN_NAME ? OWN_NAME : mentionString(n[at + 2]);
      const candidates = mentionString(n[at + 3]);
      if (!span(n[at], n[at + 1]) || nameRef === undefined || candidates === undefined) return null;
      const to = mentionAt * MENTION_WIDTH;
      packed.numbers[to] = n[at];
      packed.numbers[to + 1] = n[at + 1];
      packed.numbers[to + 2] = nameRef;
      packed.numbers[to + 3] = candidates;
    }
    people[k] = new PackedPerson(name, titles, aliases, surname, surnameFirst === 1, packed, first, mentionCount);
  }
  if (!count(quoteCount, 8)) return null;
  const body = typeof text === 'string' ? packText(text) : text;
  const quotes = new Array<Quote>(quoteCount);
  for (let k = 0; k < quoteCount; k++, at += 8) {
    const id = str(n[at]);
    const [start, end, ms, me, paragraph] = [n[at + 1], n[at + 2], n[at + 4], n[at + 5], n[at + 7]];
    const speaker = strOrNull(n[at + 3]);
    const cue = strOrNull(n[at + 6]);
    if (id === undefined || !span(start, end) || speaker === undefined || cue === undefined || paragraph < 0 || paragraph >= paragraphCount) return null;
    if (ms !== -1 && !span(ms, me)) return null;
    quotes[k] = new RestoredQuote(id, start, end, speaker, ms, me, cue, paragraph, body);
  }
  if (at !== n.length) return null;
  const meta = head[3] as ArticleMeta | null;
  const otherSpeakers = head[4];
  if (!meta || typeof meta !== 'object' || !Array.isArray(meta.contributors) || !Array.isArray(otherSpeakers) || !otherSpeakers.every((s) => typeof s === 'string')) return null;
  return new RestoredArticle(entry.path, body, meta, paragraphs, sentences, people, quotes, otherSpeakers.length === 0 ? NO_STRINGS : (otherSpeakers as string[]), typeof text === 'string' ? text : null);
}

// The index snapshot (sourceIndex.ts) is stored in a binary file of its own:
// its typed arrays are tens of megabytes that JSON would make slow and large.
//
//   "SBIX" | u32 format version | u32 header length | header JSON | padding to 4
//   | each array's bytes, in the header's order, each padded to 4 with zeros
//
// The arrays are Int32Arrays but for each index's word postings, which are
// bytes (varints, see PostingStore in search.ts), and the last three: the quote
// and sentence vocabularies as UTF-8 text (words joined by newlines) and the
// records' paths (joined by NUL). Decoding checks the magic,
// the version, the byte order, every length and the padding; the index then
// checks the contents (WordIndex.fromSnapshotSteps). Anything wrong: null.

/** Bump whenever the snapshot's layout or the index's meaning of it changes. */
export const SNAPSHOT_FORMAT_VERSION = 7;
const MAGIC = 0x58494253; // "SBIX" read as a little-endian u32

interface SnapshotHeader {
  littleEndian: boolean;
  quotes: WordSnapshotHeader;
  sentences: WordSnapshotHeader;
  /** Byte length of each array, in the order written. */
  arrays: number[];
}

interface WordSnapshotHeader {
  nextId: number;
  pairsUsed: number | null;
}

function wordArrays(w: WordIndexSnapshot): (Int32Array | Uint8Array)[] {
  return w.pairs ? [w.start, w.postings, w.pairs.keys, w.pairs.pairs, w.pairs.start, w.pairs.postings] : [w.start, w.postings];
}

/** textLength, fingerprint (its 32 bits), firstQuoteId, quoteCount, firstSentenceId, sentenceCount. */
const RECORD_FIELDS = 6;

/** A fingerprint is a 32-bit hash written in base 36 (sourceIndex.ts); anything else becomes 0, which no article matches. */
function fingerprintBits(print: string): number {
  const n = parseInt(print, 36);
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff && n.toString(36) === print ? n | 0 : 0;
}

function packRecords(records: IndexSnapshot['records']): Int32Array {
  const out = new Int32Array(records.length * RECORD_FIELDS);
  records.forEach((r, i) => {
    out.set([r.textLength, fingerprintBits(r.fingerprint), r.firstQuoteId, r.quoteCount, r.firstSentenceId, r.sentenceCount], i * RECORD_FIELDS);
  });
  return out;
}

/** The records, a few thousand per step (ten thousand took about 24 ms at once, the first time). */
function* unpackRecords(paths: unknown, packed: Int32Array): Generator<void, IndexSnapshot['records'] | null> {
  if (!Array.isArray(paths) || packed.length !== paths.length * RECORD_FIELDS) return null;
  const records: IndexSnapshot['records'] = new Array(paths.length);
  for (let i = 0; i < paths.length; i++) {
    const at = i * RECORD_FIELDS;
    records[i] = {
      path: paths[i] as string,
      textLength: packed[at],
      fingerprint: (packed[at + 1] >>> 0).toString(36),
      firstQuoteId: packed[at + 2],
      quoteCount: packed[at + 3],
      firstSentenceId: packed[at + 4],
      sentenceCount: packed[at + 5],
    };
    if ((i & 2047) === 2047) yield;
  }
  return records;
}

export function encodeIndexSnapshot(snapshot: IndexSnapshot): Uint8Array {
  // The vocabularies, joined by newlines (words are letters and digits), go last as UTF-8 bytes rather than
  // in the header's JSON: one large JSON parse was the longest step of a start from the cache.
  // So do the records' paths (their numbers are the first array, RECORD_FIELDS per record), joined by NUL,
  // which no path holds: ten thousand paths in the JSON took 19 ms to parse.
  const vocabularies = [snapshot.quotes, snapshot.sentences].map((w) => new TextEncoder().encode(w.words.join('\n')));
  const paths = new TextEncoder().encode(snapshot.records.map((r) => r.path).join('\0'));
  const arrays = [packRecords(snapshot.records), ...wordArrays(snapshot.quotes), ...wordArrays(snapshot.sentences), ...vocabularies, paths];
  const wordHeader = (w: WordIndexSnapshot): WordSnapshotHeader => ({ nextId: w.nextId, pairsUsed: w.pairs ? w.pairs.used : null });
  const header: SnapshotHeader = {
    littleEndian: LITTLE_ENDIAN,
    quotes: wordHeader(snapshot.quotes),
    sentences: wordHeader(snapshot.sentences),
    arrays: arrays.map((a) => a.byteLength),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  let size = 12 + pad4(json.length);
  for (const a of arrays) size += pad4(a.byteLength);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, SNAPSHOT_FORMAT_VERSION, true);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  let at = 12 + pad4(json.length);
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += pad4(a.byteLength);
  }
  return out;
}

/** The words of a newline-joined vocabulary, 32,768 per step. */
function* splitLines(joined: string): Generator<void, string[]> {
  const out: string[] = [];
  if (joined === '') return out;
  for (let from = 0; ; ) {
    const end = joined.indexOf('\n', from);
    out.push(end < 0 ? joined.slice(from) : joined.slice(from, end));
    if (end < 0) return out;
    from = end + 1;
    if ((out.length & 32767) === 0) yield;
  }
}

/** The snapshot in `bytes`, or null when they are not one of this version (the index is then built anew). */
export function decodeIndexSnapshot(bytes: Uint8Array | null | undefined): IndexSnapshot | null {
  const steps = decodeIndexSnapshotSteps(bytes);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * decodeIndexSnapshot in steps, for a caller that yields to the editor between
 * them: decoding an archive's snapshot took about 50 ms in one piece the first
 * time (the header's JSON, ten thousand records, the vocabularies split).
 */
export function* decodeIndexSnapshotSteps(bytes: Uint8Array | null | undefined): Generator<void, IndexSnapshot | null> {
  try {
    if (!bytes || bytes.length < 12) return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== SNAPSHOT_FORMAT_VERSION) return null;
    const jsonLength = view.getUint32(8, true);
    if (12 + jsonLength > bytes.length) return null;
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength))) as SnapshotHeader;
    if (!header || header.littleEndian !== LITTLE_ENDIAN || !Array.isArray(header.arrays)) return null;
    yield;
    const raw: { at: number; length: number }[] = [];
    let at = 12 + pad4(jsonLength);
    for (const length of header.arrays) {
      if (!Number.isInteger(length) || length < 0 || at + pad4(length) > bytes.length) return null;
      for (let k = at + length; k < at + pad4(length); k++) if (bytes[k] !== 0) return null;
      raw.push({ at, length });
      at += pad4(length);
    }
    if (at !== bytes.length) return null;
    yield;
    // Views where the bytes allow (no copy of tens of megabytes); a Node Buffer read from a file is a view itself.
    const ints = (i: number): Int32Array<ArrayBuffer> | null => {
      const { at, length } = raw[i];
      if (length % 4 !== 0) return null;
      const offset = bytes.byteOffset + at;
      if (offset % 4 === 0 && bytes.buffer instanceof ArrayBuffer) return new Int32Array(bytes.buffer, offset, length / 4);
      // Not 4-byte aligned (a slice of a pooled buffer): copy. (Not bytes.slice: on a Node Buffer that is a view.)
      const copy = new Uint8Array(length);
      copy.set(bytes.subarray(at, at + length));
      return new Int32Array(copy.buffer);
    };
    const octets = (i: number): Uint8Array<ArrayBuffer> | null => {
      const { at, length } = raw[i];
      if (bytes.buffer instanceof ArrayBuffer) return new Uint8Array(bytes.buffer, bytes.byteOffset + at, length);
      const copy = new Uint8Array(length);
      copy.set(bytes.subarray(at, at + length));
      return copy;
    };
    // The records' numbers come first; the two vocabularies and the paths last.
    if (raw.length < 4) return null;
    const text = (i: number): string => {
      const { at, length } = raw[i];
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at, at + length));
    };
    const pathText = text(raw.length - 1);
    const packed = ints(0);
    const paths = !packed || packed.length === 0 ? [] : pathText.split('\0');
    yield;
    const records = packed && (yield* unpackRecords(paths, packed));
    if (!records) return null;
    yield;
    let next = 1;
    // The vocabularies, in steps: a newsroom's sentences use a few hundred thousand words.
    const vocabularies: string[][] = [];
    for (const i of [raw.length - 3, raw.length - 2]) {
      const joined = text(i);
      yield;
      vocabularies.push(yield* splitLines(joined));
    }
    const word = (h: WordSnapshotHeader, words: string[]): WordIndexSnapshot | null => {
      if (!h || !Number.isInteger(h.nextId)) return null;
      const need = h.pairsUsed === null ? 2 : 6;
      if (next + need > raw.length) return null;
      const first = next;
      next += need;
      const start = ints(first);
      const postings = octets(first + 1);
      if (!start || !postings) return null;
      if (h.pairsUsed === null) return { words, nextId: h.nextId, start, postings, pairs: null };
      const [keys, pairs, pairStart, pairPostings] = [ints(first + 2), ints(first + 3), ints(first + 4), octets(first + 5)];
      if (!keys || !pairs || !pairStart || !pairPostings) return null;
      return { words, nextId: h.nextId, start, postings, pairs: { keys, pairs, used: h.pairsUsed, start: pairStart, postings: pairPostings } };
    };
    const quotes = word(header.quotes, vocabularies[0]);
    yield;
    const sentences = word(header.sentences, vocabularies[1]);
    if (!quotes || !sentences || next !== raw.length - 3) return null;
    return { records, quotes, sentences };
  } catch {
    return null;
  }
}
