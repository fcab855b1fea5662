import { Router } from 'express';
import { qualify } from '../../engine/rules';
import { Problem } from '../problem';
import type { ArticleList, ArticleResponse, FactList } from '../schemas';
import type { Served, Serving } from '../serving';

/** One article as the API serves it; a Problem (404) naming the known ids if there is none. */
export function articleAnswer({ kb }: Served, id: string): ArticleResponse {
  const article = kb.articles.find((a) => a.id === id);
  if (!article) {
    const known = kb.articles.map((a) => a.id).join(', ');
    throw new Problem(404, 'not_found', `No article "${id}"; the knowledge base has: ${known}.`);
  }
  // "$schema" points authors' editors at the schema file; it means nothing to API callers.
  const { $schema: _schema, ...content } = article as typeof article & { $schema?: string };
  // openapi-typescript reads the article schema's "$defs" as a required property, so the
  // generated type cannot describe an article; the API tests validate this body instead.
  return { article: content as unknown as ArticleResponse['article'], kb: { revision: kb.revision } };
}

/** The vocabulary as the API serves it. */
export function factsAnswer({ kb }: Served): FactList {
  return { facts: [...kb.vocabulary.facts], kb: { revision: kb.revision } };
}

export function knowledgeBaseRoutes(serving: Serving): Router {
  const router = Router();

  router.get('/v1/facts', (req, res) => {
    res.json(factsAnswer(serving(req)));
  });

  router.get('/v1/articles', (req, res) => {
    const { kb } = serving(req);
    res.json({
      articles: kb.articles.map((article) => ({
        id: article.id,
        kind: article.kind,
        title: article.title,
        url: article.url,
        revisions: article.revisions.map(({ id, date }) => ({ id, ...(date ? { date } : {}) })),
        diagnoses: article.diagnoses.map((d) => qualify(article.id, d.id)),
      })),
      kb: { revision: kb.revision },
    } satisfies ArticleList);
  });

  router.get('/v1/articles/:id', (req, res) => {
    res.json(articleAnswer(serving(req), req.params.id));
  });

  return router;
}
