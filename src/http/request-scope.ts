import type { RequestHandler } from 'express';
import type { Snapshot, SnapshotOf } from '../app/snapshot';

/**
 * Pins each request to the knowledge base being served when it arrived: a reload during the
 * request does not mix two revisions in one answer. Also says, in X-KB-Revision, which one it was.
 *
 * The pin is kept per request object rather than in an AsyncLocalStorage: every reader of it
 * has the request at hand, and the storage would turn on promise hooks for the whole process.
 * (Measured on this project's noisy 2-core machine, the two cost the same within the noise.)
 */
export function requestScope(snapshot: () => Snapshot): { middleware: RequestHandler; snapshotOf: SnapshotOf } {
  const pinned = new WeakMap<object, Snapshot>();
  return {
    middleware: (req, res, next) => {
      const taken = snapshot();
      pinned.set(req, taken);
      res.setHeader('X-KB-Revision', taken.kb.revision);
      next();
    },
    snapshotOf: (req) => pinned.get(req) ?? snapshot(),
  };
}
