import type { IRoute, RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DeliveryMetrics } from '../delivery/dispatcher';
import type { Outbox, System } from '../delivery/outbox';
import type { DiagnosisFinding } from '../engine/diagnose';
import type { KnowledgeBase } from '../kb/load';

/** The service's Prometheus metrics, in a registry of its own (one per app, so tests do not share). */
export class Metrics implements DeliveryMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests by route, method and status.', labelNames: ['route', 'method', 'status'], registers: [this.registry] });
  private readonly duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and method.',
    labelNames: ['route', 'method'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly diagnoses = new Counter({ name: 'diagnoses_total', help: 'Confirmed diagnoses reported, by article.', labelNames: ['article'], registers: [this.registry] });
  private readonly kbInfo = new Gauge({
    name: 'knowledge_base_info',
    help: 'The knowledge base being served (value 1), by revision.',
    labelNames: ['revision', 'articles'],
    registers: [this.registry],
  });
  private readonly loadFailures = new Counter({ name: 'knowledge_base_load_failures_total', help: 'Reloads refused because the new knowledge base was invalid.', registers: [this.registry] });

  // What this instance did with the outbox's deliveries; `outbox_deliveries` is what the outbox holds, all instances together.
  private readonly queued = new Counter({
    name: 'deliveries_queued_total',
    help: 'Write-backs recorded for delivery (a duplicate is not), by system.',
    labelNames: ['system'],
    registers: [this.registry],
  });
  private readonly deliveredCount = new Counter({
    name: 'deliveries_delivered_total',
    help: 'Deliveries the ticketing system accepted, by system.',
    labelNames: ['system'],
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: 'deliveries_retried_total',
    help: 'Failed delivery attempts that will be tried again, by system.',
    labelNames: ['system'],
    registers: [this.registry],
  });
  private readonly deadLetters = new Counter({
    name: 'deliveries_dead_lettered_total',
    help: 'Deliveries dead-lettered: refused, or still failing when given up, by system.',
    labelNames: ['system'],
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'delivery_latency_seconds',
    help: 'From a write-back being recorded to the system accepting it, by system.',
    labelNames: ['system'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600, 21600, 86400],
    registers: [this.registry],
  });

  private readonly decisionsLostCount = new Counter({
    name: 'decision_log_failures_total',
    help: 'Decisions the decision log could not record (the store failed, or too many waited for it); the diagnoses were answered all the same.',
    registers: [this.registry],
  });

  private lastScrape?: { at: number; text: Promise<string> };

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The metrics as Prometheus text, rendered again at most once a second: scrapes in between get the same. */
  scrape(): Promise<string> {
    const now = Date.now();
    if (!this.lastScrape || now - this.lastScrape.at >= 1000) this.lastScrape = { at: now, text: this.registry.metrics() };
    return this.lastScrape.text;
  }

  /**
   * Counts every request when its response is finished, labelled by the route that answered it;
   * one answered before a route took it (a 405, a 413, a body that is not JSON, a 401) by the
   * route its path is sent to, as `routeOf` names it, and only one no route has by "unmatched".
   */
  middleware(routeOf: (path: string) => string | undefined = () => undefined): RequestHandler {
    return (req, res, next) => {
      const end = this.duration.startTimer();
      res.on('finish', () => {
        // The route template, not the path: /v1/articles/:id, not one series per article id.
        const routePath = (req.route as IRoute | undefined)?.path;
        const route = routePath ? `${req.baseUrl}${String(routePath)}` : (routeOf(req.path) ?? 'unmatched');
        end({ route, method: req.method });
        this.requests.inc({ route, method: req.method, status: String(res.statusCode) });
      });
      next();
    };
  }

  knowledgeBaseLoaded(kb: KnowledgeBase): void {
    this.kbInfo.reset();
    this.kbInfo.set({ revision: kb.revision, articles: String(kb.articles.length) }, 1);
  }

  knowledgeBaseLoadFailed(): void {
    this.loadFailures.inc();
  }

  deliveryQueued(system: System): void {
    this.queued.inc({ system });
  }

  retried(system: System): void {
    this.retries.inc({ system });
  }

  delivered(system: System, latencyMs: number): void {
    this.deliveredCount.inc({ system });
    this.latency.observe({ system }, latencyMs / 1000);
  }

  deadLettered(system: System): void {
    this.deadLetters.inc({ system });
  }

  /** `outbox_deliveries{system,state}`: the outbox's deliveries by state, counted at each scrape (at most once a second). */
  watchOutbox(outbox: Pick<Outbox, 'counts'>): void {
    new Gauge({
      name: 'outbox_deliveries',
      help: "Deliveries in the outbox by system and state, every instance's together.",
      labelNames: ['system', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        // A store that cannot be reached leaves the gauge empty; /readyz says why.
        for (const { system, state, count } of await outbox.counts().catch(() => [])) this.set({ system, state }, Number(count));
      },
    });
  }

  /** Counts decisions the log lost. */
  decisionsLost(count: number): void {
    this.decisionsLostCount.inc(count);
  }

  diagnosed(diagnoses: readonly Pick<DiagnosisFinding, 'article'>[]): void {
    for (const diagnosis of diagnoses) this.diagnoses.inc({ article: diagnosis.article.id });
  }
}
