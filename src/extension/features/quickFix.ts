// Quick fix for a misquote: "Use the source's wording" replaces only the
// quoted words with the source's.
import * as vscode from 'vscode';
import { appliesTo } from '../config';
import { registerForLanguages, type Deps } from '../deps';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export const FIX_TITLE = "Use the source's wording";

export function register(context: vscode.ExtensionContext, deps: Deps): void {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, context) {
      if (!appliesTo(document)) return undefined;
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE || diagnostic.code !== 'misquote') continue;
        const start = document.offsetAt(diagnostic.range.start);
        const end = document.offsetAt(diagnostic.range.end);
        // The finding is looked up again: the diagnostic may be older than the text.
        const finding = deps.verifier.findings(document).find((f) => f.kind === 'misquote' && f.start === start && f.end === end);
        if (!finding || finding.expected === null) continue;
        const action = new vscode.CodeAction(FIX_TITLE, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, finding.expected);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      return actions;
    },
  };
  registerForLanguages(context, (selector) =>
    vscode.languages.registerCodeActionsProvider(selector, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}
