// The ground everything else stands on: in a real VS Code the extension
// activates, registers every command its manifest contributes, and answers a
// hover on a person named in a Markdown draft.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'sourcebook.sourcebook';
const projectRoot = path.resolve(__dirname, '..', '..', '..', '..');

interface Manifest {
  contributes: { commands: { command: string }[] };
}

function hoverText(hover: vscode.Hover): string {
  return hover.contents
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Foundation', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is installed in the host`);
    extension = found;
    await extension.activate();
  });

  it('activates', () => {
    assert.strictEqual(extension.isActive, true);
  });

  it('registers every command that package.json contributes', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as Manifest;
    const contributed = manifest.contributes.commands.map((entry) => entry.command);
    assert.ok(contributed.length >= 5, 'the manifest contributes the five commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('answers a hover on "Ned Price" in a Markdown draft with his card', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('draft.md'));
    assert.strictEqual(document.languageId, 'markdown');
    await vscode.window.showTextDocument(document);
    const offset = document.getText().indexOf('Ned Price');
    assert.ok(offset >= 0, 'the draft names Ned Price');
    // Inside the name, on "Price".
    const position = document.positionAt(offset + 'Ned Pr'.length);
    // The sources are read in the background after activation; ask again
    // until the index answers (a readiness wait, not a timing assertion).
    let text = '';
    for (let attempt = 0; attempt < 60 && !text.includes('Ned Price'); attempt++) {
      if (attempt > 0) await pause(500);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      text = (hovers ?? []).map(hoverText).join('\n---\n');
    }
    assert.ok(text.includes('Ned Price'), `the hover names Ned Price; got: ${JSON.stringify(text)}`);
    // The card carries what the seed article says about him, not just the name.
    assert.ok(text.includes('State Department spokesman'), `the card gives his title; got: ${JSON.stringify(text)}`);
  });
});
