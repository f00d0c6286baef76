// The index follows the workspace: a file written into sources/ is found,
// a change is re-read, a deletion forgotten, without a reload. Source text
// in a card stays inert text.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, commandLinks, draft, eventually, hoverAt, indexed, markdownOf, positionOf, readable, workspaceUri } from './helpers';

const FILE = 'sources/zz-test-harbor.txt';

function article(quote: string): string {
  return [
    'Harbor board delays vote',
    'By Staff, Lakeside Ledger, 2025',
    '',
    `LAKESIDE — Harbor master Quinby Marchetti said the board "${quote}" before the spring season.`,
    '',
    'Marchetti said the board would meet again in May.',
    '',
  ].join('\n');
}

async function cardFor(name: string): Promise<string> {
  const editor = await draft(`${name} spoke.\n`);
  const hovers = await hoverAt(editor.document, positionOf(editor.document, name, 1));
  return hovers.map(markdownOf).join('\n');
}

describe('Workspace sources', () => {
  const uri = workspaceUri(FILE);

  before(indexed);
  after(async () => {
    await closeAll();
    try {
      await vscode.workspace.fs.delete(uri);
    } catch {
      // already gone
    }
  });

  it('finds a new file written into sources/, re-reads it when it changes, forgets it when deleted', async () => {
    const before = await indexed();
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(article('will decide on the dredging contract')));
    const card = await eventually('the new source to be indexed', async () => {
      const c = readable(await cardFor('Marchetti'));
      return c.includes('Quinby Marchetti') ? c : undefined;
    });
    assert.ok(card.includes('will decide on the dredging contract'), card);
    assert.strictEqual((await indexed()).sources, before.sources + 1);

    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(article('will postpone the dredging contract')));
    const changed = await eventually('the changed source to be re-read', async () => {
      const c = readable(await cardFor('Marchetti'));
      return c.includes('will postpone') ? c : undefined;
    });
    assert.ok(!changed.includes('will decide'), 'the old wording is gone');
    assert.strictEqual((await indexed()).sources, before.sources + 1, 'still one file, not two');

    await vscode.workspace.fs.delete(uri);
    await eventually('the deleted source to be forgotten', async () => ((await cardFor('Marchetti')) === '' ? true : undefined));
    assert.strictEqual((await indexed()).sources, before.sources);
  });

  it('keeps source text inert in a card: no links, HTML or commands of its own', async () => {
    const hostile = 'click [here](command:workbench.action.closeWindow) or <img src=x onerror=alert(1)> **now** $(alert)';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(article(hostile)));
    const hover = await eventually('the hostile source to be indexed', async () => {
      const editor = await draft('Marchetti spoke.\n');
      const hovers = await hoverAt(editor.document, positionOf(editor.document, 'Marchetti', 1));
      return hovers.length > 0 && markdownOf(hovers[0]).includes('closeWindow') ? hovers[0] : undefined;
    });
    const card = markdownOf(hover);
    const commands = commandLinks(card).map((l) => l.command);
    assert.ok(commands.length > 0, 'the card has its own links');
    assert.deepStrictEqual([...new Set(commands)].sort(), ['sourcebook.insertCitation', 'sourcebook.openSource'], card);
    assert.ok(!card.includes('](command:workbench'), 'the source’s link is not a link');
    assert.ok(!/(^|[^\\])<img/.test(card), 'the source’s HTML is escaped');
    assert.ok(!/(^|[^\\])\*\*now/.test(card), 'the source’s emphasis is escaped');
    assert.ok(readable(card).includes(hostile.replace(/\s+/g, ' ')), 'the text itself is shown as written');
    const content = hover.contents[0];
    if (content instanceof vscode.MarkdownString) {
      assert.notStrictEqual(content.isTrusted, true, 'not every command is trusted');
      assert.ok(!content.supportHtml, 'no HTML');
    }
  });
});
