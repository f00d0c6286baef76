// `sourcebook.searchQuotes`: every quote of the sources in a picker; the
// accepted one is inserted with its attribution at every cursor.
import * as vscode from 'vscode';
import type { IndexedQuote } from '../../core/sourceIndex';
import { quoteCitationEdit, standaloneQuoteCitation } from '../citations';
import type { Deps } from '../deps';
import { applyCitation, captureTarget, type EditorTarget } from '../insertion';
import { PICKER_LIMIT, plain, shorten, showPicker } from '../picker';

/** With an empty query the picker lists quotes in source order, up to this many. */
const BROWSE_LIMIT = 2000;

export function insertQuote(deps: Deps, quote: IndexedQuote, target: EditorTarget | undefined): Promise<boolean> {
  return applyCitation(
    target,
    (document, selections) => quoteCitationEdit(deps.indexer, quote, document, selections),
    () => standaloneQuoteCitation(deps.indexer, quote),
    'citation',
  );
}

export function quoteItem(deps: Deps, quote: IndexedQuote): vscode.QuickPickItem {
  const meta = quote.article.meta;
  return {
    label: `“${shorten(quote.text)}”`,
    description: plain(quote.speaker ? (quote.speakerTitle ? `${quote.speaker}, ${quote.speakerTitle}` : quote.speaker) : 'speaker not named'),
    detail: plain(`${meta.outlet ?? 'unknown outlet'}, ${meta.date ?? 'undated'} · ${deps.indexer.fileLabel(quote.path)}`),
  };
}

export function pickQuote(deps: Deps, initialQuery: string, target: EditorTarget | undefined): Promise<void> {
  const index = deps.indexer.index;
  return showPicker<IndexedQuote>(deps.indexer, {
    title: 'Sourcebook: Search Quotes',
    placeholder: 'Words of the quote, speaker, title or outlet',
    initialQuery,
    emptyMessage: 'No quote matches. (Sourcebook indexes the files matching sourcebook.sources.)',
    search: (query) => (query.trim() === '' ? index.quotes(BROWSE_LIMIT) : index.searchQuotes(query, PICKER_LIMIT).map((r) => r.quote)),
    toItem: (quote) => quoteItem(deps, quote),
    accept: (quote) => insertQuote(deps, quote, target),
    open: (quote) => vscode.commands.executeCommand('sourcebook.openSource', { quoteId: quote.id }),
    copy: async (quote) => {
      await vscode.env.clipboard.writeText(standaloneQuoteCitation(deps.indexer, quote));
      vscode.window.setStatusBarMessage('Sourcebook: citation copied.', 3000);
    },
  });
}

export function register(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(vscode.commands.registerCommand('sourcebook.searchQuotes', () => pickQuote(deps, '', captureTarget())));
}
