// Which quote-mark spans are quotes. Marks also set off scare quotes (their “reforms”),
// titles of shows and books, nicknames and slogans, which nobody is quoted as saying; PolNeAR's
// annotators count them as quotes only when they sit inside someone's reported words. A closed
// quote of 8 words or more with a speaker is kept as it is; the rest are weighed by a small
// logistic model. What counts for a quote: a clause (verbs, "I", "we"), its own end punctuation,
// a speaker and a verb of saying or thinking before it, the clause that verb opens (said that
// he …), an attribution closing the sentence (…, Smith said.), a noun of saying before it (chants
// of “…”); against: title case after a possessive or a preposition (on NBC’s “…”), a phrase
// hanging on the verb rather than its clause (said on …, told “…”), words of shows and films
// around it, the writer's own "I", a lower-case word or two with no one said to have said them, a
// span left open or holding other marks. Weights and how they were fitted: WEIGHTS. Before the
// model, plain rules drop marks that set off no one's reported words (notReported): a show named as
// where someone spoke, a song named as what was performed, a term after so-called, a work named by
// its author or as a source, a title that is the subject of its sentence, a gloss of foreign
// words, a lone letter, a linked page's excerpt, a dated poster, a button's label, an embedded
// post; and (keepQuotes) a list of names. A title after titled or entitled is kept whatever the
// model says (TITLED_BEFORE).
import type { Sentence, Span } from './types';
import type { RawQuote } from './quoteMarks';
import type { Attribution } from './attribution';
import { CUE_VERBS } from './lexicon';
import { firstStartingAt } from './spans';
import { isLetterAt } from './text';

export interface QuoteFilterInput {
  text: string;
  raw: RawQuote[];
  attributions: Attribution[];
  sentences: Sentence[];
  paragraphs: Span[];
  /** Where people are mentioned (readPeople's mentions), in text order. */
  mentions: Span[];
}

