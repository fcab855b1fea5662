import { Router } from 'express';
import { articleAnswer, articleList, factsAnswer } from '../../app/articles';
import type { SnapshotOf } from '../../app/snapshot';

/**
 * The read-only routes over the served knowledge base: the vocabulary of facts, the article list
 * and each article.
 */
export function knowledgeBaseRoutes(snapshotOf: SnapshotOf): Router {
  const router = Router();
  router.get('/v1/facts', (req, res) => void res.json(factsAnswer(snapshotOf(req))));
  router.get('/v1/articles', (req, res) => void res.json(articleList(snapshotOf(req))));
  router.get('/v1/articles/:id', (req, res) => void res.json(articleAnswer(snapshotOf(req), req.params.id)));
  return router;
}
