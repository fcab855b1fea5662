import type { ArticleList, ArticleResponse, FactList } from '../contract/schemas';
import { qualify } from '../engine/rules';
import { AppError } from './errors';
import type { Snapshot } from './snapshot';

/** One article as it is served; an AppError (not_found) naming the known ids if there is none. */
export function articleAnswer({ kb }: Snapshot, id: string): ArticleResponse {
  const article = kb.articles.find((a) => a.id === id);
  if (!article) {
    const known = kb.articles.map((a) => a.id).join(', ');
    throw new AppError('not_found', `No article "${id}"; the knowledge base has: ${known}.`);
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
  return { facts: [...kb.vocabulary.facts], kb: { revision: kb.revision } };
}
