// Verification results per open draft, computed once per document version
// and index version, shared by diagnostics, the quote hover and the quick fix.
import * as vscode from 'vscode';
import { verifyDraft, type Finding } from '../core/verify';
import type { SourceIndexer } from './indexer';

export type DraftFinding = Finding;

/**
 * The word changes of a misquote in a few words: “aggressively” → “vigorously”,
 * added “not”, missing “only”. Empty when the finding has no diff.
 */
export function describeDiff(finding: Finding, maxChanges = 3): string {
  const ops = finding.diff ?? [];
  const changes: string[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op.op === 'equal') continue;
    const next = ops[i + 1];
    if (op.op === 'delete' && next?.op === 'insert') {
      changes.push(`“${op.text}” → “${next.text}”`);
      i++;
    } else if (op.op === 'insert' && next?.op === 'delete') {
      changes.push(`“${next.text}” → “${op.text}”`);
      i++;
    } else {
      changes.push(op.op === 'delete' ? `added “${op.text}”` : `missing “${op.text}”`);
    }
  }
  if (changes.length > maxChanges) return `${changes.slice(0, maxChanges).join(', ')} and ${changes.length - maxChanges} more`;
  return changes.join(', ');
}

interface Cached {
  documentVersion: number;
  indexVersion: number;
  findings: Finding[];
}

/** Drafts longer than this are not checked while typing (the check would lag the editor). */
const MAX_DRAFT_CHARS = 2_000_000;

export class Verifier {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly indexer: SourceIndexer,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  findings(document: vscode.TextDocument): Finding[] {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.documentVersion === document.version && cached.indexVersion === this.indexer.version) return cached.findings;
    let findings: Finding[] = [];
    const text = document.getText();
    if (text.length <= MAX_DRAFT_CHARS) {
      try {
        findings = verifyDraft(text, this.indexer.index);
      } catch (error) {
        this.log.error(`Verification of ${vscode.workspace.asRelativePath(document.uri)} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    this.cache.set(key, { documentVersion: document.version, indexVersion: this.indexer.version, findings });
    return findings;
  }

  /** The finding whose quoted words contain `offset` (its marks included). */
  findingAt(document: vscode.TextDocument, offset: number): Finding | undefined {
    return this.findings(document).find((f) => offset >= f.start - 1 && offset <= f.end + 1);
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }
}
