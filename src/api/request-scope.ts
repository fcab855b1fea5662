import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Served, Serving } from './serving';

/**
 * Pins each request to the knowledge base being served when it arrived: a reload during the
 * request does not mix two revisions in one answer. Also says, in X-KB-Revision, which one it was.
 *
 * The pin is kept per request object rather than in an AsyncLocalStorage: the storage turns on
 * promise hooks for the whole process, which cost about a quarter of the throughput of every
 * route under load, while every reader of the pin has the request at hand.
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
