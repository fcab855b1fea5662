import express, { type Express } from 'express';
import { mcpHandler } from '../mcp/server';
import { Contract } from './contract';
import { notFound } from './not-found';
import { problemHandler } from './problem';
import { diagnoseRoutes } from './routes/diagnose';
import { knowledgeBaseRoutes } from './routes/knowledge-base';
import { operationsRoutes } from './routes/operations';
import type { Serving } from './serving';

export interface AppOptions {
  serving: Serving;
  contract?: Contract;
  /** Largest request body accepted, as body-parser reads it ('100kb', 1048576, ...). */
  bodyLimit?: string | number;
}

export function createApp({ serving, contract = new Contract(), bodyLimit = '100kb' }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('json spaces', 0);
  // Not strict: a body of valid JSON that is not an object is then reported by schema validation
  // ("must be object") rather than as malformed JSON.
  app.use(express.json({ limit: bodyLimit, strict: false }));
  app.use(diagnoseRoutes(contract, serving));
  app.use(knowledgeBaseRoutes(serving));
  app.use(operationsRoutes(contract, serving));
  app.post('/mcp', mcpHandler(contract, serving));
  app.use(notFound(contract.document));
  app.use(problemHandler);
  return app;
}
