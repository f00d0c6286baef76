// What every feature receives: the index owner, the log, and the shared
// verification results (diagnostics, hover and quick fix read the same ones).
import * as vscode from 'vscode';
import type { SourceIndexer } from './indexer';
import type { Verifier } from './verifier';
import { documentSelector, readConfig } from './config';

export interface Deps {
  indexer: SourceIndexer;
  log: vscode.LogOutputChannel;
  verifier: Verifier;
}

/**
 * Registers a provider for the languages in `sourcebook.languages`, and again
 * whenever that setting changes, so the editor never asks about other files.
 */
export function registerForLanguages(context: vscode.ExtensionContext, register: (selector: vscode.DocumentSelector) => vscode.Disposable): void {
  let current = register(documentSelector(readConfig().languages));
  context.subscriptions.push(
    { dispose: () => current.dispose() },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('sourcebook.languages')) return;
      current.dispose();
      current = register(documentSelector(readConfig().languages));
    }),
  );
}
