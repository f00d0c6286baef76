// The indexer's cache of parsed articles, kept in the extension's global
// storage with the core's cache format (src/core/cache.ts): a restart reads
// each file again but parses only the ones that changed.
import * as vscode from 'vscode';
import { cacheEntry, cacheFileHeader, concatBytes, decodeIndexSnapshotSteps, encodeCacheEntry, encodeIndexSnapshot, cacheEntries, restoreArticle, type CachedArticle } from '../core/cache';
import type { IndexSnapshot } from '../core/sourceIndex';
import type { PackedText } from '../core/packedText';
import type { Article } from '../core/types';
import type { ArticleCacheStore, FileStamp } from './indexer';

const CACHE_FILE = 'article-cache.bin';
/** Earlier formats' files (JSON, then JSON Lines), removed once a session when the cache is saved. */
const OLD_CACHE_FILES = ['article-cache.json', 'article-cache.jsonl'];
/** The index's search structures (src/core/cache.ts describes the format). */
const SNAPSHOT_FILE = 'index-snapshot.bin';
/** Reading or writing thousands of articles takes a while: it is done in slices that let the editor run. */
const SLICE_MS = 20;

const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class GlobalStorageArticleCache implements ArticleCacheStore {
  private entries = new Map<string, CachedArticle>();
  /** Whether the snapshot may still be read (once per load, and only with entries to go with it). */
  private snapshotPending = false;
  private oldFormatRemoved = false;

  constructor(private readonly storageUri: vscode.Uri) {}

  private get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.storageUri, CACHE_FILE);
  }

  private get snapshotFile(): vscode.Uri {
    return vscode.Uri.joinPath(this.storageUri, SNAPSHOT_FILE);
  }

  /** Reads the cache an entry (an article) at a time, in slices, so a large cache never holds the editor. */
  async load(): Promise<void> {
    this.entries = new Map();
    this.snapshotPending = false;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.file);
    } catch {
      // First start: no cache yet.
      return;
    }
    let sliceStart = performance.now();
    for (const entry of cacheEntries(bytes)) {
      if (entry) this.entries.set(entry.path, entry);
      if (performance.now() - sliceStart > SLICE_MS) {
        await nextTurn();
        sliceStart = performance.now();
      }
    }
    this.snapshotPending = this.entries.size > 0;
  }

  async loadSnapshot(): Promise<IndexSnapshot | null> {
    if (!this.snapshotPending) return null;
    this.snapshotPending = false;
    let snapshotBytes: Uint8Array;
    try {
      snapshotBytes = await vscode.workspace.fs.readFile(this.snapshotFile);
    } catch {
      // No snapshot yet: the index is built from the articles.
      return null;
    }
    const steps = decodeIndexSnapshotSteps(snapshotBytes);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      await nextTurn();
    }
  }

  isFresh(path: string, stamp: FileStamp): boolean {
    const entry = this.entries.get(path);
    return !!entry && entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs;
  }

  cachedStamp(path: string): FileStamp | null {
    const entry = this.entries.get(path);
    return entry ? { size: entry.size, mtimeMs: entry.mtimeMs } : null;
  }

  restore(path: string, stamp: FileStamp, text: string | PackedText): Article | null {
    const entry = this.entries.get(path);
    return entry ? restoreArticle(entry, stamp, text) : null;
  }

  async save(entries: { article: Article; stamp: FileStamp }[], snapshot?: IndexSnapshot): Promise<void> {
    // The same bytes as serializeCache(), built piece by piece.
    const parts: Uint8Array[] = [cacheFileHeader()];
    let sliceStart = performance.now();
    for (const { article, stamp } of entries) {
      parts.push(encodeCacheEntry(cacheEntry(article, stamp)));
      if (performance.now() - sliceStart > SLICE_MS) {
        await nextTurn();
        sliceStart = performance.now();
      }
    }
    // What was loaded served the start-up; later changes are parsed, so it need not stay in memory.
    this.entries = new Map();
    await vscode.workspace.fs.createDirectory(this.storageUri);
    await vscode.workspace.fs.writeFile(this.file, concatBytes(parts));
    // The snapshot checks each article's fingerprint when installed, so a snapshot
    // and an article cache from different saves cannot mix wrongly.
    if (snapshot) await vscode.workspace.fs.writeFile(this.snapshotFile, encodeIndexSnapshot(snapshot));
    else await vscode.workspace.fs.delete(this.snapshotFile).then(undefined, () => undefined);
    // Earlier formats' files, if any, are of no use any more (looked for once a session).
    if (!this.oldFormatRemoved) {
      this.oldFormatRemoved = true;
      for (const old of OLD_CACHE_FILES) await vscode.workspace.fs.delete(vscode.Uri.joinPath(this.storageUri, old)).then(undefined, () => undefined);
    }
  }
}