const FIRST_PERSON = new Set(`i i'm i've i'd i'll me my mine myself we we're we've we'd we'll us our ours ourselves`.split(/\s+/));
const SECOND_PERSON = new Set(`you you're you've you'd you'll your yours yourself yourselves`.split(/\s+/));
/** Common verbs and auxiliaries: quoted speech is made of clauses, scare quotes and titles mostly of noun phrases. */
const VERBS = new Set(
  `is are was were be been being am isn't aren't wasn't weren't 's 're 've 'd 'll have has had having haven't hasn't
   do does did don't doesn't didn't will would can could should may might must won't wouldn't can't couldn't shouldn't
   going get got think know want need make made take see say said go went come look believe feel mean let`.split(/\s+/),
);
const FUNCTION_WORDS = new Set(
  `the a an and or but of to in on at for with by from that this these those it its it's he she they them his her
   their there here what which who not no so if as just very all about than then when because`.split(/\s+/),
);
/** Words before a quote that name it: a so-called “…”, called it “…”, the word “…”. */
const NAMING_BEFORE = /\b(?:so-called|called|dubbed|termed|labeled|labelled|named|nicknamed|titled|entitled|billed as|known as|read|reads|reading|word|words|term|phrase|slogan|hashtag|label|nickname|tagline|motto|headline)\s*[,:]?\s*$/i;
const PREPOSITION_BEFORE = /\b(?:of|on|in|to|for|as|about|with|from|at|by|into|than|like|over)\s*$/i;
const POSSESSIVE_BEFORE = /\p{L}['’]s?\s*$/u;
const TITLE_PLACE_BEFORE = /(?:['’]s|\b(?:on|in|to|told|of|from|at|with|book|show|program|podcast|titled|called|film|movie|song|album))\s*$/i;
const TITLE_BEFORE = /\b(?:book|show|program|programme|film|movie|song|album|series|column|op-ed|article|documentary|novel|episode|segment)\s*[,:]?\s*$/i;

/** Verbs of thought and stance: PolNeAR counts beliefs and attitudes (enjoys “…”, heralded it as “…”) as attributions too. */
const ATTITUDE = new Set(
  `think thinks thought believe believes believed want wants wanted hope hopes hoped fear fears feared like likes liked
   love loves loved hate hates hated consider considers considered view views viewed regard regards regarded know knows
   knew feel feels felt worry worries worried expect expects expected see sees saw deem deems deemed find finds found
   according accuse accused accuses refer refers referred insist insisted enjoy enjoys enjoyed prefer prefers preferred
   herald heralds heralded deride derides derided insult insults insulted frame frames framed framing intimate
   intimates intimated embrace embraces embraced reject rejects rejected oppose opposes opposed denounce denounces
   denounced`.split(/\s+/),
);
const SUBJECT_PRONOUNS = new Set(`he she they i we`.split(/\s+/));
/** Words that open a clause after a verb of saying: what follows is what was said (said that …, asked whether …, said he …). */
const CLAUSE_OPENERS = new Set(`that whether if how why what he she they i we it you there this these`.split(/\s+/));
/** Words that open a phrase hanging on a verb of saying, not what was said: said on …, said Tuesday in …, told … */
const PHRASE_OPENERS = new Set(
  `on in at during with to from for before after while via last this earlier later yesterday today tonight
   monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night recently repeatedly
   publicly privately also again once`.split(/\s+/),
);
/** Nouns of something said, right before the marks: chants of “…”, his call for “…”, her promise to be “…”. */
const SPEECH_NOUN_BEFORE = /\b(?:chants?|cries|cry|calls?|shouts?|chorus|cheers|refrain|mantra|catchphrase|promises?|pledges?|vows?|claims?|accusations?|charges?|criticism|warnings?|remarks?|comments?|dictum|pronouncements?|assertions?|insistence|arguments?|demands?|pleas?|appeals?|descriptions?|characterizations?|rhetoric|language|message|messages|proposal|proposals|plans?|pitch)\s+(?:(?:of|for|to|that|about|was|is|were|are|be)\s+){0,2}(?:(?:a|an|the|his|her|their|its|our)\s+)?$/i;
/** Nouns naming what someone said or holds, anywhere before the marks in the sentence: his claim is that … “…”. */
const STANCE_NOUNS = new Set(
  `claim claims statement statements comment comments remark remarks argument arguments view views belief beliefs
   position accusation accusations allegation allegations charge assertion promise promises pledge vow warning
   warnings message tweet tweets letter memo proposal plan complaint criticism suggestion insistence demand
   demands call calls slogan chants chant cries pronouncements rhetoric testimony verdict assessment`.split(/\s+/),
);
/** Words of television, film and print around a title: a show’s “…”, its star, a host on the network. */
const MEDIA_WORDS = new Set(
  `show shows series episode episodes program programs programme tv television broadcast broadcasts network channel
   channel's network's star stars starred starring host hosts hosted actor actress actors role roles film films movie
   movies album song songs book books novel podcast radio sitcom drama comedy documentary broadway theater theatre
   magazine column newspaper interview appearance appeared appearing premiere season`.split(/\s+/),
);
/** Verbs whose object is the one spoken to, not what was said: told NBC’s “…”. */
const ADDRESSEE_VERBS = new Set(`told tell tells telling`.split(/\s+/));
/** Prepositions and conjunctions that FUNCTION_WORDS leaves out: no noun follows the span. */
const NOT_NOUNS_AFTER = new Set(`to into over after before while since until during among`.split(/\s+/));
/**
 * Each word's lists, as bits: one Map lookup a word tells every list it is in (a Set lookup
 * a list was most of the time spent reading the words around a quote).
 */
const W_CUE = 1;
const W_ATTITUDE = 2;
const W_FIRST = 4;
const W_SECOND = 8;
const W_VERB = 16;
const W_FUNCTION = 32;
const W_MEDIA = 64;
const W_SUBJECT = 128;
const W_STANCE = 256;
const W_CLAUSE = 512;
const W_PHRASE = 1024;
const W_ADDRESSEE = 2048;
const W_NOT_NOUN = 4096;
const W_AS = 8192;
const W_CUE_OR_ATTITUDE = W_CUE | W_ATTITUDE;
const WORD_CLASS = new Map<string, number>();
for (const [list, bit] of [
  [CUE_VERBS, W_CUE],
  [ATTITUDE, W_ATTITUDE],
  [FIRST_PERSON, W_FIRST],
  [SECOND_PERSON, W_SECOND],
  [VERBS, W_VERB],
  [FUNCTION_WORDS, W_FUNCTION],
  [MEDIA_WORDS, W_MEDIA],
  [SUBJECT_PRONOUNS, W_SUBJECT],
  [STANCE_NOUNS, W_STANCE],
  [CLAUSE_OPENERS, W_CLAUSE],
  [PHRASE_OPENERS, W_PHRASE],
  [ADDRESSEE_VERBS, W_ADDRESSEE],
  [NOT_NOUNS_AFTER, W_NOT_NOUN],
  [new Set(['as']), W_AS],
] as const) {
  for (const w of list) WORD_CLASS.set(w, (WORD_CLASS.get(w) ?? 0) | bit);
}
function wordClass(w: string): number {
  const c = WORD_CLASS.get(w);
  return c === undefined ? 0 : c;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
function isWordChar(c: number, s: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(s[i]);
}
/** ASCII code units by kind, for the loops that read words: a letter or digit (K_WORD), part of a word (K_IN_WORD: those and ' -), a capital, a digit. */
const K_WORD = 1;
const K_IN_WORD = 2;
const K_UPPER = 4;
const K_DIGIT = 8;
const ASCII_KIND = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const lower = c >= 97 && c <= 122;
  const upper = c >= 65 && c <= 90;
  const digit = c >= 48 && c <= 57;
  ASCII_KIND[c] = (lower || upper || digit ? K_WORD | K_IN_WORD : c === 39 || c === 45 ? K_IN_WORD : 0) | (upper ? K_UPPER : 0) | (digit ? K_DIGIT : 0);
}
/** What \s matches (white space and line terminators), by code unit. */
function isSpaceUnit(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The words of `s` as written (a letter or digit, then letters, digits, apostrophes and hyphens;
 * ’ read as '). A plain loop: this runs on every quote and its sentence.
 */
function rawWords(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (!isWordChar(s.charCodeAt(i), s, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (!(c === 39 || c === 45 || c === 0x2019 || isWordChar(c, s, j))) break;
    }
    const w = s.slice(i, j);
    out.push(w.includes('’') ? w.replace(/’/g, "'") : w);
    i = j;
  }
  return out;
}
const words = (s: string): string[] => rawWords(s.toLowerCase());

/**
 * The word lists' words written in ASCII, in a table of their own: a word of the text written in
 * ASCII is hashed as it is read and compared with the table's in place, lower-cased character by
 * character (which is what lower-casing does to ASCII), with no string cut out for it. Only words
 * with other characters are cut, lower-cased and looked up in WORD_CLASS.
 */
// Open addressing, at most a quarter full (988 words in 4,096 slots today): a miss, most words
// of a text, ends at an empty slot within a probe or two.
let TABLE_SIZE = 1024;
while (TABLE_SIZE < 4 * WORD_CLASS.size) TABLE_SIZE *= 2;
const TABLE_MASK = TABLE_SIZE - 1;
const TABLE_WORD: string[] = [];
const TABLE_HASH = new Int32Array(TABLE_SIZE);
const TABLE_CLASS = new Int32Array(TABLE_SIZE);
for (let s = 0; s < TABLE_SIZE; s++) TABLE_WORD.push('');
/** ASCII code units lower-cased. */
const ASCII_LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;
function isLowerAscii(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c >= 128 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}
const hashStep = (h: number, c: number): number => (Math.imul(h, 31) + c) | 0;
const slotOf = (h: number): number => (h ^ (h >>> 13)) & TABLE_MASK;
for (const [w, cls] of WORD_CLASS) {
  // A word with a capital or outside ASCII: no lower-cased ASCII word can be it.
  if (w === '' || !isLowerAscii(w)) continue;
  let h = 0;
  for (let k = 0; k < w.length; k++) h = hashStep(h, w.charCodeAt(k));
  let s = slotOf(h);
  while (TABLE_WORD[s] !== '') s = (s + 1) & TABLE_MASK;
  TABLE_WORD[s] = w;
  TABLE_HASH[s] = h;
  TABLE_CLASS[s] = cls;
}

/** wordClass of text[i, j) lower-cased, a word written in ASCII whose lower-cased units hash to `h`. */
function asciiWordClass(text: string, i: number, j: number, h: number): number {
  const length = j - i;
  for (let s = slotOf(h); ; s = (s + 1) & TABLE_MASK) {
    const w = TABLE_WORD[s];
    if (w === '') return 0;
    if (TABLE_HASH[s] !== h || w.length !== length) continue;
    let k = 0;
    while (k < length && ASCII_LOWER[text.charCodeAt(i + k)] === w.charCodeAt(k)) k++;
    if (k === length) return TABLE_CLASS[s];
  }
}

/**
 * readWords' words: the lists of each of the first readWords(…), the words themselves not kept
 * (nothing asks for more than the lists a word is in).
 */
let wordCapacity = 256;
let WORD_CLASSES = new Int32Array(wordCapacity);

function growWords(): void {
  wordCapacity *= 2;
  const classes = new Int32Array(wordCapacity);
  classes.set(WORD_CLASSES);
  WORD_CLASSES = classes;
}

function copyWords(list: string[]): number {
  while (list.length > wordCapacity) growWords();
  for (let k = 0; k < list.length; k++) WORD_CLASSES[k] = wordClass(list[k]);
  return list.length;
}

/** What scanWord read of its word (one object for all words: nothing is made per word). */
const scanned = { ascii: false, plain: false, curly: false, special: false, digit: false, hash: 0, last3: 0 };

/**
 * Where the word that starts at text[i] (a letter or digit) ends, at most at `end`, and in
 * `scanned` what readWords and readHead need of it: whether it is all ASCII (then `hash` is its
 * lower-cased hash and `last3` its last three units lower-cased, a byte each), already lower case
 * (`plain`), holds a curly apostrophe, an ASCII digit, or a unit lower-casing does not map to one
 * of the same kind (`special`: İ, Σ, a surrogate; the scan goes on past İ and Σ and stops at a
 * surrogate, as a letter test does).
 */
function scanWord(text: string, i: number, end: number): number {
  const code = text.charCodeAt(i);
  let plain = code < 128 && (ASCII_KIND[code] & K_UPPER) === 0;
  let ascii = code < 128;
  let curly = false;
  let special = false;
  let digit = code >= 48 && code <= 57;
  let h = ascii ? ASCII_LOWER[code] : 0;
  let last3 = h;
  let j = i + 1;
  for (; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c < 128) {
      const kind = ASCII_KIND[c];
      if ((kind & K_IN_WORD) === 0) break;
      if ((kind & K_UPPER) !== 0) plain = false;
      else if ((kind & K_DIGIT) !== 0) digit = true;
      const lower = ASCII_LOWER[c];
      h = hashStep(h, lower);
      last3 = ((last3 << 8) | lower) & 0xffffff;
      continue;
    }
    if (c === 0x130 || c === 0x3a3 || (c >= 0xd800 && c <= 0xdfff)) special = true;
    if (c === 0x2019) curly = true;
    else if (LETTER_OR_DIGIT.test(text[j])) plain = false;
    else break;
    ascii = false;
  }
  scanned.ascii = ascii;
  scanned.plain = plain;
  scanned.curly = curly;
  scanned.special = special;
  scanned.digit = digit;
  scanned.hash = h;
  scanned.last3 = last3;
  return j;
}

/**
 * words(text.slice(start, end)) into the lists above, returning how many, without copying the
 * stretch and lower-casing the copy: each word is read from the text and lower-cased alone. That
 * reads the same wherever lower-casing maps each code unit to one of the same kind (letter or
 * digit, apostrophe or hyphen, other), whatever surrounds it: every code unit but the surrogates,
 * İ (lower-cased to two units) and Σ (ς or σ by what follows it), for which the stretch is read
 * as before.
 */
function readWords(text: string, start: number, end: number): number {
  if (start < 0 || end > text.length) return copyWords(words(text.slice(start, end)));
  let n = 0;
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if ((ASCII_KIND[code] & K_WORD) === 0) {
        i++;
        continue;
      }
    } else {
      if (code === 0x130 || code === 0x3a3 || (code >= 0xd800 && code <= 0xdfff)) return copyWords(words(text.slice(start, end)));
      if (!LETTER_OR_DIGIT.test(text[i])) {
        i++;
        continue;
      }
    }
    const j = scanWord(text, i, end);
    if (scanned.special) return copyWords(words(text.slice(start, end)));
    if (n === wordCapacity) growWords();
    if (scanned.ascii) WORD_CLASSES[n] = asciiWordClass(text, i, j, scanned.hash);
    else {
      const w = scanned.plain ? text.slice(i, j) : text.slice(i, j).toLowerCase();
      WORD_CLASSES[n] = wordClass(scanned.curly ? w.replace(/’/g, "'") : w);
    }
    n++;
    i = j;
  }
  return n;
}

/** What the model looks at, in the order of quoteFeatures' values. */
export const FEATURES = [
  'bias',
  'logWords', // log of the number of words
  'titleShare', // share of the words of 4+ letters that are capitalised
  'firstPerson', // I, me, my, we, us, our …
  'secondPerson', // you, your …
  'verbs', // a common verb or auxiliary (is, was, have, will, don't, think …)
  'functionShare', // share of function words (the, of, and …)
  'endsPunct', // ends with . ! ? inside the marks
  'startsUpper',
  'startsSentence', // the marks open the sentence or paragraph, or follow a colon
  'wholeParagraph', // the quote is the whole paragraph
  'speaker', // attribution found a speaker
  'ruleAfter', // … by the cue after the quote ("…,” she said)
  'ruleBefore', // … by the cue before it (she said: “…”)
  'cueRightBefore', // a verb of saying is the last word before the marks
  'cueRightAfter', // a verb of saying is one of the two words after them
  'namingBefore', // so-called, dubbed, the word, the slogan …
  'prepositionBefore',
  'possessiveBefore', // NBC’s “…”
  'titleBefore', // the book, the show …
  'repeated', // the same words are quoted elsewhere in the article
  'unclosed', // no closing mark in the paragraph
  'continued', // re-opens a quote left open in the previous paragraph
  'innerMarks', // other double marks inside: a mis-paired span
  'digits',
  'cueBefore', // a verb of saying or thinking in the sentence before the marks
  'attitudeInSentence', // a verb of thinking or feeling in the sentence
  'shortNoSpeaker', // 3 words or fewer and no speaker
  'shortNoCue', // 3 words or fewer and no verb of saying or thinking in the sentence
  'shortLower', // 3 words or fewer, lower-case
  'neighbourSpeaker', // the previous or next quote of the paragraph has a speaker
  'longSpan', // over 400 characters
  'subjectPronoun', // he, she, they, I, we before the marks in the sentence
  'personBefore', // a person is named before the marks in the sentence
  'personInSentence', // a person is named in the sentence outside the marks
  'asBefore', // "… as “…”"
  'parenBefore', // an opening parenthesis before the marks
  'outsideWords', // log of 1 + the sentence's words outside the marks
  'capsBefore', // two words in capitals earlier in the paragraph (a digest's rubric)
  'titleCase', // up to 6 words, every word of 4+ letters capitalised
  'titleAfterName', // … right after a possessive or a preposition (on NBC’s “…”, in “…”)
  'cueThenClause', // after the last verb of saying before the marks, a clause opens (said that …, said he …): inside what was said
  'cueThenPhrase', // … only a phrase hanging on the verb (said on NBC’s “…”, told “…”): beside what was said
  'tailCue', // the sentence ends in an attribution after the marks (…, Smith said.): what comes before it was said
  'accordingTo', // "according to" in the sentence
  'speechNounBefore', // chants of “…”, his call for “…”
  'authorVoice', // I, we, my … outside the marks in the sentence: the writer speaking
  'personPossessive', // a person’s “…” (Trump’s “…”): his words or his label
  'stanceNounBefore', // a noun of saying or holding before the marks in the sentence (his claim that …)
  'mediaContext', // words of shows, films and books in the sentence outside the marks (star, host, episode …)
  'prevSentenceCue', // the previous sentence of the paragraph has a verb of saying or thinking
  'modifierUse', // a lower-case noun-like word right after the marks (a “…” plan): the span names or qualifies
] as const;

type Feature = (typeof FEATURES)[number];

/**
 * Logistic-regression weights (log-odds) fitted by scripts/fit-quote-filter.ts on PolNeAR's train
 * split only: 840 articles, the 3,203 quote-mark spans that are neither plain speech nor markup
 * debris; a span is positive when it is a gold quote; Newton's method, L2 penalty 1 on all
 * weights but the bias. Cross-validated over articles (5 folds), at THRESHOLD the train split's
 * quote F1 was 0.9747 (P 0.963, R 0.987; 0.9748 at threshold 0) against 0.9724 (P 0.959,
 * R 0.987) before the features that place a span inside or beside someone's reported words
 * (cueThenClause to modifierUse) and the wider lists of stance verbs (ATTITUDE) and naming words
 * (NAMING_BEFORE), and 0.9685 (P 0.956, R 0.981) for the hand rule before the model; speakers
 * P 0.956 R 0.859 throughout. Of the added features, mediaContext, speechNounBefore,
 * authorVoice and modifierUse carry most of the gain; the verb's clause against a phrase hanging
 * on it (cueThenClause, cueThenPhrase) little, as annotators differ on the same construction
 * (said on NBC’s “…”: about half such titles are gold). That, not the model, holds quote F1
 * near 0.975: pairwise interactions of the features and other L2 penalties gave nothing more.
 */
const WEIGHTS: Record<Feature, number> = {
  bias: 0.812,
  logWords: 0.272,
  titleShare: -0.697,
  firstPerson: 0.610,
  secondPerson: 0.347,
  verbs: 0.528,
  functionShare: -0.225,
  endsPunct: 0.424,
  startsUpper: -1.471,
  startsSentence: 1.385,
  wholeParagraph: -0.967,
  speaker: 0.748,
  ruleAfter: 1.677,
  ruleBefore: 1.030,
  cueRightBefore: 0.744,
  cueRightAfter: 0.196,
  namingBefore: 0.944,
  prepositionBefore: 0.133,
  possessiveBefore: -1.238,
  titleBefore: -0.332,
  repeated: -0.252,
  unclosed: -0.913,
  continued: 0.799,
  innerMarks: -0.519,
  digits: -0.446,
  cueBefore: 1.081,
  attitudeInSentence: -0.144,
  shortNoSpeaker: 0.519,
  shortNoCue: -0.387,
  shortLower: -0.779,
  neighbourSpeaker: 0.275,
  longSpan: -0.971,
  subjectPronoun: 0.326,
  personBefore: 0.418,
  personInSentence: 0.270,
  asBefore: 0.424,
  parenBefore: 0.955,
  outsideWords: -0.147,
  capsBefore: -1.058,
  titleCase: 0.407,
  titleAfterName: -1.320,
  cueThenClause: 0.425,
  cueThenPhrase: -0.518,
  tailCue: 0.533,
  accordingTo: 0.420,
  speechNounBefore: 1.641,
  authorVoice: -0.832,
  personPossessive: 0.916,
  stanceNounBefore: 0.282,
  mediaContext: -0.774,
  prevSentenceCue: 0.217,
  modifierUse: -0.515,
};

/**
 * A span whose log-odds are above this is kept. Cross-validated F1 was flat from -0.1 to 0.1
 * (0.9747 to 0.9749, within the folds' noise); slightly below 0 so that a short lower-case
 * quote in a sentence with no speaker, a borderline case, stays a quote as it did under the
 * hand rule (the attribution rules' tests rely on it).
 */
export const THRESHOLD = -0.1;


const CAPS_PAIR = /\b\p{Lu}{2,}\s+\p{Lu}{2,}/u;
/**
 * What CAPS_PAIR needs, by code unit: two units that may be capitals (every capital letter, a
 * surrogate pair's included, is in this class), white space, two more. Tried first: it fails
 * sooner on most stretches, which have no such pair, and where it fails CAPS_PAIR fails too.
 */
const CAPS_PAIR_UNITS = /[A-Z\u00c0-\u1fff\u2070-\uffff]{2}\s+[A-Z\u00c0-\u1fff\u2070-\uffff]{2}/;

const HEAD = 300;
const CONTEXT = 300;

const normalKey = (s: string): string => s.trim().toLowerCase().replace(/[.,!?;:]+$/, '');

/**
 * A closed quote of 8 words or more that attribution gave a speaker is speech: kept without
 * weighing it (on PolNeAR train 10 of 4,022 such spans were not gold quotes). The model weighs
 * the rest, which is where titles, nicknames and scare quotes are.
 */
export function plainlySpeech(text: string, q: RawQuote, a: Attribution): boolean {
  if (!q.closed || a.speakerMention === null || q.end - q.start > 400) return false;
  // Seven spaces, counted no further than the seventh.
  let spaces = 0;
  for (let k = q.start; k < q.end && spaces < 7; k++) if (text.charCodeAt(k) === 32) spaces++;
  // Other double marks inside: a span between two quotes, not one (the pattern's native scan
  // reads the span faster than a loop).
  return spaces >= 7 && !DOUBLE_MARK.test(text.slice(q.start, q.end));
}
const DOUBLE_MARK = /["“”]/;

/**
 * A copy of `list` built by push: one kind of array whatever built the list (map, push, a
 * literal), so that the code reading it is not thrown away and compiled again for another kind.
 */
function sameKind<T>(list: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i]);
  return out;
}

const b = (x: boolean): number => (x ? 1 : 0);
const bit = (classes: number, mask: number): number => ((classes & mask) !== 0 ? 1 : 0);

/** The last code unit of text[start, end) that \s does not match is `code`: /…\s*$/ for one character. */
function endsWithBeforeSpaces(text: string, start: number, end: number, code: number): boolean {
  let k = end - 1;
  while (k >= start && isSpaceUnit(text.charCodeAt(k))) k--;
  return k >= start && text.charCodeAt(k) === code;
}

/** /[.!?…]['’"”]*\s*$/ on text[start, end): ends with end punctuation, then closing marks and spaces. */
function endsWithPunct(text: string, start: number, end: number): boolean {
  let k = end - 1;
  while (k >= start && isSpaceUnit(text.charCodeAt(k))) k--;
  for (; k >= start; k--) {
    const c = text.charCodeAt(k);
    if (c !== 39 && c !== 0x2019 && c !== 34 && c !== 0x201d) break;
  }
  if (k < start) return false;
  const c = text.charCodeAt(k);
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** /[.,;:!?…]\s*$/ on text[start, end). */
function endsWithStop(text: string, start: number, end: number): boolean {
  let k = end - 1;
  while (k >= start && isSpaceUnit(text.charCodeAt(k))) k--;
  if (k < start) return false;
  const c = text.charCodeAt(k);
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 0x2026;
}

/** A quote's opening words (readHead): how many, the lists they are in, the capitalised ones. */
const headWords = { count: 0, classes: 0, functionWords: 0, long: 0, titled: 0, digit: false };

/** n't, a byte a unit. */
const N_T = (110 << 16) | (39 << 8) | 116;

/**
 * The words of text[start, end) as rawWords reads them, each lower-cased alone, counted and
 * looked up once (the head of a quote: its words, their lists, how many of 4+ letters and how
 * many of those capitalised, any digit). Nothing kept but the counts.
 */
function readHead(text: string, start: number, end: number): void {
  let count = 0;
  let classes = 0;
  let functionWords = 0;
  let long = 0;
  let titled = 0;
  let digit = false;
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code < 128 ? (ASCII_KIND[code] & K_WORD) === 0 : !LETTER_OR_DIGIT.test(text[i])) {
      i++;
      continue;
    }
    const j = scanWord(text, i, end);
    if (scanned.digit) digit = true;
    let cls: number;
    let first: number;
    let nt: boolean;
    if (scanned.ascii) {
      // Lower-cased unit by unit, as lower-casing does to ASCII.
      cls = asciiWordClass(text, i, j, scanned.hash);
      first = ASCII_LOWER[code];
      nt = scanned.last3 === N_T;
    } else {
      let w = scanned.plain ? text.slice(i, j) : text.slice(i, j).toLowerCase();
      if (scanned.curly) w = w.replace(/’/g, "'");
      cls = wordClass(w);
      first = w.charCodeAt(0);
      nt = w.endsWith("n't");
    }
    count++;
    classes |= cls;
    if ((cls & W_FUNCTION) !== 0) functionWords++;
    // Or-ed whatever the word (a branch taken rarely would have the compiled code thrown away the first time).
    classes |= nt ? W_VERB : 0;
    if (j - i >= 4 && isLetterAt(text, i) && isLetterAt(text, i + 1) && isLetterAt(text, i + 2) && isLetterAt(text, i + 3)) {
      long++;
      if (code !== first) titled++;
    }
    i = j;
  }
  headWords.count = count;
  headWords.classes = classes;
  headWords.functionWords = functionWords;
  headWords.long = long;
  headWords.titled = titled;
  headWords.digit = digit;
}

