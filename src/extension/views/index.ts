// The Sourcebook sidebar: Sources, People and In This Draft, the commands
// behind their inline actions, and the context keys that pick the welcome
// text. Creating the views is cheap: rows are computed when a view is shown
// and asks for them, from the index the other features use.
import * as vscode from 'vscode';
import { standaloneQuoteCitation } from '../citations';
import type { Deps } from '../deps';
import { isOffset } from '../commands/openSource';
import { describeError } from '../indexer';
import { DraftTracker, DraftTreeProvider, type DraftNode, type DraftState, type FindingNode } from './draftView';
import { PeopleTreeProvider } from './peopleView';
import { SourcesTreeProvider } from './sourcesView';

export const VIEW_IDS = { sources: 'sourcebook.sources', people: 'sourcebook.people', draft: 'sourcebook.draft' } as const;

/** A sample draft for the walkthrough: Price's seed quote with one word changed. */
export const SAMPLE_MISQUOTE = [
  '# Talks resume',
  '',
  'State Department spokesman Ned Price said the talks "were candid, they were substantive."',
  '',
  'Washington "would continue to compete aggressively, stand up for US interests and values," Price said.',
  '',
].join('\n');

/** The tree data providers, exported through the extension's API for the tests. */
export interface SourcebookViews {
  sources: SourcesTreeProvider;
  people: PeopleTreeProvider;
  draft: DraftTreeProvider;
}

type SourcesState = 'indexing' | 'empty' | 'ready';

interface QuoteArg {
  quoteId?: unknown;
}

interface DraftRangeArg {
  documentUri?: unknown;
  start?: unknown;
  end?: unknown;
  finding?: unknown;
}

function isFindingNode(value: unknown): value is FindingNode {
  return typeof value === 'object' && value !== null && (value as FindingNode).kind === 'finding' && typeof (value as FindingNode).documentUri === 'string';
}

/** Sets a context key only when its value changes (each set is a round trip to the workbench). */
function contextKey<T>(name: string): (value: T) => void {
  let last: T | undefined;
  return (value) => {
    if (value === last) return;
    last = value;
    void vscode.commands.executeCommand('setContext', name, value);
  };
}

/** Returns the providers, or undefined when the sidebar could not start (the rest of the extension still runs). */
export function registerViews(context: vscode.ExtensionContext, deps: Deps): SourcebookViews | undefined {
  try {
    return createViews(context, deps);
  } catch (error) {
    deps.log.error(`Could not start the sidebar: ${error instanceof Error ? (error.stack ?? error.message) : describeError(error)}`);
    return undefined;
  }
}

function createViews(context: vscode.ExtensionContext, deps: Deps): SourcebookViews {
  const { indexer } = deps;
  const sources = new SourcesTreeProvider(indexer);
  const people = new PeopleTreeProvider(indexer);
  const tracker = new DraftTracker(deps);
  const draft = new DraftTreeProvider(deps, tracker);
  // The tree views themselves are created a moment after activate() returns:
  // creating them was its slowest part (1.8 to 32.8 ms in three runs), and
  // the providers and commands registered here are all a first click needs.
  let draftView: vscode.TreeView<DraftNode> | undefined;
  let draftLabel: { description: string | undefined; badge: vscode.ViewBadge | undefined } = { description: undefined, badge: undefined };
  const showDraftLabel = (): void => {
    if (!draftView) return;
    draftView.description = draftLabel.description;
    draftView.badge = draftLabel.badge;
  };
  const createLater = setTimeout(() => {
    try {
      const created = [
        vscode.window.createTreeView(VIEW_IDS.sources, { treeDataProvider: sources, showCollapseAll: true }),
        vscode.window.createTreeView(VIEW_IDS.people, { treeDataProvider: people, showCollapseAll: true }),
        (draftView = vscode.window.createTreeView(VIEW_IDS.draft, { treeDataProvider: draft })),
      ];
      context.subscriptions.push(...created);
      showDraftLabel();
    } catch (error) {
      deps.log.error(`Could not show the sidebar: ${error instanceof Error ? (error.stack ?? error.message) : describeError(error)}`);
    }
  }, 0);

  const setSourcesState = contextKey<SourcesState>('sourcebook.sourcesState');
  const updateSourcesState = (): void => {
    const count = indexer.index.stats().sources;
    setSourcesState(count > 0 ? 'ready' : indexer.ready ? 'empty' : 'indexing');
  };
  const setDraftState = contextKey<DraftState>('sourcebook.draftState');
  setSourcesState('indexing');
  setDraftState('none');

  context.subscriptions.push(
    sources,
    people,
    tracker,
    draft,
    { dispose: () => clearTimeout(createLater) },
    indexer.onDidChange(() => {
      sources.refresh();
      people.refresh();
      draft.refresh();
      updateSourcesState();
    }),
    indexer.onDidChangeProgress(updateSourcesState),
    draft.onDidComputeState(({ state, document, problems }) => {
      setDraftState(state);
      draftLabel = {
        description: document ? draftName(document) : undefined,
        badge: problems > 0 ? { value: problems, tooltip: `${problems} ${problems === 1 ? 'quote' : 'quotes'} to fix` } : undefined,
      };
      showDraftLabel();
    }),

    // Inline actions and context menus (package.json `menus`, matched on contextValue).
    vscode.commands.registerCommand('sourcebook.views.insertQuote', (node?: QuoteArg) => insertIntoDraft(deps, tracker, node)),
    vscode.commands.registerCommand('sourcebook.views.openInSource', (node?: QuoteArg | FindingNode) => openInSource(node)),
    vscode.commands.registerCommand('sourcebook.views.revealInDraft', (arg?: FindingNode | DraftRangeArg) => revealInDraft(arg)),
    vscode.commands.registerCommand('sourcebook.views.useSourceWording', (node?: FindingNode) => useSourceWording(deps, node)),
    vscode.commands.registerCommand('sourcebook.showDraftQuotes', () => vscode.commands.executeCommand(`${VIEW_IDS.draft}.focus`)),
    vscode.commands.registerCommand('sourcebook.tryMisquote', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: SAMPLE_MISQUOTE });
      const editor = await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand(`${VIEW_IDS.draft}.focus`);
      // The view took the focus; the reporter goes on typing in the draft.
      await vscode.window.showTextDocument(editor.document, editor.viewColumn);
      return editor.document;
    }),
  );
  return { sources, people, draft };
}

