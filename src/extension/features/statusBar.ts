// The status bar item: how many sources and quotes are indexed, progress
// while indexing; a click opens Search Quotes.
import * as vscode from 'vscode';
import type { Deps } from '../deps';

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function register(context: vscode.ExtensionContext, deps: Deps): void {
  const item = vscode.window.createStatusBarItem('sourcebook.status', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Sourcebook';
  item.command = 'sourcebook.searchQuotes';
  const update = (): void => {
    const progress = deps.indexer.currentProgress;
    if (progress.indexing) {
      item.text = `$(sync~spin) Sourcebook ${progress.done}/${progress.total}`;
      item.tooltip = `Sourcebook is reading sources (${progress.done} of ${progress.total}). Click to search quotes.`;
      return;
    }
    const stats = deps.indexer.index.stats();
    item.text = `$(quote) ${count(stats.sources, 'source')} · ${count(stats.quotes, 'quote')}`;
    item.tooltip = `Sourcebook: ${stats.sources} sources, ${stats.quotes} quotes, ${stats.people} people. Click to search quotes.`;
  };
  // The count waits for the first read; until then say so instead of "0 sources".
  item.text = '$(sync~spin) Sourcebook';
  item.tooltip = 'Sourcebook is looking for sources.';
  item.show();
  context.subscriptions.push(item, deps.indexer.onDidChangeProgress(update), deps.indexer.onDidChange(update));
}
