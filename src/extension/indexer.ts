// Owns the index of source articles: finds them (the shipped seeds and the
// workspace files matching `sourcebook.sources`), reads them in the
// background in small batches, keeps them current through file watchers, and
// tells the features when the index changed.
import * as fs from 'fs';
import { promises as fsp } from 'fs';
import * as vscode from 'vscode';
import { decodeSource } from '../core/decode';
import { parseArticle } from '../node/articleReader';
import type { ParseFailure, ParsePool } from '../node/parsePool';
import { SourceIndex, type IndexSnapshot } from '../core/sourceIndex';
import { unpackText, type PackedText } from '../core/packedText';
import type { Article } from '../core/types';
import { readConfig } from './config';
import { NameMatcher } from './names';

/** Work between two yields to the event loop, so the editor never waits. */
const BATCH_BUDGET_MS = 25;
const SOURCE_EXTENSIONS = /\.(txt|md)$/i;
const EXCLUDE = '**/{node_modules,.git}/**';
/** While a large folder is read, features refresh at most this often. */
const CHANGE_COALESCE_MS = 250;
/** The parsed-article cache is written this long after the last change. */
const CACHE_SAVE_DELAY_MS = 2000;
/** Files read ahead of the one being indexed (their parsing runs on worker threads meanwhile). */
const READ_AHEAD = 32;
/** Files read ahead while the saved index is read and installed at start-up (their texts wait in memory, about 5 KB each). */
const SNAPSHOT_READ_AHEAD = 2048;
/** Below this many files to parse (and this size), starting worker threads costs more than it saves. */
const POOL_MIN_FILES = 8;
const POOL_MIN_BYTES = 256 * 1024;

/** A file read (and parsed, or found unreadable) and ready to enter the index. */
type Prepared =
  /** fingerprint: the article's, when a parse worker took it (see SourceIndex.setArticle). */
  | { kind: 'article'; article: Article; fingerprint?: string; stamp: FileStamp; fromCache: boolean; mainThreadMs: number }
  | { kind: 'skip'; reason: string }
  | { kind: 'missing' };

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/**
 * Parsed articles kept between sessions, so a restart skips parsing files
 * that did not change. A cached reading is used only for the very same file.
 */
export interface ArticleCacheStore {
  load(): Promise<void>;
  /** Whether there is an entry for the file as it is now (restore() still checks it in full). */
  isFresh(path: string, stamp: FileStamp): boolean;
  /** The size and modification time the file had when its entry was made, or null: no entry. */
  cachedStamp(path: string): FileStamp | null;
  restore(path: string, stamp: FileStamp, text: string | PackedText): Article | null;
  /** Reads the index snapshot saved with the articles, once after each load() (null: none, or unreadable); its arrays then belong to the caller. */
  loadSnapshot(): Promise<IndexSnapshot | null>;
  save(entries: { article: Article; stamp: FileStamp }[], snapshot?: IndexSnapshot): Promise<void>;
}

export interface IndexProgress {
  indexing: boolean;
  done: number;
  total: number;
}

interface SourceFile {
  uri: vscode.Uri;
  /** Article.path: the file system path for local files. */
  path: string;
  seed: boolean;
  article: Article;
  stamp: FileStamp;
}

/*
 * Local files are read with Node directly. vscode.workspace.fs goes through
 * the workbench (in a remote or browser setup, two round trips per file),
 * which made reading a thousand sources take a minute. With the callback
 * API, not fs.promises: a promise-based read opens a FileHandle per file, and
 * 10,000 stats and reads of news articles took 940 ms where the callbacks
 * took 630 (synchronous reads: 260, but they would hold the editor).
 */
function statLocal(fsPath: string): Promise<fs.Stats> {
  return new Promise((resolve, reject) => fs.stat(fsPath, (error, stat) => (error ? reject(error) : resolve(stat))));
}

function readLocal(fsPath: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => fs.readFile(fsPath, (error, bytes) => (error ? reject(error) : resolve(bytes))));
}

