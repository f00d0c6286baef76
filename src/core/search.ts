// Fast fuzzy search over many items (quotes, sentences).
//
// Plain fuse.js scans every item on every keystroke: seconds over the
// sentences of a newsroom archive. Here an inverted index (folded word ->
// item ids) picks a few hundred candidates, tolerating a typo per word (edit
// distance 1, generated on the query side so the index stays small) and
// treating the word being typed as a prefix; fuse.js then ranks only those.
// Items are integer ids owned by the caller, who describes a candidate's
// fields only when asked, so no per-item text is copied into the index.

import Fuse from 'fuse.js';
import { foldSpan, foldText, isApostrophe, isWordChar, wordEnd, words } from './text';

/** What fuse.js ranks for one candidate: folded strings built on demand. */
export interface RankFields {
  /** The item's own words (quote or sentence). */
  text: string;
  /** Who and where: speaker, titles, outlet. Empty for none. */
  context: string;
}

export interface ScoredId {
  id: number;
  /** Relevance, higher is better, in [0, 1]. */
  score: number;
}

export interface SearchOptions {
  limit: number;
  /** How many candidates the inverted index picks. */
  candidates?: number;
  /** How many of those fuse.js ranks. */
  fusePool?: number;
}

const DEFAULT_CANDIDATES = 200;
/** Postings walked in full per query; rarer terms first, common ones only checked. */
const WALK_BUDGET = 60000;
/** Prefix expansions considered for the word being typed (most frequent first). */
const MAX_PREFIX_EXPANSIONS = 400;
const SHORT_PREFIX_BUDGET = 5000;
const TYPO_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

const FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  useExtendedSearch: true,
  threshold: 0.4,
  // One key holding the words and who said them: a query may mix both
  // ("Price candid"), and every extra key is another Bitap pass per word.
  keys: ['all'],
};
/** How many of the index's best candidates fuse.js ranks. */
const FUSE_POOL = 60;

interface FuseDoc {
  id: number;
  text: string;
  all: string;
}

/** Keeps the `k` highest-scoring ids seen (a min-heap on score). */
class TopK {
  private readonly heap: number[] = [];
  constructor(
    private readonly k: number,
    private readonly score: Float64Array,
  ) {}
  /** a is worse than b: lower score, or equal score and higher id. */
  private worse(a: number, b: number): boolean {
    const d = this.score[a] - this.score[b];
    return d < 0 || (d === 0 && a > b);
  }
  offer(id: number): void {
    const h = this.heap;
    if (h.length < this.k) {
      h.push(id);
      let i = h.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(h[i], h[parent])) break;
        [h[i], h[parent]] = [h[parent], h[i]];
        i = parent;
      }
    } else if (this.worse(h[0], id)) {
      h[0] = id;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.worse(h[l], h[m])) m = l;
        if (r < h.length && this.worse(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
  }
  sorted(): number[] {
    const s = this.score;
    return [...this.heap].sort((a, b) => s[b] - s[a] || a - b);
  }
}

/**
 * Every word's list of item ids, ascending, for all words of one index.
 *
 * Indexing appends (word, id) to a log: two sequential writes per word, where
 * one growable array per word cost a cache miss or two and some hundred bytes
 * of object headers each. Before searching, the log is folded (grouped by word
 * with a counting sort) into one byte array: word w's list is
 * `data[start[w] .. start[w + 1])`. Ids only grow, so each list comes out
 * ascending and is stored as the gaps between its ids in varints (LEB128),
 * about a byte and a half per posting where an Int32 took four: a
 * newsroom's postings are most of the index's memory and of its snapshot.
 * A list reads front to back only, which is how rare words are walked; common
 * words are only asked whether they hold a candidate, so a list longer than
 * SKIP carries a skip table (each block's starting point) for a binary search
 * and a decode of one block. A few edits after a fold (one re-indexed file)
 * stay in the log, and a query walks them as a separate tail of each word's
 * list (see tail()); folding them in appends to the words they touch only.
 *
 * A list's bytes: varint count | skip table | varint gaps, where gap = id -
 * previous id - 1 (the first id is its own gap). The skip table has an entry
 * per block of SKIP postings after the first: the last id before the block and
 * where its gaps start (relative to the first gap), each a little-endian u32,
 * so that a list's bytes can be moved or extended without rewriting them.
 * An empty range is an empty list. Varints are canonical (checked on loading a
 * snapshot, so that a list's layout follows from its values).
 */
/** A log's first chunk is small (one re-indexed file); later ones are large (a bulk load). */
const FIRST_LOG_CHUNK = 1024;
const LOG_CHUNK = 1 << 16;
/** Postings per skip block: a membership test decodes at most this many. */
export const SKIP = 64;
/** Postings decoded at a time while walking a list (a scratch buffer of this size). */
const WALK_CHUNK = 4096;
/** Postings folded between two steps of PostingStore.foldSteps (about a millisecond's work). */
const FOLD_STEP = 1 << 16;

/** Bytes of `v` (0 <= v < 2^31) as a varint. */
function varintLength(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

function readU32(data: Uint8Array, p: number): number {
  return (data[p] | (data[p + 1] << 8) | (data[p + 2] << 16) | (data[p + 3] << 24)) >>> 0;
}

function writeU32(data: Uint8Array, p: number, v: number): void {
  data[p] = v & 0xff;
  data[p + 1] = (v >>> 8) & 0xff;
  data[p + 2] = (v >>> 16) & 0xff;
  data[p + 3] = v >>> 24;
}

/** The varint at data[p] (only for checked bytes: no bounds or overflow checks). */
function readVarint(data: Uint8Array, p: number): number {
  let b = data[p];
  let v = b & 0x7f;
  for (let shift = 7; b > 0x7f; shift += 7) {
    b = data[++p];
    v |= (b & 0x7f) << shift;
  }
  return v;
}

/** Skip entries of a list of `count` postings: one per block after the first. */
function skipCount(count: number): number {
  return count > 0 ? ((count - 1) / SKIP) | 0 : 0;
}

/** One word's folded list: where its parts lie in the store's bytes. */
export class PostingList {
  constructor(
    readonly data: Uint8Array,
    readonly count: number,
    /** Where the skip table starts (its entries: 8 bytes each). */
    readonly skipAt: number,
    /** Where the first gap starts. */
    readonly gapAt: number,
  ) {}

  /** Whether the list holds `id`: a binary search over the skip table, then one block decoded. */
  includes(id: number): boolean {
    const n = this.count;
    if (n === 0) return false;
    const data = this.data;
    // The first block whose last id is >= id: the blocks before it end below id.
    let lo = 0;
    let hi = skipCount(n);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (readU32(data, this.skipAt + 8 * mid) < id) lo = mid + 1;
      else hi = mid;
    }
    let prev = -1;
    let p = this.gapAt;
    if (lo > 0) {
      const entry = this.skipAt + 8 * (lo - 1);
      prev = readU32(data, entry);
      p += readU32(data, entry + 4);
    }
    for (let left = Math.min(SKIP, n - lo * SKIP); left > 0; left--) {
      let b = data[p++];
      let gap = b & 0x7f;
      for (let shift = 7; b > 0x7f; shift += 7) {
        b = data[p++];
        gap |= (b & 0x7f) << shift;
      }
      prev += gap + 1;
      if (prev >= id) return prev === id;
    }
    return false;
  }

  /** The last `max` ids, ascending: decoding starts at the block holding the first of them (skip table). */
  last(max: number): number[] {
    const n = this.count;
    const from = Math.max(0, n - max);
    const block = (from / SKIP) | 0;
    const data = this.data;
    let prev = -1;
    let p = this.gapAt;
    if (block > 0) {
      const entry = this.skipAt + 8 * (block - 1);
      prev = readU32(data, entry);
      p += readU32(data, entry + 4);
    }
    const out = new Array<number>(n - from);
    for (let i = block * SKIP; i < n; i++) {
      const gap = readVarint(data, p);
      p += varintLength(gap);
      prev += gap + 1;
      if (i >= from) out[i - from] = prev;
    }
    return out;
  }

  /** All ids (for tests; search and folds read through a PostingCursor). */
  toArray(): number[] {
    const out: number[] = [];
    const cursor = new PostingCursor();
    cursor.open(this);
    const buf = new Int32Array(WALK_CHUNK);
    for (let got = cursor.fill(buf, buf.length); got > 0; got = cursor.fill(buf, buf.length)) for (let k = 0; k < got; k++) out.push(buf[k]);
    return out;
  }
}

