import { setImmediate } from 'node:timers/promises';
import { Problem, problemBody } from '../contract/problem';
import { schemaRefusal, type SchemaCheck } from '../contract/schema-check';
import type { TicketReader } from '../annotate/extraction-pool';
import { annotate, type Annotation, type Ticket } from './annotate';
import { AppError, problemFor } from './errors';
import type { NdjsonLine } from './ndjson-lines';
import type { Snapshot } from './snapshot';

/** Most tickets in one JSON batch; larger backfills are streamed as NDJSON. */
export const MAX_BATCH_TICKETS = 100;
/** Longest line of an NDJSON backfill. */
export const MAX_NDJSON_LINE = 100 * 1024;

type BatchResult =
  | { line?: number; status: 200; id: string; annotation: Annotation }
  | { line?: number; status: number; id?: string; problem: ReturnType<typeof problemBody> };

/**
 * One ticket of a batch: its annotation, or its own problem (400), so that one bad ticket never
 * sinks the others. `pointer` is where the ticket sits in the request, for the problem's pointers.
 */
export async function annotateEntry(snapshot: Snapshot, ticket: unknown, checkTicket: SchemaCheck, pointer: string, instance: string, read?: TicketReader): Promise<BatchResult> {
  const id = typeof (ticket as Ticket)?.id === 'string' ? (ticket as Ticket).id : undefined;
  try {
    const findings = checkTicket(ticket);
    if (findings) {
      const { message, errors } = schemaRefusal('The ticket does not match Ticket', findings, pointer);
      throw new AppError('invalid_request', message, errors);
    }
    return { status: 200, id: (ticket as Ticket).id, annotation: await annotate(snapshot, ticket as Ticket, { pointerBase: pointer, read }) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const problem = problemFor(error);
    return { status: problem.status, ...(id !== undefined ? { id } : {}), problem: problemBody(problem, instance) };
  }
}

/** NDJSON tickets to results, one line at a time: the loop behind the streamed batch and the CLI. */
export async function* annotateLines(lines: AsyncIterable<NdjsonLine>, snapshot: Snapshot, checkTicket: SchemaCheck, instance: string, maxLine: number, read?: TicketReader): AsyncGenerator<BatchResult> {
  for await (const line of lines) {
    if (line.oversized) {
      yield { line: line.number, status: 413, problem: problemBody(new Problem(413, 'payload_too_large', `Line ${line.number} is over ${maxLine} bytes.`), instance) };
      continue;
    }
    let ticket: unknown;
    try {
      ticket = JSON.parse(line.text);
    } catch (error) {
      const problem = new Problem(400, 'malformed_json', `Line ${line.number} is not valid JSON: ${(error as Error).message}`);
      yield { line: line.number, status: 400, problem: problemBody(problem, instance) };
      continue;
    }
    yield { line: line.number, ...(await annotateEntry(snapshot, ticket, checkTicket, '', instance, read)) };
    // The lines of one chunk of the stream would otherwise all be read in one turn of the event loop.
    await setImmediate();
  }
}
