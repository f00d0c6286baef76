// Accuracy and speed of quote verification on PolNeAR articles.
//
//   npm run bench:verify [-- CORPUS_SPLIT_FOLDER] [--scale N]
//
// The folder defaults to ../shared/corpus/polnear/dev (relative to the
// project root); it may be the split folder (holding text/) or text/ itself.
// The articles are read with the project's own reader (loadSources ->
// parseArticle), and drafts are generated from the quotes it finds:
//   verbatim   each quote pasted as is, attributed to its speaker (AP form:
//              a closing period becomes a comma before "X said");
//   mutated    one interior word changed (to another word of the article),
//              dropped, or a negation added/removed; only quotes of at least
//              MIN_MUTATION_WORDS words (shorter ones have no interior word
//              worth changing and fall under the misquote thresholds);
//   swapped    the speaker replaced by another person of the same article.
// Nothing of the corpus is written anywhere; only figures are printed.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSources } from '../src/core/sources';
import { Article, ArticlePerson, Quote } from '../src/core/types';
import { sentenceList } from '../src/core/spans';
import { Finding, QuoteSource, articleSource, verifyDraft } from '../src/core/verify';

const MIN_MUTATION_WORDS = 4;

const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'should', 'do', 'does', 'did', 'has', 'have', 'had', 'must', 'may', 'might']);
const STOP = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'is', 'are', 'was', 'were', 'it', 'that', 'this', 'be', 'i', 'we', 'you', 'he', 'she', 'they']);

interface Case {
  kind: 'verbatim' | 'mutated' | 'swapped' | 'short';
  mutation?: 'change' | 'drop' | 'negate';
  expect: Finding['kind'];
  article: Article;
  quote: Quote;
  /** Where the quote's words sit in the generated draft. */
  start: number;
  end: number;
  words: number;
}

function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

