import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { DestinationStream, Logger } from 'pino';
import { ExtractionPool } from '../annotate/extraction-pool';
import { annotate } from '../app/annotate';
import type { Snapshot } from '../app/snapshot';
import { Diagnoser } from '../engine/diagnose';
import { serviceApp } from './service-app';
import { GracefulClose } from '../http/graceful-close';
import { createHttpServer } from '../http/http-server';
import { metricsApp } from '../http/routes/metrics';
import type { Config } from '../config/config';
import { Dispatcher } from '../delivery/dispatcher';
import { DeliveryIntake } from '../delivery/intake';
import type { System } from '../delivery/outbox';
import { targetsFrom } from '../delivery/targets';
import type { KnowledgeBase } from '../kb/load';
import { createLogger } from '../observability/logging';
import { Metrics } from '../observability/metrics';
import { KnowledgeBaseHolder } from '../app/holder';
import { openStore, type Store } from '../store/store';
import { DecisionRecorder } from '../decisions/recorder';

/** A started service: its HTTP server and what it owns, and the means to reload and shut it down. */
interface RunningService {
  server: Server;
  holder: KnowledgeBaseHolder;
  logger: Logger;
  /** The knowledge base served at start. */
  kb: KnowledgeBase;
  /** The outbox's database. */
  store: Store;
  /** Sends the outbox's deliveries in the background. */
  dispatcher: Dispatcher;
  /** The decisions the first pass of retention removed, at start (none when the log is off). */
  retention: Promise<number>;
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  /** Where /metrics is served, when METRICS_PORT moves it off the API's port. */
  metricsUrl?: string;
  /** Reloads rules/ (SIGHUP); logs and counts a refusal, keeping the old knowledge base. */
  reload(): void;
  /**
   * Stops accepting connections and lets the requests in flight finish; resolves true when they
   * did within the timeout, false when the rest had to be cut.
   */
  shutdown(timeoutMs?: number): Promise<boolean>;
}

/**
 * Annotates a few short tickets on the event loop, so that the code of annotation is compiled
 * before the first request. With a diagnoser of its own: the served one counts its diagnoses.
 */
async function warmUp({ kb }: Snapshot): Promise<void> {
  const snapshot = { kb, diagnoser: new Diagnoser(kb) };
  const body = 'Outlook 2003 cannot connect through NAT on the SonicWall; port 135 is blocked, server 10.0.0.5, we are not using ISA. '.repeat(8);
  for (let i = 0; i < 16; i += 1) await annotate(snapshot, { id: 'warm-up', subject: `Outlook ${i}`, body });
}

/**
 * Loads the knowledge base, then listens. Loading comes first and throws on any fault, so a
 * service with an invalid knowledge base never accepts a request.
 */