const EMPTY_LIST = new PostingList(new Uint8Array(0), 0, 0, 0);

/** Reads a list front to back into a caller's buffer, a chunk at a time: no object per posting. */
export class PostingCursor {
  private data: Uint8Array = EMPTY_LIST.data;
  private p = 0;
  private prev = -1;
  /** Postings not read yet. */
  left = 0;

  open(list: PostingList): void {
    this.data = list.data;
    this.p = list.gapAt;
    this.prev = -1;
    this.left = list.count;
  }

  /** Decodes the next ids (at most `max`) into buf; returns how many. */
  fill(buf: Int32Array, max: number): number {
    const data = this.data;
    const n = Math.min(max, this.left, buf.length);
    let p = this.p;
    let prev = this.prev;
    for (let k = 0; k < n; k++) {
      let b = data[p++];
      let gap = b & 0x7f;
      if (b > 0x7f) {
        b = data[p++];
        gap |= (b & 0x7f) << 7;
        for (let shift = 14; b > 0x7f; shift += 7) {
          b = data[p++];
          gap |= (b & 0x7f) << shift;
        }
      }
      prev += gap + 1;
      buf[k] = prev;
    }
    this.p = p;
    this.prev = prev;
    this.left -= n;
    return n;
  }
}

/** A growable byte buffer the fold writes lists into. */
class ByteWriter {
  bytes: Uint8Array<ArrayBuffer>;
  length = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(Math.max(size, 64));
  }
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.length + n, this.bytes.length + (this.bytes.length >> 1)));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
  /** Writes a varint; room must have been reserved. */
  varint(v: number): void {
    const bytes = this.bytes;
    let p = this.length;
    while (v > 0x7f) {
      bytes[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    bytes[p++] = v;
    this.length = p;
  }
  /** Copies data[from, to). */
  copy(data: Uint8Array, from: number, to: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    this.bytes.set(data.subarray(from, to), this.length);
    this.length += to - from;
  }
  /** The bytes written, in an array of their own size (spare room would be held for good). */
  done(): Uint8Array<ArrayBuffer> {
    return this.length === this.bytes.length ? this.bytes : this.bytes.slice(0, this.length);
  }
}

/**
 * An empty list of the kind that holds objects. One made by `[]` is of another kind until its
 * first element, so code that pushes onto lists of both kinds lost its optimized code when it
 * met the second (the indexing loop, which pushes a full chunk of the log: the whole of addText).
 */
function objectList<T extends object>(): T[] {
  const list: (T | null)[] = [null];
  list.length = 0;
  return list as T[];
}

/** A part of a PostingStore's log: its first `length` entries are postings (word, id). */
interface LogPart {
  words: Int32Array;
  ids: Int32Array;
  length: number;
}

export class PostingStore {
  /** Folded part: word w's list is data[start[w] .. start[w + 1]) (see above). */
  private start: Int32Array<ArrayBuffer> = new Int32Array(1);
  private data: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  /** Postings in the folded part. */
  private foldedCount = 0;
  /**
   * The log, in chunks of LOG_CHUNK entries: full chunks in `logChunks`, the
   * one being filled in logWord/logId. A bulk load logs millions of postings;
   * one growing array copied itself at every doubling (and its large
   * allocations drove the garbage collector).
   */
  private logChunks: { words: Int32Array; ids: Int32Array }[] = objectList();
  private logWord: Int32Array = new Int32Array(FIRST_LOG_CHUNK);
  private logId: Int32Array = new Int32Array(FIRST_LOG_CHUNK);
  private logFill = 0;
  private logLength = 0;
  /** The log grouped by word, built on demand while the log is small. */
  private logByWord: Map<number, number[]> | null = null;
  private words = 0;
  /** Bumped by each fold and install: a fold in steps stops when it moves (see foldSteps). */
  private version = 0;
  /**
   * Postings in the log per word, counted as they are logged: the fold's counting sort starts
   * from them instead of reading the whole log once more (its first pass, at the end of a bulk
   * load, when nothing else is left to do).
   */
  private logCounts: Int32Array;

  /** `countLogged`: keep logCounts (not for word pairs: a million of them would hold 4 MB or more for it). */
  constructor(private readonly countLogged = true) {
    this.logCounts = new Int32Array(countLogged ? 1024 : 0);
  }

  addWord(): void {
    this.words++;
    if (this.countLogged && this.words > this.logCounts.length) {
      const grown = new Int32Array(2 * this.logCounts.length);
      grown.set(this.logCounts);
      this.logCounts = grown;
    }
  }

  push(word: number, id: number): void {
    if (this.logFill === this.logId.length) {
      this.logChunks.push({ words: this.logWord, ids: this.logId });
      this.logWord = new Int32Array(LOG_CHUNK);
      this.logId = new Int32Array(LOG_CHUNK);
      this.logFill = 0;
    }
    this.logWord[this.logFill] = word;
    this.logId[this.logFill++] = id;
    if (this.countLogged) this.logCounts[word]++;
    this.logLength++;
    this.logByWord = null;
  }

  /** The log's chunks with how much of each is filled, oldest first. */
  private logParts(): LogPart[] {
    // One shape for every part, built in a loop (see structure.ts, nonEmptySpans): spread copies
    // had another shape than the last part, and the fold's loops lost their optimized code on it.
    const parts: LogPart[] = [];
    for (const c of this.logChunks) parts.push({ words: c.words, ids: c.ids, length: c.ids.length });
    parts.push({ words: this.logWord, ids: this.logId, length: this.logFill });
    return parts;
  }

  /** Whether the log is big enough that searching should fold it first. */
  needsFold(): boolean {
    return this.logLength > 20000 || (this.logLength > 0 && this.logLength > this.foldedCount / 8);
  }

  /**
   * Folds the log into the table, dropping ids that are no longer alive when
   * asked. The log is grouped by word with a counting sort; a word it does not
   * touch keeps its bytes (copied in runs), one it extends keeps them too and
   * gets its new ids and skip entries added (ids only grow, so they all come
   * after its old ones). Only a sweep of the dead decodes every list.
   */
  fold(alive?: (id: number) => boolean): void {
    const steps = this.foldSteps(alive);
    while (!steps.next().done);
  }

  /**
   * fold() in steps of about FOLD_STEP postings, for a caller that gives the
   * editor its turn between them (folding a 10,000-article archive's
   * sentences took about 250 ms at once). Until the last step the store is
   * untouched, and searches read it as before. Postings logged between two
   * steps stay in the log for the next fold (a file saved while the indexer
   * folds a bulk load no longer stops it and leaves all of it to the next
   * search, which would fold at once). When the store is folded or installed
   * between two steps (a search folds what it needs at once), or postings
   * are logged during a sweep of the dead (`alive`), the rest is dropped.
   */
  *foldSteps(alive?: (id: number) => boolean): Generator<void, void> {
    if (this.logLength === 0 && !alive && this.start.length === this.words + 1) return;
    // What it folds: the log as it is now (a word is added only with a posting, which grows the log).
    // Later postings are appended behind these, in the same chunks or new ones.
    const version = this.version;
    const logLength = this.logLength;
    const words = this.words;
    const logStart = new Int32Array(words + 1);
    const log = this.logParts();
    // Each word's postings: counted as they were logged, unless only the living ones are kept.
    if (alive || !this.countLogged) {
      for (const { words: logWord, ids: logId, length } of log) {
        for (let from = 0; from < length; from += FOLD_STEP) {
          const to = Math.min(length, from + FOLD_STEP);
          for (let c = from; c < to; c++) if (!alive || alive(logId[c])) logStart[logWord[c] + 1]++;
          yield;
          if (this.moved(version, logLength, alive)) return;
        }
      }
    } else logStart.set(this.logCounts.subarray(0, words), 1);
    for (let w = 0; w < words; w++) logStart[w + 1] += logStart[w];
    const logIds = new Int32Array(logStart[words]);
    const fill = logStart.slice(0, words);
    for (const { words: logWord, ids: logId, length } of log) {
      for (let from = 0; from < length; from += FOLD_STEP) {
        const to = Math.min(length, from + FOLD_STEP);
        for (let c = from; c < to; c++) {
          const id = logId[c];
          if (!alive || alive(id)) logIds[fill[logWord[c]]++] = id;
        }
        yield;
        if (this.moved(version, logLength, alive)) return;
      }
    }
    const oldStart = this.start;
    const oldData = this.data;
    const folded = oldStart.length - 1;
    const end = oldStart[folded];
    const out = new ByteWriter(alive ? oldData.length : oldData.length + 2 * logIds.length + 1024);
    const start = new Int32Array(words + 1);
    let total = 0;
    // Old bytes [runFrom, runTo) are to be copied unchanged, right after what out holds.
    let runFrom = 0;
    let runTo = 0;
    let scratch = new Int32Array(0);
    const cursor = new PostingCursor();
    // Postings written since the last step (words untouched by the log cost little: counted as one).
    let sinceStep = 0;
    for (let w = 0; w < words; w++) {
      if (sinceStep >= FOLD_STEP) {
        sinceStep = 0;
        yield;
        if (this.moved(version, logLength, alive)) return;
      }
      sinceStep += 1 + logStart[w + 1] - logStart[w];
      const a = w < folded ? oldStart[w] : end;
      const b = w < folded ? oldStart[w + 1] : end;
      const from = logStart[w];
      const to = logStart[w + 1];
      if (!alive && from === to) {
        if (a !== runTo) {
          out.copy(oldData, runFrom, runTo);
          runFrom = runTo = a;
        }
        start[w] = out.length + (a - runFrom);
        runTo = b;
        if (a < b) total += readVarint(oldData, a);
        continue;
      }
      out.copy(oldData, runFrom, runTo);
      runFrom = runTo = b;
      start[w] = out.length;
      const old = listAt(oldData, a, b);
      if (!alive) {
        appendList(out, old, b, logIds, from, to);
        total += old.count + to - from;
        continue;
      }
      if (scratch.length < old.count + to - from) scratch = new Int32Array(Math.max(old.count + to - from, 2 * scratch.length));
      cursor.open(old);
      cursor.fill(scratch, old.count);
      let n = 0;
      for (let k = 0; k < old.count; k++) if (alive(scratch[k])) scratch[n++] = scratch[k];
      for (let k = from; k < to; k++) scratch[n++] = logIds[k];
      appendList(out, EMPTY_LIST, 0, scratch, 0, n);
      total += n;
    }
    out.copy(oldData, runFrom, runTo);
    start[words] = out.length;
    this.start = start;
    this.data = out.done();
    this.foldedCount = total;
    this.dropFolded(logLength);
    this.version++;
  }

  /** Whether a fold in steps that read the store at `version`, with `logLength` postings logged, must stop (see foldSteps). */
  private moved(version: number, logLength: number, alive?: (id: number) => boolean): boolean {
    return this.version !== version || (alive !== undefined && this.logLength !== logLength);
  }

  /** Takes the log's first `folded` postings out (the table has them now), keeping those logged since. */
  private dropFolded(folded: number): void {
    if (this.logLength === folded) {
      this.clearLog();
      return;
    }
    const parts = this.logParts();
    this.clearLog();
    let skip = folded;
    for (const { words, ids, length } of parts) {
      const from = Math.min(skip, length);
      skip -= from;
      for (let c = from; c < length; c++) this.push(words[c], ids[c]);
    }
  }

  private clearLog(): void {
    // Emptied in place: a new empty array is of another kind than one holding chunks, and the
    // indexing loop (which pushes a full chunk here) lost its optimized code on it after each fold.
    this.logChunks.length = 0;
    this.logWord = new Int32Array(FIRST_LOG_CHUNK);
    this.logId = new Int32Array(FIRST_LOG_CHUNK);
    this.logFill = 0;
    this.logLength = 0;
    this.logByWord = null;
    this.logCounts.fill(0);
  }

  private logged(word: number): number[] | undefined {
    if (this.logLength === 0) return undefined;
    if (!this.logByWord) {
      const by = new Map<number, number[]>();
      for (const { words, ids, length } of this.logParts()) {
        for (let c = 0; c < length; c++) {
          const w = words[c];
          const list = by.get(w);
          if (list) list.push(ids[c]);
          else by.set(w, [ids[c]]);
        }
      }
      this.logByWord = by;
    }
    return this.logByWord.get(word);
  }

  /** The word's ids in the folded table, ascending (its bytes as they are now: a later fold leaves it intact). */
  list(word: number): PostingList {
    return word + 1 < this.start.length ? listAt(this.data, this.start[word], this.start[word + 1]) : EMPTY_LIST;
  }

  /**
   * The word's ids indexed since the last fold, ascending and all greater than
   * the table's; null when none. Kept apart, so that a common word's list is
   * not rewritten after every re-indexed file.
   */
  tail(word: number): number[] | null {
    return this.logged(word) ?? null;
  }

  /** How many ids the word has (dead ones included until the next fold). */
  count(word: number): number {
    let folded = 0;
    if (word + 1 < this.start.length && this.start[word] < this.start[word + 1]) folded = readVarint(this.data, this.start[word]);
    return folded + (this.logged(word)?.length ?? 0);
  }

  bytes(): number {
    return this.start.byteLength + this.data.byteLength + this.logParts().reduce((n, p) => n + p.words.byteLength + p.ids.byteLength, 0);
  }

  /** The folded table (the log folded first). */
  export(): { start: Int32Array<ArrayBuffer>; postings: Uint8Array<ArrayBuffer> } {
    this.fold();
    return { start: this.start, postings: this.data };
  }

  /** Installs a table exported earlier (checked by checkPostings). */
  install(words: number, start: Int32Array<ArrayBuffer>, postings: Uint8Array<ArrayBuffer>): void {
    let total = 0;
    for (let w = 0; w < words; w++) if (start[w] < start[w + 1]) total += readVarint(postings, start[w]);
    this.words = words;
    this.start = start;
    this.data = postings;
    this.foldedCount = total;
    if (this.countLogged) this.logCounts = new Int32Array(Math.max(1024, words));
    this.clearLog();
    this.version++;
  }
}

/** The list in data[a, b) (checked bytes). */
function listAt(data: Uint8Array, a: number, b: number): PostingList {
  if (a >= b) return EMPTY_LIST;
  const count = readVarint(data, a);
  const skipAt = a + varintLength(count);
  return new PostingList(data, count, skipAt, skipAt + 8 * skipCount(count));
}

/**
 * Writes the list made of `old` (its bytes ending at oldEnd) followed by
 * ids[from, to), which are ascending and greater than old's ids: old's skip
 * entries and gaps are copied as they are, since offsets are relative to the
 * first gap.
 */
function appendList(out: ByteWriter, old: PostingList, end: number, ids: Int32Array, from: number, to: number): void {
  const n = old.count;
  // An empty list may stand for no bytes at all (EMPTY_LIST).
  const oldEnd = n > 0 ? end : old.gapAt;
  const m = n + to - from;
  if (m === 0) return;
  if (n === 0 && writeNewList(out, ids, from, to)) return;
  const data = old.data;
  const oldSkips = skipCount(n);
  const oldGapBytes = oldEnd - old.gapAt;
  // The old list's last id: its last block decoded.
  let last = -1;
  if (n > 0) {
    let p = old.gapAt;
    if (oldSkips > 0) {
      const entry = old.skipAt + 8 * (oldSkips - 1);
      last = readU32(data, entry);
      p += readU32(data, entry + 4);
    }
    for (let left = n - oldSkips * SKIP; left > 0; left--) {
      const gap = readVarint(data, p);
      p += varintLength(gap);
      last += gap + 1;
    }
  }
  let newGapBytes = 0;
  for (let k = from, prev = last; k < to; prev = ids[k++]) newGapBytes += varintLength(ids[k] - prev - 1);
  const skips = skipCount(m);
  out.reserve(varintLength(m) + 8 * skips + oldGapBytes + newGapBytes);
  out.varint(m);
  out.copy(data, old.skipAt, old.gapAt);
  let pos = oldGapBytes;
  for (let k = from, prev = last; k < to; prev = ids[k++]) {
    const i = n + k - from;
    if (i > 0 && i % SKIP === 0) {
      writeU32(out.bytes, out.length, prev);
      writeU32(out.bytes, out.length + 4, pos);
      out.length += 8;
    }
    pos += varintLength(ids[k] - prev - 1);
  }
  out.copy(data, old.gapAt, oldEnd);
  for (let k = from, prev = last; k < to; prev = ids[k++]) out.varint(ids[k] - prev - 1);
}

/**
 * appendList for a word with no old list (every word, at the end of a bulk load), in one pass over
 * its ids instead of three: room for the skip entries is left after the count and they are filled
 * in as the gaps are written. Only when the room for the longest gaps (5 bytes each) is there
 * already (a false: appendList reserves exactly, so the table is not grown for bytes it never holds).
 */
function writeNewList(out: ByteWriter, ids: Int32Array, from: number, to: number): boolean {
  const m = to - from;
  const skips = skipCount(m);
  if (out.length + varintLength(m) + 8 * skips + 5 * m > out.bytes.length) return false;
  out.varint(m);
  const bytes = out.bytes;
  let skipAt = out.length;
  const gapsAt = skipAt + 8 * skips;
  let p = gapsAt;
  let prev = -1;
  for (let k = from; k < to; k++) {
    const id = ids[k];
    if (k > from && (k - from) % SKIP === 0) {
      writeU32(bytes, skipAt, prev);
      writeU32(bytes, skipAt + 4, p - gapsAt);
      skipAt += 8;
    }
    let v = id - prev - 1;
    while (v > 0x7f) {
      bytes[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    bytes[p++] = v;
    prev = id;
  }
  out.length = p;
  return true;
}

/**
 * Checks a table from a snapshot (any of its bytes may be damaged): every list
 * within its range and exactly filling it, varints canonical and under 2^31,
 * ids ascending and below nextId, skip entries where they belong. Yields every
 * few tens of thousands of bytes. Throws on the first fault.
 */
export function* checkPostings(words: number, start: Int32Array, data: Uint8Array, nextId: number): Generator<void, void> {
  const STEP = 1 << 15;
  if (start.length !== words + 1 || start[0] !== 0 || start[words] !== data.length) throw new Error('word index: bad sizes');
  let checked = 0;
  for (let w = 0; w < words; w++) {
    const a = start[w];
    const b = start[w + 1];
    if (!(a <= b)) throw new Error('word index: bad table');
    if (a === b) continue;
    checkList(data, a, b, nextId);
    checked += b - a + 1;
    if (checked > STEP) {
      checked = 0;
      yield;
    }
  }
}

/** Checks the list in data[a, b) (see checkPostings); a plain function, which V8 optimizes better than a generator's loop. */
function checkList(data: Uint8Array, a: number, b: number, nextId: number): void {
  const count = checkedVarint(data, a, b);
  const skipAt = checkedEnd;
  const gapAt = skipAt + 8 * skipCount(count);
  if (gapAt > b) throw new Error('word index: postings cut short');
  let p = gapAt;
  let prev = -1;
  let entry = skipAt;
  for (let i = 0, untilSkip = SKIP; i < count; i++, untilSkip--) {
    if (untilSkip === 0) {
      if (readU32(data, entry) !== prev || readU32(data, entry + 4) !== p - gapAt) throw new Error('word index: bad skip entry');
      entry += 8;
      untilSkip = SKIP;
    }
    // Unrolled, with bitwise arithmetic: a loop over `shift` or float arithmetic made loading a snapshot several times slower.
    if (p >= b) throw new Error('word index: postings cut short');
    let byte = data[p++];
    let gap = byte & 0x7f;
    if (byte > 0x7f) {
      if (p >= b) throw new Error('word index: postings cut short');
      byte = data[p++];
      gap |= (byte & 0x7f) << 7;
      if (byte > 0x7f) {
        if (p >= b) throw new Error('word index: postings cut short');
        byte = data[p++];
        gap |= (byte & 0x7f) << 14;
        if (byte > 0x7f) {
          if (p >= b) throw new Error('word index: postings cut short');
          byte = data[p++];
          gap |= (byte & 0x7f) << 21;
          if (byte > 0x7f) {
            if (p >= b) throw new Error('word index: postings cut short');
            byte = data[p++];
            // Bits 28 to 30: a gap must stay under 2^31.
            if (byte > 7) throw new Error('word index: varint too large');
            gap |= byte << 28;
          }
        }
      }
      if (byte === 0) throw new Error('word index: varint not canonical');
    }
    prev += gap + 1;
    if (prev >= nextId) throw new Error('word index: ids out of range');
  }
  if (p !== b) throw new Error('word index: postings longer than their count');
}

/** Where the last checkedVarint ended (a second result, without an object per call). */
let checkedEnd = 0;

/** The varint at data[p], which must end before `end`, be canonical and under 2^31. */
function checkedVarint(data: Uint8Array, p: number, end: number): number {
  let v = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    if (p >= end) throw new Error('word index: postings cut short');
    const b = data[p++];
    v += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) {
      if (b === 0 && shift > 0) throw new Error('word index: varint not canonical');
      if (v > 0x7fffffff) throw new Error('word index: varint too large');
      checkedEnd = p;
      return v;
    }
  }
  throw new Error('word index: varint too long');
}

/** Binary search in the first `length` ids, which are sorted. */
function sortedIncludes(ids: ArrayLike<number>, length: number, id: number): boolean {
  let lo = 0;
  let hi = length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid];
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Postings of adjacent word pairs, without an object per pair: an
 * open-addressing table (pair key -> pair number) and each pair's ids in a
 * PostingStore, as the words' are (varint gaps). A pair's occurrences had
 * been a linked list of two 32-bit numbers each: 1.2 million of them, 11 MB,
 * for the quotes of a 10,000-article archive.
 */
export class PairIndex {
  /** Pair key + 1 per slot; 0: empty. */
  private keys = new Int32Array(1 << 14);
  /** Pair number + 1 per slot; 0: empty. */
  private pairs = new Int32Array(1 << 14);
  private used = 0;
  private store = new PostingStore(false);
  /** Per pair, the last id added (an item may hold a pair twice: it is listed once). */
  private lastId = new Int32Array(1 << 10).fill(-1);

  private slotOf(key: number, insert: boolean): number {
    const mask = this.keys.length - 1;
    const stored = key + 1;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      const k = this.keys[slot];
      if (k === stored) return slot;
      if (k === 0) {
        if (!insert) return -1;
        this.keys[slot] = stored;
        this.pairs[slot] = ++this.used;
        this.store.addWord();
        if (this.used > this.lastId.length) {
          const grown = new Int32Array(2 * this.lastId.length).fill(-1);
          grown.set(this.lastId);
          this.lastId = grown;
        }
        return slot;
      }
    }
  }

  add(key: number, id: number): void {
    if (2 * (this.used + 1) > this.keys.length) this.rehash(this.keys.length * 2);
    const pair = this.pairs[this.slotOf(key, true)] - 1;
    if (this.lastId[pair] === id) return;
    this.lastId[pair] = id;
    this.store.push(pair, id);
  }

  private rehash(size: number): void {
    const oldKeys = this.keys;
    const oldPairs = this.pairs;
    this.keys = new Int32Array(size);
    this.pairs = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] === 0) continue;
      let slot = (oldKeys[i] - 1) & mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = oldKeys[i];
      this.pairs[slot] = oldPairs[i];
    }
  }

  /** The ids holding this pair, ascending, at most `max` (the newest kept). */
  list(key: number, max: number): number[] | null {
    const slot = this.slotOf(key, false);
    if (slot < 0) return null;
    // A bulk load not folded yet (optimize() folds it): grouping a large log by pair would cost more.
    if (this.store.needsFold()) this.store.fold();
    const pair = this.pairs[slot] - 1;
    const tail = this.store.tail(pair) ?? [];
    if (tail.length >= max) return tail.slice(tail.length - max);
    const folded = this.store.list(pair).last(max - tail.length);
    return tail.length > 0 ? folded.concat(tail) : folded;
  }

  /** Folds what was added since into the table (after a bulk load). */
  trim(): void {
    this.store.fold();
  }

  /** trim() in steps (PostingStore.foldSteps). */
  trimSteps(): Generator<void, void> {
    return this.store.foldSteps();
  }

  /** Drops the occurrences of dead items. */
  compact(alive: (id: number) => boolean): void {
    this.store.fold(alive);
  }

  bytes(): number {
    return this.keys.byteLength + this.pairs.byteLength + this.lastId.byteLength + this.store.bytes();
  }

  export(): PairSnapshot {
    const { start, postings } = this.store.export();
    return { keys: this.keys, pairs: this.pairs, used: this.used, start, postings };
  }

  /**
   * Installs pairs exported earlier, checked in steps; throws when they do
   * not hold together (a damaged file).
   */
  *installSteps(p: PairSnapshot, nextId: number): Generator<void, void> {
    const size = p.keys.length;
    const used = p.used;
    if (size < 2 || (size & (size - 1)) !== 0 || p.pairs.length !== size || !(Number.isInteger(used) && used >= 0 && 2 * used <= size)) throw new Error('word pairs: bad table sizes');
    // Every pair number 1..used in exactly one occupied slot.
    const seen = new Uint8Array(used + 1);
    const STEP = 1 << 18;
    for (let from = 0; from < size; from += STEP) {
      checkPairSlots(p, seen, from, Math.min(size, from + STEP));
      yield;
    }
    for (let k = 1; k <= used; k++) if (!seen[k]) throw new Error('word pairs: a pair without a slot');
    yield* checkPostings(used, p.start, p.postings, nextId);
    this.keys = p.keys;
    this.pairs = p.pairs;
    this.used = used;
    this.store = new PostingStore(false);
    this.store.install(used, p.start, p.postings);
    // Items added from here have ids above every installed one.
    this.lastId = new Int32Array(Math.max(1 << 10, used)).fill(-1);
  }
}

