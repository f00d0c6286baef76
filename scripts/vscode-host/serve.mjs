// Packages the extension as a .vsix, installs it into a code-server
// extensions folder and serves a workspace with it: the way `npm start`, the
// screenshots and the .vsix check all see the extension as a user would.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { codeServerEntry, projectRoot } from './paths.mjs';
import { startCodeServer } from './server.mjs';

const vsceBin = join(projectRoot, 'node_modules', '.bin', 'vsce');

function check(result, what) {
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new Error(`${what} failed (exit ${result.status ?? result.signal})${output ? `:\n${output}` : ''}`);
  }
  return result;
}

/**
 * `vsce package` to `outFile`. vsce runs the vscode:prepublish script first,
 * so this also builds the production bundle.
 */
export function packageVsix(outFile) {
  mkdirSync(dirname(outFile), { recursive: true });
  check(
    spawnSync(vsceBin, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', outFile], {
      cwd: projectRoot,
      encoding: 'utf8',
    }),
    'vsce package',
  );
  return outFile;
}

/** code-server's own CLI, e.g. --install-extension or --list-extensions. */
export function codeServerCli(args) {
  return check(spawnSync(process.execPath, [codeServerEntry, ...args], { encoding: 'utf8' }), `code-server ${args.join(' ')}`);
}

/** Installs `vsixFile` into a fresh `extensionsDir`; returns `--list-extensions --show-versions`. */
export function installVsix(vsixFile, extensionsDir, userDataDir) {
  rmSync(extensionsDir, { recursive: true, force: true });
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(userDataDir, { recursive: true });
  const profile = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];
  codeServerCli([...profile, '--install-extension', vsixFile, '--force']);
  return codeServerCli([...profile, '--list-extensions', '--show-versions']).stdout.trim().split('\n').filter(Boolean);
}

/** Package, install and serve `workspace` on `port`. */
export async function serveWithExtension({ port, workspace, name, logFile = null }) {
  const base = join(projectRoot, '.vscode-test', name);
  const vsix = packageVsix(join(base, 'sourcebook.vsix'));
  const extensionsDir = join(base, 'extensions');
  const userDataDir = join(base, 'user-data');
  const installed = installVsix(vsix, extensionsDir, userDataDir);
  const server = await startCodeServer({ port, userDataDir, extensionsDir, workspace, logFile });
  return { server, installed, vsix };
}
