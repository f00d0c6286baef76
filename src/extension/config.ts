// Reads the `sourcebook.*` settings in one place, with the contract's
// defaults, so every feature agrees on what an unset or malformed value means.
import * as vscode from 'vscode';
import { CITATION_STYLES, DEFAULT_TEMPLATE, type CitationStyle } from '../core/citation';

export type QuoteMarkSetting = 'auto' | 'curly' | 'straight';

export interface SourcebookConfig {
  sources: string[];
  includeSeeds: boolean;
  citationStyle: CitationStyle;
  citationTemplate: string;
  languages: string[];
  verifyQuotes: boolean;
  quoteMarks: QuoteMarkSetting;
  /** Source files larger than this are skipped (`sourcebook.maxFileSizeMB`). */
  maxFileSizeMB: number;
}

const MARKS: readonly QuoteMarkSetting[] = ['auto', 'curly', 'straight'];
export const DEFAULT_SOURCES = ['**/sources/**/*.{txt,md}'];
export const DEFAULT_LANGUAGES = ['markdown', 'plaintext'];

function stringList(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value)) return fallback;
  // A hand-edited settings.json can hold anything; drop what is not a usable string.
  return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
}

export const DEFAULT_MAX_FILE_SIZE_MB = 5;

function positiveNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function readConfig(scope?: vscode.ConfigurationScope): SourcebookConfig {
  const c = vscode.workspace.getConfiguration('sourcebook', scope);
  const template = c.get<unknown>('citationTemplate');
  return {
    sources: stringList(c.get<unknown>('sources'), DEFAULT_SOURCES),
    includeSeeds: c.get<unknown>('includeSeeds') !== false,
    citationStyle: oneOf(c.get<unknown>('citationStyle'), CITATION_STYLES, 'ap'),
    citationTemplate: typeof template === 'string' && template !== '' ? template : DEFAULT_TEMPLATE,
    languages: stringList(c.get<unknown>('languages'), DEFAULT_LANGUAGES),
    verifyQuotes: c.get<unknown>('verifyQuotes') !== false,
    quoteMarks: oneOf(c.get<unknown>('quoteMarks'), MARKS, 'auto'),
    maxFileSizeMB: positiveNumber(c.get<unknown>('maxFileSizeMB'), DEFAULT_MAX_FILE_SIZE_MB),
  };
}

/** Whether Sourcebook's editor features apply to this document. */
export function appliesTo(document: vscode.TextDocument): boolean {
  return readConfig(document).languages.includes(document.languageId);
}

export function documentSelector(languages: string[]): vscode.DocumentFilter[] {
  return languages.map((language) => ({ language }));
}
