import cluster from 'node:cluster';
import crypto from 'node:crypto';
import { ClusterMemoryStoreWorker } from '@express-rate-limit/cluster-memory-store';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { Problem } from '../contract/problem';
import { keyOf } from '../config/config';

/** Paths anyone may call: liveness, readiness, metrics (see metricsGuard) and the API description. */
const PUBLIC_PATHS = new Set(['/healthz', '/readyz', '/metrics', '/openapi.json']);

type KeyRole = 'caller' | 'admin';

/** The key a request was made with: its role, an id (a digest prefix) to count its requests by, and its name (keyOf). */
export interface ApiKey {
  role: KeyRole;
  id: string;
  name: string;
}

interface KeyRing {
  /** API_KEYS: keys that call the API. None: the API is open. */
  callers: string[];
  /** ADMIN_API_KEYS: keys that may also operate the service (reload, retry a dead letter). None: /admin is off. */
  admins: string[];
  /** Paths that authenticate their callers themselves (webhooks with their system's secret): no key is asked there. */
  selfAuthenticated?: string[];
}

/** Operations only an admin key may call: reloading, and sending a dead letter again. */
const adminOnly = (method: string, path: string) => path.startsWith('/admin/') || (method === 'POST' && /^\/v1\/deliveries\/[^/]+\/retry$/.test(path));

const digestOf = (key: string) => crypto.createHash('sha256').update(key).digest();

/**
 * Finds the key a request carries in X-API-Key (or Authorization: Bearer) among `keys`. Keys are
 * compared as SHA-256 digests with timingSafeEqual, every one of them, so the comparison takes
 * the same time whatever the key, and are never logged.
 */
export function keyMatcher(keys: { key: string; role: KeyRole }[]): (req: Parameters<RequestHandler>[0]) => ApiKey | undefined {
  const known = keys.map(({ key: entry, role }) => {
    const { name, key } = keyOf(entry);
    return { digest: digestOf(key), role, name };
  });
  return (req) => {
    const bearer = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    const given = req.get('x-api-key') ?? bearer;
    if (given === undefined) return undefined;
    const digest = digestOf(given);
    let found: ApiKey | undefined;
    for (const { digest: candidate, role, name } of known) {
      if (crypto.timingSafeEqual(digest, candidate) && !found) found = { role, id: digest.subarray(0, 8).toString('hex'), name };
    }
    return found;
  };
}

/**
 * Requires a key on every non-public path: the admin operations need an admin key (a caller's
 * key is a 403); the rest any key, or none when no caller keys are set. Webhooks whose system's
 * secret is set are authenticated by it instead (Jira's admin webhooks cannot send a key). The
 * key found is left in res.locals.apiKey, for the rate limit to count by.
 */
export function apiKeyAuth({ callers, admins, selfAuthenticated = [] }: KeyRing): RequestHandler {
  const match = keyMatcher([...callers.map((key) => ({ key, role: 'caller' as const })), ...admins.map((key) => ({ key, role: 'admin' as const }))]);
  const open = new Set([...PUBLIC_PATHS, ...selfAuthenticated]);
  return (req, res, next) => {
    if (open.has(req.path)) return next();
    const key = match(req);
    if (key) res.locals.apiKey = key;
    const admin = adminOnly(req.method, req.path);
    if (admin && key?.role === 'caller') throw new Problem(403, 'forbidden', 'This key calls the API; operating the service (reloading, retrying a dead letter) needs a key of ADMIN_API_KEYS.');
    if (key || (!admin && callers.length === 0)) return next();
    throw new Problem(401, 'unauthorized', `Send a valid ${admin ? 'admin ' : ''}API key in X-API-Key (or Authorization: Bearer <key>).`, undefined, { 'WWW-Authenticate': 'Bearer' });
  };
}

/**
 * At most `perMinute` requests a minute per API key, or per client address for requests without
 * one (the address express finds behind TRUST_PROXY); then a 429 problem with Retry-After and
 * RateLimit headers. In a cluster the workers count together, in the primary (see cluster.ts):
 * otherwise the limit would be the worker count times the one set.
 */
export function rateLimiter(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    ...(cluster.isWorker ? { store: new ClusterMemoryStoreWorker() } : {}),
    keyGenerator: (req, res) => {
      const key = res.locals.apiKey as ApiKey | undefined;
      return key ? `key:${key.id}` : `address:${ipKeyGenerator(req.ip ?? '')}`;
    },
    skip: (req) => PUBLIC_PATHS.has(req.path),
    handler: (_req, res, next) => {
      const who = res.locals.apiKey ? 'with this API key' : 'from this address';
      next(new Problem(429, 'rate_limited', `More than ${perMinute} requests in a minute ${who}; retry after the time in Retry-After.`));
    },
  });
}
