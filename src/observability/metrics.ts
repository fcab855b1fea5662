import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DiagnosisFinding } from '../engine/diagnose';
import type { KnowledgeBase } from '../kb/load';

/** The service's Prometheus metrics, in a registry of its own (one per app, so tests do not share). */
export class Metrics {
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
  private readonly kbInfo = new Gauge({ name: 'knowledge_base_info', help: 'The knowledge base being served (value 1), by revision.', labelNames: ['revision', 'articles'], registers: [this.registry] });
  private readonly loadFailures = new Counter({ name: 'knowledge_base_load_failures_total', help: 'Reloads refused because the new knowledge base was invalid.', registers: [this.registry] });

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

  /** Counts every request when its response is finished, labelled by the route that answered it. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const end = this.duration.startTimer();
      res.on('finish', () => {
        // The route template, not the path: /v1/articles/:id, not one series per article id.
        const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
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

  diagnosed(diagnoses: readonly Pick<DiagnosisFinding, 'article'>[]): void {
    for (const diagnosis of diagnoses) this.diagnoses.inc({ article: diagnosis.article.id });
  }
}