function draftName(document: vscode.TextDocument): string {
  return document.isUntitled ? document.uri.path : (document.uri.path.split('/').pop() ?? document.uri.path);
}

/**
 * Inserts into the draft, never into a source: a click on a quote row opens
 * its article, so the active editor may well be the source by now.
 */
async function insertIntoDraft(deps: Deps, tracker: DraftTracker, node: QuoteArg | undefined): Promise<boolean> {
  if (!node || typeof node.quoteId !== 'string') {
    void vscode.window.showWarningMessage('Sourcebook: Insert Quote works on a quote in the Sources or People view.');
    return false;
  }
  const active = vscode.window.activeTextEditor;
  if (!active || !tracker.isDraft(active.document)) {
    const document = tracker.document;
    if (!document) {
      const quote = deps.indexer.index.quoteById(node.quoteId);
      if (!quote) return false;
      await vscode.env.clipboard.writeText(standaloneQuoteCitation(deps.indexer, quote));
      void vscode.window.showInformationMessage('Sourcebook: no draft is open; the citation was copied to the clipboard.');
      return false;
    }
    const shown = tracker.editor();
    await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn, preserveFocus: false, preview: false });
  }
  const inserted = await vscode.commands.executeCommand<boolean>('sourcebook.insertCitation', { quoteId: node.quoteId });
  return inserted === true;
}

function openInSource(node: QuoteArg | FindingNode | undefined): Thenable<unknown> {
  if (isFindingNode(node)) {
    const source = node.finding.source;
    if (!source) {
      void vscode.window.showInformationMessage('Sourcebook: this quote is in no source.');
      return Promise.resolve(undefined);
    }
    return vscode.commands.executeCommand('sourcebook.openSource', source.quoteId ? { quoteId: source.quoteId } : { path: source.path, start: source.start, end: source.end });
  }
  if (node && typeof node.quoteId === 'string') return vscode.commands.executeCommand('sourcebook.openSource', { quoteId: node.quoteId });
  void vscode.window.showWarningMessage('Sourcebook: Open in Source works on a quote in the sidebar.');
  return Promise.resolve(undefined);
}

async function revealInDraft(arg: FindingNode | DraftRangeArg | undefined): Promise<vscode.TextEditor | undefined> {
  const target = isFindingNode(arg) ? { documentUri: arg.documentUri, start: arg.finding.start, end: arg.finding.end } : arg;
  if (!target || typeof target.documentUri !== 'string' || !isOffset(target.start) || !isOffset(target.end) || target.end < target.start) return undefined;
  const uri = target.documentUri;
  // Only a document that is open: a row from a closed draft leads nowhere.
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (!document) {
    void vscode.window.showInformationMessage('Sourcebook: that draft is no longer open.');
    return undefined;
  }
  const selection = new vscode.Selection(document.positionAt(target.start), document.positionAt(target.end));
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, selection, preview: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** The misquote's inline fix, the same edit as the quick fix: only the quoted words change. */
async function useSourceWording(deps: Deps, node: FindingNode | undefined): Promise<boolean> {
  if (!isFindingNode(node) || node.finding.kind !== 'misquote') return false;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === node.documentUri);
  if (!document) return false;
  // Checked again against the text as it is now: the row may be older than the last keystroke.
  const current = deps.verifier.findings(document).find((f) => f.kind === 'misquote' && f.text === node.finding.text && f.expected === node.finding.expected);
  if (!current || current.expected === null) {
    void vscode.window.showInformationMessage('Sourcebook: that quote has changed since; nothing was replaced.');
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(current.start), document.positionAt(current.end)), current.expected);
  return vscode.workspace.applyEdit(edit);
}
