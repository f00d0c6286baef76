// Completion of the names in the sources after two letters. AP style: the
// first reference in a document is "Title Full Name", later ones the surname.
import * as vscode from 'vscode';
import { appliesTo } from '../config';
import { personCard } from '../cards';
import { registerForLanguages, type Deps } from '../deps';
import type { NameMatcher, PersonEntry } from '../names';

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/u;
const MIN_PREFIX = 2;

/** How the name should be written at this point of the document. */
export function nameToInsert(names: NameMatcher, text: string, person: PersonEntry, replaced: { start: number; end: number }): { text: string; firstReference: boolean } {
  const firstReference = !names.mentions(text, person, replaced);
  if (firstReference) {
    const title = person.titles[0];
    return { text: title ? `${title} ${person.name}` : person.name, firstReference };
  }
  // A surname shared with someone else the draft names would be ambiguous.
  const sharing = names.lookup(person.surname).filter((p) => p.name !== person.name);
  const clash = sharing.some((other) => names.mentions(text, other, replaced));
  return { text: clash ? person.name : person.surname, firstReference };
}

function startsAnyWord(person: PersonEntry, prefix: string): boolean {
  const lower = prefix.toLowerCase();
  return [person.name, ...person.aliases].some((n) => n.split(/[\s-]+/).some((w) => w.toLowerCase().startsWith(lower)));
}

export function register(context: vscode.ExtensionContext, deps: Deps): void {
  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems(document, position) {
      if (!appliesTo(document)) return undefined;
      const wordRange = document.getWordRangeAtPosition(position, WORD);
      if (!wordRange || wordRange.start.isEqual(position)) return undefined;
      const prefix = document.getText(new vscode.Range(wordRange.start, position));
      // Names are capitalised: "pr" in "pretty" is not the start of Price.
      if ([...prefix].filter((c) => /\p{L}/u.test(c)).length < MIN_PREFIX || !/^\p{Lu}/u.test(prefix)) return undefined;
      const names = deps.indexer.names();
      const text = document.getText();
      const wordStart = document.offsetAt(wordRange.start);
      const lineBefore = document.lineAt(position.line).text.slice(0, wordRange.start.character);
      const items: vscode.CompletionItem[] = [];
      for (const person of deps.indexer.index.people()) {
        if (!startsAnyWord(person, prefix)) continue;
        // "Ned Pr|": the given name already typed belongs to the replaced text.
        let start = wordStart;
        const given = person.name.slice(0, person.name.length - person.surname.length);
        if (given.trim() !== '' && person.name.endsWith(person.surname) && lineBefore.endsWith(given)) start -= given.length;
        const replaced = { start, end: document.offsetAt(wordRange.end) };
        const insert = nameToInsert(names, text, person, replaced);
        const item = new vscode.CompletionItem({ label: person.name, description: person.titles[0] }, vscode.CompletionItemKind.User);
        item.insertText = insert.text;
        item.range = new vscode.Range(document.positionAt(replaced.start), wordRange.end);
        item.filterText = document.getText(item.range).includes(' ') ? person.name : [person.name, person.surname, ...person.aliases].find((n) => n.toLowerCase().startsWith(prefix.toLowerCase())) ?? person.name;
        item.detail = insert.firstReference ? `First reference: ${insert.text}` : `Later reference: ${insert.text}`;
        item.documentation = personCard(deps.indexer, [person], person.name);
        // People quoted and mentioned most come first.
        item.sortText = String(100000 - Math.min(99999, person.mentionCount + 10 * person.quoteCount)).padStart(6, '0') + person.name;
        items.push(item);
      }
      return items;
    },
  };
  registerForLanguages(context, (selector) => vscode.languages.registerCompletionItemProvider(selector, provider));
}
