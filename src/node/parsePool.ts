// Parses articles on worker threads, so that reading a large folder (or one
// very large file) never holds the calling thread for long: the extension
// host stays responsive and the parsing of many files uses every core.
//
// Node only (worker_threads), no editor dependency: the extension and the
// benchmark share it. When workers cannot start, or one fails, the caller
// falls back to parsing on its own thread.
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { restoreArticle, type CachedArticle, type FileStamp } from '../core/cache';
import type { PackedText } from '../core/packedText';
import type { Article } from '../core/types';

export interface ParseRequest {
  id: number;
  path: string;
  /** The file's size and modification time; null: the worker stats the local file itself. */
  stamp: FileStamp | null;
  /** When the file (stat by the worker) still has this stamp, it is sent back unparsed (see readLocal). */
  cached: FileStamp | null;
  /** The file's bytes; null: the worker reads the local file at `path` itself. */
  bytes: Uint8Array | null;
  /** A file read by the worker that has grown past this is refused. */
  maxBytes: number;
}

export type ParseReply =
  | { id: number; ok: true; body: PackedText; stamp: FileStamp; entry: CachedArticle; fingerprint: string }
  /** Unchanged since the request's `cached` stamp: not parsed. */
  | { id: number; ok: true; body: PackedText; stamp: FileStamp; entry: null; fingerprint: null }
  | { id: number; ok: false; reason: FailReason; error: string; size?: number };

/** read: the worker could not read the file (gone, not a regular file); size: larger than allowed (`size` says how large); decode: not a text file; parse: the reader failed on it. */
export type FailReason = 'read' | 'size' | 'decode' | 'parse';

/** `fingerprint` is the article's, for SourceIndex.setArticle (taken on the worker, it spares the caller's thread). */
export type ParseOutcome = { ok: true; article: Article; fingerprint: string; stamp: FileStamp } | ParseFailure;

export type ParseFailure = { ok: false; reason: FailReason; error: string; size?: number };

/** What readLocal gives: the article parsed, or (unchanged since the cached stamp) only its text, packed (packedText.ts); with the stamp the worker saw. */
export type ReadOutcome = ParseOutcome | { ok: true; article: null; body: PackedText; stamp: FileStamp };

/**
 * Workers for this machine: one core is left to the calling thread (the
 * editor, which also indexes what the workers parse), at most four (beyond
 * that the calling thread's share of the work limits). On 2 cores, 1 worker
 * indexed 10,000 articles in 8.8 s and 2 workers in 9.4 s on a quiet machine
 * (10.8 s and 15.5 s under load): the threads fought for the cores.
 */
export function defaultPoolSize(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores - 1));
}

interface Slot {
  worker: Worker;
  busy: number;
  /** Requests made in this turn of the event loop, sent together when it ends (see send). */
  outbox: ParseRequest[];
}

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { resolve: (o: ReadOutcome) => void; reject: (e: Error) => void; slot: Slot; stamp: FileStamp | null }>();
  private nextId = 1;
  private failed: Error | null = null;

  /** `script` is the compiled parseWorker.js. Throws when no worker can start. */
  constructor(script: string, size = defaultPoolSize()) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      // Idle workers must not keep a command-line process or a test alive.
      worker.unref();
      const slot: Slot = { worker, busy: 0, outbox: [] };
      worker.on('message', (replies: ParseReply[]) => {
        for (const reply of replies) this.settle(reply);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`parse worker exited with code ${code}`));
      });
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Whether a worker failed (or the pool was disposed): later calls reject at once. */
  get broken(): boolean {
    return this.failed !== null;
  }

  /**
   * Decodes and parses one file on the least busy worker: its bytes, or with
   * `bytes` null the local file at `path`, read by the worker (the calling
   * thread then does no file work at all). Rejects only when the pool itself
   * broke (the caller then parses on its own thread); a file that cannot be
   * read as an article resolves with ok: false.
   */
  parse(path: string, stamp: FileStamp, bytes: Uint8Array | null, maxBytes = Number.MAX_SAFE_INTEGER): Promise<ParseOutcome> {
    return this.send(path, stamp, null, bytes, maxBytes) as Promise<ParseOutcome>;
  }

  /**
   * Reads the local file at `path` on a worker, which also stats it (a
   * regular file of at most `maxBytes`): when it still has the `cached` stamp
   * (size and modification time), only its text comes back, for the caller to
   * restore from its cache; otherwise it is parsed as by parse(). The calling
   * thread does no file work: at a start from the cache, the stats and reads
   * of thousands of unchanged files were most of its time that was not the
   * index's.
   */
  readLocal(path: string, maxBytes: number, cached: FileStamp | null): Promise<ReadOutcome> {
    return this.send(path, null, cached, null, maxBytes);
  }

  private send(path: string, stamp: FileStamp | null, cached: FileStamp | null, bytes: Uint8Array | null, maxBytes: number): Promise<ReadOutcome> {
    if (this.failed) return Promise.reject(this.failed);
    let slot = this.slots[0];
    for (const s of this.slots) if (s.busy < slot.busy) slot = s;
    const id = this.nextId++;
    slot.busy++;
    return new Promise<ReadOutcome>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, slot, stamp });
      if (this.waiting.size === 1) for (const s of this.slots) s.worker.ref();
      const req: ParseRequest = { id, path, stamp, cached, bytes, maxBytes };
      // One message per turn and worker, not one per file: at a start from the
      // cache, ten thousand requests cost the calling thread about 0.3 s of
      // messaging (CPU profile), and the worker answers a group in one message.
      if (slot.outbox.push(req) === 1) {
        queueMicrotask(() => {
          const requests = slot.outbox;
          slot.outbox = [];
          if (this.failed) return;
          slot.worker.postMessage(requests);
        });
      }
    });
  }

  private settle(reply: ParseReply): void {
    const job = this.waiting.get(reply.id);
    if (!job) return;
    this.finish(reply.id, job.slot);
    if (!reply.ok) {
      job.resolve(reply.size === undefined ? { ok: false, reason: reply.reason, error: reply.error } : { ok: false, reason: reply.reason, error: reply.error, size: reply.size });
      return;
    }
    // A stamp the caller gave stands; one the worker took is what it read.
    const stamp = job.stamp ?? reply.stamp;
    if (reply.entry === null) {
      job.resolve({ ok: true, article: null, body: reply.body, stamp });
      return;
    }
    // Checked like any cache entry: spans inside the text, the file unchanged.
    const article = restoreArticle(reply.entry, stamp, reply.body);
    if (!article) job.resolve({ ok: false, reason: 'parse', error: 'the parse worker returned an inconsistent reading' });
    else job.resolve({ ok: true, article, fingerprint: reply.fingerprint, stamp });
  }

  private finish(id: number, slot: Slot): void {
    this.waiting.delete(id);
    slot.busy--;
    if (this.waiting.size === 0) for (const s of this.slots) s.worker.unref();
  }

  /** One broken worker breaks the pool: its jobs and every later one go back to the caller. */
  private fail(error: Error): void {
    this.failed ??= error;
    for (const [id, job] of [...this.waiting]) {
      this.finish(id, job.slot);
      job.reject(error);
    }
  }

  async dispose(): Promise<void> {
    this.failed ??= new Error('parse pool disposed');
    for (const [id, job] of [...this.waiting]) {
      this.finish(id, job.slot);
      job.reject(this.failed);
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
