// The hover card of a person. Also the completion item's documentation, so a
// name reads the same everywhere.
import * as vscode from 'vscode';
import type { Article } from '../core/types';
import type { PersonEntry } from '../core/sourceIndex';
import type { SourceIndexer } from './indexer';
import { cardMarkdown, commandLink, inert } from './markdown';

/** Beyond this, a card would scroll off the screen; the picker lists them all. */
const MAX_QUOTES = 6;
const MAX_PLACES = 5;

export function whereFrom(indexer: SourceIndexer, article: Article): string {
  return `${article.meta.outlet ?? 'unknown outlet'}, ${article.meta.date ?? 'undated'} (${indexer.fileLabel(article.path)})`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function appendPerson(md: vscode.MarkdownString, indexer: SourceIndexer, person: PersonEntry): void {
  md.appendMarkdown(`**${inert(person.name)}**`);
  if (person.titles.length > 0) md.appendMarkdown(` — ${person.titles.map(inert).join('; ')}`);
  md.appendMarkdown('\n\n');

  const mentionCount = new Map<string, number>();
  for (const m of person.mentions) mentionCount.set(m.path, (mentionCount.get(m.path) ?? 0) + 1);
  md.appendMarkdown(
    `${inert(`${plural(person.quotes.length, 'quote')}, ${plural(person.mentions.length, 'mention')} in ${plural(person.articles.length, 'source')}`)}\n\n`,
  );

  for (const quote of person.quotes.slice(0, MAX_QUOTES)) {
    md.appendMarkdown(`> “${inert(quote.text)}”  \n> — ${inert(whereFrom(indexer, quote.article))}  \n> `);
    md.appendMarkdown(commandLink('Insert', 'sourcebook.insertCitation', { quoteId: quote.id }, 'Insert this quote with its attribution'));
    md.appendMarkdown(' · ');
    md.appendMarkdown(commandLink('Open in source', 'sourcebook.openSource', { quoteId: quote.id }, 'Show the quote in its article'));
    md.appendMarkdown('\n\n');
  }
  if (person.quotes.length > MAX_QUOTES) md.appendMarkdown(`${inert(`…and ${person.quotes.length - MAX_QUOTES} more (Sourcebook: Search Quotes)`)}\n\n`);

  const places = [...person.articles].sort((a, b) => (mentionCount.get(b.path) ?? 0) - (mentionCount.get(a.path) ?? 0));
  if (places.length > 0) {
    md.appendMarkdown('Mentioned in:\n\n');
    for (const article of places.slice(0, MAX_PLACES)) {
      const count = mentionCount.get(article.path) ?? 0;
      const first = person.mentions.find((m) => m.path === article.path);
      const label = `${whereFrom(indexer, article)}: ${plural(count, 'time')}`;
      md.appendMarkdown('- ');
      md.appendMarkdown(first ? commandLink(label, 'sourcebook.openSource', { path: first.path, start: first.start, end: first.end }, 'Open the first mention') : inert(label));
      md.appendMarkdown('\n');
    }
    if (places.length > MAX_PLACES) md.appendMarkdown(`- ${inert(`…and ${places.length - MAX_PLACES} more sources`)}\n`);
  }
}

export function personCard(indexer: SourceIndexer, people: PersonEntry[], written: string): vscode.MarkdownString {
  const md = cardMarkdown();
  if (people.length > 1) md.appendMarkdown(`${inert(`“${written}” may be any of ${people.length} people in your sources:`)}\n\n`);
  people.forEach((person, i) => {
    if (i > 0) md.appendMarkdown('\n\n---\n\n');
    appendPerson(md, indexer, person);
  });
  return md;
}
