import type { Article } from '../../src/core/types';

/**
 * The article as a plain object, with its people and quotes as plain objects:
 * a restored article keeps its text packed (src/core/packedText.ts), each
 * quote's words and speaker's mention as offsets, and each person's mentions
 * packed (src/core/packedPeople.ts), reading them back when asked, so it
 * equals a parsed one field by field, not by prototype.
 */
export function plainArticle(article: Article | null | undefined): Article | null | undefined {
  if (!article) return article;
  return {
    path: article.path,
    text: article.text,
    meta: article.meta,
    paragraphs: article.paragraphs,
    sentences: article.sentences,
    quotes: article.quotes.map((q) => ({ id: q.id, text: q.text, start: q.start, end: q.end, speaker: q.speaker, speakerMention: q.speakerMention, cue: q.cue, paragraph: q.paragraph })),
    otherSpeakers: article.otherSpeakers,
    people: article.people.map((p) => ({ name: p.name, titles: p.titles, aliases: p.aliases, mentions: p.mentions, surnameFirst: p.surnameFirst, surname: p.surname })),
  };
}
