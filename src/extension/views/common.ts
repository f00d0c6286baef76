// What the three sidebar views share: the quote row (same in Sources and
// People, so the inline actions apply to both), tooltips built from source
// text that is rendered inert, and a small change emitter.
import * as vscode from 'vscode';
import type { IndexedQuote } from '../../core/sourceIndex';
import type { SourceIndexer } from '../indexer';
import { inert } from '../markdown';
import { plain, shorten } from '../picker';

/** contextValue of a source quote row; package.json's menus match on it. */
export const QUOTE_CONTEXT = 'sourcebook.quote';

/**
 * A quote of the sources. Carries `quoteId`, so the node itself is a valid
 * argument of `sourcebook.insertCitation` and `sourcebook.openSource`.
 */
export interface QuoteNode {
  kind: 'quote';
  quoteId: string;
  /** Where the row is shown: under its article (the speaker is news) or under its speaker (the outlet is). */
  under: 'article' | 'person';
  /** Tree item ids must be unique in a view; a quote appears once per parent. */
  parentKey: string;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Bloomberg · 2022", leaving out what the article does not say. */
export function outletAndDate(meta: { outlet: string | null; date: string | null }): string {
  return [meta.outlet, meta.date].filter((part): part is string => !!part).join(' · ');
}

/** A tooltip that renders source text as text: no links, no HTML, no commands. */
export function inertTooltip(lines: string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(lines.filter((line) => line !== '').join('\n\n'));
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

export function quoteTreeItem(indexer: SourceIndexer, node: QuoteNode): vscode.TreeItem {
  const quote: IndexedQuote | undefined = indexer.index.quoteById(node.quoteId);
  if (!quote) {
    // The row outlived its quote (the file changed); a refresh is on its way.
    const gone = new vscode.TreeItem('(no longer in the sources)');
    gone.id = `${node.parentKey}/${node.quoteId}`;
    return gone;
  }
  const item = new vscode.TreeItem(`“${shorten(quote.text, 120)}”`, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.parentKey}/${node.quoteId}`;
  const speaker = quote.speaker ? (quote.speakerTitle ? `${quote.speaker}, ${quote.speakerTitle}` : quote.speaker) : 'speaker not named';
  item.description = plain(node.under === 'article' ? (quote.speaker ?? 'speaker not named') : outletAndDate(quote.article.meta) || indexer.fileLabel(quote.path));
  item.tooltip = inertTooltip([
    `“${inert(quote.text)}”`,
    `— ${inert(speaker)}`,
    inert([outletAndDate(quote.article.meta), indexer.fileLabel(quote.path)].filter(Boolean).join(' · ')),
  ]);
  item.iconPath = new vscode.ThemeIcon('quote');
  item.contextValue = QUOTE_CONTEXT;
  item.accessibilityInformation = { label: `Quote by ${speaker}: ${plain(quote.text)}` };
  item.command = { command: 'sourcebook.openSource', title: 'Open in Source', arguments: [{ quoteId: quote.id }] };
  return item;
}

/** A view's "refresh me" signal. */
export class Refresher<T> implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<T | undefined | void>();
  readonly event = this.emitter.event;
  fire(): void {
    this.emitter.fire();
  }
  dispose(): void {
    this.emitter.dispose();
  }
}
