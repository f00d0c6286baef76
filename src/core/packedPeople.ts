// People of an article restored from the cache (or sent by a parse worker),
// with their mentions kept packed.
//
// An archive of ten thousand articles names its people about 290,000 times;
// as objects those mentions were about a tenth of the heap after indexing
// (about 50 bytes and an allocation each, plus their lists), and nearly
// nothing reads them: a hover or Go to Definition asks for one person's.
// Here they are four numbers each in one typed array per article, and a
// person's list is built when asked for.

import type { ArticlePerson, Mention } from './types';

/** Per mention: start, end, name, candidates (see NO_NAME, OWN_NAME). */
export const MENTION_WIDTH = 4;
/** A mention's name or candidates: none. Any other number ≥ 0 is an index into ArticleMentions.strings. */
export const NO_NAME = -1;
/** A mention's name: the person's own. */
export const OWN_NAME = -2;

/** Every mention of one article's people, packed; `strings` holds the names (candidates joined by U+0001) they refer to. */
export class ArticleMentions {
  constructor(
    readonly numbers: Int32Array,
    readonly strings: string[],
  ) {}
}

/**
 * A person whose mentions stay packed until read. `mentions` gives a new list
 * at each read (not kept, so that listing a person once does not keep the
 * objects for the rest of the session).
 */
export class PackedPerson implements ArticlePerson {
  constructor(
    public name: string,
    public titles: string[],
    public aliases: string[],
    public surname: string,
    public surnameFirst: boolean,
    private readonly packed: ArticleMentions,
    /** Index of the person's first mention in `packed`, in mentions. */
    private readonly first: number,
    readonly mentionCount: number,
  ) {}

  get mentions(): Mention[] {
    const { numbers, strings } = this.packed;
    const out = new Array<Mention>(this.mentionCount);
    for (let k = 0, at = this.first * MENTION_WIDTH; k < this.mentionCount; k++, at += MENTION_WIDTH) {
      const nameRef = numbers[at + 2];
      const m: Mention = { start: numbers[at], end: numbers[at + 1], name: nameRef === OWN_NAME ? this.name : nameRef === NO_NAME ? null : strings[nameRef] };
      if (numbers[at + 3] !== NO_NAME) m.candidates = strings[numbers[at + 3]].split('\u0001');
      out[k] = m;
    }
    return out;
  }

  /**
   * Writes the mentions as the cache entry lays them out (count, then start, end, name, candidates
   * each) into `out` from `to` on, without building them; returns where they end. `str` gives a
   * string's index in the entry.
   */
  encodeMentions(out: Int32Array, to: number, str: (s: string) => number): number {
    const { numbers, strings } = this.packed;
    out[to++] = this.mentionCount;
    for (let k = 0, at = this.first * MENTION_WIDTH; k < this.mentionCount; k++, at += MENTION_WIDTH) {
      const nameRef = numbers[at + 2];
      const candidates = numbers[at + 3];
      out[to++] = numbers[at];
      out[to++] = numbers[at + 1];
      out[to++] = nameRef < 0 ? nameRef : str(strings[nameRef]);
      out[to++] = candidates < 0 ? candidates : str(strings[candidates]);
    }
    return to;
  }

  /** Points the names the mentions refer to at shared copies (see SourceIndex.shareStrings). */
  shareStrings(share: (s: string) => string): void {
    const { strings } = this.packed;
    for (let i = 0; i < strings.length; i++) strings[i] = share(strings[i]);
  }
}
