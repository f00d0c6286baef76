// Shared steps of the editor-feature suites: activate, wait for the index,
// open drafts, read hover cards. Waits are readiness waits (poll until the
// state is reached, with a generous cap), never timing assertions.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'sourcebook.sourcebook';

interface SourcebookApi {
  whenIndexed(): Promise<{ sources: number; quotes: number; people: number }>;
}

export async function indexed(): Promise<{ sources: number; quotes: number; people: number }> {
  const extension = vscode.extensions.getExtension<SourcebookApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const api = await extension.activate();
  return api.whenIndexed();
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value other than undefined (cap: ~30 s). */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, tries = 150): Promise<T> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await pause(200);
  }
  throw new Error(`gave up waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** A new untitled Markdown draft, shown in an editor. */
export async function draft(content: string, language = 'markdown'): Promise<vscode.TextEditor> {
  let document = await vscode.workspace.openTextDocument({ language, content });
  // A closed draft's "Untitled-1" can linger in the workbench a moment after the extension host
  // let it go (seen on a loaded machine, after closeAll had waited for it): the new draft then
  // comes back with the old text. Closed again and reopened until it holds its own.
  for (let tries = 0; document.getText() !== content && tries < 40; tries++) {
    await closeAll();
    await new Promise((resolve) => setTimeout(resolve, 250));
    document = await vscode.workspace.openTextDocument({ language, content });
  }
  assert.strictEqual(document.getText(), content, `a new draft (${document.uri.toString()}) holds what it was opened with`);
  return vscode.window.showTextDocument(document);
}

/**
 * Closes every editor and waits until the untitled drafts are gone from the
 * extension host too: the next draft reuses the name "Untitled-1", and
 * opening it while the closed one was still known once gave the test the old
 * draft's text.
 */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const gone = (): boolean => !vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'untitled');
  for (let waited = 0; !gone() && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
}

export function positionOf(document: vscode.TextDocument, needle: string, inside = 1, occurrence = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = document.getText().indexOf(needle, offset + 1);
  // The document's name and text in the message: a failure here once could not be explained afterwards.
  assert.ok(offset >= 0, `the text contains ${JSON.stringify(needle)} (${document.uri.toString()}, version ${document.version}: ${JSON.stringify(document.getText().slice(0, 200))})`);
  return document.positionAt(offset + inside);
}

export function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

export async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
}

/** Our card's Markdown, unescaped the way the renderer would read it (backslash escapes removed). */
export function readable(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The JSON arguments of every `command:ID?ARGS` link in a card. */
export function commandLinks(markdown: string): { command: string; args: unknown }[] {
  const links: { command: string; args: unknown }[] = [];
  for (const m of markdown.matchAll(/\]\(command:([\w.]+)(?:\?([^)\s]*))?/g)) {
    links.push({ command: m[1], args: m[2] ? JSON.parse(decodeURIComponent(m[2])) : undefined });
  }
  return links;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('sourcebook').update(key, value, vscode.ConfigurationTarget.Global);
}

export function diagnosticsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sourcebook');
}
