import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { Problem } from './problem';

/** Paths anyone may call: liveness, readiness, metrics and the API description. */
export const PUBLIC_PATHS = new Set(['/healthz', '/readyz', '/metrics', '/openapi.json']);

/**
 * Requires one of `keys` in X-API-Key (or Authorization: Bearer) on every non-public path.
 * Keys are compared as SHA-256 digests with timingSafeEqual, so the comparison takes the same
 * time whatever the key, and are never logged.
 */
export function apiKeyAuth(keys: string[]): RequestHandler {
  const digests = keys.map((key) => crypto.createHash('sha256').update(key).digest());
  return (req, _res, next) => {
    if (PUBLIC_PATHS.has(req.path)) return next();
    const bearer = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    const given = req.get('x-api-key') ?? bearer;
    if (given !== undefined) {
      const digest = crypto.createHash('sha256').update(given).digest();
      let match = false;
      for (const known of digests) match = crypto.timingSafeEqual(digest, known) || match;
      if (match) return next();
    }
    throw new Problem(401, 'unauthorized', 'Send a valid API key in X-API-Key (or Authorization: Bearer <key>).', undefined, { 'WWW-Authenticate': 'Bearer' });
  };
}

/** At most `perMinute` requests a minute from one client address; then a 429 problem with Retry-After and RateLimit headers. */
export function rateLimiter(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skip: (req) => PUBLIC_PATHS.has(req.path),
    handler: (_req, _res, next, options) => {
      next(new Problem(429, 'rate_limited', `More than ${options.limit} requests in a minute from this address; retry after the time in Retry-After.`));
    },
  });
}
