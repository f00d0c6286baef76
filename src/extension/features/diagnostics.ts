// Diagnostics on the quoted passages of a draft: misquote and misattributed
// (warnings), unsourced (information). Debounced while typing; refreshed when
// a draft opens, the settings change or the sources change.
import * as vscode from 'vscode';
import { appliesTo, readConfig } from '../config';
import type { Deps } from '../deps';
import { articlePath } from '../indexer';
import { rangeIn } from '../positions';
import { describeDiff, type DraftFinding } from '../verifier';

export const DIAGNOSTIC_SOURCE = 'sourcebook';
const TYPING_DELAY_MS = 300;
const WHILE_INDEXING_DELAY_MS = 3000;

function message(finding: DraftFinding): string {
  switch (finding.kind) {
    case 'misquote': {
      const changes = describeDiff(finding);
      return `Misquote${changes ? ` (${changes})` : ''}: the source says “${finding.expected ?? ''}”${finding.speaker ? ` (${finding.speaker})` : ''}.`;
    }
    case 'misattributed':
      return `Misattributed: in the source, ${finding.speaker ?? 'someone else'} said this${finding.attributedTo ? `, not ${finding.attributedTo}` : ''}.`;
    case 'unsourced':
      return 'Unsourced: this quote is in no source.';
    default:
      return '';
  }
}

function severity(finding: DraftFinding): vscode.DiagnosticSeverity {
  return finding.kind === 'unsourced' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning;
}

export function register(context: vscode.ExtensionContext, deps: Deps): void {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const update = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.delete(key);
    // A source article is not a draft: checking it against itself says nothing.
    if (document.isClosed || !appliesTo(document) || !readConfig(document).verifyQuotes || deps.indexer.isIndexed(articlePath(document.uri))) {
      collection.delete(document.uri);
      return;
    }
    const diagnostics: vscode.Diagnostic[] = [];
    for (const finding of deps.verifier.findings(document)) {
      if (finding.kind === 'verified') continue;
      const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
      const diagnostic = new vscode.Diagnostic(range, message(finding), severity(finding));
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = finding.kind;
      const article = finding.source ? deps.indexer.index.article(finding.source.path) : undefined;
      if (finding.source && article) {
        diagnostic.relatedInformation = [
          new vscode.DiagnosticRelatedInformation(
            new vscode.Location(deps.indexer.uriOf(article.path), rangeIn(article.text, finding.source.start, finding.source.end)),
            `${finding.kind === 'misattributed' ? `Said by ${finding.speaker ?? 'someone else'}` : 'The source'} (${article.meta.outlet ?? deps.indexer.fileLabel(article.path)}${article.meta.date ? `, ${article.meta.date}` : ''})`,
          ),
        ];
      }
      diagnostics.push(diagnostic);
    }
    collection.set(document.uri, diagnostics);
  };

  const later = (document: vscode.TextDocument, delay = TYPING_DELAY_MS): void => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => update(document), delay));
  };

  const all = (): void => {
    for (const document of vscode.workspace.textDocuments) later(document, 0);
  };

  // While a large folder is being read, every batch changes the index and each
  // check rebuilds the verifier's view of all sources: check now and then, and
  // once more when indexing ends.
  let indexTimer: ReturnType<typeof setTimeout> | undefined;
  const indexChanged = (): void => {
    if (!deps.indexer.currentProgress.indexing) {
      clearTimeout(indexTimer);
      indexTimer = undefined;
      all();
    } else {
      indexTimer ??= setTimeout(() => {
        indexTimer = undefined;
        all();
      }, WHILE_INDEXING_DELAY_MS);
    }
  };

  context.subscriptions.push(
    collection,
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
    vscode.workspace.onDidOpenTextDocument((document) => later(document, 0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) later(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      clearTimeout(timers.get(document.uri.toString()));
      collection.delete(document.uri);
      deps.verifier.forget(document);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sourcebook')) all();
    }),
    deps.indexer.onDidChange(indexChanged),
    { dispose: () => clearTimeout(indexTimer) },
  );
  all();
}
