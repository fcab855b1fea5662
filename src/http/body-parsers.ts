import express, { type RequestHandler } from 'express';
import { routeOfResponse } from './route-guard';

/**
 * Reads a request's JSON body only where its operation takes one (the contract's requestBody, as
 * the route guard found it): a GET's or a reload's body is left unread, so it cannot turn an
 * answer into a 400 or a 413 about something the operation never looks at.
 *
 * Not strict: a body of valid JSON that is not an object is then reported by schema validation
 * ("must be object") rather than as malformed JSON. The raw body is kept for webhook signatures,
 * which are computed over the exact bytes; only webhooks keep it, since adding a property to
 * every request would cost the others.
 */
export function bodyParsers({ bodyLimit, batchBodyLimit }: { bodyLimit: string | number; batchBodyLimit: string | number }): RequestHandler {
  const verify = (req: object, _res: unknown, buffer: Buffer) => Object.assign(req, { rawBody: buffer });
  const json = express.json({ limit: bodyLimit, strict: false });
  const webhookJson = express.json({ limit: bodyLimit, strict: false, verify });
  const batchJson = express.json({ limit: batchBodyLimit, strict: false });
  return (req, res, next) => {
    if (!routeOfResponse(res).bodies.includes(req.method)) return next();
    (req.path === '/v1/annotate/batch' ? batchJson : req.path.startsWith('/v1/webhooks/') ? webhookJson : json)(req, res, next);
  };
}
