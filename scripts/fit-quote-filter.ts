// Fits the quote filter (src/core/quoteFilter.ts) on PolNeAR's train split.
//
//   node out/scripts/fit-quote-filter.js [CORPUS] [--split train] [--folds 5] [--l2 1] [--speaker-weight 1] [--threshold 0] [--dump FILE] [--no-fit]
//
// Every quote-mark span the reader finds is a sample; it is positive when it is a gold quote
// (the scorer's matching: equal spans after trimming). The model is a logistic regression fitted
// by Newton's method with an L2 penalty. The script prints cross-validated figures (folds by
// article) for the current weights, for the old hand rule and for a fresh fit, then the fitted
// weights as TypeScript to paste into quoteFilter.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSource } from '../src/core/decode';
import { readQuoteCandidates } from '../src/core/article';
import { FEATURES, THRESHOLD, isMarkupDebris, notReported, quoteFeatures, quoteScore, type QuoteFilterInput } from '../src/core/quoteFilter';
import { norm, overlaps, readAnn } from './score-polnear';

interface Sample {
  /** null: plain speech, kept without the model. */
  x: number[] | null;
  /** Is a gold quote. */
  y: number;
  key: string;
  hasSpeaker: boolean;
  speakerRight: boolean;
  /** The old hand rule's decision. */
  oldKeep: boolean;
  /** Markup debris or plainly not reported (notReported), always dropped: left out of the fit. */
  debris: boolean;
}
interface Doc {
  file: string;
  samples: Sample[];
  gold: { key: string; hasSource: boolean }[];
}


function oldLooksLikeTitle(quote: string): boolean {
  const words = quote.replace(/[.,!?]+$/, '').split(/\s+/);
  if (words.length > 6) return false;
  const long = words.filter((w) => /^\p{L}{4,}/u.test(w));
  return long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w));
}

/** The reader's steps up to the keep filter: parseArticle's own (readQuoteCandidates). */
function readerInput(file: string, text: string): QuoteFilterInput {
  const { reading, raw, attributions, sentences, paragraphs, peopleResult } = readQuoteCandidates(file, text);
  return { text: reading, raw, attributions, sentences, paragraphs, mentions: peopleResult.mentions };
}

