import { once } from 'node:events';
import { Router, type Request, type Response } from 'express';
import { annotate, type Ticket } from '../../annotate/annotate';
import { toFieldErrors, type Contract } from '../contract';
import { asProblem, Problem, problemBody } from '../problem';
import type { Served, Serving } from '../serving';
import { jsonBody } from '../validate';
import { ndjsonLines } from '../ndjson';

export const MAX_BATCH_TICKETS = 100;
export const MAX_NDJSON_LINE = 100 * 1024;

export function annotateRoutes(contract: Contract, serving: Serving): Router {
  const router = Router();
  const validateTicket = contract.validator(contract.schemaPointer('Ticket'));

  router.post('/v1/annotate', jsonBody(contract, 'AnnotateRequest'), async (req, res) => {
    res.json(await annotate(serving(), req.body.ticket));
  });

  router.post('/v1/annotate/batch', async (req, res) => {
    if (req.is('application/x-ndjson')) return streamBatch(req, res, serving(), validateTicket);
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
    // Each ticket gets its own result: one bad ticket does not sink the others.
    const served = serving();
    const results = [];
    for (const [i, ticket] of tickets.entries()) results.push(await annotateOne(served, ticket, validateTicket, `/tickets/${i}`, req.originalUrl));
    res.json({ results, kb: { revision: served.kb.revision } });
  });

  return router;
}

async function annotateOne(served: Served, ticket: unknown, validate: ReturnType<Contract['validator']>, pointer: string, instance: string) {
  const id = typeof (ticket as Ticket)?.id === 'string' ? (ticket as Ticket).id : undefined;
  try {
    if (!validate(ticket)) {
      const errors = toFieldErrors(validate.errors ?? []).map((e) => ({ ...e, pointer: `${pointer}${e.pointer === '/' ? '' : e.pointer}` }));
      throw new Problem(400, 'invalid_request', `The ticket does not match Ticket: ${errors.map((e) => `${e.pointer} ${e.detail}`).join('; ')}.`, errors);
    }
    return { status: 200 as const, id: (ticket as Ticket).id, annotation: await annotate(served, ticket as Ticket, pointer) };
  } catch (error) {
    const problem = asProblem(error);
    if (problem.status >= 500) throw error;
    return { status: problem.status, ...(id !== undefined ? { id } : {}), problem: problemBody(problem, instance) };
  }
}

/** NDJSON in, NDJSON out, one line at a time, waiting for the client when it reads slowly. */
async function streamBatch(req: Request, res: Response, served: Served, validate: ReturnType<Contract['validator']>): Promise<void> {
  res.status(200).type('application/x-ndjson');
  for await (const line of ndjsonLines(req, MAX_NDJSON_LINE)) {
    let result;
    if (line.oversized) {
      result = { line: line.number, status: 413, problem: problemBody(new Problem(413, 'payload_too_large', `Line ${line.number} is over ${MAX_NDJSON_LINE} bytes.`), req.originalUrl) };
    } else {
      let ticket: unknown;
      try {
        ticket = JSON.parse(line.text);
      } catch (error) {
        const problem = new Problem(400, 'malformed_json', `Line ${line.number} is not valid JSON: ${(error as Error).message}`);
        result = { line: line.number, status: 400, problem: problemBody(problem, req.originalUrl) };
      }
      if (!result) result = { line: line.number, ...(await annotateOne(served, ticket, validate, '', req.originalUrl)) };
    }
    if (!res.write(`${JSON.stringify(result)}\n`)) await once(res, 'drain');
  }
  res.end();
}
