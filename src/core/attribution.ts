// Who said it: the cue next to a quote and the speaker it names.
import type { ArticlePerson, Mention, Sentence, Span } from './types';
import { paragraphOpen, type RawQuote } from './quoteMarks';
import { CUE_VERBS, HONORIFICS, NON_NAME_WORDS, PERSON_HEADS, PRONOUNS, ROLE_WORDS, SPEECH_NOUNS } from './lexicon';
import { scanTokenEnd, stableArray, tokenUnits, type PeopleResult } from './people';
import { isSpaceCode } from './text';
import { firstStartingAt } from './spans';

export interface Attribution {
  speaker: string | null;
  speakerMention: Span | null;
  cue: string | null;
  /** Which rule found it (kept for measuring each rule's precision). */
  rule?: string;
}

/** Words that may stand between a subject and its cue verb ("he also said", "Trump has repeatedly said"). */
const ADVERBS = new Set(
  `also later then has had have was is previously once recently repeatedly reportedly would will could might
   publicly privately simply flatly further earlier again often frequently still never not did does do once
   quickly angrily bluntly told just already first last finally subsequently separately similarly simply
   however himself herself themselves now even since`.split(/\s+/),
);
/** Nouns that end like adverbs: "a Trump ally said", "Lee family spokeswoman". */
const LY_NOUNS = new Set(`family ally rally assembly supply daily weekly monthly quarterly bully italy`.split(' '));
/** A lower-case adverb in -ly ("reportedly", "publicly"), not a noun that ends so. */
function adverbLike(lower: string): boolean {
  return /^\p{Ll}+ly$/u.test(lower) && !LY_NOUNS.has(lower);
}
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'one', 'another', 'two', 'three', 'several', 'many', 'some', 'other', 'both', 'this', 'that']);
/** Lower-case words a describing speaker may contain ("a senior campaign official"). */
const DESCRIPTION_WORDS = new Set(
  `newspaper paper source sources official officials spokesman spokeswoman spokesperson spokespeople campaign
   statement report aide aides adviser advisers advisor advisors people person expert experts analyst analysts
   critics critic supporters supporter group administration department agency ministry government readout
   senior former top longtime close familiar white house republican democratic state federal military police
   lawyer lawyers attorney attorneys documents document filing letter website site network magazine outlet
   memo study survey poll pollster researchers scientists leaders leader member members representative
   representatives organizers organization organisation company firm officer officers witness witnesses
   observer observers insider insiders strategist strategists operative operatives consultant consultants
   economists economist voters voter residents resident protesters demonstrators friend friends family
   relatives neighbor neighbours neighbors manager director chairman chairwoman president secretary minister
   ambassador envoy diplomat diplomats lawmaker lawmakers senator senators governor mayor judge prosecutors
   prosecutor authorities officials' military's press communications national political chief deputy foreign
   policy economic senior executive legal spokespeople narrator announcer office`.split(/\s+/),
);

interface Word extends Span {
  text: string;
  lower: string;
}

const ABBREVIATION = /^(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Prof|Rev|Pres|Atty|Gen|Supt|Cmdr)\.$|^(?:\p{Lu}\.)+$/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’-]*/gu;

/**
 * The words of `text` starting in [from, to), each cut at `to`: the matches of WORD from `from`, a
 * trailing . ' ’ - dropped unless the word is an abbreviation. Scanned by hand with the tokenizer's
 * character classes (the same pattern): this runs some 15,000 times per 840 articles, and the
 * regular expression's match objects, replace and test per word were most of its cost.
 */
function wordsIn(text: string, from: number, to: number): Word[] {
  // The rules read the same spans again and again (the sentence before a quote, the words after
  // it): within one attributeQuotes call, each span is scanned once. Callers never change the lists.
  const cache = wordsCache;
  if (cache !== null && text === wordsCacheText && from >= 0 && to >= 0 && from <= text.length && to <= text.length && Number.isInteger(from) && Number.isInteger(to)) {
    const key = from * (text.length + 1) + to;
    let words = cache.get(key);
    if (words === undefined) {
      words = scanWords(text, from, to);
      cache.set(key, words);
    }
    return words;
  }
  return scanWords(text, from, to);
}

/** wordsIn's lists by span, while attributeQuotes runs on wordsCacheText. */
let wordsCache: Map<number, Word[]> | null = null;
let wordsCacheText = '';

function scanWords(text: string, from: number, to: number): Word[] {
  // A start inside a surrogate pair: the /u pattern steps back to the pair; leave that to it.
  if (from > 0 && from < text.length && isTrailSurrogate(text.charCodeAt(from)) && isLeadSurrogate(text.charCodeAt(from - 1))) return wordsInByPattern(text, from, to);
  const out: Word[] = [];
  const n = text.length;
  const startLimit = Math.min(to, n);
  let i = from > 0 ? from : 0;
  while (i < startLimit) {
    const first = tokenUnits(text, i, 1);
    if (first === 0) {
      i++;
      continue;
    }
    const start = i;
    // The match runs on past `to` (it is cut afterwards), as the pattern's does.
    const scanned = scanTokenEnd(text, i, first, n);
    i = scanned >> 1;
    const mixed = (scanned & 1) === 1;
    let w = text.slice(start, i);
    // Only a word ending in . ' ’ - can lose anything (an abbreviation ends in a period).
    const last = w.charCodeAt(w.length - 1);
    if (last === 46 || last === 39 || last === 0x2019 || last === 45) w = ABBREVIATION.test(w) ? w : w.replace(TRAILING, '');
    if (start + w.length > to) w = w.slice(0, to - start);
    if (!w) continue;
    out.push({ start, end: start + w.length, text: w, lower: mixed ? w.toLowerCase() : w });
  }
  return out;
}

const TRAILING = /[.'’-]+$/u;

function isLeadSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isTrailSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** wordsIn by its definition, the pattern WORD. */
function wordsInByPattern(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) && m.index < to) {
    let w = ABBREVIATION.test(m[0]) ? m[0] : m[0].replace(/[.'’-]+$/u, '');
    if (m.index + w.length > to) w = w.slice(0, to - m.index);
    if (!w) continue;
    out.push({ start: m.index, end: m.index + w.length, text: w, lower: w.toLowerCase() });
  }
  return out;
}

function gapIsSpace(text: string, a: Span, b: Span): boolean {
  return /^\s+$/.test(text.slice(a.end, b.start));
}

function isCue(lower: string): boolean {
  return CUE_VERBS.has(lower);
}

function embedded(words: Word[], subj: Span): boolean {
  const i = words.findIndex((w) => w.start === subj.start);
  const opener = /^(?:that|which|what|whether|if|whom)$/;
  return (i >= 0 && opener.test(words[i].lower)) || (i > 0 && opener.test(words[i - 1].lower));
}

/** A cue verb as written: verbs are lower case mid-sentence ("the United States has" holds no cue). */
function isCueWord(w: Word): boolean {
  return CUE_VERBS.has(w.lower) && !/^\p{Lu}/u.test(w.text);
}

export interface AttributionContext {
  text: string;
  people: PeopleResult;
  personByName: Map<string, ArticlePerson>;
  sentences: Sentence[];
  paragraphs: Span[];
  /** Speakers already attributed, in text order, for pronouns. */
  recentSpeakers: { name: string; at: number; paragraph: number }[];
  /**
   * Genders the text has shown by a "he" or "she" attributed to a person the names lexicon does not know
   * ("Raj Patel … “…,” he added"), so that a later "she said" passes him by. Made by attributeQuotes.
   */
  shownGenders?: Map<string, 'f' | 'm'>;
  /** The article's quotes (attributeQuotes sets them): a name inside one is not a candidate for a pronoun after it. */
  quotes?: RawQuote[];
  /**
   * Speakers given by a surname two people share that a later he/she showed to be the other one, by
   * the mention's start: "“…,” Clinton said. “…,” she continued." after "Bill Clinton" is Hillary Clinton.
   */
  renamed?: Map<number, string>;
}

/** Whether `at` lies inside one of the article's double-quoted passages. */
function insideQuote(ctx: AttributionContext, at: number): boolean {
  const quotes = ctx.quotes;
  if (!quotes) return false;
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid].open <= at) lo = mid + 1;
    else hi = mid;
  }
  // Quotes do not overlap: only the last one opening at or before `at` can hold it (single marks nest inside).
  for (let k = lo - 1; k >= 0 && k >= lo - 3; k--) if (quotes[k].mark === 'double' && quotes[k].open <= at && at < quotes[k].close) return true;
  return false;
}

