import * as path from 'node:path';
import * as fs from 'node:fs';
import { DEFAULT_MAX_BYTES, loadSources, LoadResult } from '../core/sources';
import { UsageError } from './args';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Source files larger than this are skipped (`--max-size MB`); default DEFAULT_MAX_BYTES. */
  maxBytes?: number;
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
  const result = loadSources(roots, io.maxBytes ?? DEFAULT_MAX_BYTES);
  for (const s of result.skipped) io.stderr(`sourcebook: skipped ${s.path}: ${s.reason}\n`);
  if (result.articles.length === 0) throw new InputError(`no articles found in ${roots.join(', ')}`);
  return result;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for a terminal: control characters (other than tab and line feed),
 * C1 controls such as CSI (U+009B) and the bidirectional overrides a source
 * may contain are written as `\uXXXX`. Printed source text then cannot move
 * the cursor, recolour the terminal, retitle the window or reorder a line.
 * The same escape is what JSON uses, so `--json` output stays valid JSON
 * that parses back to the very same strings.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

export { UsageError };