/** The sentence's words before the marks (readBefore). */
const sentenceBefore = { count: 0, classes: 0, cue: false, cueThenClause: false, cueThenPhrase: false };

/**
 * Reads the sentence's words before the marks: their lists, and whether a verb of saying or
 * thinking comes before them and what follows it (said that …, said he …, against said on …, told “…”).
 */
function readBefore(text: string, start: number, end: number): void {
  const n = readWords(text, start, end);
  let classes = 0;
  let lastCue = -1;
  let clause = false;
  for (let k = 0; k < n; k++) {
    const cls = WORD_CLASSES[k];
    classes |= cls;
    if ((cls & W_CUE_OR_ATTITUDE) !== 0) {
      lastCue = k;
      clause = false;
    } else if ((cls & W_CLAUSE) !== 0) clause = true;
  }
  let cueThenClause = false;
  let cueThenPhrase = false;
  if (lastCue >= 0 && lastCue < n - 1) {
    cueThenClause = clause;
    cueThenPhrase = !clause && (WORD_CLASSES[lastCue + 1] & W_PHRASE) !== 0;
  }
  if (lastCue === n - 1 && lastCue >= 0 && (WORD_CLASSES[lastCue] & W_ADDRESSEE) !== 0) cueThenPhrase = true;
  sentenceBefore.count = n;
  sentenceBefore.classes = classes;
  sentenceBefore.cue = lastCue >= 0;
  sentenceBefore.cueThenClause = cueThenClause;
  sentenceBefore.cueThenPhrase = cueThenPhrase;
}

