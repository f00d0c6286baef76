// The People view: everyone the sources quote or name (merged across
// articles by the index), with their title and quote count, expanding to
// their quotes. Quoted organisations ("China") are listed too: a reporter
// looks for their words the same way.
import * as vscode from 'vscode';
import type { PersonEntry } from '../../core/sourceIndex';
import type { SourceIndexer } from '../indexer';
import { inert } from '../markdown';
import { plain } from '../picker';
import { inertTooltip, plural, quoteTreeItem, Refresher, type QuoteNode } from './common';

export interface PersonNode {
  kind: 'person';
  name: string;
}

export type PeopleNode = PersonNode | QuoteNode;

/** By surname, as an index of names in a book; organisations by their name. */
function sortKey(entry: PersonEntry): string {
  return `${entry.kind === 'person' ? entry.surname || entry.name : entry.name.replace(/^the\s+/i, '')} ${entry.name}`.toLowerCase();
}

export class PeopleTreeProvider implements vscode.TreeDataProvider<PeopleNode>, vscode.Disposable {
  private readonly refresher = new Refresher<PeopleNode>();
  readonly onDidChangeTreeData = this.refresher.event;

  constructor(private readonly indexer: SourceIndexer) {}

  refresh(): void {
    this.refresher.fire();
  }

  /** The entries listed: people, and organisations that are quoted. Descriptions ("a spokeswoman") are not someone to look up. */
  private entries(): PersonEntry[] {
    return this.indexer.index.entries().filter((e) => e.kind === 'person' || (e.kind === 'organization' && e.quoteCount > 0));
  }

  getChildren(node?: PeopleNode): PeopleNode[] {
    if (!node) {
      return this.entries()
        .sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
        .map((e): PersonNode => ({ kind: 'person', name: e.name }));
    }
    if (node.kind !== 'person') return [];
    const entry = this.indexer.index.person(node.name);
    if (!entry) return [];
    return entry.quotes.map((q): QuoteNode => ({ kind: 'quote', quoteId: q.id, under: 'person', parentKey: `person:${entry.name}` }));
  }

  getTreeItem(node: PeopleNode): vscode.TreeItem {
    if (node.kind === 'quote') return quoteTreeItem(this.indexer, node);
    const entry = this.indexer.index.person(node.name);
    const item = new vscode.TreeItem(plain(node.name), vscode.TreeItemCollapsibleState.None);
    item.id = `person:${node.name}`;
    item.iconPath = new vscode.ThemeIcon(entry?.kind === 'organization' ? 'organization' : 'person');
    item.contextValue = 'sourcebook.person';
    if (!entry) return item;
    const quotes = entry.quoteCount;
    if (quotes > 0) item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
    item.description = plain([entry.titles[0], plural(quotes, 'quote')].filter(Boolean).join(' · '));
    item.tooltip = inertTooltip([
      `**${inert(entry.name)}**`,
      entry.titles.map(inert).join('; '),
      inert(`${plural(quotes, 'quote')}; named ${plural(entry.mentionCount, 'time')} in ${plural(entry.articles.length, 'source')}.`),
    ]);
    const first = entry.firstMention;
    if (first) item.command = { command: 'sourcebook.openSource', title: 'Open First Mention', arguments: [{ path: first.path, start: first.start, end: first.end }] };
    return item;
  }

  dispose(): void {
    this.refresher.dispose();
  }
}
