#!/usr/bin/env node
// Shows that the packaged extension works as users get it: installs the
// .vsix into a scratch code-server extensions folder with
// `--install-extension`, opens the demo draft in the workbench (headless
// Chromium) and waits for the Sourcebook status bar item (the extension
// activated from the .vsix) and a hover card on "Ned Price" (its bundle and
// the seed article it ships are inside the package).
//
// node scripts/vscode-host/check-vsix.mjs [FILE.vsix]   default: sourcebook-<version>.vsix
//   --fresh   package first, into .vscode-test/vsix-check/ (used by npm test)
//   --record  write .test-results/vsix.json for the totals line
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureCodeServer } from './install-code-server.mjs';
import { cacheDir, projectRoot } from './paths.mjs';
import { installVsix, packageVsix } from './serve.mjs';
import { freePort, launchChromium, startCodeServer, workbenchUrl } from './server.mjs';
import { openFile, openWorkbench, placeCursorOn, showHoverAtCursor, waitForStatusItem } from './workbench.mjs';

const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;
const scratch = join(cacheDir, 'vsix-check');

function record(passed) {
  const resultsDir = join(projectRoot, '.test-results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'vsix.json'), JSON.stringify({ suite: 'vsix', passed: passed ? 1 : 0, failed: passed ? 0 : 1, pending: 0, finishedAt: new Date().toISOString() }, null, 2) + '\n');
}

async function check(argv) {
  const fileArgument = argv.find((argument) => !argument.startsWith('--'));
  let vsix;
  if (argv.includes('--fresh')) {
    rmSync(scratch, { recursive: true, force: true });
    vsix = packageVsix(join(scratch, `${manifest.name}-${manifest.version}.vsix`));
    console.log(`packaged ${vsix}`);
  } else {
    vsix = resolve(fileArgument ?? join(projectRoot, `${manifest.name}-${manifest.version}.vsix`));
    if (!existsSync(vsix)) throw new Error(`${vsix} does not exist: run npm run package first`);
  }
  const version = ensureCodeServer();
  const extensionsDir = join(scratch, 'extensions');
  const userDataDir = join(scratch, 'user-data');
  const installed = installVsix(vsix, extensionsDir, userDataDir);
  const expected = `${extensionId}@${manifest.version}`;
  console.log(`code-server ${version}: --install-extension ${vsix}\n  installed: ${installed.join(', ') || '(nothing)'}`);
  if (!installed.includes(expected)) throw new Error(`${expected} is not among the installed extensions`);

  const workspace = join(projectRoot, 'demo');
  const port = await freePort();
  const server = await startCodeServer({ port, userDataDir, extensionsDir, workspace, logFile: join(cacheDir, 'logs', 'code-server-vsix-check.log') });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    const started = Date.now();
    const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    await openWorkbench(page, workbenchUrl(server, workspace));
    console.log(`  workbench loaded (${elapsed()})`);
    await openFile(page, 'draft.md');
    console.log(`  draft.md open (${elapsed()})`);
    const status = await waitForStatusItem(page);
    console.log(`  activated: status bar item "${(await status.innerText()).trim().replace(/\s+/g, ' ')}"`);
    await placeCursorOn(page, 'Ned Price');
    const card = await showHoverAtCursor(page, 'State Department spokesman');
    console.log(`  hover card: "${card.split('\n')[0]}"`);
  } catch (error) {
    const shot = join(scratch, 'failure.png');
    await browser.contexts()[0]?.pages()[0]?.screenshot({ path: shot }).catch(() => {});
    throw new Error(`${error instanceof Error ? error.message : error} (screenshot: ${shot})`);
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`OK: ${vsix} installs into code-server and activates`);
}

const argv = process.argv.slice(2);
check(argv).then(
  () => {
    if (argv.includes('--record')) record(true);
  },
  (error) => {
    console.error(`vsix check FAILED: ${error instanceof Error ? error.message : error}`);
    if (argv.includes('--record')) record(false);
    process.exit(1);
  },
);
