// Reading a reporter's draft: where its quoted passages are, which words they
// contain (for comparison with the sources), and who the draft says spoke them.
// Pure text processing: no knowledge of the sources except through an
// optional name resolver, so the CLI, the editor and the tests share it.

import { readingCopy } from './quoteMarks';

/** One word of a quote or a source, normalised for comparison. */
export interface WordToken {
  /** Lower-cased, apostrophes unified: only typography is folded away. */
  norm: string;
  start: number;
  end: number;
}

/** Editorial gaps a draft may put inside a quote: AP ellipsis or `[bracketed]` words. */
export interface QuoteGap {
  kind: 'ellipsis' | 'bracket';
  start: number;
  end: number;
  /** Number of draft words before the gap. */
  at: number;
}

export interface DraftAttribution {
  /** The name as the draft writes it (for a pronoun: the earlier name it refers to). */
  name: string;
  /** Span of the attribution in the draft (the pronoun itself for "he said"). */
  start: number;
  end: number;
}

export interface DraftQuote {
  /** The quoted words without the marks (surrounding white space trimmed). */
  start: number;
  end: number;
  text: string;
  attribution: DraftAttribution | null;
}

/** A draft quote with what matching needs. */
export interface ParsedDraftQuote extends DraftQuote {
  words: WordToken[];
  gaps: QuoteGap[];
  /** Set when the attribution is a pronoun, so a resolver can re-point it. */
  pronoun: { start: number; end: number; uncertain: boolean } | null;
}

/**
 * Resolves a capitalised run of draft words ("State Department spokesman Ned
 * Price" reads as the run "Ned Price") to the canonical names it may denote.
 * Returns the resolved suffix's length in words and the names, or null.
 */
export type NameResolver = (words: string[]) => { used: number; names: string[] } | null;

/** A source word: a number (3,210 or 4.5), a word with inner apostrophes, or `%`. Shared with the index so offsets agree. */
export const SOURCE_WORD_PATTERN = String.raw`\p{N}+(?:[.,:]\p{N}+)*(?:['’][\p{L}]+)?|[\p{L}\p{N}]+(?:['’‘][\p{L}\p{N}]+)*|%`;
const WORD_SOURCE = String.raw`\p{N}+(?:[.,:]\p{N}+)*(?:['’][\p{L}]+)?|[\p{L}\p{N}]+(?:['’‘][\p{L}\p{N}]+)*`;

