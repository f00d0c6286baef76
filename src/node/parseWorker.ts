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

/** The local file's stamp (a regular file within the limit), or why not. */
function statLocal(req: ParseRequest): FileStamp | Failure {
  try {
    const stat = fs.statSync(req.path);
    // Reading a named pipe (or a device) called like a source would wait forever.
    if (!stat.isFile()) return { reason: 'read', error: 'cannot be read (not a regular file)' };
    if (stat.size > req.maxBytes) return { reason: 'size', error: 'too large', size: stat.size };
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    return readFailure(error);
  }
}

function readFailure(error: unknown): Failure {
  const code = (error as NodeJS.ErrnoException).code;
  return { reason: 'read', error: code === 'ENOENT' ? 'ENOENT' : `cannot be read (${error instanceof Error ? error.message : String(error)})` };
}

/** The file's bytes, or why not. The caller (or statLocal) has checked it is a regular file within the size limit. */
function readBytes(req: ParseRequest): Uint8Array | Failure {
  if (req.bytes) return req.bytes;
  try {
    const bytes = fs.readFileSync(req.path);
    // It may have grown since it was looked at.
    return bytes.length > req.maxBytes ? { reason: 'size', error: `grew past the size limit (${(bytes.length / 1024 / 1024).toFixed(1)} MB)`, size: bytes.length } : bytes;
  } catch (error) {
    return readFailure(error);
  }
}

function handle(req: ParseRequest): ParseReply {
  const fail = (f: Failure): ParseReply => ({ id: req.id, ok: false, ...f });
  const stamp = req.stamp ?? statLocal(req);
  if ('reason' in stamp) return fail(stamp);
  const bytes = readBytes(req);
  if ('reason' in bytes) return fail(bytes);
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
