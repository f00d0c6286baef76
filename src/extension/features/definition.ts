// Go to Definition on a name: its first mention in the sources (for a shared
// surname, the first mention of each candidate).
import * as vscode from 'vscode';
import type { Article } from '../../core/types';
import { appliesTo } from '../config';
import { registerForLanguages, type Deps } from '../deps';
import type { SourceIndexer } from '../indexer';
import type { PersonEntry } from '../names';
import { rangeIn } from '../positions';

/** Sources in reading order: oldest first, so "first mention" means the earliest story. */
function articleOrder(a: Article, b: Article): number {
  const da = a.meta.date ?? '9999';
  const db = b.meta.date ?? '9999';
  return da < db ? -1 : da > db ? 1 : a.path.localeCompare(b.path);
}

export function firstMention(indexer: SourceIndexer, person: PersonEntry): { uri: vscode.Uri; range: vscode.Range } | undefined {
  let best: { article: Article; start: number; end: number } | undefined;
  for (const mention of person.mentions) {
    const article = person.articles.find((a) => a.path === mention.path) ?? indexer.index.article(mention.path);
    if (!article) continue;
    if (!best || articleOrder(article, best.article) < 0 || (article === best.article && mention.start < best.start)) {
      best = { article, start: mention.start, end: mention.end };
    }
  }
  if (!best) return undefined;
  return { uri: indexer.uriOf(best.article.path), range: rangeIn(best.article.text, best.start, best.end) };
}

export function register(context: vscode.ExtensionContext, deps: Deps): void {
  const provider: vscode.DefinitionProvider = {
    provideDefinition(document, position) {
      if (!appliesTo(document)) return undefined;
      const name = deps.indexer.names().nameAt(document.getText(), document.offsetAt(position));
      if (!name) return undefined;
      const originSelectionRange = new vscode.Range(document.positionAt(name.start), document.positionAt(name.end));
      const links: vscode.LocationLink[] = [];
      for (const person of name.people) {
        const target = firstMention(deps.indexer, person);
        if (target) links.push({ originSelectionRange, targetUri: target.uri, targetRange: target.range, targetSelectionRange: target.range });
      }
      return links;
    },
  };
  registerForLanguages(context, (selector) => vscode.languages.registerDefinitionProvider(selector, provider));
}
