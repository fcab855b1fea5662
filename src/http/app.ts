import cors from 'cors';
import express, { type Express, type Request, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { TicketReader } from '../annotate/extraction-pool';
import { DEFAULT_ANSWER_CACHE_MB } from '../config/config';
import type { Metrics } from '../observability/metrics';
import { httpLogger } from '../observability/logging';
import type { DeliveryIntake } from '../delivery/intake';
import type { Outbox } from '../delivery/outbox';
import type { KnowledgeBaseHolder } from '../app/holder';
import type { Store } from '../store/store';
import { Contract } from '../contract/contract';
import { routeGuard } from './route-guard';
import { routeTemplates } from './route-templates';
import { bodyParsers } from './body-parsers';
import { queryGuard } from './query-guard';
import { Problem } from '../contract/problem';
import { problemHandler } from './problem-response';
import { requestDeadline } from './request-deadline';
import { requestScope } from './request-scope';
import { adminRoutes } from './routes/admin';
import { deliveryRoutes } from './routes/deliveries';
import { annotateRoutes } from './routes/annotate';
import { artifactRoutes } from './routes/artifacts';
import { diagnoseRoutes } from './routes/diagnose';
import { decisionRoutes } from './routes/decisions';
import type { DecisionRecorder } from '../decisions/recorder';
import { knowledgeBaseRoutes } from './routes/knowledge-base';
import { operationsRoutes } from './routes/operations';
import { apiKeyAuth, rateLimiter } from './security';
import { securityHeaders } from './security-headers';
import type { Snapshot, SnapshotOf } from '../app/snapshot';

/**
 * What the HTTP application serves and how: the knowledge base, limits, keys, CORS origins,
 * logging and metrics.
 */
export interface AppOptions {
  /** The knowledge base to serve: a holder (reloadable) or a fixed one. */
  holder?: KnowledgeBaseHolder;
  snapshot?: Snapshot;
  contract?: Contract;
  /** Largest request body accepted, as body-parser reads it ('100kb', 1048576, ...). */
  bodyLimit?: string | number;
  /**
   * Largest JSON batch of tickets accepted; default 1 MB. Parsing is on the event loop: 1 MB of
   * the costliest JSON (an object of 100,000 short names) takes 80-140 ms on a loaded 2-core
   * machine, 5 MB took 0.23-0.54 s, holding every other request up as long.
   */
  batchBodyLimit?: string | number;
  /** Delivery of write-backs: webhooks record them, /v1/deliveries shows and retries them. */
  deliveries?: AppDeliveries;
  /** The store /readyz depends on. */
  store?: Pick<Store, 'kind' | 'ping'>;
  /** Keys callers must send; none: the API is open. */
  apiKeys?: string[];
  /** Keys that may also reload the knowledge base; none: /admin is off. */
  adminApiKeys?: string[];
  /** Requests a minute per API key (per client address without keys); 0 or unset: no limit. */
  rateLimitPerMinute?: number;
  /** express's `trust proxy`: which proxies' X-Forwarded-For to believe for the client address. */
  trustProxy?: boolean | number | string[];
  /** GET /metrics needs this key (or an admin key); /metrics is open when unset. */
  metricsApiKey?: string;
  /** /metrics is served elsewhere (METRICS_PORT): not by this app. */
  metricsElsewhere?: boolean;
  /** Origins a browser may call from. */
  corsOrigins?: string[];
  logger?: Logger;
  metrics?: Metrics;
  /** Megabytes of diagnose answers kept per knowledge base; 0: none. */
  answerCacheMb?: number;
  /** How tickets are read; default on the event loop (the service passes a pool of worker threads). */
  readTicket?: TicketReader;
  /** The longest a request body may take to arrive, and an NDJSON batch may send nothing; default 30 s. */
  requestTimeoutMs?: number;
  /** Where diagnoses and annotations are recorded; without it the decision log is off (its routes are 404s). */
  decisions?: DecisionRecorder;
}

/**
 * The other doors served on the same HTTP server (the pages, webhooks, MCP), given to the app by
 * whoever assembles the service, so that this door imports none of them.
 */
export interface MountedDoors {
  /** Answered before keys and limits, for GET and HEAD only: the public pages. */
  pages?: RequestHandler;
  /** Routes behind keys, limits, the request scope and body parsing, after the API's own. */
  routes?: (snapshotOf: SnapshotOf, contract: Contract) => RequestHandler[];
  /** Paths that authenticate their callers themselves (signed webhooks): no API key is asked of them. */
  selfAuthenticated?: string[];
  /** POST paths served although the contract does not describe them. */
  undescribedPosts?: string[];
}

interface AppDeliveries {
  intake: DeliveryIntake;
  outbox: Outbox;
  giveUpMs: number;
  /** A dead letter was queued again: look for it now. */
  requeued?: () => void;
}

const isBatchStream = (req: Request) => req.path === '/v1/annotate/batch' && req.is('application/x-ndjson') === 'application/x-ndjson';

/**
 * The HTTP application: the contract's routes behind security, limits, authentication and
 * problem+json errors. `doors` are what the service mounts on it (pages, webhooks, MCP),
 * so that this module imports none of them.
 */
export function createApp(options: AppOptions, doors: MountedDoors = {}): Express {
  const {
    holder,
    contract = new Contract(),
    bodyLimit = '100kb',
    batchBodyLimit = '1mb',
    apiKeys = [],
    adminApiKeys = [],
    rateLimitPerMinute = 0,
    corsOrigins = [],
    logger,
    metrics,
    requestTimeoutMs = 30_000,
  } = options;
  const current = holder ? () => holder.snapshot() : () => options.snapshot as Snapshot;
  if (!holder && !options.snapshot) throw new Error('createApp needs a holder or a snapshot knowledge base');
  const scope = requestScope(current);
  const snapshotOf = scope.snapshotOf;

  const app = express();
  app.disable('x-powered-by');
  app.set('json spaces', 0);
  // No ETag on API answers: hashing every answer cost about 2% of a diagnosis's time, and POST
  // answers are never revalidated; X-KB-Revision tells a cache when answers change. (The pages'
  // static files keep theirs: serve-static sets them itself.)
  app.set('etag', false);
  app.set('trust proxy', options.trustProxy ?? false);
  if (logger) app.use(httpLogger(logger));
  const routeOf = routeTemplates(contract.document, doors.undescribedPosts ?? []);
  if (metrics) app.use(metrics.middleware((path) => routeOf(path)?.template));
  app.use(
    // The service speaks plain HTTP and is often reached by an intranet name; TLS, where used, is
    // a proxy's job. There, upgrading the pages' requests to HTTPS would break them, and browsers
    // ignore Cross-Origin-Opener-Policy (logging an error on every page): a TLS proxy can add it.
    securityHeaders({
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
      crossOriginOpenerPolicy: false,
    }),
  );
  if (corsOrigins.length) app.use(cors({ origin: corsOrigins, exposedHeaders: ['X-Request-Id', 'X-KB-Revision', 'RateLimit', 'RateLimit-Policy', 'Retry-After'] }));
  // The pages are public and static; the API calls they make are what keys and limits guard.
  // Only reads reach the pages' router, so API calls do not walk its routes.
  const { pages } = doors;
  if (pages) app.use((req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? pages(req, res, next) : next()));
  // The key first, so that the limit counts by key when there is one.
  if (apiKeys.length || adminApiKeys.length) app.use(apiKeyAuth({ callers: apiKeys, admins: adminApiKeys, selfAuthenticated: doors.selfAuthenticated ?? [] }));
  if (rateLimitPerMinute > 0) app.use(rateLimiter(rateLimitPerMinute));
  app.use(routeGuard(routeOf));
  app.use(scope.middleware);
  app.use(requestDeadline(requestTimeoutMs, isBatchStream));
  app.use(queryGuard(contract));
  app.use(bodyParsers({ bodyLimit, batchBodyLimit }));
  app.use(diagnoseRoutes(contract, snapshotOf, (options.answerCacheMb ?? DEFAULT_ANSWER_CACHE_MB) * 2 ** 20, options.decisions));
  app.use(
    annotateRoutes(contract, snapshotOf, {
      ...(options.readTicket !== undefined ? { read: options.readTicket } : {}),
      ...(options.decisions !== undefined ? { decisions: options.decisions } : {}),
      idleMs: requestTimeoutMs,
    }),
  );
  app.use(decisionRoutes(contract, snapshotOf, options.decisions));
  if (options.deliveries) app.use(deliveryRoutes(options.deliveries));
  else
    app.use('/v1/deliveries', () => {
      throw new Problem(404, 'not_found', 'This service keeps no outbox: it delivers nothing.');
    });
  app.use(artifactRoutes(contract, snapshotOf));
  app.use(knowledgeBaseRoutes(snapshotOf));
  app.use(
    operationsRoutes(contract, snapshotOf, options.metricsElsewhere ? undefined : metrics, {
      metricsKeys: options.metricsApiKey ? [options.metricsApiKey, ...adminApiKeys] : [],
      ...(options.store !== undefined ? { store: options.store } : {}),
    }),
  );
  app.use(adminRoutes(holder, adminApiKeys.length > 0));
  for (const route of doors.routes?.(snapshotOf, contract) ?? []) app.use(route);
  app.use(problemHandler(logger));
  return app;
}
