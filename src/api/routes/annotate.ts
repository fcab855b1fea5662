import { once } from 'node:events';
import { setImmediate } from 'node:timers/promises';
import { Router, type Request, type Response } from 'express';
import { annotate } from '../../annotate/annotate';
import { annotateEntry, annotateLines } from '../../annotate/batch';
import type { TicketReader } from '../../annotate/extraction-pool';
import type { Contract } from '../contract';
import { ndjsonLines } from '../ndjson';
import { Problem } from '../problem';
import type { SchemaCheck } from '../schema-check';
import type { Served, Serving } from '../serving';
import { jsonBody } from '../validate';

export const MAX_BATCH_TICKETS = 100;
export const MAX_NDJSON_LINE = 100 * 1024;

/** `read`: how tickets are read (a pool of worker threads, in the service). */
export function annotateRoutes(contract: Contract, serving: Serving, read?: TicketReader): Router {
  const router = Router();
  const checkTicket = contract.check(contract.schemaPointer('Ticket'));

  router.post('/v1/annotate', jsonBody(contract, 'AnnotateRequest'), async (req, res) => {
    res.json(await annotate(serving(req), req.body.ticket, { read }));
  });

  router.post('/v1/annotate/batch', async (req, res) => {
    if (req.is('application/x-ndjson')) return streamBatch(req, res, serving(req), checkTicket, read);
    if (!req.is('application/json')) {
      throw new Problem(415, 'unsupported_media_type', `Send application/json ({"tickets": [...]}) or application/x-ndjson (one ticket per line), not ${req.get('content-type') ?? 'no content type'}.`);
    }
    const tickets: unknown = req.body?.tickets;
    if (!Array.isArray(tickets) || Object.keys(req.body).length !== 1) {
      throw new Problem(400, 'invalid_request', 'The body must be {"tickets": [...]}.', [{ pointer: '/tickets', detail: 'must be an array of tickets, and the only property' }]);
    }
    if (tickets.length > MAX_BATCH_TICKETS) {
      throw new Problem(413, 'payload_too_large', `${tickets.length} tickets in one batch; at most ${MAX_BATCH_TICKETS}. Send larger backfills as application/x-ndjson.`);
    }
    const served = serving(req);
    const results = [];
    for (const [i, ticket] of tickets.entries()) {
      results.push(await annotateEntry(served, ticket, checkTicket, `/tickets/${i}`, req.originalUrl, read));
      // A ticket short enough to be read on the event loop takes up to a millisecond; a hundred
      // of them in one go would hold everything else up for a tenth of a second.
      await setImmediate();
    }
    res.json({ results, kb: { revision: served.kb.revision } });
  });

  return router;
}

/** NDJSON in, NDJSON out, one line at a time, waiting for the client when it reads slowly. */
async function streamBatch(req: Request, res: Response, served: Served, checkTicket: SchemaCheck, read?: TicketReader): Promise<void> {
  res.status(200).type('application/x-ndjson');
  for await (const result of annotateLines(ndjsonLines(req, MAX_NDJSON_LINE), served, checkTicket, req.originalUrl, MAX_NDJSON_LINE, read)) {
    if (!res.write(`${JSON.stringify(result)}\n`)) await once(res, 'drain');
  }
  res.end();
}
