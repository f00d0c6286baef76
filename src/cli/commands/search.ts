import { parseArgs, UsageError } from '../args';
import { CliIO, EXIT, loadForCli } from '../io';
import { SourceIndex } from '../../core/sourceIndex';

export const usage = 'search [--json] [--limit N] [--sources PATH]… QUERY   the best matching quotes';

/** Builds the index the search and cite commands share. */
export function indexFor(sources: string[], io: CliIO): SourceIndex {
  const { articles } = loadForCli(sources, io);
  const index = new SourceIndex();
  for (const a of articles) index.setArticle(a);
  return index;
}

export function parseLimit(values: string[] | undefined, fallback: number): number {
  if (!values || values.length === 0) return fallback;
  const raw = values[values.length - 1];
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`--limit must be a positive whole number, not "${raw}"`);
  return Number(raw);
}

export function run(argv: string[], io: CliIO): number {
  const args = parseArgs(argv, { values: ['limit', 'sources'], booleans: ['json'] });
  const limit = parseLimit(args.flags.get('limit'), 10);
  const query = args.positionals.join(' ').trim();
  if (!query) throw new UsageError('a QUERY is needed');
  const index = indexFor(args.flags.get('sources') ?? [], io);
  const results = index.searchQuotes(query, limit);
  if (args.booleans.has('json')) {
    const json = {
      results: results.map(({ quote, score }) => ({
        id: quote.id,
        text: quote.text,
        speaker: quote.speaker,
        path: quote.path,
        start: quote.start,
        end: quote.end,
        score,
      })),
    };
    io.stdout(JSON.stringify(json, null, 2) + '\n');
    return EXIT.ok;
  }
  if (results.length === 0) {
    io.stdout(`no quote matches "${query}"\n`);
    return EXIT.ok;
  }
  results.forEach(({ quote, score }, i) => {
    const who = quote.speaker ? `${quote.speaker}${quote.speakerTitle ? `, ${quote.speakerTitle}` : ''}` : 'unattributed';
    const where = [quote.article.meta.outlet, quote.article.meta.date].filter(Boolean).join(', ');
    io.stdout(`${i + 1}. “${quote.text}”\n   — ${who}${where ? ` (${where})` : ''}  ${quote.path}:${quote.start}-${quote.end}  score ${score.toFixed(3)}\n`);
  });
  return EXIT.ok;
}