function checkPairSlots(p: PairSnapshot, seen: Uint8Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const pair = p.pairs[i];
    if (p.keys[i] === 0) {
      if (pair !== 0) throw new Error('word pairs: a pair in an empty slot');
    } else if (!(pair >= 1 && pair <= p.used) || seen[pair]) throw new Error('word pairs: bad pair number');
    else seen[pair] = 1;
  }
}

export interface PairSnapshot {
  /** Pair key + 1 per slot of the open-addressing table (0: empty). */
  keys: Int32Array<ArrayBuffer>;
  /** Pair number + 1 per slot (0: empty). */
  pairs: Int32Array<ArrayBuffer>;
  used: number;
  /** Each pair's ids, as the words' postings (see PostingStore). */
  start: Int32Array<ArrayBuffer>;
  postings: Uint8Array<ArrayBuffer>;
}

/** Everything a word index holds, to persist it and install it again at the next start. */
export interface WordIndexSnapshot {
  words: string[];
  nextId: number;
  /** The word postings: list w is postings[start[w] .. start[w + 1]) (see PostingStore). */
  start: Int32Array<ArrayBuffer>;
  postings: Uint8Array<ArrayBuffer>;
  pairs: PairSnapshot | null;
}

/** Ids taken from one pair's list per query: enough for any useful pair, bounded for "of the". */
const MAX_PAIR_IDS = 3000;
/** Pair occurrences read per query in all: chains are linked lists, slow to walk at length. */
const PAIR_BUDGET = 15000;

