#!/usr/bin/env node
// Installs code-server (VS Code server + web workbench, from npm) into the
// git-ignored cache .vscode-test/code-server/, the offline way that
// ../shared/docs/vscode-test-host.md found working. Skips everything when a
// cached install already answers `entry.js --version`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, symlinkSync, rmSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerDir, codeServerEntry, CODE_SERVER_VERSION, projectRoot } from './paths.mjs';

function log(message) {
  console.log(`[code-server install] ${message}`);
}

function run(command, args, cwd, extraEnv = {}) {
  log(`${cwd.replace(projectRoot + '/', '')}$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: {
      ...process.env,
      // npm 11 holds back unreviewed install scripts; this scratch tree is
      // not the project, and its native modules (argon2, node-pty, kerberos,
      // spdlog…) must be built, so let every script run here.
      npm_config_dangerously_allow_all_scripts: 'true',
      // node-pty's install step calls `npx node-gyp`, which would prompt.
      npm_config_yes: 'true',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
      ...extraEnv,
    },
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status ?? result.signal})`);
  }
}

/** The version line of the cached code-server, or null when it does not run. */
export function installedVersion() {
  return askVersion().version;
}

/** `entry.js --version`: the version line, or why there is none (for the error message). */
function askVersion() {
  if (!existsSync(codeServerEntry)) return { version: null, why: 'entry.js is missing' };
  const result = spawnSync(process.execPath, [codeServerEntry, '--version'], { encoding: 'utf8', timeout: 60_000 });
  const firstLine = (result.stdout ?? '').trim().split('\n')[0] ?? '';
  if (result.status === 0 && firstLine.startsWith(CODE_SERVER_VERSION)) return { version: firstLine, why: '' };
  const tail = `${result.stderr ?? ''}${result.error ? ` ${result.error.message}` : ''}`.trim().split('\n').slice(-5).join(' | ');
  return { version: null, why: `status ${result.status}${result.signal ? `, signal ${result.signal}` : ''}, stdout "${firstLine}"${tail ? `, stderr: ${tail}` : ''}` };
}

function linkRipgrep(vscodeDir) {
  // @vscode/ripgrep's postinstall downloads from GitHub unless bin/ exists;
  // Debian's ripgrep does the same job.
  const rg = '/usr/bin/rg';
  if (!existsSync(rg)) throw new Error('ripgrep is missing: apt-get install -y ripgrep');
  const binDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(binDir, { recursive: true });
  const link = join(binDir, 'rg');
  if (!existsSync(link)) symlinkSync(rg, link);
}

export function ensureCodeServer() {
  const present = installedVersion();
  if (present) return present;
  if (existsSync(codeServerDir)) {
    log('cached install is incomplete or broken; reinstalling');
    rmSync(codeServerDir, { recursive: true, force: true });
  }
  log(`installing code-server@${CODE_SERVER_VERSION} into ${codeServerDir} (about 2 minutes, once)`);
  mkdirSync(codeServerDir, { recursive: true });
  writeFileSync(join(codeServerDir, 'package.json'), JSON.stringify({ name: 'sourcebook-code-server-cache', private: true }, null, 2) + '\n');

  // code-server's own postinstall (which as root wants --unsafe-perm, and
  // downloads ripgrep) is skipped; the steps below do its work offline.
  run('npm', ['install', '--ignore-scripts', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], codeServerDir);
  run('npm', ['rebuild', 'argon2', '--foreground-scripts'], codeServerDir);

  const vscodeDir = join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-package-lock'], vscodeDir);
  linkRipgrep(vscodeDir);
  run('npm', ['rebuild', '--foreground-scripts'], vscodeDir);
  const asar = join(vscodeDir, 'node_modules.asar');
  if (!lstatSafe(asar)) symlinkSync('node_modules', asar);

  run('npm', ['install', '--omit=dev', '--no-package-lock', '--foreground-scripts'], join(vscodeDir, 'extensions'));

  // Asked twice: once, on a freshly installed machine under load, the first answer did not come
  // (and the same command answered at once afterwards).
  let answer = askVersion();
  if (!answer.version) {
    log(`entry.js --version did not answer (${answer.why}); asking again`);
    answer = askVersion();
  }
  const version = answer.version;
  if (!version) throw new Error(`code-server was installed but \`entry.js --version\` does not answer (${answer.why})`);
  log(`ready: ${version}`);
  return version;
}

function lstatSafe(path) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureCodeServer());
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
}
