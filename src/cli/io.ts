import * as path from 'node:path';
import * as fs from 'node:fs';
import { loadSources, LoadResult } from '../core/sources';
import { UsageError } from './args';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Exit statuses: distinct so scripts can tell a bad call from bad input. */
export const EXIT = { ok: 0, findings: 1, usage: 2, input: 3, internal: 70 } as const;

export class InputError extends Error {}

/** The seed articles shipped beside the bundle (dist/../seeds) or the source tree. */
export function seedsDir(): string {
  const candidates = [path.resolve(__dirname, '..', 'seeds'), path.resolve(__dirname, '..', '..', 'seeds'), path.resolve(__dirname, '..', '..', '..', 'seeds')];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  return candidates[0];
}

/** Loads the given files/folders (or the seeds when none), reporting skipped files on stderr. */
export function loadForCli(paths: string[], io: CliIO): LoadResult {
  const given = paths.length > 0;
  const roots = given ? paths : [seedsDir()];
  for (const p of roots) {
    if (!fs.existsSync(p)) throw new InputError(`no such file or folder: ${p}`);
  }
  const result = loadSources(roots);
  for (const s of result.skipped) io.stderr(`sourcebook: skipped ${s.path}: ${s.reason}\n`);
  if (result.articles.length === 0) throw new InputError(`no articles found in ${roots.join(', ')}`);
  return result;
}

export { UsageError };