interface Expansion {
  /** The vocabulary word, or -1 for a word pair. */
  word: number;
  weight: number;
  /** The word's folded postings (empty for a word pair). */
  list: PostingList;
  /**
   * Ids walked after the list, ascending, or null: a word's ids indexed since
   * the last fold (all greater than the list's), a word pair's whole list.
   */
  tail: number[] | null;
}

/** Word pairs are keyed by a hash of their ids: a collision only adds a candidate that ranking then drops. */
function pairKey(a: number, b: number): number {
  return (Math.imul(a + 1, 0x9e3779b1) ^ b) & 0x3fffffff;
}
/** Expansions per side combined into word pairs. */
const PAIR_LEFT = 8;
const PAIR_RIGHT = 24;

interface QueryTerm {
  text: string;
  expansions: Expansion[];
  cost: number;
  idf: number;
  isPrefix: boolean;
}

export class WordIndex {
  /**
   * Adjacent word pairs are indexed too when asked (quotes): a fragment with a
   * typo in its one rare word ("a hvuse in") is found by its pairs, where its
   * single words would tie with thousands of items.
   */
  constructor(private readonly options: { pairs?: boolean; walkBudget?: number } = {}) {
    this.walkBudget = options.walkBudget ?? WALK_BUDGET;
  }
  /** Postings walked in full per query (see WALK_BUDGET). */
  private readonly walkBudget: number;
  private readonly pairPostings = new PairIndex();
  private readonly wordIds = new Map<string, number>();
  private readonly wordList: string[] = [];
  /** Open addressing: hash of a word's characters -> word id + 1 (0 = empty). */
  private asciiTable: Int32Array = new Int32Array(1 << 12);
  private readonly postings = new PostingStore();
  /** Last item posted per word, so an item is posted once per word. */
  private lastPosted: Int32Array = new Int32Array(1024).fill(-1);
  private sortedWords: number[] | null = null;
  /** Expansions of recently typed words: each keystroke re-parses the whole query. */
  private expansionCache = new Map<string, Expansion[]>();
  private alive: Uint8Array<ArrayBuffer> = new Uint8Array(1024);
  private nextId = 0;
  private liveCount = 0;
  private deadCount = 0;
  /** Scratch arrays for scoring, sized to the id space. */
  private scratchScore: Float64Array = new Float64Array(0);
  private scratchStamp: Int32Array = new Int32Array(0);
  private stamp = 0;
  /** Marks items already credited for the current query term. */
  private termMarks: Int32Array = new Int32Array(0);
  private termMark = 0;
  /** Reads folded lists while walking them, into walkChunk (no object per posting). */
  private readonly cursor = new PostingCursor();
  private readonly walkChunk = new Int32Array(WALK_CHUNK);
  /**
   * The ids a query touched (a typed array: a growing JS array cost most of a
   * keystroke), grown when a query touches more: the walk's budget bounds
   * that far below the number of items.
   */
  private touched: Int32Array = new Int32Array(4096);

