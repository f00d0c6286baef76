// A persisted cache of parsed articles, so the next start skips parsing
// unchanged files. Each entry is keyed by the file's path, size and
// modification time, and the whole cache by a format version: anything
// missing, stale, malformed or from another version is simply not used and
// the file is parsed again (a cache must never be a reason for wrong quotes).
//
// The article text itself is not stored (it is in the file, which must be
// read anyway to be shown); offsets are stored as flat number arrays, which
// keeps the JSON small and quick to parse.

import type { Article, ArticleMeta, ArticlePerson, Mention, Quote } from './types';
import { PARAGRAPH_WIDTH, SENTENCE_WIDTH } from './spans';
import type { IndexSnapshot } from './sourceIndex';
import type { WordIndexSnapshot } from './search';

/** Bump whenever Article's shape or the reader's output changes meaning. */
export const CACHE_FORMAT_VERSION = 3;

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface CachedArticle {
  path: string;
  size: number;
  mtimeMs: number;
  textLength: number;
  meta: ArticleMeta;
  /** [start − previous end, length, …]: small numbers make a small file. */
  paragraphs: number[];
  /** [start − previous end, length, paragraph − previous paragraph, …] */
  sentences: number[];
  /** A mention's name is 1 when it is the person's own (nearly always). */
  people: { name: string; titles: string[]; aliases: string[]; surname: string; surnameFirst: boolean; mentions: (number | string | null)[] }[];
  /** [id, start, end, speaker, mentionStart|-1, mentionEnd|-1, cue, paragraph] */
  quotes: (string | number | null)[][];
  otherSpeakers: string[];
}

export interface ArticleCache {
  version: number;
  articles: CachedArticle[];
}

export function cacheEntry(article: Article, stamp: FileStamp): CachedArticle {
  const paragraphs: number[] = [];
  for (let i = 0, p = article.paragraphs, previous = 0; i < p.length; i += PARAGRAPH_WIDTH) {
    paragraphs.push(p[i] - previous, p[i + 1] - p[i]);
    previous = p[i + 1];
  }
  const sentences: number[] = [];
  for (let i = 0, s = article.sentences, previousEnd = 0, previousParagraph = 0; i < s.length; i += SENTENCE_WIDTH) {
    sentences.push(s[i] - previousEnd, s[i + 1] - s[i], s[i + 2] - previousParagraph);
    previousEnd = s[i + 1];
    previousParagraph = s[i + 2];
  }
  return {
    path: article.path,
    size: stamp.size,
    mtimeMs: stamp.mtimeMs,
    textLength: article.text.length,
    meta: article.meta,
    paragraphs,
    sentences,
    people: article.people.map((p) => ({
      name: p.name,
      titles: p.titles,
      aliases: p.aliases,
      surname: p.surname,
      surnameFirst: p.surnameFirst,
      // [start, end, name, candidates joined by \u0001 or null, …]
      mentions: p.mentions.flatMap((m) => [m.start, m.end, m.name === p.name ? 1 : m.name, m.candidates ? m.candidates.join('\u0001') : null]),
    })),
    quotes: article.quotes.map((q) => [q.id, q.start, q.end, q.speaker, q.speakerMention?.start ?? -1, q.speakerMention?.end ?? -1, q.cue, q.paragraph]),
    otherSpeakers: article.otherSpeakers,
  };
}

export function buildCache(entries: Iterable<{ article: Article; stamp: FileStamp }>): ArticleCache {
  const articles: CachedArticle[] = [];
  for (const { article, stamp } of entries) articles.push(cacheEntry(article, stamp));
  return { version: CACHE_FORMAT_VERSION, articles };
}

/**
 * The cache as text: a header line, then one article per line (JSON Lines),
 * so that it can be read a slice at a time without holding the editor for
 * one long parse of the whole file.
 */
