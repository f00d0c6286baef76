// Broken and hostile sources, big folders and the command line under abuse
// (issue 7). Every fixture is generated into a fresh temp folder, so no
// binary or hostile file is committed. Timings and memory are printed, never
// asserted: they are figures to watch, not pass/fail conditions.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSource } from '../../src/core/decode';
import { parseArticle } from '../../src/core/article';
import { DEFAULT_MAX_BYTES, isSkipped, loadSources, readArticleFile } from '../../src/core/sources';
import { terminalSafe } from '../../src/cli/io';
import { main, takeMaxSize } from '../../src/cli/main';
import { formatCitation } from '../../src/core/citation';
import type { Article } from '../../src/core/types';
import { tempDir as newTempDir } from './tempDirs';

/* eslint-disable no-control-regex -- these tests look for control characters on purpose */

const projectRoot = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(projectRoot, 'dist', 'cli.js');

function tempDir(): string {
  return newTempDir('sb-hardening-');
}

/** A short article with one attributed quote; the speaker's name varies per file. */
function article(name: string, quote = 'We will reopen the pier in May.'): string {
  return `Pier to reopen\nBy Staff, Lakeside Ledger, 2025\n\nHarbor master ${name} said on Monday, “${quote}”\n\n${name.split(' ').pop()} said the work was nearly done.\n`;
}

function assertSpansExact(a: Article): void {
  for (const q of a.quotes) {
    assert.ok(q.start >= 0 && q.start <= q.end && q.end <= a.text.length, `span ${q.start}-${q.end} inside ${a.text.length}`);
    assert.equal(a.text.slice(q.start, q.end), q.text);
  }
}

