#!/usr/bin/env node
// The "VS Code executable" that test/extension/runTest.ts hands to
// @vscode/test-electron's runTests() as vscodeExecutablePath. It takes the
// arguments VS Code would (--extensionDevelopmentPath=…, --extensionTestsPath=…,
// --user-data-dir=…, --extensions-dir=…, the workspace folder; other flags are
// ignored), runs the tests in code-server's real extension host with the
// workbench open in headless Chromium, streams the test output, and exits
// with the tests' exit code.
import { appendFileSync, rmSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { format } from 'node:util';
import { ensureCodeServer } from './install-code-server.mjs';
import { cacheDir } from './paths.mjs';
import { freePort, launchChromium, remoteUri, startCodeServer, tail, workbenchUrl } from './server.mjs';

// test/extension/index.ts prints this first, from inside the extension host.
const TESTS_STARTED_MARKER = 'Extension tests running in VS Code';
const TIMEOUT_MS = Number(process.env.SOURCEBOOK_HOST_TIMEOUT_MS || 10 * 60_000);

function parseArguments(argv) {
  const options = { developmentPaths: [], testsPath: null, userDataDir: null, extensionsDir: null, folder: null };
  const valued = new Set(['--extensionDevelopmentPath', '--extensionTestsPath', '--user-data-dir', '--extensions-dir']);
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    let name = argument;
    let value = null;
    if (argument.startsWith('--')) {
      const eq = argument.indexOf('=');
      if (eq >= 0) {
        name = argument.slice(0, eq);
        value = argument.slice(eq + 1);
      } else if (valued.has(argument)) {
        value = argv[++i];
      }
      switch (name) {
        case '--extensionDevelopmentPath': options.developmentPaths.push(resolve(value)); break;
        case '--extensionTestsPath': options.testsPath = resolve(value); break;
        case '--user-data-dir': options.userDataDir = resolve(value); break;
        case '--extensions-dir': options.extensionsDir = resolve(value); break;
        default: break; // desktop-only flags (--no-sandbox, --disable-updates…)
      }
    } else {
      options.folder = resolve(argument);
    }
  }
  return options;
}

/**
 * The workbench hands over console calls as a JSON array of console.log
 * arguments (format string first); turn that back into the printed line.
 */
function readableLogMessage(message) {
  if (Array.isArray(message)) return format(...message);
  if (typeof message !== 'string') return format('%o', message);
  if (message.startsWith('[')) {
    try {
      const args = JSON.parse(message);
      if (Array.isArray(args)) return format(...args);
    } catch {
      // not console arguments: print as it came
    }
  }
  return message;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!options.testsPath) throw new Error('missing --extensionTestsPath');
  if (options.developmentPaths.length === 0) throw new Error('missing --extensionDevelopmentPath');
  const userDataDir = options.userDataDir ?? join(cacheDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(cacheDir, 'extensions');
  const folder = options.folder ?? options.developmentPaths[0];

  const version = ensureCodeServer();
  console.log(`[host] code-server ${version}`);

  const port = await freePort();
  const logFile = join(cacheDir, 'logs', `code-server-test-${port}.log`);
  const workbenchLog = join(cacheDir, 'logs', `workbench-test-${port}.log`);
  let testsStarted = false;
  // Each run gets its own profile under the given one: runs that overlap (two
  // terminals, two engineers) must not share code-server's IPC socket and
  // state, and a run must not inherit settings or state from the last one.
  const runUserDataDir = join(userDataDir, 'runs', String(port));
  rmSync(runUserDataDir, { recursive: true, force: true });
  const server = await startCodeServer({ port, userDataDir: runUserDataDir, extensionsDir, logFile });
  let browser = null;
  let exitCode = 1;
  const stop = async () => {
    if (browser) await browser.close().catch(() => {});
    await server.stop();
  };
  const interrupt = async () => {
    console.error('[host] interrupted; stopping code-server');
    await stop();
    process.exit(130);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, interrupt);
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let finish;
    const finished = new Promise((resolveFinished) => (finish = resolveFinished));
    // The workbench reports the extension host's test output and, at the end,
    // the run's exit code through these two functions.
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      const text = readableLogMessage(message);
      appendFileSync(workbenchLog, `[${level}] ${text}\n`);
      // The workbench's own start-up chatter (connection tokens, gallery
      // look-ups that fail offline) goes to the log file only; from the
      // suite's first line on, everything is the tests' output.
      if (!testsStarted && text.startsWith(TESTS_STARTED_MARKER)) testsStarted = true;
      if (testsStarted) (level === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    page.on('crash', () => finish(1));
    const payload = [
      ...options.developmentPaths.map((path) => ['extensionDevelopmentPath', remoteUri(server, path)]),
      ['extensionTestsPath', remoteUri(server, options.testsPath)],
      ['skipWelcome', 'true'],
    ];
    // The overall TIMEOUT_MS below bounds the run; the page load itself may
    // be slow on a busy machine.
    await page.goto(workbenchUrl(server, folder, payload), { waitUntil: 'domcontentloaded', timeout: TIMEOUT_MS });
    let timer;
    const timedOut = new Promise((resolveTimeout) => {
      timer = setTimeout(() => resolveTimeout('timeout'), TIMEOUT_MS);
    });
    const outcome = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      console.error(`[host] the tests did not finish within ${TIMEOUT_MS / 1000} s; last code-server log lines:\n${tail(logFile)}`);
      exitCode = 1;
    } else {
      exitCode = outcome;
    }
  } finally {
    await stop();
    if (process.env.SOURCEBOOK_KEEP_USER_DATA !== '1') rmSync(runUserDataDir, { recursive: true, force: true });
  }
  if (exitCode !== 0) {
    // Failing before the suite started (activation error, a suite file that
    // does not load…) is only explained by the workbench log: show it.
    if (!testsStarted) console.error(`[host] the suite never started; workbench log:\n${tail(workbenchLog, 80)}`);
    console.error(`[host] extension tests exited with ${exitCode} (logs: ${workbenchLog}, ${logFile})`);
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[host] ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
