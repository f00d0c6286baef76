// Entry point of the Sourcebook extension. It only composes the features;
// activation stays cheap (no file is read here): the sources are indexed in
// the background once the editor is up.
import * as vscode from 'vscode';
import type { Deps } from './deps';
import { describeError, SourceIndexer } from './indexer';
import { Verifier } from './verifier';
import { GlobalStorageArticleCache } from './articleCache';
import { ParsePool } from '../node/parsePool';
import * as completion from './features/completion';
import * as definition from './features/definition';
import * as diagnostics from './features/diagnostics';
import * as hover from './features/hover';
import * as quickFix from './features/quickFix';
import * as statusBar from './features/statusBar';
import * as insertCitation from './commands/insertCitation';
import * as openSource from './commands/openSource';
import * as rebuildIndex from './commands/rebuildIndex';
import * as searchQuotes from './commands/searchQuotes';
import * as searchSources from './commands/searchSources';
import { registerViews, type SourcebookViews } from './views';

/** What the extension exports to other extensions and to its tests. */
export interface SourcebookApi {
  /** Resolves when no indexing is outstanding, with what the index holds. */
  whenIndexed(): Promise<{ sources: number; quotes: number; people: number }>;
  /** The sidebar's tree data providers (for tests); undefined if the sidebar could not start. */
  views: SourcebookViews | undefined;
  /** How long activate() took, in milliseconds (the benchmark's activation.ms). */
  activationMs: number;
  /** Its parts in milliseconds (set-up, each feature, the views), for when it is slow. */
  activationParts: Record<string, number>;
}

const FEATURES: { name: string; register(context: vscode.ExtensionContext, deps: Deps): void }[] = [
  { name: 'status bar', register: statusBar.register },
  { name: 'Search Quotes', register: searchQuotes.register },
  { name: 'Insert Citation', register: insertCitation.register },
  { name: 'Search Sources', register: searchSources.register },
  { name: 'Open Source', register: openSource.register },
  { name: 'Rebuild Index', register: rebuildIndex.register },
  { name: 'hover cards', register: hover.register },
  { name: 'name completion', register: completion.register },
  { name: 'go to definition', register: definition.register },
  { name: 'quote diagnostics', register: diagnostics.register },
  { name: 'quick fix', register: quickFix.register },
];

export function activate(context: vscode.ExtensionContext): SourcebookApi {
  const started = performance.now();
  const parts: Record<string, number> = {};
  let lap = started;
  const timed = (part: string): void => {
    const now = performance.now();
    parts[part] = now - lap;
    lap = now;
  };
  const log = vscode.window.createOutputChannel('Sourcebook', { log: true });
  context.subscriptions.push(log);
  // Parsed articles survive restarts in global storage: only changed files are parsed again.
  // Parsing runs on worker threads (dist/parseWorker.js, built beside this bundle), started only when a folder's worth of files needs it.
  const workerScript = vscode.Uri.joinPath(context.extensionUri, 'dist', 'parseWorker.js').fsPath;
  const indexer = new SourceIndexer(context.extensionUri, log, new GlobalStorageArticleCache(context.globalStorageUri), () => new ParsePool(workerScript));
  context.subscriptions.push(indexer);
  const deps: Deps = { indexer, log, verifier: new Verifier(indexer, log) };
  timed('set-up');

  // One broken feature must not take the others down with it.
  const failed: string[] = [];
  for (const feature of FEATURES) {
    try {
      feature.register(context, deps);
      timed(feature.name);
    } catch (error) {
      failed.push(feature.name);
      log.error(`Could not start ${feature.name}: ${error instanceof Error ? (error.stack ?? error.message) : describeError(error)}`);
    }
  }
  if (failed.length > 0) {
    void vscode.window.showErrorMessage(`Sourcebook could not start: ${failed.join(', ')}. See the Sourcebook output for details.`, 'Show Log').then((choice) => {
      if (choice) log.show();
    });
  }

  const views = registerViews(context, deps);
  timed('views');

  // Indexing waits until the editor has finished starting up.
  const timer = setTimeout(() => indexer.start(), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  const activationMs = performance.now() - started;
  // The slowest parts too: the benchmark's figure varies from run to run.
  const slowest = Object.entries(parts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([part, ms]) => `${part} ${ms.toFixed(1)}`);
  log.info(`Activated in ${activationMs.toFixed(1)} ms (slowest: ${slowest.join(', ')} ms).`);

  return {
    views,
    activationMs,
    activationParts: parts,
    async whenIndexed() {
      indexer.start();
      await indexer.whenIdle();
      return indexer.index.stats();
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
