// Loading source files from disk for the CLI and benchmarks (the extension reads
// through VS Code's file system but parses with the same parseArticle).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Article } from './types';
import { decodeSource } from './decode';
import { parseArticle } from './article';

export interface Skipped {
  path: string;
  reason: string;
}

export interface LoadResult {
  articles: Article[];
  skipped: Skipped[];
}

export const SOURCE_EXTENSIONS = ['.txt', '.md', '.markdown', '.text'];
/** Larger files are reference dumps, not articles; reading them would stall indexing. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export function isSourceFile(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** Reads and parses one file; never throws. */
export function readArticleFile(file: string, maxBytes = DEFAULT_MAX_BYTES): Article | Skipped {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { path: file, reason: 'not a regular file' };
    if (stat.size > maxBytes) return { path: file, reason: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB (${(stat.size / 1024 / 1024).toFixed(1)} MB)` };
    const bytes = fs.readFileSync(file);
    const decoded = decodeSource(bytes);
    if ('error' in decoded) return { path: file, reason: decoded.error };
    if (decoded.text.trim() === '') return { path: file, reason: 'empty file' };
    return parseArticle(file, decoded.text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { path: file, reason: code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'file vanished while reading' : `could not read: ${(err as Error).message}` };
  }
}

/** Files and folders (recursively, following no symbolic-link loops) to articles. */
export function loadSources(paths: string[], maxBytes = DEFAULT_MAX_BYTES): LoadResult {
  const result: LoadResult = { articles: [], skipped: [] };
  const visited = new Set<string>();
  const visit = (p: string, explicit: boolean): void => {
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync(p);
      stat = fs.statSync(real);
    } catch (err) {
      result.skipped.push({ path: p, reason: (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'symbolic link loop' : 'cannot be read' });
      return;
    }
    if (stat.isDirectory()) {
      if (visited.has(real)) return;
      visited.add(real);
      let entries: string[];
      try {
        entries = fs.readdirSync(p).sort();
      } catch {
        result.skipped.push({ path: p, reason: 'folder cannot be read' });
        return;
      }
      for (const e of entries) {
        if (e.startsWith('.') || e === 'node_modules') continue;
        visit(path.join(p, e), false);
      }
      return;
    }
    if (!explicit && !isSourceFile(p)) return;
    const a = readArticleFile(p, maxBytes);
    if ('reason' in a && !('text' in a)) result.skipped.push(a);
    else result.articles.push(a as Article);
  };
  for (const p of paths) visit(p, true);
  return result;
}