  /** Hands out the next item id; ids only grow. */
  allocate(): number {
    const id = this.nextId++;
    if (id >= this.alive.length) {
      const next = new Uint8Array(this.alive.length * 2);
      next.set(this.alive);
      this.alive = next;
    }
    this.alive[id] = 1;
    this.liveCount++;
    // Cached expansions hold snapshots of the id lists.
    if (this.expansionCache.size > 0) this.expansionCache = new Map();
    return id;
  }

  /**
   * Posts every word of `text[start, end)` for item `id` (must be the newest
   * id). This is the indexing hot loop: plain ASCII words are hashed straight
   * from the text and found in an open-addressing table without creating a
   * string; other words take the general path (slice, fold, map).
   */
  addText(id: number, text: string, start = 0, end = text.length): void {
    const pairs = this.options.pairs === true;
    let prev = -1;
    let i = start;
    while (i < end) {
      const c = text.charCodeAt(i);
      const lower = c | 32;
      const asciiWord = (lower >= 97 && lower <= 122) || (c >= 48 && c <= 57);
      if (!asciiWord && (c < 128 || !isWordChar(text, i))) {
        i++;
        continue;
      }
      const wordStart = i;
      let wid = -1;
      if (asciiWord) {
        let h = 0x811c9dc5;
        let j = i;
        for (; j < end; j++) {
          const d = text.charCodeAt(j);
          const l = d | 32;
          if (!((l >= 97 && l <= 122) || (d >= 48 && d <= 57))) break;
          h = Math.imul(h ^ (d >= 65 && d <= 90 ? l : d), 0x01000193);
        }
        // A following apostrophe or non-ASCII letter makes it a word for the general path, but not a
        // curly quote or a dash after it ("word”", "word—").
        const next = j < end ? text.charCodeAt(j) : 32;
        if (next < 128 ? next !== 39 : !isApostrophe(next) && wordEnd(text, wordStart, end) === j) {
          wid = this.findAscii(text, wordStart, j, h);
          if (wid < 0) wid = this.post(id, text.slice(wordStart, j).toLowerCase());
          else this.postId(id, wid);
          i = j;
        } else if (isApostrophe(next)) {
          // "Trump’s", "isn't", "O’Neill": ASCII letters and digits with apostrophes between them (2 % of
          // the words of news) are folded as foldWord folds them (lower case, a final "'s" dropped, the
          // apostrophes gone) and looked up without making a string.
          const e = wordEnd(text, wordStart, end);
          let lastApostrophe = -1;
          let k = j;
          for (; k < e; k++) {
            const d = text.charCodeAt(k);
            if (isApostrophe(d)) lastApostrophe = k;
            else if (!((d | 32) >= 97 && (d | 32) <= 122) && !(d >= 48 && d <= 57)) break;
          }
          if (k === e && lastApostrophe >= 0) {
            const foldEnd = lastApostrophe === e - 2 && (text.charCodeAt(e - 1) | 32) === 115 ? e - 2 : e;
            let length = j - wordStart;
            for (k = j; k < foldEnd; k++) {
              const d = text.charCodeAt(k);
              if (isApostrophe(d)) continue;
              h = Math.imul(h ^ (d >= 65 && d <= 90 ? d | 32 : d), 0x01000193);
              length++;
            }
            wid = this.findFolded(text, wordStart, foldEnd, length, h);
            if (wid < 0) wid = this.post(id, foldSpan(text, wordStart, e));
            else this.postId(id, wid);
            i = e;
          }
        }
      }
      if (wid < 0) {
        i = wordEnd(text, wordStart, end);
        const folded = foldSpan(text, wordStart, i);
        if (folded.length === 0) continue;
        wid = this.post(id, folded);
      }
      if (pairs) {
        if (prev >= 0) {
          this.pairPostings.add(pairKey(prev, wid), id);
        }
        prev = wid;
      }
    }
  }

