import { Router } from 'express';
import type { Attempt, Delivery, DeliveryFilter, DeliveryState, Outbox, System } from '../../delivery/outbox';
import { Problem } from '../../contract/problem';
import type { Delivery as DeliveryView, DeliveryAttempt as AttemptView } from '../../contract/schemas';
import { queryPointer } from '../../contract/pointers';

/** The default and largest page of GET /v1/deliveries. */
const PAGE = 20;

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function deliveryView(delivery: Delivery): DeliveryView {
  const { id, system, ticket, key, state, requests, done, attempts, createdAt, giveUpAt, nextAttemptAt, leaseOwner, deliveredAt, lastAnswer } = delivery;
  return {
    id,
    system,
    ticket,
    key,
    state,
    requests,
    done,
    attempts,
    createdAt: iso(createdAt)!,
    giveUpAt: iso(giveUpAt)!,
    // For a delivery being sent, when its lease runs out and another instance may take it.
    ...(nextAttemptAt !== undefined ? { nextAttemptAt: iso(nextAttemptAt)! } : {}),
    ...(leaseOwner ? { instance: leaseOwner } : {}),
    ...(deliveredAt !== undefined ? { deliveredAt: iso(deliveredAt)! } : {}),
    ...(lastAnswer ? { lastAnswer } : {}),
  };
}

function attemptView({ number, request, instance, startedAt, durationMs, outcome, answer }: Attempt): AttemptView {
  return { number, request, instance, startedAt: iso(startedAt)!, durationMs, outcome, answer };
}

/** A page's position, opaque to callers: the last delivery's time and id. */
const cursorOf = (delivery: Delivery) => Buffer.from(JSON.stringify([delivery.createdAt, delivery.id])).toString('base64url');

function fromCursor(cursor: string): NonNullable<DeliveryFilter['after']> {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'number' && Number.isSafeInteger(createdAt) && typeof id === 'string') return { createdAt, id };
  } catch {
    // Refused below.
  }
  throw new Problem(400, 'invalid_request', 'cursor is not one this service gave: pass `next` from the previous page as it is.', [
    { pointer: queryPointer('cursor'), detail: 'is not a cursor this service gave' },
  ]);
}

/**
 * The outbox, seen and operated: deliveries page by page (newest first), one with its attempts,
 * and a dead letter sent again (an admin key's operation, see security.ts).
 */
export function deliveryRoutes({ outbox, giveUpMs, requeued }: { outbox: Outbox; giveUpMs: number; requeued?: () => void }): Router {
  const router = Router();

  // The query string was checked against the contract by the query guard (see query-guard.ts).
  router.get('/v1/deliveries', async (req, res) => {
    const query = req.query as { state?: DeliveryState; system?: System; limit?: string; cursor?: string };
    const limit = query.limit ? Number(query.limit) : PAGE;
    const deliveries = await outbox.list({
      ...(query.state !== undefined ? { state: query.state } : {}),
      ...(query.system !== undefined ? { system: query.system } : {}),
      limit,
      ...(query.cursor ? { after: fromCursor(query.cursor) } : {}),
    });
    const last = deliveries.length === limit ? deliveries[deliveries.length - 1] : undefined;
    res.json({ deliveries: deliveries.map(deliveryView), ...(last ? { next: cursorOf(last) } : {}) });
  });

  router.get('/v1/deliveries/:id', async (req, res) => {
    const found = await outbox.get(req.params.id);
    if (!found) throw new Problem(404, 'not_found', `No delivery ${req.params.id}.`);
    res.json({ delivery: deliveryView(found.delivery), attempts: found.attempts.map(attemptView) });
  });

  router.post('/v1/deliveries/:id/retry', async (req, res) => {
    const now = Date.now();
    const again = await outbox.requeue(req.params.id, now, now + giveUpMs);
    if (again) {
      requeued?.();
      res.json({ delivery: deliveryView(again) });
      return;
    }
    const found = await outbox.get(req.params.id);
    if (!found) throw new Problem(404, 'not_found', `No delivery ${req.params.id}.`);
    throw new Problem(409, 'not_dead_letter', `Delivery ${req.params.id} is ${found.delivery.state}: only a dead letter is retried (the others are delivered, or will be).`);
  });

  return router;
}
