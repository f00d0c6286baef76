import { parseArgs, UsageError } from '../args';
import { CliIO, EXIT, InputError } from '../io';
import { CITATION_STYLES, CitationStyle, formatCitation } from '../../core/citation';
import { indexFor } from './search';

export const usage = `cite [--style ${CITATION_STYLES.join('|')}] [--template T] [--straight] [--sources PATH]… QUERY   the citation of the best matching quote`;

export function run(argv: string[], io: CliIO): number {
  const args = parseArgs(argv, { values: ['style', 'sources', 'template'], booleans: ['straight'] });
  const styleArg = args.flags.get('style')?.at(-1) ?? 'ap';
  if (!(CITATION_STYLES as readonly string[]).includes(styleArg)) {
    throw new UsageError(`unknown style "${styleArg}" (one of ${CITATION_STYLES.join(', ')})`);
  }
  const style = styleArg as CitationStyle;
  const template = args.flags.get('template')?.at(-1);
  if (style === 'custom' && !template) throw new UsageError('--style custom needs --template, e.g. --template \'“${quote}” (${speaker})\'');
  const query = args.positionals.join(' ').trim();
  if (!query) throw new UsageError('a QUERY is needed');
  const index = indexFor(args.flags.get('sources') ?? [], io);
  const [best] = index.searchQuotes(query, 1);
  if (!best) throw new InputError(`no quote matches "${query}"`);
  const citation = formatCitation(index.citationFields(best.quote), style, {
    firstReference: true,
    quoteMarks: args.booleans.has('straight') ? 'straight' : 'curly',
    footnoteNumber: 1,
    template,
  });
  io.stdout(citation.inline + '\n');
  if (citation.footnote) io.stdout('\n' + citation.footnote + '\n');
  return EXIT.ok;
}