export function normWord(word: string): string {
  let w = word.toLowerCase();
  for (let i = 0; i < w.length; i++) {
    if (w.charCodeAt(i) >= 128) {
      // Accents are typography here: reporters type "Tomas" for "Tomás".
      w = w.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[’‘`´]/g, "'");
      break;
    }
  }
  return w;
}

/**
 * Words of a source text between `start` and `end`. Punctuation is dropped on
 * purpose: AP moves closing punctuation and Markdown adds `*`, `_`, `>`, so
 * only words (and `%`, which AP spells "percent") carry the quote's meaning.
 * Hyphens and dashes separate words, so "in-depth" and "in depth" agree.
 */
export function sourceWords(text: string, start = 0, end = text.length): WordToken[] {
  const out: WordToken[] = [];
  const re = new RegExp(SOURCE_WORD_PATTERN, 'gu');
  re.lastIndex = start;
  const slice = end === text.length ? text : text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    out.push({ norm: m[0] === '%' ? 'percent' : normWord(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Words and editorial gaps of a draft quote's content. Besides words it
 * recognises ellipses (`…`, `...`, `. . .`, `[…]`), `[bracketed]` editorial
 * words, Markdown links (their text counts), footnote marks (ignored) and
 * list markers at the start of a continued line (ignored).
 */
export function quoteContentTokens(text: string, start: number, end: number): { words: WordToken[]; gaps: QuoteGap[] } {
  const words: WordToken[] = [];
  const gaps: QuoteGap[] = [];
  const content = text.slice(start, end);
  if (!/[[…\n]|\.\s?\.\s?\./.test(content)) {
    // Plain words only (the usual case): no gaps, links or line markers to read.
    return { words: sourceWords(text, start, end), gaps };
  }
  const re = new RegExp(
    String.raw`(?<ellipsis>\[\s*(?:…|\.\s?\.\s?\.)\s*\]|…|\.\s?\.\s?\.)` +
      String.raw`|(?<footnote>\[\^[^\]\n]*\])` +
      String.raw`|(?<link>\[(?<linkText>[^\]\n]*)\]\([^)\n]*\))` +
      String.raw`|(?<bracket>\[[^\]\n]*\])` +
      String.raw`|(?<listMarker>\n[ \t]*(?:>[ \t]*)*(?:\d+[.)]|[-*+])[ \t]+)` +
      String.raw`|(?<word>${WORD_SOURCE})|(?<percent>%)`,
    'gu',
  );
  const slice = text.slice(0, end);
  re.lastIndex = start;
  let m: RegExpExecArray | null;
  const addGap = (kind: QuoteGap['kind'], s: number, e: number) => {
    const last = gaps[gaps.length - 1];
    // Two gaps in a row ("[…] [he]") act as one: the wider kind wins.
    if (last && last.at === words.length) {
      last.end = e;
      if (kind === 'ellipsis') last.kind = 'ellipsis';
      return;
    }
    gaps.push({ kind, start: s, end: e, at: words.length });
  };
  while ((m = re.exec(slice)) !== null) {
    const g = m.groups ?? {};
    if (g.ellipsis) addGap('ellipsis', m.index, m.index + m[0].length);
    else if (g.footnote || g.listMarker) continue;
    else if (g.link !== undefined) {
      const linkStart = m.index + 1;
      for (const w of sourceWords(text, linkStart, linkStart + (g.linkText ?? '').length)) words.push(w);
    } else if (g.bracket) addGap('bracket', m.index, m.index + m[0].length);
    else if (g.word) words.push({ norm: normWord(g.word), start: m.index, end: m.index + g.word.length });
    else if (g.percent) words.push({ norm: 'percent', start: m.index, end: m.index + 1 });
  }
  return { words, gaps };
}

// ---------------------------------------------------------------------------
// Finding quoted passages.

const OPEN_DOUBLE = new Set(['“', '„', '«']);
const CLOSE_DOUBLE = new Set(['”', '»']);

interface RawQuote {
  open: number;
  contentStart: number;
  contentEnd: number;
  close: number; // index just past the closing mark (== contentEnd when unclosed)
}

/** Spans to leave alone: YAML front matter, fenced code blocks. */
function skippedRegions(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const fm = /^(?:\uFEFF)?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (fm) out.push({ start: 0, end: fm[0].length });
  const fence = /^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?(?:^[ \t]*\1[^\n]*$|(?![\s\S]))/gm;
  let m: RegExpExecArray | null;
  while ((m = fence.exec(text)) !== null) {
    if (m.index < (out[0]?.end ?? 0)) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** A blank line (possibly with block-quote markers only) ends a paragraph. */
function paragraphBreakAt(text: string, i: number): number {
  // Returns the index just past the break if a paragraph break starts at i (text[i] === '\n').
  const m = /^\n(?:[ \t]*>?[ \t]*\r?\n)+/.exec(text.slice(i, i + 200));
  return m ? i + m[0].length : -1;
}

function scanQuotes(text: string): RawQuote[] {
  const quotes: RawQuote[] = [];
  const skips = skippedRegions(text);
  let skipIdx = 0;
  let open: { mark: 'double' | 'straight' | 'single'; at: number } | null = null;
  const closeAt = (contentEnd: number, close: number) => {
    if (!open) return;
    quotes.push({ open: open.at, contentStart: open.at + 1, contentEnd, close });
    open = null;
  };
  for (let i = 0; i < text.length; i++) {
    while (skipIdx < skips.length && skips[skipIdx].end <= i) skipIdx++;
    if (skipIdx < skips.length && skips[skipIdx].start <= i) {
      open = null;
      i = skips[skipIdx].end - 1;
      continue;
    }
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      const nl = ch === '\r' ? i + 1 : i;
      const past = paragraphBreakAt(text, nl);
      if (past >= 0) {
        if (open) {
          // AP continues a quote across paragraphs by reopening it without
          // closing it; only then is the unclosed paragraph a quote of its own.
          // An unclosed mark otherwise is unfinished typing: not a quote.
          const next = /^[ \t]*(?:>[ \t]*)*(?:(?:\d+[.)]|[-*+])[ \t]+)?[*_]*/.exec(text.slice(past))?.[0].length ?? 0;
          const nextCh = text[past + next];
          if (nextCh !== undefined && (OPEN_DOUBLE.has(nextCh) || nextCh === '"' || (open.mark === 'single' && nextCh === '‘'))) {
            let contentEnd = nl;
            if (ch === '\r') contentEnd = i;
            closeAt(contentEnd, contentEnd);
          } else open = null;
        }
        i = past - 1;
        continue;
      }
      continue;
    }
    if (ch === '`' && !open) {
      // Inline code is not prose.
      const endTick = text.indexOf('`', i + 1);
      const nl = text.indexOf('\n\n', i + 1);
      if (endTick > 0 && (nl < 0 || endTick < nl)) i = endTick;
      continue;
    }
    if (OPEN_DOUBLE.has(ch)) {
      // German marks „…“ close with the mark English opens with.
      if (ch === '“' && open && open.mark === 'double' && text[open.at] === '„') {
        closeAt(i, i + 1);
        continue;
      }
      if (!open) open = { mark: 'double', at: i };
      else if (open.mark === 'single') open = { mark: 'double', at: i };
      continue;
    }
    if (CLOSE_DOUBLE.has(ch)) {
      if (open && (open.mark === 'double' || open.mark === 'straight')) closeAt(i, i + 1);
      continue;
    }
    if (ch === '"') {
      // An inch mark (5'10", a 27" screen) is no quote mark.
      if (!open && /\d['’]?$/.test(text.slice(Math.max(0, i - 3), i))) continue;
      if (open && open.mark !== 'single') closeAt(i, i + 1);
      else open = { mark: 'straight', at: i };
      continue;
    }
    // Single curly marks open a quote only at the start of a word, and close
    // only where no letter follows, so apostrophes (don’t, Blinken’s, ’90s)
    // never start or end one. Straight single marks are never quote marks.
    if (ch === '‘' && !open && !isWordChar(text[i - 1]) && isWordChar(text[i + 1])) {
      open = { mark: 'single', at: i };
      continue;
    }
    if (ch === '’' && open && open.mark === 'single' && !isWordChar(text[i + 1]) && i > open.at + 1) {
      closeAt(i, i + 1);
      continue;
    }
  }
  if (open) {
    // The draft ends inside a quote: only an AP continuation would be a quote,
    // and there is none after the end, so drop it.
    open = null;
  }
  return quotes;
}

