import { Router, type RequestHandler } from 'express';
import type { TicketReader } from '../../annotate/extraction-pool';
import { jira, serviceNow, zendesk, type JiraPayload } from '../../webhooks/adapters';
import { validZendeskSignature } from '../../webhooks/zendesk-signature';
import type { Contract } from '../contract';
import { Problem } from '../problem';
import type { Serving } from '../serving';
import { jsonBody } from '../validate';

export interface WebhookOptions {
  /** Zendesk's signing secret; when set, unsigned or wrongly signed requests are refused. */
  zendeskSecret?: string;
  /** How tickets are read (a pool of worker threads, in the service). */
  read?: TicketReader;
}

export function webhookRoutes(contract: Contract, serving: Serving, { zendeskSecret, read }: WebhookOptions): Router {
  const router = Router();

  // The signature is checked before anything else, so an unsigned caller learns nothing more.
  const zendeskSignature: RequestHandler = (req, _res, next) => {
    if (zendeskSecret) {
      const rawBody = (req as typeof req & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
      if (!validZendeskSignature(zendeskSecret, req.get('x-zendesk-webhook-signature'), req.get('x-zendesk-webhook-signature-timestamp'), rawBody)) {
        throw new Problem(401, 'unauthorized', 'X-Zendesk-Webhook-Signature is missing or does not match the body and X-Zendesk-Webhook-Signature-Timestamp.');
      }
    }
    next();
  };
  router.post('/v1/webhooks/zendesk', zendeskSignature, jsonBody(contract, 'ZendeskWebhook'), async (req, res) => {
    res.json(await zendesk(serving(req), req.body, read));
  });

  router.post('/v1/webhooks/jira', jsonBody(contract, 'JiraWebhook'), async (req, res) => {
    const payload = req.body as JiraPayload;
    if (payload.webhookEvent !== 'jira:issue_created') {
      throw new Problem(400, 'invalid_request', `Only jira:issue_created is handled, not ${payload.webhookEvent}; limit the webhook to that event.`, [
        { pointer: '/webhookEvent', detail: 'must be jira:issue_created', allowed: ['jira:issue_created'] },
      ]);
    }
    res.json(await jira(serving(req), payload, read));
  });

  router.post('/v1/webhooks/servicenow', jsonBody(contract, 'ServiceNowIncident'), async (req, res) => {
    res.json(await serviceNow(serving(req), req.body, read));
  });

  return router;
}
