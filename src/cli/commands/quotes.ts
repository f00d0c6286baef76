import { parseArgs } from '../args';
import { CliIO, EXIT, loadForCli } from '../io';
import type { Article } from '../../core/types';

export const usage = 'quotes [--json] [SOURCES…]        every direct quote, with its speaker';

export function quotesJson(articles: Article[]): unknown {
  return {
    articles: articles.map((a) => ({
      path: a.path,
      outlet: a.meta.outlet,
      date: a.meta.date,
      title: a.meta.title,
      quotes: a.quotes.map((q) => ({
        id: q.id,
        text: q.text,
        start: q.start,
        end: q.end,
        speaker: q.speaker,
        speakerMention: q.speakerMention ? { start: q.speakerMention.start, end: q.speakerMention.end } : null,
        cue: q.cue,
      })),
    })),
  };
}

export function run(argv: string[], io: CliIO): number {
  const args = parseArgs(argv, { booleans: ['json'] });
  const { articles } = loadForCli(args.positionals, io);
  if (args.booleans.has('json')) {
    io.stdout(JSON.stringify(quotesJson(articles), null, 2) + '\n');
    return EXIT.ok;
  }
  for (const a of articles) {
    io.stdout(`${a.path}${a.meta.outlet ? ` (${a.meta.outlet}${a.meta.date ? ', ' + a.meta.date : ''})` : ''}\n`);
    for (const q of a.quotes) io.stdout(`  “${q.text}” — ${q.speaker ?? 'unattributed'}\n`);
    if (a.quotes.length === 0) io.stdout('  (no quotes)\n');
  }
  return EXIT.ok;
}