export function serializeCache(cache: ArticleCache): string {
  return cacheHeader() + cache.articles.map((a) => JSON.stringify(a) + '\n').join('');
}

/** The first line of a cache file of this format version. */
export function cacheHeader(): string {
  return JSON.stringify({ version: CACHE_FORMAT_VERSION }) + '\n';
}

/** Whether a cache file's first line is this format version's header. */
function isCacheHeader(line: string): boolean {
  try {
    const data = JSON.parse(line) as { version?: unknown } | null;
    return !!data && typeof data === 'object' && data.version === CACHE_FORMAT_VERSION;
  } catch {
    return false;
  }
}

/** One line of a cache file as an entry, or null (malformed: that file is parsed again). */
function parseCacheLine(line: string): CachedArticle | null {
  try {
    const a = JSON.parse(line) as CachedArticle | null;
    return a && typeof a === 'object' && typeof a.path === 'string' ? a : null;
  } catch {
    return null;
  }
}

/**
 * A cache file's entries, one line (article) per step, so that a caller can
 * yield to the editor between lines; nothing when the header is missing or of
 * another format version. A damaged line gives null and loses only its own
 * article.
 */
export function* cacheEntries(bytes: Uint8Array): Generator<CachedArticle | null, void> {
  const decoder = new TextDecoder();
  let at = bytes.indexOf(0x0a);
  if (at < 0 || !isCacheHeader(decoder.decode(bytes.subarray(0, at)))) return;
  for (at++; at < bytes.length; ) {
    let end = bytes.indexOf(0x0a, at);
    if (end < 0) end = bytes.length;
    if (end > at) yield parseCacheLine(decoder.decode(bytes.subarray(at, end)));
    at = end + 1;
  }
}

/**
 * The cache's entries by path, or an empty map when the cache is missing,
 * corrupt or of another format version (the caller then parses everything).
 */
