import type { Request, RequestHandler } from 'express';
import { Problem } from '../contract/problem';
import { sendProblem } from './problem-response';

/**
 * The longest a request body may take to arrive: REQUEST_TIMEOUT_MS from when its headers are
 * read. Past it, a 408 problem and the connection is closed. (Node's own requestTimeout counts
 * the same for every request, and would cut an NDJSON backfill that keeps sending; `isStream`
 * says which requests are such streams, and they have an idle limit of their own instead: see
 * ndjson-stream.ts.)
 *
 * A timer per request with a body, cleared when the body has arrived. (Keeping the requests in
 * a set swept every second, as Node does for its own timeouts, held them past their young
 * generation and cost diagnose 75% more CPU per request.)
 */
export function requestDeadline(timeoutMs: number, isStream: (req: Request) => boolean): RequestHandler {
  return (req, res, next) => {
    if ((req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) || isStream(req)) return next();
    const timer = setTimeout(() => {
      if (req.readableEnded || req.destroyed) return;
      if (!res.headersSent) {
        res.setHeader('Connection', 'close');
        sendProblem(res, new Problem(408, 'request_timeout', `The request body did not arrive within ${timeoutMs} ms.`), req.originalUrl);
      }
      res.once('finish', () => req.socket.destroy());
    }, timeoutMs);
    const clear = () => clearTimeout(timer);
    req.once('end', clear);
    // Answered without reading its body (a 404, a 415): nothing left to wait for, and the timer
    // would keep the request alive until it fired.
    res.once('close', clear);
    next();
  };
}
