import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { DecisionRecorder } from '../decisions/recorder';
import type { TicketReader } from '../annotate/extraction-pool';
import type { DeliveryIntake } from '../delivery/intake';
import type { System } from '../delivery/outbox';
import { jira, serviceNow, zendesk, type AdaptedWebhook, type JiraPayload, type ServiceNowPayload, type WebhookRecording, type ZendeskPayload } from './adapters';
import { ZENDESK_MAX_AGE_MS } from '../config/config';
import { jiraRefusal, serviceNowRefusal, zendeskRefusal } from './authentication';
import type { Contract } from '../contract/contract';
import { Problem } from '../contract/problem';
import type { SnapshotOf } from '../app/snapshot';
import { jsonBody } from '../contract/validate-request';
import { deliveryReceipt } from '../delivery/receipt';
import { recordSolvedTicket } from '../app/solved-ticket';
import { jiraSolved, serviceNowSolved, zendeskSolved, type SolvedEvent } from './solved';

/** How the webhooks are authenticated, and where their write-backs go. */
interface WebhookOptions {
  /** Zendesk's signing secret; when set, unsigned or wrongly signed requests are refused. */
  zendeskSecret?: string;
  /** How far a Zendesk signature's timestamp may be from now; default 5 minutes. */
  zendeskMaxAgeMs?: number;
  /** The secret of Jira's admin webhook; when set, X-Hub-Signature must match. */
  jiraSecret?: string;
  /** The secret ServiceNow's REST message sends; when set, it must. */
  serviceNowSecret?: string;
  /** How tickets are read (a pool of worker threads, in the service). */
  read?: TicketReader;
  /** Where write-backs are recorded for delivery; without it, webhooks only answer. */
  intake?: DeliveryIntake;
  /** Where webhooks' decisions are recorded; without it, they are not. */
  decisions?: DecisionRecorder;
}

/** A store that cannot record a solved ticket's outcome: a status the ticketing systems send again. */
const storeUnavailable = (error: unknown): never => {
  throw new Problem(503, 'store_unavailable', `The outcome could not be recorded (${(error as Error).message}); send the webhook again.`, undefined, { 'Retry-After': '5' });
};

/** Jira events that carry an issue whose annotation may have changed. */
const JIRA_EVENTS = ['jira:issue_created', 'jira:issue_updated'];

const rawBodyOf = (req: Request) => (req as Request & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);

/** A check that refuses with a 401 when `refusal` says why; before anything else, so an unauthenticated caller learns nothing more. */
const authenticate =
  (refusal: (req: Request) => string | undefined): RequestHandler =>
  (req, _res, next) => {
    const why = refusal(req);
    if (why) throw new Problem(401, 'unauthorized', why);
    next();
  };

/** The webhook paths that authenticate themselves (a secret is set), so that an API key is not asked of them too. */
export function selfAuthenticatedWebhooks({ zendeskSecret, jiraSecret, serviceNowSecret }: WebhookOptions): string[] {
  return [zendeskSecret && '/v1/webhooks/zendesk', jiraSecret && '/v1/webhooks/jira', serviceNowSecret && '/v1/webhooks/servicenow'].filter((path): path is string => Boolean(path));
}

/**
 * The webhook routes of Zendesk, Jira and ServiceNow: each checks its system's signature or
 * secret, annotates the ticket and answers with the write-back, recorded for delivery when
 * delivery to that system is configured.
 */
export function webhookRoutes(contract: Contract, snapshotOf: SnapshotOf, options: WebhookOptions): Router {
  const { zendeskSecret, zendeskMaxAgeMs = ZENDESK_MAX_AGE_MS, jiraSecret, serviceNowSecret, read, intake, decisions } = options;
  const router = Router();
  const none: RequestHandler = (_req, _res, next) => next();
  const secrets: Record<System, string | undefined> = { zendesk: zendeskSecret, jira: jiraSecret, servicenow: serviceNowSecret };
  // The caller is the API key's name, or the system itself when its own secret authenticated it.
  const recording = (system: System, res: Response): WebhookRecording | undefined => {
    if (!decisions) return undefined;
    const caller = (res.locals.apiKey as { name?: string } | undefined)?.name ?? (secrets[system] ? `webhook:${system}` : undefined);
    return { recorder: decisions, caller };
  };

  // The answer once the write-back, when delivery is configured for the system, is recorded.
  const answer = async (system: System, adapted: AdaptedWebhook) => {
    const { annotation, writeBack } = adapted;
    if (!intake?.configured(system)) return { annotation, writeBack };
    return { annotation, writeBack, delivery: deliveryReceipt(await intake.record(system, { ...adapted, tags: annotation.tags })) };
  };

  const zendeskAuth = zendeskSecret
    ? authenticate((req) => zendeskRefusal(zendeskSecret, req.get('x-zendesk-webhook-signature'), req.get('x-zendesk-webhook-signature-timestamp'), rawBodyOf(req), zendeskMaxAgeMs))
    : none;
  // A ticket solved is not annotated again: its latest decision gets the outcome the resolution names.
  const solvedAnswer = async (system: System, event: SolvedEvent, req: Request, res: Response) => {
    const caller = recording(system, res)?.caller;
    return { solved: await recordSolvedTicket(decisions, snapshotOf(req).kb, { system, ...event, caller }).catch(storeUnavailable) };
  };

  router.post('/v1/webhooks/zendesk', zendeskAuth, jsonBody(contract, 'ZendeskWebhook'), async (req, res) => {
    const payload = req.body as ZendeskPayload;
    const solved = zendeskSolved(payload);
    if (solved) return void res.json(await solvedAnswer('zendesk', solved, req, res));
    res.json(await answer('zendesk', await zendesk(snapshotOf(req), payload, read, recording('zendesk', res))));
  });

  const jiraAuth = jiraSecret ? authenticate((req) => jiraRefusal(jiraSecret, req.get('x-hub-signature'), rawBodyOf(req))) : none;
  router.post('/v1/webhooks/jira', jiraAuth, jsonBody(contract, 'JiraWebhook'), async (req, res) => {
    const payload = req.body as JiraPayload;
    const solved = jiraSolved(payload);
    if (solved) return void res.json(await solvedAnswer('jira', solved, req, res));
    if (!JIRA_EVENTS.includes(payload.webhookEvent)) {
      throw new Problem(400, 'invalid_request', `Only ${JIRA_EVENTS.join(' and ')} are handled, not ${payload.webhookEvent}; limit the webhook to those events.`, [
        { pointer: '/webhookEvent', detail: `must be ${JIRA_EVENTS.join(' or ')}`, allowed: JIRA_EVENTS },
      ]);
    }
    res.json(await answer('jira', await jira(snapshotOf(req), payload, read, recording('jira', res))));
  });

  const serviceNowAuth = serviceNowSecret ? authenticate((req) => serviceNowRefusal(serviceNowSecret, req.get('x-webhook-secret'), req.get('authorization'))) : none;
  router.post('/v1/webhooks/servicenow', serviceNowAuth, jsonBody(contract, 'ServiceNowIncident'), async (req, res) => {
    const payload = req.body as ServiceNowPayload;
    const solved = serviceNowSolved(payload);
    if (solved) return void res.json(await solvedAnswer('servicenow', solved, req, res));
    res.json(await answer('servicenow', await serviceNow(snapshotOf(req), payload, read, recording('servicenow', res))));
  });

  return router;
}
