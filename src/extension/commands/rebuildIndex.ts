// `sourcebook.rebuildIndex`: forget everything and read every source again.
import * as vscode from 'vscode';
import type { Deps } from '../deps';

export function register(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('sourcebook.rebuildIndex', async () => {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Sourcebook: rebuilding the index' }, () => deps.indexer.rebuild());
      const stats = deps.indexer.index.stats();
      const message = `Sourcebook: ${stats.sources} sources, ${stats.quotes} quotes indexed.`;
      deps.log.info(message);
      vscode.window.setStatusBarMessage(message, 5000);
      return stats;
    }),
  );
}
