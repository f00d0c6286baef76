// Works out the citation text for the current document: AP first or later
// reference, the document's quotation marks, the next footnote number.
import * as vscode from 'vscode';
import { detectQuoteMarks, formatCitation, formatSentenceCitation, nextFootnoteNumber, type CitationContext } from '../core/citation';
import type { IndexedQuote } from '../core/sourceIndex';
import type { Article, Sentence } from '../core/types';
import { readConfig } from './config';
import type { SourceIndexer } from './indexer';
import type { CitationEdit } from './insertion';

export interface SentenceRef {
  article: Article;
  sentence: Sentence;
  text: string;
}

function baseContext(documentText: string, document: vscode.TextDocument | undefined): Omit<CitationContext, 'firstReference'> {
  const config = readConfig(document);
  return {
    quoteMarks: config.quoteMarks === 'auto' ? detectQuoteMarks(documentText) : config.quoteMarks,
    footnoteNumber: nextFootnoteNumber(documentText),
    template: config.citationTemplate,
    draftPath: document && document.uri.scheme === 'file' ? document.uri.fsPath : undefined,
  };
}

/**
 * The citation of `quote` at each selection. AP: if the document already names
 * the speaker (outside the selections being replaced), every insertion uses
 * the later-reference form; otherwise the first cursor in reading order gets
 * title and full name and the others the surname.
 */
export function quoteCitationEdit(indexer: SourceIndexer, quote: IndexedQuote, document: vscode.TextDocument, selections: readonly vscode.Selection[]): CitationEdit {
  const text = document.getText();
  const style = readConfig(document).citationStyle;
  const context = baseContext(text, document);
  const fields = indexer.index.citationFields(quote);
  const person = quote.speaker ? indexer.index.person(quote.speaker) : undefined;
  const spans = selections.map((s) => ({ start: document.offsetAt(s.start), end: document.offsetAt(s.end) }));
  const names = indexer.names();
  const namedAlready =
    person !== undefined &&
    names.namesIn(text).some((m) => m.people.length === 1 && m.people[0].name === person.name && !spans.some((s) => m.start < s.end && m.end > s.start));
  const firstCursor = spans.reduce((best, s, i) => (s.start < spans[best].start ? i : best), 0);
  let footnote: string | undefined;
  const inline = spans.map((_, i) => {
    const citation = formatCitation(fields, style, { ...context, firstReference: !namedAlready && i === firstCursor });
    footnote ??= citation.footnote;
    return citation.inline;
  });
  return { inline, footnote };
}

/** The citation of a quote with nothing around it (clipboard): first reference. */
export function standaloneQuoteCitation(indexer: SourceIndexer, quote: IndexedQuote): string {
  const style = readConfig().citationStyle;
  const citation = formatCitation(indexer.index.citationFields(quote), style, { ...baseContext('', undefined), firstReference: true });
  return citation.footnote ? `${citation.inline}\n\n${citation.footnote}` : citation.inline;
}

function sentenceFields(ref: SentenceRef) {
  return { text: ref.text, outlet: ref.article.meta.outlet, date: ref.article.meta.date, url: ref.article.meta.url, file: ref.article.path };
}

export function sentenceCitationEdit(ref: SentenceRef, document: vscode.TextDocument, selections: readonly vscode.Selection[]): CitationEdit {
  const text = document.getText();
  const citation = formatSentenceCitation(sentenceFields(ref), readConfig(document).citationStyle, { ...baseContext(text, document), firstReference: true });
  return { inline: selections.map(() => citation.inline), footnote: citation.footnote };
}

export function standaloneSentenceCitation(ref: SentenceRef): string {
  const citation = formatSentenceCitation(sentenceFields(ref), readConfig().citationStyle, { ...baseContext('', undefined), firstReference: true });
  return citation.footnote ? `${citation.inline}\n\n${citation.footnote}` : citation.inline;
}
