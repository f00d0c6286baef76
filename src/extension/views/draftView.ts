// The "In This Draft" view: every quoted passage of the draft being written,
// with its verification status, and the people the draft names. It reads the
// same verification results as the diagnostics (the Verifier's cache), so
// the two never disagree and nothing is checked twice.
import * as vscode from 'vscode';
import type { Finding, FindingKind } from '../../core/verify';
import { textSlice } from '../../core/packedText';
import { appliesTo, readConfig } from '../config';
import type { Deps } from '../deps';
import { articlePath } from '../indexer';
import { inert } from '../markdown';
import { plain, shorten } from '../picker';
import { inertTooltip, outletAndDate, plural, Refresher } from './common';

/** Like the diagnostics: the view follows typing, not every keystroke. */
export const TYPING_DELAY_MS = 300;

export interface FindingNode {
  kind: 'finding';
  documentUri: string;
  finding: Finding;
}

/** A line under a finding: where the source is, what it says, whom the draft names. */
export interface FindingDetailNode {
  kind: 'detail';
  label: string;
  description: string;
  icon: string;
  tooltip: string[];
  command?: vscode.Command;
  contextValue?: string;
}

export interface CitedGroupNode {
  kind: 'cited';
  people: CitedPersonNode[];
}

export interface CitedPersonNode {
  kind: 'citedPerson';
  documentUri: string;
  name: string;
  title: string | null;
  /** "China", "the State Department": quoted, but not a person. */
  organization: boolean;
  /** Where the draft names them. */
  mentions: { start: number; end: number }[];
  /** The draft's quotes credited to them. */
  findings: FindingNode[];
}

export type DraftNode = FindingNode | FindingDetailNode | CitedGroupNode | CitedPersonNode;

export type DraftState = 'none' | 'indexing' | 'empty' | 'quotes' | 'off';

const STATUS: Record<FindingKind, { label: string; icon: string; color?: string; explain: string }> = {
  verified: { label: 'verified', icon: 'pass', color: 'testing.iconPassed', explain: 'Verbatim in the sources and attributed to the right speaker.' },
  misquote: { label: 'misquote', icon: 'warning', color: 'list.warningForeground', explain: 'Close to a source quote, but not verbatim.' },
  misattributed: { label: 'misattributed', icon: 'person', color: 'list.warningForeground', explain: 'Verbatim in the sources, but someone else said it.' },
  unsourced: { label: 'unsourced', icon: 'question', color: 'descriptionForeground', explain: 'Found in no source.' },
};

/** contextValue of a finding row: `sourcebook.finding.KIND`, plus `.sourced` when a source passage is known. */
export function findingContext(finding: Finding): string {
  return `sourcebook.finding.${finding.kind}${finding.source ? '.sourced' : ''}`;
}

/**
 * Which document is "the draft". It follows the active editor, but peeking
 * at a source article (a click in the Sources view opens one) or at a file
 * Sourcebook does not check keeps the last draft, as long as it is open.
 */
