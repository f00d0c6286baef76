// A worker thread that reads articles: decodes the bytes and parses them,
// off the thread that asked (the extension host, the benchmark). It answers
// with the article as a cache entry (a few strings and one typed array, whose
// buffer is handed over rather than copied), checked again on arrival
// (restoreArticle).
import * as fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { decodeSource, parseArticle } from '../core/article';
import { cacheEntry } from '../core/cache';
import { packText } from '../core/packedText';
import { fingerprint } from '../core/sourceIndex';
import type { FileStamp } from '../core/cache';
import type { FailReason, ParseReply, ParseRequest } from './parsePool';

type Failure = { reason: FailReason; error: string; size?: number };

const sameStamp = (a: FileStamp, b: FileStamp | null): boolean => !!b && a.size === b.size && a.mtimeMs === b.mtimeMs;

function readFailure(error: unknown): Failure {
  const code = (error as NodeJS.ErrnoException).code;
  return { reason: 'read', error: code === 'ENOENT' ? 'ENOENT' : `cannot be read (${error instanceof Error ? error.message : String(error)})` };
}

/**
 * Opened without waiting: opening a named pipe (or a device) called like a source for reading
 * would wait for a writer forever; it is refused once open, as not a regular file.
 */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * The local file's bytes and its stamp as opened (a regular file within the size limit), or why
 * not: one open, one fstat, the reads and a close. It used to stat the path and then read it with
 * readFileSync, which opened and looked the file up again (two lookups of the path and two stats).
 */
function readLocalFile(path: string, maxBytes: number): { stamp: FileStamp; bytes: Uint8Array } | Failure {
  let fd: number;
  try {
    fd = fs.openSync(path, OPEN_FLAGS);
  } catch (error) {
    return readFailure(error);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { reason: 'read', error: 'cannot be read (not a regular file)' };
    if (stat.size > maxBytes) return { reason: 'size', error: 'too large', size: stat.size };
    // As readFileSync does: the size seen when opened (a file still being written is read again when it changes).
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = fs.readSync(fd, bytes, read, bytes.length - read, null);
      if (n === 0) break;
      read += n;
    }
    return { stamp: { size: stat.size, mtimeMs: stat.mtimeMs }, bytes: read === bytes.length ? bytes : bytes.subarray(0, read) };
  } catch (error) {
    return readFailure(error);
  } finally {
    fs.closeSync(fd);
  }
}

function handle(req: ParseRequest): ParseReply {
  const fail = (f: Failure): ParseReply => ({ id: req.id, ok: false, ...f });
  let stamp: FileStamp;
  let bytes: Uint8Array;
  if (req.bytes) {
    if (!req.stamp) return fail({ reason: 'read', error: 'no stamp given with the bytes' });
    stamp = req.stamp;
    bytes = req.bytes;
  } else {
    const local = readLocalFile(req.path, req.maxBytes);
    if ('reason' in local) {
      // The caller that gave a stamp had checked the size: the file grew since.
      if (local.reason === 'size' && req.stamp && local.size !== undefined) return fail({ ...local, error: `grew past the size limit (${(local.size / 1024 / 1024).toFixed(1)} MB)` });
      return fail(local);
    }
    // A stamp the caller gave stands (it is the one it checked); otherwise the one seen when opened.
    stamp = req.stamp ?? local.stamp;
    bytes = local.bytes;
  }
  try {
    const decoded = decodeSource(bytes);
    if ('error' in decoded) return fail({ reason: 'decode', error: decoded.error });
    // Packed here (one byte per character, packedText.ts): bytes handed over to the caller, in the form it keeps.
    if (sameStamp(stamp, req.cached)) return { id: req.id, ok: true, body: packText(decoded.text), stamp, entry: null, fingerprint: null };
    const article = parseArticle(req.path, decoded.text);
    const body = packText(decoded.text);
    return { id: req.id, ok: true, body, stamp, entry: cacheEntry(article, stamp), fingerprint: fingerprint(article, body) };
  } catch (error) {
    return fail({ reason: 'parse', error: error instanceof Error ? error.message : String(error) });
  }
}

/** Answers wait at most this long for the rest of their group: the caller indexes in order and should not idle. */
const GROUP_MS = 20;

// Requests come in groups (one message per turn of the caller's event loop);
// the answers go back in groups too, each article's numbers and text bytes handed over.
parentPort?.on('message', (requests: ParseRequest[]) => {
  let replies: ParseReply[] = [];
  let transfer: ArrayBuffer[] = [];
  let since = 0;
  const flush = (): void => {
    parentPort?.postMessage(replies, transfer);
    replies = [];
    transfer = [];
  };
  for (const req of requests) {
    const reply = handle(req);
    if (replies.length === 0) since = performance.now();
    replies.push(reply);
    if (reply.ok) {
      if (reply.entry) transfer.push(reply.entry.numbers.buffer);
      if (typeof reply.body.packed !== 'string') transfer.push(reply.body.packed);
    }
    if (performance.now() - since >= GROUP_MS) flush();
  }
  if (replies.length > 0) flush();
});
