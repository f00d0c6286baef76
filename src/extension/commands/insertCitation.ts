// `sourcebook.insertCitation`: with { quoteId } (a hover link, a script)
// inserts that quote; without, opens the quote picker filtered by the
// selection or by the name under the cursor.
import * as vscode from 'vscode';
import type { Deps } from '../deps';
import { captureTarget } from '../insertion';
import { insertQuote, pickQuote } from './searchQuotes';

/** What the reporter points at: the selected text, else the known name under the cursor. */
function queryFromEditor(deps: Deps): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return '';
  const { document, selection } = editor;
  if (!selection.isEmpty) return document.getText(selection).replace(/\s+/g, ' ').trim().slice(0, 200);
  const name = deps.indexer.names().nameAt(document.getText(), document.offsetAt(selection.active));
  if (name) return name.text;
  const word = document.getWordRangeAtPosition(selection.active);
  return word ? document.getText(word) : '';
}

export function register(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('sourcebook.insertCitation', async (args?: { quoteId?: unknown }) => {
      const target = captureTarget();
      if (args && typeof args === 'object' && 'quoteId' in args) {
        if (typeof args.quoteId !== 'string') {
          void vscode.window.showWarningMessage('Sourcebook: Insert Citation needs { quoteId: string }.');
          return false;
        }
        // A link clicked before the first indexing finished still works.
        await deps.indexer.whenIdle();
        const quote = deps.indexer.index.quoteById(args.quoteId);
        if (!quote) {
          void vscode.window.showWarningMessage('Sourcebook: that quote is no longer in the sources (the file may have changed).');
          return false;
        }
        return insertQuote(deps, quote, target);
      }
      await pickQuote(deps, queryFromEditor(deps), target);
      return undefined;
    }),
  );
}
