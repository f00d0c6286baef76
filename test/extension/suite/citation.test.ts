// Inserting citations: from a quote id (hover links, scripts), at every
// cursor, as one undo step; AP first and later references; footnotes; the
// picker pre-filtered by the selection; the clipboard when no editor is open.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, commandLinks, draft, hoverAt, indexed, markdownOf, pause, positionOf, setSetting } from './helpers';

const FIRST = '“were candid, they were substantive,” State Department spokesman Ned Price said.';
const LATER = '“were candid, they were substantive,” Price said.';

/** The quote id of Ned Price's "candid" quote, read from his hover card: the insert link after the quote. */
async function candidQuoteId(): Promise<string> {
  const editor = await draft('Ned Price\n');
  const hovers = await hoverAt(editor.document, positionOf(editor.document, 'Price'));
  const card = hovers.map(markdownOf).join('\n');
  const at = card.indexOf('candid');
  assert.ok(at >= 0, `the card shows the candid quote: ${card}`);
  const link = commandLinks(card.slice(at)).find((l) => l.command === 'sourcebook.insertCitation');
  assert.ok(link, `the card has an insert link for the candid quote: ${card}`);
  return (link.args as { quoteId: string }).quoteId;
}

describe('Insert Citation', () => {
  let quoteId: string;

  before(async () => {
    await indexed();
    quoteId = await candidQuoteId();
  });
  afterEach(async () => {
    await setSetting('citationStyle', undefined);
    await setSetting('quoteMarks', undefined);
  });
  after(closeAll);

  it('inserts the AP citation at the cursor, and one undo removes it', async () => {
    const original = 'The talks went on for hours. \n';
    const editor = await draft(original);
    const at = editor.document.positionAt(original.indexOf('\n'));
    editor.selection = new vscode.Selection(at, at);
    const inserted = await vscode.commands.executeCommand<boolean>('sourcebook.insertCitation', { quoteId });
    assert.strictEqual(inserted, true);
    assert.strictEqual(editor.document.getText(), `The talks went on for hours. ${FIRST}\n`);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original, 'one undo step restores the text');
  });

  it('uses the surname once the draft names him', async () => {
    const editor = await draft('Ned Price spoke.\n\n');
    const end = editor.document.positionAt(editor.document.getText().length);
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('sourcebook.insertCitation', { quoteId });
    assert.strictEqual(editor.document.getText(), `Ned Price spoke.\n\n${LATER}`);
  });

  it('replaces every selection at once; the first in reading order gets the first reference', async () => {
    const original = 'A: XX\nB: YY\n';
    const editor = await draft(original);
    const xx = positionOf(editor.document, 'XX', 0);
    const yy = positionOf(editor.document, 'YY', 0);
    editor.selections = [new vscode.Selection(yy, yy.translate(0, 2)), new vscode.Selection(xx, xx.translate(0, 2))];
    await vscode.commands.executeCommand('sourcebook.insertCitation', { quoteId });
    assert.strictEqual(editor.document.getText(), `A: ${FIRST}\nB: ${LATER}\n`);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original);
  });

  it('follows the document’s straight quotation marks', async () => {
    const editor = await draft('He said "yes" and "no". \n');
    const at = editor.document.positionAt(editor.document.getText().length - 1);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('sourcebook.insertCitation', { quoteId });
    assert.ok(editor.document.getText().includes('"were candid, they were substantive," State Department spokesman Ned Price said.'), editor.document.getText());
  });

  it('footnote style: the marker at the cursor and the definition at the end, numbered after the document’s own, in one undo step', async () => {
    await setSetting('citationStyle', 'footnote');
    const original = 'Earlier claim.[^1] Then: \n\nMore text.\n\n[^1]: An earlier note.\n';
    const editor = await draft(original);
    const at = positionOf(editor.document, 'Then: ', 6);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('sourcebook.insertCitation', { quoteId });
    const text = editor.document.getText();
    assert.ok(text.includes('Then: “were candid, they were substantive.”[^2]'), text);
    assert.ok(text.endsWith('[^1]: An earlier note.\n[^2]: Ned Price, State Department spokesman, quoted by Bloomberg, 2022 (000_0af8d4bc5d39ec79.txt).\n'), text);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original);
  });

  it('with no editor open, copies the citation to the clipboard', async () => {
    await closeAll();
    await vscode.env.clipboard.writeText('');
    const inserted = await vscode.commands.executeCommand<boolean>('sourcebook.insertCitation', { quoteId });
    assert.strictEqual(inserted, false);
    assert.strictEqual(await vscode.env.clipboard.readText(), FIRST);
  });

  it('rejects an unknown quote id without touching the document', async () => {
    const editor = await draft('Unchanged.\n');
    const inserted = await vscode.commands.executeCommand<boolean>('sourcebook.insertCitation', { quoteId: 'no-such-quote' });
    assert.strictEqual(inserted, false);
    assert.strictEqual(editor.document.getText(), 'Unchanged.\n');
  });

  it('without an argument opens the quote picker filtered by the selection; accepting inserts the best match', async () => {
    const editor = await draft('Lead. candid substantive\n');
    const start = positionOf(editor.document, 'candid', 0);
    editor.selection = new vscode.Selection(start, editor.document.lineAt(0).range.end);
    const picking = vscode.commands.executeCommand('sourcebook.insertCitation');
    // The picker is real VS Code UI: accept its first item the way Enter does.
    await pause(500);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await picking;
    assert.strictEqual(editor.document.getText(), `Lead. ${FIRST}\n`);
  });
});
