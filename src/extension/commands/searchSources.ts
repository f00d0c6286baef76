// `sourcebook.searchSources`: every sentence of every source in a picker,
// for facts to paraphrase; the accepted one is inserted with attribution to
// the outlet.
import * as vscode from 'vscode';
import { sentenceCitationEdit, standaloneSentenceCitation, type SentenceRef } from '../citations';
import type { Deps } from '../deps';
import { applyCitation, captureTarget } from '../insertion';
import { PICKER_LIMIT, plain, shorten, showPicker } from '../picker';

function selectedText(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) return '';
  return editor.document.getText(editor.selection).replace(/\s+/g, ' ').trim().slice(0, 200);
}

export function register(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('sourcebook.searchSources', () => {
      const target = captureTarget();
      const index = deps.indexer.index;
      return showPicker<SentenceRef>(deps.indexer, {
        title: 'Sourcebook: Search Sources',
        placeholder: 'Words of a sentence in the sources, or the outlet',
        // Selected words are the likeliest search: start with them.
        initialQuery: selectedText(),
        emptyMessage: 'No sentence matches.',
        search: (query) => index.searchSentences(query, PICKER_LIMIT),
        toItem: (ref) => ({
          label: shorten(ref.text, 200),
          description: plain(`${ref.article.meta.outlet ?? 'unknown outlet'}, ${ref.article.meta.date ?? 'undated'}`),
          detail: plain(deps.indexer.fileLabel(ref.article.path)),
        }),
        accept: (ref) => applyCitation(target, (document, selections) => sentenceCitationEdit(ref, document, selections), () => standaloneSentenceCitation(ref), 'sentence'),
        open: (ref) => vscode.commands.executeCommand('sourcebook.openSource', { path: ref.article.path, start: ref.sentence.start, end: ref.sentence.end }),
        copy: async (ref) => {
          await vscode.env.clipboard.writeText(standaloneSentenceCitation(ref));
          vscode.window.setStatusBarMessage('Sourcebook: sentence copied with its attribution.', 3000);
        },
      });
    }),
  );
}
