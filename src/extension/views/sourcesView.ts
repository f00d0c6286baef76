// The Sources view: every indexed article (headline, outlet, date), expanding
// to its quotes and the people in it. Read from the shared index only; rows
// are computed when VS Code asks for them.
import * as vscode from 'vscode';
import type { Article } from '../../core/types';
import { textSlice } from '../../core/packedText';
import { sentenceAt, sentenceCount } from '../../core/spans';
import type { SourceIndexer } from '../indexer';
import { inert } from '../markdown';
import { plain } from '../picker';
import { inertTooltip, outletAndDate, plural, quoteTreeItem, Refresher, type QuoteNode } from './common';

export interface ArticleNode {
  kind: 'article';
  path: string;
}

/** A person as one article names them; the click opens their first mention there. */
export interface ArticlePersonNode {
  kind: 'articlePerson';
  path: string;
  name: string;
}

export type SourcesNode = ArticleNode | ArticlePersonNode | QuoteNode;

/** Newest first; undated last; then by headline, so the order is stable. */
function compareArticles(indexer: SourceIndexer): (a: Article, b: Article) => number {
  return (a, b) => {
    const da = a.meta.date ?? '';
    const db = b.meta.date ?? '';
    if (da !== db) return da === '' ? 1 : db === '' ? -1 : db.localeCompare(da);
    return headline(indexer, a).localeCompare(headline(indexer, b));
  };
}

/** Beyond this, a first sentence standing in for a headline is cut. */
const LEAD_CHARS = 90;
/** "(Bloomberg) -- ", "WASHINGTON (AP) — ": the dateline is not part of the lead's news. */
const DATELINE = /^(?:[\p{Lu}][\p{Lu}\s.,'-]*\s)?\([^)]{1,40}\)\s*(?:--|[—–-])\s*|^[\p{Lu}][\p{Lu}\s.,'-]{2,40}\s*(?:--|[—–])\s*/u;

/** The headline; an article without one is named by its first sentence, else its file. */
export function headline(indexer: SourceIndexer, article: Article): string {
  if (article.meta.title) return plain(article.meta.title);
  const lead = sentenceCount(article) > 0 ? sentenceAt(article, 0) : undefined;
  const text = lead ? plain(textSlice(article, lead.start, lead.end)).replace(DATELINE, '') : '';
  if (text.length < 3) return plain(indexer.fileLabel(article.path));
  return text.length <= LEAD_CHARS ? text : `${text.slice(0, LEAD_CHARS - 1).trimEnd()}…`;
}

export class SourcesTreeProvider implements vscode.TreeDataProvider<SourcesNode>, vscode.Disposable {
  private readonly refresher = new Refresher<SourcesNode>();
  readonly onDidChangeTreeData = this.refresher.event;

  constructor(private readonly indexer: SourceIndexer) {}

  refresh(): void {
    this.refresher.fire();
  }

  getChildren(node?: SourcesNode): SourcesNode[] {
    const index = this.indexer.index;
    if (!node) {
      return index
        .articles()
        .sort(compareArticles(this.indexer))
        .map((article): ArticleNode => ({ kind: 'article', path: article.path }));
    }
    if (node.kind !== 'article') return [];
    const article = index.article(node.path);
    if (!article) return [];
    const quotes = article.quotes.map((q): QuoteNode => ({ kind: 'quote', quoteId: q.id, under: 'article', parentKey: `article:${article.path}` }));
    const people = article.people.map((p): ArticlePersonNode => ({ kind: 'articlePerson', path: article.path, name: p.name }));
    return [...quotes, ...people];
  }

  getTreeItem(node: SourcesNode): vscode.TreeItem {
    switch (node.kind) {
      case 'article':
        return this.articleItem(node);
      case 'articlePerson':
        return this.personItem(node);
      case 'quote':
        return quoteTreeItem(this.indexer, node);
    }
  }

  private articleItem(node: ArticleNode): vscode.TreeItem {
    const article = this.indexer.index.article(node.path);
    if (!article) return new vscode.TreeItem('(no longer indexed)');
    const people = article.people.length;
    const hasChildren = article.quotes.length + people > 0;
    const item = new vscode.TreeItem(headline(this.indexer, article), hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `article:${article.path}`;
    item.description = plain(outletAndDate(article.meta));
    const file = this.indexer.fileLabel(article.path);
    item.tooltip = inertTooltip([
      article.meta.title ? `**${inert(article.meta.title)}**` : `**${inert(headline(this.indexer, article))}** (no headline: its first sentence)`,
      inert(outletAndDate(article.meta) || 'Outlet and date not given'),
      inert(`${plural(article.quotes.length, 'quote')}, ${plural(people, 'person', 'people')}`),
      inert(file),
    ]);
    item.iconPath = new vscode.ThemeIcon('book');
    item.contextValue = 'sourcebook.article';
    item.command = { command: 'sourcebook.openSource', title: 'Open Article', arguments: [{ path: article.path, start: 0, end: 0 }] };
    return item;
  }

  private personItem(node: ArticlePersonNode): vscode.TreeItem {
    const article = this.indexer.index.article(node.path);
    const person = article?.people.find((p) => p.name === node.name);
    const item = new vscode.TreeItem(plain(node.name), vscode.TreeItemCollapsibleState.None);
    item.id = `article:${node.path}/person:${node.name}`;
    item.iconPath = new vscode.ThemeIcon('person');
    item.contextValue = 'sourcebook.articlePerson';
    if (!article || !person) return item;
    const quotes = article.quotes.filter((q) => q.speaker === person.name).length;
    item.description = plain([person.titles[0], quotes > 0 ? plural(quotes, 'quote') : ''].filter(Boolean).join(' · '));
    item.tooltip = inertTooltip([
      `**${inert(person.name)}**`,
      person.titles.map(inert).join('; '),
      inert(`Named ${plural(person.mentions.length, 'time')} in this article${quotes > 0 ? `, quoted ${plural(quotes, 'time')}` : ''}.`),
    ]);
    const first = person.mentions[0];
    if (first) item.command = { command: 'sourcebook.openSource', title: 'Open First Mention', arguments: [{ path: article.path, start: first.start, end: first.end }] };
    return item;
  }

  dispose(): void {
    this.refresher.dispose();
  }
}