export class DraftTracker implements vscode.Disposable {
  private current: vscode.TextDocument | undefined;
  private readonly emitter = new vscode.EventEmitter<vscode.TextDocument | undefined>();
  readonly onDidChangeDraft = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: Deps) {
    this.disposables.push(
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && this.isDraft(editor.document)) this.set(editor.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.current) this.set(this.fromEditors());
      }),
      // A draft that turns out to be a source (saved into sources/) stops being one.
      deps.indexer.onDidChange(() => {
        if (this.current && !this.isDraft(this.current)) this.set(this.fromEditors());
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sourcebook.languages')) this.set(this.fromEditors());
      }),
    );
    this.current = this.fromEditors();
  }

  get document(): vscode.TextDocument | undefined {
    return this.current && !this.current.isClosed ? this.current : undefined;
  }

  isDraft(document: vscode.TextDocument): boolean {
    if (document.isClosed || !appliesTo(document)) return false;
    if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled' && document.uri.scheme !== 'vscode-remote') return false;
    return !this.deps.indexer.isIndexed(articlePath(document.uri));
  }

  /** The editor showing the draft, if one does. */
  editor(): vscode.TextEditor | undefined {
    const document = this.document;
    return document ? vscode.window.visibleTextEditors.find((e) => e.document === document) : undefined;
  }

  private fromEditors(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor;
    if (active && this.isDraft(active.document)) return active.document;
    if (this.current && this.isDraft(this.current)) return this.current;
    return vscode.window.visibleTextEditors.find((e) => this.isDraft(e.document))?.document;
  }

  private set(document: vscode.TextDocument | undefined): void {
    if (document === this.current) return;
    this.current = document;
    this.emitter.fire(document);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

interface Snapshot {
  document: vscode.TextDocument;
  version: number;
  indexVersion: number;
  findings: FindingNode[];
  cited: CitedPersonNode[];
}

export class DraftTreeProvider implements vscode.TreeDataProvider<DraftNode>, vscode.Disposable {
  private readonly refresher = new Refresher<DraftNode>();
  readonly onDidChangeTreeData = this.refresher.event;
  private readonly stateEmitter = new vscode.EventEmitter<{ state: DraftState; document: vscode.TextDocument | undefined; problems: number }>();
  /** What the view shows, after each computation: for the welcome text, the badge and the title. */
  readonly onDidComputeState = this.stateEmitter.event;
  private snapshot: Snapshot | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly deps: Deps,
    readonly tracker: DraftTracker,
  ) {
    this.disposables.push(
      this.refresher,
      this.stateEmitter,
      tracker.onDidChangeDraft(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === tracker.document && event.contentChanges.length > 0) this.refreshSoon();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sourcebook')) this.refresh();
      }),
    );
  }

  refresh(): void {
    if (this.typingTimer) clearTimeout(this.typingTimer);
    this.typingTimer = undefined;
    this.refresher.fire();
  }

  /** While the reporter types: once they pause. */
  refreshSoon(): void {
    if (this.typingTimer) clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.refresh(), TYPING_DELAY_MS);
  }

  private compute(): Snapshot | undefined {
    const document = this.tracker.document;
    if (!document) {
      this.snapshot = undefined;
      this.stateEmitter.fire({ state: 'none', document: undefined, problems: 0 });
      return undefined;
    }
    if (!readConfig(document).verifyQuotes) {
      this.snapshot = undefined;
      this.stateEmitter.fire({ state: 'off', document, problems: 0 });
      return undefined;
    }
    // Before the first sources are read, every quote would look unsourced.
    if (!this.deps.indexer.ready && this.deps.indexer.index.stats().sources === 0) {
      this.snapshot = undefined;
      this.stateEmitter.fire({ state: 'indexing', document, problems: 0 });
      return undefined;
    }
    const previous = this.snapshot;
    if (previous && previous.document === document && previous.version === document.version && previous.indexVersion === this.deps.indexer.version) return previous;
    const documentUri = document.uri.toString();
    const findings = this.deps.verifier.findings(document).map((finding): FindingNode => ({ kind: 'finding', documentUri, finding }));
    const snapshot: Snapshot = { document, version: document.version, indexVersion: this.deps.indexer.version, findings, cited: this.citedPeople(document, findings) };
    this.snapshot = snapshot;
    const problems = findings.filter((f) => f.finding.kind === 'misquote' || f.finding.kind === 'misattributed').length;
    this.stateEmitter.fire({ state: findings.length > 0 ? 'quotes' : 'empty', document, problems });
    return snapshot;
  }

  /** People the draft names (unambiguously) or credits with a quote, in order of first appearance. */
  private citedPeople(document: vscode.TextDocument, findings: FindingNode[]): CitedPersonNode[] {
    const documentUri = document.uri.toString();
    const byName = new Map<string, CitedPersonNode>();
    const entry = (name: string): CitedPersonNode => {
      let node = byName.get(name);
      if (!node) {
        const person = this.deps.indexer.index.person(name);
        node = { kind: 'citedPerson', documentUri, name: person?.name ?? name, title: person?.titles[0] ?? null, organization: person?.kind === 'organization', mentions: [], findings: [] };
        byName.set(name, node);
      }
      return node;
    };
    for (const match of this.deps.indexer.names().namesIn(document.getText())) {
      if (match.people.length === 1) entry(match.people[0].name).mentions.push({ start: match.start, end: match.end });
    }
    for (const node of findings) {
      const { finding } = node;
      // Whom the draft credits; a quote it leaves unattributed counts for its source speaker.
      const credited = finding.attributedTo ?? (finding.kind !== 'unsourced' ? finding.speaker : null);
      if (credited) entry(this.canonical(credited)).findings.push(node);
    }
    return [...byName.values()];
  }

  /** The draft writes "Price"; the sources know "Ned Price". A shared surname stays as written. */
  private canonical(written: string): string {
    const people = this.deps.indexer.names().lookup(written);
    return people.length === 1 ? people[0].name : written;
  }

  getChildren(node?: DraftNode): DraftNode[] {
    if (!node) {
      const snapshot = this.compute();
      if (!snapshot || snapshot.findings.length === 0) return [];
      const roots: DraftNode[] = [...snapshot.findings];
      if (snapshot.cited.length > 0) roots.push({ kind: 'cited', people: snapshot.cited });
      return roots;
    }
    switch (node.kind) {
      case 'finding':
        return this.details(node);
      case 'cited':
        return node.people;
      case 'citedPerson':
        return node.findings;
      default:
        return [];
    }
  }

  private details(node: FindingNode): FindingDetailNode[] {
    const { finding } = node;
    const details: FindingDetailNode[] = [];
    const article = finding.source ? this.deps.indexer.index.article(finding.source.path) : undefined;
    if (finding.source && article) {
      const where = [outletAndDate(article.meta), this.deps.indexer.fileLabel(article.path)].filter(Boolean).join(' · ');
      const said = textSlice(article, finding.source.start, finding.source.end);
      details.push({
        kind: 'detail',
        label: finding.kind === 'misquote' ? 'The source says' : 'In the source',
        description: plain(`${finding.speaker ?? 'speaker not named'} · ${where}`),
        icon: 'book',
        tooltip: [`“${inert(said)}”`, `— ${inert(finding.speaker ?? 'speaker not named')}`, inert(where)],
        command: { command: 'sourcebook.openSource', title: 'Open in Source', arguments: [{ path: finding.source.path, start: finding.source.start, end: finding.source.end }] },
        contextValue: 'sourcebook.findingSource',
      });
      if (finding.kind === 'misquote' && finding.expected !== null) {
        details.push({ kind: 'detail', label: `“${shorten(finding.expected, 120)}”`, description: 'source wording', icon: 'quote', tooltip: [`“${inert(finding.expected)}”`] });
      }
    }
    if (finding.kind === 'misattributed') {
      details.push({
        kind: 'detail',
        label: 'The draft credits',
        description: plain(finding.attributedTo ?? 'someone else'),
        icon: 'person',
        tooltip: [inert(`The draft credits ${finding.attributedTo ?? 'someone else'}; the source says ${finding.speaker ?? 'someone else'} said it.`)],
      });
    }
    return details;
  }

  getTreeItem(node: DraftNode): vscode.TreeItem {
    switch (node.kind) {
      case 'finding':
        return this.findingItem(node);
      case 'detail': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.description;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = inertTooltip(node.tooltip);
        item.command = node.command;
        item.contextValue = node.contextValue;
        return item;
      }
      case 'cited': {
        const item = new vscode.TreeItem('People cited', vscode.TreeItemCollapsibleState.Expanded);
        item.description = plural(node.people.length, 'person', 'people');
        item.iconPath = new vscode.ThemeIcon('organization');
        item.contextValue = 'sourcebook.citedPeople';
        return item;
      }
      case 'citedPerson': {
        const item = new vscode.TreeItem(plain(node.name), node.findings.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = plain([node.title, plural(node.findings.length, 'quote')].filter(Boolean).join(' · '));
        item.iconPath = new vscode.ThemeIcon(node.organization ? 'organization' : 'person');
        item.tooltip = inertTooltip([`**${inert(node.name)}**`, node.title ? inert(node.title) : '', inert(`Named ${plural(node.mentions.length, 'time')} in the draft, credited with ${plural(node.findings.length, 'quote')}.`)]);
        item.contextValue = 'sourcebook.citedPerson';
        const first = node.mentions[0] ?? node.findings[0]?.finding;
        if (first) item.command = { command: 'sourcebook.views.revealInDraft', title: 'Show in Draft', arguments: [{ documentUri: node.documentUri, start: first.start, end: first.end }] };
        return item;
      }
    }
  }

  private findingItem(node: FindingNode): vscode.TreeItem {
    const { finding } = node;
    const status = STATUS[finding.kind];
    const hasDetails = !!finding.source || finding.kind === 'misattributed';
    const item = new vscode.TreeItem(`“${shorten(finding.text, 120)}”`, hasDetails ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    const named = finding.attributedTo ? this.canonical(finding.attributedTo) : null;
    const who = finding.kind === 'misattributed' ? `${finding.speaker ?? 'someone else'} said it, not ${named ?? 'the one named'}` : (named ?? finding.speaker);
    item.description = plain([status.label, who].filter(Boolean).join(' · '));
    item.iconPath = new vscode.ThemeIcon(status.icon, status.color ? new vscode.ThemeColor(status.color) : undefined);
    const lines = [`**${inert(status.label)}**: ${inert(status.explain)}`, `“${inert(finding.text)}”`];
    if (finding.kind === 'misquote' && finding.expected !== null) lines.push(`The source says: “${inert(finding.expected)}”${finding.speaker ? ` (${inert(finding.speaker)})` : ''}`);
    if (finding.kind === 'misattributed') lines.push(inert(`In the source, ${finding.speaker ?? 'someone else'} said this${finding.attributedTo ? `, not ${finding.attributedTo}` : ''}.`));
    item.tooltip = inertTooltip(lines);
    item.contextValue = findingContext(finding);
    item.accessibilityInformation = { label: `${status.label} quote: ${plain(finding.text)}` };
    item.command = { command: 'sourcebook.views.revealInDraft', title: 'Show in Draft', arguments: [node] };
    return item;
  }

  dispose(): void {
    if (this.typingTimer) clearTimeout(this.typingTimer);
    for (const d of this.disposables) d.dispose();
  }
}
