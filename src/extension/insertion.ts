// Puts a citation into the editor: at every cursor (selections replaced), a
// footnote definition at the end when the style has one, all as one undoable
// edit; or on the clipboard when there is no editor to put it in.
import * as vscode from 'vscode';

/** What to insert, worked out against the document as it is at that moment. */
export interface CitationEdit {
  /** Text for each selection, in the order of `editor.selections`. */
  inline: string[];
  /** A footnote definition line ("[^3]: …") to append at the end, if any. */
  footnote?: string;
}

/** The editor a picker was opened from, and the document version it saw. */
export interface EditorTarget {
  editor: vscode.TextEditor;
  version: number;
}

export function captureTarget(): EditorTarget | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor ? { editor, version: editor.document.version } : undefined;
}

function isOpen(editor: vscode.TextEditor): boolean {
  return !editor.document.isClosed && vscode.window.visibleTextEditors.includes(editor);
}

/** The text that joins a footnote definition to the end of the document. */
export function footnoteSuffix(documentText: string, definition: string): string {
  if (documentText === '') return definition + '\n';
  const trimmedEnd = documentText.replace(/[ \t]+$/, '');
  const lastLine = trimmedEnd.slice(trimmedEnd.lastIndexOf('\n') + 1);
  const endsWithNewline = /\r?\n$/.test(documentText);
  const eol = documentText.includes('\r\n') ? '\r\n' : '\n';
  // Definitions stay together: after an existing one, a single line break.
  if (/^\[\^[^\]]+\]:/.test(lastLine) || (endsWithNewline && /^\[\^[^\]]+\]:/.test(trimmedEnd.split(/\r?\n/).slice(-2)[0] ?? ''))) {
    return (endsWithNewline ? '' : eol) + definition + eol;
  }
  if (/(\r?\n){2}$/.test(documentText)) return definition + eol;
  return (endsWithNewline ? eol : eol + eol) + definition + eol;
}

/**
 * Applies `build(document)` to `target` as one undo step. Returns whether the
 * text was inserted; every way it was not is reported to the user.
 */
export async function applyCitation(
  target: EditorTarget | undefined,
  build: (document: vscode.TextDocument, selections: readonly vscode.Selection[]) => CitationEdit,
  clipboardText: () => string,
  what: string,
): Promise<boolean> {
  if (!target || !isOpen(target.editor)) {
    await vscode.env.clipboard.writeText(clipboardText());
    void vscode.window.showInformationMessage(
      target ? `Sourcebook: the editor was closed, so the ${what} was copied to the clipboard instead.` : `Sourcebook: no editor is open; the ${what} was copied to the clipboard.`,
    );
    return false;
  }
  const { editor } = target;
  // Everything is computed from the document as it is now, so a change made
  // while the picker was open cannot leave a half-right citation.
  const document = editor.document;
  const selections = [...editor.selections];
  const edit = build(document, selections);
  const text = document.getText();
  const end = document.positionAt(text.length);
  const suffix = edit.footnote ? footnoteSuffix(text, edit.footnote) : '';
  const applied = await editor.edit(
    (builder) => {
      let suffixPlaced = suffix === '';
      selections.forEach((selection, i) => {
        let insert = edit.inline[i] ?? edit.inline[0];
        // A cursor at the very end and the footnote would touch: one replacement holds both.
        if (!suffixPlaced && selection.end.isEqual(end)) {
          insert += suffix;
          suffixPlaced = true;
        }
        builder.replace(selection, insert);
      });
      if (!suffixPlaced) builder.insert(end, suffix);
    },
    { undoStopBefore: true, undoStopAfter: true },
  );
  if (!applied) {
    void vscode.window.showWarningMessage(`Sourcebook: the document changed while the ${what} was being inserted; nothing was inserted. Try again.`);
    return false;
  }
  // The cursors go after each citation, not after a footnote appended at the end.
  const order = selections.map((selection, i) => ({ i, start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) })).sort((a, b) => a.start - b.start);
  const after: vscode.Selection[] = new Array<vscode.Selection>(selections.length);
  let delta = 0;
  for (const { i, start, end } of order) {
    const inserted = edit.inline[i] ?? edit.inline[0];
    const position = document.positionAt(start + delta + inserted.length);
    after[i] = new vscode.Selection(position, position);
    delta += inserted.length - (end - start);
  }
  editor.selections = after;
  return true;
}