/** The lists of the first `n` words of the last readWords, or-ed together. */
function classesOfWords(n: number): number {
  let classes = 0;
  for (let k = 0; k < n; k++) classes |= WORD_CLASSES[k];
  return classes;
}

/**
 * An attribution closing the sentence: after the last comma (or dash) past the marks, at most
 * six words holding a verb of saying.
 */
function tailCueAt(text: string, from: number, sentEnd: number): boolean {
  // The last comma, dash or spaced hyphen in text[from, sentEnd).
  // The two units after k are carried along (-1: past sentEnd), not read again.
  let k = sentEnd - 1;
  let next1 = -1;
  let next2 = -1;
  for (; k >= from; k--) {
    const c = text.charCodeAt(k);
    if (c === 44 || c === 0x2014 || (c === 32 && next1 === 45 && next2 === 32)) break;
    next2 = next1;
    next1 = c;
  }
  if (k < from) return false;
  const n = readWords(text, k, sentEnd);
  return n > 0 && n <= 6 && (classesOfWords(n) & W_CUE) !== 0;
}

/** prevSentenceCue's last answer, for the sentence read (quotes of one sentence share it); cleared by quoteFeatures. */
let prevCueStart = -1;
let prevCueEnd = -1;
let prevCue = false;

function sentenceHasCue(text: string, start: number, end: number): boolean {
  if (start !== prevCueStart || end !== prevCueEnd) {
    prevCue = (classesOfWords(readWords(text, start, end)) & W_CUE_OR_ATTITUDE) !== 0;
    prevCueStart = start;
    prevCueEnd = end;
  }
  return prevCue;
}

