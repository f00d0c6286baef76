// Scores the article reader against PolNeAR's hand-annotated attributions.
//
//   node out/scripts/score-polnear.js [CORPUS] [--split dev|train] [--errors N] [--speaker-errors] [--classic-marks] [--json]
//
// --speaker-errors lists every wrong and missed speaker of a matched quote with the rule that
// chose it and a category (same person, other mention; pronoun; description; …), then counts them
// by category and by rule.
//
// Gold quotes are the double-quote-delimited parts of Content spans (a quote
// left open at a paragraph end ends there); the gold speaker of a quote is the
// Source span of its attribution. A doubled single mark counts as a double one:
// the New York Times' archive text (116 of the 840 train articles, 7 of the 84
// dev ones) writes every quote as ''…''. --classic-marks counts only “ ” and "
// as marks, as this scorer did before the reader read ''…'': its figures compare
// with earlier ones, and the reader's ''…'' quotes all count as wrong under it.
// A predicted quote matches a gold one when their spans are equal after
// trimming white space and edge punctuation. Speaker figures are at the mention
// level: a speakerMention is right when it overlaps the gold Source span.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { attributionRule, parseArticle } from '../src/core/article';
import { decodeSource } from '../src/core/decode';

interface Span {
  start: number;
  end: number;
}
interface GoldQuote extends Span {
  source: Span[] | null;
}

export function readAnn(ann: string, text: string, doubledMarks = true): { quotes: GoldQuote[] } {
  const spans = new Map<string, { type: string; frags: Span[] }>();
  // An attribution may name several Sources or Contents ("Source:T3 Source2:T4"): keep them all.
  const events: Map<string, string[]>[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (/^T\d+$/.test(cols[0]) && cols[1]) {
      const [type, ...rest] = cols[1].split(' ');
      const frags = rest
        .join(' ')
        .split(';')
        .map((f) => f.trim().split(' ').map(Number))
        .map(([start, end]) => ({ start, end }));
      spans.set(cols[0], { type, frags });
    } else if (/^E\d+$/.test(cols[0]) && cols[1]) {
      const roles = new Map<string, string[]>();
      for (const part of cols[1].split(' ')) {
        const [role, id] = part.split(':');
        if (!role || !id) continue;
        const key = role.replace(/\d+$/, '');
        roles.set(key, [...(roles.get(key) ?? []), id]);
      }
      events.push(roles);
    }
  }
  const sourceOf = new Map<string, Span[]>();
  for (const e of events) {
    const sources = (e.get('Source') ?? []).filter((id) => spans.has(id)).flatMap((id) => spans.get(id)!.frags);
    if (sources.length === 0) continue;
    for (const content of e.get('Content') ?? []) sourceOf.set(content, [...(sourceOf.get(content) ?? []), ...sources]);
  }
  // Gold quotes: every quote-mark span of the text that lies mostly inside one Content span. A Content
  // span may be discontinuous (one fragment per sentence of a long quote): its fragments count together.
  // Nested attributions ("the report said Trump told voters “…”") give the innermost one, whose Source
  // is the quote's speaker.
  const contents = [...spans.entries()].filter(([, s]) => s.type === 'Content');
  const quotes: GoldQuote[] = [];
  for (const q of quoteMarkSpans(text, doubledMarks)) {
    let best: { id: string; covered: number; size: number } | null = null;
    for (const [id, c] of contents) {
      let covered = 0;
      let size = 0;
      for (const f of c.frags) {
        covered += Math.max(0, Math.min(q.end, f.end) - Math.max(q.start, f.start));
        size += f.end - f.start;
      }
      if (covered > 0 && (!best || covered > best.covered || (covered === best.covered && size < best.size))) best = { id, covered, size };
    }
    if (best && best.covered >= 0.5 * (q.end - q.start)) quotes.push({ ...q, source: sourceOf.get(best.id) ?? null });
  }
  return { quotes };
}

/** Double-quote spans per paragraph, independent of the reader under test; an unclosed one ends at its paragraph. */
function quoteMarkSpans(t: string, doubledMarks: boolean): Span[] {
  const out: Span[] = [];
  const paraRe = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  let pm: RegExpExecArray | null;
  while ((pm = paraRe.exec(t))) {
    let open = -1;
    let openWidth = 1;
    for (let i = pm.index; i < pm.index + pm[0].length; i++) {
      // A doubled single mark is a double one: '' for ", ‘‘ for “, ’’ for ” (typewriter and archive copy).
      const doubled = doubledMarks && (t[i] === "'" || t[i] === '‘' || t[i] === '’') && t[i + 1] === t[i];
      const width = doubled ? 2 : 1;
      const c = doubled ? (t[i] === '‘' ? '“' : t[i] === '’' ? '”' : '"') : t[i];
      // A wrong-way mark after a word and before a space or punctuation ("review“ of") closes the open quote.
      const wrongWayClose = c === '“' && open >= 0 && /\S/.test(t[i - 1]) && !/[\p{L}\p{N}]/u.test(t[i + width] ?? ' ');
      if (!wrongWayClose && (c === '“' || (c === '"' && open < 0))) {
        if (open >= 0) out.push({ start: open + openWidth, end: i });
        open = i;
        openWidth = width;
      } else if ((c === '”' || c === '"' || wrongWayClose) && open >= 0) {
        out.push({ start: open + openWidth, end: i });
        open = -1;
      }
      i += width - 1;
    }
    if (open >= 0) out.push({ start: open + openWidth, end: pm.index + pm[0].length });
  }
  return out.filter((s) => /[\p{L}\p{N}]/u.test(t.slice(s.start, s.end)));
}