export async function startService(config: Config, logDestination?: DestinationStream): Promise<RunningService> {
  const logger = createLogger(config.logLevel, logDestination);
  const metrics = new Metrics();
  // Made after the knowledge base loads (an invalid one starts no threads), read by its reloads.
  const threads: { pool?: ExtractionPool | undefined } = {};
  const holder = new KnowledgeBaseHolder(config.rulesDir, {
    loaded: (kb) => {
      metrics.knowledgeBaseLoaded(kb);
      // A reload's rules go to the worker threads now, not with the first long ticket after it.
      void threads.pool?.warm(kb).catch((error: Error) => logger.warn({ err: error }, 'warming the extraction threads failed'));
    },
    loadFailed: () => metrics.knowledgeBaseLoadFailed(),
    diagnosed: (diagnoses) => metrics.diagnosed(diagnoses),
  });
  const store = await openStore(config).catch((error: Error) => {
    throw new Error(`the store (${config.databaseUrl ? 'DATABASE_URL' : `DATA_DIR ${config.dataDir}`}) cannot be opened: ${error.message}`);
  });
  metrics.watchOutbox(store.outbox);
  const targets = targetsFrom(config.targets);
  const dispatcher = new Dispatcher({
    outbox: store.outbox,
    targets,
    policy: config.retryPolicy,
    instance: `${os.hostname()}:${process.pid}`,
    concurrency: config.deliveryConcurrency,
    pollMs: config.deliveryPollMs,
    logger,
    metrics,
  });
  const intake = new DeliveryIntake({
    outbox: store.outbox,
    systems: new Set(Object.keys(targets) as System[]),
    giveUpMs: config.retryPolicy.giveUpMs,
    queued: (system) => {
      metrics.deliveryQueued(system);
      dispatcher.wake();
    },
  });
  const decisions = config.decisionLog
    ? new DecisionRecorder({
        log: store.decisions,
        keepText: config.decisionLogText,
        // A diagnosis is answered whatever becomes of its record: a failure is logged and counted.
        lost: (count, error) => {
          metrics.decisionsLost(count);
          logger.error({ err: error, decisions: count }, 'decisions could not be recorded');
        },
      })
    : undefined;
  const retention = decisions ? keepFor(store, config.decisionLogDays, logger) : undefined;
  const pool = config.annotationThreads > 0 ? new ExtractionPool(config.annotationThreads) : undefined;
  threads.pool = pool;
  // The first long ticket otherwise waited 0.3-0.8 s on a loaded machine for a thread to start,
  // receive the rules and compile the reader: the threads warm up while the service starts
  // listening (a long ticket arriving meanwhile waits for its thread as it would have anyway).
  // The first batch of short tickets (read here) took 2-3 times as long as the next: those are
  // warmed before listening, which takes a few tens of milliseconds.
  void pool?.warm(holder.snapshot().kb).catch((error: Error) => logger.warn({ err: error }, 'warming the extraction threads failed'));
  await warmUp(holder.snapshot());
  const app = serviceApp({
    zendeskMaxAgeMs: config.zendeskMaxAgeMs,
    ...(config.jiraSecret !== undefined ? { jiraSecret: config.jiraSecret } : {}),
    ...(config.serviceNowSecret !== undefined ? { serviceNowSecret: config.serviceNowSecret } : {}),
    deliveries: { intake, outbox: store.outbox, giveUpMs: config.retryPolicy.giveUpMs, requeued: () => dispatcher.wake() },
    store,
    holder,
    ...(pool !== undefined ? { readTicket: pool.read } : {}),
    requestTimeoutMs: config.requestTimeoutMs,
    bodyLimit: config.bodyLimit,
    ...(config.zendeskSecret !== undefined ? { zendeskSecret: config.zendeskSecret } : {}),
    apiKeys: config.apiKeys,
    adminApiKeys: config.adminApiKeys,
    trustProxy: config.trustProxy,
    ...(config.metricsApiKey !== undefined ? { metricsApiKey: config.metricsApiKey } : {}),
    metricsElsewhere: config.metricsPort !== undefined,
    rateLimitPerMinute: config.rateLimitPerMinute,
    corsOrigins: config.corsOrigins,
    answerCacheMb: config.answerCacheMb,
    ...(decisions !== undefined ? { decisions } : {}),
    logger,
    metrics,
  });
  // Node's requestTimeout would cut every request, an NDJSON backfill that keeps sending too, at
  // REQUEST_TIMEOUT_MS: bodies have the app's own deadline instead (request-deadline.ts), and
  // Node keeps the one for headers. It checks every connectionsCheckingInterval (30 s by
  // default), which would let a slow client hold a connection far longer.
  const server = createHttpServer(app, {
    requestTimeout: 0,
    headersTimeout: Math.min(config.requestTimeoutMs, 60_000),
    connectionsCheckingInterval: Math.min(1000, config.requestTimeoutMs),
  });
  const closing = new GracefulClose(server);
  await listen(server, config.port, config.host);
  const metricsServer =
    config.metricsPort === undefined
      ? undefined
      : http.createServer(
          metricsApp(
            metrics,
            [config.metricsApiKey, ...config.adminApiKeys].filter((k): k is string => k !== undefined),
          ),
        );
  if (metricsServer) await listen(metricsServer, config.metricsPort!, config.host);
  // Deliveries queued before a restart, or by other instances, go out from now on.
  if (Object.keys(targets).length > 0) dispatcher.start();

  return {
    server,
    holder,
    logger,
    kb: holder.snapshot().kb,
    store,
    dispatcher,
    retention: retention?.first ?? Promise.resolve(0),
    url: urlOf(server),
    ...(metricsServer ? { metricsUrl: urlOf(metricsServer) } : {}),
    reload() {
      try {
        const { revision, previousRevision } = holder.reload();
        logger.info({ revision, previousRevision }, 'knowledge base reloaded');
      } catch (error) {
        logger.error({ err: error }, 'knowledge base reload refused; the previous one keeps serving');
      }
    },
    async shutdown(timeoutMs = config.shutdownTimeoutMs) {
      metricsServer?.closeAllConnections();
      metricsServer?.close();
      const clean = await closing.close(timeoutMs);
      // Webhooks are answered only once their delivery is recorded, so none is lost here. Those
      // being sent get the same time to finish; any still waiting for an answer after it are
      // recorded as attempts to try again, by this instance when it is back or by another.
      await dispatcher.stop(timeoutMs);
      clearInterval(retention?.timer);
      await decisions?.flush();
      await store.close();
      await pool?.close();
      return clean;
    },
  };
}

const DAY = 86_400_000;

/**
 * Removes decisions older than DECISION_LOG_DAYS now and every hour after: what the log keeps can
 * hold personal data (facts read from tickets, their text when kept), so it is not kept for ever.
 */
function keepFor(store: Store, days: number, logger: Logger): { timer: NodeJS.Timeout; first: Promise<number> } {
  const purge = () =>
    store.decisions
      .purge(Date.now() - days * DAY)
      .then((removed) => {
        if (removed > 0) logger.info({ removed, days }, 'old decisions removed');
        return removed;
      })
      .catch((error: Error) => {
        logger.warn({ err: error }, 'removing old decisions failed; tried again within the hour');
        return 0;
      });
  return { first: purge(), timer: setInterval(() => void purge(), 3_600_000).unref() };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

function urlOf(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}