/** People named in the sentence around the marks: before them (1), anywhere outside them (2), right before as a possessive (4). */
function peopleAround(text: string, mentions: Span[], q: RawQuote, sentStart: number, sentEnd: number): number {
  let found = 0;
  for (let m = firstStartingAt(mentions, sentStart); m < mentions.length && mentions[m].start < sentEnd; m++) {
    const { start, end } = mentions[m];
    if (end <= q.open) {
      found |= 3;
      if (q.open - end <= 4 && /^['’]s?\s*$/.test(text.slice(end, q.open))) found |= 4;
    } else if (start >= q.close && end <= sentEnd) found |= 2;
  }
  return found;
}

/** CAPS_PAIR on text[start, end). */
function capsPairBefore(text: string, start: number, end: number): boolean {
  const stretch = text.slice(start, end);
  return CAPS_PAIR_UNITS.test(stretch) && CAPS_PAIR.test(stretch);
}

/** The features of raw[i], a span that is not plain speech, in the order of FEATURES. */
function spanFeatures(input: QuoteFilterInput, paragraphs: Span[], sentences: Sentence[], i: number, repeated: boolean): number[] {
  const { text, raw, attributions, mentions } = input;
  const q = raw[i];
  const a = attributions[i];
  const body = text.slice(q.start, q.end);
  const bodyLength = q.end - q.start;
  // A long quote's opening tells enough about it, and costs less to read than all of it.
  readHead(text, q.start, bodyLength > HEAD ? q.start + HEAD : q.end);
  const count = headWords.count;
  const headClasses = headWords.classes;
  const long = headWords.long;
  const titled = headWords.titled;
  const n = Math.max(1, bodyLength <= HEAD ? count : Math.round((count * bodyLength) / HEAD));
  const para = paragraphs[q.paragraph];
  const paraStart = para.start;
  const paraEnd = para.end;
  const si = firstStartingAt(sentences, q.open + 1) - 1;
  const inSentence = si >= 0 && sentences[si].start <= q.open && q.open < sentences[si].end;
  const sentence = inSentence ? sentences[si] : null;
  // The sentence around the marks, at most CONTEXT characters either side.
  const sentStart = Math.max(Math.min(sentence ? sentence.start : paraStart, q.open), q.open - CONTEXT);
  const sentEnd = Math.min(Math.max(sentence ? sentence.end : paraEnd, q.close), q.close + CONTEXT);
  // The sentence's words outside the marks, each list read once.
  readBefore(text, sentStart, q.open);
  const beforeCount = sentenceBefore.count;
  const beforeClasses = sentenceBefore.classes;
  const cueBefore = sentenceBefore.cue;
  const cueThenClause = sentenceBefore.cueThenClause;
  const cueThenPhrase = sentenceBefore.cueThenPhrase;
  const afterCount = readWords(text, q.close, sentEnd);
  const afterClasses = classesOfWords(afterCount);
  const outsideClasses = beforeClasses | afterClasses;
  const cueOutside = cueBefore || (afterClasses & W_CUE_OR_ATTITUDE) !== 0;
  const beforeStart = Math.max(paraStart, q.open - 40);
  const before = text.slice(beforeStart, q.open);
  const nBefore = readWords(text, beforeStart, q.open);
  // The last word before the marks, the first two after them: their lists only.
  const lastBefore = nBefore > 0 ? WORD_CLASSES[nBefore - 1] : 0;
  const nAfter = readWords(text, q.close, Math.min(paraEnd, q.close + 40));
  const next = nAfter > 0 ? WORD_CLASSES[0] : 0;
  const second = nAfter > 1 ? WORD_CLASSES[1] : 0;
  const short = count <= 3;
  const titleCase = count <= 6 && long > 0 && titled === long;
  const startsUpper = /^\W*\p{Lu}/u.test(body);
  const people = peopleAround(text, mentions, q, sentStart, sentEnd);
  const neighbourSpeaker = (i > 0 && raw[i - 1].paragraph === q.paragraph && attributions[i - 1].speakerMention !== null) || (i + 1 < raw.length && raw[i + 1].paragraph === q.paragraph && attributions[i + 1].speakerMention !== null);
  const tailCue = tailCueAt(text, q.end - 1, sentEnd);
  let prevSentenceCue = false;
  if (si > 0 && inSentence && sentences[si - 1].paragraph === q.paragraph) {
    const prev = sentences[si - 1];
    prevSentenceCue = sentenceHasCue(text, Math.max(prev.start, prev.end - CONTEXT), prev.end);
  }
  // A lower-case word right after the closing mark, with no punctuation between, that is neither
  // a function word nor a verb: most often the noun the span qualifies (a “pilot” program).
  const modifierUse =
    nAfter > 0 &&
    !endsWithStop(text, q.start, q.end) &&
    /^[a-z]/.test(text.slice(q.close, q.close + 40).trimStart()) &&
    (next & (W_FUNCTION | W_VERB | W_CUE_OR_ATTITUDE | W_SUBJECT | W_NOT_NOUN)) === 0;
  const speaker = a.speakerMention !== null;
  return [
    1,
    Math.log(n),
    long ? titled / long : 0,
    bit(headClasses, W_FIRST),
    bit(headClasses, W_SECOND),
    bit(headClasses, W_VERB),
    headWords.functionWords / n,
    b(endsWithPunct(text, q.start, q.end)),
    b(startsUpper),
    b(/^\s*[“"‘']?\s*$/.test(text.slice(sentStart, q.open)) || q.open === paraStart || endsWithBeforeSpaces(text, beforeStart, q.open, 58)),
    b(q.open <= paraStart + 1 && q.close >= paraEnd - 1),
    b(speaker),
    b(a.rule === 'after'),
    b(a.rule === 'before'),
    bit(lastBefore, W_CUE),
    bit(next | second, W_CUE),
    b(NAMING_BEFORE.test(before)),
    b(PREPOSITION_BEFORE.test(before)),
    b(POSSESSIVE_BEFORE.test(before)),
    b(TITLE_BEFORE.test(before)),
    b(repeated),
    b(!q.closed),
    b(q.continued),
    b(/[“”"]|['’]{2}/.test(body)),
    b(headWords.digit),
    b(cueBefore),
    bit(outsideClasses, W_ATTITUDE),
    b(short && !speaker),
    b(short && !cueOutside),
    b(short && !startsUpper),
    b(neighbourSpeaker),
    b(bodyLength > 400),
    bit(beforeClasses, W_SUBJECT),
    b((people & 1) !== 0),
    b((people & 2) !== 0),
    bit(lastBefore, W_AS),
    b(endsWithBeforeSpaces(text, beforeStart, q.open, 40)),
    Math.log(1 + beforeCount + afterCount),
    b(capsPairBefore(text, Math.max(paraStart, q.open - CONTEXT), q.open)),
    b(titleCase),
    b(titleCase && TITLE_PLACE_BEFORE.test(before)),
    b(cueThenClause),
    b(cueThenPhrase),
    b(tailCue),
    b(/\baccording to\b/i.test(text.slice(sentStart, sentEnd))),
    // SPEECH_NOUN_BEFORE ends in white space: nothing else need be tried.
    b(q.open > beforeStart && isSpaceUnit(text.charCodeAt(q.open - 1)) && SPEECH_NOUN_BEFORE.test(before)),
    bit(outsideClasses, W_FIRST),
    b((people & 4) !== 0),
    bit(beforeClasses, W_STANCE),
    bit(outsideClasses, W_MEDIA),
    b(prevSentenceCue),
    b(modifierUse),
  ];
}

/** The features of each span of `input.raw` in the order of FEATURES; null for plain speech (plainlySpeech). */
export function quoteFeatures(input: QuoteFilterInput): (number[] | null)[] {
  const { text, raw, attributions } = input;
  const plain: boolean[] = [];
  const keys: string[] = [];
  const keyCount = new Map<string, number>();
  for (let i = 0; i < raw.length; i++) {
    const q = raw[i];
    const p = plainlySpeech(text, q, attributions[i]);
    const k = p ? '' : normalKey(text.slice(q.start, q.end));
    plain.push(p);
    keys.push(k);
    keyCount.set(k, (keyCount.get(k) ?? 0) + 1);
  }
  prevCueStart = -1;
  prevCueEnd = -1;
  const paragraphs = sameKind(input.paragraphs);
  const sentences = sameKind(input.sentences);
  const out: (number[] | null)[] = [];
  for (let i = 0; i < raw.length; i++) out.push(plain[i] ? null : spanFeatures(input, paragraphs, sentences, i, (keyCount.get(keys[i]) ?? 0) > 1));
  return out;
}

const WEIGHT_LIST = FEATURES.map((name) => WEIGHTS[name]);

/** The model's log-odds that a span with these features is a quote. */
export function quoteScore(features: number[]): number {
  let z = 0;
  for (let j = 0; j < WEIGHT_LIST.length; j++) z += WEIGHT_LIST[j] * features[j];
  return z;
}

/** Markup debris (`author="…"`, a quoted attribute value): never a quote, whatever the model says. */
export function isMarkupDebris(text: string, q: RawQuote): boolean {
  // /=\s*$/ on the 24 characters before the marks, and /=$/ on the quote's text.
  return endsWithBeforeSpaces(text, Math.max(0, q.open - 24), q.open, 61) || (q.end > q.start && text.charCodeAt(q.end - 1) === 61);
}

/** Either case of a word's first letter: the words below open sentences too (Speaking on …). */
const eitherCase = (ws: string): string => ws.trim().split(/\s+/).map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');
/**
 * A show named as where someone spoke: “…” right after told, after speaking or talking to or a
 * broadcast of, or after on or with that follow a verb of saying, appearing or airing across words
 * of time, occasion and medium only (said Sunday on NBC’s “…”, told “…”, said in an interview with
 * “…”, said by telephone on “…”, aired Monday on “…”). What was said is beside the title. A network's possessive may come
 * between (on NBC’s “…”).
 */
const VENUE_BEFORE = new RegExp(
  `(?:\\b(?:${eitherCase('said says say saying told tells telling speaking spoke speak talking talked interview interviewed appearance appearing appeared appear appears aired airing broadcast')})` +
    `(?:\\s+(?:in|during|an?|the|his|her|their|its|recent|earlier|later|last|this|that|next|week|weekend|morning|night|evening|afternoon|today|tonight|yesterday|interview|appearance|airing|aired|broadcast|live|exclusive|extended|televised|by|phone|telephone|video|satellite|\\p{L}+day|\\p{L}+day['’]s))*\\s+(?:on|with)` +
    `|\\b[Bb]roadcast\\s+of|\\b(?:${eitherCase('speaking spoke speak talking talked')})\\s+to|\\b(?:${eitherCase('told tells telling')}))` +
    `\\s+(?:\\p{Lu}[\\p{L}\\p{N}&.-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{N}&.-]*|and|&)){0,3}['’]s\\s+)?$`,
  'u',
);
/**
 * A book, column or program named as where someone spoke or wrote: a verb of saying, writing or
 * appearing, then in, on or for a work of that kind right before the marks (she wrote in her
 * memoir, “…”; spoke on the latest episode of its podcast, “…”; said in his 2012 book, “…”).
 */
const WORK_VENUE_BEFORE = new RegExp(
  `\\b(?:${eitherCase('wrote writes writing said says saying told spoke speak speaking talking talked appeared appearing appearance interview interviewed')})\\b[^.!?"“”]{0,60}` +
    `\\b(?:in|on|for)\\s+(?:a|an|the|his|her|their|its|this|that|my|our)\\s+(?:[\\p{L}\\p{N}’'-]+\\s+){0,5}` +
    `(?:book|memoir|column|op-ed|essay|blog|podcast|show|program|programme|novel|autobiography|documentary|series|episode|radio|newsletter)\\s*,?\\s*$`,
  'u',
);
/**
 * A work named by who made it or played in it, or cited as a source: the author (co-author,
 * host, star …) of “…”, starred in “…”, according to (his book | A. Writer’s) “…”; told the
 * television program “…”. A title there names the work; nobody is quoted.
 */
const WORK_CREDIT_BEFORE = new RegExp(
  `(?:\\b(?:co-?authors?|authors?|writers?|directors?|producers?|creators?|stars?|hosts?|co-?hosts?|anchors?|editors?|publishers?)\\s+of(?:\\s+the)?` +
    `|\\b(?:starred|stars|starring|acted|acts|acting|appeared|appears|appearing)\\s+in` +
    `|\\b[Aa]ccording\\s+to(?:\\s+(?:his|her|their|its|the|a)(?:\\s+[\\p{L}\\p{N}'’-]+){0,3}|\\s+(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}\\p{Lu}[\\p{L}.'’-]*['’]s)?` +
    `|\\b(?:${eitherCase('told tells telling')})\\s+(?:the|a)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:program|programme|show|newspaper|magazine|network|website|station|podcast|channel))\\s*,?\\s*$`,
  'u',
);
/**
 * A show opening the sentence as where what follows was said: (Later) on “…,” Senator X said …;
 * in A Network’s “…,” she …. What was said comes after the comma.
 */
const VENUE_OPENING = /[.!?]['’"”]?\s+(?:\p{Lu}\p{Ll}+\s+)?(?:On|on|In|in)\s+(?:\p{Lu}[\p{L}\p{N}&.-]*['’]s\s+)?$/u;
/** VENUE_OPENING at the paragraph's start. */
const VENUE_OPENING_PARAGRAPH = /^(?:\p{Lu}\p{Ll}+\s+)?(?:On|on|In|in)\s+(?:\p{Lu}[\p{L}\p{N}&.-]*['’]s\s+)?$/u;
/**
 * An English gloss of foreign words: Spanish (Latin, Russian …) for “witches”. The writer
 * translates; nobody said the English words.
 */
const LANGUAGE_FOR_BEFORE =
  /\b(?:Spanish|French|Latin|Greek|German|Italian|Russian|Arabic|Hebrew|Yiddish|Chinese|Mandarin|Cantonese|Japanese|Korean|Portuguese|Persian|Farsi|Turkish|Hindi|Urdu|Swahili|Dutch|Polish|Ukrainian|Vietnamese|Tagalog|Creole|Gaelic|Irish|Welsh|Hawaiian|Sanskrit|Pashto|Dari|Kurdish|Somali|Amharic)\s+for\s*$/;
/**
 * A hashtag's meaning set between dashes right after it: #MotsCroisés - “crossword” - was
 * trending (HASHTAG_DASH_BEFORE, then DASH_AFTER): the writer's gloss of the tag.
 */
const HASHTAG_DASH_BEFORE = /#[\p{L}\p{N}_]+\s*(?:--|[-–—])\s*$/u;
const DASH_AFTER = /^\s*(?:--|[-–—])/;
/** A name someone goes by or a word someone made up: under the pseudonym “…”, coined the term “…”. */
const GIVEN_NAME_BEFORE = /(?:\b(?:pseudonym|alias|pen name|nom de plume|screen name|user ?name|moniker)|\bcoined\s+(?:the\s+)?(?:term|phrase|word|expression)?)\s*,?\s*$/i;
/** A new name given to a thing, before a title-like span: renamed “…”, to be replaced by “…”, has now become the “…”. */
const RENAMED_BEFORE = /\b(?:renamed|rebranded(?:\s+as)?|replaced\s+by|(?:become|became|becomes)\s+the)\s*$/i;
/**
 * A song (or other piece) named as what was performed or played: she took the stage to “…”,
 * proceeded to perform “…”, hits including “…”, to the tune of “…”. The words are a title, not
 * anyone's words said there. On PolNeAR train (with the list rule's second item, hits
 * including “…” and “…”) 4 spans the model keeps dropped, none a gold quote. Not a song someone
 * sings (the band leader took the stage, singing “…”): the singer voices the words, and PolNeAR's
 * annotators mark them as that person's (no such span on train; 2 of 2 on dev).
 */
const PERFORMED_BEFORE =
  /\b(?:perform(?:s|ed|ing)?|(?:took|takes?|taking)\s+the\s+stage\s+to|(?:walked|walks?|walking|came|comes?|coming|strode|strides?|striding)\s+(?:out\s+|onstage\s+|on\s+stage\s+|onto\s+the\s+stage\s+)?to|to\s+the\s+(?:tune|strains|sound)\s+of|(?:songs?|hits?|tunes?|anthems?|classics?)\s+(?:including|such\s+as|like))\s*$/i;
/**
 * The writer's distance from a term (the so-called “…”): a term in the writer's mouth, not a
 * quotation, when nobody is said to speak there. Train: 3 dropped, no gold quote (the one gold
 * quote after so-called had a speaker; annotators did mark 2 spans after the unhyphenated
 * "so called" in one article, which this rule leaves to the model).
 */
const SO_CALLED_BEFORE = /\bso[-‐‑]called\s*$/i;
/**
 * A work's title given after titled or entitled (a memo titled “…”, an ad entitled, “…”): the
 * makers' words, which PolNeAR's annotators mark as quotes (13 of the 16 such spans on train),
 * kept whatever the model says (which weighs a title after "titled" down). Train: 5 gold quotes
 * the model dropped kept, and 1 span that is not one.
 */
const TITLED_BEFORE = /\b(?:titled|entitled)\s*,?\s*$/i;
/**
 * A work or headline credited to its author right after it, past a comma (“…,” by A. Writer, …;
 * “…,” by the Post’s A. Writer: …): cited, not said. The comma may be inside the marks or after
 * them. By a day or month (“…,” by Monday, …) is a time, not an author; by Lee’s count (account,
 * estimate …) gives who said it.
 */
const CREDIT_AFTER =
  /^\s*by\s+(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Election Day)\b)(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*(?:['’]s\s(?!(?:own\s+)?(?:count|estimates?|account|reckoning|standards?|measures?|calculations?|tally|admission)\b)|\s*[,:;)])/u;
/**
 * A title opening its sentence as the subject of a verb, or with a clause on it after a comma:
 * “…” has been a hit; “…” was nominated; “…,” which opens Friday. What is talked about is the
 * work (or term); a quotation opening a sentence is followed by its attribution instead.
 */
const SUBJECT_VERB_AFTER = /^\s*(?:has|have|had|was|were|is|are|will|became|becomes)\b/;
const CLAUSE_ON_TITLE_AFTER = /^\s*(?:which|whose)\b/;
/** Things printed with a slogan or named events, right after a title: the “…” hats, a “…” bus tour, his “…” pageant. */
const TITLED_THING_AFTER = /^\s*(?:hats?|caps?|shirts?|t-shirts?|signs?|placards?|banners?|buttons?|stickers?|mugs?|bus\s+tour|tour|pageant|podcast)\b/i;
/**
 * A title made, staged or put out by someone, right after it: the “…” forum sponsored by a network,
 * a show called “…,” written by a troupe, “…,” published in 2015. Words said are not sponsored or
 * published; the span names the event or work. Lower case only: a sentence after a closed quote
 * may open with such a word.
 */
const MADE_THING_AFTER =
  /^[^\p{L}\p{N}\s]{0,3}\s*(?:sponsored|co-sponsored|hosted|co-hosted|organized|organised|moderated|produced|published|aired|broadcast|televised|staged|directed|released|written|presented|funded|paid for|run|conducted|commissioned|launched|created)\s+(?:by|on|in|at|last|this|earlier)\b/u;

/** A web address or a site's name right after the closing mark, or after a byline (“…,” by the Post’s A. Writer: http://…). */
const LINK_AFTER = /^[^\p{L}\p{N}\s]{0,3}\s*(?:[,—–-]?\s*by\s[^"“”\n]{0,80}?)?(?:https?:\/\/|www\.|[\w-]+\.(?:com|org|net|gov)\b)/u;
/** A control on a web page to click (click “Sign up”, clicking the “subscribe” button): a label, not words said. */
const CLICK_BEFORE = /\b(?:click|clicks|clicking|clicked|tap|tapping|press|pressing)\s+(?:on\s+)?(?:the\s+)?$/i;
/** A year in brackets right after the closing mark: a dated work or poster, cited (“…” (2005), “…” (poster, 2003)). */
const DATED_AFTER = /^[^\p{L}\p{N}\s]{0,3}\s*\([^()]{0,60}\b(?:1[89]|20)\d\d\)/u;
/** A tag opened and not closed (`<tweet …>` then its text, or its attribute list), read from its '<' to the marks. */
const OPEN_TAG = /^<[a-z][\w-]*\b(?:(?!\/>)[^])*$/i;

/** Words of 4+ letters that titles leave in lower case (This Week with …). */
const TITLE_LOWER = new Set(`with from into over upon than that this`.split(' '));
/** The most words of a title with its subtitle (The Long Road: A Life in Harbors and Ferries). */
const LONG_TITLE = 16;
/**
 * Reads like a title: up to `most` words (6 unless told), the first and every word of 4+ letters
 * (but TITLE_LOWER) capitalised. The words of text[start, end) as rawWords reads them, looked at
 * in place: no list, and no word cut out but one of 4 letters to look up.
 */
function isTitleLike(text: string, start: number, end: number, most = 6): boolean {
  if (end - start > 20 * most) return false;
  let count = 0;
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (!isWordChar(code, text, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < end; j++) {
      const c = text.charCodeAt(j);
      if (!(c === 39 || c === 45 || c === 0x2019 || isWordChar(c, text, j))) break;
    }
    if (++count > most) return false;
    const first = text[i];
    const lower = first === first.toLowerCase();
    if (count === 1 && lower) return false;
    if (lower && j - i >= 4 && isLetterAt(text, i) && isLetterAt(text, i + 1) && isLetterAt(text, i + 2) && isLetterAt(text, i + 3) && !(j - i === 4 && TITLE_LOWER.has(text.slice(i, j)))) return false;
    i = j;
  }
  return count > 0;
}

/**
 * A title-like span (isTitleLike) named as a work where someone spoke or wrote (VENUE_BEFORE,
 * WORK_VENUE_BEFORE, VENUE_OPENING with a comma closing the title), or by who made it or played
 * in it (WORK_CREDIT_BEFORE), or as a song performed or played (PERFORMED_BEFORE). The caller has
 * checked isTitleLike.
 */
function namesWork(text: string, q: RawQuote, para: Span): boolean {
  const from = Math.max(para.start, q.open - 150);
  const before = text.slice(from, q.open);
  if (VENUE_BEFORE.test(before) || WORK_VENUE_BEFORE.test(before) || WORK_CREDIT_BEFORE.test(before) || PERFORMED_BEFORE.test(before)) return true;
  if (!endsWithBeforeSpaces(text, q.start, q.end, 44)) return false;
  const openingFrom = Math.max(para.start, q.open - 40);
  const opening = text.slice(openingFrom, q.open);
  return VENUE_OPENING.test(opening) || (openingFrom === para.start && VENUE_OPENING_PARAGRAPH.test(opening));
}

/**
 * A title-like span (the caller has checked) that names a thing rather than words said: the
 * subject opening its sentence (SUBJECT_VERB_AFTER, CLAUSE_ON_TITLE_AFTER) when nobody is said to
 * speak there (`spoken`: the attribution found no speaker), a slogan or name on a thing
 * (TITLED_THING_AFTER), or a work or event someone made or staged (MADE_THING_AFTER). Annotators
 * do mark some such titles and slogans as quotes: on PolNeAR train the first drops 5 spans that
 * are not gold quotes and none that is (without the speaker guard it dropped 2 gold quotes), the
 * second 5 and 1 (a slogan on shirts, inside a quoted post), the third 1 and none.
 */
function titleAsThing(text: string, q: RawQuote, para: Span, beforeFrom: number, spoken: boolean): boolean {
  if (!q.closed) return false;
  const after = text.slice(q.close, Math.min(para.end, q.close + 40));
  const stop = endsWithStop(text, q.start, q.end);
  if ((!stop && TITLED_THING_AFTER.test(after)) || MADE_THING_AFTER.test(after)) return true;
  // (A sentence that opens with a title and gives it a speaker, “…” was the best show, Lee said, may
  // quote her: annotators mark such spans.)
  if (spoken) return false;
  const opensSentence = q.open <= para.start + 1 || /[.!?]['’"”]?\s+$/.test(text.slice(beforeFrom, q.open));
  if (!opensSentence) return false;
  return endsWithBeforeSpaces(text, q.start, q.end, 44) ? CLAUSE_ON_TITLE_AFTER.test(after) : !stop && SUBJECT_VERB_AFTER.test(after);
}

/**
 * One letter and nothing else but punctuation (“R,” or “D,”; a grade “B”): a letter named, never
 * words said. But “I”: a quote broken after its first word (“I,” she said, “will stay.”).
 */
function isLoneLetter(text: string, start: number, end: number): boolean {
  let letters = 0;
  let letter = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isSpaceUnit(c)) continue;
    if (isWordChar(c, text, k)) {
      if (!isLetterAt(text, k) || ++letters > 1) return false;
      letter = c;
    }
  }
  return letters === 1 && letter !== 73;
}

/** Personal pronouns, which marks around them alone set off as words (unless “he” is a “she”), never words said. */
const LONE_PRONOUNS = new Set(`he she him her hers his it its we us our they them their theirs you your me my`.split(' '));

/**
 * One personal pronoun and nothing else but a comma or stop (“he.”). Not a question or an
 * exclamation (“Them?”), which someone says; “I” is isLoneLetter's. The caller asks only when
 * no speaker was found.
 */
function isLonePronoun(text: string, start: number, end: number): boolean {
  if (end - start > 8) return false;
  const word = /^\s*([A-Za-z]+)[\s.,;:]*$/.exec(text.slice(start, end));
  return word !== null && LONE_PRONOUNS.has(word[1].toLowerCase());
}

/** CREDIT_AFTER past a comma that ends the span or follows the closing mark. */
function creditedAfter(text: string, q: RawQuote, para: Span): boolean {
  if (!q.closed) return false;
  let from = q.close;
  if (!endsWithBeforeSpaces(text, q.start, q.end, 44)) {
    while (from < para.end && isSpaceUnit(text.charCodeAt(from))) from++;
    if (text.charCodeAt(from) !== 44) return false;
    from++;
  }
  return CREDIT_AFTER.test(text.slice(from, Math.min(para.end, from + 80)));
}

/**
 * Marks around words nobody in the story is said to have said, whatever the model says. Of the
 * spans the model keeps on PolNeAR train, none that these rules drop is a gold quote but 1 dropped
 * by titleAsThing (counts per rule below: spans the model keeps that each rule drops).
 * - A show named as the venue of what someone said (VENUE_BEFORE): Perez said Sunday on NBC's
 *   “Meet the …”, told “… and Friends”; later on “…,” Perez said (VENUE_OPENING); or a book or
 *   program where someone wrote or spoke (WORK_VENUE_BEFORE): she wrote in her memoir, “…”.
 * - A work credited to who made it or played in it, or cited as a source (WORK_CREDIT_BEFORE):
 *   the co-author of “…”, starred in “…”, according to his book “…”, told the program “…”; a
 *   title with its subtitle counts there too (LONG_TITLE). Train: 9 dropped, no gold; the
 *   venues' additions (VENUE_OPENING, digits in WORK_VENUE_BEFORE) 1 each, no gold.
 * - A work or headline with its author after a comma (CREDIT_AFTER): “…,” by A. Writer. Train:
 *   4, no gold.
 * - A song or piece named as what was performed or played (PERFORMED_BEFORE, in namesWork): she
 *   took the stage to “…”, hits including “…”. Train: 3, and 1 more by the list rule, no gold.
 * - A term after so-called when no speaker was found (SO_CALLED_BEFORE): the writer's distance
 *   from a word, not a quotation. Train: 3, no gold.
 * - A title renamed to (RENAMED_BEFORE), a pseudonym or a coined term (GIVEN_NAME_BEFORE):
 *   names given, not words said. Train: 2 and 2, no gold.
 * - A title that is the subject of its sentence, printed on a thing or made by someone
 *   (titleAsThing): “…” has been a hit; the “…” hats; the “…” forum sponsored by a network.
 *   Train: 5, 5 and 1; 0, 1 and 0 gold.
 * - An English gloss of foreign words (LANGUAGE_FOR_BEFORE, HASHTAG_DASH_BEFORE): Spanish for
 *   “…”; #Tag - “…” -. Train: 5, no gold.
 * - A lone letter (isLoneLetter): the button for “R”. Train: 2, no gold.
 * - A lone personal pronoun with no speaker found (isLonePronoun): because “she” is a “he”.
 *   Train: 1, no gold.
 * - The excerpt or headline of a linked page, a web address after it (LINK_AFTER): a digest's
 *   “…” http://….
 * - A work or poster cited with its year in brackets (DATED_AFTER): “…” (2005).
 * - A button's label after click or tap (CLICK_BEFORE): click “Sign up”.
 * - Words inside an embedded post's or link's markup (`<tweet …>“…”`, `<a …>… “…”`) with no verb
 *   of saying between the tag and the marks: the post's own words, or its attributes.
 * keepQuotes also drops the items of a list of names (inListOfNames), which needs the other spans.
 */
export function notReported(text: string, q: RawQuote, para: Span): boolean {
  return notReportedAt(text, q, para, text.indexOf('<'));
}

/** notReported, told where the text's first '<' is (-1: none), so that a text with no tag before the marks is not searched for one. */
function notReportedAt(text: string, q: RawQuote, para: Span, firstTag: number, spoken = false): boolean {
  const beforeFrom = Math.max(para.start, q.open - 150);
  if (isTitleLike(text, q.start, q.end)) {
    if (namesWork(text, q, para) || titleAsThing(text, q, para, beforeFrom, spoken) || RENAMED_BEFORE.test(text.slice(beforeFrom, q.open))) return true;
  } else if (isTitleLike(text, q.start, q.end, LONG_TITLE) && WORK_CREDIT_BEFORE.test(text.slice(beforeFrom, q.open))) {
    // A longer title (a book's, with its subtitle) where a work is credited: the co-author of “…: …”.
    return true;
  }
  if (isLoneLetter(text, q.start, q.end) || (!spoken && isLonePronoun(text, q.start, q.end))) return true;
  // The patterns below end in a word of their own: the word before the marks says which may match
  // (each pattern, tried from every character of the window, cost more than the rest of this function).
  const nearFrom = Math.max(para.start, q.open - 40);
  const last = lastWordBefore(text, q.open, nearFrom);
  if (last === 'for' && LANGUAGE_FOR_BEFORE.test(text.slice(nearFrom, q.open))) return true;
  if (GIVEN_NAME_LAST_WORDS.has(last) && GIVEN_NAME_BEFORE.test(text.slice(nearFrom, q.open))) return true;
  if (!spoken && last.endsWith('called') && SO_CALLED_BEFORE.test(text.slice(nearFrom, q.open))) return true;
  if (q.closed && text.lastIndexOf('#', q.open) >= nearFrom && HASHTAG_DASH_BEFORE.test(text.slice(nearFrom, q.open)) && DASH_AFTER.test(text.slice(q.close, Math.min(para.end, q.close + 4)))) return true;
  if (creditedAfter(text, q, para)) return true;
  // CLICK_BEFORE ends in white space: nothing else need be tried.
  const clickFrom = Math.max(para.start, q.open - 30);
  if (q.open > clickFrom && isSpaceUnit(text.charCodeAt(q.open - 1)) && CLICK_BEFORE.test(text.slice(clickFrom, q.open))) return true;
  const after = text.slice(q.close, Math.min(para.end, q.close + 120));
  if (LINK_AFTER.test(after) || DATED_AFTER.test(after)) return true;
  // The last '<' before the marks, in the paragraph: a tag opened and not closed since?
  const lt = firstTag < 0 || firstTag >= q.open ? -1 : text.slice(para.start, q.open).lastIndexOf('<');
  if (lt >= 0) {
    const tag = OPEN_TAG.exec(text.slice(para.start + lt, q.open));
    if (tag) {
      const inside = tag[0].lastIndexOf('>');
      if (inside < 0 || !words(tag[0].slice(inside + 1)).some((w) => CUE_VERBS.has(w))) return true;
    }
  }
  return false;
}

/** The words GIVEN_NAME_BEFORE can end in. */
const GIVEN_NAME_LAST_WORDS = new Set(`pseudonym alias name plume username moniker coined term phrase word expression`.split(' '));

/**
 * The lower-case word (letters and hyphens) right before `end`, past white space and commas, not
 * reaching back before `from`; '' when there is none.
 */
function lastWordBefore(text: string, end: number, from: number): string {
  let e = end;
  while (e > from && (isSpaceUnit(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === 44)) e--;
  let b = e;
  while (b > from && e - b < 24) {
    const d = text.charCodeAt(b - 1);
    const c = d | 32;
    if (!((d < 128 && c >= 97 && c <= 122) || d === 45 || d === 0x2010 || d === 0x2011)) break;
    b--;
  }
  return text.slice(b, e).toLowerCase();
}

/** A closed span right after titled or entitled (TITLED_BEFORE): a work's title, kept. Read only for spans the model drops. */
function titledAt(text: string, q: RawQuote, para: Span): boolean {
  return q.closed && TITLED_BEFORE.test(text.slice(Math.max(para.start, q.open - 30), q.open));
}

/**
 * Which of `input.raw` are quotes: kept by the model (or a work's title after titled, titledAt),
 * not debris, not plainly unreported (notReported).
 */
export function keepQuotes(input: QuoteFilterInput): boolean[] {
  const { text, raw } = input;
  const paragraphs = sameKind(input.paragraphs);
  const features = quoteFeatures(input);
  const firstTag = text.indexOf('<');
  const keep: boolean[] = [];
  for (let i = 0; i < raw.length; i++) {
    const x = features[i];
    const q = raw[i];
    // The model first: the rules need not read what it drops (but a title after titled, which it
    // weighs down: titledAt reads the 30 characters before the marks).
    keep.push((x === null || quoteScore(x) > THRESHOLD || titledAt(text, q, paragraphs[q.paragraph])) && !isMarkupDebris(text, q) && !notReportedAt(text, q, paragraphs[q.paragraph], firstTag, input.attributions[i].speakerMention !== null) && !inListOfNames(text, raw, paragraphs, i, input.attributions));
  }
  return keep;
}

/** What may join the items of a list of quoted words: commas, semicolons, and or or. */
const LIST_JOIN = /^[\s,;]*(?:(?:and|or|&)\s*)?$/;
/** raw[k] and raw[k + 1] are items of one list: same paragraph, raw[k] closed, only LIST_JOIN between. */
function listJoined(text: string, raw: RawQuote[], k: number): boolean {
  const a = raw[k];
  const b = raw[k + 1];
  return a.paragraph === b.paragraph && a.closed && b.open - a.close <= 12 && LIST_JOIN.test(text.slice(a.close, b.open));
}
/** Words of text[start, end): runs of characters other than white space. */
function countWords(text: string, start: number, end: number, most: number): number {
  let n = 0;
  let inWord = false;
  for (let k = start; k < end && n <= most; k++) {
    const space = isSpaceUnit(text.charCodeAt(k));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * Marks around the items of a list of names rather than words said:
 * - three or more items of at most three words each, one after the other (words such as
 *   “ferry,” “tide,” “pier” and “harbor master”; so are “24,” “Tide Pool” and “Old Pier”):
 *   terms, titles or labels listed, not a speaker's sentences; not when an item has a speaker
 *   (Lee called it “slow,” “costly” and “cruel”: her words). On PolNeAR train 7 spans kept by
 *   the model that are not gold quotes and 1 that is (a campaign's slogans listed);
 * - a title-like item after another title-like item that is named as a work (namesWork): she
 *   appeared on “…” and “…”; he starred in “…” and “…”. Train: 2, no gold.
 */
function inListOfNames(text: string, raw: RawQuote[], paragraphs: Span[], i: number, attributions: Attribution[]): boolean {
  let first = i;
  while (first > 0 && listJoined(text, raw, first - 1)) first--;
  let last = i;
  while (last + 1 < raw.length && listJoined(text, raw, last)) last++;
  if (last - first >= 2) {
    let short = true;
    for (let k = first; k <= last && short; k++) short = countWords(text, raw[k].start, raw[k].end, 3) <= 3 && attributions[k].speakerMention === null;
    if (short) return true;
  }
  if (first === i || !isTitleLike(text, raw[i].start, raw[i].end)) return false;
  for (let k = i - 1; k >= first; k--) {
    if (!isTitleLike(text, raw[k].start, raw[k].end)) return false;
    if (namesWork(text, raw[k], paragraphs[raw[k].paragraph])) return true;
  }
  return false;
}