/** A span's key after trimming white space and edge punctuation: predicted and gold quotes match when their keys are equal. */
export function norm(t: string, s: Span): string {
  let { start, end } = s;
  while (start < end && /[\s.,;:!?'’‘"“”—–-]/.test(t[start])) start++;
  while (end > start && /[\s.,;:!?'’‘"“”—–-]/.test(t[end - 1])) end--;
  return `${start}:${end}`;
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--') && args[i - 1] !== '--json'));
  const corpus = positional[0] ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'polnear');
  const split = flag('--split') ?? 'dev';
  const showErrors = Number(flag('--errors') ?? 0);
  const speakerErrors = args.includes('--speaker-errors');
  const doubledMarks = !args.includes('--classic-marks');
  const speakerLines: string[] = [];
  const byCategory = new Map<string, number>();
  const byRule = new Map<string, { right: number; wrong: number }>();
  const textDir = path.join(corpus, split, 'text');
  const annDir = path.join(corpus, split, 'attributions');
  if (!fs.existsSync(textDir)) {
    process.stderr.write(`score-polnear: no ${textDir} (pass the PolNeAR folder as the first argument)\n`);
    process.exit(2);
  }
  const annFiles = fs.readdirSync(annDir).sort();
  let tp = 0,
    fp = 0,
    fn = 0,
    spTotalPred = 0,
    spRightPred = 0,
    spGold = 0,
    spFound = 0;
  const errors: string[] = [];
  let parseMs = 0;
  let bytes = 0;
  const files = fs.readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort();
  for (const file of files) {
    const base = file.replace(/\.txt$/, '');
    const ann = annFiles.find((a) => a.startsWith(base + '_'));
    if (!ann) continue;
    const buf = fs.readFileSync(path.join(textDir, file));
    bytes += buf.length;
    const decoded = decodeSource(buf);
    if ('error' in decoded) continue;
    const text = decoded.text;
    const gold = readAnn(fs.readFileSync(path.join(annDir, ann), 'utf8'), text, doubledMarks).quotes;
    const p0 = performance.now();
    const article = parseArticle(file, text);
    parseMs += performance.now() - p0;
    const goldByKey = new Map(gold.map((g) => [norm(text, g), g]));
    const predKeys = new Set<string>();
    for (const q of article.quotes) {
      const key = norm(text, q);
      predKeys.add(key);
      const g = goldByKey.get(key);
      if (!g) {
        fp++;
        if (errors.length < showErrors) errors.push(`FP ${file}: “${q.text.slice(0, 80)}”`);
        continue;
      }
      tp++;
      if (q.speakerMention) {
        spTotalPred++;
        if (speakerErrors) {
          const right = !!g.source && g.source.some((s) => overlaps(s, q.speakerMention!));
          const rule = attributionRule(q) ?? '?';
          const r = byRule.get(rule) ?? { right: 0, wrong: 0 };
          if (right) r.right++;
          else r.wrong++;
          byRule.set(rule, r);
          if (!right) {
            const category = wrongCategory(text, article, q, g);
            byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
            speakerLines.push(`WRONG ${category} [${rule}] ${file}@${q.start}: got [${text.slice(q.speakerMention.start, q.speakerMention.end)}] gold [${g.source ? g.source.map((s) => text.slice(s.start, s.end)).join('…') : 'none'}] :: ${context(text, q, q.speakerMention)}`);
          }
        }
        if (g.source && g.source.some((s) => overlaps(s, q.speakerMention!))) spRightPred++;
        else if (errors.length < showErrors)
          errors.push(`SPEAKER ${file}: “${q.text.slice(0, 50)}” got [${text.slice(q.speakerMention.start, q.speakerMention.end)}] gold [${g.source ? g.source.map((s) => text.slice(s.start, s.end)).join('…') : 'none'}]`);
      }
    }
    for (const g of gold) {
      const key = norm(text, g);
      const found = predKeys.has(key);
      if (!found) {
        fn++;
        if (errors.length < showErrors) errors.push(`FN ${file}: “${text.slice(g.start, Math.min(g.end, g.start + 80))}”`);
      }
      if (g.source) {
        spGold++;
        const q = found ? article.quotes.find((p) => norm(text, p) === key) : undefined;
        if (q?.speakerMention && g.source.some((s) => overlaps(s, q.speakerMention!))) spFound++;
        else if (speakerErrors && q && !q.speakerMention) {
          const category = missedCategory(text, article, g);
          byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
          speakerLines.push(`MISSED ${category} ${file}@${q.start}: gold [${g.source.map((s) => text.slice(s.start, s.end)).join('…')}] :: ${context(text, q, g.source[0])}`);
        }
        else if (found && !q?.speakerMention && errors.length < showErrors)
          errors.push(`MISSED SPEAKER ${file}: “${text.slice(g.start, Math.min(g.end, g.start + 50))}” gold [${g.source.map((s) => text.slice(s.start, s.end)).join('…')}]`);
      }
    }
  }
  // Throughput of the reader alone (decoding and parseArticle), not of the scoring.
  const ms = parseMs;
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  const result = {
    split,
    articles: files.length,
    quotes: { gold: tp + fn, predicted: tp + fp, precision: p, recall: r, f1: (2 * p * r) / (p + r) },
    speakers: { precision: spRightPred / spTotalPred, recall: spFound / spGold, goldWithSource: spGold },
    throughput: { ms, articlesPerSecond: files.length / (ms / 1000), mbPerSecond: bytes / 1e6 / (ms / 1000) },
  };
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } else {
    const f = (x: number): string => x.toFixed(3);
    process.stdout.write(
      `PolNeAR ${split}: ${result.articles} articles, ${result.quotes.gold} gold quotes\n` +
        `quotes   P ${f(p)}  R ${f(r)}  F1 ${f(result.quotes.f1)}\n` +
        `speakers P ${f(result.speakers.precision)}  R ${f(result.speakers.recall)}  (of ${spGold} gold quotes with a Source)\n` +
        `reading  ${result.throughput.articlesPerSecond.toFixed(0)} articles/s, ${result.throughput.mbPerSecond.toFixed(2)} MB/s\n`,
    );
    for (const e of errors) process.stdout.write(e + '\n');
  }
  if (speakerErrors) {
    for (const l of speakerLines) process.stdout.write(l + '\n');
    process.stdout.write(`speakers: ${spRightPred} right of ${spTotalPred} predicted, ${spFound} found of ${spGold}; quotes: ${tp} right, ${fp} wrong, ${fn} missed\n`);
    process.stdout.write('speaker errors by category:\n');
    for (const [c, n] of [...byCategory].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${c} ${n}\n`);
    process.stdout.write('predicted speakers by rule (right/wrong):\n');
    for (const [r, n] of [...byRule].sort((a, b) => b[1].right + b[1].wrong - a[1].right - a[1].wrong)) process.stdout.write(`  ${r} ${n.right}/${n.wrong}\n`);
  }
}

/** The text around a quote and a mention, on one line, quote marks shown as ‹ › around the quote. */
function context(text: string, q: Span, m: Span): string {
  const from = Math.max(0, Math.min(q.start, m.start) - 120);
  const to = Math.min(text.length, Math.max(q.end, m.end) + 120);
  const qs = Math.max(from, q.start);
  const qe = Math.min(to, q.end);
  const mid = qe - qs > 160 ? text.slice(qs, qs + 70) + ' … ' + text.slice(qe - 70, qe) : text.slice(qs, qe);
  return (text.slice(from, qs) + '‹' + mid + '›' + text.slice(qe, to)).replace(/\s+/g, ' ');
}

/** Why a predicted speaker is wrong, roughly. */
function wrongCategory(text: string, article: ReturnType<typeof parseArticle>, q: ReturnType<typeof parseArticle>['quotes'][number], g: GoldQuote): string {
  if (!g.source) return 'no-gold-source';
  const got = text.slice(q.speakerMention!.start, q.speakerMention!.end).toLowerCase();
  const person = article.people.find((p) => p.name === q.speaker);
  if (person && person.mentions.some((m) => g.source!.some((s) => overlaps(s, m)))) return 'same-person-other-mention';
  if (/^(?:he|she|they|it|who)$/.test(got)) return 'pronoun';
  const goldText = g.source.map((s) => text.slice(s.start, s.end)).join(' ');
  if (/^(?:he|she|they|it|we|i|you|who)$/i.test(goldText.trim())) return 'gold-pronoun';
  if (person) return 'other-person';
  return 'description';
}

function missedCategory(text: string, article: ReturnType<typeof parseArticle>, g: GoldQuote): string {
  const goldText = g.source!.map((s) => text.slice(s.start, s.end)).join(' ').trim();
  if (/^(?:he|she|they|it|we|i|you|who)$/i.test(goldText)) return 'missed-pronoun';
  if (article.people.some((p) => p.mentions.some((m) => g.source!.some((s) => overlaps(s, m))))) return 'missed-person';
  return 'missed-description';
}

if (require.main === module) main();
