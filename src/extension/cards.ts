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

/** A long quote is cut on the card (never in a citation): the card must fit the screen. */
const CARD_QUOTE_CHARS = 220;

function cardQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= CARD_QUOTE_CHARS ? flat : `${flat.slice(0, CARD_QUOTE_CHARS - 1).trimEnd()}…`;
}

export function appendPerson(md: vscode.MarkdownString, indexer: SourceIndexer, person: PersonEntry): void {
  md.appendMarkdown(`**${inert(person.name)}**`);
  if (person.titles.length > 0) md.appendMarkdown(` — ${person.titles.map(inert).join('; ')}`);
  md.appendMarkdown('\n\n');

  // Where: each source with how often it names them, linked to the first mention there.
  const mentionCount = new Map<string, number>();
  for (const m of person.mentions) mentionCount.set(m.path, (mentionCount.get(m.path) ?? 0) + 1);
  const places = [...person.articles].sort((a, b) => (mentionCount.get(b.path) ?? 0) - (mentionCount.get(a.path) ?? 0));
  md.appendMarkdown(inert(`Mentioned ${plural(person.mentionCount, 'time')} in ${plural(places.length, 'source')}`));
  md.appendMarkdown(places.length > 0 ? ':' : '.');
  places.slice(0, MAX_PLACES).forEach((article, i) => {
    const count = mentionCount.get(article.path) ?? 0;
    const first = person.mentions.find((m) => m.path === article.path);
    const label = `${whereFrom(indexer, article)}${places.length > 1 ? ` ×${count}` : ''}`;
    md.appendMarkdown(i === 0 ? ' ' : ' · ');
    md.appendMarkdown(first ? commandLink(label, 'sourcebook.openSource', { path: first.path, start: first.start, end: first.end }, 'Open the first mention') : inert(label));
  });
  if (places.length > MAX_PLACES) md.appendMarkdown(inert(` …and ${places.length - MAX_PLACES} more`));
  md.appendMarkdown('\n\n');

  if (person.quoteCount === 0) {
    md.appendMarkdown(inert('No direct quotes in the sources.'));
    return;
  }
  md.appendMarkdown(`${inert(plural(person.quoteCount, 'quote'))}:\n\n`);
  for (const quote of person.firstQuotes(MAX_QUOTES)) {
    md.appendMarkdown(`- “${inert(cardQuote(quote.text))}” — ${inert(`${quote.article.meta.outlet ?? 'unknown outlet'}, ${quote.article.meta.date ?? 'undated'}`)} · `);
    md.appendMarkdown(commandLink('Insert', 'sourcebook.insertCitation', { quoteId: quote.id }, 'Insert this quote with its attribution'));
    md.appendMarkdown(' · ');
    md.appendMarkdown(commandLink('Open', 'sourcebook.openSource', { quoteId: quote.id }, 'Show the quote in its article'));
    md.appendMarkdown('\n');
  }
  if (person.quoteCount > MAX_QUOTES) md.appendMarkdown(`- ${inert(`…and ${person.quoteCount - MAX_QUOTES} more (Sourcebook: Search Quotes)`)}\n`);
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
