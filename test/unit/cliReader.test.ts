import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { tempDir } from './tempDirs';

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('sourcebook quotes / people (contract JSON)', () => {
  it('quotes --json on the seeds has the contract shape and exact offsets', async () => {
    const r = await runCli(['quotes', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.articles.length, 1);
    const a = json.articles[0];
    assert.deepEqual(Object.keys(a).sort(), ['date', 'outlet', 'path', 'quotes', 'title']);
    assert.equal(a.outlet, 'Bloomberg');
    assert.equal(a.date, '2022');
    const text = fs.readFileSync(a.path, 'utf8');
    assert.equal(a.quotes.length, 4);
    for (const q of a.quotes) {
      assert.deepEqual(Object.keys(q).sort(), ['cue', 'end', 'id', 'speaker', 'speakerMention', 'start', 'text']);
      assert.equal(text.slice(q.start, q.end), q.text);
    }
    const price = a.quotes.find((q: { text: string }) => q.text === 'were candid, they were substantive.');
    assert.equal(price.speaker, 'Ned Price');
    assert.equal(text.slice(price.speakerMention.start, price.speakerMention.end), 'Ned Price');
  });

  it('people --json lists the ten people and not the contributors', async () => {
    const r = await runCli(['people', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const { people } = JSON.parse(r.stdout);
    assert.equal(people.length, 10);
    const price = people.find((p: { name: string }) => p.name === 'Ned Price');
    assert.deepEqual(price.titles, ['State Department spokesman']);
    assert.deepEqual(price.aliases, ['Price']);
    assert.equal(price.quoteCount, 2);
    assert.equal(price.mentions.length, 2);
    assert.ok(!people.some((p: { name: string }) => p.name === 'Ocean Hou' || p.name === 'Courtney McBride'));
  });

  it('reads a BOM file given by path; offsets index the decoded text', async () => {
    const dir = tempDir('sb-cli-');
    const file = path.join(dir, 'bom.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('“Vote early,” Mayor Ann Lee said.\n')]));
    const r = await runCli(['quotes', '--json', file]);
    const q = JSON.parse(r.stdout).articles[0].quotes[0];
    assert.deepEqual([q.start, q.end, q.text, q.speaker], [1, 12, 'Vote early,', 'Ann Lee']);
  });

  it('a broken file is skipped with a line on stderr; the rest are read', async () => {
    const dir = tempDir('sb-cli-');
    fs.writeFileSync(path.join(dir, 'good.txt'), '“Fine,” Ann Lee said.\n');
    fs.writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0, 1, 2, 3, 0, 5]));
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    const r = await runCli(['quotes', '--json', dir]);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.stdout).articles.length, 1);
    assert.match(r.stderr, /skipped .*bad\.txt: binary/);
    assert.match(r.stderr, /skipped .*empty\.md: empty file/);
  });

  it('unknown flags, unknown commands and missing files: a message and distinct exit codes', async () => {
    const flag = await runCli(['quotes', '--nope']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /unknown option --nope/);
    const cmd = await runCli(['frobnicate']);
    assert.equal(cmd.code, 2);
    const missing = await runCli(['people', '/no/such/file.txt']);
    assert.equal(missing.code, 3);
    assert.match(missing.stderr, /no such file or folder/);
    assert.ok(!/\n\s+at /.test(missing.stderr), 'no stack trace');
  });
});
