// Where the headless VS Code host keeps its things; one place so that the
// installer, the test host, `npm start` and the screenshot script agree.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// 4.100.3 is the newest code-server whose engines.node accepts Node 20.
export const CODE_SERVER_VERSION = '4.100.3';
export const cacheDir = join(projectRoot, '.vscode-test');
export const codeServerDir = join(cacheDir, 'code-server');
export const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
