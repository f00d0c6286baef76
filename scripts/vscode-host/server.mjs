// Starting and stopping code-server and the headless Chromium that opens its
// workbench. Shared by the test host, `npm start`, the screenshot script and
// the .vsix check, so they all run VS Code the same way.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, openSync, closeSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { get } from 'node:http';
import { chromium } from 'playwright-core';
import { chromiumPath, codeServerEntry } from './paths.mjs';

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function answers(url) {
  return new Promise((resolveAnswer) => {
    const request = get(url, (response) => {
      response.resume();
      resolveAnswer(true);
    });
    request.on('error', () => resolveAnswer(false));
    request.setTimeout(2000, () => {
      request.destroy();
      resolveAnswer(false);
    });
  });
}

const sleep = (ms) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/**
 * Starts code-server. Its output goes to `logFile` (it is noisy: failed
 * gallery and vsda look-ups) unless `logFile` is null, then to ours.
 * Resolves once the port answers HTTP.
 */
export async function startCodeServer({
  port,
  host = '127.0.0.1',
  userDataDir,
  extensionsDir,
  workspace,
  logFile = null,
  extraArgs = [],
  env = {},
}) {
  // code-server does not create missing parents; with a missing parent the
  // development extension is silently not loaded.
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeDefaultUserSettings(userDataDir);
  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    // Otherwise code-server writes ~/.config/code-server/config.yaml.
    '--config', join(dirname(userDataDir), 'code-server-config.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...extraArgs,
  ];
  if (workspace) args.push(workspace);
  let output = 'inherit';
  let logFd = null;
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    logFd = openSync(logFile, 'w');
    output = logFd;
  }
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', output, output],
    // Its own process group, so stopping it also stops the extension host
    // and the other helpers it spawns.
    detached: true,
    env: { ...process.env, ...env },
  });
  if (logFd !== null) closeSync(logFd);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = code ?? signal;
  });
  const base = `http://${host}:${port}`;
  const deadline = Date.now() + 120_000;
  while (!(await answers(`${base}/healthz`))) {
    if (exited !== null) {
      throw new Error(`code-server exited (${exited}) before it answered${logFile ? `; see ${logFile}:\n${tail(logFile)}` : ''}`);
    }
    if (Date.now() > deadline) {
      stopProcessGroup(child);
      throw new Error(`code-server did not answer on ${base} within 120 s${logFile ? `; see ${logFile}` : ''}`);
    }
    await sleep(200);
  }
  return {
    base,
    port,
    host,
    process: child,
    stop: () => stopProcessGroup(child),
  };
}

// A fresh profile would open the "Get Started with VS Code for the Web"
// walkthrough, which takes the editor area and the keyboard focus.
const DEFAULT_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};

/** Writes the profile's settings.json, unless the user already has one. */
function writeDefaultUserSettings(userDataDir) {
  const file = join(userDataDir, 'User', 'settings.json');
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(DEFAULT_USER_SETTINGS, null, 2) + '\n');
}

export function tail(file, lines = 40) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/** Stops a detached child and everything in its process group. */
export function stopProcessGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  return new Promise((resolveStop) => {
    const force = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolveStop();
    }, 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolveStop();
    });
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      clearTimeout(force);
      resolveStop();
    }
  });
}

/**
 * The workbench URL for a folder, with an optional payload (development
 * extension, tests path…). URIs in the payload use the page's own authority.
 */
export function workbenchUrl(server, folder, payload = []) {
  // Slashes need no escaping in a query; unescaped, the URL reads as a path.
  let url = `${server.base}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
  if (payload.length > 0) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** A vscode-remote:// URI for a path on this machine, as the workbench at `server` sees it. */
export function remoteUri(server, absolutePath) {
  return `vscode-remote://${server.host}:${server.port}${absolutePath}`;
}

export function launchChromium() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}
