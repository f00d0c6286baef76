#!/usr/bin/env node
// `npm start`: builds and packages the extension, installs it into
// code-server (VS Code in the browser, installed on first use) and serves the
// demo/ workspace on http://127.0.0.1:8080 (PORT=… or --port … to change)
// until Ctrl+C.
import { join } from 'node:path';
import { ensureCodeServer } from './install-code-server.mjs';
import { projectRoot } from './paths.mjs';
import { serveWithExtension } from './serve.mjs';
import { workbenchUrl } from './server.mjs';

function requestedPort(argv) {
  const index = argv.findIndex((argument) => argument === '--port' || argument.startsWith('--port='));
  const raw = index < 0 ? process.env.PORT : argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
  const port = Number(raw ?? 8080);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`not a port: ${raw}`);
  return port;
}

async function main() {
  const port = requestedPort(process.argv.slice(2));
  const version = ensureCodeServer();
  console.log(`code-server ${version}`);
  console.log('Building and packaging Sourcebook…');
  const workspace = join(projectRoot, 'demo');
  // code-server's own log (request lines, offline gallery look-ups) stays
  // in the terminal: this is a server the user is watching.
  const { server, installed } = await serveWithExtension({ port, workspace, name: 'start' });
  console.log(`Installed: ${installed.join(', ')}`);
  console.log('');
  console.log(`Sourcebook is running in VS Code (code-server). Open:`);
  console.log(`  ${workbenchUrl(server, workspace)}`);
  console.log('Press Ctrl+C to stop.');
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  // code-server runs in its own process group (so it can be stopped with its
  // children): stop it on every way this process can be told to end.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, stop);
  server.process.once('exit', (code) => {
    console.error(`code-server stopped (${code})`);
    process.exit(code ?? 1);
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