function cleanQuoteText(text: string): string {
  // Nested double marks become single ones, as a reporter would write them,
  // and line breaks become spaces (one draft paragraph per quote).
  return text.replace(/[“”"]/g, (m) => (m === '”' ? '’' : '‘')).replace(/\s+/g, ' ').trim();
}

function apForm(text: string, speaker: string | null): { before: string; quote: string; after: string } {
  if (!speaker) return { before: '“', quote: text, after: '”' };
  const quote = text.replace(/\.$/, ',');
  return { before: '“', quote, after: `” ${speaker} said.` };
}

type AttributionForm = 'name-said' | 'surname-said' | 'pronoun' | 'said-title-name' | 'name-appositive' | 'before-colon' | 'according-to';
const FORMS: AttributionForm[] = ['name-said', 'surname-said', 'pronoun', 'said-title-name', 'name-appositive', 'before-colon', 'according-to'];

/** The quote attributed to a person in one of the forms reporters use. */
function attributed(text: string, person: ArticlePerson, form: AttributionForm): { before: string; quote: string; after: string } {
  const comma = text.replace(/\.$/, ',');
  const title = person.titles[0];
  switch (form) {
    case 'surname-said':
      return { before: '“', quote: comma, after: `” ${person.surname || person.name} said.` };
    case 'pronoun':
      return { before: `${person.name} spoke on Tuesday. “`, quote: comma, after: '” he said.' };
    case 'said-title-name':
      return { before: '“', quote: comma, after: `” said ${title ? title + ' ' : ''}${person.name}.` };
    case 'name-appositive':
      return { before: '“', quote: comma, after: `” ${person.name}, ${title ? 'the ' + title.toLowerCase() : 'who spoke on Tuesday'}, said.` };
    case 'before-colon':
      return { before: `${person.name} said: “`, quote: text, after: '”' };
    case 'according-to':
      return { before: '“', quote: comma, after: `” according to ${person.name}.` };
    case 'name-said':
      return { before: '“', quote: comma, after: `” ${person.name} said.` };
  }
}

function isPerson(article: Article, name: string): boolean {
  return article.people.some((p) => p.name === name);
}

function nameTokens(name: string): Set<string> {
  return new Set(name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

function sameish(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  return [...ta].every((t) => tb.has(t)) || [...tb].every((t) => ta.has(t));
}

function wordSpans(text: string): { start: number; end: number; word: string }[] {
  const out: { start: number; end: number; word: string }[] = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
  return out;
}

/** One interior word changed, dropped, or a negation toggled; null when the quote is too short. */
function mutate(text: string, kind: 'change' | 'drop' | 'negate', seed: number, vocabulary: string[]): string | null {
  const ws = wordSpans(text);
  if (ws.length < MIN_MUTATION_WORDS) return null;
  // Words whose change would leave the quote verbatim are not mutated: words
  // inside [brackets] or next to an ellipsis (the gap absorbs them), and
  // words repeated next to themselves ("very, very big" minus one "very").
  const brackets = [...text.matchAll(/\[[^\]]*\]/g)].map((m) => [m.index, m.index + m[0].length]);
  const nearGap = (a: number, b: number) => /…|\.\s?\.\s?\./.test(text.slice(a, b));
  const interior = ws.filter((w, i) => {
    if (i === 0 || i === ws.length - 1) return false;
    if (brackets.some(([s, e]) => w.start >= s && w.end <= e)) return false;
    if (nearGap(ws[i - 1].end, w.start) || nearGap(w.end, ws[i + 1].start)) return false;
    const lw = w.word.toLowerCase();
    return lw !== ws[i - 1].word.toLowerCase() && lw !== ws[i + 1].word.toLowerCase();
  });
  if (!interior.length) return null;
  const content = interior.filter((w) => !STOP.has(w.word.toLowerCase()) && /^\p{L}+$/u.test(w.word));
  const pick = <T>(xs: T[]): T => xs[seed % xs.length];
  if (kind === 'negate') {
    const neg = interior.find((w) => /^(?:not|never)$/i.test(w.word));
    if (neg) return (text.slice(0, neg.start) + text.slice(neg.end)).replace(/ {2,}/g, ' ');
    const aux = interior.find((w) => AUXILIARIES.has(w.word.toLowerCase()));
    if (aux) return text.slice(0, aux.end) + ' not' + text.slice(aux.end);
    const w = pick(interior);
    return text.slice(0, w.start) + 'not ' + text.slice(w.start);
  }
  const target = pick(content.length ? content : interior);
  if (kind === 'drop') return (text.slice(0, target.start) + text.slice(target.end)).replace(/ {2,}/g, ' ').replace(/ ([,.;:])/g, '$1');
  const lower = new Set(ws.map((w) => w.word.toLowerCase()));
  let replacement = '';
  for (let k = 0; k < vocabulary.length; k++) {
    const cand = vocabulary[(seed * 7919 + k) % vocabulary.length];
    if (!lower.has(cand.toLowerCase())) {
      replacement = cand;
      break;
    }
  }
  if (!replacement) replacement = 'purportedly';
  return text.slice(0, target.start) + replacement + text.slice(target.end);
}

function articleVocabulary(article: Article): string[] {
  const seen = new Set<string>();
  for (const w of wordSpans(article.text)) {
    const lw = w.word.toLowerCase();
    if (lw.length >= 4 && /^\p{Ll}+$/u.test(w.word) && !STOP.has(lw)) seen.add(w.word);
  }
  return [...seen];
}

interface Built {
  draft: string;
  cases: Case[];
}

function buildDraft(article: Article, variant: Case['kind']): Built {
  let draft = '';
  const cases: Case[] = [];
  const vocabulary = articleVocabulary(article);
  const contributors = new Set(article.meta.contributors.map((c) => c.toLowerCase()));
  const people = article.people.filter((p) => !contributors.has(p.name.toLowerCase()));
  article.quotes.forEach((quote, qi) => {
    const text = cleanQuoteText(quote.text);
    if (!/[\p{L}\p{N}]/u.test(text)) return;
    let speaker = quote.speaker;
    let quoteText = text;
    let expect: Finding['kind'] = 'verified';
    let mutation: Case['mutation'];
    if (variant === 'mutated') {
      mutation = (['change', 'drop', 'negate'] as const)[qi % 3];
      const m = mutate(text, mutation, qi + article.path.length, vocabulary);
      if (m === null) return;
      quoteText = m;
      expect = 'misquote';
    } else if (variant === 'short') {
      // Informational: 2-3 word quotes with a negation added or the last word
      // changed. Below the misquote thresholds unless the source quote is
      // exactly those words, so many read as unsourced by design.
      const ws = wordSpans(text);
      if (ws.length < 2 || ws.length >= MIN_MUTATION_WORDS) return;
      const last = ws[ws.length - 1];
      if (qi % 2 === 0) quoteText = text.slice(0, last.start) + 'not ' + text.slice(last.start);
      else {
        const lower = new Set(ws.map((w) => w.word.toLowerCase()));
        const replacement = vocabulary.find((w, i) => i >= (qi * 31) % Math.max(1, vocabulary.length) && !lower.has(w.toLowerCase())) ?? 'purportedly';
        quoteText = text.slice(0, last.start) + replacement + text.slice(last.end);
      }
      expect = 'misquote';
    } else if (variant === 'swapped') {
      if (!speaker || !isPerson(article, speaker)) return;
      const own = people.find((p) => p.name === speaker);
      // Another person, not sharing a name with the speaker ("Bill Clinton" for "Hillary Clinton" reads as the same surname).
      const other = people.find((p) => !sameish(p.name, speaker!) && !nameTokens(speaker!).has(p.surname.toLowerCase()) && (!own || !nameTokens(p.name).has(own.surname.toLowerCase())));
      if (!other) return;
      speaker = other.name;
      expect = 'misattributed';
    }
    // Attribution forms rotate through what reporters write (see AttributionForm).
    const form = FORMS[qi % FORMS.length];
    const named = speaker ? people.find((p) => p.name === speaker) : undefined;
    const { before, quote: shown, after } = named && form !== 'name-said' ? attributed(quoteText, named, form) : apForm(quoteText, speaker);
    draft += before;
    const start = draft.length;
    draft += shown;
    const end = draft.length;
    draft += after + '\n\n';
    cases.push({ kind: variant, mutation, expect, article, quote, start, end, words: wordSpans(text).length });
  });
  return { draft, cases };
}

interface Tally {
  total: number;
  right: number;
  falseAlarm: number;
  byKind: Record<Finding['kind'] | 'missing', number>;
}

function tally(): Tally {
  return { total: 0, right: 0, falseAlarm: 0, byKind: { verified: 0, misquote: 0, misattributed: 0, unsourced: 0, missing: 0 } };
}

function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(2)} % (${n}/${d})` : 'n/a';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function main(): void {
  const argv = process.argv.slice(2);
  let scale = 10_000;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--scale') scale = Number(argv[++i]);
    else if (argv[i] === '--verbose') process.env.BENCH_VERBOSE = '1';
    else positional.push(argv[i]);
  }
  let folder = positional[0] ?? path.resolve(projectRoot(), '..', 'shared', 'corpus', 'polnear', 'dev');
  if (fs.existsSync(path.join(folder, 'text'))) folder = path.join(folder, 'text');
  if (!fs.existsSync(folder)) {
    process.stderr.write(`bench-verify: no such folder ${folder}\n`);
    process.exitCode = 2;
    return;
  }
  const verbose = process.env.BENCH_VERBOSE === '1';
  let t0 = performance.now();
  const { articles } = loadSources([folder]);
  const parseMs = performance.now() - t0;
  const source: QuoteSource = articleSource(articles);
  t0 = performance.now();
  verifyDraft('“warm-up”', source);
  const indexMs = performance.now() - t0;
  const quoteCount = articles.reduce((s, a) => s + a.quotes.length, 0);
  console.log(`PolNeAR ${path.basename(path.dirname(folder))}: ${articles.length} articles, ${quoteCount} quotes read (parse ${parseMs.toFixed(0)} ms, verification index ${indexMs.toFixed(0)} ms)`);

  const tallies: Record<Case['kind'], Tally> = { verbatim: tally(), mutated: tally(), swapped: tally(), short: tally() };
  const byMutation: Record<string, Tally> = { change: tally(), drop: tally(), negate: tally() };
  const times: number[] = [];
  const misses: string[] = [];
  for (const variant of ['verbatim', 'mutated', 'swapped', 'short'] as const) {
    for (const article of articles) {
      const { draft, cases } = buildDraft(article, variant);
      if (!cases.length) continue;
      const t = performance.now();
      const findings = verifyDraft(draft, source);
      times.push(performance.now() - t);
      const byStart = new Map(findings.map((f) => [f.start, f]));
      for (const c of cases) {
        // The finding for the case starts at the quote's first non-space character.
        const f = byStart.get(c.start);
        const got: Finding['kind'] | 'missing' = f ? f.kind : 'missing';
        const t = tallies[variant];
        t.total++;
        t.byKind[got]++;
        const right = got === c.expect;
        if (right) t.right++;
        // A false alarm: a flag (misquote/misattributed) where the draft is right.
        if (variant === 'verbatim' && (got === 'misquote' || got === 'misattributed')) t.falseAlarm++;
        if (c.mutation) {
          byMutation[c.mutation].total++;
          if (right) byMutation[c.mutation].right++;
        }
        if (!right && verbose) {
          misses.push(`${variant}${c.mutation ? '/' + c.mutation : ''} expected ${c.expect}, got ${got}: ${path.basename(c.article.path)} “${draft.slice(c.start, c.end).slice(0, 140)}”` +
            (f ? ` [speaker ${f.speaker} / attributed ${f.attributedTo}${f.expected ? ` / expected “${f.expected.slice(0, 100)}”` : ''}]` : '') + ` (source speaker ${c.quote.speaker})`);
        }
      }
    }
  }
  const v = tallies.verbatim;
  const m = tallies.mutated;
  const s = tallies.swapped;
  console.log('');
  console.log(`verified-correct (verbatim, right speaker):  ${pct(v.right, v.total)}`);
  console.log(`false alarms on verbatim quotes:             ${pct(v.falseAlarm, v.total)}  [misquote ${v.byKind.misquote}, misattributed ${v.byKind.misattributed}, unsourced ${v.byKind.unsourced}, not found ${v.byKind.missing}]`);
  console.log(`misquote recall (>= ${MIN_MUTATION_WORDS} words, one edit):       ${pct(m.right, m.total)}  [change ${pct(byMutation.change.right, byMutation.change.total)}, drop ${pct(byMutation.drop.right, byMutation.drop.total)}, negate ${pct(byMutation.negate.right, byMutation.negate.total)}; judged verified ${m.byKind.verified}, misattributed ${m.byKind.misattributed}, unsourced ${m.byKind.unsourced}]`);
  console.log(`misattribution recall (speaker swapped):     ${pct(s.right, s.total)}  [judged verified ${s.byKind.verified}, misquote ${s.byKind.misquote}, unsourced ${s.byKind.unsourced}]`);
  const sh = tallies.short;
  console.log(`(info) 2-3 word quotes with one edit:        ${pct(sh.right, sh.total)} flagged as misquotes  [judged unsourced ${sh.byKind.unsourced}, verified ${sh.byKind.verified}, misattributed ${sh.byKind.misattributed}]`);
  const swappedFalse = s.byKind.misquote;
  const mutatedFalse = m.byKind.misattributed;
  console.log(`wrong kind of flag (mutated→misattributed, swapped→misquote): ${mutatedFalse + swappedFalse}`);
  console.log(`verify time per article draft: median ${median(times).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms (${times.length} drafts)`);
  if (verbose) for (const line of misses) console.log('  miss: ' + line);

  const trainFolder = path.resolve(folder, '..', '..', 'train', 'text');
  if (fs.existsSync(trainFolder) && path.resolve(folder) !== trainFolder) probeUnrelated(loadSources([trainFolder]).articles, source, verbose);

  if (scale > 0) {
    // More distinct articles make the scale test less repetitive: add the
    // train split when it sits beside the dev split.
    const train = path.resolve(folder, '..', '..', 'train', 'text');
    const extra = fs.existsSync(train) && path.resolve(folder) !== train ? loadSources([train]).articles : [];
    scaleBench(articles, extra, scale);
  }
}

/**
 * Quotes of other articles (the train split) checked against these sources:
 * they should be unsourced; a misquote or misattribution here is a false
 * alarm unless the same words really are in a source (the verbose listing
 * shows them for inspection).
 */
function probeUnrelated(others: Article[], source: QuoteSource, verbose: boolean): void {
  let total = 0;
  const kinds: Record<string, number> = {};
  const flagged: string[] = [];
  for (const article of others) {
    let draft = '';
    const spans: number[] = [];
    for (const quote of article.quotes) {
      const text = cleanQuoteText(quote.text);
      if (wordSpans(text).length < MIN_MUTATION_WORDS) continue;
      const { before, quote: shown, after } = apForm(text, quote.speaker);
      draft += before;
      spans.push(draft.length);
      draft += shown + after + '\n\n';
    }
    if (!spans.length) continue;
    const byStart = new Map(verifyDraft(draft, source).map((f) => [f.start, f]));
    for (const start of spans) {
      const f = byStart.get(start);
      total++;
      const kind = f ? f.kind : 'missing';
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      if (f && (f.kind === 'misquote' || f.kind === 'misattributed')) {
        flagged.push(`${f.kind}: “${f.text.slice(0, 100)}” vs “${(f.expected ?? '').slice(0, 100)}” (${f.speaker} / ${f.attributedTo}) ${f.source ? path.basename(f.source.path) : ''}`);
      }
    }
  }
  const alarms = (kinds.misquote ?? 0) + (kinds.misattributed ?? 0);
  console.log(`unrelated quotes (train split, >= ${MIN_MUTATION_WORDS} words) flagged: ${pct(alarms, total)}  ${JSON.stringify(kinds)}`);
  if (verbose) for (const line of flagged) console.log('  flagged: ' + line);
}

/** A 2,000-word draft with 20 quotes against `target` articles (dev + train, cloned up to the target). */
function scaleBench(articles: Article[], extra: Article[], target: number): void {
  const pool = [...articles, ...extra];
  const clones: Article[] = [];
  for (let i = 0; clones.length < target; i++) {
    const a = pool[i % pool.length];
    clones.push(i < pool.length ? a : { ...a, path: `${a.path}#${Math.floor(i / pool.length)}` });
  }
  const source = articleSource(clones);
  let t0 = performance.now();
  const b0 = process.cpuUsage();
  verifyDraft('“warm-up”', source);
  const buildMs = performance.now() - t0;
  const buildCpu = process.cpuUsage(b0);
  // Twenty quotes of different articles, three mutated, with narrative filler to 2,000 words.
  const quotes = articles.flatMap((a) => a.quotes.filter((q) => q.speaker && wordSpans(q.text).length >= 6).slice(0, 1).map((q) => ({ a, q }))).slice(0, 20);
  const filler = articles.flatMap((a) => sentenceList(a).slice(0, 3).map((s) => a.text.slice(s.start, s.end).replace(/[“”"]/g, '')));
  let draft = '';
  let fi = 0;
  quotes.forEach(({ a, q }, i) => {
    let text = cleanQuoteText(q.text);
    if (i % 7 === 3) text = mutate(text, 'change', i, articleVocabulary(a)) ?? text;
    draft += `“${text.replace(/\.$/, ',')}” ${q.speaker} said. `;
    while (wordSpans(draft).length < ((i + 1) * 2000) / quotes.length) draft += filler[fi++ % filler.length] + ' ';
    draft += '\n\n';
  });
  const runs: number[] = [];
  const cpu: number[] = [];
  let findings: Finding[] = [];
  for (let r = 0; r < 9; r++) {
    t0 = performance.now();
    const c0 = process.cpuUsage();
    findings = verifyDraft(draft, source);
    const c = process.cpuUsage(c0);
    runs.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  const kinds = findings.reduce<Record<string, number>>((acc, f) => ((acc[f.kind] = (acc[f.kind] ?? 0) + 1), acc), {});
  console.log('');
  console.log(`scale: ${clones.length} articles (${pool.length} distinct, cloned), index build ${buildMs.toFixed(0)} ms wall (${((buildCpu.user + buildCpu.system) / 1000).toFixed(0)} ms CPU), heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`);
  console.log(`scale: ${wordSpans(draft).length}-word draft, ${findings.length} quotes found (${JSON.stringify(kinds)}): verify median ${median(runs).toFixed(1)} ms wall (${median(cpu).toFixed(1)} ms CPU), max ${Math.max(...runs).toFixed(1)} ms over ${runs.length} runs; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`);
}

main();
