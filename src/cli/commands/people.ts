import { parseArgs } from '../args';
import { CliIO, EXIT, loadForCli } from '../io';
import type { Article } from '../../core/types';
import { AMBIGUOUS_NAME_KEYS, personNameKey, spellingOf } from '../../core/people';

export const usage = 'people [--json] [SOURCES…]        everyone named in the sources, with titles';

interface PersonOut {
  name: string;
  titles: string[];
  aliases: string[];
  quoteCount: number;
  mentions: { path: string; start: number; end: number }[];
}

/**
 * People merged across articles by canonical name, in order of first appearance; another spelling of a
 * name already listed ("Donald Trump" after "Donald J. Trump": personNameKey) joins it as an alias.
 */
export function peopleJson(articles: Article[]): { people: PersonOut[] } {
  const byName = new Map<string, PersonOut>();
  const byKey = new Map<string, Map<string, string>>();
  const joins = new Map<string, string>();
  for (const a of articles) {
    for (const p of a.people) {
      let out = byName.get(joins.get(p.name) ?? p.name);
      if (!out) {
        const { key, middle } = personNameKey(p.name, p.surnameFirst);
        const group = AMBIGUOUS_NAME_KEYS.has(key) ? undefined : byKey.get(key);
        const spelling = group ? spellingOf(group, middle) : null;
        if (spelling !== null) {
          joins.set(p.name, spelling);
          out = byName.get(spelling)!;
          if (!out.aliases.includes(p.name)) out.aliases.push(p.name);
        } else {
          out = { name: p.name, titles: [], aliases: [], quoteCount: 0, mentions: [] };
          byName.set(p.name, out);
          if (group) group.set(p.name, middle);
          else byKey.set(key, new Map([[p.name, middle]]));
        }
      }
      for (const t of p.titles) if (!out.titles.includes(t)) out.titles.push(t);
      for (const al of p.aliases) if (!out.aliases.includes(al)) out.aliases.push(al);
      for (const m of p.mentions) out.mentions.push({ path: a.path, start: m.start, end: m.end });
    }
    for (const q of a.quotes) {
      const out = q.speaker ? byName.get(joins.get(q.speaker) ?? q.speaker) : undefined;
      if (out) out.quoteCount++;
    }
  }
  return { people: [...byName.values()] };
}

export function run(argv: string[], io: CliIO): number {
  const args = parseArgs(argv, { booleans: ['json'] });
  const { articles } = loadForCli(args.positionals, io);
  const result = peopleJson(articles);
  if (args.booleans.has('json')) {
    io.stdout(JSON.stringify(result, null, 2) + '\n');
    return EXIT.ok;
  }
  for (const p of result.people) {
    io.stdout(`${p.name}${p.titles.length ? ' — ' + p.titles.join('; ') : ''} (${p.mentions.length} mentions, ${p.quoteCount} quotes)\n`);
  }
  return EXIT.ok;
}