// ---------------------------------------------------------------------------
// Attributions.

const CUES = new Set(
  (
    'said says say saying told tells tell added adds asked asks wrote writes tweeted tweets posted stated states ' +
    'explained explains noted notes argued argues insisted insists declared declares claimed claims continued recalled ' +
    'replied replies responded responds warned warns acknowledged acknowledges admitted admits announced announces remarked ' +
    'quipped joked complained complains suggested suggests stressed stresses emphasized emphasised observed commented ' +
    'described describes called calls vowed vows promised promises pledged urged urges conceded predicted boasted shouted ' +
    'cried yelled testified wondered agreed countered mused whispered charged alleged maintained contended asserted ' +
    'concluded reiterated repeated lamented praised dubbed labeled labelled termed thundered exclaimed'
  ).split(' '),
);
const PRONOUNS = new Set(['he', 'she']);
/** Words that may sit between a name and its cue ("Price also said"). */
const BETWEEN_NAME_AND_CUE = new Set(['also', 'later', 'then', 'has', 'had', 'have', 'once', 'again', 'previously', 'earlier', 'further', 'still', 'simply', 'just', 'would', 'will', 'had', 'reportedly']);
const NAME_PARTICLES = new Set(['de', 'da', 'del', 'della', 'der', 'van', 'von', 'bin', 'al', 'la', 'le', 'du', 'dos', 'di', 'ibn']);
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'st', 'jr', 'sr', 'prof', 'pres', 'rev', 'hon', 'mt', 'ft', 'no', 'u.s', 'u.k', 'u.n', 'vs', 'inc', 'co', 'corp', 'ltd', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec']);

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsIn(text: string, start: number, end: number): Word[] {
  const re = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.-]*[\p{L}\p{N}])?\.?/gu;
  const out: Word[] = [];
  re.lastIndex = start;
  const slice = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    let w = m[0];
    // A trailing period belongs to the word only for abbreviations and initials.
    if (w.endsWith('.') && !(ABBREVIATIONS.has(w.slice(0, -1).toLowerCase()) || /^\p{Lu}\.$/u.test(w) || /\p{L}\.\p{L}/u.test(w))) w = w.slice(0, -1);
    out.push({ text: w, start: m.index, end: m.index + w.length });
  }
  return out;
}

function isCapitalised(w: string): boolean {
  return /^\p{Lu}/u.test(w);
}

