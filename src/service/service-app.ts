import type { Express } from 'express';
import { Contract } from '../contract/contract';
import { createApp, type AppOptions } from '../http/app';
import { mcpRoutes } from '../mcp/server';
import { webRoutes } from '../web/routes';
import { selfAuthenticatedWebhooks, webhookRoutes } from '../webhooks/routes';

/** The HTTP application's options with the service's own: the webhook secrets. */
export interface ServiceAppOptions extends AppOptions {
  /** Zendesk's webhook signing secret; when set, Zendesk requests must be signed with it. */
  zendeskSecret?: string;
  /** How far a Zendesk signature's timestamp may be from now; default 5 minutes. */
  zendeskMaxAgeMs?: number;
  /** Jira's admin-webhook secret; when set, X-Hub-Signature must match. */
  jiraSecret?: string;
  /** ServiceNow's shared secret; when set, the REST message must send it. */
  serviceNowSecret?: string;
}

/**
 * Every door the service serves over HTTP, on one express app: the API, the pages, the ticketing
 * systems' webhooks and MCP. The one place that knows all of them, so that no door imports another.
 */
export function serviceApp(options: ServiceAppOptions): Express {
  const { zendeskSecret, zendeskMaxAgeMs, jiraSecret, serviceNowSecret, ...http } = options;
  const contract = http.contract ?? new Contract();
  const webhooks = {
    ...(zendeskSecret !== undefined ? { zendeskSecret } : {}),
    ...(zendeskMaxAgeMs !== undefined ? { zendeskMaxAgeMs } : {}),
    ...(jiraSecret !== undefined ? { jiraSecret } : {}),
    ...(serviceNowSecret !== undefined ? { serviceNowSecret } : {}),
    ...(http.readTicket !== undefined ? { read: http.readTicket } : {}),
    ...(http.deliveries?.intake !== undefined ? { intake: http.deliveries.intake } : {}),
    ...(http.decisions !== undefined ? { decisions: http.decisions } : {}),
  };
  return createApp(
    { ...http, contract },
    {
      pages: webRoutes(),
      routes: (snapshotOf) => [webhookRoutes(contract, snapshotOf, webhooks), mcpRoutes(contract, snapshotOf, http.decisions)],
      selfAuthenticated: selfAuthenticatedWebhooks(webhooks),
    },
  );
}
