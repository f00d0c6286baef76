// Source text is untrusted: an article can contain Markdown links, HTML or
// `command:` URIs. Everything from a source goes into a card through
// `inert()`, and only links the extension builds itself are live.
import * as vscode from 'vscode';

/** Commands a card may run; everything else stays disabled. */
export const CARD_COMMANDS = ['sourcebook.insertCitation', 'sourcebook.openSource'];

/**
 * Text that renders as itself: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows that for all of them), so no emphasis,
 * link, autolink, HTML tag or entity can form; line breaks become spaces so
 * the text cannot start a heading, list or block quote.
 */
export function inert(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** A `command:` link with a JSON argument, encoded so no character of it can end the link early. */
export function commandLink(label: string, command: string, arg: unknown, tooltip?: string): string {
  const encoded = encodeURIComponent(JSON.stringify(arg)).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const title = tooltip ? ` "${tooltip.replace(/["\\]/g, '')}"` : '';
  return `[${inert(label)}](command:${command}?${encoded}${title})`;
}

export function cardMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: CARD_COMMANDS };
  md.supportHtml = false;
  return md;
}
