import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import type { Served, Serving } from './serving';

/**
 * Pins each request to the knowledge base being served when it arrived: a reload during the
 * request does not mix two revisions in one answer. Also says, in X-KB-Revision, which one it was.
 */
export function requestScope(current: () => Served): { middleware: RequestHandler; serving: Serving } {
  const storage = new AsyncLocalStorage<Served>();
  return {
    middleware: (_req, res, next) => {
      const served = current();
      res.setHeader('X-KB-Revision', served.kb.revision);
      storage.run(served, next);
    },
    serving: () => storage.getStore() ?? current(),
  };
}
