// A worker thread that reads articles: decodes the bytes and parses them,
// off the thread that asked (the extension host, the benchmark). It answers
// with the article as a cache entry (a few strings and one typed array, whose
// buffer is handed over rather than copied), checked again on arrival
// (restoreArticle).
import * as fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { decodeSource, parseArticle } from '../core/article';
import { cacheEntry } from '../core/cache';
import { fingerprint } from '../core/sourceIndex';
import type { ParseReply, ParseRequest } from './parsePool';

/** The file's bytes, or why not. The caller has checked it is a regular file within the size limit. */
function readBytes(req: ParseRequest): Uint8Array | string {
  if (req.bytes) return req.bytes;
  try {
    const bytes = fs.readFileSync(req.path);
    // It may have grown since the caller looked.
    return bytes.length > req.maxBytes ? `grew past the size limit (${(bytes.length / 1024 / 1024).toFixed(1)} MB)` : bytes;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'ENOENT' : `cannot be read (${error instanceof Error ? error.message : String(error)})`;
  }
}

function handle(req: ParseRequest): ParseReply {
  const bytes = readBytes(req);
  if (typeof bytes === 'string') return { id: req.id, ok: false, reason: 'read', error: bytes };
  try {
    const decoded = decodeSource(bytes);
    if ('error' in decoded) return { id: req.id, ok: false, reason: 'decode', error: decoded.error };
    const article = parseArticle(req.path, decoded.text);
    return { id: req.id, ok: true, text: decoded.text, entry: cacheEntry(article, req.stamp), fingerprint: fingerprint(article) };
  } catch (error) {
    return { id: req.id, ok: false, reason: 'parse', error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (req: ParseRequest) => {
  const reply = handle(req);
  parentPort?.postMessage(reply, reply.ok ? [reply.entry.numbers.buffer] : []);
});
