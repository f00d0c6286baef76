// `sourcebook.openSource`: opens an article at a quote ({ quoteId }) or at a
// span ({ path, start, end }) and selects it.
import * as vscode from 'vscode';
import type { Deps } from '../deps';
import { articlePath } from '../indexer';

export interface OpenSourceArgs {
  quoteId?: unknown;
  path?: unknown;
  start?: unknown;
  end?: unknown;
}

/** A character offset: a non-negative integer (arguments may come from command links). */
export function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export function register(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('sourcebook.openSource', async (args?: OpenSourceArgs) => {
      await deps.indexer.whenIdle();
      let uri: vscode.Uri;
      let start: number;
      let end: number;
      if (args && typeof args.quoteId === 'string') {
        const quote = deps.indexer.index.quoteById(args.quoteId);
        if (!quote) {
          void vscode.window.showWarningMessage('Sourcebook: that quote is no longer in the sources (the file may have changed).');
          return undefined;
        }
        uri = deps.indexer.uriOf(quote.path);
        ({ start, end } = quote);
      } else if (args && typeof args.path === 'string' && isOffset(args.start) && isOffset(args.end) && args.end >= args.start) {
        // Only indexed sources: a command link must not become a way to open any file.
        if (!deps.indexer.isIndexed(args.path)) {
          void vscode.window.showWarningMessage(`Sourcebook: ${args.path} is not one of the indexed sources.`);
          return undefined;
        }
        uri = deps.indexer.uriOf(args.path);
        start = args.start;
        end = args.end;
      } else {
        void vscode.window.showWarningMessage('Sourcebook: Open Source needs { quoteId } or { path, start, end }; use it from a hover card or Search Quotes.');
        return undefined;
      }
      try {
        const document = await vscode.workspace.openTextDocument(uri);
        const selection = new vscode.Selection(document.positionAt(start), document.positionAt(end));
        const editor = await vscode.window.showTextDocument(document, { selection, preview: true });
        editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return editor;
      } catch (error) {
        deps.log.error(`Open Source failed for ${articlePath(uri)}: ${error instanceof Error ? error.message : String(error)}`);
        void vscode.window.showErrorMessage(`Sourcebook could not open ${articlePath(uri)}.`);
        return undefined;
      }
    }),
  );
}
