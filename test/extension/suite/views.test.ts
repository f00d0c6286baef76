// The sidebar in the real host: the rows of Sources, People and In This
// Draft read through the extension's own tree data providers, every inline
// action run, and the manifest's views, welcome text and walkthrough checked
// against the commands that really exist.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SourcebookViews } from '../../../src/extension/views';
import type { DraftNode, FindingNode } from '../../../src/extension/views/draftView';
import type { PeopleNode } from '../../../src/extension/views/peopleView';
import type { SourcesNode } from '../../../src/extension/views/sourcesView';
import { closeAll, EXTENSION_ID, eventually, indexed } from './helpers';

const SEED = '000_0af8d4bc5d39ec79.txt';
const SEED_QUOTES = [
  'in-depth and constructive,',
  'properly handling issues',
  'were candid, they were substantive.',
  'would continue to compete vigorously',
];
const MISQUOTE = 'Washington "would continue to compete aggressively, stand up for US interests and values," Price said.';
const VERIFIED = 'State Department spokesman Ned Price said the talks "were candid, they were substantive."';
const MISATTRIBUTED = 'Wang Wenbin said the talks "were candid, they were substantive."';
const UNSOURCED = 'Price said the moon "is made of green cheese and nothing else."';

interface ApiWithViews {
  whenIndexed(): Promise<unknown>;
  views: SourcebookViews | undefined;
}

