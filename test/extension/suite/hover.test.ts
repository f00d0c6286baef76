// Hover cards over people's names and over quoted passages, through
// vscode.executeHoverProvider in the real editor.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, commandLinks, draft, hoverAt, indexed, markdownOf, positionOf, readable } from './helpers';

async function cardAt(editor: vscode.TextEditor, needle: string, inside = 1, occurrence = 0): Promise<string> {
  const hovers = await hoverAt(editor.document, positionOf(editor.document, needle, inside, occurrence));
  return hovers.map(markdownOf).join('\n---\n');
}

describe('Hover cards', () => {
  before(async () => {
    const stats = await indexed();
    assert.ok(stats.quotes >= 4, `the seed and workspace sources are indexed (${JSON.stringify(stats)})`);
  });
  after(closeAll);

  it('shows the card of a full name: name, title, quotes with insert and open links, where mentioned', async () => {
    const editor = await draft('The talks, said State Department spokesman Ned Price, went well.\n');
    const card = await cardAt(editor, 'Ned Price', 5);
    const text = readable(card);
    assert.ok(text.includes('**Ned Price**'), card);
    assert.ok(text.includes('State Department spokesman'), card);
    assert.ok(text.includes('were candid, they were substantive.'), `his quote is on the card: ${card}`);
    assert.ok(text.includes('Bloomberg, 2022'), `outlet and date: ${card}`);
    assert.ok(/mention/.test(text), card);
    const links = commandLinks(card);
    const inserts = links.filter((l) => l.command === 'sourcebook.insertCitation');
    const opens = links.filter((l) => l.command === 'sourcebook.openSource');
    assert.strictEqual(inserts.length, 2, `one insert link per quote of his: ${card}`);
    assert.ok(opens.length >= 2, card);
    for (const link of inserts) assert.strictEqual(typeof (link.args as { quoteId?: unknown }).quoteId, 'string');
  });

  it('answers on the surname alone and on a possessive', async () => {
    const editor = await draft('Price said more. Blinken’s trip is next.\n');
    assert.ok(readable(await cardAt(editor, 'Price')).includes('**Ned Price**'));
    assert.ok(readable(await cardAt(editor, 'Blinken’s', 2)).includes('Antony Blinken'));
  });

  it('lists every candidate for a shared surname ("Wang")', async () => {
    const editor = await draft('Wang said the talks went well.\n');
    const text = readable(await cardAt(editor, 'Wang'));
    assert.ok(text.includes('Wang Wenbin'), text);
    assert.ok(text.includes('Wang Yi'), text);
    assert.ok(/may be any of 2 people/.test(text), text);
  });

  it('lets a title pick the person: "Foreign Minister Wang" is Wang Yi', async () => {
    const editor = await draft('Foreign Minister Wang spoke on Monday.\n');
    const text = readable(await cardAt(editor, 'Wang'));
    assert.ok(text.includes('Wang Yi'), text);
    assert.ok(!text.includes('Wang Wenbin'), text);
  });

  it('says nothing over a word that names nobody', async () => {
    const editor = await draft('The price of ferries rose.\n');
    assert.deepStrictEqual(await hoverAt(editor.document, positionOf(editor.document, 'price')), []);
    assert.deepStrictEqual(await hoverAt(editor.document, positionOf(editor.document, 'ferries')), []);
  });

  it('over a quoted passage, says whether it is verified and where from', async () => {
    const editor = await draft('State Department spokesman Ned Price said the talks "were candid, they were substantive."\n');
    const text = readable(await cardAt(editor, 'candid'));
    assert.ok(/Verified/.test(text), text);
    assert.ok(text.includes('Bloomberg'), text);
    const wrong = await draft('Price said Washington "would continue to compete aggressively, stand up for US interests and values."\n');
    const misquote = readable(await cardAt(wrong, 'aggressively'));
    assert.ok(/Misquote/.test(misquote), misquote);
    assert.ok(misquote.includes('compete vigorously'), misquote);
  });
});