function timed<T>(label: string, work: () => T): T {
  const started = process.hrtime.bigint();
  const result = work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`      [figure] ${label}: ${ms.toFixed(0)} ms, heap ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);
  return result;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('decoding broken sources', () => {
  it('decodes invalid UTF-8 as Windows-1252: curly quotes, dashes and accents come out right', () => {
    // “Café” – naïve, in Windows-1252 bytes.
    const bytes = Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]);
    const d = decodeSource(bytes);
    assert.ok('text' in d, JSON.stringify(d));
    assert.equal(d.text, '“Café” – naïve');
    assert.equal(d.encoding, 'windows-1252');
  });

  it('decodes UTF-16 with a byte-order mark in both byte orders, and without one (Windows exports)', () => {
    const text = article('Quinby Marchetti');
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [bytes, encoding] of [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf-16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be'],
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ] as const) {
      const d = decodeSource(bytes);
      assert.ok('text' in d, `${encoding}: ${JSON.stringify(d)}`);
      assert.equal(d.text, text);
      assert.equal(d.encoding, encoding);
    }
  });

  it('refuses binaries: an image, an archive, random bytes with NULs, text full of control characters', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), crypto.randomBytes(4000)]);
    const zip = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), crypto.randomBytes(4000)]);
    const controls = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    for (const bytes of [png, zip, controls]) {
      const d = decodeSource(bytes);
      assert.ok('error' in d, `refused: ${'text' in d ? d.text.slice(0, 20) : ''}`);
      assert.match(d.error, /binary/);
    }
  });

  it('keeps CR-only line ends: paragraphs, the quote and its speaker read as with LF', () => {
    const lf = article('Quinby Marchetti');
    const cr = lf.replace(/\n/g, '\r');
    const a = parseArticle('cr.txt', cr);
    const b = parseArticle('lf.txt', lf);
    assert.equal(a.quotes.length, b.quotes.length);
    assert.ok(a.quotes.length >= 1);
    assert.deepEqual(
      a.quotes.map((q) => [q.text, q.speaker, q.start, q.end]),
      b.quotes.map((q) => [q.text, q.speaker, q.start, q.end]),
    );
    assertSpansExact(a);
  });

  it('makes control and bidi characters inert where text enters, one unit for one, so offsets still match the file', () => {
    const raw = 'Ann Lee said “a\u202eb\u2066c\u2069d\u0007e\u009bf\u001b[31mg.”\fPage two.\v\tשלום\u200f\r\nThe rest of the article is ordinary text, long enough to be text.\n';
    const d = decodeSource(Buffer.from(raw, 'utf8'));
    assert.ok('text' in d);
    assert.equal(d.text, 'Ann Lee said “a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffd[31mg.” Page two. \tשלום\u200f\r\nThe rest of the article is ordinary text, long enough to be text.\n');
    assert.equal(d.text.length, raw.length);
    // The same through every decoding path.
    const le = decodeSource(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(raw, 'utf16le')]));
    assert.ok('text' in le);
    assert.equal(le.text, d.text);
    const cp1252 = decodeSource(Buffer.from('\x93a\x1bb\x94 said Ren\xe9e Dufour on Monday.', 'latin1'));
    assert.ok('text' in cp1252);
    assert.equal(cp1252.text, '“a\ufffdb” said Renée Dufour on Monday.');
  });
});

describe('reading a folder of broken sources', () => {
  let dir: string;
  let result: ReturnType<typeof loadSources>;
  const stamps = new Map<string, { mtimeMs: number; hash: string }>();

  const files: Record<string, string | Buffer> = {
    'good.txt': article('Quinby Marchetti'),
    'windows.txt': Buffer.from(article('Renée Dufour').replace('“', '\x93').replace('”', '\x94').replace('é', '\xe9'), 'latin1'),
    'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article('Ada Okafor'), 'utf16le')]),
    'cr-only.txt': article('Lena Brandt').replace(/\n/g, '\r'),
    'unclosed.txt': `Harbor master Ivo Santos said, “the pier will reopen ${'and the work goes on '.repeat(500)}\n\nSantos left.\n`,
    'binary.txt': Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), crypto.randomBytes(2048)]),
    'empty.md': '',
    'blank.md': '  \n\n\t\n',
    'notes.pdf': Buffer.from('%PDF-1.4 not a source'),
    'nested/deeper/inner.md': article('Mara Voss'),
    'folder.txt/inside.txt': article('Tomas Reyes'),
    '.hidden/secret.txt': article('Hidden Person'),
  };

  before(() => {
    dir = tempDir();
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    // A link back up the tree, a link to itself, a link to nothing.
    fs.symlinkSync('..', path.join(dir, 'nested', 'loop'));
    fs.symlinkSync('self.txt', path.join(dir, 'self.txt'));
    fs.symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'dangling.txt'));
    // A named pipe called like an article: opening it for reading must not wait for a writer.
    const fifo = spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    if (fifo.status !== 0) fs.writeFileSync(path.join(dir, 'pipe.txt'), article('Pipe Standin'));
    for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      const full = path.join(dir, file);
      const st = fs.lstatSync(full);
      if (st.isFile()) stamps.set(full, { mtimeMs: st.mtimeMs, hash: crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex') });
    }
    result = loadSources([dir]);
  });

  const read = (name: string) => result.articles.find((a) => a.path === path.join(dir, name));
  const skipReason = (name: string) => result.skipped.find((s) => s.path === path.join(dir, name))?.reason;

  it('indexes every readable article, whatever its encoding or line ends', () => {
    const names = result.articles.map((a) => path.relative(dir, a.path)).sort();
    assert.deepEqual(names, ['cr-only.txt', 'folder.txt/inside.txt', 'good.txt', 'nested/deeper/inner.md', 'unclosed.txt', 'utf16.txt', 'windows.txt'].sort());
    for (const a of result.articles) assertSpansExact(a);
    assert.deepEqual(read('windows.txt')?.quotes.map((q) => q.speaker), ['Renée Dufour']);
    assert.deepEqual(read('utf16.txt')?.quotes.map((q) => q.speaker), ['Ada Okafor']);
    assert.deepEqual(read('cr-only.txt')?.quotes.map((q) => q.speaker), ['Lena Brandt']);
  });

  it('skips each broken file with a reason that names it', () => {
    assert.match(skipReason('binary.txt') ?? '', /binary/);
    assert.equal(skipReason('empty.md'), 'empty file');
    assert.equal(skipReason('blank.md'), 'empty file');
    assert.equal(skipReason('self.txt'), 'symbolic link loop');
    assert.match(skipReason('dangling.txt') ?? '', /broken symbolic link/);
    assert.equal(skipReason('pipe.txt'), 'not a regular file');
    const expected = ['binary.txt', 'blank.md', 'dangling.txt', 'empty.md', 'pipe.txt', 'self.txt'];
    assert.deepEqual(result.skipped.map((s) => path.relative(dir, s.path)).sort(), expected);
  });

  it('follows a symbolic link back up the tree only once, and leaves hidden folders and other file types alone', () => {
    assert.equal(result.articles.filter((a) => /inner\.md$/.test(a.path)).length, 1, 'the looped folder is read once');
    assert.ok(!result.articles.some((a) => a.path.includes('.hidden')));
    assert.ok(!result.skipped.some((s) => s.path.endsWith('notes.pdf')));
  });

  it('reads a quote mark that never closes without losing the rest of the file', () => {
    const a = read('unclosed.txt');
    assert.ok(a, 'indexed');
    assert.ok(a.people.some((p) => p.name === 'Ivo Santos'), a.people.map((p) => p.name).join(', '));
  });

  it('never writes to a source: contents and modification times are unchanged after reading', () => {
    loadSources([dir]);
    for (const [file, before] of stamps) {
      const st = fs.statSync(file);
      assert.equal(st.mtimeMs, before.mtimeMs, file);
      assert.equal(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'), before.hash, file);
    }
  });
});

describe('files that cannot be read, vanish or are too big', () => {
  it('skips a file over the size limit without reading it, naming the limit and the size', () => {
    const dir = tempDir();
    const big = path.join(dir, 'dump.txt');
    fs.writeFileSync(big, Buffer.alloc(DEFAULT_MAX_BYTES + 1024 * 1024, 'a'));
    const skipped = readArticleFile(big);
    assert.ok(isSkipped(skipped));
    assert.equal(skipped.reason, 'larger than 5 MB (6 MB)');
    const small = path.join(dir, 'small.txt');
    fs.writeFileSync(small, article('Quinby Marchetti') + 'x'.repeat(300 * 1024));
    const limited = readArticleFile(small, 256 * 1024);
    assert.ok(isSkipped(limited));
    assert.match(limited.reason, /^larger than 0\.3 MB \(0\.3 MB\)$/);
    assert.ok(!isSkipped(readArticleFile(small)), 'read under the default limit');
  });

  it('reports a file deleted before it is read as vanished', () => {
    const dir = tempDir();
    const file = path.join(dir, 'gone.txt');
    fs.writeFileSync(file, article('Quinby Marchetti'));
    fs.unlinkSync(file);
    const r = readArticleFile(file);
    assert.ok(isSkipped(r));
    assert.equal(r.reason, 'file vanished while reading');
  });

  it('skips a path that is a folder, not a file, when named explicitly', () => {
    const dir = tempDir();
    const r = readArticleFile(dir);
    assert.ok(isSkipped(r));
    assert.equal(r.reason, 'not a regular file');
  });

  it('skips a file without read permission (as a non-root user)', function () {
    // root reads through chmod 000, so the code path is covered above by the folder and dangling-link cases.
    if (isRoot) this.skip();
    const dir = tempDir();
    const file = path.join(dir, 'locked.txt');
    fs.writeFileSync(file, article('Quinby Marchetti'));
    fs.chmodSync(file, 0o000);
    const { articles, skipped } = loadSources([dir]);
    assert.equal(articles.length, 0);
    assert.deepEqual(skipped, [{ path: file, reason: 'permission denied' }]);
  });

  it('skips an unreadable folder with its reason and reads its siblings (as a non-root user)', function () {
    if (isRoot) this.skip();
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'locked'));
    fs.writeFileSync(path.join(dir, 'locked', 'a.txt'), article('Quinby Marchetti'));
    fs.writeFileSync(path.join(dir, 'open.txt'), article('Ada Okafor'));
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    const { articles, skipped } = loadSources([dir]);
    assert.equal(articles.length, 1);
    assert.match(skipped[0]?.reason ?? '', /folder cannot be read \(permission denied\)/);
  });
});

describe('size and scale: nothing quadratic, nothing unbounded', () => {
  it('reads 50,000 quote marks in one file, every span exact', function () {
    this.timeout(120_000);
    const parts: string[] = [];
    for (let i = 0; i < 12_500; i++) parts.push(`Ann Lee said “word ${i}” and “more”. `);
    const text = parts.join('\n');
    const a = timed(`parse 50,000 quote marks (${(text.length / 1024).toFixed(0)} KB)`, () => parseArticle('marks.txt', text));
    assert.ok(a.quotes.length >= 12_500, `${a.quotes.length} quotes`);
    assertSpansExact(a);
    // Unbalanced: only opening marks, and only straight marks.
    const opens = '“'.repeat(50_000);
    timed('parse 50,000 opening marks', () => assertSpansExact(parseArticle('opens.txt', opens)));
    const straight = '"a" '.repeat(25_000);
    timed('parse 50,000 straight marks', () => assertSpansExact(parseArticle('straight.txt', straight)));
  });

  it('reads a 2 MB single line', function () {
    this.timeout(120_000);
    const sentence = 'Harbor master Quinby Marchetti said the pier “will reopen in May” after repairs. ';
    const line = sentence.repeat(Math.ceil((2 * 1024 * 1024) / sentence.length));
    const a = timed(`parse a ${(line.length / 1024 / 1024).toFixed(1)} MB line`, () => parseArticle('line.txt', line));
    assert.ok(a.quotes.length > 1000, `${a.quotes.length} quotes`);
    assertSpansExact(a);
  });

  it('indexes a folder of 10,000 files, all of them', function () {
    this.timeout(300_000);
    const dir = tempDir();
    for (let i = 0; i < 10_000; i++) {
      const sub = path.join(dir, `batch${String(Math.floor(i / 1000)).padStart(2, '0')}`);
      if (i % 1000 === 0) fs.mkdirSync(sub);
      fs.writeFileSync(path.join(sub, `story${String(i).padStart(5, '0')}.txt`), article(`Person Number${i}`, `Statement number ${i} stands.`));
    }
    const { articles, skipped } = timed('load 10,000 files', () => loadSources([dir]));
    assert.equal(skipped.length, 0, JSON.stringify(skipped.slice(0, 3)));
    assert.equal(articles.length, 10_000);
    assert.equal(new Set(articles.map((a) => a.path)).size, 10_000);
    assert.ok(articles.every((a) => a.quotes.length === 1));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('command line: terminal safety and the shared --max-size option', () => {
  it('escapes control and bidi characters for the terminal, and JSON stays the same JSON', () => {
    const hostile = 'a\u001b]0;pwned\u0007b\u009b2Jc\u202ed\re';
    assert.equal(terminalSafe(hostile), 'a\\u001b]0;pwned\\u0007b\\u009b2Jc\\u202ed\\u000de');
    assert.equal(terminalSafe('tab\tand\nline'), 'tab\tand\nline');
    const json = JSON.stringify({ text: hostile, nested: ['\u2066x\u2069'] });
    assert.deepEqual(JSON.parse(terminalSafe(json)), JSON.parse(json));
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(terminalSafe(json)));
  });

  it('takes --max-size MB out of any command’s arguments, and refuses a bad value', () => {
    assert.deepEqual(takeMaxSize(['--json', '--max-size', '2', 'a']), { rest: ['--json', 'a'], maxBytes: 2 * 1024 * 1024 });
    assert.deepEqual(takeMaxSize(['--max-size=0.5']), { rest: [], maxBytes: 512 * 1024 });
    assert.deepEqual(takeMaxSize(['--', '--max-size', '2']), { rest: ['--', '--max-size', '2'], maxBytes: undefined });
    for (const bad of [['--max-size'], ['--max-size', 'x'], ['--max-size=-1'], ['--max-size', '0'], ['--max-size=']]) {
      assert.throws(() => takeMaxSize(bad), /--max-size/);
    }
  });

  it('an object-prototype name is an unknown command, not an internal error', async () => {
    let stderr = '';
    const code = await main(['constructor'], { stdout: () => undefined, stderr: (t) => (stderr += t) });
    assert.equal(code, 2);
    assert.match(stderr, /unknown command "constructor"/);
  });
});

describe('command line as a process (node dist/cli.js)', () => {
  let dir: string;
  /** The sources; drafts and other folders sit beside it in `dir`. */
  let sources: string;

  before(function () {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
    dir = tempDir();
    sources = path.join(dir, 'sources');
    fs.mkdirSync(sources);
    fs.writeFileSync(path.join(sources, 'good.txt'), article('Quinby Marchetti'));
    fs.writeFileSync(path.join(sources, 'big.txt'), article('Ada Okafor') + 'word '.repeat(300_000));
    fs.writeFileSync(path.join(sources, 'binary.txt'), Buffer.concat([Buffer.from([0, 1, 2, 0]), crypto.randomBytes(512)]));
    fs.mkdirSync(path.join(dir, 'nothing'));
    fs.writeFileSync(path.join(dir, 'nothing', 'readme.pdf'), 'x');
    fs.writeFileSync(path.join(dir, 'draft.bin'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), crypto.randomBytes(512)]));
    fs.writeFileSync(path.join(dir, 'draft.md'), 'Marchetti said “We will reopen the pier in May.”\n');
    fs.writeFileSync(path.join(sources, 'hostile.txt'), article('Evil Person', 'Reset \u001b[2J\u001b]0;owned\u0007 the \u202eterminal'));
    // Enough output to overflow a pipe's buffer, for the closed-pipe case.
    fs.mkdirSync(path.join(dir, 'many'));
    for (let i = 0; i < 1500; i++) fs.writeFileSync(path.join(dir, 'many', `s${i}.txt`), article(`Person Number${i}`, `Statement ${i} stands.`));
  });

  function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  function assertNoStackTrace(stderr: string): void {
    assert.ok(!/\n\s+at .+[:(]/.test(stderr), `no stack trace:\n${stderr}`);
  }

  const cases: { what: string; args: () => string[]; status: number; message: RegExp }[] = [
    { what: 'an unknown flag', args: () => ['quotes', '--frobnicate'], status: 2, message: /unknown option --frobnicate/ },
    { what: 'an unknown command', args: () => ['frobnicate'], status: 2, message: /unknown command "frobnicate"/ },
    { what: 'no command at all', args: () => [], status: 2, message: /usage: sourcebook/ },
    { what: 'a bad --max-size', args: () => ['quotes', '--max-size', 'lots', sources], status: 2, message: /--max-size takes a positive number/ },
    { what: 'a missing source', args: () => ['quotes', path.join(dir, 'no-such.txt')], status: 3, message: /no such file or folder: .*no-such\.txt/ },
    { what: 'a folder with no articles', args: () => ['people', path.join(dir, 'nothing')], status: 3, message: /no articles found in .*nothing/ },
    { what: 'a missing draft', args: () => ['verify', '--sources', sources, path.join(dir, 'no-draft.md')], status: 3, message: /no such draft/ },
    { what: 'a draft that is not text', args: () => ['verify', '--sources', sources, path.join(dir, 'draft.bin')], status: 3, message: /draft\.bin is not a text draft: binary/ },
    { what: 'a folder given as the draft', args: () => ['verify', '--sources', sources, dir], status: 3, message: /is a folder/ },
  ];
  for (const c of cases) {
    it(`${c.what}: a clear message on stderr, exit ${c.status}, no stack trace`, () => {
      const r = cli(...c.args());
      assert.equal(r.status, c.status, r.stderr);
      assert.match(r.stderr, c.message);
      assertNoStackTrace(r.stderr);
    });
  }

  it('reads the good files, names each skipped one on stderr, and exits 0', () => {
    const r = cli('quotes', '--json', sources);
    assert.equal(r.status, 0, r.stderr);
    const paths = JSON.parse(r.stdout).articles.map((a: { path: string }) => path.basename(a.path)).sort();
    assert.deepEqual(paths, ['big.txt', 'good.txt', 'hostile.txt']);
    assert.match(r.stderr, /skipped .*binary\.txt: binary file/);
  });

  it('--max-size skips a file over the limit with a line on stderr', () => {
    const r = cli('quotes', '--json', '--max-size', '1', sources);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /skipped .*big\.txt: larger than 1 MB \(1\.\d MB\)/);
    assert.ok(!JSON.parse(r.stdout).articles.some((a: { path: string }) => a.path.endsWith('big.txt')));
  });

  it('prints a hostile source’s control characters inert, in text and in JSON, with exact offsets', () => {
    const text = cli('quotes', path.join(sources, 'hostile.txt'));
    assert.equal(text.status, 0, text.stderr);
    assert.ok(!/[\u001b\u0007\u202e]/.test(text.stdout), JSON.stringify(text.stdout));
    assert.match(text.stdout, /Reset \ufffd\[2J\ufffd\]0;owned\ufffd the \ufffdterminal/);
    const json = cli('quotes', '--json', path.join(sources, 'hostile.txt'));
    assert.ok(!/[\u001b\u0007\u202e]/.test(json.stdout));
    const quote = JSON.parse(json.stdout).articles[0].quotes[0];
    assert.equal(quote.text, 'Reset \ufffd[2J\ufffd]0;owned\ufffd the \ufffdterminal');
    const fileText = fs.readFileSync(path.join(sources, 'hostile.txt'), 'utf8');
    assert.equal(fileText.slice(quote.start, quote.end), 'Reset \u001b[2J\u001b]0;owned\u0007 the \u202eterminal', 'offsets index the file itself');
  });

  it('escapes control characters in a file name before it reaches the terminal', () => {
    const odd = path.join(dir, 'odd\u001b[31m\u202e');
    fs.mkdirSync(odd, { recursive: true });
    fs.writeFileSync(path.join(odd, 'empty.txt'), '');
    fs.writeFileSync(path.join(odd, 'good.txt'), article('Quinby Marchetti'));
    const r = cli('quotes', odd);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!/[\u001b\u202e]/.test(r.stdout + r.stderr), JSON.stringify(r.stderr));
    assert.match(r.stderr, /odd\\u001b\[31m\\u202e\/empty\.txt: empty file/);
  });

  it('a closed pipe (`| head`) ends the run quietly', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" quotes "${path.join(dir, 'many')}" | head -c 10`], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0);
    assertNoStackTrace(r.stderr);
    assert.ok(!/EPIPE/.test(r.stderr), r.stderr);
  });

  it('verify of a clean draft exits 0, and the sources are never written to', () => {
    const before = fs.readdirSync(sources).map((f) => [f, fs.statSync(path.join(sources, f)).mtimeMs]);
    const r = cli('verify', '--sources', sources, path.join(dir, 'draft.md'));
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /1 verified/);
    assert.deepEqual(fs.readdirSync(sources).map((f) => [f, fs.statSync(path.join(sources, f)).mtimeMs]), before);
  });
});