export function readCache(cache: Uint8Array | string | null | undefined): Map<string, CachedArticle> {
  const out = new Map<string, CachedArticle>();
  if (!cache) return out;
  for (const entry of cacheEntries(typeof cache === 'string' ? new TextEncoder().encode(cache) : cache)) if (entry) out.set(entry.path, entry);
  return out;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isStrOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

/**
 * The article for a file from its cache entry and its current text, or null
 * when the entry is stale (size, mtime or length differ) or malformed.
 */
export function restoreArticle(entry: CachedArticle, stamp: FileStamp, text: string): Article | null {
  try {
    if (entry.size !== stamp.size || entry.mtimeMs !== stamp.mtimeMs || entry.textLength !== text.length) return null;
    const n = text.length;
    const span = (s: unknown, e: unknown): boolean => isInt(s) && isInt(e) && s >= 0 && s <= e && e <= n;
    const p = entry.paragraphs;
    if (!Array.isArray(p) || p.length % PARAGRAPH_WIDTH !== 0) return null;
    const paragraphs = new Int32Array(p.length);
    for (let i = 0, previous = 0; i < p.length; i += PARAGRAPH_WIDTH) {
      const start = previous + p[i];
      const end = start + p[i + 1];
      if (!span(start, end)) return null;
      paragraphs[i] = start;
      paragraphs[i + 1] = end;
      previous = end;
    }
    const s = entry.sentences;
    if (!Array.isArray(s) || s.length % SENTENCE_WIDTH !== 0) return null;
    const sentences = new Int32Array(s.length);
    for (let i = 0, previousEnd = 0, previousParagraph = 0; i < s.length; i += SENTENCE_WIDTH) {
      const start = previousEnd + s[i];
      const end = start + s[i + 1];
      const paragraph = previousParagraph + s[i + 2];
      if (!span(start, end) || !isInt(s[i + 2]) || paragraph < 0 || paragraph >= p.length / PARAGRAPH_WIDTH) return null;
      sentences[i] = start;
      sentences[i + 1] = end;
      sentences[i + 2] = paragraph;
      previousEnd = end;
      previousParagraph = paragraph;
    }
    // Arrays of their final length: grown by push, each would keep spare room
    // for 17 elements, and an archive holds hundreds of thousands of them.
    if (!Array.isArray(entry.people) || !Array.isArray(entry.quotes)) return null;
    const people: ArticlePerson[] = new Array<ArticlePerson>(entry.people.length);
    for (let k = 0; k < entry.people.length; k++) {
      const c = entry.people[k];
      if (typeof c.name !== 'string' || typeof c.surname !== 'string' || !Array.isArray(c.mentions) || c.mentions.length % 4 !== 0) return null;
      const mentions: Mention[] = new Array<Mention>(c.mentions.length / 4);
      for (let i = 0; i < c.mentions.length; i += 4) {
        const start = c.mentions[i];
        const end = c.mentions[i + 1];
        const name = c.mentions[i + 2] === 1 ? c.name : c.mentions[i + 2];
        const cands = c.mentions[i + 3];
        if (!span(start, end) || !isStrOrNull(name) || !isStrOrNull(cands)) return null;
        const m: Mention = { start: start as number, end: end as number, name };
        if (cands !== null) m.candidates = cands.split('\u0001');
        mentions[i / 4] = m;
      }
      people[k] = { name: c.name, titles: c.titles, aliases: c.aliases, surname: c.surname, surnameFirst: !!c.surnameFirst, mentions };
    }
    const quotes: Quote[] = new Array<Quote>(entry.quotes.length);
    for (let k = 0; k < entry.quotes.length; k++) {
      const [id, start, end, speaker, ms, me, cue, paragraph] = entry.quotes[k];
      if (typeof id !== 'string' || !span(start, end) || !isStrOrNull(speaker) || !isStrOrNull(cue) || !isInt(paragraph)) return null;
      const mention = isInt(ms) && ms >= 0 ? (span(ms, me) ? { start: ms, end: me as number } : undefined) : null;
      if (mention === undefined) return null;
      quotes[k] = { id, text: text.slice(start as number, end as number), start: start as number, end: end as number, speaker, speakerMention: mention, cue, paragraph };
    }
    if (!entry.meta || !Array.isArray(entry.meta.contributors) || !Array.isArray(entry.otherSpeakers)) return null;
    return { path: entry.path, text, meta: entry.meta, paragraphs, sentences, people, quotes, otherSpeakers: entry.otherSpeakers };
  } catch {
    // A hand-edited or truncated entry: parse the file instead.
    return null;
  }
}

// The index snapshot (sourceIndex.ts) is stored in a binary file of its own:
// its typed arrays are tens of megabytes that JSON would make slow and large.
//
//   "SBIX" | u32 format version | u32 header length | header JSON | padding to 4
//   | each array's bytes, in the header's order, each padded to 4
//
// Decoding checks the magic, the version, the byte order and every length; the
// index then checks the contents (WordIndex.fromSnapshotSteps). Anything wrong: null.

/** Bump whenever the snapshot's layout or the index's meaning of it changes. */
export const SNAPSHOT_FORMAT_VERSION = 3;
const MAGIC = 0x58494253; // "SBIX" read as a little-endian u32
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

interface SnapshotHeader {
  littleEndian: boolean;
  /**
   * Each record's path; its numbers are the first array (RECORD_FIELDS per
   * record): ten thousand records as JSON objects took most of the header's
   * parsing time, in one step the editor waited for.
   */
  paths: string[];
  quotes: WordSnapshotHeader;
  sentences: WordSnapshotHeader;
  /** Byte length of each array, in the order written. */
  arrays: number[];
}

interface WordSnapshotHeader {
  /** The vocabulary joined by newlines (words are letters and digits): one string parses far faster than thousands. */
  words: string;
  nextId: number;
  pairsUsed: number | null;
}

function wordArrays(w: WordIndexSnapshot): Int32Array[] {
  return w.pairs ? [w.start, w.ids, w.pairs.keys, w.pairs.heads, w.pairs.occId, w.pairs.occNext] : [w.start, w.ids];
}

const pad4 = (n: number): number => (n + 3) & ~3;

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

function unpackRecords(paths: unknown, packed: Int32Array): IndexSnapshot['records'] | null {
  if (!Array.isArray(paths) || packed.length !== paths.length * RECORD_FIELDS) return null;
  return paths.map((path: unknown, i) => {
    const at = i * RECORD_FIELDS;
    return {
      path: path as string,
      textLength: packed[at],
      fingerprint: (packed[at + 1] >>> 0).toString(36),
      firstQuoteId: packed[at + 2],
      quoteCount: packed[at + 3],
      firstSentenceId: packed[at + 4],
      sentenceCount: packed[at + 5],
    };
  });
}

export function encodeIndexSnapshot(snapshot: IndexSnapshot): Uint8Array {
  const arrays = [packRecords(snapshot.records), ...wordArrays(snapshot.quotes), ...wordArrays(snapshot.sentences)];
  const wordHeader = (w: WordIndexSnapshot): WordSnapshotHeader => ({ words: w.words.join('\n'), nextId: w.nextId, pairsUsed: w.pairs ? w.pairs.used : null });
  const header: SnapshotHeader = {
    littleEndian: LITTLE_ENDIAN,
    paths: snapshot.records.map((r) => r.path),
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

/** The snapshot in `bytes`, or null when they are not one of this version (the index is then built anew). */
export function decodeIndexSnapshot(bytes: Uint8Array | null | undefined): IndexSnapshot | null {
  try {
    if (!bytes || bytes.length < 12) return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== SNAPSHOT_FORMAT_VERSION) return null;
    const jsonLength = view.getUint32(8, true);
    if (12 + jsonLength > bytes.length) return null;
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength))) as SnapshotHeader;
    if (!header || header.littleEndian !== LITTLE_ENDIAN || !Array.isArray(header.arrays) || !Array.isArray(header.paths)) return null;
    const arrays: Int32Array<ArrayBuffer>[] = [];
    let at = 12 + pad4(jsonLength);
    for (const length of header.arrays) {
      if (!Number.isInteger(length) || length < 0 || length % 4 !== 0 || at + length > bytes.length) return null;
      const offset = bytes.byteOffset + at;
      if (offset % 4 === 0 && bytes.buffer instanceof ArrayBuffer) arrays.push(new Int32Array(bytes.buffer, offset, length / 4));
      else {
        // Not 4-byte aligned (a slice of a pooled buffer): copy. (Not bytes.slice: on a Node Buffer that is a view.)
        const copy = new Uint8Array(length);
        copy.set(bytes.subarray(at, at + length));
        arrays.push(new Int32Array(copy.buffer));
      }
      at += pad4(length);
    }
    if (arrays.length === 0) return null;
    const records = unpackRecords(header.paths, arrays[0]);
    if (!records) return null;
    let next = 1;
    const word = (h: WordSnapshotHeader): WordIndexSnapshot | null => {
      if (!h || typeof h.words !== 'string' || !Number.isInteger(h.nextId)) return null;
      const need = h.pairsUsed === null ? 2 : 6;
      if (next + need > arrays.length) return null;
      const [start, ids, keys, heads, occId, occNext] = arrays.slice(next, (next += need));
      return { words: h.words === '' ? [] : h.words.split('\n'), nextId: h.nextId, start, ids, pairs: h.pairsUsed === null ? null : { keys, heads, occId, occNext, used: h.pairsUsed } };
    };
    const quotes = word(header.quotes);
    const sentences = word(header.sentences);
    if (!quotes || !sentences || next !== arrays.length) return null;
    return { records, quotes, sentences };
  } catch {
    return null;
  }
}
