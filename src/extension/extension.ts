// Entry point of the Sourcebook extension. Activation must stay cheap: it only
// registers contributions; reading sources happens later, in the background.
import * as vscode from 'vscode';

const COMMAND_IDS = [
  'sourcebook.searchQuotes',
  'sourcebook.insertCitation',
  'sourcebook.searchSources',
  'sourcebook.openSource',
  'sourcebook.rebuildIndex',
] as const;

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Sourcebook', { log: true });
  context.subscriptions.push(log);
  try {
    for (const id of COMMAND_IDS) {
      context.subscriptions.push(
        vscode.commands.registerCommand(id, () => {
          void vscode.window.showInformationMessage(`Sourcebook: ${id} is not ready yet.`);
        }),
      );
    }
    const languages = vscode.workspace.getConfiguration('sourcebook').get<string[]>('languages', ['markdown', 'plaintext']);
    context.subscriptions.push(
      vscode.languages.registerHoverProvider(
        languages.map((language) => ({ language })),
        { provideHover: () => undefined },
      ),
    );
    const status = vscode.window.createStatusBarItem('sourcebook.status', vscode.StatusBarAlignment.Left, 100);
    status.name = 'Sourcebook';
    status.text = '$(quote) Sourcebook';
    status.command = 'sourcebook.searchQuotes';
    status.show();
    context.subscriptions.push(status);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`Activation failed: ${message}`);
    void vscode.window.showErrorMessage(`Sourcebook failed to start: ${message}`);
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
