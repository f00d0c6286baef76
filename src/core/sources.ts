// Loading source files from disk for the CLI and benchmarks (the extension reads
// through VS Code's file system but parses with the same parseArticle).
// Reporters drop anything into a sources folder, so nothing here may throw,
// hang or read without bound: every file is read or skipped with a reason.
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

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** The reason a file is skipped, from the error reading it raised. */
function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'file vanished while reading';
    case 'EISDIR':
      return 'not a regular file';
    case 'ELOOP':
      return 'symbolic link loop';
    default:
      return `could not read: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/**
 * At most `maxBytes + 1` bytes of an open file: a file that grows while it is
 * read (a log being written) cannot make the reader take more memory than that.
 */
function readBounded(fd: number, size: number, maxBytes: number): Buffer {
  const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
  let filled = 0;
  while (filled < buffer.length) {
    const n = fs.readSync(fd, buffer, filled, buffer.length - filled, filled);
    if (n === 0) break;
    filled += n;
  }
  return buffer.subarray(0, filled);
}

/** Reads and parses one file; never throws. */
export function readArticleFile(file: string, maxBytes = DEFAULT_MAX_BYTES): Article | Skipped {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO named like an article must not wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    // The open file's own status, so a file replaced after a path lookup cannot slip through.
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { path: file, reason: 'not a regular file' };
    if (stat.size > maxBytes) return { path: file, reason: `larger than ${megabytes(maxBytes)} (${megabytes(stat.size)})` };
    const bytes = readBounded(fd, stat.size, maxBytes);
    if (bytes.length > maxBytes) return { path: file, reason: `grew past ${megabytes(maxBytes)} while being read` };
    const decoded = decodeSource(bytes);
    if ('error' in decoded) return { path: file, reason: decoded.error };
    if (decoded.text.trim() === '') return { path: file, reason: 'empty file' };
    return parseArticle(file, decoded.text);
  } catch (err) {
    return { path: file, reason: readFailure(err) };
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Closing cannot fail in a way that changes what was read.
      }
    }
  }
}

export function isSkipped(result: Article | Skipped): result is Skipped {
  return 'reason' in result && !('text' in result);
}

/** Why a path cannot be looked at at all (it is gone, a dangling link, a loop). */
function lookupFailure(p: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'ENOENT') {
    try {
      if (fs.lstatSync(p).isSymbolicLink()) return 'broken symbolic link (its target does not exist)';
    } catch {
      // Gone entirely.
    }
    return 'file vanished while reading';
  }
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot be read: ${err instanceof Error ? err.message : String(err)}`;
}

/**
 * Files and folders (recursively) to articles. Folders are walked with an
 * explicit stack (no recursion limit on deep trees), each real folder and
 * file once (symbolic-link loops and links back into the tree end there),
 * hidden entries and node_modules left out. Inside folders only source
 * files (.txt, .md, …) are read; a file named explicitly is read whatever
 * its extension.
 */
export function loadSources(paths: string[], maxBytes = DEFAULT_MAX_BYTES): LoadResult {
  const result: LoadResult = { articles: [], skipped: [] };
  const seen = new Set<string>();
  // Depth-first in sorted order, like a recursive walk, so the output order is stable.
  const stack: { p: string; explicit: boolean }[] = paths.map((p) => ({ p, explicit: true })).reverse();
  while (stack.length > 0) {
    const { p, explicit } = stack.pop()!;
    if (!explicit && !isSourceFile(p)) {
      // A folder named like "x.txt" is still walked; everything else non-source is ignored quietly.
      let isDirectory = false;
      try {
        isDirectory = fs.statSync(p).isDirectory();
      } catch {
        // A dangling link or vanished entry that is not a source file is nobody's concern.
      }
      if (!isDirectory) continue;
    }
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync(p);
      stat = fs.statSync(real);
    } catch (err) {
      result.skipped.push({ path: p, reason: lookupFailure(p, err) });
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        entries = fs.readdirSync(p).sort();
      } catch (err) {
        result.skipped.push({ path: p, reason: `folder cannot be read (${readFailure(err)})` });
        continue;
      }
      for (let i = entries.length - 1; i >= 0; i--) {
        const e = entries[i];
        if (e.startsWith('.') || e === 'node_modules') continue;
        stack.push({ p: path.join(p, e), explicit: false });
      }
      continue;
    }
    const a = readArticleFile(p, maxBytes);
    if (isSkipped(a)) result.skipped.push(a);
    else result.articles.push(a);
  }
  return result;
}
