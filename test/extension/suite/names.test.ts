// Completion of names (AP first and later reference) and Go to Definition,
// through the editor's own commands.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, draft, indexed, positionOf } from './helpers';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function insertTextOf(item: vscode.CompletionItem): string {
  const text = item.insertText ?? labelOf(item);
  return typeof text === 'string' ? text : text.value;
}

async function completionsAtEnd(editor: vscode.TextEditor): Promise<vscode.CompletionItem[]> {
  const end = editor.document.positionAt(editor.document.getText().length);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end);
  return list.items;
}

describe('Name completion', () => {
  before(indexed);
  after(closeAll);

  it('offers "Title Full Name" on the first reference', async () => {
    const editor = await draft('The envoys met on Sunday. Pr');
    const item = (await completionsAtEnd(editor)).find((i) => labelOf(i) === 'Ned Price');
    assert.ok(item, 'Ned Price is offered after "Pr"');
    assert.strictEqual(insertTextOf(item), 'State Department spokesman Ned Price');
    const doc = item.documentation;
    assert.ok(doc instanceof vscode.MarkdownString || typeof doc === 'string', 'the card is the documentation');
    assert.ok((typeof doc === 'string' ? doc : doc.value).includes('State Department spokesman'));
  });

  it('offers the surname once the draft has named the person', async () => {
    const editor = await draft('State Department spokesman Ned Price spoke first.\n\nLater, Pr');
    const item = (await completionsAtEnd(editor)).find((i) => labelOf(i) === 'Ned Price');
    assert.ok(item);
    assert.strictEqual(insertTextOf(item), 'Price');
  });

  it('needs two letters, the first a capital', async () => {
    const one = await draft('Then P');
    assert.ok(!(await completionsAtEnd(one)).some((i) => labelOf(i) === 'Ned Price'), 'one letter is not enough');
    const lower = await draft('The pr');
    assert.ok(!(await completionsAtEnd(lower)).some((i) => labelOf(i) === 'Ned Price'), 'a lower-case word is not a name');
  });
});

describe('Go to Definition', () => {
  before(indexed);
  after(closeAll);

  it('opens the first mention of the name in the sources', async () => {
    const editor = await draft('Price said so.\n');
    const results = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      editor.document.uri,
      positionOf(editor.document, 'Price', 2),
    );
    assert.strictEqual(results.length, 1, JSON.stringify(results));
    const first = results[0];
    const uri = 'targetUri' in first ? first.targetUri : first.uri;
    const range = 'targetUri' in first ? first.targetRange : first.range;
    assert.ok(uri.path.endsWith('000_0af8d4bc5d39ec79.txt'), uri.toString());
    const source = await vscode.workspace.openTextDocument(uri);
    const named = source.getText(range);
    assert.ok(named === 'Ned Price' || named === 'Price', `the range covers his name, got ${JSON.stringify(named)}`);
    // The first mention: no earlier occurrence of his name in that article.
    assert.ok(source.getText().indexOf('Price') >= source.offsetAt(range.start), 'it is the first mention');
  });

  it('for a shared surname, offers each candidate', async () => {
    const editor = await draft('Wang said so.\n');
    const results = await vscode.commands.executeCommand<unknown[]>('vscode.executeDefinitionProvider', editor.document.uri, positionOf(editor.document, 'Wang'));
    assert.strictEqual(results.length, 2);
  });
});