/** The capitalised run ending at words[last] (names, titles, initials, particles). */
function capitalisedRunEndingAt(words: Word[], last: number, text: string): Word[] {
  if (last < 0 || !isCapitalised(words[last].text)) return [];
  let first = last;
  while (first > 0) {
    const prev = words[first - 1];
    const gap = text.slice(prev.end, words[first].start);
    if (!/^[ \t\u00a0]*$/.test(gap) && !/^\s*$/.test(gap)) break;
    if (/\n\s*\n/.test(gap)) break;
    if (isCapitalised(prev.text) || (NAME_PARTICLES.has(prev.text.toLowerCase()) && first - 2 >= 0 && isCapitalised(words[first - 2].text))) first--;
    else break;
  }
  return words.slice(first, last + 1);
}

/** The capitalised run starting at words[first] (stopping at a comma or other punctuation). */
function capitalisedRunStartingAt(words: Word[], first: number, text: string): Word[] {
  if (first >= words.length || !isCapitalised(words[first].text)) return [];
  let last = first;
  while (last + 1 < words.length) {
    const next = words[last + 1];
    const gap = text.slice(words[last].end, next.start);
    if (!/^\s*$/.test(gap) || /\n\s*\n/.test(gap)) break;
    if (isCapitalised(next.text) || (NAME_PARTICLES.has(next.text.toLowerCase()) && last + 2 < words.length && isCapitalised(words[last + 2].text))) last++;
    else break;
  }
  return words.slice(first, last + 1);
}

function stripPossessive(w: string): string {
  return w.replace(/['’]s$/u, '');
}

interface FoundAttribution {
  run: Word[];
  pronoun: boolean;
}

/** A name phrase after a cue: "said State Department spokesman Ned Price, who…" -> "Ned Price". */
function nameAfterCue(words: Word[], from: number, text: string, limit: number): FoundAttribution | null {
  if (from >= words.length) return null;
  const w0 = words[from].text.toLowerCase();
  if (PRONOUNS.has(w0)) return { run: [words[from]], pronoun: true };
  // Up to the first comma or the end of the clause: the last capitalised run
  // (titles before a name are lowercase, or capitalised and part of the run).
  let best: Word[] = [];
  for (let i = from; i < words.length && i < from + 20; i++) {
    if (words[i].start >= limit) break;
    if (i > from && /[,;:.!?(—–]/.test(text.slice(words[i - 1].end, words[i].start))) break;
    if (isCapitalised(words[i].text)) {
      const run = capitalisedRunStartingAt(words, i, text);
      // A possessive belongs to the title ("in Scott's district"), not the speaker.
      if (!/['’]s$/u.test(run[run.length - 1].text)) best = run;
      i += run.length - 1;
    }
  }
  return best.length ? { run: best, pronoun: false } : null;
}

/** The subject before a cue at words[cue]: "Ned Price, a spokesman, said" / "Price also said". */
function nameBeforeCue(words: Word[], cue: number, text: string, floor: number): FoundAttribution | null {
  let i = cue - 1;
  while (i >= 0 && words[i].start >= floor && (BETWEEN_NAME_AND_CUE.has(words[i].text) || /^\p{Ll}+ly$/u.test(words[i].text))) i--;
  if (i < 0 || words[i].start < floor) return null;
  const gapAfter = text.slice(words[i].end, words[i + 1]?.start ?? words[i].end);
  if (/,/.test(gapAfter)) {
    // An appositive ends here: ", the State Department's spokesman, said". Skip back to its opening comma.
    let j = i;
    while (j > 0 && words[j].start >= floor && !/,/.test(text.slice(words[j - 1].end, words[j].start))) j--;
    if (j > 0 && words[j - 1].start >= floor && i - j < 20) i = j - 1;
    else return null;
  }
  const w = words[i].text.toLowerCase();
  if (PRONOUNS.has(w)) return { run: [words[i]], pronoun: true };
  const run = capitalisedRunEndingAt(words, i, text).filter((x) => x.start >= floor);
  return run.length ? { run, pronoun: false } : null;
}

function isCueAt(words: Word[], i: number): 0 | 1 | 2 {
  const w = words[i]?.text.toLowerCase();
  if (w === undefined) return 0;
  if (w === 'according' && words[i + 1]?.text.toLowerCase() === 'to') return 2;
  return CUES.has(w) ? 1 : 0;
}

/** End of the sentence that continues after `from` (exclusive), stopping at the next quote mark. */
function clauseEndAfter(text: string, from: number): number {
  const limit = Math.min(text.length, from + 300);
  for (let i = from; i < limit; i++) {
    const ch = text[i];
    if (OPEN_DOUBLE.has(ch) || ch === '"' || ch === '‘') return i;
    if (ch === '\n' && /^\n\s*\n/.test(text.slice(i, i + 50))) return i;
    if (ch === '.' || ch === '!' || ch === '?' || ch === ';') {
      if (ch === '.') {
        const before = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, i - 12), i))?.[0] ?? '';
        if (ABBREVIATIONS.has(before.toLowerCase()) || /^\p{Lu}$/u.test(before) || /\p{L}\.\p{L}$/u.test(before)) continue;
      }
      return i;
    }
  }
  return limit;
}

/** Start of the sentence leading up to `to`, stopping after the previous closing quote mark. */
function clauseStartBefore(text: string, to: number, floor: number): number {
  const lower = Math.max(floor, to - 400);
  for (let i = to - 1; i >= lower; i--) {
    const ch = text[i];
    if (ch === '\n' && /^\n\s*\n/.test(text.slice(i - 0, i + 50))) return i + 1;
    if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? ' ')) {
      if (ch === '.') {
        const before = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, i - 12), i))?.[0] ?? '';
        if (ABBREVIATIONS.has(before.toLowerCase()) || /^\p{Lu}$/u.test(before) || /\p{L}\.\p{L}$/u.test(before)) continue;
      }
      return i + 1;
    }
  }
  return lower;
}

