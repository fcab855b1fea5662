import type { RequestHandler } from 'express';
import { Problem, sendProblem } from './problem';

/**
 * The longest a request body may take to arrive: REQUEST_TIMEOUT_MS from when its headers are
 * read. Past it, a 408 problem and the connection is closed. (Node's own requestTimeout counts
 * the same for every request, and would cut an NDJSON backfill that keeps sending; those streams
 * set `res.locals.streamsBody`, and have an idle limit of their own instead: see ndjson-stream.ts.)
 */
export function requestDeadline(timeoutMs: number, isStream: (req: Parameters<RequestHandler>[0]) => boolean): RequestHandler {
  return (req, res, next) => {
    if (isStream(req) || req.readableEnded || (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined)) return next();
    const timer = setTimeout(() => {
      if (req.readableEnded) return;
      if (!res.headersSent) {
        res.setHeader('Connection', 'close');
        sendProblem(res, new Problem(408, 'request_timeout', `The request body did not arrive within ${timeoutMs} ms.`), req.originalUrl);
      }
      res.once('finish', () => req.socket.destroy());
    }, timeoutMs);
    const clear = () => clearTimeout(timer);
    req.once('end', clear);
    req.once('close', clear);
    next();
  };
}
