// A worker thread that reads articles: decodes the bytes and parses them,
// off the thread that asked (the extension host, the benchmark). It answers
// with the article in the cache's flat form, which crosses threads cheaply
// and is checked again on arrival (restoreArticle).
import { parentPort } from 'node:worker_threads';
import { decodeSource, parseArticle } from '../core/article';
import { cacheEntry } from '../core/cache';
import type { ParseReply, ParseRequest } from './parsePool';

function handle(req: ParseRequest): ParseReply {
  try {
    const decoded = decodeSource(req.bytes);
    if ('error' in decoded) return { id: req.id, ok: false, reason: 'decode', error: decoded.error };
    const article = parseArticle(req.path, decoded.text);
    return { id: req.id, ok: true, text: decoded.text, entry: cacheEntry(article, req.stamp) };
  } catch (error) {
    return { id: req.id, ok: false, reason: 'parse', error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (req: ParseRequest) => parentPort?.postMessage(handle(req)));
