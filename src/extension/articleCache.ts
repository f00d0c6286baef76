// The indexer's cache of parsed articles, kept in the extension's global
// storage with the core's cache format (src/core/cache.ts): a restart reads
// each file again but parses only the ones that changed.
import * as vscode from 'vscode';
import { buildCache, readCache, restoreArticle, serializeCache, type CachedArticle } from '../core/cache';
import type { Article } from '../core/types';
import type { ArticleCacheStore, FileStamp } from './indexer';

const CACHE_FILE = 'article-cache.json';

export class GlobalStorageArticleCache implements ArticleCacheStore {
  private entries = new Map<string, CachedArticle>();

  constructor(private readonly storageUri: vscode.Uri) {}

  private get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.storageUri, CACHE_FILE);
  }

  async load(): Promise<void> {
    let json: string | null = null;
    try {
      json = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file));
    } catch {
      // First start: no cache yet.
    }
    this.entries = readCache(json);
  }

  restore(path: string, stamp: FileStamp, text: string): Article | null {
    const entry = this.entries.get(path);
    return entry ? restoreArticle(entry, stamp, text) : null;
  }

  async save(entries: { article: Article; stamp: FileStamp }[]): Promise<void> {
    const cache = buildCache(entries);
    this.entries = new Map(cache.articles.map((a) => [a.path, a]));
    await vscode.workspace.fs.createDirectory(this.storageUri);
    await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(serializeCache(cache)));
  }
}
