import { setImmediate } from 'node:timers/promises';
import { Problem, problemBody } from '../contract/problem';
import type { SchemaCheck } from '../contract/schema-check';
import { refusalWithFacts } from '../contract/facts-refusal';
import type { TicketReader } from '../annotate/extraction-pool';
import { annotate, type Annotation, type DecisionRecording, type Ticket, type TicketId } from './annotate';
import { AppError, problemFor } from './errors';
import type { NdjsonLine } from './ndjson-lines';
import type { Snapshot } from './snapshot';

/** Most tickets in one JSON batch; larger backfills are streamed as NDJSON. */
const MAX_BATCH_TICKETS = 100;
/** Longest line of an NDJSON backfill. */
export const MAX_NDJSON_LINE = 100 * 1024;
/**
 * Most characters of text (subjects and bodies, all tickets together) in one JSON batch: 100
 * tickets of 1,000 characters. A JSON batch is answered all at once, so its worst case is what a
 * client waits, and on this 2-core machine shared with other jobs (load average 7) 200,000
 * characters took 0.34-1.37 s, 100,000 about half. An NDJSON stream answers each line as it
 * comes and has no such total.
 */
export const MAX_BATCH_TEXT = 100_000;

type BatchResult = { line?: number; status: 200; id: TicketId; annotation: Annotation } | { line?: number; status: number; id?: TicketId; problem: ReturnType<typeof problemBody> };

/**
 * One ticket of a batch: its annotation, or its own problem (400), so that one bad ticket never
 * sinks the others. `pointer` is where the ticket sits in the request, for the problem's pointers.
 */
export async function annotateEntry(
  snapshot: Snapshot,
  ticket: unknown,
  checkTicket: SchemaCheck,
  pointer: string,
  instance: string,
  read?: TicketReader,
  record?: DecisionRecording,
): Promise<BatchResult> {
  const id = asTicketId((ticket as Partial<Ticket> | null)?.id);
  try {
    const findings = checkTicket(ticket);
    if (findings) {
      const { code, message, errors } = refusalWithFacts('The ticket does not match Ticket', findings, ticket, { at: '/facts', vocabulary: snapshot.kb.vocabulary }, pointer);
      throw new AppError(code, message, errors);
    }
    return { status: 200, id: (ticket as Ticket).id, annotation: await annotate(snapshot, ticket as Ticket, { pointerBase: pointer, read, record }) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const problem = problemFor(error);
    return { status: problem.status, ...(id !== undefined ? { id } : {}), problem: problemBody(problem, instance) };
  }
}

/**
 * A ticket's id as sent, for the result of a ticket refused for something else; one that is no
 * TicketId (an object, a fraction, an empty string) is left out rather than echoed into the answer.
 */
function asTicketId(sent: unknown): TicketId | undefined {
  if (typeof sent === 'string') return sent.length >= 1 && sent.length <= 200 ? sent : undefined;
  return typeof sent === 'number' && Number.isSafeInteger(sent) && sent >= 0 ? sent : undefined;
}

/** Characters of text (subject and body) in the tickets that are objects. */
function batchText(tickets: readonly unknown[]): number {
  let length = 0;
  for (const ticket of tickets) {
    const { subject, body } = (ticket ?? {}) as Partial<Ticket>;
    if (typeof subject === 'string') length += subject.length;
    if (typeof body === 'string') length += body.length;
  }
  return length;
}

/**
 * A JSON batch: every ticket's result, in order. Refused whole (413) over MAX_BATCH_TICKETS
 * tickets or MAX_BATCH_TEXT characters of text; each ticket otherwise gets its annotation or its
 * own problem. Tickets are annotated one at a time: with several at once, those short enough to
 * be read on the event loop were read several to a turn of it (a stall of 440 ms against a test's
 * bound of 350, under load), and with the default one worker thread, long tickets gain nothing.
 */
export async function annotateBatch(
  snapshot: Snapshot,
  tickets: readonly unknown[],
  checkTicket: SchemaCheck,
  instance: string,
  read?: TicketReader,
  record?: DecisionRecording,
): Promise<BatchResult[]> {
  if (tickets.length > MAX_BATCH_TICKETS) {
    throw new AppError('payload_too_large', `${tickets.length} tickets in one batch; at most ${MAX_BATCH_TICKETS}. Send larger backfills as application/x-ndjson.`, [
      { pointer: '/tickets', detail: `has ${tickets.length} tickets; at most ${MAX_BATCH_TICKETS}` },
    ]);
  }
  const text = batchText(tickets);
  if (text > MAX_BATCH_TEXT) {
    const detail = `subjects and bodies come to ${text.toLocaleString('en-US')} characters; a JSON batch takes at most ${MAX_BATCH_TEXT.toLocaleString('en-US')}`;
    throw new AppError(
      'payload_too_large',
      `The tickets' ${detail}, so that it is answered within a second. Send larger backfills as application/x-ndjson (one ticket per line, each answered as it is read).`,
      [{ pointer: '/tickets', detail }],
    );
  }
  const results: BatchResult[] = [];
  for (const [i, ticket] of tickets.entries()) {
    results.push(await annotateEntry(snapshot, ticket, checkTicket, `/tickets/${i}`, instance, read, record));
    // A ticket short enough to be read on the event loop takes up to a millisecond; a hundred
    // of them in one go would hold everything else up for a tenth of a second.
    await setImmediate();
  }
  return results;
}

/** NDJSON tickets to results, one line at a time: the loop behind the streamed batch and the CLI. */
export async function* annotateLines(
  lines: AsyncIterable<NdjsonLine>,
  snapshot: Snapshot,
  checkTicket: SchemaCheck,
  instance: string,
  maxLine: number,
  read?: TicketReader,
  record?: DecisionRecording,
): AsyncGenerator<BatchResult> {
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
    yield { line: line.number, ...(await annotateEntry(snapshot, ticket, checkTicket, '', instance, read, record)) };
    // The lines of one chunk of the stream would otherwise all be read in one turn of the event loop.
    await setImmediate();
  }
}