/** "the retired surgeon", "her campaign manager": a determiner, a few modifiers and a head naming a person. */
function describesPerson(phrase: string): boolean {
  const words = phrase.split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  if (!/^(?:the|a|an|his|her|their|its|one|another)$/i.test(words[0])) return false;
  if (words.some((w) => isCue(w.toLowerCase()))) return false;
  return PERSON_HEADS.has(words[words.length - 1].toLowerCase().replace(/['’]s?$/, ''));
}

function isPersonOrPronoun(ctx: AttributionContext, a: Attribution): boolean {
  if (!a.speakerMention) return false;
  const m = ctx.text.slice(a.speakerMention.start, a.speakerMention.end).toLowerCase();
  return PRONOUNS.has(m) || (!!a.speaker && ctx.personByName.has(a.speaker)) || describesPerson(m);
}

/** Words after a name that leave it the head of its phrase: prepositions, conjunctions, a relative, a suffix, adverbs. */
const NAME_STAYS_HEAD = new Set(
  `of from in at on for and or who whom which that with to by as jr sr also again then now later still once first too
   himself herself themselves`.split(/\s+/),
);

/**
 * Whether the name ending at `end` only modifies the head of the noun phrase ending at `npEnd` ("’s spokesman",
 * " campaign manager", " family spokeswoman", " ally"). Its own words are still its own: in "Trump’s pledge",
 * "Lee’s remarks" the possessor is the speaker.
 */
function modifiesHead(text: string, end: number, npEnd: number): boolean {
  const next = /^(?:['’]s?)?\s+(\p{L}+)/u.exec(text.slice(end, Math.min(npEnd, end + 24)));
  if (!next || NAME_STAYS_HEAD.has(next[1].toLowerCase()) || adverbLike(next[1].toLowerCase())) return false;
  const head = /(\p{L}+)\W*$/u.exec(text.slice(end, npEnd));
  return !(head && /^['’]/.test(text.slice(end, end + 1)) && (SPEECH_NOUNS.has(head[1].toLowerCase()) || NOUN_LIKE_CUES.has(head[1].toLowerCase()) || /^(?:pledge|pledges|words|statements|comments|claims|promises|vows|warnings|message)$/i.test(head[1])));
}

/** Resolves a noun phrase next to a cue to a speaker (a person, a pronoun, an organisation, a document or a description). */
function resolveSubject(ctx: AttributionContext, np: Span, paragraph: number): Attribution | null {
  const { text } = ctx;
  const phrase = text.slice(np.start, np.end);
  // A person mention inside the phrase: the name is the mention. Not a name that only modifies the phrase's
  // head ("Trump campaign manager Corey Lewandowski", "Merkel’s spokesman"): the head is who speaks, and
  // giving the quote to the modifier's owner would be a misattribution.
  for (let p = np.start; p < np.end; p++) {
    const m = ctx.people.mentionAt.get(p);
    if (m && m.end <= np.end) {
      if (modifiesHead(text, m.end, np.end)) {
        p = m.end - 1;
        // "Reagan’s former education secretary William Bennett" cut short: the head is not in the phrase.
        if (/\b(?:former|then|late|ex|onetime|longtime|top|senior|chief|deputy)$/i.test(phrase)) return null;
        continue;
      }
      return { speaker: m.name, speakerMention: { start: m.start, end: m.end }, cue: null };
    }
  }
  // "said the company’s chief executive, Ann Lee.", "according to its author, Tom Ruiz,": the name set off
  // after the phrase is who it describes, and the one a reader looks up.
  if (text.charCodeAt(np.end) === 44) {
    let at = np.end + 1;
    while (at < np.end + 4 && isSpaceCode(text.charCodeAt(at))) at++;
    const named = ctx.people.mentionAt.get(at);
    if (named && named.name && /^(?:[,.;:!?)]|$)/.test(text.slice(named.end, named.end + 1))) return { speaker: named.name, speakerMention: { start: named.start, end: named.end }, cue: null };
  }
  const lower = phrase.toLowerCase();
  if (lower === 'who') {
    const before = mentionsIn(ctx, np.start - 200, np.start).filter((m) => m.end <= np.start && np.start - m.end <= 3);
    const m = before[before.length - 1];
    if (m && m.name) return { speaker: m.name, speakerMention: np, cue: null };
    // "Ann Lee, the board's treasurer, who …", "Ann Lee of Dover, who …": a name and its appositive.
    const named = mentionsIn(ctx, np.start - 150, np.start).filter((x) => x.name && x.end < np.start && WHO_APPOSITIVE.test(text.slice(x.end, np.start))).pop();
    if (named) return { speaker: named.name, speakerMention: np, cue: null };
    // "… from the Mexican president, who said …": a phrase describing a person right before the comma.
    const comma = /,\s*$/.exec(text.slice(Math.max(0, np.start - 4), np.start));
    if (!comma) return null;
    const lead = wordsIn(text, Math.max(0, np.start - 80), np.start);
    for (let j = Math.max(0, lead.length - 6); j < lead.length - 1; j++) {
      const phrase = text.slice(lead[j].start, lead[lead.length - 1].end);
      if (/[,;:“”"()]/.test(phrase) || !describesPerson(phrase)) continue;
      return { speaker: phrase.replace(/^(?:The|A|An)\s/, (d) => d.toLowerCase()), speakerMention: np, cue: null };
    }
    return null;
  }
  if (PRONOUNS.has(lower)) {
    const speaker = resolvePronoun(ctx, lower, np.start, paragraph);
    return { speaker, speakerMention: np, cue: null };
  }
  // "“…,” I said": the writer speaks; the mention is "I", and no name is known for it.
  if (lower === 'i' && phrase === 'I') return { speaker: null, speakerMention: np, cue: null };
  if (lower === 'i' || lower === 'we' || lower === 'you') return null;
  // "Wednesday", "the past": times do not speak (documents do: "the statement said").
  const lastWord = phrase.split(/\s+/).pop() ?? '';
  const head = /^\p{Lu}/u.test(lastWord) ? '' : lastWord.toLowerCase();
  if (/^(?:morning|evening|night|afternoon|week|year|day|time|winner|past|future|moment|meantime|home)$/.test(head)) return null;
  // Days are capitalised and never speak ("The mayor on Tuesday rejected …").
  if (/^(?:(?:on|last|this|next|early|late|a|the)\s+)*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i.test(phrase.trim())) return null;
  // An organisation, a country or a description ("China", "the State Department", "a spokeswoman").
  const cleaned = phrase.replace(/^(?:the|The)\s+/, '');
  const isProper = /^\p{Lu}/u.test(cleaned);
  const speaker = isProper ? cleaned.replace(/['’]s$/, '') : phrase.replace(/^(?:The|A|An)\s/, (d) => d.toLowerCase());
  return { speaker, speakerMention: np, cue: null };
}


/** Mentions starting in [from, to) (mentions are in text order). */
function mentionsIn(ctx: AttributionContext, from: number, to: number): Mention[] {
  const list = ctx.people.mentions;
  const lo = firstStartingAt(list, from);
  const out: Mention[] = [];
  for (let i = lo; i < list.length && list[i].start < to; i++) out.push(list[i]);
  return out;
}

function resolvePronoun(ctx: AttributionContext, pronoun: string, at: number, paragraph: number): string | null {
  const name = pronounReferent(ctx, pronoun, at, paragraph);
  if (name === null) return null;
  // A pronoun is not the person its own clause goes on to name ("he accused Mr. Trump of …").
  const sentence = sentenceHolding(ctx, at);
  const end = sentence && sentence.end > at ? sentence.end : at;
  for (const m of mentionsIn(ctx, at + 1, end)) {
    if (/[,;:—–]/.test(ctx.text.slice(at, m.start))) break;
    if (m.name === name && !insideQuote(ctx, m.start)) return null;
  }
  return name;
}

/** Whether mention `m` is a possessor ("Obama’s presidency"). */
function isPossessor(text: string, m: Span): boolean {
  return /^['’]/.test(text.slice(m.end, m.end + 1));
}

/** The sentence holding offset `at`, if any. */
function sentenceHolding(ctx: AttributionContext, at: number): Sentence | undefined {
  return ctx.sentences[firstStartingAt(ctx.sentences, at + 1) - 1];
}

/** A he or she with no comma, semicolon, colon or dash after it before the end of the text searched. */
const HE_BEFORE = /\bhe\b[^,;:—–]*$/i;
const SHE_BEFORE = /\bshe\b[^,;:—–]*$/i;

function pronounReferent(ctx: AttributionContext, pronoun: string, at: number, paragraph: number): string | null {
  if (pronoun === 'they' || pronoun === 'it') return null;
  const want = pronoun === 'she' ? 'f' : 'm';
  const compatible = (name: string): boolean => {
    const g = ctx.people.genders.get(name) ?? ctx.shownGenders?.get(name);
    return g === undefined || g === want;
  };
  // Whether a compatible person other than `except` is named between `from` and the pronoun, outside quotes
  // ("“Trump is making us less safe,” he said" is still the speaker before).
  const namedSince = (from: number, except: string): boolean =>
    mentionsIn(ctx, from + 1, at).some((m) => m.name && m.name !== except && compatible(m.name) && !insideQuote(ctx, m.start));
  // The most recent speaker nearby is who "he said" usually refers to.
  for (let k = ctx.recentSpeakers.length - 1; k >= 0; k--) {
    const s = ctx.recentSpeakers[k];
    if (s.at > at) continue;
    if (paragraph - s.paragraph > 2) break;
    // A speaker the article names only as "Mr. Obama" (no given name, so no person) is one too.
    const honorific = /^(Mr|Mrs|Ms|Miss|Dr)\.? \p{Lu}/u.exec(s.name);
    if (honorific && !ctx.personByName.has(s.name)) {
      if (honorific[1] === 'Dr') break;
      if ((honorific[1] === 'Mr') === (want === 'm')) {
        if (!namedSince(s.at, s.name)) return s.name;
      }
      break;
    }
    if (ctx.personByName.has(s.name) && !compatible(s.name)) {
      // A surname two people share, given to the one this pronoun cannot be, was the other's: after
      // "Clinton and her husband, former President Bill Clinton, …", "“…,” Clinton said. “…,” she continued."
      const candidates = ctx.people.mentionAt.get(s.at)?.candidates;
      const other = candidates?.filter((c) => c !== s.name && ctx.people.genders.get(c) === want);
      if (other && other.length === 1 && !namedSince(s.at, s.name)) {
        ctx.renamed?.set(s.at, other[0]);
        s.name = other[0];
        return other[0];
      }
    }
    if (ctx.personByName.has(s.name) && compatible(s.name)) {
      // Only if no other compatible person was named in between.
      if (!namedSince(s.at, s.name)) return s.name;
      break;
    }
  }
  // Else the named subject opening the sentence before, in the same paragraph ("Ruiz dismissed Rao’s
  // criticism. “…,” he told reporters."): who the paragraph is about. Not when that sentence names another
  // compatible person other than as a possessor ("Ann Lee met Mary Cole. “…,” she said": either).
  const here = firstStartingAt(ctx.sentences, at + 1) - 1;
  const previous = here >= 1 ? ctx.sentences[here - 1] : undefined;
  if (previous && previous.paragraph === paragraph) {
    const opening = ctx.people.mentionAt.get(previous.start);
    if (opening && opening.name && compatible(opening.name) && !isPossessor(ctx.text, opening)) {
      const other = mentionsIn(ctx, opening.end, previous.end).some((m) => m.name && m.name !== opening.name && compatible(m.name) && !isPossessor(ctx.text, m));
      if (!other) return opening.name;
    }
  }
  // Not when the sentence before opens with a name the story gives no one and a verb of saying ("Cruz
  // openly admitted …. “…,” he said", the story never giving Cruz's full name): he is the speaker.
  if (previous && previous.paragraph === paragraph && !ctx.people.mentionAt.get(previous.start)) {
    const opening = /^(\p{Lu}\p{Ll}+)\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)/u.exec(ctx.text.slice(previous.start, previous.start + 60));
    if (opening && isCue(opening[2]) && !NON_NAME_WORDS.has(opening[1].toLowerCase()) && !CLAUSE_OPENERS.has(opening[1].toLowerCase()) && !PRONOUNS.has(opening[1].toLowerCase())) return null;
  }
  // Else the one compatible person named in this or the previous paragraph outside quotes (a name inside
  // one is who the speaker talked about: "“Hillary was in South Carolina,” Sheppard said. … she added").
  // Nor one a pronoun before it in its clause cannot be ("He said on Thursday that Trump needs to do more":
  // the he is someone else, whom a later "he said" may well be). A pronoun set off before it by a comma
  // or dash may be ("As he shook hands, Sanders said").
  const paraStart = ctx.paragraphs[Math.max(0, paragraph - 1)].start;
  // A possessor ("Obama’s presidency") counts only when no one is named otherwise: "Westmacott … praised
  // Obama’s presidency. “…,” he told the Guardian" is Westmacott; "Clinton’s website … she vows" is Clinton.
  const named = mentionsIn(ctx, paraStart, at).filter((m) => m.name && compatible(m.name) && !insideQuote(ctx, m.start));
  const plain = named.filter((m) => !isPossessor(ctx.text, m));
  const candidates = plain.length > 0 ? plain : named;
  const names = new Set(candidates.map((m) => m.name!));
  if (names.size !== 1) return null;
  const pronounBefore = want === 'f' ? SHE_BEFORE : HE_BEFORE;
  for (const m of candidates) {
    const sentence = sentenceHolding(ctx, m.start);
    const from = sentence && sentence.start <= m.start ? sentence.start : m.start;
    const before = pronounBefore.exec(ctx.text.slice(from, m.start));
    if (before && !insideQuote(ctx, from + before.index)) return null;
  }
  return candidates[0].name;
}

/** Capitalised words that open clauses, never a speaker ("When asked, …", "However, he …"). */
const CLAUSE_OPENERS = new Set(
  `when while if as after before since because although though however but and or so yet then also still
   in on at for with by to from of during under over about into asked speaking meanwhile instead later
   earlier still now here there this that these those what which who whom whose why how where`.split(/\s+/),
);
/** Cue words that are as often nouns of speech ("his remarks", "a tweet", "the attack"). */
const NOUN_LIKE_CUES = new Set(
  `attack remarks remark email emails chant counsel retort demand comment comments tweet quote claim promise
   vow pledge boast lament praise plea blast credit defend echo signal`.split(/\s+/),
);
/** Words opening a subordinate clause: a subject after one is not the main clause's ("… until Lee spoke up"). */
const SUBORDINATORS = new Set('when while if because although after before since until unless whereas as'.split(' '));
/** Words that end a describing phrase walking left ("… who said", "… that said"). */
const NP_BREAKERS = new Set(
  `who which that whom whose and or but to of in on at for with by from as is was are were be been has had have
   not it he she they we i you said says told when while if because after before`.split(/\s+/),
);

function isSubjectWord(w: Word): boolean {
  if (CLAUSE_OPENERS.has(w.lower)) return false;
  return /^\p{Lu}/u.test(w.text) || DESCRIPTION_WORDS.has(w.lower) || DESCRIPTION_WORDS.has(w.lower.replace(/['’]s$/, ''));
}

/** A comma-enclosed appositive before a cue ("Wang Yi, China's foreign minister, said"). */
function appositiveOpener(text: string, words: Word[], k: number): number {
  for (let q = k - 1; q >= Math.max(0, k - 12); q--) {
    if (isCue(words[q].lower)) return -1;
    if (/,\s*$/.test(text.slice(words[q].end, words[q + 1].start))) {
      const inner = words.slice(q + 1, k + 1);
      const titleLike = /^(?:a|an|the|his|her|its|their|former|then|now|who|which|at|of|from|with|for|in|during|on|after|before|speaking|meanwhile|however|too|though|also|instead|\d+)$/.test(inner[0].lower) || /^[RDI]-\p{Lu}/u.test(inner[0].text) || /['’]s$/.test(text.slice(inner[0].start, inner[0].end + 2)) || inner.some((w) => DESCRIPTION_WORDS.has(w.lower));
      return titleLike && /^\p{Lu}/u.test(words[q].text) ? q : -1;
    }
  }
  return -1;
}

/**
 * Whether `words[j]` opens its clause: the sentence starts there, or a comma or "but"/"and" comes before it,
 * possibly behind a title ("County Commissioner Ann Lee", "Harbor Board Chair Tom Ruiz").
 */
function opensClause(ctx: AttributionContext, words: Word[], j: number): boolean {
  const { text } = ctx;
  let i = j;
  while (i > 0 && j - i < 6 && gapIsSpace(text, words[i - 1], words[i]) && (/^\p{Lu}/u.test(words[i - 1].text) || ROLE_WORDS.has(words[i - 1].lower) || DESCRIPTION_WORDS.has(words[i - 1].lower)) && !CLAUSE_OPENERS.has(words[i - 1].lower) && !DETERMINERS.has(words[i - 1].lower)) i--;
  if (i === 0) return true;
  const lead = text.slice(words[i - 1].end, words[i].start);
  if (/,\s*$/.test(lead)) return true;
  // A relative clause opens with its pronoun: "Bannon, whom Beck on Wednesday called “…”".
  if (/^(?:who|whom|which|what)$/.test(words[i - 1].lower)) return true;
  return /^\s+$/.test(lead) && /^(?:but|and|so|yet|meanwhile|however)$/.test(words[i - 1].lower) && (i === 1 || /,\s*$/.test(text.slice(words[i - 2].end, words[i - 1].start)));
}

/**
 * A named person whose appositive ends at `words[k]` (a comma follows it): "her adviser, Jake Sullivan, said",
 * "Ann Lee, 44, a dairy farmer from the valley, said", "Paul Wendt, an engineer who advised the county, said".
 * The name must open its clause (the sentence, or after an opening phrase and its comma).
 */
function namedBeforeComma(ctx: AttributionContext, words: Word[], k: number): Span | null {
  const { text } = ctx;
  const own = mentionsIn(ctx, words[k].start - 80, words[k].end).find((m) => m.end === words[k].end && m.name);
  // (Not a name ending a phrase set off by commas, "Lee, recalling her talks with Ruiz, said": the name that
  // phrase follows is the subject. A name joined by "and" is one of the appositive's: "Two analysts, Ann Lee
  // and Tom Ruiz, said".)
  const ownAt = own ? firstStartingAt(words, own.start) : -1;
  if (own && (opensClause(ctx, words, ownAt) || (ownAt > 0 && words[ownAt - 1].lower === 'and'))) return { start: own.start, end: own.end };
  for (let j = Math.max(0, k - 35); j < k; j++) {
    const m = ctx.people.mentionAt.get(words[j].start);
    if (!m || !m.name || m.end > words[k].start || !/^(?:\s*\([^()]{1,20}\))?,\s/.test(text.slice(m.end, m.end + 26))) continue;
    if (!opensClause(ctx, words, j)) continue;
    // Nothing but the appositive in between: no quote marks, no clause break.
    if (/[“”";:]/.test(text.slice(m.end, words[k].end)) || /[()]/.test(text.slice(m.end, words[k].end).replace(/^\s*\([^()]{1,20}\)/, ''))) return null;
    return { start: m.start, end: m.end };
  }
  return null;
}

/**
 * "A senior aide, who spoke on the condition of anonymity, said": a phrase describing a person opens the
 * clause, then a comma and a relative "who" clause that ends at `words[k]` (a comma follows it).
 */
function describedBeforeWho(ctx: AttributionContext, words: Word[], k: number): Span | null {
  const { text } = ctx;
  for (let w = k - 1; w >= Math.max(1, k - 20); w--) {
    if (words[w].lower !== 'who') continue;
    if (!/^,\s*$/.test(text.slice(words[w - 1].end, words[w].start)) || /[“”";:()]/.test(text.slice(words[w].end, words[k].end))) return null;
    for (let j = Math.max(0, w - 6); j < w - 1; j++) {
      if (!opensClause(ctx, words, j) || !words.slice(j + 1, w).every((x, i) => gapIsSpace(text, words[j + i], x))) continue;
      const phrase = text.slice(words[j].start, words[w - 1].end);
      if (describesPerson(phrase)) return { start: words[j].start, end: words[w - 1].end };
    }
    return null;
  }
  return null;
}

/** Subjects found past a "which" aside (describedBeforeWhich), for the rule tag 'which-aside'. */
const WHICH_ASIDE_SUBJECTS = new WeakSet<Span>();

/**
 * "The complaint, which was filed in federal court on Monday, alleged": as describedBeforeWho, for a thing
 * that speaks (a filing, a report, a group): a determiner-led phrase opens the clause, then a comma and a
 * relative "which" clause that ends at `words[k]` (a comma follows it).
 */
function describedBeforeWhich(ctx: AttributionContext, words: Word[], k: number): Span | null {
  const { text } = ctx;
  for (let w = k - 1; w >= Math.max(1, k - 20); w--) {
    if (words[w].lower !== 'which') continue;
    if (!/^,\s*$/.test(text.slice(words[w - 1].end, words[w].start)) || /[“”";:()—–]/.test(text.slice(words[w].end, words[k].end))) return null;
    for (let j = Math.max(0, w - 5); j < w - 1; j++) {
      if (!/^(?:the|a|an|its|their|his|her)$/.test(words[j].lower) || !opensClause(ctx, words, j) || !words.slice(j + 1, w).every((x, i) => gapIsSpace(text, words[j + i], x))) continue;
      if (words.slice(j + 1, w).some((x) => NP_BREAKERS.has(x.lower) || isCue(x.lower) || PRONOUNS.has(x.lower))) continue;
      const span = { start: words[j].start, end: words[w - 1].end };
      WHICH_ASIDE_SUBJECTS.add(span);
      return span;
    }
    return null;
  }
  return null;
}

/** Words for an unnamed person or group of people ("someone", "a man", "members"). */
const SOMEONE = /^(?:someone|somebody|anyone|one|man|woman|men|women|people|person|member|members|protester|protesters|heckler|hecklers|voice|voices)$/;

/** "someone in", "a woman at": an unnamed person before the preposition `words[p]`, opening its clause. */
function personBeforePlace(ctx: AttributionContext, words: Word[], p: number): Span | null {
  const { text } = ctx;
  if (p < 1 || !gapIsSpace(text, words[p - 1], words[p])) return null;
  const head = words[p - 1];
  if (!SOMEONE.test(head.lower) && !PERSON_HEADS.has(head.lower)) return null;
  let j = p - 1;
  if (j > 0 && /^(?:a|an|the|one|another|some|several|many)$/.test(words[j - 1].lower) && gapIsSpace(text, words[j - 1], head)) j--;
  else if (!/^(?:someone|somebody|anyone|people|protesters|hecklers|members)$/.test(head.lower)) return null;
  if (j > 0 && !SUBORDINATORS.has(words[j - 1].lower) && !/,\s*$/.test(text.slice(words[j - 1].end, words[j].start))) return null;
  return { start: words[j].start, end: head.end };
}

/** A pronoun with an auxiliary written onto it: "he’s", "she’d", "they’ve". */
const CONTRACTED = /^(he|she|they)['’](?:s|d|ll|ve|re)$/;
/** Subjects found as contracted pronouns, for the rule tag 'contracted-pronoun'. */
const CONTRACTED_SUBJECTS = new WeakSet<Span>();

/** The noun phrase ending right before `words[cueIdx]` (the cue), walking left. */
function subjectBefore(ctx: AttributionContext, words: Word[], cueIdx: number): Span | null {
  const { text } = ctx;
  let k = cueIdx - 1;
  while (k >= 0 && /^\p{Ll}/u.test(words[k].text) && (ADVERBS.has(words[k].lower) || adverbLike(words[k].text)) && gapIsSpace(text, words[k], words[k + 1])) k--;
  // "The agency less than two weeks ago said": a time phrase ending in "ago" stands between subject and verb.
  if (k >= 2 && words[k].lower === 'ago' && gapIsSpace(text, words[k], words[k + 1])) {
    let j = k - 1;
    if (/^(?:second|minute|hour|day|week|month|year|decade)s?$/.test(words[j].lower)) {
      j--;
      while (j >= 0 && k - j <= 6 && /^(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|many|couple|of|less|more|than|about|nearly|almost|just|only|some)$/.test(words[j].lower) && gapIsSpace(text, words[j], words[j + 1])) j--;
      if (j >= 0 && j < k - 2 && gapIsSpace(text, words[j], words[j + 1])) k = j;
    }
  }
  // "The two lawmakers, however, argue": a discourse adverb set off by commas stands between subject and verb.
  let aside = false;
  let asideNext = k + 1;
  // (Or a set phrase: "Lee, once again, pledged", "The board, for its part, said".)
  // (A phrase is looked up only when the word ends one: no strings joined for the others.)
  const endsPhrase = k >= 2 && ASIDE_PHRASE_ENDS.has(words[k].lower);
  const asideWords = k < 1 ? 0 : endsPhrase && ASIDE_PHRASES.has(`${words[k - 1].lower} ${words[k].lower}`) ? 2 : endsPhrase && k >= 3 && ASIDE_PHRASES.has(`${words[k - 2].lower} ${words[k - 1].lower} ${words[k].lower}`) ? 3 : ASIDES.has(words[k].lower) ? 1 : 0;
  if (asideWords > 0 && k >= asideWords && /^\s*,\s*$/.test(text.slice(words[k - asideWords].end, words[k - asideWords + 1].start)) && /^\s*,\s*$/.test(text.slice(words[k].end, words[k + 1].start)) && words.slice(k - asideWords + 2, k + 1).every((w, i) => gapIsSpace(text, words[k - asideWords + 1 + i], w))) {
    asideNext = k + 1;
    k -= asideWords;
    aside = true;
  }
  if (k < 0) return null;
  // "Lee last week said", "Ruiz at the time said", "Lee during a Sunday rally thanked": a short
  // time or place phrase between a named subject and its verb.
  if (/^\p{Ll}/u.test(words[k].text) || /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i.test(words[k].text)) {
    for (let p = k; p >= Math.max(1, k - 5); p--) {
      if (!gapIsSpace(text, words[p], words[p + 1]) || isCue(words[p].lower) || PRONOUNS.has(words[p].lower)) break;
      if (!/^(?:at|in|on|during|last|this|earlier|late|early|over|after|before)$/.test(words[p].lower)) continue;
      const m = mentionsIn(ctx, words[p - 1].start - 80, words[p - 1].end).find((x) => x.end === words[p - 1].end && x.name);
      // The name must open its clause (not an object: "told Tom Ruiz on Friday that").
      if (m && opensClause(ctx, words, firstStartingAt(words, m.start)) && gapIsSpace(text, words[p - 1], words[p])) return { start: m.start, end: m.end };
      // "Ann Lee, the town’s mayor, on Tuesday called …", "Lee, who chairs the board, last week said …": the phrase
      // follows a subject set off by its appositive or relative clause; that subject is read as before any verb.
      if (p >= 2 && /^\s*,\s*$/.test(text.slice(words[p - 1].end, words[p].start))) return subjectBefore(ctx, words, p);
      // "Lee, who has in the past described …", "he has in recent weeks said": an auxiliary before the phrase.
      let h = p - 1;
      while (h > 0 && /^(?:has|had|have|was|is|would|will|also)$/.test(words[h].lower) && gapIsSpace(text, words[h], words[h + 1])) h--;
      if (h < p - 1 && gapIsSpace(text, words[h], words[h + 1])) {
        if (PRONOUNS.has(words[h].lower) && words[h].lower !== 'it') return { start: words[h].start, end: words[h].end };
        if (words[h].lower === 'who' && h > 0 && /^\s*,\s*$/.test(text.slice(words[h - 1].end, words[h].start))) return { start: words[h].start, end: words[h].end };
      }
      break;
    }
  }
  let next = aside ? asideNext : k + 1;
  // "Sen. Helen Marsh (R-Ore.) said": step over the parenthetical.
  if (/^[.)]*\)\s*$/.test(text.slice(words[k].end, words[k + 1].start))) {
    const open = text.lastIndexOf('(', words[k].end);
    let j = k;
    while (j >= 0 && words[j].start > open) j--;
    if (j >= 0 && open >= 0 && words[k].end - open < 30 && /^\s*$/.test(text.slice(words[j].end, open))) {
      next = k + 1;
      k = j;
    }
  }
  // Parentheticals and abbreviation periods ("R-Pa., said") do not break the phrase.
  const gapAfter = aside ? ' ' : text.slice(words[k].end, words[next].start).replace(/\s*\([^()]{0,30}\)/g, '').replace(/^\./, '');
  if (/^,\s*$/.test(gapAfter)) {
    // A participle cue after a clause ("Wang said, adding that …") has that clause's subject.
    if (/ing$/.test(words[cueIdx].lower)) return null;
    if (isCue(words[k].lower)) {
      // "Lee, who called Ruiz after the vote was declared, told her supporters": the verb before the comma
      // ends a relative clause set off by commas after a name, not a clause of its own.
      const named = namedBeforeComma(ctx, words, k);
      return named && /^\s*,\s+who\s/.test(text.slice(named.end, named.end + 8)) ? named : null;
    }
    const opener = appositiveOpener(text, words, k);
    if (opener < 0) return namedBeforeComma(ctx, words, k) ?? describedBeforeWho(ctx, words, k) ?? describedBeforeWhich(ctx, words, k);
    k = opener;
    // "Sen. Ann Lee (D-Vt.), a Democratic candidate, tweeted": the name is before the parenthetical.
    if (/^[.)]*\)/.test(text.slice(words[k].end, words[k].end + 3))) {
      const open = text.lastIndexOf('(', words[k].end);
      let j = k;
      while (j >= 0 && words[j].start > open) j--;
      if (j >= 0 && open >= 0 && words[k].end - open < 30) k = j;
    }
  } else if (/^\s*(?:—|–|--)\s*$/.test(gapAfter)) {
    // "Lee — named by the paper as the likely choice — told": a name before a dashed aside.
    for (let j = Math.max(0, k - 30); j < k; j++) {
      const m = ctx.people.mentionAt.get(words[j].start);
      if (!m || !m.name || !/^\s*(?:—|–|--)\s/.test(text.slice(m.end, m.end + 4))) continue;
      return opensClause(ctx, words, j) && !/[“”";:()]/.test(text.slice(m.end, words[k].end)) ? { start: m.start, end: m.end } : null;
    }
    return null;
  } else if (!/^\s+$/.test(gapAfter) && !/^['’]s?\s+$/.test(gapAfter)) {
    return null;
  }
  const w = words[k];
  if (PRONOUNS.has(w.lower)) return { start: w.start, end: w.end };
  // "She’s predicting", "he’d said": a pronoun with an auxiliary written onto it (the pronoun is the mention).
  const contracted = CONTRACTED.exec(w.lower);
  if (contracted) {
    const span = { start: w.start, end: w.start + contracted[1].length };
    CONTRACTED_SUBJECTS.add(span);
    return span;
  }
  // "Donald Trump, who proclaimed …": the relative pronoun names the person before it.
  if (w.lower === 'who' && k > 0 && /^\s*(?:,|—|–|--| -)\s*$/.test(text.slice(words[k - 1].end, w.start))) return { start: w.start, end: w.end };
  let first = -1;
  for (let q = k; q >= 0 && k - q < 8; q--) {
    const x = words[q];
    if (q < k && !gapIsSpace(text, x, words[q + 1]) && !/^['’]s?\s+$/.test(text.slice(x.end, words[q + 1].start))) break;
    if (DETERMINERS.has(x.lower)) {
      if (q === k) {
        // "Another said", "Yet another tweeted", "Some chanted": a bare quantifier opening its clause is the
        // subject of a plain verb of saying (not of "advised", "warned": a sign, a letter may be meant).
        if (/^(?:another|some|several|many|most|both|others)$/.test(x.lower) && /^(?:said|says|say|told|tweeted|wrote|writes|write|added|chanted)$/.test(words[cueIdx].lower) && (q === 0 || /[.,]\s*$/.test(text.slice(words[q - 1].end, x.start)) || /^(?:yet|but|and|still)$/.test(words[q - 1].lower))) return { start: x.start, end: x.end };
        return null;
      }
      first = q;
      break;
    }
    if (isSubjectWord(x)) {
      first = q;
      continue;
    }
    // "the secretary of state said": a role "of" something.
    if (x.lower === 'of' && q < k && q > 0 && ROLE_WORDS.has(words[q - 1].lower)) continue;
    // A describing phrase of plain words counts only when a determiner opens it ("the gambling tycoon").
    // (A hyphenated head too: "the GOP front-runner said", "the long-time aide said".)
    if (!NP_BREAKERS.has(x.lower) && /^\p{Ll}+(?:-\p{Ll}+)*$/u.test(x.text)) {
      let d = q - 1;
      while (d >= 0 && k - d < 6 && gapIsSpace(text, words[d], words[d + 1]) && !NP_BREAKERS.has(words[d].lower) && !DETERMINERS.has(words[d].lower)) d--;
      if (d >= 0 && DETERMINERS.has(words[d].lower) && words[d].lower !== 'that' && gapIsSpace(text, words[d], words[d + 1])) first = d;
    }
    break;
  }
  if (first < 0) return null;
  return { start: words[first].start, end: words[k].end };
}

/** Whether the words after a name are a noun it modifies ("Lee backers", "Lee campaign officials"). */
function modifiesNoun(text: string, m: Span, words: Word[], limit: number): boolean {
  const j = firstStartingAt(words, m.end);
  if (j >= limit || j >= words.length || !/^['’]?\s+$/.test(text.slice(m.end, words[j].start))) return false;
  const next = words[j].lower;
  return /^\p{Ll}/u.test(words[j].text) && (DESCRIPTION_WORDS.has(next) || PERSON_HEADS.has(next) || /^(?:backers|allies|loyalists|fans|camp|team|staff|staffers|surrogates)$/.test(next));
}

/** The subject opening the sentence, for "X did Y, saying “…”". */
function sentenceSubject(ctx: AttributionContext, words: Word[], cueIdx: number): Span | null {
  let i = 0;
  // "However, he …", "But Cruz …"
  while (i < cueIdx && /^(?:but|and|however|still|yet|meanwhile|instead|then|later|so)$/.test(words[i].lower)) i++;
  // "Before the vote, Police Chief Calvin Ward lobbied …": skip an opening phrase (also one led by an
  // adverb: "Shortly after the vote, …").
  // (Or by a participle: "Reading from a prepared text, Ben Carson …"; and a second opening phrase may follow
  // the first: "On Thursday, after a long silence, Lee …".)
  for (let round = 0; round < 2; round++) {
    const opener = i < cueIdx && (CLAUSE_OPENERS.has(words[i].lower) || (/^\p{Lu}\p{Ll}+ly$/u.test(words[i].text) && !ctx.people.mentionAt.has(words[i].start)) || (round === 0 && /^\p{Lu}\p{Ll}+ing$/u.test(words[i].text) && !ctx.people.mentionAt.has(words[i].start)) || (round === 1 && /^\p{Ll}/u.test(words[i].text) && CLAUSE_OPENERS.has(words[i].lower)));
    // ("Eight years ago, he …", "Two weeks ago, Lee …": a time phrase ending in "ago" and a comma.)
    const ago = !opener && i + 2 < cueIdx && words.slice(i, i + 5).findIndex((w, d) => w.lower === 'ago' && d >= 1 && /^,\s*$/.test(ctx.text.slice(w.end, words[i + d + 1]?.start ?? w.end)));
    if (!opener && !(typeof ago === 'number' && ago > 0)) break;
    let j = i;
    // (It may be long: "Asked on Monday whether the ferry would run again next spring after the storm, Lee …".)
    while (j < cueIdx - 1 && j - i < 25 && !/,\s*$/.test(ctx.text.slice(words[j].end, words[j + 1].start))) j++;
    if (!(j < cueIdx - 1 && j - i < 25)) break;
    i = j + 1;
    // "At a rally in Ames, Iowa, on Sunday, Lee …", "In Concord, N.H., Lee …": a place's state or country, set
    // off by commas after the place that ends the opening phrase, belongs to that phrase (not a name, one to
    // three capitalised words). PolNeAR train: 2 right, 0 wrong added.
    if (/^\p{Lu}/u.test(words[j].text) && !ctx.people.mentionAt.has(words[j].start)) {
      let e = i;
      while (e < cueIdx - 1 && e - i < 2 && /^\p{Lu}/u.test(words[e].text) && gapIsSpace(ctx.text, words[e], words[e + 1])) e++;
      if (e < cueIdx - 1 && /^\p{Lu}/u.test(words[e].text) && /^,\s*$/.test(ctx.text.slice(words[e].end, words[e + 1].start)) && !words.slice(i, e + 1).some((w) => ctx.people.mentionAt.has(w.start) || PRONOUNS.has(w.lower) || CLAUSE_OPENERS.has(w.lower))) i = e + 1;
    }
  }
  if (i >= cueIdx) return null;
  const w = words[i];
  if (PRONOUNS.has(w.lower) && w.lower !== 'it') return { start: w.start, end: w.end };
  // ("She’s pushing for “…”": a pronoun with an auxiliary written onto it.)
  const contracted = CONTRACTED.exec(w.lower);
  if (contracted) return { start: w.start, end: w.start + contracted[1].length };
  const m = ctx.people.mentionAt.get(w.start);
  // "Lee backers stood …", "Lee campaign spokesman Tom Ruiz said …": a name modifying a noun is not the subject
  // (a name after the noun may be).
  const modifier = !!m && !!m.name && modifiesNoun(ctx.text, m, words, cueIdx);
  if (m && m.name && !modifier) return { start: m.start, end: m.end };
  // "The retired surgeon warned …", "Her campaign manager pressed on …": a phrase describing a person opening
  // the sentence is its subject, trusted like a name (PolNeAR train: 13 speakers right, 1 wrong added).
  if (/^(?:the|a|an|his|her|their|its|one|another)$/.test(w.lower)) {
    for (let j = i + 1; j < Math.min(cueIdx, i + 6); j++) {
      const x = words[j];
      if (!gapIsSpace(ctx.text, words[j - 1], x) || NP_BREAKERS.has(x.lower) || isCue(x.lower) || /^\p{Ll}+ing$/u.test(x.text) || ctx.people.mentionAt.has(x.start)) break;
      if (!PERSON_HEADS.has(x.lower)) continue;
      // "The billionaire businessman": the last of consecutive heads.
      let h = j;
      while (h + 1 < cueIdx && PERSON_HEADS.has(words[h + 1].lower) && gapIsSpace(ctx.text, words[h], words[h + 1])) h++;
      // "The deputy secretary of defense said …"
      if (words[h + 1]?.lower === 'of' && h + 3 < cueIdx && /^(?:state|defense|labor|the\s+\p{L}+)$/iu.test(ctx.text.slice(words[h + 2].start, words[h + 2].lower === 'the' ? words[h + 3].end : words[h + 2].end))) h += words[h + 2].lower === 'the' ? 3 : 2;
      if (h + 1 < words.length && /^(?:\s+\p{Ll}|,)/u.test(ctx.text.slice(words[h].end, words[h + 1].end))) return { start: w.start, end: words[h].end };
      break;
    }
  }
  // "Vermont Gov. Ann Lee ended …": a titled name at the start.
  for (let j = i; j < Math.min(cueIdx, i + 6); j++) {
    if (!isSubjectWord(words[j]) && (NP_BREAKERS.has(words[j].lower) || isCue(words[j].lower) || !/^\p{Ll}+$/u.test(words[j].text))) break;
    const mm = ctx.people.mentionAt.get(words[j].start);
    if (mm && mm.name && !(modifier && mm === m)) return { start: mm.start, end: mm.end };
  }
  return null;
}

/** Modal verbs: never part of a noun phrase ("the candidate could …" is a clause). */
const MODAL_WORDS = 'could|would|will|can|should|may|might|must|did|does';
const MODALS = new RegExp(`^(?:${MODAL_WORDS})$`);
/** A modal or an auxiliary opening a verb phrase right after a noun phrase ("the candidate could …", "… was"). */
const VERB_AFTER = new RegExp(`^\\s+(?:${MODAL_WORDS}|is|was|are|were|has|had|have)\\s`);

/** The noun phrase right after a cue ("said Price", "according to the newspaper"). */
function subjectAfter(ctx: AttributionContext, words: Word[], idx: number, limit: number): Span | null {
  const { text } = ctx;
  if (idx >= words.length || words[idx].start >= limit) return null;
  const w0 = words[idx];
  // A clause or a phrase, not a speaker: "said that …", "said including …", "talks during …".
  if (/^(?:that|including|during|than|if|whether|when|after|before|because)$/.test(w0.lower)) return null;
  if (PRONOUNS.has(w0.lower)) return { start: w0.start, end: w0.end };
  let last = -1;
  let sawHead = false;
  const determined = DETERMINERS.has(w0.lower);
  for (let q = idx; q < words.length && q - idx < 8 && words[q].start < limit; q++) {
    const x = words[q];
    if (q > idx && !gapIsSpace(text, words[q - 1], x) && !/^['’]s\s+$/.test(text.slice(words[q - 1].end, x.start))) break;
    if (DETERMINERS.has(x.lower) && q === idx) continue;
    if (isSubjectWord(x) || (determined && !NP_BREAKERS.has(x.lower) && !MODALS.test(x.lower) && /^[\p{Ll}\p{N}][\p{Ll}\p{N}-]*(?:['’]s)?$/u.test(x.text))) {
      last = q;
      sawHead = true;
      continue;
    }
    if ((x.lower === 'of' || x.lower === 'for') && sawHead) continue;
    // "said Massachusetts congressman Barney Frank": a lower-case role between a place and the name.
    if (sawHead && (ROLE_WORDS.has(x.lower) || PERSON_HEADS.has(x.lower)) && /^\p{Lu}/u.test(words[q + 1]?.text ?? '') && gapIsSpace(text, x, words[q + 1])) continue;
    // "said one of the organizers": "one of" opens the phrase.
    if (x.lower === 'of' && q === idx + 1 && w0.lower === 'one') continue;
    // "said longtime activist Nell Ardsley": lower-case modifiers before a capitalised name.
    if (!sawHead && q - idx < 3 && /^\p{Ll}[\p{Ll}-]*$/u.test(x.text) && !NP_BREAKERS.has(x.lower) && !isCue(x.lower)) {
      const nextCap = words.slice(q + 1, q + 4).findIndex((w) => /^\p{Lu}/u.test(w.text));
      if (nextCap >= 0 && words.slice(q + 1, q + 1 + nextCap).every((w) => /^\p{Ll}[\p{Ll}-]*$/u.test(w.text) && !NP_BREAKERS.has(w.lower))) continue;
    }
    break;
  }
  if (!sawHead || last < 0) return null;
  return { start: w0.start, end: words[last].end };
}

function withCue(a: Attribution | null, cue: string): Attribution | null {
  return a ? withRule(a, a.rule, cue) : null;
}

/** Attribution after the closing mark: `,” Price said`, `,” said Price`, `,” according to X`. */
function attributionAfter(ctx: AttributionContext, q: RawQuote, limit: number): Attribution | null {
  const { text } = ctx;
  if (!q.closed) return null;
  // "“…” ― Ann Lee", "“…” — Ann Lee (@annlee)": a name after a dash, ending its line, signs the quote.
  const signed = /^[^\S\n]*[―—–][^\S\n]*(\p{Lu}[\p{L}.'’-]*(?:[^\S\n]+\p{Lu}[\p{L}.'’-]*){0,4})[^\S\n]*(?:[.,]?[^\S\n]*(?:\n|$)|\()/u.exec(text.slice(q.close, ctx.paragraphs[q.paragraph].end + 1));
  if (signed) {
    const start = q.close + signed[0].indexOf(signed[1]);
    const m = ctx.people.mentionAt.get(start);
    const span = m && m.name ? { start: m.start, end: m.end } : { start, end: start + signed[1].replace(/[.'’-]+$/u, '').length };
    return { speaker: m?.name ?? text.slice(span.start, span.end), speakerMention: span, cue: '—', rule: 'signed' };
  }
  const after = text.slice(q.close, limit);
  // The attribution must follow directly (a comma, a dash, or the words).
  if (!/^[\s,—–-]*\p{L}/u.test(after)) return null;
  const words = wordsIn(text, q.close, limit).slice(0, 16);
  if (words.length === 0) return null;
  // "according to X"
  if (words[0].lower === 'according' && words[1]?.lower === 'to') {
    const subj = subjectAfter(ctx, words, 2, limit);
    return subj ? withCue(resolveSubject(ctx, subj, q.paragraph), 'according to') : null;
  }
  // "said Price", "said the official" (a participle is no inverted attribution: "“…,” saying the city …")
  if (isCue(words[0].lower) && !/ing$/.test(words[0].lower) && !OBJECT_FIRST_CUES.has(words[0].lower)) {
    // "“…,” tweeted another.": a bare quantifier after the verb (PolNeAR train: 2 right, 0 wrong added).
    const bare = bareQuantifier(text, words[1]);
    if (bare && /^(?:said|says|tweeted|wrote|writes|added|chanted|replied|posted)$/.test(words[0].lower)) return { speaker: bare.text, speakerMention: bare, cue: words[0].text, rule: 'inverted-quantifier' };
    const subj = subjectAfter(ctx, words, 1, limit);
    // "“…,” described the impact as …": an object, not an inverted subject, comes before "as".
    const objectAs = subj !== null && !/^(?:said|says|added|adds|wrote|writes|asked|asks|explained|explains|continued|continues|noted|notes|recalled|recalls|replied|replies)$/.test(words[0].lower) && /^\s+as\s/.test(text.slice(subj.end, subj.end + 4));
    // "“…,” said the candidate could win …": a phrase with a verb of its own is what was said, not who said it.
    const clause = subj !== null && VERB_AFTER.test(text.slice(subj.end, subj.end + 8));
    if (subj && !objectAs && !clause) return withCue(resolveSubject(ctx, subj, q.paragraph), words[0].text);
  }
  // "“Crews were cheering” before the storm, she said.": the sentence ends with its attribution.
  const tail = /,\s+([^,.;:“”"]{1,60}?)\s+(\p{Ll}+)\s*[.!?]?\s*$/u.exec(text.slice(q.close, limit));
  if (tail && isCue(tail[2]) && !/[“”"]/.test(text.slice(q.close, limit))) {
    const at = q.close + tail.index + tail[0].indexOf(tail[1]);
    const tw = wordsIn(text, at, limit);
    const k = tw.findIndex((w) => w.lower === tail[2]);
    const subj = k > 0 ? subjectBefore(ctx, tw, k) : null;
    if (subj && subj.start === at) {
      const a = resolveSubject(ctx, subj, q.paragraph);
      if (a && isPersonOrPronoun(ctx, a)) return withRule(a, a.rule, tail[2]);
      // "…, the lawsuit says.": a determiner-led phrase and a plain verb of saying ending the sentence.
      if (a && /^(?:the|a|an|this|that|its|his|her|their)$/i.test(tw[0].lower) && k <= 4 && /^(?:said|says|say|wrote|writes|write|states|stated|alleges|alleged|added|adds|argues|argued|notes|noted|concludes|concluded|continued|continues)$/.test(tail[2])) return withRule(a, 'tail-description', tail[2]);
    }
  }
  // "Price said", "Wang Yi, China’s foreign minister, said", "the newspaper wrote"
  // (A verb of a relative clause set off by commas was passed over: the rule is then 'who-aside'.)
  let asideCue = false;
  for (let k = 1; k < words.length && k < 14; k++) {
    // "“…,” Lee went on.": "went on" continues speaking.
    const wentOn = /^(?:went|goes)$/.test(words[k].lower) && words[k + 1]?.lower === 'on';
    // ("“…,” Lee shot back.": a retort.)
    const shotBack = SHOT.test(words[k].lower) && words[k + 1]?.lower === 'back';
    if (!isCueWord(words[k]) && !wentOn && !shotBack) continue;
    if (inWhoAside(text, words, k)) {
      asideCue = true;
      continue;
    }
    // "the email said", "his tweet read": a speech noun after a determiner is the subject, not the verb.
    if (NOUN_LIKE_CUES.has(words[k].lower) && DETERMINERS.has(words[k - 1].lower) && words[k + 1] && isCueWord(words[k + 1])) continue;
    const subj = subjectBefore(ctx, words, k);
    // The subject must open the attribution (a lower-case modifier or two may precede it: "super PAC spokeswoman …").
    const lead = subj ? words.filter((w) => w.start < subj.start) : [];
    // Not a preposition or a participle ("…” over her recovered emails", "…,” including provisions he said"),
    // and nothing before a pronoun.
    const leadOk = subj !== null && lead.length > 0 && PRONOUNS.has(text.slice(subj.start, subj.end).toLowerCase())
      ? false
      : lead.length <= 2
        ? lead.every((w) => !NP_BREAKERS.has(w.lower) && !SUBORDINATORS.has(w.lower) && !isCue(w.lower) && !PREPOSITIONS.has(w.lower) && !/^\p{Ll}+ing$/u.test(w.text))
        : lead.length <= 4 && lead.every((w) => /^\p{Lu}/u.test(w.text) || DESCRIPTION_WORDS.has(w.lower));
    if (subj && leadOk) {
      const a = withCue(resolveSubject(ctx, lead.length ? { start: words[0].start, end: subj.end } : subj, q.paragraph), words[k].text);
      return asideCue && a ? withRule(a, 'who-aside') : a;
    }
    break;
  }
  return headBeforeCue(ctx, q, limit) ?? saidAtSentenceEnd(ctx, q, limit) ?? anyVerbAfter(ctx, q, words) ?? readAfter(ctx, q, words, limit);
}

/**
 * Whether `words[k]` lies inside a relative clause set off by commas ("an aide, who was not authorized to speak
 * publicly, said", "a source, who spoke on condition of anonymity, told"): a comma and "who" open it and a
 * comma closes it after `words[k]`. Its verb is the aside's, never the attribution's.
 */
function inWhoAside(text: string, words: Word[], k: number): boolean {
  for (let j = k; j >= 1 && k - j < 12; j--) {
    if (j < k && /,/.test(text.slice(words[j].end, words[j + 1].start))) return false;
    if (words[j].lower !== 'who' || !/^\s*,\s*$/.test(text.slice(words[j - 1].end, words[j].start))) continue;
    for (let e = k; e + 1 < words.length && e - k < 12; e++) {
      const gap = text.slice(words[e].end, words[e + 1].start);
      if (/^\s*,\s*$/.test(gap)) return true;
      if (!/^\s+$/.test(gap)) return false;
    }
    return false;
  }
  return false;
}

/** "another", "one", "others" standing alone before the end of its clause ("“…,” tweeted another."). */
function bareQuantifier(text: string, w: Word | undefined): { start: number; end: number; text: string } | null {
  if (!w || !/^(?:another|one|others|some|several|many)$/.test(w.lower) || !/^\s*[.,;]/.test(text.slice(w.end, w.end + 3))) return null;
  return { start: w.start, end: w.end, text: w.lower };
}

/**
 * `“…,” read the email.`, `“…,” it read.`, `“…,” the notice reads.`: right after a quote that ends its
 * clause, "read" with a subject (a pronoun or a determiner-led phrase) gives the text that says it.
 */
function readAfter(ctx: AttributionContext, q: RawQuote, words: Word[], limit: number): Attribution | null {
  const { text } = ctx;
  if (!/[,?!]$/.test(text.slice(q.start, q.end)) && text[q.close] !== ',') return null;
  if (!/^[\s,”"]*$/.test(text.slice(q.close, words[0].start))) return null;
  const isRead = (w: Word | undefined): boolean => !!w && /^(?:read|reads)$/.test(w.text);
  if (isRead(words[0])) {
    const bare = bareQuantifier(text, words[1]);
    if (bare) return { speaker: bare.text, speakerMention: bare, cue: words[0].text, rule: 'inverted-quantifier' };
    const subj = subjectAfter(ctx, words, 1, limit);
    const a = subj && DETERMINERS.has(words[1].lower) ? resolveSubject(ctx, subj, q.paragraph) : null;
    return a ? withRule(a, 'read', words[0].text) : null;
  }
  const k = words.findIndex((w) => isRead(w));
  if (k < 1 || k > 5 || !/^\s*[.,]/.test(text.slice(words[k].end, words[k].end + 2))) return null;
  if (!words.slice(0, k).every((w, i) => i === 0 || gapIsSpace(text, words[i - 1], w))) return null;
  const span = { start: words[0].start, end: words[k - 1].end };
  if (k === 1 && words[0].lower === 'it') return { speaker: null, speakerMention: span, cue: words[k].text, rule: 'read' };
  if (!DETERMINERS.has(words[0].lower) || words.slice(1, k).some((w) => NP_BREAKERS.has(w.lower) || (isCue(w.lower) && !NOUN_LIKE_CUES.has(w.lower)))) return null;
  const a = resolveSubject(ctx, span, q.paragraph);
  return a ? withRule(a, 'read', words[k].text) : null;
}

/**
 * `“…” in the county, she said in an interview.`, `“…” from roads to schools, Ann Lee said Tuesday, noting …`:
 * later in the sentence the quote ends, after a comma, a pronoun or a named person and a plain verb of
 * saying (whatever follows the verb) attribute the quote.
 */
function laterClauseSaid(ctx: AttributionContext, q: RawQuote, limit: number): Attribution | null {
  const { text } = ctx;
  const rest = text.slice(q.close, limit);
  if (/[“”"]/.test(rest)) return null;
  const re = /,\s+(he|she|[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3})\s+(?:(?:also|later|then)\s+)?(said|says|added|adds|told|tells|wrote|writes|explained|noted|argued|recalled|insisted|warned)\b/gu;
  let found: RegExpExecArray | null = null;
  for (let m = re.exec(rest); m; m = re.exec(rest)) found = m;
  if (!found) return titledLaterClauseSaid(ctx, q, rest);
  const at = q.close + found.index + found[0].indexOf(found[1]);
  const lower = found[1].toLowerCase();
  if (PRONOUNS.has(lower)) {
    const span = { start: at, end: at + found[1].length };
    return { speaker: resolvePronoun(ctx, lower, at, q.paragraph), speakerMention: span, cue: found[2], rule: 'later-clause' };
  }
  const m = ctx.people.mentionAt.get(at);
  if (!m || !m.name || m.end !== at + found[1].length) {
    // "…, Mr. Turry said.", "…, Dr. Ann Lee added.": an honorific or a title before the name is no part of
    // its mention (which starts after it). PolNeAR train: 2 right (1 here, 1 carried to the next quote),
    // 0 wrong added.
    const honorific = /^(?:\p{Lu}\p{Ll}{1,3}\.\s+)+/u.exec(found[1]);
    const titled = honorific && HONORIFICS.has(honorific[0].trim().split(/\s+/)[0].toLowerCase()) ? ctx.people.mentionAt.get(at + honorific[0].length) : undefined;
    if (!titled || !titled.name || titled.end !== at + found[1].length) return null;
    return { speaker: titled.name, speakerMention: { start: titled.start, end: titled.end }, cue: found[2], rule: 'later-clause-honorific' };
  }
  return { speaker: m.name, speakerMention: { start: m.start, end: m.end }, cue: found[2], rule: 'later-clause' };
}

/**
 * `… a “fair deal,” as Ann Lee said on Monday, …`, `… “late again” — as described by the harbor master — …`: an
 * "as" clause of saying a few plain words after the quote gives its speaker.
 */
function asSaidAfter(ctx: AttributionContext, q: RawQuote, limit: number): Attribution | null {
  const { text } = ctx;
  if (!q.closed) return null;
  // (Most quotes have no "as" after them: a look at the next few words' text before reading them.)
  const near = Math.min(limit, q.close + 80);
  if (!/\bas\s/.test(text.slice(q.close, near))) return null;
  const words = wordsIn(text, q.close, Math.min(limit, q.close + 160)).slice(0, 14);
  const a = words.findIndex((w, i) => i < 8 && w.lower === 'as');
  if (a < 0 || a + 2 >= words.length || /[“”"!?;:()]|[.]\s/.test(text.slice(q.close, words[a].start))) return null;
  if (/^(?:described|called|put|noted|reported|characterized|characterised)$/.test(words[a + 1].lower) && words[a + 2].lower === 'by') {
    const subj = subjectAfter(ctx, words, a + 3, limit);
    const r = subj ? resolveSubject(ctx, subj, q.paragraph) : null;
    return r ? withRule(r, 'as-said-after', words[a + 1].text) : null;
  }
  for (let k = a + 2; k < Math.min(words.length, a + 8); k++) {
    if (!isCueWord(words[k]) || /ing$/.test(words[k].lower) || NOUN_LIKE_CUES.has(words[k].lower)) continue;
    const subj = subjectBefore(ctx, words, k);
    if (!subj || subj.start !== words[a + 1].start) return null;
    const r = resolveSubject(ctx, subj, q.paragraph);
    return r && isPersonOrPronoun(ctx, r) ? withRule(r, 'as-said-after', words[k].text) : null;
  }
  return null;
}

/**
 * `“…” for the fleet, harbor pilot Mara Quill said.`: as laterClauseSaid, with a title of lower-case role
 * words before the named person ("county engineer", "Republican candidate").
 */
function titledLaterClauseSaid(ctx: AttributionContext, q: RawQuote, rest: string): Attribution | null {
  const re = /,\s+((?:[\p{L}.'’-]+\s+){1,6}?)(?:(?:also|later|then)\s+)?(said|says|added|adds|told|tells|wrote|writes|explained|noted|argued|recalled|insisted|warned)\b/gu;
  let found: RegExpExecArray | null = null;
  for (let m = re.exec(rest); m; m = re.exec(rest)) found = m;
  if (!found) return null;
  const at = q.close + found.index + found[0].indexOf(found[1]);
  const end = at + found[1].trimEnd().length;
  const m = mentionsIn(ctx, at, end).find((x) => x.end === end && x.name);
  if (!m || m.start === at) return null;
  const title = wordsIn(ctx.text, at, m.start);
  if (title.length === 0 || !title.some((w) => /^\p{Ll}/u.test(w.text)) || !title.every((w) => /^\p{Lu}/u.test(w.text) || ROLE_WORDS.has(w.lower) || DESCRIPTION_WORDS.has(w.lower))) return null;
  return { speaker: m.name, speakerMention: { start: m.start, end: m.end }, cue: found[2], rule: 'later-clause-titled' };
}

/**
 * `“…,” Ruiz barked.`, `“…!” he guessed.`, `“…!” beamed Ann Lee.`: right after a quote that ends its
 * clause, a person or pronoun and a past-tense verb that end the sentence (or run on with "and") attribute
 * the quote whatever the verb.
 */
function anyVerbAfter(ctx: AttributionContext, q: RawQuote, words: Word[]): Attribution | null {
  const { text } = ctx;
  if (!/[,?!]$/.test(text.slice(q.start, q.end)) || !/^[\s”"]*$/.test(text.slice(q.end, words[0].start).replace(/^[”"]/, ''))) return null;
  const isVerb = (w: Word | undefined): boolean => !!w && /^\p{Ll}+ed$/u.test(w.text) && !NP_BREAKERS.has(w.lower);
  const ends = (w: Word, next: Word | undefined): boolean => /^\s*[.,!?]/.test(text.slice(w.end, w.end + 3)) || next?.lower === 'and';
  const person = (i: number): { span: Span; name: string | null; last: number } | null => {
    const w = words[i];
    if (!w) return null;
    if (PRONOUNS.has(w.lower) && w.lower !== 'it' && w.lower !== 'they') return { span: { start: w.start, end: w.end }, name: resolvePronoun(ctx, w.lower, w.start, q.paragraph), last: i };
    const m = ctx.people.mentionAt.get(w.start);
    if (!m || !m.name) return null;
    let last = i;
    while (last + 1 < words.length && words[last + 1].end <= m.end) last++;
    return { span: { start: m.start, end: m.end }, name: m.name, last };
  };
  // "“…,” it recommended.", "“…,” they insisted.": an organisation or a group as a pronoun, right after the quote,
  // with a past-tense verb ending the sentence (the pronoun is the mention; no name is resolved for it). Not a
  // verb of seeming or happening ("“…,” it seemed."): "it" is then no one. PolNeAR train: 2 right, 0 wrong added.
  const w0 = words[0];
  if (/^(?:it|they)$/.test(w0.lower) && isVerb(words[1]) && !NOT_SAYING_AFTER_IT.test(words[1].lower) && ends(words[1], words[2])) return { speaker: null, speakerMention: { start: w0.start, end: w0.end }, cue: words[1].text, rule: 'any-verb-after-it' };
  // ("“…,” an angry Ann Lee retaliated.": an article and an adjective may stand before the name.)
  const p = person(0) ?? (/^(?:a|an|the)$/.test(w0.lower) && words[1] && /^\p{Ll}+$/u.test(words[1].text) && !NP_BREAKERS.has(words[1].lower) && gapIsSpace(text, w0, words[1]) && words[2] && gapIsSpace(text, words[1], words[2]) ? person(2) : null);
  if (p && isVerb(words[p.last + 1]) && ends(words[p.last + 1], words[p.last + 2])) return { speaker: p.name, speakerMention: p.span, cue: words[p.last + 1].text, rule: 'any-verb-after' };
  const inv = isVerb(words[0]) ? person(1) : null;
  // (An inverted name may be followed by where the person is from: "beamed Ann Lee of Dover, who …".)
  if (inv && (ends(words[inv.last], words[inv.last + 1]) || /^\s+of\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*\s*[,.]/u.test(text.slice(words[inv.last].end, words[inv.last].end + 60)))) return { speaker: inv.name, speakerMention: inv.span, cue: words[0].text, rule: 'any-verb-after' };
  return null;
}

/**
 * `“… it.” Lee said.`, `“… ago.” She said on Monday.`: a quote that ends its own sentence, followed by a
 * short sentence of nothing but a named person or a pronoun, a plain verb of saying and perhaps a day or a
 * prepositional phrase, is that person's. PolNeAR train: 2 speakers right, 0 wrong added.
 */
function saidSentenceAfter(ctx: AttributionContext, q: RawQuote): Attribution | null {
  const { text } = ctx;
  if (!q.closed || !/[.…]$/.test(text.slice(q.start, q.end))) return null;
  const m = /^[^\S\n]+(\p{Lu}[\p{L}.'’-]*(?:[^\S\n]+\p{Lu}[\p{L}.'’-]*){0,3})[^\S\n]+(said|says|added|adds|wrote|writes|explained|continued|recalled|noted|told reporters)(?:[^\S\n]+(?:on[^\S\n]+)?\p{Lu}\p{Ll}+day)?(?:[^\S\n]+(?:on|in|at|during|to|after|before|from|of|about)[^\S\n][^“”"\n.!?]{0,60})?\./u.exec(text.slice(q.close, q.close + 160));
  if (!m) return null;
  const at = q.close + m[0].indexOf(m[1]);
  const lower = m[1].toLowerCase();
  if (PRONOUNS.has(lower)) {
    if (lower === 'it' || lower === 'they') return null;
    return { speaker: resolvePronoun(ctx, lower, at, q.paragraph), speakerMention: { start: at, end: at + m[1].length }, cue: m[2], rule: 'said-sentence-after' };
  }
  const mm = ctx.people.mentionAt.get(at);
  if (!mm || !mm.name || mm.end !== at + m[1].length) return null;
  return { speaker: mm.name, speakerMention: { start: mm.start, end: mm.end }, cue: m[2], rule: 'said-sentence-after' };
}

/**
 * `“…”` as a paragraph of its own, then `— Mara Quill.` (or `- Mara Quill, at the dock.`) as a short
 * paragraph: the signature below the quote names its speaker.
 */
function signedBelow(ctx: AttributionContext, q: RawQuote): Attribution | null {
  const { text } = ctx;
  const para = ctx.paragraphs[q.paragraph];
  const nextPara = ctx.paragraphs[q.paragraph + 1];
  if (!q.closed || !nextPara || q.open !== paragraphOpen(text, para) || !/^[\s.,”"’]*$/.test(text.slice(q.close, para.end))) return null;
  const line = text.slice(nextPara.start, nextPara.end);
  const m = /^\s*[-―—–][^\S\n]*(\p{Lu}[\p{L}.'’-]*(?:[^\S\n]+\p{Lu}[\p{L}.'’-]*){0,4})[^\S\n]*(?:[.,][^\n]*)?$/u.exec(line);
  if (!m || line.trim().length > 80) return null;
  const start = nextPara.start + m[0].indexOf(m[1]);
  const mm = ctx.people.mentionAt.get(start);
  const span = mm && mm.name ? { start: mm.start, end: mm.end } : { start, end: start + m[1].replace(/[.'’-]+$/u, '').length };
  return { speaker: mm?.name ?? text.slice(span.start, span.end), speakerMention: span, cue: '—', rule: 'signed' };
}

/** The end of a text before a group that a poll measures: "75 percent of", "31% of likely", "six in 10". */
const SHARE_OF = /(?:\d\s*%|\d\s+percent|\bpercent|\bin\s+(?:10|ten|\d+)|\bmajority|\bhalf|\bthird|\bquarter|\bfifth)(?:\s+of)?(?:\s+(?:the|all|likely|registered|those|these)\b)*\s+$/i;

/** What lies between a named person and a relative "who" naming them: an appositive or a place, then a comma. */
const WHO_APPOSITIVE = /^(?:\s*\([^()]{1,30}\))?(?:,[^,“”"();:]{1,100}|\s+of\s+\p{Lu}[^,“”"();:]{0,40})?,\s*$/u;

/** Discourse adverbs set off by commas between a subject and its verb ("Lee, however, said"). */
const ASIDES = new Set('however though too meanwhile also instead moreover nonetheless nevertheless meantime likewise similarly'.split(' '));

/** Set phrases set off by commas between a subject and its verb ("Lee, once again, said"). */
const ASIDE_PHRASES = new Set(['once again', 'in turn', 'for example', 'for instance', 'in fact', 'of course', 'for his part', 'for her part', 'for its part', 'for their part', 'in response', 'in addition', 'at times', 'at least']);

/** The last words of ASIDE_PHRASES (words hold no spaces: a phrase of words ends in one of these). */
const ASIDE_PHRASE_ENDS = new Set([...ASIDE_PHRASES].map((p) => p.slice(p.lastIndexOf(' ') + 1)));

/** Prepositions and comparatives that open a phrase, never a speaker's. */
const PREPOSITIONS = new Set('over than during into about against like under upon through between among across toward towards without within despite per via amid unlike beyond onto near'.split(' '));

/** Words that end the head of a speaker's noun phrase: what follows them only describes it. */
const POST_MODIFIERS = new Set(['of', 'for', 'at', 'from', 'with', 'in', 'on', 'who', 'whose', 'which', 'and', 'to', 'since']);

/**
 * `“…,” CBS anchor Dee Moran said`, `“…,” a spokesman for the committee said`, `“…,” Ann Lee of the
 * Cato Institute wrote`, `“…,” Ann Lee, who led the panel, said`: the speaker's noun phrase runs from the
 * closing mark to the first cue; its head is the part before a comma or a post-modifier (of, for, who …).
 * The speaker is a person named at the end of the head, else the head itself as a description.
 */
function headBeforeCue(ctx: AttributionContext, q: RawQuote, limit: number): Attribution | null {
  const { text } = ctx;
  // The quote ends its clause: “…,” / “…?” / “…!” / “…”,
  if (!/[,?!]$/.test(text.slice(q.start, q.end)) && text[q.close] !== ',') return null;
  const words = wordsIn(text, q.close, limit).slice(0, 30);
  // "reads" and "states" are verbs here ("“…,” the sign reads.") when they end the clause.
  const k = words.findIndex((w, i) => (isCueWord(w) && !inWhoAside(text, words, i)) || (i > 0 && /^(?:reads|states)$/.test(w.lower) && /^\s*[.,]/.test(text.slice(w.end, w.end + 2))));
  if (k < 1) return null;
  if (/[—–(;:]/.test(text.slice(q.close, words[k].start)) || PRONOUNS.has(words[0].lower) || CLAUSE_OPENERS.has(words[0].lower)) return null;
  let cut = k;
  for (let i = 1; i < k; i++) {
    const gap = text.slice(words[i - 1].end, words[i].start);
    if (/,/.test(gap) || POST_MODIFIERS.has(words[i].lower)) {
      // "the soft-spoken, 64-year-old engineer said": a comma inside the phrase, not an appositive.
      if (/,/.test(gap) && !/,/.test(text.slice(words[i].start, words[k].start)) && !ctx.people.mentionAt.has(words[0].start)) return null;
      cut = i;
      break;
    }
    if (!/^\s+$/.test(gap) && !/^['’]s?\s+$/.test(gap)) return null;
  }
  if (cut > 8) return null;
  const head = words.slice(0, cut);
  // A phrase ends in its noun, never in a determiner ("Lee seized upon the reference": "reference" is no verb).
  if (/^(?:the|a|an|his|her|its|their)$/.test(head[head.length - 1].lower)) return null;
  for (let i = 0; i < head.length; i++) {
    const w = head[i];
    if (PRONOUNS.has(w.lower) || (NP_BREAKERS.has(w.lower) && !(i === 0 && DETERMINERS.has(w.lower)))) return null;
  }
  // Between the head and the cue: an appositive or a post-modifier, never a second subject and verb.
  if (words.slice(cut, k).some((w) => PRONOUNS.has(w.lower))) return null;
  const span = { start: head[0].start, end: head[head.length - 1].end };
  const m = mentionsIn(ctx, span.start, span.end).filter((x) => x.end === span.end && x.name).pop();
  // (A verb of a relative clause set off by commas was passed over: 'who-aside'.)
  const headRule = words.slice(0, k).some((w) => isCueWord(w)) ? 'who-aside' : 'after-head';
  if (m) return { speaker: m.name, speakerMention: { start: m.start, end: m.end }, cue: words[k].text, rule: headRule };
  if (mentionsIn(ctx, span.start, span.end).length > 0) {
    // "Clinton aides": a name modifying a description is not the speaker.
    const phrase = text.slice(span.start, span.end);
    return { speaker: phrase.replace(/^(?:The|A|An)\s/, (d) => d.toLowerCase()), speakerMention: span, cue: words[k].text, rule: headRule };
  }
  // A description must look like one: "a spokesman", "the Cato Institute", never "giving …" or "part of …".
  if (!(DETERMINERS.has(head[0].lower) && head[0].lower !== 'that' && head[0].lower !== 'this') && !/^\p{Lu}/u.test(head[0].text)) return null;
  if (head.some((w) => /^\p{Ll}+ing$/u.test(w.text))) return null;
  const last = head[head.length - 1].lower.replace(/['’]s$/, '');
  // "“…,” a narrator in the video says.": after a quote that opens its sentence, a phrase with a
  // determiner and a plain verb of saying is the speaker, whatever its head word.
  const opensSentence = /(?:^|[.!?]["”’]?\s)\s*$/.test(text.slice(Math.max(ctx.paragraphs[q.paragraph].start, q.open - 4), q.open));
  const plainSaid = opensSentence && DETERMINERS.has(head[0].lower) && !/,/.test(text.slice(span.end, words[k].start)) && /^(?:said|says|say|wrote|writes|write|reads|read|states|stated|asked|asks|ask|added|adds|add|told|tells|tell)$/.test(words[k].lower);
  const speaks = plainSaid || DESCRIPTION_WORDS.has(last) || PERSON_HEADS.has(last) || ROLE_WORDS.has(last) || ROLE_WORDS.has(last.replace(/s$/, '')) || (head.length >= 2 && head.every((w) => /^\p{Lu}/u.test(w.text)));
  if (!speaks) return null;
  const a = resolveSubject(ctx, span, q.paragraph);
  return a ? withRule(a, headRule, words[k].text) : null;
}

/** `… “the last straw” for the union, said Ann Lee, a party leader.`: the sentence ends with its attribution. */
function saidAtSentenceEnd(ctx: AttributionContext, q: RawQuote, limit: number): Attribution | null {
  const { text } = ctx;
  const rest = text.slice(q.close, limit);
  if (/[“”"]/.test(rest)) return null;
  // The sentence must end there, not run on into the next quote ("…, said the days when the nation had “…”").
  if (/^[“"‘']/.test(text.slice(limit, limit + 1))) return null;
  // (A name and up to three appositives may follow, with abbreviations and initials in them: "said the
  // bureau's director, James B. Comey, on Monday.", "says Ann Lee, a consultant in Alexandria, Va.", "said
  // Ann Lee, who teaches at a college in St. Louis.". PolNeAR train: 6 right (5 here, 1 shared with an earlier
  // quote of the sentence), 0 wrong added.)
  // Inverted order ("said Ann Lee") comes with few verbs; "…, cited his record" is another clause.
  const m = /,\s+(said|says|added|adds|wrote|writes|noted|notes|explained|explains|asked|asks|told|tells)\s+(?:[^,.;:]|\p{Lu}\p{Ll}{0,3}\.(?=\s))+(?:,(?:[^,.;:]|\p{Lu}\p{Ll}{0,3}\.(?=\s))+){0,3},?[.!?]?\s*$/u.exec(rest);
  if (!m) return null;
  const at = q.close + m.index + m[0].indexOf(m[1]);
  const words = wordsIn(text, at, limit);
  const subj = subjectAfter(ctx, words, 1, limit);
  if (!subj) return null;
  const a = resolveSubject(ctx, subj, q.paragraph);
  return a ? withRule(a, 'after-said-end', words[0].text) : null;
}

/**
 * Verbs of speech whose next words are their object, never an inverted subject: in "“…,” thanked Barack
 * Obama for …" Obama is thanked, he does not speak.
 */
const OBJECT_FIRST_CUES = new Set(
  `thanked thanks praised praises blamed blames condemned condemns urged urges slammed slams blasted blasts accused
   accuses criticized criticizes criticised criticises attacked attacks called calls invoked invokes highlighted
   highlights decried decries commended commends applauded applauds mocked mocks ridiculed ridicules rebuked rebukes
   scolded scolds chided chides congratulated congratulates reminded reminds`.split(/\s+/),
);

/** "and has repeatedly warned", "but later said": "and" or "but", then one or two auxiliaries or adverbs, then `words[k]`. */
function coordinatedAfterAdverbs(text: string, words: Word[], k: number): boolean {
  let j = k - 1;
  while (j >= 0 && k - j <= 2 && /^\p{Ll}+$/u.test(words[j].text) && (ADVERBS.has(words[j].lower) || adverbLike(words[j].text)) && gapIsSpace(text, words[j], words[j + 1])) j--;
  if (!(j >= 0 && j < k - 1 && /^(?:and|but)$/.test(words[j].lower) && gapIsSpace(text, words[j], words[j + 1]))) return false;
  // The verb may be joined to a subordinate or relative clause's own verb ("when he arrived and later said",
  // "Lee, who backs the plan but has since said"): only a plain main clause shares the sentence's subject.
  return !words.slice(0, j).some((w) => SUBORDINATORS.has(w.lower) || /^(?:who|whom|whose|which|that|what|he|she|they|it)$/.test(w.lower));
}

/**
 * The subject of the last clause of `words` when a comma opens it: a named person or a pronoun right after
 * the comma, then a lower-case verb ("…, Lee fired back forcefully", "…, he returned to his lines"), and no
 * other name, pronoun or clause opener in the clause.
 */
function lastClauseSubject(ctx: AttributionContext, words: Word[]): Span | null {
  const { text } = ctx;
  let c = words.length - 1;
  while (c > 0 && !/,\s*$/.test(text.slice(words[c - 1].end, words[c].start))) c--;
  if (c <= 0 || words.length - c > 12) return null;
  const w = words[c];
  let end = c;
  let span: Span;
  if (/^(?:he|she)$/.test(w.lower)) span = { start: w.start, end: w.end };
  else {
    const m = ctx.people.mentionAt.get(w.start);
    if (!m || !m.name) return null;
    while (end + 1 < words.length && words[end + 1].end <= m.end) end++;
    span = { start: m.start, end: m.end };
  }
  const v = words[end + 1];
  if (!v || !gapIsSpace(text, words[end], v) || !/^\p{Ll}+$/u.test(v.text) || NP_BREAKERS.has(v.lower)) return null;
  const rest = words.slice(end + 1);
  if (rest.some((x) => PRONOUNS.has(x.lower) || SUBORDINATORS.has(x.lower) || /^(?:who|whom|whose|which|that|what)$/.test(x.lower))) return null;
  if (mentionsIn(ctx, span.end, words[words.length - 1].end).some((m) => m.name)) return null;
  return span;
}

/**
 * `The plan has been called “a lifeline” by Ann Lee, …`, `… often labeled as a “land grab” by critics`: a
 * passive verb of naming right before the quote and "by" right after it name who said it.
 */
function passiveAgent(ctx: AttributionContext, q: RawQuote, from: number, limit: number): Attribution | null {
  const { text } = ctx;
  if (!q.closed) return null;
  const before = wordsIn(text, from, q.open);
  let k = before.length - 1;
  if (k >= 0 && /^(?:a|an|the)$/.test(before[k].lower)) k--;
  if (k >= 0 && before[k].lower === 'as') k--;
  if (k < 1 || !/^(?:called|labeled|labelled|dubbed|described|branded|termed|deemed|characterized|characterised)$/.test(before[k].lower)) return null;
  let j = k - 1;
  while (j > 0 && (adverbLike(before[j].text) || (ADVERBS.has(before[j].lower) && !/^(?:is|was|has|had|have)$/.test(before[j].lower)))) j--;
  // (Or a reduced clause after a comma or a dash: "…, often labeled as a “…” by critics".)
  if (!/^(?:is|are|was|were|be|been|being)$/.test(before[j].lower) && !/[,—–]\s*$/.test(text.slice(before[j].end, before[j + 1].start))) return null;
  const m = /^[^\S\n]*,?[^\S\n]*by[^\S\n]+/.exec(text.slice(q.close, limit));
  if (!m) return null;
  const after = wordsIn(text, q.close + m[0].length, limit);
  const subj = subjectAfter(ctx, after, 0, limit);
  const a = subj ? resolveSubject(ctx, subj, q.paragraph) : null;
  return a ? withRule(a, 'passive-agent', before[k].text) : null;
}

/** Past tenses that "it" or "they" take without saying anything ("“…,” it seemed."). */
const NOT_SAYING_AFTER_IT = /^(?:seemed|appeared|happened|worked|failed|mattered|helped|passed|ended|started|followed|lasted|changed|sounded|looked|felt|showed|turned|continued|remained|stayed|existed|succeeded|backfired)$/;

/** Things that bear writing and "say" or "read" it themselves ("a sign saying", "T-shirts reading"). */
const WRITTEN_THINGS = /^(?:signs?|banners?|placards?|posters?|shirts?|t-shirts?|hats?|caps?|buttons?|stickers?|billboards?|headlines?)$/;

/** Verbs that with "back" make a retort ("shot back", "fired back"). */
const SHOT = /^(?:shot|shoots|fired|fires|hit|hits)$/;

/** Plain verbs of saying that introduce a quote right after them ("said, “…”"). */
const DIRECT_SAYING = /^(?:said|says|told|tells|added|adds|asked|asks|wrote|writes|replied|replies|responded|responds|explained|explains|declared|declares|stated|states|remarked|remarks|quipped|quips|joked|jokes|exclaimed|exclaims|answered|answers)$/;

/** Nouns of something said that a possessive pronoun can own ("her remark that “…”", "his call for “…”"). */
const OWNED_SPEECH = /^(?:remarks?|comments?|calls?|claims?|promises?|pledges?|vows?|assertions?|statements?|slogans?|warnings?|declarations?|boasts?|insistence|argument|contention|demands?|accusations?|refrain|mantra)$/;

/**
 * `… over her remark that “…”`, `… with his call for “…”`, `… after her March comment that, “…”`: after a
 * preposition, a possessive pronoun owning a noun of something said, a few words before the quote, is its speaker.
 */
function possessiveSpeech(ctx: AttributionContext, q: RawQuote, words: Word[]): Attribution | null {
  const { text } = ctx;
  for (let k = words.length - 1; k >= Math.max(1, words.length - 4); k--) {
    if (!OWNED_SPEECH.test(words[k].lower)) continue;
    // Between the noun and the quote: "that", "of", "for", "to" and a verb, an article.
    const rest = words.slice(k + 1);
    if (!rest.every((w) => /^(?:that|of|for|to|be|end|the|a|an)$/.test(w.lower)) || /[.;:()—–]/.test(text.slice(words[k].end, q.open))) return null;
    // The possessive, perhaps with one modifier in between ("her March comment").
    let p = k - 1;
    if (p >= 1 && !/^(?:his|her|their)$/.test(words[p].lower) && /^(?:his|her|their)$/.test(words[p - 1].lower) && !isCue(words[p].lower)) p--;
    const w = words[p];
    if (!/^(?:his|her|their)$/.test(w.lower) || !words.slice(p, k + 1).every((x, i) => i === 0 || gapIsSpace(text, words[p + i - 1], x))) return null;
    // Only after a preposition or "and" ("over her remark", "with his calls"): the object of a verb ("Lee
    // repeated her claim that “…”") has the verb's subject as its speaker.
    if (p === 0 || !/^(?:over|after|with|including|and|about|for|by|on|of|despite|amid|from|in|against|at|following|before|since|like)$/.test(words[p - 1].lower)) return null;
    const pronoun = w.lower === 'his' ? 'he' : w.lower === 'her' ? 'she' : 'they';
    return { speaker: resolvePronoun(ctx, pronoun, w.start, q.paragraph), speakerMention: { start: w.start, end: w.end }, cue: words[k].text, rule: 'possessive-speech' };
  }
  return null;
}

/** Attribution before the opening mark within its sentence: `Price said:`, `said the talks “…`, `described … as “…`. */
function attributionBefore(ctx: AttributionContext, q: RawQuote, from: number, sentenceStart = from): Attribution | null {
  const { text } = ctx;
  // A participle after an earlier quote of the sentence ("… of “small-town values,” saying …") has the
  // subject that opens the sentence, before that quote.
  const subjectOfSentence = (words: Word[], k: number): Span | null => {
    const own = sentenceSubject(ctx, words, k);
    if (own || sentenceStart >= from) return own;
    const all = wordsIn(text, sentenceStart, q.open);
    const idx = firstStartingAt(all, words[k].start);
    // Only when the sentence before that quote holds no cue (else that cue's speaker is the one to follow).
    // ("a class called “…”", "a memo titled “…”": a participle naming a thing right before a quote is no one's cue.)
    if (all.some((w) => w.start < words[k].start && isCueWord(w) && !NOUN_LIKE_CUES.has(w.lower) && !(/^(?:called|titled|entitled|named|dubbed)$/.test(w.lower) && /^\s*[“"]/.test(text.slice(w.end, w.end + 3)) && !PRONOUNS.has(all[all.indexOf(w) - 1]?.lower ?? '')))) return null;
    const ss = sentenceSubject(ctx, all, idx);
    return ss && ss.end <= from ? ss : null;
  };
  const words = wordsIn(text, from, q.open);
  // "Lee tweaked the plan when she announced the vote, calling Ruiz “…”", "…, and he has fought the board, at
  // one point calling it “…”": a participle closing a clause with a "he" or "she" of its own (after "and",
  // "but" or a subordinator) has that pronoun for subject; PolNeAR marks that nearer mention. The speaker stays
  // the sentence subject's, whom such a pronoun goes on naming. (Not "Lee says if he …": a clause a verb of
  // saying reports.)
  const nearerPronoun = (subj: Span, k: number): Attribution | null => {
    for (let j = k - 1; j > 0 && words[j].start >= subj.end; j--) {
      if (!/^(?:he|she)$/.test(words[j].lower)) continue;
      if (!/^(?:and|but|when|as|while|because|though|although)$/.test(words[j - 1].lower) || !gapIsSpace(text, words[j - 1], words[j]) || (j >= 2 && isCueWord(words[j - 2]))) return null;
      const a = resolveSubject(ctx, subj, q.paragraph);
      if (!a || !a.speaker || !ctx.people.mentionAt.get(subj.start)?.name) return null;
      return withRule({ speaker: a.speaker, speakerMention: { start: words[j].start, end: words[j].end }, cue: null }, 'nearer-pronoun', words[k].text);
    }
    return null;
  };
  // "…, in the Gazette’s words, “…”", "…, in the words of a senior aide, “…”": the words right after are that
  // one's. (Not "in her words": PolNeAR marks the clause's subject for a pronoun, which the other rules find.)
  const n0 = words.length;
  if (n0 >= 3 && /^\s*,?\s*$/.test(text.slice(words[n0 - 1].end, q.open))) {
    let np: Span | null = null;
    let ofAt = -1;
    for (let i = Math.max(0, n0 - 10); i + 4 < n0 && ofAt < 0; i++) if (words[i].lower === 'in' && words[i + 1].lower === 'the' && words[i + 2].lower === 'words' && words[i + 3].lower === 'of') ofAt = i;
    if (ofAt >= 0) np = { start: words[ofAt + 4].start, end: words[n0 - 1].end };
    else if (words[n0 - 1].lower === 'words' && (/^['’]s?\s+$/.test(text.slice(words[n0 - 2].end, words[n0 - 1].start)) || (/['’]s$/.test(words[n0 - 2].text) && gapIsSpace(text, words[n0 - 2], words[n0 - 1])))) {
      let i = n0 - 3;
      while (i >= Math.max(0, n0 - 6) && words[i].lower !== 'in' && gapIsSpace(text, words[i], words[i + 1])) i--;
      if (i >= 0 && words[i].lower === 'in' && gapIsSpace(text, words[i], words[i + 1]) && !/^(?:his|her|their|its|my|our|your)$/.test(words[i + 1].lower)) np = { start: words[i + 1].start, end: words[n0 - 2].end };
    }
    const a = np && !/[,;:“”"()]/.test(text.slice(np.start, np.end)) ? resolveSubject(ctx, np, q.paragraph) : null;
    if (a) return withRule(a, 'in-words', 'words');
  }
  // "According to X, …"
  for (let k = 0; k + 1 < words.length; k++) {
    if (words[k].lower === 'according' && words[k + 1].lower === 'to') {
      const subj = subjectAfter(ctx, words, k + 2, q.open);
      if (subj) return withCue(resolveSubject(ctx, subj, q.paragraph), 'according to');
    }
  }
  for (let k = words.length - 1; k >= 0; k--) {
    // "Lee shot back, “…”", "Lee fired back that “…”": a retort; its subject is the verb's before "back". (Not
    // "fired back at the boat": only a retort leading straight into its words, perhaps by "that" or an adverb.)
    const backCue = words[k].lower === 'back' && k > 0 && SHOT.test(words[k - 1].lower) && gapIsSpace(text, words[k - 1], words[k]) && (k + 1 === words.length || /^(?:that|\p{Ll}+ly)$/u.test(words[k + 1].lower));
    if (!isCueWord(words[k]) && !backCue) continue;
    let embeddedDirect = false;
    // Too far from the quote: the cue belongs to something else. A person's "NAME said …" reaches up to 40
    // words when nothing in between could start another attribution (no other cue, no new clause).
    if (words.length - k > 20) {
      if (words.length - k > 40 || /ing$/.test(words[k].lower)) break;
      const rest = words.slice(k + 1);
      const gap = text.slice(words[k].end, q.open);
      if (rest.some((w) => isCueWord(w)) || /[;—–()]|--/.test(gap) || /,\s+(?:and|but|while|as|when)\s+(?:\p{Lu}|he\b|she\b|they\b)/u.test(gap)) break;
      const subj = subjectBefore(ctx, words, k);
      const a = subj && !embedded(words, subj) ? resolveSubject(ctx, subj, q.paragraph) : null;
      if (a && isPersonOrPronoun(ctx, a) && opensClause(ctx, words, firstStartingAt(words, subj!.start))) return withRule(a, 'before-far', words[k].text);
      break;
    }
    // "the so called “reform”": "so called" is "so-called", no verb.
    if (words[k].lower === 'called' && k > 0 && words[k - 1].lower === 'so') continue;
    // "After Ruiz criticized the plan, Lee shot back, “…”": a verb in a subordinate clause opening the
    // sentence does not reach past the main clause's own subject and verb.
    if (SUBORDINATORS.has(words[0].lower) && /^\p{Lu}/u.test(words[0].text) && mainClauseBetween(ctx, words, k)) break;
    // "…, with Ann Lee calling it “…”", "With the harbor board warning that “…”": an absolute phrase; the
    // participle's own subject is the phrase between "with" and it, not the sentence's.
    // (Only after a comma or opening the sentence: "stuck with Lee talking about …" is an object.)
    if (k >= 2 && /ing$/.test(words[k].lower)) {
      let j = k - 1;
      while (j > 0 && k - j <= 7 && words[j].lower !== 'with' && gapIsSpace(text, words[j], words[j + 1])) j--;
      if (words[j].lower === 'with' && j < k - 1 && (j === 0 || /,\s*$/.test(text.slice(words[j - 1].end, words[j].start))) && gapIsSpace(text, words[j], words[j + 1]) && !words.slice(j + 1, k).some((w) => isCueWord(w) || /^(?:and|or|but|which|that|who)$/.test(w.lower))) {
        const a = resolveSubject(ctx, { start: words[j + 1].start, end: words[k - 1].end }, q.paragraph);
        if (a) return withRule(a, 'with-participle', words[k].text);
      }
    }
    let subj = subjectBefore(ctx, words, backCue ? k - 1 : k);
    let placeRule = false;
    let prepWhichRule = false;
    let titledRule = false;
    // "Ruiz went on to say", "Lee wanted to know": the subject of the verb governing "to".
    if (!subj && k >= 2 && words[k - 1].lower === 'to') {
      const gov = words[k - 2].lower === 'on' && k >= 3 ? k - 3 : k - 2;
      if (/^(?:went|goes|go|wanted|wants|want|tried|tries|began|begins|continued|continues|appeared|seemed|hastened|rushed|moved|sought|seeks)$/.test(words[gov].lower) && (gov === k - 2) === !/^(?:went|goes|go)$/.test(words[gov].lower)) subj = subjectBefore(ctx, words, gov);
    }
    // "in a later interview said", "an email to his supporters notes": a phrase right after a preposition is
    // its object, not the verb's subject.
    if (subj) {
      const si = firstStartingAt(words, subj.start);
      if (si > 0 && /^(?:in|to|at|than|into|onto|toward|towards)$/.test(words[si - 1].lower) && gapIsSpace(text, words[si - 1], words[si])) {
        // "When someone in the audience shouted", "a man at the rally yelled": a person's phrase and where they
        // were, opening the clause, is the subject.
        const placed = /^(?:in|at)$/.test(words[si - 1].lower) ? personBeforePlace(ctx, words, si - 1) : null;
        if (placed) {
          subj = { start: placed.start, end: subj.end };
          placeRule = true;
        } else subj = null;
      }
      // "75 percent of Republicans said", "six in 10 voters say": a poll's share of a group, not a speaker.
      else if (si > 0 && SHARE_OF.test(text.slice(words[Math.max(0, si - 6)].start, subj.start))) subj = null;
      // "an account of Lee telling an aide “…”", "footage of Lee saying “…”": a participle after a preposition's
      // object reports that person's words through whoever gives the account, not as that person's statement.
      // (A colon still hands the quote to the phrase: "The ad ends with a narrator saying: “…”".)
      else if (si > 0 && /ing$/.test(words[k].lower) && k === firstStartingAt(words, subj.end) && /^(?:of|from|about|with)$/.test(words[si - 1].lower) && gapIsSpace(text, words[si - 1], words[si]) && !/^\s*:/.test(text.slice(words[k].end, q.open))) subj = null;
    }
    // "Lee said she wanted …", "Lee said that he would …": PolNeAR marks the main clause's subject.
    // (So with a described subject: "Lee said the front-runner had referred to it as “…”".)
    const described = !!subj && /^(?:the|a|an)$/.test(words[firstStartingAt(words, subj.start)].lower);
    // (So with a named subject reported by a person or a pronoun: "Lee said Ruiz had called the plan “…”";
    // an organisation's report keeps the name it reports.)
    if (subj && !described && !PRONOUNS.has(text.slice(subj.start, subj.end).toLowerCase())) {
      let j = firstStartingAt(words, subj.start) - 1;
      if (j >= 0 && words[j].lower === 'that') j--;
      if (j >= 0 && isCueWord(words[j]) && !/ing$/.test(words[j].lower) && !NOUN_LIKE_CUES.has(words[j].lower) && /^\s+$/.test(text.slice(words[j].end, words[j + 1].start))) {
        const outer = subjectBefore(ctx, words, j);
        const oa = outer && !embedded(words, outer) ? resolveSubject(ctx, outer, q.paragraph) : null;
        if (oa && isPersonOrPronoun(ctx, oa)) subj = outer;
      }
    }
    if (subj && (PRONOUNS.has(text.slice(subj.start, subj.end).toLowerCase()) || described)) {
      let j = firstStartingAt(words, subj.start) - 1;
      // "Lee added that if the ferry stopped, she would …", "Lee said, if elected, she would …": a subordinate
      // clause opening what the verb reports stands between the verb and the reported clause's subject.
      let opened = false;
      if (!described && j >= 2 && /^\s*,\s*$/.test(text.slice(words[j].end, words[j + 1].start))) {
        // (The clause holds words of its own: in "… said that because, she said, the fee …" the pronoun speaks
        // for itself.)
        for (let b = j - 1; b >= 1 && j - b < 25 && !PRONOUNS.has(words[b].lower) && !isCueWord(words[b]) && !/[“”"]/.test(text.slice(words[b].start, words[b + 1].start)); b--) {
          if (!SUBORDINATORS.has(words[b].lower)) continue;
          if (words[b - 1].lower === 'that' || isCueWord(words[b - 1])) {
            j = b - 1;
            opened = /^\s*,?\s*$/.test(text.slice(words[j].end, words[b].start));
          }
          break;
        }
      }
      if (j >= 0 && words[j].lower === 'that') j--;
      if (j >= 0 && isCueWord(words[j]) && !/ing$/.test(words[j].lower) && !(described && NOUN_LIKE_CUES.has(words[j].lower)) && (opened || /^\s+$/.test(text.slice(words[j].end, words[j + 1].start)))) {
        const outer = subjectBefore(ctx, words, j);
        if (outer && !embedded(words, outer)) subj = outer;
      }
    }
    // An embedded or relative clause ("… expected that voters will say", "which the budget office
    // estimates"): its subject is not the quote's speaker; an earlier cue may be.
    // But "in what Ann Lee called “…”": a name right before the cue and the quote is its speaker; so is a
    // pronoun ("the server room, which he called “…”") unless an earlier cue of the sentence speaks for the
    // same clause ("Ruiz complained about what he calls “…”": PolNeAR marks the main subject there).
    if (subj && embedded(words, subj)) {
      const relative = words.length - k <= 3 && /^(?:what|which|whom)$/.test(words[firstStartingAt(words, subj.start) - 1]?.lower ?? '');
      const named = !!ctx.people.mentionAt.get(subj.start)?.name;
      // "… led to what aide Kevin Phillips called “…”", "under what Mr. Hedge called “…”": a name behind a
      // title or an honorific (the mention starts after it) is as named; the name is then the subject.
      // PolNeAR train: 5 right, 0 wrong added.
      const titled = relative && !named ? titledName(ctx, words, subj) : null;
      const pronoun = PRONOUNS.has(text.slice(subj.start, subj.end).toLowerCase());
      // (After an earlier quote of the sentence, that quote's cue counts as earlier.)
      const earlierCue = /[”"]\s*$/.test(text.slice(Math.max(0, from - 3), from)) || words.slice(0, firstStartingAt(words, subj.start)).some((w) => isCueWord(w) && !NOUN_LIKE_CUES.has(w.lower));
      // (A describing subject too when the verb says rather than names: "which an inquiry said was “…”".)
      const says = !/^(?:call|calls|called|calling|dub|dubs|dubbed|label|labels|labeled|labelled|name|named|term|termed|terms)$/.test(words[k].lower);
      // ("… the levy, which he described as “…”": a relative "which" clause after its antecedent keeps its own pronoun.)
      const antecedent = whichClause(words, firstStartingAt(words, subj.start) - 1, k);
      // "… so heated that Ann Lee said, “…”": a verb of saying that introduces the quote itself, right before
      // it with a comma or a colon, speaks for the quote whatever clause it is in (PolNeAR marks the
      // innermost source), when its subject is a named person.
      const direct = mentionsIn(ctx, subj.start, subj.end).some((m) => m.name && m.end === subj!.end) && k === words.length - 1 && DIRECT_SAYING.test(words[k].lower) && /^[^\S\n]*[,:][^\S\n]*$/.test(text.slice(words[k].end, q.open));
      const kept = relative && (named || !!titled || (pronoun && (!earlierCue || antecedent)) || (says && !pronoun && whichClause(words, firstStartingAt(words, subj.start) - 1, k)));
      // "… an interview in which he said the pier was “…”": a relative clause after a preposition is about the
      // thing its antecedent names (an interview, a speech, a tweet); its subject speaks there, however far the quote.
      const si = firstStartingAt(words, subj.start);
      const prepWhich = !kept && !direct && si >= 2 && pronoun && /^(?:which|whom)$/.test(words[si - 1].lower) && /^(?:in|during|at|on|with|from|by|after|before|through)$/.test(words[si - 2].lower) && text.slice(subj.start, subj.end).toLowerCase() !== 'it';
      if (!kept && !direct && !prepWhich) continue;
      embeddedDirect = !kept && !prepWhich;
      prepWhichRule = prepWhich;
      if (titled) {
        subj = titled;
        titledRule = true;
      }
    }
    // Naming, not speaking: "a group called “…”", "what her campaign calls “…”".
    // A relative "who" naming a person is that person ("Mayor Ann Lee, who called the plan “unfit”").
    // ("Many commentators called him “…”": an object pronoun after the verb makes it an active verb of naming;
    // not for the object of "of": "critics of the plan called it “…”" is no plan's word.)
    const namedObject = subj !== null && words[firstStartingAt(words, subj.start) - 1]?.lower !== 'of' && k + 2 <= words.length && k + 3 >= words.length && /^(?:him|her|them|it)$/.test(words[k + 1].lower) && (k + 2 === words.length || /^(?:a|an|the)$/.test(words[k + 2].lower));
    const naming = subj !== null && /^(?:call|calls|called|calling|dub|dubs|dubbed|label|labels|labeled|labelled|name|named|titled)$/.test(words[k].lower) && !/^\p{Lu}/u.test(k === words.length - 1 ? ctx.text.slice(subj.start, subj.end).replace(/^(?:The|A|An)\s+(?=\p{Ll}[\p{Ll}\s-]*$)/u, '') : ctx.text.slice(subj.start, subj.end)) && !PRONOUNS.has(ctx.text.slice(subj.start, subj.end).toLowerCase());
    if (subj && naming && !namedObject) {
      const who = ctx.text.slice(subj.start, subj.end) === 'who' && words.length - k <= 5 ? resolveSubject(ctx, subj, q.paragraph) : null;
      if (!(who && isPersonOrPronoun(ctx, who))) {
        // "Trump released an ad calling it “dangerous”": the participle may still take the sentence's subject.
        if (!/ing$/.test(words[k].lower)) continue;
        subj = null;
      }
    }
    const participle = /ing$/.test(words[k].lower) && k > 0 && /,\s*$/.test(text.slice(words[k - 1].end, words[k].start));
    // "… outlined his plan and vowed to …": a second verb shares the sentence's subject.
    // (An auxiliary or an adverb or two may stand between: "… and has repeatedly warned", "but later said".)
    const coordinated = k > 0 && (/^(?:and|but)$/.test(words[k - 1].lower) || coordinatedAfterAdverbs(text, words, k));
    // "The two will meet next week, Ruiz said, adding, “…”": a participle right after a verb of saying
    // closing the clause has that verb's subject, not the sentence's.
    if (!subj && participle && k >= 2 && isCueWord(words[k - 1]) && !NOUN_LIKE_CUES.has(words[k - 1].lower) && !/ing$/.test(words[k - 1].lower)) {
      const said = subjectBefore(ctx, words, k - 1);
      const sa = said ? resolveSubject(ctx, said, q.paragraph) : null;
      // (The cue is that verb: "said", not "adding".)
      if (sa && isPersonOrPronoun(ctx, sa)) return withRule(sa, 'participle-said', words[k - 1].text);
    }
    // "… he laughed and said, “…”": the verb before "and" has its own subject right before it.
    let nearVerb = false;
    if (!subj && coordinated && k >= 3 && /^(?:and|but)$/.test(words[k - 1].lower) && /^\p{Ll}+ed$/u.test(words[k - 2].text) && /^(?:he|she|they)$/.test(words[k - 3].lower) && gapIsSpace(text, words[k - 3], words[k - 2]) && gapIsSpace(text, words[k - 2], words[k - 1])) {
      subj = { start: words[k - 3].start, end: words[k - 3].end };
      nearVerb = true;
    }
    if (!subj && (participle || coordinated)) {
      subj = subjectOfSentence(words, k);
      const near = subj && /ing$/.test(words[k].lower) ? nearerPronoun(subj, k) : null;
      if (near) return near;
    }
    // "Lee’s comments", "the senators’ claims": after a possessive, a cue word is a noun; it still names
    // the speaker of its own content ("Lee’s claim that “…”").
    if (k > 0 && !CONTRACTED.test(words[k - 1].lower) && (/['’]s$/.test(words[k - 1].text) || /^['’]\s/.test(text.slice(words[k - 1].end, words[k].start))) && words[k + 1]?.lower !== 'that') continue;
    // "was retweeted", "were told": a passive's subject is not who speaks.
    if (k > 0 && /^(?:was|were|been|being|is|are|be)$/.test(words[k - 1].lower) && /(?:ed|told|written|said)$/.test(words[k].lower)) continue;
    // "continued to be", "promised to keep": a verb of speech followed by "to" is another verb here.
    if (/^continu/.test(words[k].lower) && words[k + 1]?.lower === 'to' && !(words[k + 2] && isCue(words[k + 2].lower))) continue;
    if (subj) {
      const a = resolveSubject(ctx, subj, q.paragraph);
      // "his recent remarks", "a work email", "the crowd's chant": a speech noun, not a verb; only a
      // person or pronoun makes it a verb ("they email", "voters chant").
      if (a && NOUN_LIKE_CUES.has(words[k].lower) && !isPersonOrPronoun(ctx, a) && !/s$/.test(ctx.text.slice(subj.start, subj.end))) continue;
      // ("22 Lee emails", "the Lee remarks", "those Ruiz comments": a name after a number or a determiner
      // modifies the speech noun; it is no subject, person or not.)
      if (a && NOUN_LIKE_CUES.has(words[k].lower) && /^(?:\d[\d,]*|the|these|those|all|many|some|several|more|her|his|their|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)$/.test(words[firstStartingAt(words, subj.start) - 1]?.lower ?? '')) continue;
      // A participle ("…, saying “…”") is trusted only with a named or pronoun subject:
      // on PolNeAR train, descriptions found that way were right 8 times in 36.
      // "The ad ends with a narrator saying: “…”": a participle right before a colon and the quote speaks for
      // the phrase before it, whatever its head (a voice, a narrator, an ad), when no verb of saying of its own
      // (a past tense) hides in the phrase.
      const si = firstStartingAt(words, subj.start);
      const colonParticiple = !participle && !coordinated && /ing$/.test(words[k].lower) && k === words.length - 1 && /^\s*:\s*$/.test(text.slice(words[k].end, q.open)) && !words.slice(si, k).some((w) => isCue(w.lower) && /(?:ed|s)$/.test(w.lower));
      if (a && colonParticiple && !isPersonOrPronoun(ctx, a)) return withRule(a, 'colon-participle', words[k].text);
      // "Lee noted that when she met the board she called the plan “…”", "Lee wrote a letter explaining why he
      // would speak, “…”": a pronoun speaking inside what an earlier verb of saying of the sentence reports, whose
      // subject is the named person the pronoun refers to, is that person; PolNeAR marks the outer named subject
      // (as for "Lee said she wanted …"). Not a pronoun opening a clause of its own ("…, but she said",
      // "though he said"), nor one in a relative clause ("the levy, which he called “…”"), nor an outer verb in an
      // opening subordinate clause ("When Lee announced …, she said").
      // PolNeAR train: 6 wrong speakers (another mention of the same person) turned right, 0 right lost.
      if (a && a.speaker && /^(?:he|she)$/i.test(text.slice(subj.start, subj.end)) && !/^(?:but|though|although|and|yet|while|whereas|which|what|whom)$/.test(words[si - 1]?.lower ?? '')) {
        for (let j = si - 1; j >= 1; j--) {
          if (!isCueWord(words[j]) || NOUN_LIKE_CUES.has(words[j].lower)) continue;
          const outer = subjectBefore(ctx, words, j);
          const m = outer ? ctx.people.mentionAt.get(outer.start) : undefined;
          const oi = firstStartingAt(words, outer?.start ?? 0);
          if (outer && m && m.name === a.speaker && m.end === outer.end && !embedded(words, outer) && !(oi > 0 && (SUBORDINATORS.has(words[oi - 1].lower) || words[oi - 1].lower === 'ever'))) return withRule({ speaker: m.name, speakerMention: { start: m.start, end: m.end }, cue: null }, 'named-outer', words[j].text);
        }
      }
      if (a && (!(participle || coordinated || /ing$/.test(words[k].lower)) || isPersonOrPronoun(ctx, a))) return withRule(a, embeddedDirect ? 'embedded-direct' : WHICH_ASIDE_SUBJECTS.has(subj) ? 'which-aside' : naming && namedObject ? 'naming-object' : CONTRACTED_SUBJECTS.has(subj) ? 'contracted-pronoun' : placeRule ? 'person-in-place' : backCue ? 'shot-back' : prepWhichRule ? 'prep-which' : titledRule ? 'relative-titled' : nearVerb ? 'near-verb' : a.rule, words[k].text);
    }
    // "Lee issued a statement backing …", "Ruiz rallied the crowd by warning …": the participle's
    // subject is the sentence's, when that is a person.
    // (Not when the participle follows a thing that bears writing: in "Lee held up a sign saying “…”" the
    // sign says it, not Lee. PolNeAR train: removes the one wrong speaker the added first names brought.)
    if (/ing$/.test(words[k].lower) && !participle && !(k > 0 && WRITTEN_THINGS.test(words[k - 1].lower))) {
      const ss = subjectOfSentence(words, k);
      const near = ss ? nearerPronoun(ss, k) : null;
      if (near) return near;
      const a = ss ? resolveSubject(ctx, ss, q.paragraph) : null;
      if (a && isPersonOrPronoun(ctx, a)) return withRule(a, a.rule, words[k].text);
    }
    // "The council released a statement Friday saying …", "Her office sent out a statement saying …":
    // whoever issued the statement (a person, an office, an organisation) speaks through it.
    if (/ing$/.test(words[k].lower)) {
      const sIdx = words.slice(Math.max(0, k - 5), k).findIndex((w) => SPEECH_NOUNS.has(w.lower));
      if (sIdx >= 0) {
        const noun = Math.max(0, k - 5) + sIdx;
        for (let v = noun - 1; v >= Math.max(0, noun - 4); v--) {
          if (!/^(?:released|issued|sent|put|posted|published|made|gave|wrote|distributed|circulated|tweeted|emailed|e-mailed|out)$/.test(words[v].lower)) continue;
          const verb = words[v].lower === 'out' && v > 0 ? v - 1 : v;
          const subj = subjectBefore(ctx, words, verb);
          const a = subj && !embedded(words, subj) ? resolveSubject(ctx, subj, q.paragraph) : null;
          if (a) return withRule(a, 'statement-saying', words[k].text);
          break;
        }
      }
    }
  }
  // "As Ann Lee put it, “…”", "As the harbor master put it: “…”": "as" and "put it" give the quote its speaker.
  const n = words.length;
  if (n >= 4 && words[n - 1].lower === 'it' && words[n - 2].lower === 'put' && /^\s*[,:]?\s*$/.test(text.slice(words[n - 1].end, q.open))) {
    let subj = subjectBefore(ctx, words, n - 2);
    // (A name and its appositive after "as": "As Ann Lee, the harbor master, put it".)
    if (!subj && /,\s*$/.test(text.slice(words[n - 3].end, words[n - 2].start))) {
      const m = words.findIndex((w, i) => i > 0 && words[i - 1].lower === 'as' && ctx.people.mentionAt.get(w.start)?.name);
      const mm = m >= 0 ? ctx.people.mentionAt.get(words[m].start)! : null;
      if (mm && /^,[^,“”"():;]{1,80},\s*$/.test(text.slice(mm.end, words[n - 2].start))) subj = { start: mm.start, end: mm.end };
    }
    const i = subj ? firstStartingAt(words, subj.start) : -1;
    const a = subj && i > 0 && words[i - 1].lower === 'as' ? resolveSubject(ctx, subj, q.paragraph) : null;
    if (a) return withRule(a, 'as-put-it', 'put it');
  }
  // "Said Ann Lee, who chairs the board: “…”", "…, explained Lee, “…”": a verb of saying opening its clause,
  // then a named person (perhaps an appositive) and a comma or a colon right before the quote.
  for (let k = Math.max(0, words.length - 12); k + 1 < words.length; k++) {
    if (!/^(?:said|says|added|adds|continued|continues|explained|explains|wrote|writes|asked|asks|recalled|recalls|noted|notes|replied|replies|insisted|insists|argued|argues)$/.test(words[k].lower)) continue;
    if (!(k === 0 ? from === sentenceStart || /[.!?:]["”’]?\s*$/.test(text.slice(Math.max(0, from - 3), from)) : /,\s*$/.test(text.slice(words[k - 1].end, words[k].start)))) continue;
    const m = ctx.people.mentionAt.get(words[k + 1].start);
    if (!m || !m.name || !gapIsSpace(text, words[k], words[k + 1])) continue;
    if (!/^(?:,[^“”"():;]{1,100})?\s*[,:]\s*$/.test(text.slice(m.end, q.open))) continue;
    return { speaker: m.name, speakerMention: { start: m.start, end: m.end }, cue: words[k].text, rule: 'inverted-before' };
  }
  // "The headline reads: “…”", "One sign read “…”": a text that reads the quote, right before it, is its source.
  const lastWord = words[words.length - 1];
  if (lastWord && words.length >= 2 && /^(?:read|reads)$/.test(lastWord.text) && /^[^\S\n]*[,:]?[^\S\n]*$/.test(text.slice(lastWord.end, q.open))) {
    const k = words.length - 1;
    const subj = subjectBefore(ctx, words, k);
    const first = subj ? words[firstStartingAt(words, subj.start)] : null;
    if (subj && first && DETERMINERS.has(first.lower) && first.lower !== 'that' && !embedded(words, subj)) {
      const a = resolveSubject(ctx, subj, q.paragraph);
      if (a) return withRule(a, 'read-before', lastWord.text);
    }
  }
  // "Trump issued a statement: “…”", "… in a tweet, “…”": the sentence's named subject.
  if (lastWord && SPEECH_NOUNS.has(lastWord.lower) && /^[,:]\s*$/.test(text.slice(lastWord.end, q.open))) {
    const ss = sentenceSubject(ctx, words, words.length - 1);
    const a = ss ? resolveSubject(ctx, ss, q.paragraph) : null;
    if (a && isPersonOrPronoun(ctx, a)) return withRule(a, a.rule, lastWord.text);
  }
  // "Lee went on: “…”", "Lee has since apologized for the delay: “…”": a sentence that ends in a colon
  // before the quote is introduced by its subject, when that is a person.
  if (lastWord && /^:\s*$/.test(text.slice(lastWord.end, q.open)) && words.length <= 25) {
    const ss = sentenceSubject(ctx, words, words.length - 1);
    const a = ss ? resolveSubject(ctx, ss, q.paragraph) : null;
    if (a && isPersonOrPronoun(ctx, a)) return withRule(a, 'colon-intro', ':');
    // "When Ruiz objected to the plan, Lee fired back: “…”": else the subject of the main clause after an
    // opening phrase and its comma, a named person or a pronoun followed by its verb.
    if (!ss) {
      const clause = lastClauseSubject(ctx, words);
      const b = clause ? resolveSubject(ctx, clause, q.paragraph) : null;
      if (b && isPersonOrPronoun(ctx, b)) return withRule(b, 'colon-clause', ':');
    }
  }
  // "Lee: “…" — a name and a colon right before the quote.
  // Only worth the pattern (which tries every capital of the sentence) when a colon ends the text.
  let colonEnd = q.open;
  while (colonEnd > from && isSpaceCode(text.charCodeAt(colonEnd - 1))) colonEnd--;
  const colon = colonEnd > from && text.charCodeAt(colonEnd - 1) === 58 ? /([\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3})(?:\s*\([^()]{1,20}\))?\s*:\s*$/u.exec(text.slice(from, q.open)) : null;
  if (colon) {
    const start = from + colon.index;
    const subj = { start, end: start + colon[1].length };
    const m = ctx.people.mentionAt.get(subj.start);
    if (m && m.name) return { speaker: m.name, speakerMention: { start: m.start, end: m.end }, cue: ':' };
    // "… - Harbor Monitor: “…”", "Rep. Ann Lee (D-Maine): “…”": a capitalised name opening its sentence (or after a
    // spaced dash) and a colon is the source of what follows, a person or not (not "Update:", "Related:").
    if (/(?:^|[.!?]["”’]?\s|\s[-—–]\s)\s*$/.test(text.slice(Math.max(from, subj.start - 4), subj.start)) && !NON_NAME_WORDS.has(text.slice(subj.start, subj.end).toLowerCase().split(/\s/)[0])) {
      const a = resolveSubject(ctx, subj, q.paragraph);
      if (a) return withRule(a, 'colon-name', ':');
    }
  }
  // "As Ann Lee noted on Monday, the pier is “…”", "As reported by the Gazette, …", "But as Lee put it, …": an
  // opening "as" clause of saying gives the speaker of the quote in its sentence, when no other verb of saying
  // follows.
  const asAt = from !== sentenceStart ? -1 : words.findIndex((w, i) => i < 4 && w.lower === 'as' && (i === 0 || /,\s*$/.test(text.slice(words[i - 1].end, w.start)) || /^(?:but|and)$/i.test(words[i - 1].text)));
  if (asAt >= 0 && words.length >= asAt + 4) {
    let c = asAt + 1;
    while (c < Math.min(words.length - 1, asAt + 10) && !/,\s*$/.test(text.slice(words[c].end, words[c + 1].start))) c++;
    if (c < words.length - 1 && c < asAt + 10 && !words.slice(c + 1).some((w) => isCueWord(w))) {
      let r: Attribution | null = null;
      const putIt = words[c].lower === 'it' && words[c - 1].lower === 'put';
      if (/^(?:reported|noted|described|put)$/.test(words[asAt + 1].lower) && words[asAt + 2].lower === 'by') {
        const subj = subjectAfter(ctx, words, asAt + 3, words[c].end);
        r = subj ? withCue(resolveSubject(ctx, subj, q.paragraph), words[asAt + 1].text) : null;
      } else if (putIt || (isCueWord(words[c]) && !/ing$/.test(words[c].lower))) {
        // (A named person opening the clause may be followed by where they are from: "as Ann Lee of the Gazette noted".)
        const named = ctx.people.mentionAt.get(words[asAt + 1].start);
        const subj = named?.name && !/^['’]/.test(text.slice(named.end, named.end + 1)) ? { start: named.start, end: named.end } : subjectBefore(ctx, words, putIt ? c - 1 : c);
        r = subj && subj.start === words[asAt + 1].start ? resolveSubject(ctx, subj, q.paragraph) : null;
      }
      if (r) return withRule(r, 'as-opening', putIt ? 'put it' : r.cue ?? words[c].text);
    }
  }
  return possessiveSpeech(ctx, q, words);
}

/**
 * `“…,” Lee said, according to the Gazette.`, `… “a fair count,” reported the Gazette.`: a sentence that
 * ends in an outer attribution after the quote reports someone else's report; the outer source is the one
 * the quote is attributed to.
 */
function outerSource(ctx: AttributionContext, q: RawQuote, limit: number): Attribution | null {
  const { text } = ctx;
  if (!q.closed) return null;
  const tail = text.slice(q.close, limit);
  if (/[“”"]/.test(tail)) return null;
  const m = /,\s+(according\s+to|reports|reported)\s+([^,;:()—–]+?)[.!?]?\s*$/u.exec(tail);
  if (!m) return null;
  // A quote that ends its own sentence ("…?” Dalton Brody is a store, according to its website.) is
  // followed by another sentence, unless a short attribution comes first ("…?” Lee asked, according to …).
  if (/[.?!]$/.test(text.slice(q.start, q.end))) {
    const lead = wordsIn(text, q.close, q.close + m.index);
    if (lead.length > 8 || !lead.some((w) => isCueWord(w))) return null;
  }
  const at = q.close + m.index + m[0].indexOf(m[2], m[1].length);
  const words = wordsIn(text, at, at + m[2].length);
  if (words.length === 0 || PRONOUNS.has(words[0].lower) || words.length > 12) return null;
  const span = { start: words[0].start, end: words[words.length - 1].end };
  const m0 = ctx.people.mentionAt.get(span.start);
  if (m0 && m0.name) return { speaker: m0.name, speakerMention: { start: m0.start, end: m0.end }, cue: m[1], rule: 'outer' };
  const head = subjectAfter(ctx, words, 0, span.end);
  const phrase = head ?? span;
  // "the Gazette" is the Gazette, as resolveSubject names organisations; a description keeps its article.
  const written = text.slice(phrase.start, phrase.end);
  const proper = written.replace(/^(?:the|The)\s+/, '');
  const speaker = /^\p{Lu}/u.test(proper) ? proper.replace(/['’]s$/, '') : written.replace(/^(?:The|A|An)\s/, (d) => d.toLowerCase());
  return { speaker, speakerMention: phrase, cue: m[1], rule: 'outer' };
}

/** A sentence that ends with "…, NAME says." or "…, she said." (and holds no quote of its own). */
function trailingAttribution(ctx: AttributionContext, sentence: Span, paragraph: number): Attribution | null {
  const body = ctx.text.slice(sentence.start, sentence.end);
  if (/[“”"]/.test(body)) return null;
  const words = wordsIn(ctx.text, sentence.start, sentence.end);
  const k = words.length - 1;
  if (k < 1 || !isCue(words[k].lower) || /ing$/.test(words[k].lower) || !/^[.:]\s*$/.test(ctx.text.slice(words[k].end, sentence.end))) return null;
  const subj = subjectBefore(ctx, words, k);
  if (!subj) return null;
  // The attribution follows a comma ("…, Musser says.") or is the whole sentence ("Dianne Bystrom agreed.").
  const lead = ctx.text.slice(sentence.start, subj.start);
  if (!/,\s*(?:\p{Ll}+\s+){0,2}$/u.test(lead) && lead.trim() !== '') return null;
  const a = resolveSubject(ctx, subj, paragraph);
  return a && isPersonOrPronoun(ctx, a) ? withRule(a, a.rule, words[k].text) : null;
}

/** A transcript line quoted whole: `"PENCE: Well, look, …`. The label names the speaker. */
function transcriptLabel(ctx: AttributionContext, q: RawQuote): Attribution | null {
  const m = /^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s/.exec(ctx.text.slice(q.start, q.start + 40));
  if (!m || m[1].length < 2) return null;
  const label = m[1];
  const span = { start: q.start, end: q.start + label.length };
  const surname = label.split(' ').pop()!.toLowerCase();
  const people = [...ctx.personByName.values()].filter((p) => p.surname.toLowerCase() === surname || p.name.toLowerCase() === label.toLowerCase());
  return { speaker: people.length === 1 ? people[0].name : null, speakerMention: span, cue: ':' };
}

/** The sentences of one paragraph (sentences are in text order). */
function sentencesOf(ctx: AttributionContext, paragraph: number): Sentence[] {
  const list = ctx.sentences;
  const lo = firstStartingAt(list, ctx.paragraphs[paragraph].start);
  const out: Sentence[] = [];
  for (let i = lo; i < list.length && list[i].paragraph === paragraph; i++) out.push(list[i]);
  return out;
}

/** The speaker of a paragraph that ends in a colon introducing the next one. */
function introducedBy(ctx: AttributionContext, paragraph: number): Attribution | null {
  const para = ctx.paragraphs[paragraph];
  const body = ctx.text.slice(para.start, para.end);
  if (!/:\s*$/.test(body)) return null;
  let lastSentence: Sentence | undefined;
  for (const sn of sentencesOf(ctx, paragraph)) lastSentence = sn;
  const from = lastSentence ? lastSentence.start : para.start;
  const words = wordsIn(ctx.text, from, para.end);
  for (let k = words.length - 1; k >= 0 && words.length - k < 12; k--) {
    if (!isCue(words[k].lower) && !SPEECH_NOUNS.has(words[k].lower)) continue;
    let subj = subjectBefore(ctx, words, k);
    // "… issued the following statement:": before a noun of speech, an article's phrase modifies the noun.
    if (subj && !isCue(words[k].lower) && /^(?:the|a|an|this|that)$/i.test(words[firstStartingAt(words, subj.start)].lower)) subj = null;
    subj = subj ?? sentenceSubject(ctx, words, k);
    if (subj) {
      const a = resolveSubject(ctx, subj, paragraph);
      if (a) return withRule(a, a.rule, words[k].text);
    }
  }
  // "As the harbor pilot Mara Quill noted, the tide was turning:": an "as" clause anywhere in the
  // introducing sentence names the speaker of the paragraph that follows.
  for (let k = 2; k < words.length; k++) {
    if (!isCueWord(words[k]) || !/^\s*,/.test(ctx.text.slice(words[k].end, words[k].end + 2))) continue;
    const subj = subjectBefore(ctx, words, k);
    const i = subj ? firstStartingAt(words, subj.start) : -1;
    if (!subj || i < 1 || words[i - 1].lower !== 'as') continue;
    const a = resolveSubject(ctx, subj, paragraph);
    if (a) return withRule(a, 'introduced-as', words[k].text);
  }
  // "She then listed her three demands:": with no cue, a person or pronoun opening the sentence.
  const ss = sentenceSubject(ctx, words, words.length);
  const s = ss ? resolveSubject(ctx, ss, paragraph) : null;
  // Not when another clause follows ("…, and the harbor board has the figures:").
  if (s && isPersonOrPronoun(ctx, s) && !/,\s+(?:and|but|while|yet)\s/.test(ctx.text.slice(ss!.end, para.end))) return withRule(s, 'introduced-subject', null);
  return null;
}

/**
 * "Mara Quill praised the harbor crew. ¶ “…”": a quote that is a paragraph of its own, after a paragraph
 * with no quote whose last sentence opens with a person or pronoun and has a verb of saying, is that person's.
 */
function leadParagraph(ctx: AttributionContext, q: RawQuote, paragraph: number): Attribution | null {
  // Not a heading in capitals, nor a transcript line naming its own speaker ("Mara Quill: …").
  const quoted = ctx.text.slice(q.start, q.end);
  if (!/\p{Ll}/u.test(quoted) || /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}:/u.test(quoted)) return null;
  const para = ctx.paragraphs[paragraph];
  const body = ctx.text.slice(para.start, para.end);
  if (/[“”"]/.test(body) || !/[.]\s*$/.test(body)) return null;
  let lastSentence: Sentence | undefined;
  for (const sn of sentencesOf(ctx, paragraph)) lastSentence = sn;
  if (!lastSentence) return null;
  const words = wordsIn(ctx.text, Math.max(lastSentence.start, para.start), para.end);
  const ss = sentenceSubject(ctx, words, words.length);
  if (!ss) return null;
  const j = firstStartingAt(words, ss.end);
  if (!words.slice(j).some((w) => isCueWord(w) && !NOUN_LIKE_CUES.has(w.lower))) return null;
  const a = resolveSubject(ctx, ss, paragraph);
  return a && isPersonOrPronoun(ctx, a) ? withRule(a, 'lead-paragraph', null) : null;
}

/**
 * `Mara Quill praised the harbor crew on Monday. “We could not have done it without them.”`: as leadParagraph,
 * within a paragraph: a quote that is a whole sentence (ending in . ! or ?) with no attribution of its own,
 * right after a sentence with no quote that opens with a person or a pronoun and has a verb of saying.
 */
function leadSentence(ctx: AttributionContext, q: RawQuote, before: Sentence): Attribution | null {
  const { text } = ctx;
  const quoted = text.slice(q.start, q.end);
  // (It may end with a quote of its own: "… 'How will I manage?'")
  if (!/\p{Ll}/u.test(quoted) || !/[.!?…]['’]?$/.test(quoted)) return null;
  const body = text.slice(before.start, before.end);
  if (/[“”"]/.test(body) || !/[.]\s*$/.test(body)) return null;
  const words = wordsIn(text, before.start, before.end);
  const ss = sentenceSubject(ctx, words, words.length);
  if (!ss) return null;
  const j = firstStartingAt(words, ss.end);
  if (!words.slice(j).some((w) => isCueWord(w) && !NOUN_LIKE_CUES.has(w.lower))) return null;
  // Not when the next sentence opens with someone saying something ("“…” Tom Ruiz said the pier was sound."):
  // who the quote belongs to is then unclear.
  const next = wordsIn(text, q.close, Math.min(text.length, q.close + 120)).slice(0, 6);
  const c = next.findIndex((w) => isCueWord(w));
  if (c >= 1 && c <= 4 && (PRONOUNS.has(next[0].lower) || ctx.people.mentionAt.get(next[0].start)?.name)) return null;
  const a = resolveSubject(ctx, ss, q.paragraph);
  return a && isPersonOrPronoun(ctx, a) ? withRule(a, 'lead-sentence', null) : null;
}

/**
 * `Ann Lee has promised “a fair count.”`, `But Lee’s reply was that “nothing changed.”`: with no cue to
 * read, a quote inside a plain clause is its subject's when that subject opens the sentence and is a
 * named person or a pronoun. Not when the clause goes on to another subject (a relative or subordinate
 * clause, another name, a pronoun), when the quote is an aside or a title, or when the sentence ends with
 * its own attribution ("…, the group says."). On PolNeAR train: 17 right, 1 wrong.
 */
function subjectOfPlainClause(ctx: AttributionContext, q: RawQuote, from: number, sentenceEnd: number): Attribution | null {
  const { text } = ctx;
  const inner = text.slice(q.start, q.end).split(/\s+/);
  const long = inner.filter((w) => /^\p{L}{4,}/u.test(w));
  if (inner.length <= 6 && long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w))) return null;
  const words = wordsIn(text, from, q.open);
  if (words.length < 2) return null;
  const ss = sentenceSubject(ctx, words, words.length);
  if (!ss) return null;
  const a = resolveSubject(ctx, ss, q.paragraph);
  if (!a || !isPersonOrPronoun(ctx, a)) return null;
  // The subject is the sentence's first noun phrase (after a title, a conjunction, or an opening phrase
  // and its comma, but not "To Lee, …"), and a lower-case verb follows it (no appositive).
  let h = firstStartingAt(words, ss.start) - 1;
  while (h >= 0 && (/^\p{Lu}/u.test(words[h].text) || ROLE_WORDS.has(words[h].lower)) && gapIsSpace(text, words[h], words[h + 1])) h--;
  if (h >= 0 && !/,\s*$/.test(text.slice(words[h].end, words[h + 1].start)) && !/^(?:but|and|however|still|yet|meanwhile|instead|then|later|so)$/.test(words[h].lower)) return null;
  if (/^(?:to|for)$/i.test(words[0].text) && ss.start !== words[0].start) return null;
  const j = firstStartingAt(words, ss.end);
  if (j >= words.length || !/^(?:['’]s?)?\s+\p{Ll}/u.test(text.slice(ss.end, words[j].end))) return null;
  const gap = text.slice(ss.end, q.open);
  if (/[“”"]/.test(gap) || /[—–(]\s*$/.test(gap)) return null;
  // (A possessive may refer back to the subject, "Lee renewed her call for “…”", but not in a second clause
  // with a subject of its own: "Lee started a channel, and his first videos show …".)
  if (/,\s+(?:and|but|or|yet|so)\s/.test(gap)) return null;
  // "Lee hailed the deal as a “…”": after a past-tense verb right after the subject, "as" and perhaps an
  // article right before the quote name what the subject called it (not "as he said", not "is known for
  // appearances as the “…”"): 'plain-clause-as'.
  // "Lee pushed his promise of “…”", "Lee repeated his claim that “…”": a noun of speech the subject's
  // possessive owns is no other speaker's cue: 'plain-clause-owned'.
  let rule = 'plain-clause';
  const n = words.length;
  const asAt = words[n - 1].lower === 'as' ? n - 1 : n >= 2 && words[n - 2].lower === 'as' && /^(?:a|an|the)$/.test(words[n - 1].lower) ? n - 2 : -1;
  for (let i = j; i < n; i++) {
    const w = words[i];
    if (i === asAt && /^\p{Ll}+ed$/u.test(words[j].text) && /^\s*$/.test(text.slice(words[n - 1].end, q.open))) {
      rule = 'plain-clause-as';
      continue;
    }
    const owned = i > j && /^(?:his|her|their)$/.test(words[i - 1].lower) && (OWNED_SPEECH.test(w.lower) || NOUN_LIKE_CUES.has(w.lower));
    if (owned) {
      rule = 'plain-clause-owned';
      if (i + 1 < n && /^(?:that|of|for)$/.test(words[i + 1].lower)) i++;
      continue;
    }
    if (isCueWord(w) || /^(?:who|which|whom|whose|where|when|while|because|whether|if|what|that|as|its|they|he|she|it)$/.test(w.lower)) return null;
  }
  if (mentionsIn(ctx, ss.end, q.open).some((m) => m.name && m.name !== a.speaker)) return null;
  if (wordsIn(text, q.close, Math.max(q.close, sentenceEnd)).slice(-4).some((w) => isCueWord(w))) return null;
  return withRule(a, rule, null);
}

/**
 * text.lastIndexOf('\n', at) and text.indexOf('\n', at) for positions that grow from quote to quote:
 * each search goes on from where the last one stopped. Searching the whole text for every quote was
 * quadratic on a long paragraph without line breaks (a 2 MB line of quotes took 16 s).
 */
class LineBreaks {
  /** The last line break at or before `upTo` (-1: none). */
  private last = -1;
  private upTo = -1;
  /** The first line break after `upTo` (-1: none). */
  private next: number;
  /** text.indexOf('\n', fromAt), when asked. */
  private fromAt = Infinity;
  private fromResult = -1;

  constructor(private readonly text: string) {
    this.next = text.indexOf('\n');
  }

  /** text.lastIndexOf('\n', at) */
  lastBefore(at: number): number {
    // lastIndexOf reads a negative start as 0.
    const u = at < 0 ? 0 : at;
    if (!(u >= this.upTo)) return this.text.lastIndexOf('\n', at);
    while (this.next !== -1 && this.next <= u) {
      this.last = this.next;
      this.next = this.text.indexOf('\n', this.next + 1);
    }
    this.upTo = u;
    return this.last;
  }

  /** text.indexOf('\n', at) */
  firstFrom(at: number): number {
    // Known when no line break lies between the last start asked and this one.
    if (this.fromAt <= at && (this.fromResult === -1 || this.fromResult >= at)) return this.fromResult;
    this.fromAt = at;
    this.fromResult = this.text.indexOf('\n', at);
    return this.fromResult;
  }
}

/**
 * Whether a paragraph that opens with a quote mark leaves that quote open: its straight marks are odd in
 * number, or its curly opening marks outnumber the closing ones (nested quotes come in pairs).
 */
function leftOpen(text: string, para: Span): boolean {
  const body = text.slice(paragraphOpen(text, para), para.end);
  const count = (c: string): number => body.split(c).length - 1;
  if (body[0] === '"') return count('"') % 2 === 1;
  if (body[0] === '“') return count('“') > count('”');
  return false;
}

/**
 * "When a heckler shouted, “…,” Lee joked.", "Although Lee admitted he had “…,” he said they never met.": a
 * quote inside a subordinate clause opening the sentence, before the main clause, is not the main clause's
 * when the main clause's verb takes its own object, or when the subordinate clause's own verb of saying
 * introduces the quote. ("If the bill passes, “…,” Lee said." stays Lee's: the verb ends the sentence.)
 */
function inIntroClause(ctx: AttributionContext, q: RawQuote, from: number, limit: number, a: Attribution): boolean {
  const { text } = ctx;
  if (!a.cue) return false;
  const before = wordsIn(text, from, q.open);
  if (before.length < 2 || !/^(?:When|After|Although|Though|While|If|Because|Since|Before|Until|Once|As|To|Walking)$/.test(before[0].text)) return false;
  const last = before[before.length - 1];
  if (isCueWord(last) && /^\s*,\s*$/.test(text.slice(last.end, q.open))) return true;
  const cue = wordsIn(text, q.close, limit).find((w) => w.text === a.cue && (!a.speakerMention || w.start >= a.speakerMention.end));
  if (!cue) return false;
  return !/^(?:\s*(?:[.,;!?—–]|$)|\s+(?:of|to|in|on|at|during|after|before|about|with|from|as|when|while|last|this|afterward|later|recently|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)/.test(text.slice(cue.end, cue.end + 12));
}

/**
 * A person named at the end of `subj` behind a title or an honorific ("aide Kevin Phillips", "Mr. Hedge",
 * "former Gov. Ann Lee"): the name's mention, when every word before it is a role word or capitalised.
 */
function titledName(ctx: AttributionContext, words: Word[], subj: Span): Span | null {
  const m = mentionsIn(ctx, subj.start, subj.end).find((x) => x.name && x.end === subj.end && x.start > subj.start);
  if (!m) return null;
  const lead = words.slice(firstStartingAt(words, subj.start), firstStartingAt(words, m.start));
  if (lead.length === 0 || lead.length > 3 || !lead.every((w) => ROLE_WORDS.has(w.lower) || ABBREVIATION.test(w.text) || (/^\p{Lu}/u.test(w.text) && !DETERMINERS.has(w.lower) && !CLAUSE_OPENERS.has(w.lower)) || /^(?:former|then|longtime|top|senior)$/.test(w.lower))) return null;
  return { start: m.start, end: m.end };
}

/** "which" at `w` opening a relative clause whose active verb is `words[k]` ("…, which the inquiry said was"; not "in which …", "which … was found"). */
function whichClause(words: Word[], w: number, k: number): boolean {
  return w >= 1 && words[w].lower === 'which' && !PREPOSITIONS.has(words[w - 1].lower) && !/^(?:in|of|on|at|for|by|from|with|to)$/.test(words[w - 1].lower) && !/^(?:was|were|is|are|be|been|being)$/.test(words[k - 1].lower);
}

/** After `words[k]`, a comma and then a new subject (a named person or a pronoun) and a lower-case verb. */
function mainClauseBetween(ctx: AttributionContext, words: Word[], k: number): boolean {
  const { text } = ctx;
  for (let j = k + 1; j + 1 < words.length; j++) {
    if (!/,\s*$/.test(text.slice(words[j - 1].end, words[j].start))) continue;
    let e = j;
    if (!/^(?:he|she|they)$/.test(words[j].lower)) {
      const m = ctx.people.mentionAt.get(words[j].start);
      if (!m || !m.name) continue;
      while (e + 1 < words.length && words[e + 1].end <= m.end) e++;
    }
    const v = words[e + 1];
    if (v && gapIsSpace(text, words[e], v) && /^\p{Ll}+$/u.test(v.text) && !NP_BREAKERS.has(v.lower)) return true;
  }
  return false;
}

/** A quote its own sentence leads into: words before it end in a comma, a colon or a verb of saying ("yelling “…”"). */
function introducedInSentence(text: string, from: number, open: number): boolean {
  const words = wordsIn(text, from, open);
  if (words.length === 0) return false;
  const last = words[words.length - 1];
  return /^[^\S\n]*[,:][^\S\n]*$/.test(text.slice(last.end, open)) || (isCueWord(last) && /^[^\S\n]+$/.test(text.slice(last.end, open)));
}

export function attributeQuotes(ctx: AttributionContext, raw: RawQuote[]): Attribution[] {
  const outerCache = wordsCache;
  const outerText = wordsCacheText;
  wordsCache = new Map();
  wordsCacheText = ctx.text;
  // The same context with its lists copied as one kind of array (stableArray); recentSpeakers stays
  // the caller's own list, which the rules add to.
  const own: AttributionContext = {
    text: ctx.text,
    people: ctx.people,
    personByName: ctx.personByName,
    sentences: stableArray(ctx.sentences),
    paragraphs: stableArray(ctx.paragraphs),
    recentSpeakers: ctx.recentSpeakers,
    shownGenders: new Map(),
    quotes: stableArray(raw),
    renamed: new Map(),
  };
  try {
    return attributeAll(own, own.quotes!);
  } finally {
    // Nothing kept between articles (nor the article's text).
    wordsCache = outerCache;
    wordsCacheText = outerText;
  }
}

/**
 * `{ ...a, cue, rule }`, spelled out: an attribution has no other fields (and has them in this
 * order), and a spread of objects of several shapes went the slow way each time.
 */
function withRule(a: Attribution, rule: string | undefined, cue: string | null = a.cue): Attribution {
  return { speaker: a.speaker, speakerMention: a.speakerMention, cue, rule };
}

/** The attribution with its rule, the one given unless it has one (null stays null). */
function tag(a: Attribution | null, rule: string): Attribution | null {
  return a ? withRule(a, a.rule ?? rule) : null;
}

function attributeAll(ctx: AttributionContext, raw: RawQuote[]): Attribution[] {
  const { sentences, text } = ctx;
  const lineBreaks = new LineBreaks(text);
  const results: Attribution[] = [];
  // Quotes inside a subordinate clause opening their sentence: the main clause after them is not theirs.
  const introQuotes = new Set<number>();
  let s = 0;
  for (let i = 0; i < raw.length; i++) {
    const q = raw[i];
    while (s < sentences.length && sentences[s].end <= q.open) s++;
    const sentence = sentences[Math.min(s, sentences.length - 1)];
    const para = ctx.paragraphs[q.paragraph];
    const prev = i > 0 && raw[i - 1].paragraph === q.paragraph ? raw[i - 1] : null;
    const next = i + 1 < raw.length && raw[i + 1].paragraph === q.paragraph ? raw[i + 1] : null;
    // Where the attribution may lie: the sentence around the quote, never across another quote.
    // A line that ends a sentence ("…!”⏎Lee’s metaphor …") ends it for attribution too, even inside a paragraph.
    const lineStart = lineBreaks.lastBefore(q.open - 1);
    const from = Math.max(sentence && sentence.start <= q.open ? sentence.start : para.start, prev ? prev.close : para.start, lineStart >= para.start && /[.!?:]["”’]?\s*$/.test(text.slice(Math.max(para.start, lineStart - 3), lineStart)) ? lineStart + 1 : 0);
    // The attribution after a quote lies in the sentence the quote ends; a quote that
    // ends its own sentence with ? or ! may still take "…?” Hannity pressed."
    let sentenceEnd = para.end;
    // (Not a quote its sentence introduces — "Lee responded: “…?” Critics cited it …": the next sentence is another's.)
    const endsWithQuestion = /[?!][’'"]*\s*$/.test(text.slice(q.start, q.end)) && !introducedInSentence(text, from, q.open);
    for (let k = s; k < sentences.length; k++) {
      const sn = sentences[k];
      if (sn.paragraph > q.paragraph) break;
      if (sn.paragraph !== q.paragraph || sn.end <= q.close) continue;
      if (sn.start >= q.close && !endsWithQuestion) sentenceEnd = sn.start;
      else sentenceEnd = sn.end;
      break;
    }
    let limit = Math.min(next ? next.open : para.end, Math.max(sentenceEnd, q.close));
    const lineEnd = lineBreaks.firstFrom(q.close);
    if (lineEnd >= 0 && lineEnd < limit && /[.!?]["”’]?\s*$/.test(text.slice(Math.max(q.close - 3, 0), lineEnd))) limit = lineEnd;
    let after = tag(attributionAfter(ctx, q, limit), 'after');
    if (after && (after.rule === 'after' || after.rule === 'any-verb-after') && inIntroClause(ctx, q, from, limit, after)) {
      after = null;
      introQuotes.add(i);
    }
    let a = tag(transcriptLabel(ctx, q), 'transcript') ?? after ?? passiveAgent(ctx, q, from, limit) ?? tag(attributionBefore(ctx, q, from, sentence && sentence.start <= q.open ? Math.max(sentence.start, para.start) : from), 'before') ?? laterClauseSaid(ctx, q, limit) ?? asSaidAfter(ctx, q, limit);
    if (!a) a = saidSentenceAfter(ctx, q) ?? signedBelow(ctx, q);
    if (!a && q.continued && results.length > 0) a = withRule(results[results.length - 1], 'continued');
    // A quote running on over paragraphs: each of its paragraphs opens with a mark, and only the last one
    // closes it. A paragraph opening with a mark after one that opened with a mark and did not end with
    // one goes on from that paragraph's opening quote (whose marks inside may have been misread).
    // (A quote opens its paragraph at paragraphOpen: NYT copy's ''…'' are read with a space before the mark.
    // PolNeAR train: 4 right (3 continued-paragraph, 1 next-paragraph), 0 wrong added.)
    const opensPara = q.open === paragraphOpen(text, para);
    if (!a && opensPara && q.paragraph > 0 && i > 0) {
      const prevPara = ctx.paragraphs[q.paragraph - 1];
      let j = i - 1;
      while (j > 0 && raw[j - 1].paragraph === q.paragraph - 1) j--;
      if (raw[j].paragraph === q.paragraph - 1 && raw[j].open === paragraphOpen(text, prevPara) && results[j].speakerMention && leftOpen(text, prevPara)) a = withRule(results[j], 'continued-paragraph');
    }
    // "“…,” Lee said, adding, “…”": a participle right after the previous quote's attribution shares its speaker.
    if (!a && prev && results[i - 1].speakerMention && isPersonOrPronoun(ctx, results[i - 1])) {
      const between = wordsIn(text, prev.close, q.open);
      const last = between[between.length - 1];
      if (last && between.length <= 4 && /ing$/.test(last.lower) && isCue(last.lower) && /^\s*[,:]?\s*$/.test(text.slice(last.end, q.open)) && (between.length === 1 || /,\s*$/.test(text.slice(between[between.length - 2].end, last.start)))) {
        a = withRule(results[i - 1], 'participle-carry', last.text);
      }
    }
    // "Or maybe the mayor, consultant Ivo Prentiss says. “Several polls …”": the previous sentence ends with its attribution.
    if (!a && sentence && sentence.start === q.open && s > 0 && sentences[s - 1].paragraph === q.paragraph) a = tag(trailingAttribution(ctx, sentences[s - 1], q.paragraph), 'trailing');
    // "Lee praised the harbor crew on Monday. “…”": a quote that is a sentence of its own with no attribution,
    // after a sentence of the same paragraph with no quote that opens with a person and has a verb of saying.
    if (!a && sentence && sentence.start === q.open && s > 0 && sentences[s - 1].paragraph === q.paragraph && q.closed && /^[\s”"’]*$/.test(text.slice(q.close, limit))) a = leadSentence(ctx, q, sentences[s - 1]);
    // A paragraph introduced by the previous one ("Cruz continued:", "… said in a statement:").
    if (!a && opensPara && q.paragraph > 0) a = tag(introducedBy(ctx, q.paragraph - 1), 'introduced');
    if (!a && opensPara && q.close >= para.end - 1 && q.paragraph > 0) a = leadParagraph(ctx, q, q.paragraph - 1);
    // A paragraph that is nothing but a quote goes on from the previous paragraph's speaker.
    if (!a && opensPara && q.close >= para.end - 1 && i > 0 && raw[i - 1].paragraph === q.paragraph - 1) {
      const p = results[i - 1];
      const prevPara = ctx.paragraphs[q.paragraph - 1];
      // Only when the previous paragraph ended with that attributed quote's sentence.
      const tail = text.slice(raw[i - 1].close, prevPara.end);
      // (A longer tail is still that sentence when no other sentence starts in it.)
      const oneSentence = tail.length < 120 || (tail.length < 300 && !/\p{Ll}{2}[.!?]["”’]?\s+["“]?\p{Lu}/u.test(tail));
      if ((p.speaker || isPersonOrPronoun(ctx, p)) && p.speakerMention && oneSentence && !/[“"]/.test(tail)) a = withRule(p, 'next-paragraph');
    }
    // The speaker carries to the following quotes of the same paragraph.
    if (!a && prev) {
      const p = results[i - 1];
      // Not when the quote's own sentence has a speech verb we could not read: someone else may speak there.
      const own = wordsIn(text, from, q.open).concat(wordsIn(text, q.close, limit));
      // "… whom he called “…”": an embedded pronoun's cue is the same speaker's (PolNeAR marks the main subject).
      const embeddedPronounCue = (w: Word): boolean => {
        const j = own.indexOf(w);
        return j >= 2 && PRONOUNS.has(own[j - 1].lower) && /^(?:what|which|whom)$/.test(own[j - 2].lower);
      };
      // "“…” and reminds the board she was the “only one”", "“…,” adding that “…”", "to counter “…”": in the
      // previous quote's sentence, a verb joined by a conjunction, a comma participle or "to", with no
      // subject of its own, shares the previous quote's subject.
      // (A quote ending in ! or ? may end inside its sentence: "She declared “What a day!” and said …".)
      const sameSentence = from === prev.close && (!/[.!?]["”’]?\s*$/.test(text.slice(prev.start, prev.close)) || (!!sentence && sentence.start <= prev.open && !/[.]["”’]?\s*$/.test(text.slice(prev.start, prev.close))));
      // (Not the subject of a relative clause naming the previous quote: "in videos he calls “…,” telling viewers".)
      const relativeSpeaker = !!p.speakerMention && PRONOUNS.has(text.slice(p.speakerMention.start, p.speakerMention.end).toLowerCase()) && /(?:\b(?:which|that|whom)|\b(?!(?:and|but|then|yet|said|says|when|while|because|after|before|since|until|once|although|though|where)\s)\p{Ll}{3,})\s+$/u.test(text.slice(Math.max(0, p.speakerMention.start - 12), p.speakerMention.start));
      const sharedVerb = (w: Word): boolean => {
        if (!sameSentence || !p.speakerMention || relativeSpeaker) return false;
        const j = own.indexOf(w);
        const before = j > 0 ? own[j - 1] : null;
        const lead = before ? text.slice(before.end, w.start) : text.slice(prev.close, w.start);
        const joined = (before !== null && /^(?:and|but|or|then|also|to)$/.test(before.lower) && /^\s+$/.test(lead)) || (/ing$/.test(w.lower) && (/^[\s”"]*,\s*$/.test(lead) || (before === null && /^\s*$/.test(lead) && /,$/.test(text.slice(prev.start, prev.end))) || (before !== null && /^(?:while|before|after|by|and|then)$/.test(before.lower))));
        return joined && subjectBefore(ctx, own, j) === null;
      };
      // ("would continue “to break barriers”": "continue to" is no verb of saying.)
      const continueTo = (w: Word): boolean => /^continu/.test(w.lower) && /^\s*[“"]?to\s/.test(text.slice(w.end, w.end + 6));
      const otherCue = own.some((w) => isCueWord(w) && !NOUN_LIKE_CUES.has(w.lower) && !embeddedPronounCue(w) && !sharedVerb(w) && !continueTo(w) && !(p.cue && w.text === p.cue && w.start <= (p.speakerMention?.end ?? 0) + 40 && w.start >= (p.speakerMention?.start ?? 0) - 40));
      // Nor when the quote's own sentence (after the previous quote's) names someone else before it.
      const ownSentenceOther = from > prev.close && mentionsIn(ctx, from, q.open).some((m) => m.name && m.name !== p.speaker);
      // A signature ("“…” ― Ann Lee") and a bare "another" belong to their own quote only.
      // "… “…” ¶ She wants the board “…”": a quote in a new sentence of its own, whose plain clause opens with
      // a person or a pronoun, takes that subject rather than carrying the previous speaker (PolNeAR marks
      // the nearer mention). PolNeAR train: 4 speakers turned right, 0 wrong added.
      const ownSubject = from > prev.close && sentence && sentence.start < q.open && from === sentence.start ? subjectOfPlainClause(ctx, q, from, sentence.end) : null;
      // A relative "who" speaks only within its clause, which a comma closes ("Lee, who called it “…,” then left").
      // The writer's "I" carries only within its sentence.
      const writerElsewhere = !!p.speakerMention && text.slice(p.speakerMention.start, p.speakerMention.end) === 'I' && from > prev.close;
      const whoClosed = !!p.speakerMention && text.slice(p.speakerMention.start, p.speakerMention.end).toLowerCase() === 'who' && (/,$/.test(text.slice(prev.start, prev.end)) || /,/.test(text.slice(prev.close, q.open)));
      if (ownSubject && (p.speaker || p.speakerMention) && !otherCue && p.rule !== 'signed') a = withRule(ownSubject, 'own-subject');
      // A relative "who" speaks only within its clause, which a comma closes ("Lee, who called it “…,” then left").
      else if ((p.speaker || p.speakerMention) && !otherCue && !ownSentenceOther && !whoClosed && !writerElsewhere && p.rule !== 'signed' && p.rule !== 'inverted-quantifier') a = withRule(p, 'same-paragraph');
      // "“…” and called it “…”", "“…,” adding that …“…”", "“…” while calling for “…”": in the same sentence,
      // a verb joined to the previous quote with nothing but a conjunction or a comma shares its subject.
      else if (p.speakerMention && isPersonOrPronoun(ctx, p) && from === prev.close) {
        const between = wordsIn(text, prev.close, q.open);
        const c = between.findIndex((w) => isCueWord(w) && !NOUN_LIKE_CUES.has(w.lower));
        const joinedVerb = c >= 0 && between.slice(0, c).every((w) => /^(?:and|but|while|before|after|also|then|later|even|by|not|only|yet)$/.test(w.lower)) && (c > 0 || /^\s*[,—–]/.test(text.slice(prev.close, between[0].start)) || /,$/.test(text.slice(prev.start, prev.end)));
        const laterCue = wordsIn(text, q.close, limit).some((w) => isCueWord(w) && !NOUN_LIKE_CUES.has(w.lower));
        if (joinedVerb && !laterCue && !between.slice(c + 1).some((w) => isCueWord(w) && !NOUN_LIKE_CUES.has(w.lower))) a = withRule(p, 'joined-verb', between[c].text);
      }
    }
    // No cue at all: the subject of a plain clause around the quote.
    if (!a && sentence && sentence.start < q.open && from === sentence.start) a = subjectOfPlainClause(ctx, q, from, sentence.end);
    if (a?.rule !== 'transcript' && a?.rule !== 'signed') a = outerSource(ctx, q, limit) ?? a;
    // A split quote (“A,” she said, “B.”): the first part takes the second's attribution.
    const att = a ?? { speaker: null, speakerMention: null, cue: null };
    results.push(att);
    if (att.speaker && att.speakerMention) {
      ctx.recentSpeakers.push({ name: att.speaker, at: att.speakerMention.start, paragraph: q.paragraph });
      if (ctx.people.genders.get(att.speaker) === null && att.speakerMention.end - att.speakerMention.start <= 3) {
        const pronoun = ctx.text.slice(att.speakerMention.start, att.speakerMention.end).toLowerCase();
        if (pronoun === 'he' || pronoun === 'she') ctx.shownGenders?.set(att.speaker, pronoun === 'she' ? 'f' : 'm');
      }
    }
  }
  // Back-fill the first part of a split quote from the second.
  for (let i = 0; i + 1 < raw.length; i++) {
    if (results[i].speakerMention || raw[i].paragraph !== raw[i + 1].paragraph || introQuotes.has(i)) continue;
    const between = ctx.text.slice(raw[i].close, raw[i + 1].open);
    // Only a real split: the first part ends in a comma (“A,” she said, “B.”), not a sentence.
    const splitHere = /,$/.test(ctx.text.slice(raw[i].start, raw[i].end)) || /^\s*,/.test(between);
    if (splitHere && /^[,\s]*[\p{L}\s.'’,-]{1,80}[,:]\s*$/u.test(between) && results[i + 1].speakerMention && results[i + 1].speakerMention!.start >= raw[i].close && results[i + 1].speakerMention!.end <= raw[i + 1].open) {
      results[i] = withRule(results[i + 1], 'split');
    }
  }
  // "… a “fair deal” and the “right call” for the town, Mara Quill said.": a quote with no speaker takes that
  // of the next quote of its sentence when the attribution comes after both and nothing but plain words,
  // with no verb of saying and no sentence end, stands between them.
  for (let i = raw.length - 2; i >= 0; i--) {
    const b = results[i + 1];
    if (results[i].speakerMention || raw[i].paragraph !== raw[i + 1].paragraph || !b.speakerMention) continue;
    if (b.speakerMention.start < raw[i + 1].close) continue;
    const between = ctx.text.slice(raw[i].close, raw[i + 1].open);
    if (/[.!?;:()—–]/.test(between) || /[.!?]$/.test(ctx.text.slice(raw[i].start, raw[i].end)) || between.length > 120) continue;
    if (wordsIn(ctx.text, raw[i].close, raw[i + 1].open).some((w) => isCue(w.lower))) continue;
    results[i] = withRule(b, 'shared-later');
  }
  if (ctx.renamed && ctx.renamed.size > 0) {
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      const name = r.speakerMention ? ctx.renamed.get(r.speakerMention.start) : undefined;
      if (name) results[i] = { speaker: name, speakerMention: r.speakerMention, cue: r.cue, rule: r.rule };
    }
  }
  return results;
}

