// Citations in the styles of the contract. The quoted words are never
// changed: only the punctuation that joins the quote to its attribution
// moves (AP: a closing period becomes a comma before "said"; a question or
// exclamation mark stays and takes no comma).

import { baseName } from './text';
import type { EntityKind } from './types';

export type CitationStyle = 'ap' | 'ap-outlet' | 'markdown-link' | 'footnote' | 'custom';

export const CITATION_STYLES: readonly CitationStyle[] = ['ap', 'ap-outlet', 'markdown-link', 'footnote', 'custom'];

export const DEFAULT_TEMPLATE = '“${quote}” (${speaker}, ${outlet}, ${date})';

export interface CitationContext {
  /** First mention of this speaker in the document: title and full name; later ones the surname. */
  firstReference: boolean;
  quoteMarks: 'curly' | 'straight';
  /** For `footnote`: the number to use (see nextFootnoteNumber); 1 when absent. */
  footnoteNumber?: number;
  /** For `custom`: placeholders ${quote} ${speaker} ${surname} ${title} ${outlet} ${date} ${url} ${file}. */
  template?: string;
  /** For `markdown-link`: the draft's path, so a link to a source file can be relative to it. */
  draftPath?: string;
}

export interface CitationInput {
  text: string;
  speaker: string | null;
  title: string | null;
  surname: string | null;
  outlet: string | null;
  date: string | null;
  url: string | null;
  file: string;
  /** When known: organisations keep their full name on later references ("China said"). */
  kind?: EntityKind | null;
}

export interface Citation {
  /** Text to insert where the cursor is. */
  inline: string;
  /** For `footnote`: the definition line to append at the end of the document. */
  footnote?: string;
}

function marks(ctx: CitationContext): [string, string] {
  return ctx.quoteMarks === 'straight' ? ['"', '"'] : ['“', '”'];
}

/**
 * The quote's text with the punctuation AP puts before `” X said`:
 * "substantive." -> "substantive,", "over?" stays, "constructive" gets a comma.
 * Closing single quotes of a nested quote stay after the moved punctuation.
 */
