// Runs the extension-host suite (out/test/extension/suite/**) in a real VS Code.
//
// Default: code-server 4.100.3 (VS Code 1.100.3) driven headless by
// scripts/vscode-host/code-host.mjs, which works offline; it is passed to
// runTests() as the "VS Code executable".
// SOURCEBOOK_DESKTOP=1: no executable is passed, so @vscode/test-electron
// downloads desktop VS Code (needs internet; on Linux without a display run
// under xvfb-run). SOURCEBOOK_VSCODE_VERSION picks its version (default stable).
import * as fs from 'fs';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const projectRoot = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const desktop = process.env.SOURCEBOOK_DESKTOP === '1';
  const cache = path.join(projectRoot, '.vscode-test');
  const userDataDir = path.join(cache, desktop ? 'desktop-user-data' : 'user-data');
  const extensionsDir = path.join(cache, desktop ? 'desktop-extensions' : 'extensions');
  // VS Code (code-server especially) does not create missing parents.
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  // Start clean, so a crashed run cannot leave an old, green result behind.
  fs.rmSync(path.join(projectRoot, '.test-results', 'extension.json'), { force: true });

  // The suite opens a fresh copy of the committed workspace: tests that
  // write files into it cannot leave anything behind for the next run, and
  // two runs at once in one checkout do not see each other's files.
  const fixture = path.join(projectRoot, 'test', 'extension', 'workspace');
  const workspace = path.join(cache, 'workspaces', `run-${process.pid}`);
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.cpSync(fixture, workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [workspace, `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`],
      ...(desktop
        ? { version: process.env.SOURCEBOOK_VSCODE_VERSION ?? 'stable', cachePath: cache }
        : { vscodeExecutablePath: path.join(projectRoot, 'scripts', 'vscode-host', 'code-host.mjs') }),
    });
    return 0;
  } catch (error) {
    console.error(`Extension tests failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
