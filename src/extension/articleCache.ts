// The indexer's cache of parsed articles, kept in the extension's global
// storage with the core's cache format (src/core/cache.ts): a restart reads
// each file again but parses only the ones that changed.
import * as vscode from 'vscode';
import { CACHE_FORMAT_VERSION, cacheEntry, decodeIndexSnapshot, encodeIndexSnapshot, readCache, restoreArticle, type ArticleCache, type CachedArticle } from '../core/cache';
import type { IndexSnapshot } from '../core/sourceIndex';
import type { Article } from '../core/types';
import type { ArticleCacheStore, FileStamp } from './indexer';

const CACHE_FILE = 'article-cache.json';
/** The index's search structures (src/core/cache.ts describes the format). */
const SNAPSHOT_FILE = 'index-snapshot.bin';
/** Serialising a thousand articles takes a while: it is done in slices that let the editor run. */
const SLICE_MS = 20;

export class GlobalStorageArticleCache implements ArticleCacheStore {
  private entries = new Map<string, CachedArticle>();
  private snapshot: IndexSnapshot | null = null;

  constructor(private readonly storageUri: vscode.Uri) {}

  private get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.storageUri, CACHE_FILE);
  }

  private get snapshotFile(): vscode.Uri {
    return vscode.Uri.joinPath(this.storageUri, SNAPSHOT_FILE);
  }

  async load(): Promise<void> {
    let json: string | null = null;
    try {
      json = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file));
    } catch {
      // First start: no cache yet.
    }
    this.entries = readCache(json);
    this.snapshot = null;
    if (this.entries.size === 0) return;
    try {
      this.snapshot = decodeIndexSnapshot(await vscode.workspace.fs.readFile(this.snapshotFile));
    } catch {
      // No snapshot yet: the index is built from the articles.
    }
  }

  takeSnapshot(): IndexSnapshot | null {
    const snapshot = this.snapshot;
    // Its arrays now belong to the index.
    this.snapshot = null;
    return snapshot;
  }

  isFresh(path: string, stamp: FileStamp): boolean {
    const entry = this.entries.get(path);
    return !!entry && entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs;
  }

  restore(path: string, stamp: FileStamp, text: string): Article | null {
    const entry = this.entries.get(path);
    return entry ? restoreArticle(entry, stamp, text) : null;
  }

  async save(entries: { article: Article; stamp: FileStamp }[], snapshot?: IndexSnapshot): Promise<void> {
    const next = new Map<string, CachedArticle>();
    const parts: string[] = [];
    let sliceStart = performance.now();
    for (const { article, stamp } of entries) {
      const entry = cacheEntry(article, stamp);
      next.set(entry.path, entry);
      parts.push(JSON.stringify(entry));
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
    this.entries = next;
    // The same text as serializeCache(buildCache(entries)), built piece by piece.
    const header: Omit<ArticleCache, 'articles'> = { version: CACHE_FORMAT_VERSION };
    const json = `${JSON.stringify(header).slice(0, -1)},"articles":[${parts.join(',')}]}`;
    await vscode.workspace.fs.createDirectory(this.storageUri);
    await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(json));
    // The snapshot checks each article's fingerprint when installed, so a snapshot
    // and an article cache from different saves cannot mix wrongly.
    if (snapshot) await vscode.workspace.fs.writeFile(this.snapshotFile, encodeIndexSnapshot(snapshot));
    else await vscode.workspace.fs.delete(this.snapshotFile).then(undefined, () => undefined);
  }
}