async function views(): Promise<SourcebookViews> {
  const extension = vscode.extensions.getExtension<ApiWithViews>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const api = await extension.activate();
  assert.ok(api.views, 'the sidebar started and its providers are exported');
  return api.views;
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

async function children<T>(provider: vscode.TreeDataProvider<T>, node?: T): Promise<T[]> {
  return (await provider.getChildren(node)) ?? [];
}

async function item<T>(provider: vscode.TreeDataProvider<T>, node: T): Promise<vscode.TreeItem> {
  return provider.getTreeItem(node);
}

function tooltipText(tree: vscode.TreeItem): string {
  return typeof tree.tooltip === 'string' ? tree.tooltip : (tree.tooltip?.value ?? '');
}

async function seedArticle(sidebar: SourcebookViews): Promise<SourcesNode> {
  const roots = await children(sidebar.sources);
  const seed = roots.find((n) => n.kind === 'article' && n.path.endsWith(SEED));
  assert.ok(seed, `the seed is listed among ${roots.length} articles`);
  return seed;
}

async function quoteRows(sidebar: SourcebookViews, article: SourcesNode): Promise<{ node: SourcesNode; item: vscode.TreeItem }[]> {
  const rows = [];
  for (const node of await children(sidebar.sources, article)) if (node.kind === 'quote') rows.push({ node, item: await item(sidebar.sources, node) });
  return rows;
}

async function person(sidebar: SourcebookViews, name: string): Promise<PeopleNode> {
  const roots = await children(sidebar.people);
  const found = roots.find((n) => n.kind === 'person' && n.name === name);
  assert.ok(found, `${name} is in People`);
  return found;
}

/** The draft view's quote rows for the active draft, once it shows `count` of them. */
async function findingRows(sidebar: SourcebookViews, count: number): Promise<FindingNode[]> {
  let seen = '';
  try {
    return await eventually(`${count} quote(s) in the draft view`, async () => {
      const rows = (await children(sidebar.draft)).filter((n): n is FindingNode => n.kind === 'finding');
      seen = `${rows.map((r) => `${r.finding.kind} “${r.finding.text}”`).join(', ')} in ${sidebar.draft.tracker.document?.uri.toString() ?? 'no draft'} (v${sidebar.draft.tracker.document?.version}: ${JSON.stringify(sidebar.draft.tracker.document?.getText().slice(0, 60))}, active: ${JSON.stringify(vscode.window.activeTextEditor?.document.getText().slice(0, 60))})`;
      return rows.length === count ? rows : undefined;
    });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; the view shows ${seen}`);
  }
}

/**
 * Closes every editor without the "save changes?" prompt a dirty untitled
 * draft would raise (a pending prompt would keep the next test's draft from
 * becoming active).
 */
async function discardEditors(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.activeTextEditor; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await closeAll();
}

let drafts = 0;

/**
 * A Markdown draft under a name of its own. Untitled-N names are reused as
 * soon as a draft closes, and a document reopened under a reused name can
 * reach the extension host with the closed one's text; a fresh name each time
 * keeps every test on its own draft.
 */
async function draft(content: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `sidebar-test-${++drafts}.md` });
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'markdown') document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), content));
  return editor;
}

function selected(editor: vscode.TextEditor | undefined): string {
  assert.ok(editor, 'an editor is active');
  return editor.document.getText(editor.selection);
}

describe('Sidebar views', () => {
  let sidebar: SourcebookViews;

  before(async () => {
    await indexed();
    sidebar = await views();
  });
  afterEach(discardEditors);

  it('Sources lists the seed with its headline, outlet, date and four quotes', async () => {
    const seed = await seedArticle(sidebar);
    const seedItem = await item(sidebar.sources, seed);
    assert.ok(label(seedItem).length > 0 && !label(seedItem).endsWith('.txt'), `the headline is the label: ${label(seedItem)}`);
    assert.strictEqual(seedItem.description, 'Bloomberg · 2022');
    assert.strictEqual(seedItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);

    const quotes = await quoteRows(sidebar, seed);
    assert.strictEqual(quotes.length, 4, quotes.map((q) => label(q.item)).join(' | '));
    SEED_QUOTES.forEach((words, i) => assert.ok(label(quotes[i].item).includes(words), `quote ${i + 1} is “${words}…”: ${label(quotes[i].item)}`));
    assert.deepStrictEqual(
      quotes.map((q) => q.item.description),
      ['China', 'Wang Wenbin', 'Ned Price', 'Ned Price'],
    );
    assert.ok(quotes.every((q) => q.item.contextValue === 'sourcebook.quote'));

    const people = (await children(sidebar.sources, seed)).filter((n) => n.kind === 'articlePerson');
    const price = people.find((n) => n.kind === 'articlePerson' && n.name === 'Ned Price');
    assert.ok(price, 'Ned Price is among the seed’s people');
    assert.ok(String((await item(sidebar.sources, price)).description).startsWith('State Department spokesman'));
  });

  it('a click on a quote in Sources opens the article with the quote selected', async () => {
    const [, , candid] = await quoteRows(sidebar, await seedArticle(sidebar));
    const command = candid.item.command;
    assert.ok(command, 'the row has a click command');
    assert.strictEqual(command.command, 'sourcebook.openSource');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await eventually('the seed to open', () => (vscode.window.activeTextEditor?.document.uri.path.endsWith(SEED) ? vscode.window.activeTextEditor : undefined));
    assert.strictEqual(selected(editor), 'were candid, they were substantive.');
  });

  it('People lists Ned Price with his title and two quotes, expanding to them', async () => {
    const price = await person(sidebar, 'Ned Price');
    const priceItem = await item(sidebar.people, price);
    assert.strictEqual(priceItem.description, 'State Department spokesman · 2 quotes');
    // The counts and the first mention, without the index building his mention list.
    const tooltip = typeof priceItem.tooltip === 'string' ? priceItem.tooltip : (priceItem.tooltip?.value ?? '');
    assert.ok(tooltip.includes('named 2 times in 1 source'), tooltip);
    assert.strictEqual(priceItem.command?.command, 'sourcebook.openSource');
    const [first] = priceItem.command.arguments as { path: string; start: number; end: number }[];
    assert.ok(first.path.endsWith(SEED), first.path);
    const seedText = (await vscode.workspace.openTextDocument(vscode.Uri.file(first.path))).getText();
    assert.ok(['Ned Price', 'Price'].includes(seedText.slice(first.start, first.end)), seedText.slice(first.start, first.end));
    assert.ok(seedText.indexOf('Price') >= first.start, 'it is his first mention');
    const quotes = await children(sidebar.people, price);
    assert.strictEqual(quotes.length, 2);
    const labels = await Promise.all(quotes.map(async (q) => label(await item(sidebar.people, q))));
    assert.ok(labels[0].includes('were candid') && labels[1].includes('compete vigorously'), labels.join(' | '));
    // Under a person the outlet is the news, not the speaker again.
    assert.strictEqual((await item(sidebar.people, quotes[0])).description, 'Bloomberg · 2022');
  });

  it('inline action Insert Quote puts the citation into the draft, even after the source was opened', async () => {
    const editor = await draft('The talks went well. \n');
    editor.selection = new vscode.Selection(editor.document.positionAt(21), editor.document.positionAt(21));
    await eventually('the draft view to follow the draft', () => (sidebar.draft.tracker.document === editor.document ? true : undefined));
    const [candid] = await children(sidebar.people, await person(sidebar, 'Ned Price'));
    // A click on the row opens the source: the source is now the active editor.
    await vscode.commands.executeCommand('sourcebook.views.openInSource', candid);
    await eventually('the seed to open', () => (vscode.window.activeTextEditor?.document.uri.path.endsWith(SEED) ? true : undefined));
    const seedText = vscode.window.activeTextEditor?.document.getText();

    const inserted = await vscode.commands.executeCommand<boolean>('sourcebook.views.insertQuote', candid);
    assert.strictEqual(inserted, true);
    assert.strictEqual(editor.document.getText(), 'The talks went well. “were candid, they were substantive,” State Department spokesman Ned Price said.\n');
    const seed = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith(SEED));
    assert.strictEqual(seed?.getText(), seedText, 'the source is untouched');
    assert.strictEqual(seed?.isDirty, false);
  });

  it('inline action Open in Source opens a person’s quote at its place', async () => {
    const [, vigorously] = await children(sidebar.people, await person(sidebar, 'Ned Price'));
    await vscode.commands.executeCommand('sourcebook.views.openInSource', vigorously);
    const editor = await eventually('the seed to open', () => (vscode.window.activeTextEditor?.document.uri.path.endsWith(SEED) ? vscode.window.activeTextEditor : undefined));
    assert.ok(selected(editor).startsWith('would continue to compete vigorously'), selected(editor));
  });

  it('In This Draft lists each quote with its status, and the people the draft cites', async () => {
    await draft(`${VERIFIED}\n\n${MISQUOTE}\n\n${MISATTRIBUTED}\n\n${UNSOURCED}\n`);
    const rows = await findingRows(sidebar, 4);
    const items = await Promise.all(rows.map((r) => item(sidebar.draft, r)));
    assert.deepStrictEqual(
      items.map((i) => String(i.description).split(' · ')[0]),
      ['verified', 'misquote', 'misattributed', 'unsourced'],
    );
    assert.deepStrictEqual(
      items.map((i) => i.contextValue),
      ['sourcebook.finding.verified.sourced', 'sourcebook.finding.misquote.sourced', 'sourcebook.finding.misattributed.sourced', 'sourcebook.finding.unsourced'],
    );
    assert.ok(label(items[1]).includes('compete aggressively'), label(items[1]));
    assert.ok(tooltipText(items[1]).includes('compete vigorously'), 'the misquote’s tooltip gives the source’s wording');
    assert.ok(String(items[2].description).includes('Ned Price said it, not Wang Wenbin'), String(items[2].description));

    // Expanding the misquote shows where the source is and what it says.
    const details = await children(sidebar.draft, rows[1]);
    const detailItems = await Promise.all(details.map((d) => item(sidebar.draft, d)));
    assert.ok(detailItems.some((d) => label(d).includes('would continue to compete vigorously')), detailItems.map(label).join(' | '));

    const group = (await children(sidebar.draft)).find((n) => n.kind === 'cited');
    assert.ok(group, 'a People cited group');
    const cited = await children(sidebar.draft, group);
    const names = cited.map((n) => (n.kind === 'citedPerson' ? n.name : ''));
    assert.ok(names.includes('Ned Price') && names.includes('Wang Wenbin'), names.join(', '));
    const price = cited.find((n): n is Extract<DraftNode, { kind: 'citedPerson' }> => n.kind === 'citedPerson' && n.name === 'Ned Price');
    assert.ok(price && price.findings.length >= 2, `Price is credited with the draft’s quotes of him: ${JSON.stringify(cited)}`);
  });

  it('a click on a draft quote selects it in the draft; Use the Source’s Wording fixes a misquote', async () => {
    const editor = await draft(`${MISQUOTE}\n`);
    const [row] = await findingRows(sidebar, 1);
    const rowItem = await item(sidebar.draft, row);
    assert.ok(rowItem.command);
    // Focus elsewhere first, so the click has to bring the draft back.
    await vscode.commands.executeCommand('sourcebook.views.openInSource', row);
    await eventually('the seed to open', () => (vscode.window.activeTextEditor?.document.uri.path.endsWith(SEED) ? true : undefined));
    assert.ok(selected(vscode.window.activeTextEditor).startsWith('would continue to compete vigorously'), 'Open in Source on the misquote shows the source passage');

    await vscode.commands.executeCommand(rowItem.command.command, ...(rowItem.command.arguments ?? []));
    assert.strictEqual(vscode.window.activeTextEditor?.document, editor.document);
    assert.strictEqual(selected(vscode.window.activeTextEditor), 'would continue to compete aggressively, stand up for US interests and values,');

    assert.strictEqual(await vscode.commands.executeCommand('sourcebook.views.useSourceWording', row), true);
    assert.strictEqual(editor.document.getText(), `${MISQUOTE.replace('aggressively', 'vigorously')}\n`);
    const [fixed] = await findingRows(sidebar, 1);
    assert.strictEqual(fixed.finding.kind, 'verified');
  });

  it('follows the reporter’s typing (refreshing the view) and the active editor', async () => {
    const editor = await draft(`${MISQUOTE.replace('aggressively', 'vigorously')}\n`);
    const [first] = await findingRows(sidebar, 1);
    assert.strictEqual(first.finding.kind, 'verified');
    let refreshes = 0;
    const listening = sidebar.draft.onDidChangeTreeData(() => refreshes++);
    try {
      const at = editor.document.getText().indexOf('vigorously');
      await editor.edit((b) => b.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'vigorously'.length)), 'aggressively'));
      await eventually('the view to refresh after typing', () => (refreshes > 0 ? true : undefined));
      const [changed] = await findingRows(sidebar, 1);
      assert.strictEqual(changed.finding.kind, 'misquote');

      const other = await draft(`${UNSOURCED}\n\n${VERIFIED}\n`);
      await eventually('the view to follow the new editor', () => (sidebar.draft.tracker.document === other.document ? true : undefined));
      const rows = await findingRows(sidebar, 2);
      assert.deepStrictEqual(rows.map((r) => r.finding.kind), ['unsourced', 'verified']);
    } finally {
      listening.dispose();
    }
  });

  it('Try a Misquote opens a sample draft that the view flags', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('sourcebook.tryMisquote');
    assert.ok(document && document.languageId === 'markdown');
    assert.ok(document.getText().includes('compete aggressively'), document.getText());
    assert.strictEqual(vscode.window.activeTextEditor?.document, document, 'the reporter is back in the draft');
    await eventually('the view to follow the sample draft', () => (sidebar.draft.tracker.document === document ? true : undefined));
    const rows = await findingRows(sidebar, 2);
    assert.deepStrictEqual(rows.map((r) => r.finding.kind), ['verified', 'misquote']);
  });

  it('Sources and People refresh when the index changes: a new file appears, a deleted one goes', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'sources', 'zz-sidebar-test.txt');
    const text = [
      'Lighthouse keeper retires',
      'By Staff, Lakeside Ledger, 2025',
      '',
      'LAKESIDE — Lighthouse keeper Orla Vantongeren said the lamp "never once went dark on my watch" before she handed over the keys.',
      '',
    ].join('\n');
    let sourcesRefreshed = 0;
    let peopleRefreshed = 0;
    const listening = [sidebar.sources.onDidChangeTreeData(() => sourcesRefreshed++), sidebar.people.onDidChangeTreeData(() => peopleRefreshed++)];
    const listed = async (): Promise<boolean> => (await children(sidebar.sources)).some((n) => n.kind === 'article' && n.path.endsWith('zz-sidebar-test.txt'));
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      await eventually('the new article in Sources', async () => ((await listed()) && sourcesRefreshed > 0 ? true : undefined));
      assert.ok(peopleRefreshed > 0, 'People was told to refresh');
      const keeper = await person(sidebar, 'Orla Vantongeren');
      assert.match(String((await item(sidebar.people, keeper)).description), /(^|· )1 quote$/);
      assert.strictEqual((await children(sidebar.people, keeper)).length, 1, 'expanding to her quote');

      sourcesRefreshed = 0;
      await vscode.workspace.fs.delete(uri);
      await eventually('the deleted article to leave Sources', async () => (!(await listed()) && sourcesRefreshed > 0 ? true : undefined));
      assert.ok(!(await children(sidebar.people)).some((n) => n.kind === 'person' && n.name === 'Orla Vantongeren'), 'and People');
    } finally {
      listening.forEach((l) => l.dispose());
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  it('the manifest’s views, menus, welcome text and walkthrough name real commands', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const contributes = extension.packageJSON.contributes as {
      views: Record<string, { id: string }[]>;
      viewsWelcome: { view: string; contents: string; when?: string }[];
      menus: Record<string, { command: string; when?: string }[]>;
      walkthroughs: { steps: { id: string; completionEvents: string[]; description: string; media: { markdown?: string } }[] }[];
    };
    assert.deepStrictEqual(
      contributes.views.sourcebook.map((v) => v.id),
      ['sourcebook.sources', 'sourcebook.people', 'sourcebook.draft'],
    );
    const welcome = contributes.viewsWelcome.find((w) => w.view === 'sourcebook.sources' && w.when === 'sourcebook.sourcesState == empty');
    assert.ok(welcome?.contents.startsWith('No sources yet. Put articles in a `sources/` folder or change the `sourcebook.sources` setting.'));

    const commands = new Set(await vscode.commands.getCommands(true));
    for (const [menu, entries] of Object.entries(contributes.menus)) for (const entry of entries) assert.ok(commands.has(entry.command), `${menu}: ${entry.command} exists`);
    const [walkthrough] = contributes.walkthroughs;
    assert.deepStrictEqual(walkthrough.steps.map((s) => s.id), ['sources', 'search', 'insert', 'misquote']);
    for (const step of walkthrough.steps) {
      assert.ok(step.completionEvents.length > 0, `${step.id} completes on something`);
      for (const event of step.completionEvents) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        if (command) assert.ok(commands.has(command), `${step.id}: ${command} exists`);
        else assert.match(event, /^(onView:sourcebook\.|onSettingChanged:sourcebook\.)/);
      }
      for (const link of step.description.matchAll(/\(command:([\w.]+)/g)) assert.ok(commands.has(link[1]), `${step.id} links to ${link[1]}, which exists`);
      assert.ok(step.media.markdown, `${step.id} has media`);
      const media = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, step.media.markdown));
      assert.ok(media.byteLength > 100, `${step.media.markdown} is there`);
    }
  });
});
