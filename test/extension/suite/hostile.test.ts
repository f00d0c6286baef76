// Hostile and oversized sources and an editor under stress, in the real
// host (issue 7): source text stays inert in hover cards, diagnostics and
// inserted citations; the size limit is the setting sourcebook.maxFileSizeMB;
// citation insertion with many cursors, a document edited meanwhile or an
// editor closed meanwhile applies fully as one undo step or not at all; and
// the sources are never written to by anything in the whole suite.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAll, commandLinks, diagnosticsOf, draft, eventually, hoverAt, indexed, markdownOf, pause, positionOf, readable, setSetting, workspaceUri } from './helpers';

const projectRoot = path.resolve(__dirname, '..', '..', '..', '..');
/** What must never reach a card, a message or a draft from source text. */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// ---------------------------------------------------------------------------
// Sources are never written to: every source file present when the suite
// starts (the workspace's and the seeds) has the same bytes and modification
// time when the whole run ends. Root-level hooks, so every suite file is inside.

interface Stamp {
  mtimeMs: number;
  sha256: string;
}

function sourceFilesNow(): Map<string, Stamp> {
  const stamps = new Map<string, Stamp>();
  const folders = [path.join(projectRoot, 'seeds'), ...(vscode.workspace.workspaceFolders ?? []).map((f) => path.join(f.uri.fsPath, 'sources'))];
  for (const folder of folders) {
    if (!fs.existsSync(folder)) continue;
    for (const name of fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
      const file = path.join(folder, name);
      const stat = fs.statSync(file);
      if (stat.isFile()) stamps.set(file, { mtimeMs: stat.mtimeMs, sha256: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') });
    }
  }
  return stamps;
}

let sourcesAtStart: Map<string, Stamp>;
before(() => {
  sourcesAtStart = sourceFilesNow();
});
after(() => {
  const now = sourceFilesNow();
  assert.ok(sourcesAtStart.size >= 2, `source files were recorded (${sourcesAtStart.size})`);
  for (const [file, stamp] of sourcesAtStart) {
    assert.deepStrictEqual(now.get(file), stamp, `${file} was not written to by any test`);
  }
});

// ---------------------------------------------------------------------------

const HOSTILE_FILE = 'sources/zz-hostile-gazette.txt';
const LONG_NAME = Array.from({ length: 120 }, (_, i) => `Zeb${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');
const HOSTILE_QUOTE =
  'click [here](command:workbench.action.closeWindow) <script>alert(1)</script> <img src=x onerror=alert(2)> ' +
  'the \u202edraob eht\u202c will \u2066vote\u2069 on the \u0007 dredging \u001b[31m contract in May';
const HOSTILE_ARTICLE = [
  'Harbor board <b>delays</b> vote [click](command:sourcebook.rebuildIndex)',
  'By Staff, Hostile Gazette, 2025',
  '',
  `LAKESIDE — Harbor master Quillon Vasquez-Marr said "${HOSTILE_QUOTE}," before the spring season.`,
  '',
  `Spokesman ${LONG_NAME} said "the long name must not break the card."`,
  '',
  'Vasquez-Marr said the board would meet again in June.',
  '',
].join('\n');

async function cardHovers(name: string): Promise<vscode.Hover[]> {
  const editor = await draft(`${name} spoke.\n`);
  return hoverAt(editor.document, positionOf(editor.document, name, 1));
}

/** The Sourcebook log files written since `since` (ms), wherever this host keeps its logs. */
function sourcebookLogsSince(since: number): string[] {
  const userData = path.join(projectRoot, '.vscode-test', 'user-data');
  const roots = [path.join(userData, 'logs')];
  // code-server runs get a profile of their own under user-data/runs/PORT.
  const runs = path.join(userData, 'runs');
  if (fs.existsSync(runs)) for (const run of fs.readdirSync(runs)) roots.push(path.join(runs, run, 'logs'));
  const found: string[] = [];
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    for (const name of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      const file = path.join(root, name);
      if (/Sourcebook\.log$/.test(name) && fs.statSync(file).mtimeMs >= since) found.push(fs.readFileSync(file, 'utf8'));
    }
  }
  return found;
}

/**
 * Waits for a line of the Sourcebook log (the output channel's file) written
 * since `since`. Returns false, after saying so, when this host keeps no log
 * files where expected, so the check is left out rather than faked.
 */
async function logShows(since: number, line: RegExp): Promise<boolean> {
  if (sourcebookLogsSince(0).length === 0) {
    console.log('      (no Sourcebook log file where expected; the log line is not checked)');
    return false;
  }
  await eventually(`the log line ${line}`, () => (sourcebookLogsSince(since).some((log) => line.test(log)) ? true : undefined), 75);
  return true;
}

describe('Hostile sources', () => {
  const uri = workspaceUri(HOSTILE_FILE);
  let hover: vscode.Hover;

  before(async () => {
    await indexed();
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(HOSTILE_ARTICLE));
    hover = await eventually('the hostile source to be indexed', async () => {
      const hovers = await cardHovers('Vasquez-Marr');
      return hovers.length > 0 && markdownOf(hovers[0]).includes('dredging') ? hovers[0] : undefined;
    });
  });
  after(async () => {
    await closeAll();
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await eventually('the hostile source to be forgotten', async () => ((await cardHovers('Vasquez-Marr')).length === 0 ? true : undefined));
  });

  it('hover card: links, HTML, script and bidi/control characters of the source are inert text', () => {
    const card = markdownOf(hover);
    const content = hover.contents[0];
    assert.ok(content instanceof vscode.MarkdownString, 'the card is a MarkdownString');
    // Only the extension's own commands may run from the card, and no HTML renders.
    assert.notStrictEqual(content.isTrusted, true, 'not every command is trusted');
    if (typeof content.isTrusted === 'object') {
      assert.deepStrictEqual([...content.isTrusted.enabledCommands].sort(), ['sourcebook.insertCitation', 'sourcebook.openSource']);
    }
    assert.ok(!content.supportHtml, 'HTML is not rendered');
    const commands = [...new Set(commandLinks(card).map((l) => l.command))].sort();
    assert.deepStrictEqual(commands, ['sourcebook.insertCitation', 'sourcebook.openSource'], card);
    assert.ok(!card.includes('](command:workbench'), 'the source’s link is not a link');
    assert.ok(!/(^|[^\\])<(script|img|b)\b/i.test(card), `no raw tag: ${card}`);
    assert.ok(!INVISIBLE.test(card), `no control or bidi character: ${JSON.stringify(card)}`);
    // The words themselves are still shown, as written (controls as U+FFFD).
    const text = readable(card);
    assert.ok(text.includes('<script>alert(1)</script>'), text);
    assert.ok(text.includes('\ufffddraob eht\ufffd'), text);
  });

  it('diagnostics: a misquote of the hostile quote gives a message with the source’s wording, inert', async () => {
    const changed = HOSTILE_QUOTE.replace('dredging', 'drudging');
    const editor = await draft(`Vasquez-Marr said "${changed}," on Monday.\n`);
    const diagnostics = await eventually('a diagnostic on the hostile misquote', () => {
      const found = diagnosticsOf(editor.document.uri);
      return found.length > 0 ? found : undefined;
    });
    const messages = diagnostics.map((d) => d.message).join('\n');
    assert.match(messages, /Misquote/, messages);
    assert.ok(messages.includes('dredging'), messages);
    assert.ok(!INVISIBLE.test(messages), `no control or bidi character: ${JSON.stringify(messages)}`);
  });

  it('citation: the inserted quote keeps its words; control and bidi characters arrive as U+FFFD, never raw', async () => {
    const at = markdownOf(hover).indexOf('dredging');
    const link = commandLinks(markdownOf(hover).slice(at)).find((l) => l.command === 'sourcebook.insertCitation');
    assert.ok(link, 'the card has an insert link for the hostile quote');
    const editor = await draft('Before. \n');
    const end = editor.document.positionAt('Before. '.length);
    editor.selection = new vscode.Selection(end, end);
    const inserted = await vscode.commands.executeCommand<boolean>('sourcebook.insertCitation', link.args);
    assert.strictEqual(inserted, true);
    const text = editor.document.getText();
    assert.ok(!INVISIBLE.test(text.replace(/\n/g, '')), `no control or bidi character: ${JSON.stringify(text)}`);
    assert.ok(text.includes('<script>alert(1)</script>'), 'the quote’s words are unchanged');
    assert.ok(text.includes('\ufffddraob eht\ufffd will \ufffdvote\ufffd on the \ufffd dredging \ufffd[31m contract in May'), text);
    assert.ok(text.includes('Vasquez-Marr said'), text);
  });

  it('a very long name: indexed, and its card stays a card', async () => {
    const last = LONG_NAME.split(' ').pop()!;
    const hovers = await cardHovers(last);
    const card = hovers.map(markdownOf).join('\n');
    // Whether the reader takes 120 words as a name is its call; the card must still be bounded.
    assert.ok(card.length < 20_000, `card of ${card.length} characters`);
    assert.ok((await indexed()).sources > 0);
  });
});

describe('Broken sources in the workspace', () => {
  const files = {
    binary: workspaceUri('sources/zz-broken-binary.txt'),
    utf16: workspaceUri('sources/zz-broken-utf16.txt'),
    windows: workspaceUri('sources/zz-broken-windows1252.txt'),
    crOnly: workspaceUri('sources/zz-broken-cr-only.md'),
    pipe: workspaceUri('sources/zz-broken-pipe.txt'),
    afterPipe: workspaceUri('sources/zz-broken-after-pipe.txt'),
  };
  const article = (name: string) => `Ferry report\nBy Staff, Broken Gazette, 2025\n\nHarbor master ${name} said "the ferry will run all winter."\n`;

  after(async () => {
    for (const u of Object.values(files)) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
    await indexed();
  });

  it('reads UTF-16, Windows-1252 and CR-only sources, and skips a binary one with a line naming it in the log', async () => {
    const started = Date.now() - 1000;
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...article('Oswin Tealby')].map((c) => c.charCodeAt(0))).buffer)]);
    const cp1252 = new TextEncoder().encode(article('Rene Dufresne')).map((b) => (b === 0x22 ? 0x93 : b));
    cp1252[cp1252.lastIndexOf(0x93)] = 0x94;
    const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    await vscode.workspace.fs.writeFile(files.binary, binary);
    await vscode.workspace.fs.writeFile(files.utf16, utf16);
    await vscode.workspace.fs.writeFile(files.windows, cp1252);
    await vscode.workspace.fs.writeFile(files.crOnly, new TextEncoder().encode(article('Ilse Marchbank').replace(/\n/g, '\r')));
    for (const surname of ['Tealby', 'Dufresne', 'Marchbank']) {
      await eventually(`the source quoting ${surname} to be indexed`, async () => ((await cardHovers(surname)).length > 0 ? true : undefined));
    }
    const card = readable((await cardHovers('Dufresne')).map(markdownOf).join('\n'));
    assert.ok(card.includes('the ferry will run all winter.'), card);
    await logShows(started, /Skipped sources\/zz-broken-binary\.txt: binary file/);
  });
  it('a named pipe called like a source does not stall indexing: it is skipped and later files are read', async function () {
    const made = spawnSync('mkfifo', [files.pipe.fsPath]);
    if (made.status !== 0) this.skip();
    const started = Date.now() - 1000;
    // Reading a FIFO waits for a writer that never comes; the index must not wait with it.
    await pause(1500);
    await vscode.workspace.fs.writeFile(files.afterPipe, new TextEncoder().encode(article('Cosmo Pellegrin')));
    await eventually('the file written after the pipe to be indexed', async () => ((await cardHovers('Pellegrin')).length > 0 ? true : undefined));
    const idle = await Promise.race([indexed().then(() => true), pause(30_000).then(() => false)]);
    assert.ok(idle, 'indexing finishes');
    const rebuilt = await Promise.race([vscode.commands.executeCommand('sourcebook.rebuildIndex').then(() => true), pause(60_000).then(() => false)]);
    assert.ok(rebuilt, 'Rebuild Index finishes with the pipe in the folder');
    await logShows(started, /Skipped sources\/zz-broken-pipe\.txt: .*not a regular file/);
  });
});

describe('Oversized sources (sourcebook.maxFileSizeMB)', () => {
  const big = workspaceUri('sources/zz-oversized-2p5mb.txt');
  const small = workspaceUri('sources/zz-oversized-1p5mb.txt');

  /** An article padded with ordinary paragraphs to about `mb` megabytes. */
  function padded(name: string, mb: number): Uint8Array {
    const head = `Ferry report\nBy Staff, Size Gazette, 2025\n\nHarbor master ${name} said "the ferry will run all winter."\n\n`;
    const paragraph = 'The ferry crossed the river twice in the morning and once at night. \n\n';
    return new TextEncoder().encode(head + paragraph.repeat(Math.ceil((mb * 1024 * 1024) / paragraph.length)));
  }

  after(async () => {
    await setSetting('maxFileSizeMB', undefined);
    for (const u of [big, small]) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
    await indexed();
  });

  it('indexes a 2.5 MB source under the default limit of 5 MB', async function () {
    this.timeout(180_000);
    // Source counts are not compared: another run may share the test workspace. Its speaker's card tells.
    await vscode.workspace.fs.writeFile(big, padded('Orrin Blakemoor', 2.5));
    await eventually('the 2.5 MB source to be indexed', async () => ((await cardHovers('Blakemoor')).length > 0 ? true : undefined), 600);
  });

  it('skips a source over a lowered limit, with a line naming it in the log, and reads it once the limit is raised', async function () {
    this.timeout(180_000);
    const started = Date.now() - 1000;
    await setSetting('maxFileSizeMB', 1);
    await indexed();
    await vscode.workspace.fs.writeFile(small, padded('Petra Quennell', 1.5));
    // Give the watcher time to see the file; then it must not be in the index.
    await pause(3000);
    await indexed();
    assert.strictEqual((await cardHovers('Quennell')).length, 0, 'the 1.5 MB file is not indexed under a 1 MB limit');
    await logShows(started, /Skipped sources\/zz-oversized-1p5mb\.txt: larger than 1 MB \(1\.5 MB/);

    await setSetting('maxFileSizeMB', undefined);
    await eventually('the file to be read under the default limit', async () => ((await cardHovers('Quennell')).length > 0 ? true : undefined), 600);
  });
});

describe('Parsing on worker threads', () => {
  const names = ['Aldous Brightwater', 'Berenice Calloway', 'Cyprian Dunmore', 'Delphine Easterby', 'Evander Fairweather', 'Fenella Gainsford', 'Gideon Hartigan', 'Honoria Ivesdale', 'Ignatius Jellicoe', 'Jessamy Kittering'];
  const uris = names.map((_, i) => workspaceUri(`sources/zz-worker-${i}.txt`));
  const article = (name: string) => `Ferry report\nBy Staff, Worker Gazette, 2025\n\nHarbor master ${name} said "the ferry will run all winter."\n`;
  after(async () => {
    for (const uri of uris) {
      try {
        await vscode.workspace.fs.delete(uri);
      } catch {
        // already gone
      }
    }
    await indexed();
  });

  it('a folder of new sources is parsed off the editor thread, and every file lands in the index with its own quote', async function () {
    this.timeout(180_000);
    await indexed();
    for (let i = 0; i < names.length; i++) await vscode.workspace.fs.writeFile(uris[i], new TextEncoder().encode(article(names[i])));
    for (const name of names) {
      const surname = name.split(' ')[1];
      await eventually(`the source quoting ${surname} to be indexed`, async () => ((await cardHovers(surname)).length > 0 ? true : undefined));
    }
    // Rebuild reads every source again at once: more than enough for the worker threads.
    const started = Date.now() - 1000;
    await vscode.commands.executeCommand('sourcebook.rebuildIndex');
    await indexed();
    if (await logShows(started, /Indexed \d+ file\(s\) \(0 from the cache, 0 with saved index entries, \d+ parsed on worker threads\)/)) {
      const line = sourcebookLogsSince(started)
        .flatMap((log) => log.split('\n'))
        .filter((l) => /parsed on worker threads/.test(l))
        .pop() as string;
      const [, total, onWorkers] = /Indexed (\d+) file\(s\) \(0 from the cache, 0 with saved index entries, (\d+) parsed/.exec(line) as RegExpExecArray;
      assert.ok(Number(onWorkers) >= names.length, line);
      assert.strictEqual(onWorkers, total, `every file of a rebuild goes to the workers: ${line}`);
    }
    for (const name of names) {
      const card = readable((await cardHovers(name.split(' ')[1])).map(markdownOf).join('\n'));
      assert.ok(card.includes(name) && card.includes('the ferry will run all winter.'), card);
    }
  });
});

describe('Citation insertion under stress', () => {
  let quoteId: string;
  const CITATION = '“were candid, they were substantive,”';

  before(async () => {
    await indexed();
    const editor = await draft('Ned Price\n');
    const card = (await hoverAt(editor.document, positionOf(editor.document, 'Price'))).map(markdownOf).join('\n');
    const link = commandLinks(card.slice(card.indexOf('candid'))).find((l) => l.command === 'sourcebook.insertCitation');
    assert.ok(link, card);
    quoteId = (link.args as { quoteId: string }).quoteId;
  });
  after(closeAll);

  const count = (text: string, needle: string) => text.split(needle).length - 1;

  it('200 cursors: a citation at every one, and one undo takes them all back', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Line ${i}: `);
    const original = lines.join('\n') + '\n';
    const editor = await draft(original);
    editor.selections = lines.map((line, i) => {
      const at = new vscode.Position(i, line.length);
      return new vscode.Selection(at, at);
    });
    const inserted = await vscode.commands.executeCommand<boolean>('sourcebook.insertCitation', { quoteId });
    assert.strictEqual(inserted, true);
    const text = editor.document.getText();
    assert.strictEqual(count(text, CITATION), 200);
    text.split('\n').slice(0, 200).forEach((line, i) => assert.ok(line.startsWith(`Line ${i}: ${CITATION}`), line));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original, 'one undo step restores the text');
  });

  it('a document edited while the citation is being inserted: all or nothing, and the other edit survives', async () => {
    for (let round = 0; round < 5; round++) {
      const original = 'First: \nSecond: \n';
      const editor = await draft(original);
      editor.selections = [new vscode.Selection(0, 7, 0, 7), new vscode.Selection(1, 8, 1, 8)];
      const insertion = vscode.commands.executeCommand<boolean>('sourcebook.insertCitation', { quoteId });
      const other = editor.edit((b) => b.insert(new vscode.Position(0, 0), 'EDIT '));
      const [inserted] = await Promise.all([insertion, other]);
      const text = editor.document.getText();
      assert.ok(text.includes('EDIT '), 'the reporter’s own edit is kept');
      const n = count(text, CITATION);
      assert.ok(n === 0 || n === 2, `all or nothing, not ${n}: ${text}`);
      assert.strictEqual(n === 2, inserted === true, `the command says what it did: ${inserted}`);
      await closeAll();
    }
  });

  it('an editor closed while the citation is being inserted: no error, and no half-written citation', async () => {
    for (let round = 0; round < 3; round++) {
      const editor = await draft('Closing: \n');
      const document = editor.document;
      editor.selection = new vscode.Selection(0, 9, 0, 9);
      const insertion = Promise.resolve(vscode.commands.executeCommand<boolean>('sourcebook.insertCitation', { quoteId })).then(
        (value) => ({ value, error: undefined as unknown }),
        (error: unknown) => ({ value: undefined, error }),
      );
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      const result = await insertion;
      assert.strictEqual(result.error, undefined, `the command did not fail: ${String(result.error)}`);
      const n = count(document.getText(), CITATION);
      assert.ok(n <= 1, `at most one whole citation: ${document.getText()}`);
      if (n === 0) assert.strictEqual(document.getText().includes('were candid'), false, 'no fragment either');
    }
  });
});