describe('untrusted workspace: the extension runs nothing from it and uses no network', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));

  it('declares that it works in a restricted workspace, and contributes no tasks, terminals or debuggers', () => {
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
    for (const key of ['taskDefinitions', 'terminal', 'debuggers', 'problemMatchers']) assert.equal(manifest.contributes?.[key], undefined, key);
    assert.ok(!(manifest.activationEvents ?? []).includes('*'), 'no activation on everything');
  });

  /** The modules a bundle loads at run time. */
  function requiresOf(bundle: string): string[] {
    return [...new Set([...bundle.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]))].sort();
  }

  it('the extension bundle loads only the vscode API and file reading: no child processes, network, eval, tasks or terminals', function () {
    const file = path.join(projectRoot, 'dist', 'extension.js');
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
    const bundle = fs.readFileSync(file, 'utf8');
    // os for the core count; worker_threads for the parsing workers, which run only our own bundle (checked below);
    // ./reader.js, our own reader beside it (checked below).
    const allowed = new Set(['vscode', 'fs', 'node:fs', 'path', 'node:path', 'node:os', 'node:worker_threads', './reader.js']);
    assert.deepEqual(requiresOf(bundle).filter((m) => !allowed.has(m)), [], 'modules beyond vscode, fs, path, os, worker_threads and the reader');
    assert.ok(requiresOf(bundle).includes('vscode'));
    const workers = [...bundle.matchAll(/new\s+(?:import_node_worker_threads\.)?Worker\(([^)]*)\)/g)].map((m) => m[1].trim());
    assert.deepEqual(workers, ['script'], 'one Worker, started from the script the extension names');
    assert.match(bundle, /joinPath\(context\.extensionUri,\s*["']dist["'],\s*["']parseWorker\.js["']\)/, 'the worker script is the bundled dist/parseWorker.js');
    for (const forbidden of [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /child_process/, /\bfetch\s*\(/, /XMLHttpRequest/, /WebSocket/, /\.tasks\.executeTask|\bexecuteTask\s*\(/, /createTerminal\s*\(/, /\bimport\s*\(/]) {
      assert.ok(!forbidden.test(bundle), `the bundle has no ${forbidden}`);
    }
    // Commands it runs: its own, setContext, and focusing its own views; never a name read from a source.
    for (const m of bundle.matchAll(/\bcommands\.executeCommand\(\s*([^,)]+)/g)) {
      assert.match(m[1].trim(), /^(["']sourcebook\.[\w.]+["']|["']setContext["']|`\$\{[\w.]+\}\.focus`)$/, `executeCommand(${m[1]})`);
    }
  });

  it('the parsing worker bundle loads only file reading and the worker channel', function () {
    const file = path.join(projectRoot, 'dist', 'parseWorker.js');
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
    const bundle = fs.readFileSync(file, 'utf8');
    assert.deepEqual(requiresOf(bundle), ['node:fs', 'node:worker_threads']);
    for (const forbidden of [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /child_process/, /\bfetch\s*\(/, /\bimport\s*\(/, /writeFile/]) {
      assert.ok(!forbidden.test(bundle), `the worker has no ${forbidden}`);
    }
  });

  it('the reader bundle, which the extension loads to parse on its own thread, loads no module at all', function () {
    const file = path.join(projectRoot, 'dist', 'reader.js');
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
    const bundle = fs.readFileSync(file, 'utf8');
    assert.deepEqual(requiresOf(bundle), []);
    for (const forbidden of [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /child_process/, /\bfetch\s*\(/, /\bimport\s*\(/, /writeFile/]) {
      assert.ok(!forbidden.test(bundle), `the reader has no ${forbidden}`);
    }
  });

  it('the command-line bundle loads only the file system and path modules', function () {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
    const bundle = fs.readFileSync(CLI, 'utf8');
    assert.deepEqual(requiresOf(bundle), ['node:fs', 'node:path']);
    assert.ok(!/child_process|\beval\s*\(|\bnew\s+Function\s*\(|\bfetch\s*\(/.test(bundle));
  });
});

describe('a source’s link in a citation', () => {
  const input = { text: 'We will reopen.', speaker: 'Ann Lee', title: null, surname: 'Lee', outlet: 'Gazette', date: '2025', file: '/w/sources/a.txt' };

  it('links only to web addresses: a javascript: or data: URL from a source’s front matter is never put in the draft', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'command:workbench.action.closeWindow']) {
      const { inline } = formatCitation({ ...input, url }, 'markdown-link', { firstReference: true, quoteMarks: 'curly', draftPath: '/w/draft.md' });
      assert.ok(!inline.toLowerCase().includes(url.slice(0, url.indexOf(':') + 1).toLowerCase()), inline);
      assert.match(inline, /\[Gazette\]\(sources\/a\.txt\)/, 'the file is linked instead');
    }
    const web = formatCitation({ ...input, url: 'https://example.com/story' }, 'markdown-link', { firstReference: true, quoteMarks: 'curly' });
    assert.match(web.inline, /\[Gazette\]\(https:\/\/example\.com\/story\)/);
  });
});