function load(corpus: string, split: string): Doc[] {
  const textDir = path.join(corpus, split, 'text');
  const annDir = path.join(corpus, split, 'attributions');
  const annFiles = fs.readdirSync(annDir).sort();
  const docs: Doc[] = [];
  for (const file of fs.readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
    const base = file.replace(/\.txt$/, '');
    const ann = annFiles.find((a) => a.startsWith(base + '_'));
    if (!ann) continue;
    const decoded = decodeSource(fs.readFileSync(path.join(textDir, file)));
    if ('error' in decoded) continue;
    const text = decoded.text;
    const gold = readAnn(fs.readFileSync(path.join(annDir, ann), 'utf8'), text).quotes;
    const goldByKey = new Map(gold.map((g) => [norm(text, g), g]));
    const input = readerInput(file, text);
    const features = quoteFeatures(input);
    const samples = input.raw.map((q, i): Sample => {
      const body = text.slice(q.start, q.end);
      const a = input.attributions[i];
      const key = norm(text, q);
      const g = goldByKey.get(key);
      const before = text.slice(Math.max(0, q.open - 24), q.open);
      const oldKeep = !oldLooksLikeTitle(body) || (a.speakerMention !== null && !/(?:['’]s|\b(?:on|in|to|told|of|from|at|book|show|program|titled|called|film|movie|song|album)\b)\s*$/i.test(before));
      return {
        x: features[i],
        y: g ? 1 : 0,
        key,
        hasSpeaker: a.speakerMention !== null,
        speakerRight: !!(g && g.source && a.speakerMention && g.source.some((s) => overlaps(s, a.speakerMention!))),
        oldKeep,
        debris: isMarkupDebris(input.text, q) || notReported(input.text, q, input.paragraphs[q.paragraph]),
      };
    });
    docs.push({ file, samples, gold: gold.map((g) => ({ key: norm(text, g), hasSource: !!g.source })) });
  }
  return docs;
}

/** Quote and speaker figures as score-polnear computes them, for a keep decision per sample. */
function score(docs: Doc[], keep: (s: Sample, d: number, i: number) => boolean) {
  let tp = 0,
    fp = 0,
    fn = 0,
    spPred = 0,
    spRight = 0,
    spGold = 0,
    spFound = 0;
  docs.forEach((doc, d) => {
    const kept = doc.samples.filter((s, i) => !s.debris && keep(s, d, i));
    const goldKeys = new Set(doc.gold.map((g) => g.key));
    const predKeys = new Set<string>();
    for (const s of kept) {
      predKeys.add(s.key);
      if (!goldKeys.has(s.key)) {
        fp++;
        continue;
      }
      tp++;
      if (s.hasSpeaker) {
        spPred++;
        if (s.speakerRight) spRight++;
      }
    }
    for (const g of doc.gold) {
      if (!predKeys.has(g.key)) fn++;
      if (g.hasSource) {
        spGold++;
        const s = kept.find((k) => k.key === g.key);
        if (s?.speakerRight) spFound++;
      }
    }
  });
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  return { tp, fp, fn, p, r, f1: (2 * p * r) / (p + r), spP: spRight / spPred, spR: spFound / spGold };
}

const fmt = (m: ReturnType<typeof score>): string =>
  `quotes P ${m.p.toFixed(4)} R ${m.r.toFixed(4)} F1 ${m.f1.toFixed(4)} (fp ${m.fp}, fn ${m.fn})  speakers P ${m.spP.toFixed(4)} R ${m.spR.toFixed(4)}`;

/** L2-penalised logistic regression by Newton's method (the bias is not penalised). */
export function fitLogistic(xs: number[][], ys: number[], ws: number[], l2: number, iterations = 30): number[] {
  const k = xs[0].length;
  let w = new Array<number>(k).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(k).fill(0);
    const hess = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let n = 0; n < xs.length; n++) {
      const x = xs[n];
      let z = 0;
      for (let j = 0; j < k; j++) z += w[j] * x[j];
      const p = 1 / (1 + Math.exp(-z));
      const g = ws[n] * (p - ys[n]);
      const h = ws[n] * p * (1 - p);
      for (let j = 0; j < k; j++) {
        if (x[j] === 0) continue;
        grad[j] += g * x[j];
        for (let m = 0; m < k; m++) hess[j][m] += h * x[j] * x[m];
      }
    }
    for (let j = 1; j < k; j++) {
      grad[j] += l2 * w[j];
      hess[j][j] += l2;
    }
    hess[0][0] += 1e-6;
    const step = solve(hess, grad);
    w = w.map((v, j) => v - step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    [m[c], m[piv]] = [m[piv], m[c]];
    if (Math.abs(m[c][c]) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      if (f !== 0) for (let j = c; j <= n; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row, i) => (Math.abs(row[i]) < 1e-12 ? 0 : row[n] / row[i]));
}

const dot = (w: number[], x: number[]): number => w.reduce((s, v, j) => s + v * x[j], 0);

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  const corpus = positional[0] ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'polnear');
  const split = flag('--split') ?? 'train';
  const folds = Number(flag('--folds') ?? 5);
  const l2 = Number(flag('--l2') ?? 1);
  // Extra weight on gold quotes whose speaker the reader finds: dropping one costs speaker recall too.
  const speakerWeight = Number(flag('--speaker-weight') ?? 1);
  const threshold = Number(flag('--threshold') ?? 0);
  const docs = load(corpus, split);
  const dump = flag('--dump');
  if (dump) fs.writeFileSync(dump, JSON.stringify({ features: FEATURES, docs }));

  process.stdout.write(`${split}: ${docs.length} articles, ${docs.reduce((s, d) => s + d.samples.length, 0)} quote-mark spans\n`);
  process.stdout.write(`old rule:        ${fmt(score(docs, (s) => s.oldKeep))}\n`);
  process.stdout.write(`shipped weights: ${fmt(score(docs, (s) => (s.x === null || quoteScore(s.x) > THRESHOLD)))}\n`);
  // --no-fit: only compare the hand rule and the shipped weights (for the dev split: never fit on it).
  if (args.includes('--no-fit')) return;

  // Cross-validation, folds by article.
  const foldOf = (d: number): number => d % folds;
  const scores: number[][] = docs.map((doc) => doc.samples.map(() => 0));
  for (let f = 0; f < folds; f++) {
    const train = docs.flatMap((doc, d) => (foldOf(d) === f ? [] : doc.samples.filter((s) => !s.debris && s.x !== null)));
    const w = fitLogistic(
      train.map((s) => s.x!),
      train.map((s) => s.y),
      train.map((s) => (s.y && s.speakerRight ? speakerWeight : 1)),
      l2,
    );
    docs.forEach((doc, d) => {
      if (foldOf(d) === f) doc.samples.forEach((s, i) => (scores[d][i] = s.x === null ? Infinity : dot(w, s.x)));
    });
  }
  for (const t of [-1, -0.5, -0.25, -0.1, 0, 0.1, 0.25, 0.5]) process.stdout.write(`cv t=${t.toFixed(2)}:       ${fmt(score(docs, (_s, d, i) => scores[d][i] > t))}\n`);

  const all = docs.flatMap((doc) => doc.samples.filter((s) => !s.debris && s.x !== null));
  const w = fitLogistic(
    all.map((s) => s.x!),
    all.map((s) => s.y),
    all.map((s) => (s.y && s.speakerRight ? speakerWeight : 1)),
    l2,
  );
  process.stdout.write(`fit on all (resubstitution, t=${threshold}): ${fmt(score(docs, (s) => s.x === null || dot(w, s.x) > threshold))}\n`);
  process.stdout.write('const WEIGHTS: Record<(typeof FEATURES)[number], number> = {\n');
  FEATURES.forEach((name, j) => process.stdout.write(`  ${name}: ${w[j].toFixed(3)},\n`));
  process.stdout.write('};\n');
}

if (require.main === module) main();
