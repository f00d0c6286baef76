// The data model shared by the reader, the index, the CLI and the editor.
// Offsets are UTF-16 code-unit offsets into `Article.text` (the decoded
// file, byte-order mark removed), so `text.slice(start, end)` is the span.

export interface Span {
  start: number;
  end: number;
}

export interface ArticleMeta {
  /** "Bloomberg", "AP", … from a dateline, copyright line or front matter. */
  outlet: string | null;
  /** ISO date ("2022-12-13") or a year ("2022"), as precise as the source says. */
  date: string | null;
  title: string | null;
  url: string | null;
  /** Bylines and "With assistance from" names: not people in the story. */
  contributors: string[];
}

export type EntityKind = 'person' | 'organization' | 'description';

/** One occurrence of a person (or other speaker) in an article's text. */
export interface Mention extends Span {
  /** Canonical name of the entity it resolves to; null when unresolved. */
  name: string | null;
  /** Ambiguous surname: every name it could be. */
  candidates?: string[];
}

/** A person as one article knows them. */
export interface ArticlePerson {
  name: string;
  /** Titles or roles as written: "State Department spokesman". */
  titles: string[];
  /** Surname, possessives etc. as seen in the text. */
  aliases: string[];
  mentions: Mention[];
  /** Whether the surname comes first (Xi Jinping, Wang Wenbin). */
  surnameFirst: boolean;
  surname: string;
}

export interface Quote extends Span {
  /** Stable id: derived from the article path and the quote's offsets/text. */
  id: string;
  /** The quoted words without the quotation marks: `article.text.slice(start, end)`. */
  text: string;
  /** Canonical name of the speaker (person, organisation or description), or null. */
  speaker: string | null;
  speakerMention: Span | null;
  cue: string | null;
  /** The paragraph's number (see spans.ts: paragraphAt). */
  paragraph: number;
}

export interface Sentence extends Span {
  paragraph: number;
}

export interface Article {
  /** The path as given (absolute in the extension, as given on the CLI). */
  path: string;
  text: string;
  meta: ArticleMeta;
  /**
   * Story paragraphs (boilerplate such as copyright lines excluded), packed:
   * start and end of each in turn. Read them with spans.ts (paragraphAt, …).
   */
  paragraphs: Int32Array;
  /** Sentences packed: start, end and paragraph index of each in turn (spans.ts: sentenceAt, …). */
  sentences: Int32Array;
  people: ArticlePerson[];
  quotes: Quote[];
  /** Non-person speakers named in quotes' attributions ("China", "the newspaper"). */
  otherSpeakers: string[];
}
