import { once } from 'node:events';
import { Router, type Request, type Response } from 'express';
import { annotate, type DecisionRecording, type Ticket } from '../../app/annotate';
import type { DecisionRecorder } from '../../decisions/recorder';
import { callerOf } from './decisions';
import { annotateBatch, annotateLines, MAX_NDJSON_LINE } from '../../app/annotate-batch';
import type { TicketReader } from '../../annotate/extraction-pool';
import type { Contract } from '../../contract/contract';
import { ndjsonLines } from '../../app/ndjson-lines';
import { decodedBody, StreamIdle, untilIdle } from '../ndjson-stream';
import { Problem, problemBody } from '../../contract/problem';
import type { SchemaCheck } from '../../contract/schema-check';
import type { Snapshot, SnapshotOf } from '../../app/snapshot';
import { jsonBody } from '../../contract/validate-request';
import { bodyIsEmpty, emptyBodyProblem } from '../../contract/empty-body';

/** `read`: how tickets are read (a pool of worker threads, in the service). */
export function annotateRoutes(contract: Contract, snapshotOf: SnapshotOf, { read, idleMs, decisions }: { read?: TicketReader; idleMs: number; decisions?: DecisionRecorder }): Router {
  const router = Router();
  const checkTicket = contract.check(contract.schemaPointer('Ticket'));

  // Each ticket annotated is a decision of the caller's.
  const recording = (res: Response): DecisionRecording | undefined => decisions && { recorder: decisions, caller: callerOf(res) };

  router.post('/v1/annotate', jsonBody(contract, 'AnnotateRequest', { at: '/ticket/facts', vocabularyOf: (req) => snapshotOf(req).kb.vocabulary }), async (req, res) => {
    res.json(await annotate(snapshotOf(req), (req.body as { ticket: Ticket }).ticket, { read, record: recording(res) }));
  });

  router.post('/v1/annotate/batch', async (req, res) => {
    if (bodyIsEmpty(req)) throw emptyBodyProblem('{"tickets": [...]} as application/json, or one ticket per line as application/x-ndjson');
    if (req.is('application/x-ndjson')) return streamBatch(req, res, snapshotOf(req), checkTicket, read, idleMs, recording(res));
    if (!req.is('application/json')) {
      throw new Problem(
        415,
        'unsupported_media_type',
        `Send application/json ({"tickets": [...]}) or application/x-ndjson (one ticket per line), not ${req.get('content-type') ?? 'no content type'}.`,
      );
    }
    const body = req.body as Record<string, unknown> | undefined;
    const tickets = body?.tickets;
    if (!Array.isArray(tickets) || Object.keys(body ?? {}).length !== 1) {
      throw new Problem(400, 'invalid_request', 'The body must be {"tickets": [...]}.', [{ pointer: '/tickets', detail: 'must be an array of tickets, and the only property' }]);
    }
    const snapshot = snapshotOf(req);
    const results = await annotateBatch(snapshot, tickets, checkTicket, req.originalUrl, read, recording(res));
    res.json({ results, kb: { revision: snapshot.kb.revision } });
  });

  return router;
}

/**
 * NDJSON in, NDJSON out, one line at a time, waiting for the client when it reads slowly. A
 * stream runs as long as it keeps sending; one that sends nothing for `idleMs`, or does not read
 * its answer for as long, is ended, with a last line saying why when it can still be sent.
 */
async function streamBatch(req: Request, res: Response, snapshot: Snapshot, checkTicket: SchemaCheck, read: TicketReader | undefined, idleMs: number, record?: DecisionRecording): Promise<void> {
  const body = decodedBody(req);
  res.status(200).type('application/x-ndjson');
  const send = async (result: object) => {
    if (!res.write(`${JSON.stringify(result)}\n`)) await drained(res, idleMs);
  };
  try {
    for await (const result of annotateLines(ndjsonLines(untilIdle(body, idleMs), MAX_NDJSON_LINE), snapshot, checkTicket, req.originalUrl, MAX_NDJSON_LINE, read, record)) await send(result);
  } catch (error) {
    const problem = streamProblem(error);
    if (!problem) throw error;
    res.end(`${JSON.stringify({ status: problem.status, problem: problemBody(problem, req.originalUrl) })}\n`);
    req.destroy();
    return;
  }
  res.end();
}

/** Why a stream was ended early, as the last line of its answer; undefined for a failure of the service's own. */
function streamProblem(error: unknown): Problem | undefined {
  if (error instanceof StreamIdle) return new Problem(408, 'request_timeout', `The stream was ended: ${error.message}.`);
  if ((error as NodeJS.ErrnoException)?.code?.startsWith('Z_')) return new Problem(400, 'invalid_request', `The body is not valid for its Content-Encoding: ${(error as Error).message}.`);
  return undefined;
}

/** Resolves once the client has read what was written; fails with StreamIdle if it does not within `idleMs`. */
async function drained(res: Response, idleMs: number): Promise<void> {
  const timeout = AbortSignal.timeout(idleMs);
  try {
    await once(res, 'drain', { signal: timeout });
  } catch (error) {
    if (timeout.aborted) throw new StreamIdle(`the answer was not read for ${idleMs} ms`);
    throw error;
  }
}