export function joinBeforeAttribution(text: string): string {
  const trimmed = text.replace(/\s+$/u, '');
  const closers = /['’"”]*$/u.exec(trimmed)?.[0] ?? '';
  const body = trimmed.slice(0, trimmed.length - closers.length);
  if (body === '') return trimmed + ',';
  if (/(?:\.\.\.|…)$/u.test(body)) return body + closers + ',';
  const last = body[body.length - 1];
  if (last === '.' || last === ';' || last === ':') return body.slice(0, -1) + ',' + closers;
  if (last === ',' || last === '?' || last === '!' || /[—–-]/u.test(last)) return body + closers;
  return body + closers + ',';
}

function escapeLinkText(text: string): string {
  return text.replace(/([\\[\]])/g, '\\$1');
}

/** A Markdown link target: relative to the draft's folder when both are local paths. */
export function linkTarget(file: string, url: string | null, draftPath?: string): string {
  // The URL comes from the source's front matter: only a web address may become a link in the draft
  // (a javascript: or data: link would run wherever the story is published).
  if (url && /^https?:\/\//i.test(url.trim())) return url.trim().replace(/[()\s]/g, (c) => encodeURIComponent(c));
  let target = file.replace(/\\/g, '/');
  if (draftPath) {
    const from = draftPath.replace(/\\/g, '/').split('/').slice(0, -1);
    const to = target.split('/');
    // Different roots (drives, relative vs absolute) cannot be made relative.
    if (from.length > 0 && to.length > 0 && from[0].toLowerCase() === to[0].toLowerCase()) {
      let common = 0;
      while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
      target = [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
    }
  }
  return encodeURI(target).replace(/[()]/g, (c) => encodeURIComponent(c));
}

function outletPhrase(q: CitationInput, linked: boolean, ctx: CitationContext): string {
  const label = q.outlet ?? baseName(q.file);
  return linked ? `[${escapeLinkText(label)}](${linkTarget(q.file, q.url, ctx.draftPath)})` : label;
}

/** "State Department spokesman Ned Price" on first reference, "Price" later; organisations in full. */
function speakerPhrase(q: CitationInput, ctx: CitationContext): string {
  const speaker = q.speaker ?? '';
  const isPerson = q.kind ? q.kind === 'person' : !!q.surname && q.surname !== speaker;
  if (!isPerson) return speaker;
  if (!ctx.firstReference) return q.surname || speaker;
  return q.title ? `${q.title} ${speaker}` : speaker;
}

function fillTemplate(template: string, values: Record<string, string | null>): string {
  return template.replace(/\$\{(\w+)\}/g, (whole, key: string) => (key in values ? (values[key] ?? '') : whole));
}

export function formatCitation(q: CitationInput, style: CitationStyle, ctx: CitationContext): Citation {
  const [open, close] = marks(ctx);
  if (style === 'custom') {
    const inline = fillTemplate(ctx.template || DEFAULT_TEMPLATE, {
      quote: q.text,
      speaker: q.speaker,
      surname: q.surname,
      title: q.title,
      outlet: q.outlet,
      date: q.date,
      url: q.url,
      file: q.file,
    });
    return { inline };
  }
  if (style === 'footnote') {
    const n = ctx.footnoteNumber ?? 1;
    const parts: string[] = [];
    if (q.speaker) {
      parts.push(q.speaker);
      if (q.title) parts.push(q.title);
      if (q.outlet) parts.push(`quoted by ${q.outlet}`);
    } else if (q.outlet) {
      parts.push(`Quoted by ${q.outlet}`);
    } else {
      parts.push('Unattributed quote');
    }
    if (q.date) parts.push(q.date);
    return { inline: `${open}${q.text}${close}[^${n}]`, footnote: `[^${n}]: ${parts.join(', ')} (${baseName(q.file)}).` };
  }
  const quoted = `${open}${joinBeforeAttribution(q.text)}${close}`;
  const linked = style === 'markdown-link';
  if (!q.speaker) {
    // Nobody named: the quote is attributed to where it was read, never to a guessed speaker.
    return { inline: `${quoted} according to ${outletPhrase(q, linked, ctx)}.` };
  }
  const said = `${quoted} ${speakerPhrase(q, ctx)} said`;
  // With no outlet, ap-outlet has nothing to add; markdown-link still links the file.
  if (style === 'ap' || (!q.outlet && !linked)) return { inline: `${said}.` };
  return { inline: `${said}, according to ${outletPhrase(q, linked, ctx)}.` };
}

export interface SentenceCitationInput {
  text: string;
  outlet: string | null;
  date: string | null;
  url: string | null;
  file: string;
}

/**
 * A source sentence's facts attributed to the outlet that reported them:
 * "… on Sunday and Monday, according to Bloomberg." The sentence's words
 * are kept; the reporter paraphrases from there.
 */
export function formatSentenceCitation(s: SentenceCitationInput, style: CitationStyle, ctx: CitationContext): Citation {
  const text = s.text.replace(/\s+/gu, ' ').trim();
  const fields: CitationInput = { ...s, speaker: null, title: null, surname: null, kind: null };
  if (style === 'custom') {
    return { inline: fillTemplate(ctx.template || '${quote} (${outlet}, ${date})', { quote: text, speaker: '', surname: '', title: '', outlet: s.outlet, date: s.date, url: s.url, file: s.file }) };
  }
  if (style === 'footnote') {
    const n = ctx.footnoteNumber ?? 1;
    const parts = [s.outlet ?? 'Source', ...(s.date ? [s.date] : [])];
    return { inline: `${text}[^${n}]`, footnote: `[^${n}]: ${parts.join(', ')} (${baseName(s.file)}).` };
  }
  const who = outletPhrase(fields, style === 'markdown-link', ctx);
  // "…levels.”" -> "…levels,” according to X."
  const closing = /([.;:])(['’"”]*)$/u.exec(text);
  if (closing && !/(?:\.\.\.|…)['’"”]*$/u.test(text)) {
    return { inline: `${text.slice(0, closing.index)},${closing[2]} according to ${who}.` };
  }
  if (/[?!]['’"”]*$/u.test(text)) return { inline: `${text} (${who})` };
  return { inline: `${text}, according to ${who}.` };
}

/** The next footnote number: one more than the highest `[^N]` in the document. */
export function nextFootnoteNumber(draftText: string): number {
  let max = 0;
  for (const m of draftText.matchAll(/\[\^(\d+)\]/g)) max = Math.max(max, Number(m[1]));
  return max + 1;
}

/** The document's own quotation marks: straight when it mostly uses them, curly otherwise. */
export function detectQuoteMarks(draftText: string): 'curly' | 'straight' {
  let curly = 0;
  let straight = 0;
  for (let i = 0; i < draftText.length; i++) {
    const c = draftText.charCodeAt(i);
    if (c === 0x201c || c === 0x201d) curly++;
    else if (c === 34) straight++;
  }
  return straight > curly ? 'straight' : 'curly';
}

/**
 * Whether a citation at `offset` would be the first reference to a person:
 * none of their name forms ("Ned Price", "Price") appears as a whole word before it.
 */
export function isFirstReference(draftText: string, nameForms: readonly string[], offset: number): boolean {
  const before = draftText.slice(0, offset);
  return !nameForms.some((form) => {
    if (!form) return false;
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(before);
  });
}
