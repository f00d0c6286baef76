// Runs inside the VS Code extension host (desktop, or code-server through
// scripts/vscode-host/code-host.mjs): @vscode/test-electron points
// --extensionTestsPath here and calls run().
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import Mocha from 'mocha';

const projectRoot = path.resolve(__dirname, '..', '..', '..');

/** Every compiled suite file under out/test/extension/suite, at any depth. */
function suiteFiles(directory: string): string[] {
  return fs
    .readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(directory, file));
}

export async function run(): Promise<void> {
  // Printed first so every log says which VS Code the suite really ran in.
  console.log(`Extension tests running in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI)`);
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    // Spec output plus .test-results/extension.json for the totals line.
    reporter: path.join(projectRoot, 'scripts', 'test-totals', 'reporter.cjs'),
    reporterOptions: { suite: 'extension' },
  });
  const grep = process.env.SOURCEBOOK_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = suiteFiles(path.join(__dirname, 'suite'));
  if (files.length === 0) throw new Error(`no extension test files under ${path.join(__dirname, 'suite')}`);
  for (const file of files) mocha.addFile(file);
  // Suite files are CommonJS; loadFilesAsync also copes with ESM.
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension test(s) failed.`);
}
