// Open Source, Rebuild Index and Search Sources through executeCommand.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, commandLinks, draft, hoverAt, indexed, markdownOf, pause, positionOf, readable } from './helpers';

describe('Commands', () => {
  before(indexed);
  after(closeAll);

  it('Open Source selects the quote in its article, from the hover card’s link', async () => {
    const editor = await draft('Ned Price\n');
    const card = (await hoverAt(editor.document, positionOf(editor.document, 'Price'))).map(markdownOf).join('\n');
    const at = card.indexOf('candid');
    const open = commandLinks(card.slice(at)).find((l) => l.command === 'sourcebook.openSource');
    assert.ok(open, readable(card));
    await vscode.commands.executeCommand('sourcebook.openSource', open.args);
    const shown = vscode.window.activeTextEditor;
    assert.ok(shown && shown.document.uri.path.endsWith('000_0af8d4bc5d39ec79.txt'), shown?.document.uri.toString());
    assert.strictEqual(shown.document.getText(shown.selection), 'were candid, they were substantive.');
  });

  it('Open Source selects a mention span ({ path, start, end }) and refuses files that are not sources', async () => {
    const editor = await draft('Ned Price\n');
    const card = (await hoverAt(editor.document, positionOf(editor.document, 'Price'))).map(markdownOf).join('\n');
    const mention = commandLinks(card).find((l) => l.command === 'sourcebook.openSource' && typeof (l.args as { path?: unknown }).path === 'string');
    assert.ok(mention, 'the card links the first mention');
    await vscode.commands.executeCommand('sourcebook.openSource', mention.args);
    const shown = vscode.window.activeTextEditor;
    assert.ok(shown);
    assert.ok(/Price$/.test(shown.document.getText(shown.selection)), shown.document.getText(shown.selection));

    const other = await draft('Not a source.\n');
    const result = await vscode.commands.executeCommand('sourcebook.openSource', { path: '/etc/hostname', start: 0, end: 1 });
    assert.strictEqual(result, undefined);
    assert.strictEqual(vscode.window.activeTextEditor?.document, other.document, 'nothing else was opened');
  });

  it('Rebuild Index reads every source again and reports the counts', async () => {
    const before = await indexed();
    const stats = await vscode.commands.executeCommand<{ sources: number; quotes: number }>('sourcebook.rebuildIndex');
    assert.strictEqual(stats.sources, before.sources);
    assert.strictEqual(stats.quotes, before.quotes);
  });

  it('Search Sources starts from the selection and inserts the sentence attributed to its outlet', async () => {
    const editor = await draft('Xie Feng met Kritenbrink and Rosenberger\n');
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.lineAt(0).range.end);
    const picking = vscode.commands.executeCommand('sourcebook.searchSources');
    await pause(500);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await picking;
    const text = editor.document.getText();
    assert.ok(text.startsWith('Vice Foreign Minister Xie Feng met Assistant Secretary of State'), text);
    assert.ok(text.includes('according to Bloomberg.'), text);
  });
});
