// Hover cards: over a person's name, who they are in the sources; over a
// quoted passage, whether the sources confirm it.
import * as vscode from 'vscode';
import { appliesTo } from '../config';
import { personCard, whereFrom } from '../cards';
import { registerForLanguages, type Deps } from '../deps';
import { cardMarkdown, commandLink, inert } from '../markdown';
import type { SourceIndexer } from '../indexer';
import { describeDiff, type DraftFinding } from '../verifier';

const STATUS: Record<DraftFinding['kind'], string> = {
  verified: '$(pass) **Verified quote**',
  misquote: '$(warning) **Misquote**',
  misattributed: '$(warning) **Misattributed quote**',
  unsourced: '$(info) **Unsourced quote**',
};

export function findingCard(indexer: SourceIndexer, finding: DraftFinding): vscode.MarkdownString {
  const md = cardMarkdown();
  md.appendMarkdown(`${STATUS[finding.kind]}\n\n`);
  const article = finding.source ? indexer.index.article(finding.source.path) : undefined;
  switch (finding.kind) {
    case 'verified':
      md.appendMarkdown(inert(`Word for word as ${finding.speaker ?? 'the source'} said it`));
      break;
    case 'misquote': {
      const changes = describeDiff(finding);
      if (changes) md.appendMarkdown(`${inert(`Changed: ${changes}`)}\n\n`);
      md.appendMarkdown(`The source's wording:\n\n> “${inert(finding.expected ?? '')}”`);
      if (finding.speaker) md.appendMarkdown(`\n>\n> — ${inert(finding.speaker)}`);
      break;
    }
    case 'misattributed':
      md.appendMarkdown(inert(`Verbatim in the sources, but said by ${finding.speaker ?? 'someone else'}, not by the person this draft names`));
      break;
    case 'unsourced':
      md.appendMarkdown(inert('Found in no source. Check it, or add its source to the sources folder'));
      break;
  }
  md.appendMarkdown('\n\n');
  if (finding.source && article) {
    md.appendMarkdown(`${inert(`Source: ${whereFrom(indexer, article)}`)} · `);
    md.appendMarkdown(commandLink('Open in source', 'sourcebook.openSource', finding.source, 'Show the passage in its article'));
  }
  return md;
}

export function register(context: vscode.ExtensionContext, deps: Deps): void {
  const provider: vscode.HoverProvider = {
    provideHover(document, position) {
      if (!appliesTo(document)) return undefined;
      const offset = document.offsetAt(position);
      const text = document.getText();
      // A name inside a quote still gets its own card; the quote card is for the quoted words.
      const name = deps.indexer.names().nameAt(text, offset);
      if (name) {
        const range = new vscode.Range(document.positionAt(name.start), document.positionAt(name.end));
        return new vscode.Hover(personCard(deps.indexer, name.people, name.text), range);
      }
      const finding = deps.verifier.findingAt(document, offset);
      if (finding) {
        const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
        return new vscode.Hover(findingCard(deps.indexer, finding), range);
      }
      return undefined;
    },
  };
  registerForLanguages(context, (selector) => vscode.languages.registerHoverProvider(selector, provider));
}
