import type { Article } from '../../src/core/types';

/**
 * The article with its people as plain objects: a restored article keeps each
 * person's mentions packed (src/core/packedPeople.ts) and builds the list when
 * read, so it equals a parsed one field by field, not by prototype.
 */
export function plainArticle(article: Article | null | undefined): Article | null | undefined {
  if (!article) return article;
  return {
    ...article,
    people: article.people.map((p) => ({ name: p.name, titles: p.titles, aliases: p.aliases, mentions: p.mentions, surnameFirst: p.surnameFirst, surname: p.surname })),
  };
}