function attributionAfter(text: string, q: RawQuote, contentText: string): FoundAttribution | null {
  const end = clauseEndAfter(text, q.close);
  const words = wordsIn(text, q.close, end);
  if (!words.length) return null;
  // A quote that ends its sentence, then "Clinton said “…”" (no comma before the next quote mark): that
  // attribution introduces the next quote, not this one. (“Why?” she asked, “…” is one quote split by
  // its attribution, and “….” Ortiz said. a bare one after it.)
  const nextOpens = end < text.length && (OPEN_DOUBLE.has(text[end]) || text[end] === '"' || text[end] === '‘');
  if (nextOpens && /[.!?…]\s*[*_]*\s*$/.test(contentText) && !/,\s*$/.test(text.slice(words[words.length - 1].end, end))) return null;
  // A quote ending in a period ends its sentence ("?" and "!" may not: “Why?”
  // Price asked.). What follows it attributes it only when it is a bare
  // attribution (“….” Ortiz said.), not a new statement (Kline said the board…).
  if (/\.\s*[*_]*\s*$/.test(contentText) && !/\.\.\.\s*$|…\s*$/.test(contentText)) {
    const bare = words.length <= 6 && (isCueAt(words, 0) === 1 || isCueAt(words, words.length - 1) === 1);
    if (!bare) return null;
  }
  const cue0 = isCueAt(words, 0);
  if (cue0) return nameAfterCue(words, cue0, text, end);
  // "Price said", "Ned Price, a State Department spokesman, said", "he told reporters".
  for (let i = 1; i < words.length && i < 24; i++) {
    const c = isCueAt(words, i);
    if (!c) continue;
    if (c === 2) return nameAfterCue(words, i + 2, text, end);
    const firstGap = text.slice(q.close, words[0].start);
    if (/[.!?]/.test(firstGap)) return null;
    const subject = nameBeforeCue(words, i, text, q.close);
    // The speaker follows the quote closely ("State Department spokesman Ned
    // Price said"); a name further on belongs to another clause.
    if (subject && words.indexOf(subject.run[0]) > 4) return null;
    return subject;
  }
  return null;
}

function attributionBefore(text: string, q: RawQuote, floor: number): FoundAttribution | null {
  const start = clauseStartBefore(text, q.open, floor);
  const words = wordsIn(text, start, q.open);
  if (!words.length) return null;
  // "Price: “…”" (a transcript line or a colon attribution without a cue).
  const tail = text.slice(words[words.length - 1].end, q.open);
  for (let i = words.length - 1; i >= 0; i--) {
    const c = isCueAt(words, i);
    if (c === 2) return nameAfterCue(words, i + 2, text, q.open);
    if (c === 1) {
      const subject = nameBeforeCue(words, i, text, start);
      if (subject) return subject;
      // "Said Price: “…”" and "…, said Price, “…”".
      const after = nameAfterCue(words, i + 1, text, q.open);
      if (after && /:\s*$|,\s*$/.test(text.slice(after.run[after.run.length - 1].end, q.open))) return after;
      return null;
    }
  }
  if (/^\s*:\s*[*_]*\s*$/.test(tail)) {
    const run = capitalisedRunEndingAt(words, words.length - 1, text);
    if (run.length) return { run, pronoun: false };
  }
  return null;
}

