import * as fs from 'node:fs';
import { parseArgs, UsageError } from '../args';
import { CliIO, EXIT, InputError, loadForCli } from '../io';
import { decodeSource } from '../../core/decode';
import { Finding, articleSource, verifyDraft } from '../../core/verify';

export const usage = 'verify [--json] [--sources PATH]… DRAFT   check every quoted passage of DRAFT against the sources';

function readDraft(file: string): string {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new InputError(`${file} is a folder; give one draft file`);
    bytes = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `no such draft: ${file}` : `cannot read draft ${file}: ${(err as Error).message}`);
  }
  const decoded = decodeSource(bytes);
  if ('error' in decoded) throw new InputError(`${file} is not a text draft: ${decoded.error}`);
  return decoded.text;
}

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function oneLine(s: string, max = 80): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

function describe(f: Finding): string {
  const quoted = `“${oneLine(f.text)}”`;
  const where = f.source ? ` (${f.source.path}:${f.source.start}-${f.source.end})` : '';
  switch (f.kind) {
    case 'verified':
      return `verified: ${quoted}${f.speaker ? ` — ${f.speaker}` : ''}${where}`;
    case 'misquote':
      return `misquote: ${quoted}; the source says “${oneLine(f.expected ?? '')}”${f.speaker ? ` (${f.speaker})` : ''}${where}`;
    case 'misattributed':
      return `misattributed: ${quoted} is attributed to ${f.attributedTo ?? 'someone else'}, but the source's speaker is ${f.speaker}${where}`;
    case 'unsourced':
      return `unsourced: ${quoted} is in no source`;
  }
}

export function run(argv: string[], io: CliIO): number {
  const args = parseArgs(argv, { values: ['sources'], booleans: ['json'] });
  if (args.positionals.length !== 1) throw new UsageError(args.positionals.length ? 'give exactly one DRAFT' : 'a DRAFT file is needed');
  const draftPath = args.positionals[0];
  const draft = readDraft(draftPath);
  const { articles } = loadForCli(args.flags.get('sources') ?? [], io);
  const findings = verifyDraft(draft, articleSource(articles));
  if (args.booleans.has('json')) {
    io.stdout(JSON.stringify({ findings }, null, 2) + '\n');
  } else {
    for (const f of findings) {
      const { line, column } = lineColumn(draft, f.start);
      io.stdout(`${draftPath}:${line}:${column} ${describe(f)}\n`);
    }
    const count = (k: Finding['kind']) => findings.filter((f) => f.kind === k).length;
    io.stdout(
      `${findings.length} quote${findings.length === 1 ? '' : 's'}: ${count('verified')} verified, ${count('misquote')} misquoted, ` +
        `${count('misattributed')} misattributed, ${count('unsourced')} unsourced\n`,
    );
  }
  return findings.some((f) => f.kind === 'misquote' || f.kind === 'misattributed') ? EXIT.findings : EXIT.ok;
}
