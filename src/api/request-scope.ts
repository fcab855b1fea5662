import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Served, Serving } from './serving';

/**
 * Pins each request to the knowledge base being served when it arrived: a reload during the
 * request does not mix two revisions in one answer. Also says, in X-KB-Revision, which one it was.
 *
 * The pin is kept per request object rather than in an AsyncLocalStorage: every reader of it
 * has the request at hand, and the storage would turn on promise hooks for the whole process.
 * (Measured on this project's noisy 2-core machine, the two cost the same within the noise.)
 */
export function requestScope(current: () => Served): { middleware: RequestHandler; serving: Serving } {
  const pinned = new WeakMap<IncomingMessage, Served>();
  return {
    middleware: (req, res, next) => {
      const served = current();
      pinned.set(req, served);
      res.setHeader('X-KB-Revision', served.kb.revision);
      next();
    },
    serving: (req) => pinned.get(req) ?? current(),
  };
}
