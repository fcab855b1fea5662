import express, { type Express } from 'express';
import { mcpHandler } from '../mcp/server';
import { Contract } from './contract';
import { notFound } from './not-found';
import { problemHandler } from './problem';
import { annotateRoutes } from './routes/annotate';
import { artifactRoutes } from './routes/artifacts';
import { diagnoseRoutes } from './routes/diagnose';
import { knowledgeBaseRoutes } from './routes/knowledge-base';
import { operationsRoutes } from './routes/operations';
import { webhookRoutes } from './routes/webhooks';
import type { Serving } from './serving';

export interface AppOptions {
  serving: Serving;
  contract?: Contract;
  /** Largest request body accepted, as body-parser reads it ('100kb', 1048576, ...). */
  bodyLimit?: string | number;
  /** Largest JSON batch of tickets accepted. */
  batchBodyLimit?: string | number;
  /** Zendesk's webhook signing secret; when set, Zendesk requests must be signed with it. */
  zendeskSecret?: string;
}

export function createApp({ serving, contract = new Contract(), bodyLimit = '100kb', batchBodyLimit = '5mb', zendeskSecret }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('json spaces', 0);
  // Not strict: a body of valid JSON that is not an object is then reported by schema validation
  // ("must be object") rather than as malformed JSON.
  // The raw body is kept for webhook signatures, which are computed over the exact bytes.
  const verify = (req: object, _res: unknown, buffer: Buffer) => Object.assign(req, { rawBody: buffer });
  const json = express.json({ limit: bodyLimit, strict: false, verify });
  const batchJson = express.json({ limit: batchBodyLimit, strict: false });
  app.use((req, res, next) => (req.path === '/v1/annotate/batch' ? batchJson : json)(req, res, next));
  app.use(diagnoseRoutes(contract, serving));
  app.use(annotateRoutes(contract, serving));
  app.use(webhookRoutes(contract, serving, { zendeskSecret }));
  app.use(artifactRoutes(contract, serving));
  app.use(knowledgeBaseRoutes(serving));
  app.use(operationsRoutes(contract, serving));
  app.post('/mcp', mcpHandler(contract, serving));
  app.use(notFound(contract.document));
  app.use(problemHandler);
  return app;
}