  /** The id of the lower-cased ASCII word `text[start, end)` with hash `h`, or -1. */
  private findAscii(text: string, start: number, end: number, h: number): number {
    const table = this.asciiTable;
    const mask = table.length - 1;
    const len = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot];
      if (entry === 0) return -1;
      const word = this.wordList[entry - 1];
      if (word.length !== len) continue;
      let k = 0;
      for (; k < len; k++) {
        const d = text.charCodeAt(start + k);
        if ((d >= 65 && d <= 90 ? d | 32 : d) !== word.charCodeAt(k)) break;
      }
      if (k === len) return entry - 1;
    }
  }

  /** findAscii for `text[start, end)` with its apostrophes skipped (`length` characters without them). */
  private findFolded(text: string, start: number, end: number, length: number, h: number): number {
    const table = this.asciiTable;
    const mask = table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot];
      if (entry === 0) return -1;
      const word = this.wordList[entry - 1];
      if (word.length !== length) continue;
      let k = 0;
      for (let t = start; t < end; t++) {
        const d = text.charCodeAt(t);
        if (isApostrophe(d)) continue;
        if ((d >= 65 && d <= 90 ? d | 32 : d) !== word.charCodeAt(k)) break;
        k++;
      }
      if (k === length) return entry - 1;
    }
  }

  private tableInsert(wid: number): void {
    const word = this.wordList[wid];
    let h = 0x811c9dc5;
    for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), 0x01000193);
    const mask = this.asciiTable.length - 1;
    let slot = h & mask;
    while (this.asciiTable[slot] !== 0) slot = (slot + 1) & mask;
    this.asciiTable[slot] = wid + 1;
  }

  addWords(id: number, list: readonly string[]): void {
    for (const w of list) this.post(id, w);
  }

  private post(id: number, word: string): number {
    let wid = this.wordIds.get(word);
    if (wid === undefined) {
      wid = this.wordList.length;
      this.wordIds.set(word, wid);
      this.wordList.push(word);
      // Keep the table at most half full.
      if (2 * this.wordList.length > this.asciiTable.length) {
        this.asciiTable = new Int32Array(this.asciiTable.length * 2);
        for (let k = 0; k < this.wordList.length; k++) this.tableInsert(k);
      } else this.tableInsert(wid);
      this.postings.addWord();
      if (wid >= this.lastPosted.length) {
        const next = new Int32Array(this.lastPosted.length * 2).fill(-1);
        next.set(this.lastPosted);
        this.lastPosted = next;
      }
      if (this.sortedWords) this.insertSorted(wid);
      if (this.expansionCache.size > 0) this.expansionCache = new Map();
    }
    this.postId(id, wid);
    return wid;
  }

  private postId(id: number, wid: number): void {
    if (this.lastPosted[wid] === id) return;
    this.lastPosted[wid] = id;
    this.postings.push(wid, id);
  }

  private insertSorted(wid: number): void {
    const sorted = this.sortedWords;
    if (!sorted) return;
    // A handful of new words from one re-indexed article: insert in place.
    // Bulk loads drop the sorted list instead and re-sort once when searched.
    if (sorted.length + 64 < this.wordList.length) {
      this.sortedWords = null;
      return;
    }
    const word = this.wordList[wid];
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.wordList[sorted[mid]] < word) lo = mid + 1;
      else hi = mid;
    }
    sorted.splice(lo, 0, wid);
  }

  remove(id: number): void {
    if (id < this.nextId && this.alive[id]) {
      this.alive[id] = 0;
      this.liveCount--;
      this.deadCount++;
      // Postings keep dead ids until there are many (cheap removal); then sweep.
      if (!this.compactionHeld && this.deadCount > 20000 && this.deadCount > this.liveCount / 4) this.compact();
    }
  }

  /**
   * While set, dead ids are kept (an installed snapshot's items wait, dead,
   * until their articles are confirmed unchanged and revived).
   */
  compactionHeld = false;

  /** Sweeps dead ids out when they are many (after a snapshot's start-up, what was never claimed). */
  compactIfSparse(): void {
    if (this.deadCount > 1000 && this.deadCount > this.liveCount / 4) this.compact();
  }

  /** Makes dead items alive again (a snapshot's, once confirmed). */
  revive(from: number, count: number): void {
    for (let id = from; id < from + count && id < this.nextId; id++) {
      if (this.alive[id]) continue;
      this.alive[id] = 1;
      this.liveCount++;
      this.deadCount--;
    }
    if (count > 0 && this.expansionCache.size > 0) this.expansionCache = new Map();
  }

  /** The whole index, for persisting (the log is folded into the table first). */
  snapshot(): WordIndexSnapshot {
    const { start, postings } = this.postings.export();
    return { words: this.wordList, nextId: this.nextId, start, postings, pairs: this.options.pairs ? this.pairPostings.export() : null };
  }

  /**
   * An index holding a snapshot, every item dead until revived (items removed
   * before the snapshot was taken are simply never revived), built in steps:
   * it yields every few tens of thousands of checks, so that an editor can
   * install a large snapshot between its other work. Throws when the snapshot
   * does not hold together (a damaged file): the caller indexes anew.
   */
  static *fromSnapshotSteps(options: { pairs?: boolean; walkBudget?: number }, snap: WordIndexSnapshot): Generator<void, WordIndex> {
    const index = new WordIndex(options);
    const words = snap.words.length;
    const { start, postings, nextId } = snap;
    if (!Number.isInteger(nextId) || nextId < 0) throw new Error('word index: bad sizes');
    // Each word's ids ascending and in range: what search relies on (one pass over them all).
    yield* checkPostings(words, start, postings, nextId);
    if (!!options.pairs !== !!snap.pairs) throw new Error('word index: pairs mismatch');
    if (snap.pairs) yield* index.pairPostings.installSteps(snap.pairs, nextId);
    yield;
    for (let k = 0; k < words; k++) {
      const w = snap.words[k];
      if (typeof w !== 'string' || index.wordIds.has(w)) throw new Error('word index: bad vocabulary');
      index.wordIds.set(w, k);
      index.wordList.push(w);
      if ((k & 0x3fff) === 0x3fff) yield;
    }
    let size = 1 << 12;
    while (size < 2 * words + 2) size *= 2;
    index.asciiTable = new Int32Array(size);
    for (let k = 0; k < words; k++) {
      index.tableInsert(k);
      if ((k & 0x7fff) === 0x7fff) yield;
    }
    index.lastPosted = new Int32Array(Math.max(1024, words)).fill(-1);
    index.postings.install(words, start, postings);
    index.nextId = nextId;
    index.alive = new Uint8Array(Math.max(1024, nextId));
    index.liveCount = 0;
    index.deadCount = nextId;
    return index;
  }

  /**
   * Folds what was indexed since into the search table, and gives back the
   * word pairs' spare room. Worth it after a bulk load (the first search
   * folds otherwise; it leaves the pairs alone, so that a file saved between
   * keystrokes does not copy them back and forth).
   */
  trim(): void {
    const steps = this.trimSteps();
    while (!steps.next().done);
  }

  /** trim() in steps of about a millisecond (PostingStore.foldSteps), for the editor's thread. */
  *trimSteps(): Generator<void, void> {
    yield* this.postings.foldSteps();
    this.expansionCache = new Map();
    yield* this.pairPostings.trimSteps();
  }

  private fold(): void {
    this.postings.fold();
    this.expansionCache = new Map();
  }

  isAlive(id: number): boolean {
    return id < this.nextId && this.alive[id] === 1;
  }

  size(): number {
    return this.liveCount;
  }

  compact(): void {
    const alive = (id: number): boolean => this.alive[id] === 1;
    this.postings.fold(alive);
    this.pairPostings.compact(alive);
    this.deadCount = 0;
    this.expansionCache = new Map();
  }

  /** Approximate bytes held by postings (for the benchmark's memory breakdown). */
  postingBytes(): number {
    return this.postings.bytes() + this.pairPostings.bytes();
  }

  /** Every indexed word (folded), in order of first appearance. */
  vocabulary(): readonly string[] {
    return this.wordList;
  }

  vocabularySize(): number {
    return this.wordList.length;
  }

  /** The first `limit` live ids, in insertion order (the list shown for an empty query). */
  firstIds(limit: number): number[] {
    const out: number[] = [];
    for (let id = 0; id < this.nextId && out.length < limit; id++) if (this.alive[id]) out.push(id);
    return out;
  }

  private ensureSorted(): number[] {
    if (!this.sortedWords) {
      const ids = this.wordList.map((_, i) => i);
      const list = this.wordList;
      ids.sort((a, b) => (list[a] < list[b] ? -1 : list[a] > list[b] ? 1 : 0));
      this.sortedWords = ids;
    }
    return this.sortedWords;
  }

  private prefixWords(prefix: string): number[] {
    const sorted = this.ensureSorted();
    const list = this.wordList;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[sorted[mid]] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < sorted.length && list[sorted[i]].startsWith(prefix); i++) out.push(sorted[i]);
    return out;
  }

  /** Indexed words within edit distance 1 (insert, delete, substitute, transpose) of `w`. */
  private typoWords(w: string): number[] {
    const found = new Set<number>();
    const probe = (v: string): void => {
      const id = this.wordIds.get(v);
      if (id !== undefined) found.add(id);
    };
    for (let i = 0; i < w.length; i++) {
      probe(w.slice(0, i) + w.slice(i + 1));
      if (i + 1 < w.length) probe(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    }
    for (let i = 0; i <= w.length; i++) {
      const head = w.slice(0, i);
      const tail = w.slice(i);
      const rest = w.slice(i + 1);
      for (const c of TYPO_ALPHABET) {
        probe(head + c + tail);
        if (i < w.length && c !== w[i]) probe(head + c + rest);
      }
    }
    const self = this.wordIds.get(w);
    if (self !== undefined) found.delete(self);
    return [...found];
  }

  private expand(w: string, isPrefix: boolean): Expansion[] {
    const expansions: Expansion[] = [];
    const exact = this.wordIds.get(w);
    if (exact !== undefined) expansions.push({ word: exact, weight: 1, list: this.postings.list(exact), tail: this.postings.tail(exact) });
    if (isPrefix) {
      const longer = this.prefixWords(w).filter((id) => id !== exact);
      // Most frequent completions first: they are the likeliest, and word pairs use the first few.
      longer.sort((a, b) => this.postings.count(b) - this.postings.count(a));
      if (longer.length > MAX_PREFIX_EXPANSIONS) longer.length = MAX_PREFIX_EXPANSIONS;
      for (const id of longer) expansions.push({ word: id, weight: 0.9, list: this.postings.list(id), tail: this.postings.tail(id) });
    }
    // A typo is only guessed at in words long enough to carry one; in three
    // letters only when the word is unknown ("teh"), or "the" would match "she".
    if (w.length >= 4 || (w.length === 3 && exact === undefined && !isPrefix)) {
      const have = new Set(expansions.map((e) => e.word));
      const typos = this.typoWords(w).filter((id) => !have.has(id));
      typos.sort((a, b) => this.postings.count(b) - this.postings.count(a));
      for (const id of typos) expansions.push({ word: id, weight: w.length >= 4 ? 0.6 : 0.4, list: this.postings.list(id), tail: this.postings.tail(id) });
    }
    // Best weight first, so an item is credited once per term at its best match.
    return expansions.sort((a, b) => b.weight - a.weight);
  }

  private parseQuery(query: string): QueryTerm[] {
    const folded = words(query);
    // The last word is still being typed unless the query ends in a separator.
    const typing = folded.length > 0 && /[\p{L}\p{N}]$/u.test(query);
    const n = Math.max(this.liveCount, 1);
    const terms: QueryTerm[] = [];
    const byPosition: QueryTerm[] = [];
    const seen = new Map<string, QueryTerm>();
    folded.forEach((w, i) => {
      const isPrefix = typing && i === folded.length - 1;
      const key = (isPrefix ? '>' : '=') + w;
      const known = seen.get(key);
      if (known) {
        byPosition.push(known);
        return;
      }
      let expansions = this.expansionCache.get(key);
      if (!expansions) {
        expansions = this.expand(w, isPrefix);
        if (this.expansionCache.size > 500) this.expansionCache = new Map();
        this.expansionCache.set(key, expansions);
      }
      let cost = 0;
      let df = 0;
      for (const e of expansions) {
        const n = e.list.count + (e.tail ? e.tail.length : 0);
        cost += n;
        if (e.weight === 1) df = n;
      }
      if (df === 0) df = cost;
      const term: QueryTerm = { text: w, expansions, cost, idf: Math.log(1 + n / (1 + df)), isPrefix };
      seen.set(key, term);
      terms.push(term);
      byPosition.push(term);
    });
    if (this.options.pairs) {
      // Each adjacent pair gets its share, so a common pair cannot starve a rare one.
      const share = Math.floor(PAIR_BUDGET / Math.max(1, byPosition.length - 1));
      for (let i = 0; i + 1 < byPosition.length; i++) {
        let pairBudget = Math.max(share, MAX_PAIR_IDS);
        const left = byPosition[i].expansions.slice(0, PAIR_LEFT);
        const right = byPosition[i + 1].expansions.slice(0, PAIR_RIGHT);
        const expansions: Expansion[] = [];
        let cost = 0;
        for (const a of left) {
          for (const b of right) {
            if (pairBudget <= 0) break;
            const list = this.pairPostings.list(pairKey(a.word, b.word), Math.min(MAX_PAIR_IDS, pairBudget));
            if (!list) continue;
            pairBudget -= list.length;
            expansions.push({ word: -1, weight: a.weight * b.weight, list: EMPTY_LIST, tail: list });
            cost += list.length;
          }
        }
        if (expansions.length === 0) continue;
        expansions.sort((a, b) => b.weight - a.weight);
        terms.push({ text: byPosition[i].text + ' ' + byPosition[i + 1].text, expansions, cost, idf: byPosition[i].idf + byPosition[i + 1].idf, isPrefix: false });
      }
    }
    return terms;
  }

  private ensureScratch(): void {
    if (this.scratchScore.length < this.nextId) {
      // An eighth to spare, not double: files saved later add a few ids each, and these are a few MB for an archive.
      const size = Math.max(this.nextId + (this.nextId >> 3), 1024);
      this.scratchScore = new Float64Array(size);
      this.scratchStamp = new Int32Array(size);
      this.termMarks = new Int32Array(size);
      this.stamp = 0;
      this.termMark = 0;
    }
    this.stamp++;
    if (this.stamp === 0x7fffffff) {
      this.scratchStamp.fill(0);
      this.stamp = 1;
    }
    if (this.termMark > 0x7fff0000) {
      this.termMarks.fill(0);
      this.termMark = 0;
    }
  }

  /**
   * Candidate ids for a query, best first, scored by the inverse document
   * frequency of the query words they contain (typo and prefix matches count
   * less). Rare words are walked in full; common ones only checked against
   * the candidates the rare ones found.
   */
  candidates(query: string, limit: number): ScoredId[] {
    if (this.postings.needsFold()) this.fold();
    const terms = this.parseQuery(query).filter((t) => t.expansions.length > 0);
    if (terms.length === 0) return [];
    this.ensureScratch();
    const stamp = this.stamp;
    const score = this.scratchScore;
    const stamps = this.scratchStamp;
    let touched = this.touched;
    let touchedCount = 0;
    const order = [...terms].sort((a, b) => a.cost - b.cost);
    const cursor = this.cursor;
    const buf = this.walkChunk;
    let walked = 0;
    const unwalked: QueryTerm[] = [];
    for (const term of order) {
      if (walked > 0 && walked + term.cost > this.walkBudget) {
        unwalked.push(term);
        continue;
      }
      // Expansions best weight first, so an item is credited once per term at its best match.
      const mark = ++this.termMark;
      const marks = this.termMarks;
      // A lone short prefix ("t") matches nearly everything: a sample is as good as all.
      const firstBudget = terms.length === 1 && term.isPrefix && term.text.length <= 2 ? SHORT_PREFIX_BUDGET : this.walkBudget;
      let budgetLeft = walked === 0 && term.cost > firstBudget ? firstBudget : Infinity;
      for (const e of term.expansions) {
        const add = term.idf * e.weight;
        cursor.open(e.list);
        // The folded list a chunk at a time, then the tail.
        for (let tailDone = false; budgetLeft > 0; ) {
          let ids: ArrayLike<number>;
          let len: number;
          if (cursor.left > 0) {
            ids = buf;
            len = cursor.fill(buf, budgetLeft);
          } else if (!tailDone && e.tail) {
            ids = e.tail;
            len = ids.length;
            tailDone = true;
          } else break;
          for (let k = 0; k < len && budgetLeft > 0; k++, budgetLeft--) {
            const id = ids[k];
            if (!this.alive[id] || marks[id] === mark) continue;
            marks[id] = mark;
            if (stamps[id] !== stamp) {
              stamps[id] = stamp;
              score[id] = 0;
              if (touchedCount === touched.length) {
                const grown = new Int32Array(2 * touched.length);
                grown.set(touched);
                this.touched = touched = grown;
              }
              touched[touchedCount++] = id;
            }
            score[id] += add;
          }
        }
      }
      walked += Math.min(term.cost, this.walkBudget);
    }
    // Keep the best few times `limit` before checking the common words.
    const pool = selectTop(touched.subarray(0, touchedCount), score, unwalked.length > 0 ? limit * 4 : limit);
    if (unwalked.length > 0) {
      for (const term of unwalked) {
        const checks = term.expansions.length <= 16 ? term.expansions : null;
        for (const id of pool) {
          if (checks) {
            for (const e of checks) {
              if (e.list.includes(id) || (e.tail !== null && sortedIncludes(e.tail, e.tail.length, id))) {
                score[id] += term.idf * e.weight;
                break;
              }
            }
          } else {
            // Many expansions (a short prefix): a small bonus for any of them is not worth
            // thousands of binary searches; the fuzzy ranking sees the prefix anyway.
            score[id] += term.idf * 0.5;
          }
        }
      }
    }
    return selectTop(pool, score, limit).map((id) => ({ id, score: score[id] }));
  }
}

