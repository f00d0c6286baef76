// Quote verification in the editor: diagnostics on a draft, the quick fix
// that restores the source's wording, edits clearing them, the setting.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, diagnosticsOf, draft, eventually, indexed, setSetting } from './helpers';

// Price's longer seed quote with one word changed ("vigorously" -> "aggressively").
const MISQUOTE = 'Washington "would continue to compete aggressively, stand up for US interests and values," Price said.';
const REPAIRED = 'Washington "would continue to compete vigorously, stand up for US interests and values," Price said.';
const MISATTRIBUTED = 'Wang Wenbin said the talks "were candid, they were substantive."';
const UNSOURCED = 'Price said the moon "is made of green cheese and nothing else."';

function codes(uri: vscode.Uri): string[] {
  return diagnosticsOf(uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
}

describe('Quote diagnostics', () => {
  before(indexed);
  after(async () => {
    await setSetting('verifyQuotes', undefined);
    await closeAll();
  });

  it('flags a misquote with the source’s wording; the quick fix repairs it and the warning goes', async () => {
    const editor = await draft(`${MISQUOTE}\n`);
    const uri = editor.document.uri;
    const [diagnostic] = await eventually('the misquote diagnostic', () => (diagnosticsOf(uri).length > 0 ? diagnosticsOf(uri) : undefined));
    assert.strictEqual(diagnostic.code, 'misquote');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(diagnostic.message.includes('compete vigorously'), diagnostic.message);
    assert.ok(diagnostic.message.includes('“aggressively” → “vigorously”'), `the word that changed: ${diagnostic.message}`);
    assert.strictEqual(editor.document.getText(diagnostic.range), 'would continue to compete aggressively, stand up for US interests and values,');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === "Use the source's wording");
    assert.ok(fix && fix.edit, `the quick fix is offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(editor.document.getText(), `${REPAIRED}\n`, 'only the quoted words changed');
    await eventually('the warning to clear', () => (diagnosticsOf(uri).length === 0 ? true : undefined));
  });

  it('flags a misattributed quote, naming the source’s speaker', async () => {
    const editor = await draft(`${MISATTRIBUTED}\n`);
    const [diagnostic] = await eventually('the misattribution', () => (diagnosticsOf(editor.document.uri).length > 0 ? diagnosticsOf(editor.document.uri) : undefined));
    assert.strictEqual(diagnostic.code, 'misattributed');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(diagnostic.message.includes('Ned Price'), diagnostic.message);
  });

  it('marks an unsourced quote as information, and leaves a verified one alone', async () => {
    const editor = await draft(`${UNSOURCED}\n\nState Department spokesman Ned Price said the talks "were candid, they were substantive."\n`);
    const found = await eventually('the unsourced note', () => (diagnosticsOf(editor.document.uri).length > 0 ? diagnosticsOf(editor.document.uri) : undefined));
    assert.deepStrictEqual(found.map((d) => d.code), ['unsourced']);
    assert.strictEqual(found[0].severity, vscode.DiagnosticSeverity.Information);
  });

  it('clears the warning when the reporter fixes the quote by typing', async () => {
    const editor = await draft(`${MISQUOTE}\n`);
    const uri = editor.document.uri;
    await eventually('the misquote diagnostic', () => (codes(uri).includes('misquote') ? true : undefined));
    const text = editor.document.getText();
    const at = text.indexOf('aggressively');
    await editor.edit((b) => b.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'aggressively'.length)), 'vigorously'));
    await eventually('the warning to clear after the edit', () => (diagnosticsOf(uri).length === 0 ? true : undefined));
  });

  it('can be turned off with sourcebook.verifyQuotes', async () => {
    const editor = await draft(`${MISQUOTE}\n`);
    const uri = editor.document.uri;
    await eventually('the misquote diagnostic', () => (codes(uri).includes('misquote') ? true : undefined));
    await setSetting('verifyQuotes', false);
    await eventually('the diagnostics to go when the checks are off', () => (diagnosticsOf(uri).length === 0 ? true : undefined));
    await setSetting('verifyQuotes', undefined);
    await eventually('the diagnostics to come back', () => (codes(uri).includes('misquote') ? true : undefined));
  });
});