/**
 * Every quoted passage of a draft with the attribution next to it.
 * Without a resolver, a pronoun refers to the nearest earlier attribution
 * name in the draft; `parseDraft` with a resolver does better.
 */
export function findDraftQuotes(draftText: string): DraftQuote[] {
  return parseDraft(draftText).map(({ start, end, text, attribution }) => ({ start, end, text, attribution }));
}

/** Capitalised runs in the draft that the resolver knows, in order (for pronouns). */
interface NameMention {
  start: number;
  end: number;
  name: string;
  names: string[];
}

function knownNameMentions(text: string, resolve: NameResolver): NameMention[] {
  const words = wordsIn(text, 0, text.length);
  const out: NameMention[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!isCapitalised(words[i].text)) continue;
    const run = capitalisedRunStartingAt(words, i, text);
    const r = resolve(run.map((w) => stripPossessive(w.text)));
    if (r) {
      const used = run.slice(run.length - r.used);
      out.push({ start: used[0].start, end: used[used.length - 1].end, name: text.slice(used[0].start, used[used.length - 1].end), names: r.names });
    }
    i += run.length - 1;
  }
  return out;
}

/**
 * The draft with what is not prose blanked out, offsets unchanged: HTML comments,
 * fenced code blocks, inline code and front matter hold notes and markup, not quotes.
 */
export function maskNonProse(text: string): string {
  const blank = (m: string): string => m.replace(/[^\r\n]/g, ' ');
  return text
    .replace(/^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/, blank)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, blank)
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[ \t]*$|(?![\s\S]))/gm, blank)
    .replace(/`[^`\n]+`/g, blank);
}

export function parseDraft(draftText: string, resolve?: NameResolver): ParsedDraftQuote[] {
  // ''…'' pasted from archive copy is a quote to check like any other (readingCopy keeps offsets).
  const raws = scanQuotes(readingCopy(maskNonProse(draftText)));
  const out: ParsedDraftQuote[] = [];
  let mentions: NameMention[] | null = null;
  let lastExplicit: string | null = null;
  let prevClose = 0;
  for (const q of raws) {
    let s = q.contentStart;
    let e = q.contentEnd;
    while (s < e && /\s/.test(draftText[s])) s++;
    while (e > s && /\s/.test(draftText[e - 1])) e--;
    const { words, gaps } = quoteContentTokens(draftText, s, e);
    if (!words.length) {
      prevClose = q.close;
      continue;
    }
    const content = draftText.slice(s, e);
    const found = attributionAfter(draftText, q, content) ?? attributionBefore(draftText, q, prevClose);
    prevClose = q.close;
    let attribution: DraftAttribution | null = null;
    let pronoun: ParsedDraftQuote['pronoun'] = null;
    if (found && found.pronoun) {
      const p = found.run[0];
      pronoun = { start: p.start, end: p.end, uncertain: false };
      let referent: string | null = lastExplicit;
      if (resolve) {
        // Names inside quoted passages are what someone said, not who is speaking.
        mentions ??= knownNameMentions(draftText, resolve).filter((m) => !raws.some((r) => m.start >= r.open && m.end <= r.close));
        const before = mentions.filter((m) => m.end <= p.start);
        const nearest = before[before.length - 1];
        referent = nearest ? nearest.name : null;
        if (nearest) {
          // "Ortiz was asked about Abara. “…,” she said.": with another person
          // named since the referent's sentence began, the pronoun is a guess
          // (no genders are known), and a guess must not raise a misattribution.
          const from = clauseStartBefore(draftText, nearest.start, 0);
          pronoun.uncertain = before.some((m) => m.start >= from && !m.names.some((n) => nearest.names.includes(n)));
        }
      }
      if (referent) attribution = { name: referent, start: p.start, end: p.end };
    } else if (found) {
      const run = found.run;
      let used = run;
      if (resolve) {
        const r = resolve(run.map((w) => stripPossessive(w.text)));
        if (r) used = run.slice(run.length - r.used);
      }
      const a = used[0].start;
      const b = used[used.length - 1].end;
      attribution = { name: draftText.slice(a, b).replace(/['’]s$/u, ''), start: a, end: b };
      lastExplicit = attribution.name;
    }
    out.push({ start: s, end: e, text: content, attribution, words, gaps, pronoun });
  }
  return out;
}
