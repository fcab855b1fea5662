import type { ArticleList, ArticleResponse, FactList } from '../contract/schemas';
import { qualify } from '../engine/rules';
import { closestId } from './closest-id';
import { AppError } from './errors';
import type { Snapshot } from './snapshot';

/**
 * One article as it is served, found by its id in any case (kb291615 is KB291615, and the answer
 * carries the id as listed); an AppError (not_found) naming the closest id, and all of them, if
 * there is none.
 */
export function articleAnswer({ kb }: Snapshot, id: string): ArticleResponse {
  const article = kb.articles.find((a) => a.id === id) ?? kb.articles.find((a) => a.id.toUpperCase() === id.toUpperCase());
  if (!article) {
    const ids = kb.articles.map((a) => a.id);
    const closest = closestId(id, ids);
    throw new AppError('not_found', `No article "${id}"${closest ? `; did you mean ${closest}?` : '.'} The knowledge base has: ${ids.join(', ')}.`);
  }
  // "$schema" points authors' editors at the schema file; it means nothing to API callers.
  const content: Record<string, unknown> = { ...article };
  delete content.$schema;
  // openapi-typescript reads the article schema's "$defs" as a required property, so the
  // generated type cannot describe an article; the API tests validate this body instead.
  return { article: content as unknown as ArticleResponse['article'], kb: { revision: kb.revision } };
}

/** Every article, with its revisions and the diagnoses it makes. */
export function articleList({ kb }: Snapshot): ArticleList {
  return {
    articles: kb.articles.map((article) => ({
      id: article.id,
      kind: article.kind,
      title: article.title,
      url: article.url,
      revisions: article.revisions.map(({ id, date }) => ({ id, ...(date ? { date } : {}) })),
      diagnoses: article.diagnoses.map((d) => qualify(article.id, d.id)),
    })),
    kb: { revision: kb.revision },
  };
}

/** The fact vocabulary. */
export function factsAnswer({ kb }: Snapshot): FactList {
  return { facts: [...kb.vocabulary.facts], questionGroups: [...kb.vocabulary.questionGroups], kb: { revision: kb.revision } };
}