/** The `k` ids with the highest scores, best first (ties: lower id first). */
function selectTop(ids: ArrayLike<number>, score: Float64Array, k: number): number[] {
  if (ids.length <= k) return Array.from(ids).sort((a, b) => score[b] - score[a] || a - b);
  const top = new TopK(k, score);
  for (let i = 0; i < ids.length; i++) top.offer(ids[i]);
  return top.sorted();
}

/**
 * The full search: candidates from the index, ranked by fuse.js, with items
 * containing the query as an exact phrase first (a reporter pasting a
 * fragment wants that quote, not a fuzzier near-miss).
 */
export function searchIndex(
  index: WordIndex,
  query: string,
  fields: (id: number) => RankFields,
  options: SearchOptions,
): ScoredId[] {
  const limit = Math.max(0, options.limit);
  if (query.trim() === '' || limit === 0) return index.firstIds(limit).map((id) => ({ id, score: 0 }));
  const pool = index.candidates(query, options.candidates ?? DEFAULT_CANDIDATES);
  if (pool.length === 0) return [];
  const foldedQuery = foldText(query);
  const docs: FuseDoc[] = pool.slice(0, options.fusePool ?? FUSE_POOL).map(({ id }) => {
    const f = fields(id);
    return { id, text: f.text, all: f.context ? f.text + ' ' + f.context : f.text };
  });
  const fuse = new Fuse(docs, FUSE_OPTIONS);
  // Extended search ANDs space-separated words, each matched fuzzily.
  const results = foldedQuery ? fuse.search(foldedQuery) : [];
  const poolScore = new Map(pool.map((c) => [c.id, c.score]));
  const maxPool = pool[0].score || 1;
  const ranked = results.map((r) => {
    const d = r.item;
    const phrase = (' ' + d.all).includes(' ' + foldedQuery);
    const fuzzy = 1 - Math.min(1, r.score ?? 1);
    return { id: d.id, phrase, fuzzy, pool: (poolScore.get(d.id) ?? 0) / maxPool };
  });
  // fuse.js judges the spelling; the index's score knows which words are rare and which come in order.
  const blended = (r: { fuzzy: number; pool: number }): number => 0.5 * r.fuzzy + 0.5 * r.pool;
  ranked.sort((a, b) => Number(b.phrase) - Number(a.phrase) || blended(b) - blended(a) || a.id - b.id);
  const out: ScoredId[] = ranked.map((r) => ({ id: r.id, score: round3((r.phrase ? 0.5 : 0) + 0.5 * blended(r)) }));
  // Candidates fuse.js rejected (several typos) still beat nothing, after the rest.
  if (out.length < limit) {
    const have = new Set(out.map((r) => r.id));
    for (const c of pool) {
      if (out.length >= limit) break;
      if (!have.has(c.id)) out.push({ id: c.id, score: round3(0.1 * (c.score / maxPool)) });
    }
  }
  return out.slice(0, limit);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