async function statFile(uri: vscode.Uri): Promise<{ size: number; mtime: number }> {
  if (uri.scheme !== 'file') return vscode.workspace.fs.stat(uri);
  const stat = await statLocal(uri.fsPath);
  // Reading a named pipe (or a device) called like a source would wait forever and stall the index.
  if (!stat.isFile()) throw new Error('not a regular file');
  return { size: stat.size, mtime: stat.mtimeMs };
}

async function readFile(uri: vscode.Uri): Promise<Uint8Array> {
  return uri.scheme === 'file' ? readLocal(uri.fsPath) : vscode.workspace.fs.readFile(uri);
}

export function articlePath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class SourceIndexer implements vscode.Disposable {
  /** Everything the features ask about the sources; updated one file at a time. */
  readonly index = new SourceIndex();
  /** Indexed files by URI string. */
  private readonly sources = new Map<string, SourceFile>();
  private readonly byPath = new Map<string, SourceFile>();
  private matcher: { version: number; names: NameMatcher } | undefined;
  /** Files waiting to be (re)read, by URI string. */
  private readonly pending = new Map<string, { uri: vscode.Uri; seed: boolean }>();
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private doneInRun = 0;
  private readonly progressEmitter = new vscode.EventEmitter<IndexProgress>();
  /** Bumped on every change of the indexed sources. */
  private changeCount = 0;
  private draining: Promise<void> | undefined;
  /** Bumped by each full scan, so an outdated scan stops adding files. */
  private generation = 0;
  private scanning: Promise<void> | undefined;
  private progress: IndexProgress = { indexing: false, done: 0, total: 0 };
  private started = false;

  /**
   * Fires when the indexed sources changed (coalesced: at most every
   * CHANGE_COALESCE_MS while indexing, at once when a batch of work ends).
   * Listeners read `index` again.
   */
  readonly onDidChange = this.changeEmitter.event;
  readonly onDidChangeProgress = this.progressEmitter.event;

  private cacheLoaded = false;
  /** Rebuild Index means "read everything again": the cache is not trusted until it is done. */
  private bypassCache = false;
  private cacheSaveTimer: ReturnType<typeof setTimeout> | undefined;
  private cacheHits = 0;
  private longestStep = { ms: 0, label: '' };
  /** Bumped when a file is dropped, so a reading of it still in flight is not indexed after. */
  private readonly epochs = new Map<string, number>();
  private pool: ParsePool | undefined;
  private poolBroken = false;
  private workerParses = 0;
  private snapshotClaims = 0;
  private lastRunStats = { read: 0, skipped: 0, fromCache: 0, fromSnapshot: 0, onWorkers: 0 };

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    /** Parsed articles from the previous session; none: every file is parsed. */
    private readonly cache?: ArticleCacheStore,
    /** Starts worker threads that parse; none (or a failure): files are parsed on this thread. */
    private readonly createPool?: () => ParsePool,
  ) {
    this.disposables.push(
      this.changeEmitter,
      this.progressEmitter,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sourcebook.sources') || e.affectsConfiguration('sourcebook.includeSeeds') || e.affectsConfiguration('sourcebook.maxFileSizeMB')) {
          this.log.info('Source settings changed: looking for sources again.');
          this.resetWatchers();
          void this.scan(false);
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.log.info('Workspace folders changed: looking for sources again.');
        this.resetWatchers();
        void this.scan(false);
      }),
    );
  }

  /** Starts watching and indexing; returns at once, the work runs in the background. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.resetWatchers();
    void this.scan(false);
  }

  /** Forgets everything and reads every source again. */
  async rebuild(): Promise<void> {
    this.started = true;
    this.resetWatchers();
    this.bypassCache = true;
    try {
      await this.scan(true);
    } finally {
      this.bypassCache = false;
    }
  }

  /** What the last batch of reading did (also in the log): for tests and diagnostics. */
  get lastRun(): { read: number; skipped: number; fromCache: number; fromSnapshot: number; onWorkers: number } {
    return this.lastRunStats;
  }

  get currentProgress(): IndexProgress {
    return this.progress;
  }

  /** Changes whenever the indexed sources change; results computed from the index can be keyed by it. */
  get version(): number {
    return this.changeCount;
  }

  /** The names of the sources' people, for matching in drafts (rebuilt after a change). */
  names(): NameMatcher {
    if (!this.matcher || this.matcher.version !== this.changeCount) this.matcher = { version: this.changeCount, names: new NameMatcher(this.index) };
    return this.matcher.names;
  }

  /** Whether the sources have been looked for at least once (else "no quotes" means "not yet"). */
  get ready(): boolean {
    return this.started && !this.scanning && !this.draining;
  }

  /** Resolves once no scan or read is outstanding. */
  async whenIdle(): Promise<void> {
    for (;;) {
      const work = this.scanning ?? this.draining;
      if (!work) return;
      await work;
    }
  }

  uriOf(path: string): vscode.Uri {
    return this.byPath.get(path)?.uri ?? (/^[a-z][\w+.-]+:\/\//i.test(path) ? vscode.Uri.parse(path) : vscode.Uri.file(path));
  }

  isIndexed(path: string): boolean {
    return this.byPath.has(path);
  }

  /** How a source is named to the user: its workspace-relative path, or "seed NAME". */
  fileLabel(path: string): string {
    const source = this.byPath.get(path);
    if (!source) return SourceIndex.fileLabel(path);
    if (source.seed) return `seed ${SourceIndex.fileLabel(source.uri.path)}`;
    return vscode.workspace.asRelativePath(source.uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  private resetWatchers(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const config = readConfig();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const pattern of config.sources) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern));
        watcher.onDidCreate((uri) => this.enqueue(uri, false, 'created'));
        watcher.onDidChange((uri) => this.enqueue(uri, false, 'changed'));
        watcher.onDidDelete((uri) => this.remove(uri));
        this.watchers.push(watcher);
      }
    }
  }

  private enqueue(uri: vscode.Uri, seed: boolean, why?: string): void {
    if (!SOURCE_EXTENSIONS.test(uri.path) || /\/(node_modules|\.git)\//.test(uri.path)) return;
    if (why) this.log.debug(`${vscode.workspace.asRelativePath(uri)} ${why}: re-indexing it.`);
    this.pending.set(uri.toString(), { uri, seed });
    this.drain();
  }

  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    this.pending.delete(key);
    if (this.forget(key)) {
      this.log.info(`${vscode.workspace.asRelativePath(uri)} deleted: removed from the index.`);
      this.changed(true);
    }
  }

  private async scan(forget: boolean): Promise<void> {
    const generation = ++this.generation;
    const run = (async () => {
      const started = performance.now();
      const found = await this.discover();
      if (generation !== this.generation) return;
      let removed = 0;
      // Sources that no longer match the settings leave the index (all of them on a rebuild).
      for (const key of [...this.sources.keys()]) {
        if (forget || !found.has(key)) {
          this.forget(key);
          if (!forget) removed++;
        }
      }
      if (removed > 0 || forget) this.changed(true);
      let queued = 0;
      for (const [key, entry] of found) {
        if (!this.sources.has(key)) {
          this.pending.set(key, entry);
          queued++;
        }
      }
      this.log.info(`Found ${found.size} source file(s) in ${Math.round(performance.now() - started)} ms; ${queued} to read, ${removed} no longer matching.`);
      this.drain();
      await this.draining;
    })();
    this.scanning = run;
    try {
      await run;
    } finally {
      if (this.scanning === run) this.scanning = undefined;
    }
  }

  private async discover(): Promise<Map<string, { uri: vscode.Uri; seed: boolean }>> {
    const config = readConfig();
    const found = new Map<string, { uri: vscode.Uri; seed: boolean }>();
    if (config.includeSeeds) {
      for (const uri of await this.listSeeds(vscode.Uri.joinPath(this.extensionUri, 'seeds'))) found.set(uri.toString(), { uri, seed: true });
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const pattern of config.sources) {
        try {
          const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern), EXCLUDE);
          for (const uri of uris) {
            if (SOURCE_EXTENSIONS.test(uri.path) && !found.has(uri.toString())) found.set(uri.toString(), { uri, seed: false });
          }
        } catch (error) {
          this.log.warn(`Could not search ${folder.name} for "${pattern}": ${describeError(error)}`);
        }
      }
    }
    return found;
  }

  private async listSeeds(dir: vscode.Uri): Promise<vscode.Uri[]> {
    let entries: [string, vscode.FileType][];
    try {
      entries =
        dir.scheme === 'file'
          ? (await fsp.readdir(dir.fsPath, { withFileTypes: true })).map((d): [string, vscode.FileType] => [d.name, d.isDirectory() ? vscode.FileType.Directory : vscode.FileType.File])
          : await vscode.workspace.fs.readDirectory(dir);
    } catch (error) {
      this.log.warn(`No seed articles: cannot list ${dir.fsPath} (${describeError(error)}).`);
      return [];
    }
    const uris: vscode.Uri[] = [];
    for (const [name, type] of entries.sort((a, b) => a[0].localeCompare(b[0]))) {
      const child = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) uris.push(...(await this.listSeeds(child)));
      else if (SOURCE_EXTENSIONS.test(name)) uris.push(child);
    }
    return uris;
  }

  private drain(): void {
    if (this.draining || this.pending.size === 0) return;
    this.doneInRun = 0;
    this.reportProgress(true);
    this.draining = (async () => {
      try {
        await this.readPending();
      } finally {
        this.draining = undefined;
      }
      // Files that came while its last steps gave the editor its turn (the final fold).
      if (this.pending.size > 0) this.drain();
    })();
  }

  private async loadCache(): Promise<void> {
    if (this.cacheLoaded || !this.cache) return;
    this.cacheLoaded = true;
    try {
      await this.cache.load();
    } catch (error) {
      this.log.warn(`The article cache could not be read; every file is parsed (${describeError(error)}).`);
    }
  }

  private scheduleCacheSave(): void {
    if (!this.cache) return;
    if (this.cacheSaveTimer) clearTimeout(this.cacheSaveTimer);
    this.cacheSaveTimer = setTimeout(() => void this.saveCache(), CACHE_SAVE_DELAY_MS);
  }

  private async saveCache(): Promise<void> {
    this.cacheSaveTimer = undefined;
    try {
      await this.cache?.save(
        [...this.sources.values()].map(({ article, stamp }) => ({ article, stamp })),
        this.index.snapshot(),
      );
    } catch (error) {
      this.log.warn(`Could not save the article cache: ${describeError(error)}`);
    }
  }

  private async readPending(): Promise<void> {
    // A folder's worth of files: the worker threads start now, so that they are
    // ready (about 0.1 s) by the time the cache and the saved index are read.
    if (this.pending.size >= POOL_MIN_FILES) this.parsePool();
    await this.loadCache();
    const started = performance.now();
    this.snapshotClaims = 0;
    this.cacheHits = 0;
    this.longestStep = { ms: 0, label: '' };
    let read = 0;
    let skipped = 0;
    let changedSinceFire = false;
    this.workerParses = 0;
    // Files are read ahead and parsed meanwhile, but enter the index in order, one at a time.
    const inFlight: { key: string; uri: vscode.Uri; seed: boolean; epoch: number; job: Promise<Prepared> }[] = [];
    const readAhead = (upTo = READ_AHEAD): void => {
      // Refilled by halves: the requests of one turn go to the worker as one message.
      if (inFlight.length > upTo / 2) return;
      while (inFlight.length < upTo && this.pending.size > 0) {
        const [key, entry] = this.pending.entries().next().value as [string, { uri: vscode.Uri; seed: boolean }];
        this.pending.delete(key);
        // Worker threads pay off for a folder's worth of files, not for one saved file.
        const usePool = this.pending.size + inFlight.length + 1 >= POOL_MIN_FILES;
        inFlight.push({ key, uri: entry.uri, seed: entry.seed, epoch: this.epochs.get(key) ?? 0, job: this.prepare(entry.uri, usePool) });
      }
    };
    // At start-up, the search structures saved last time: unchanged files then skip indexing too.
    let claiming = false;
    if (this.cache && this.index.stats().sources === 0 && !this.bypassCache) {
      // The worker reads files while this thread reads and installs the snapshot (it had waited
      // for those reads afterwards); nothing enters the index before the snapshot is in.
      readAhead(SNAPSHOT_READ_AHEAD);
      try {
        const snapshot = await this.cache.loadSnapshot();
        if (snapshot) {
          // In slices: a large snapshot takes a few hundred milliseconds to check and install.
          const steps = this.index.restoreSnapshotSteps(snapshot);
          let sliceStart = performance.now();
          while (!steps.next().done) {
            if (performance.now() - sliceStart >= BATCH_BUDGET_MS) {
              await yieldToEventLoop();
              sliceStart = performance.now();
            }
          }
          claiming = true;
        }
      } catch (error) {
        this.log.warn(`The saved index could not be used; indexing every file (${describeError(error)}).`);
      }
    }
    let sliceStart = performance.now();
    try {
      readAhead();
      while (inFlight.length > 0) {
        const next = inFlight.shift() as (typeof inFlight)[number];
        const prepared = await next.job;
        readAhead();
        // Dropped (deleted, or no longer a source) while it was being read.
        if ((this.epochs.get(next.key) ?? 0) !== next.epoch) {
          this.doneInRun++;
          continue;
        }
        const outcome = this.commit(next.key, next.uri, next.seed, prepared);
        if (outcome === 'indexed' || outcome === 'removed') {
          changedSinceFire = true;
          if (outcome === 'indexed') read++;
        } else skipped++;
        this.doneInRun++;
        if (performance.now() - sliceStart >= BATCH_BUDGET_MS) {
          // Let the features see what is ready, then give the editor its turn.
          if (changedSinceFire) this.changed(false);
          changedSinceFire = false;
          this.reportProgress(true);
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
      }
    } finally {
      if (claiming) this.index.releaseClaims();
      // Idle workers would only hold memory; a later folder's worth starts new ones.
      const pool = this.pool;
      this.pool = undefined;
      void pool?.dispose();
    }
    // A bulk load leaves the word index's new entries unsorted; fold them now rather
    // than in the reporter's first search, in steps (for 10,000 files the folds took
    // about 250 ms at once), giving the editor its turn between slices.
    if (read > 1) {
      const steps = this.index.optimizeSteps();
      let sliceStart = performance.now();
      for (;;) {
        const began = performance.now();
        if (steps.next().done) break;
        const took = performance.now() - began;
        if (took > this.longestStep.ms) this.longestStep = { ms: took, label: 'one step of folding the word index' };
        if (performance.now() - sliceStart >= BATCH_BUDGET_MS) {
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
      }
    }
    // Progress first: listeners told of the last change see that indexing is over.
    this.reportProgress(false);
    if (changedSinceFire) this.changed(true);
    if (read + skipped > 0) {
      this.lastRunStats = { read, skipped, fromCache: this.cacheHits, fromSnapshot: this.snapshotClaims, onWorkers: this.workerParses };
      const stats = this.index.stats();
      this.log.info(
        `Indexed ${read} file(s) (${this.cacheHits} from the cache, ${this.snapshotClaims} with saved index entries, ${this.workerParses} parsed on worker threads), skipped ${skipped}, in ${Math.round(performance.now() - started)} ms` +
          `${read > 0 ? ` (longest step on the editor's thread ${Math.round(this.longestStep.ms)} ms: ${this.longestStep.label})` : ''}: ${stats.sources} sources, ${stats.quotes} quotes, ${stats.people} people.`,
      );
      this.scheduleCacheSave();
    }
  }

  /** The worker threads, started on first need; undefined when they cannot run here. */
  private parsePool(): ParsePool | undefined {
    if (this.pool || this.poolBroken || !this.createPool) return this.pool;
    try {
      this.pool = this.createPool();
    } catch (error) {
      this.poolBroken = true;
      this.log.warn(`Parsing on the editor's thread: worker threads could not start (${describeError(error)}).`);
    }
    return this.pool;
  }

  /** Reads one file and parses it (on a worker when there is a pool), without touching the index. */
  private async prepare(uri: vscode.Uri, usePool: boolean): Promise<Prepared> {
    const limitMB = readConfig().maxFileSizeMB;
    const limit = limitMB * 1024 * 1024;
    // Larger files are not articles (logs, dumps) and would take long to parse.
    const tooBig = (size: number): Prepared => ({ kind: 'skip', reason: `larger than ${limitMB} MB (${(size / 1024 / 1024).toFixed(1)} MB; setting sourcebook.maxFileSizeMB)` });
    const failed = (error: unknown): Prepared =>
      (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') || (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? { kind: 'missing' }
        : { kind: 'skip', reason: `cannot be read (${describeError(error)})` };
    const path = articlePath(uri);
    const cached = this.bypassCache ? undefined : this.cache;
    // A folder's worth of local files: a worker stats and reads each one, and parses it unless the cache has it.
    const localPool = usePool && uri.scheme === 'file' ? this.parsePool() : undefined;
    if (localPool) {
      try {
        const read = await localPool.readLocal(path, limit, cached?.cachedStamp(path) ?? null);
        if (!read.ok) return read.reason === 'size' && read.size !== undefined ? tooBig(read.size) : this.workerFailure(read);
        if (read.article) {
          this.workerParses++;
          return { kind: 'article', article: read.article, fingerprint: read.fingerprint, stamp: read.stamp, fromCache: false, mainThreadMs: 0 };
        }
        const began = performance.now();
        try {
          const restored = cached?.restore(path, read.stamp, read.body) ?? null;
          // An entry that does not fit after all (damaged): parsed here, as without a pool.
          const article = restored ?? parseArticle(path, unpackText(read.body));
          return { kind: 'article', article, stamp: read.stamp, fromCache: restored !== null, mainThreadMs: performance.now() - began };
        } catch (error) {
          return { kind: 'skip', reason: `could not be read as an article (${describeError(error)})` };
        }
      } catch (error) {
        if (!localPool.broken) return failed(error);
        this.poolFailed(error);
      }
    }
    let stamp: FileStamp;
    try {
      const stat = await statFile(uri);
      if (stat.size > limit) return tooBig(stat.size);
      stamp = { size: stat.size, mtimeMs: stat.mtime };
    } catch (error) {
      return failed(error);
    }
    // A file of several megabytes goes to a worker even alone: parsing it here would hold the editor.
    const pool = !cached?.isFresh(path, stamp) && (usePool || stamp.size >= POOL_MIN_BYTES) ? this.parsePool() : undefined;
    if (pool) {
      try {
        // A local file is read by the worker too; other schemes only through the editor's file system.
        const bytes = uri.scheme === 'file' ? null : await readFile(uri);
        if (bytes && bytes.length > limit) return tooBig(bytes.length);
        const parsed = await pool.parse(path, stamp, bytes, limit);
        if (parsed.ok) {
          this.workerParses++;
          return { kind: 'article', article: parsed.article, fingerprint: parsed.fingerprint, stamp, fromCache: false, mainThreadMs: 0 };
        }
        return this.workerFailure(parsed);
      } catch (error) {
        if (!pool.broken) return failed(error);
        this.poolFailed(error);
      }
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(uri);
      // It may have grown since the stat.
      if (bytes.length > limit) return tooBig(bytes.length);
    } catch (error) {
      return failed(error);
    }
    const began = performance.now();
    const decoded = decodeSource(bytes);
    if ('error' in decoded) return { kind: 'skip', reason: decoded.error };
    try {
      // The cached reading is used only for the very same file (size, mtime, length).
      const restored = cached?.restore(path, stamp, decoded.text) ?? null;
      const article = restored ?? parseArticle(path, decoded.text);
      return { kind: 'article', article, stamp, fromCache: restored !== null, mainThreadMs: performance.now() - began };
    } catch (error) {
      return { kind: 'skip', reason: `could not be read as an article (${describeError(error)})` };
    }
  }

  /** Why a worker could not give an article, as the log says it. */
  private workerFailure(failure: ParseFailure): Prepared {
    if (failure.reason === 'read' || failure.reason === 'size') return failure.error === 'ENOENT' ? { kind: 'missing' } : { kind: 'skip', reason: failure.error };
    return { kind: 'skip', reason: failure.reason === 'decode' ? failure.error : `could not be read as an article (${failure.error})` };
  }

  /** A worker thread failed: this file and every later one are read on the editor's thread. */
  private poolFailed(error: unknown): void {
    if (!this.poolBroken) this.log.warn(`Parsing on the editor's thread from now on: a worker thread failed (${describeError(error)}).`);
    this.poolBroken = true;
    this.pool = undefined;
  }

  /** Puts a prepared file into the index (or drops it), on this thread. */
  private commit(key: string, uri: vscode.Uri, seed: boolean, prepared: Prepared): 'indexed' | 'removed' | 'skipped' {
    const label = seed ? `seed ${uri.path.split('/').pop()}` : vscode.workspace.asRelativePath(uri);
    if (prepared.kind === 'missing') return this.forget(key) ? 'removed' : 'skipped';
    if (prepared.kind === 'skip') return this.skip(key, label, prepared.reason);
    const began = performance.now();
    const { article, stamp } = prepared;
    try {
      // A file restored from the cache may find its words already in the saved index.
      if (prepared.fromCache && this.index.claim(article)) this.snapshotClaims++;
      else this.index.setArticle(article, prepared.fingerprint);
    } catch (error) {
      return this.skip(key, label, `could not be indexed (${describeError(error)})`);
    }
    if (prepared.fromCache) this.cacheHits++;
    this.changeCount++;
    // A file's own step cannot be split: the slowest one is the editor's longest wait.
    const took = prepared.mainThreadMs + performance.now() - began;
    if (took > this.longestStep.ms) this.longestStep = { ms: took, label };
    const file = { uri, path: article.path, seed, article, stamp };
    this.sources.set(key, file);
    this.byPath.set(article.path, file);
    this.log.debug(`Indexed ${label}: ${article.quotes.length} quotes, ${article.people.length} people, outlet ${article.meta.outlet ?? 'unknown'}.`);
    return 'indexed';
  }

  private skip(key: string, label: string, reason: string): 'skipped' | 'removed' {
    this.log.warn(`Skipped ${label}: ${reason}.`);
    return this.forget(key) ? 'removed' : 'skipped';
  }

  /** Drops a file from the index; whether it was there. */
  private forget(key: string): boolean {
    this.epochs.set(key, (this.epochs.get(key) ?? 0) + 1);
    const file = this.sources.get(key);
    if (!file) return false;
    this.sources.delete(key);
    this.byPath.delete(file.path);
    this.index.removeArticle(file.path);
    this.changeCount++;
    return true;
  }

  private changed(now: boolean): void {
    this.changeCount++;
    if (now) {
      if (this.changeTimer) clearTimeout(this.changeTimer);
      this.changeTimer = undefined;
      this.changeEmitter.fire();
    } else {
      this.changeTimer ??= setTimeout(() => {
        this.changeTimer = undefined;
        this.changeEmitter.fire();
      }, CHANGE_COALESCE_MS);
    }
  }

  private reportProgress(indexing: boolean): void {
    this.setProgress({ indexing, done: this.doneInRun, total: this.doneInRun + this.pending.size });
  }

  private setProgress(progress: IndexProgress): void {
    this.progress = progress;
    this.progressEmitter.fire(progress);
  }

  dispose(): void {
    this.generation++;
    this.pending.clear();
    if (this.changeTimer) clearTimeout(this.changeTimer);
    if (this.cacheSaveTimer) clearTimeout(this.cacheSaveTimer);
    void this.pool?.dispose();
    this.pool = undefined;
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
