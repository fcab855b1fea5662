import path from 'node:path';
import Piscina from 'piscina';
import type { KnowledgeBase } from '../kb/load';
import { readTicket, type TicketField, type TicketReading } from './extract';
import type { ExtractionResult, ExtractionTask } from './extraction-worker';

/** Reads what a ticket states: its facts and the context no fact holds. */
export type TicketReader = (ticket: Partial<Record<TicketField, string>>, kb: KnowledgeBase) => Promise<TicketReading>;

/** Reads a ticket on the event loop: for the command line, tests, and tickets too short to send away. */
export const readHere: TicketReader = (ticket, kb) => new Promise((resolve) => resolve(readTicket(ticket, kb.extraction, kb.vocabulary)));

/**
 * Below this many characters (subject and body) a ticket is read on the event loop: it takes
 * under a millisecond there, less than the round trip to a worker thread.
 */
export const READ_HERE_UP_TO = 4000;

/**
 * Reads long tickets on worker threads (piscina), so that annotating them, 12 ms for a
 * 60,000-character body, never holds up the requests the event loop is serving.
 *
 * Chosen over slicing the work with setImmediate by measurement: four clients sending 5 MB
 * batches while autocannon loaded /healthz and a small diagnose, sliced, left the light
 * requests a p99 of 64-67 ms at 370 req/s; with one worker thread, 18 ms at 3,400 req/s
 * (12 clients: 120 ms against 18 ms). See the commit that added this file.
 */
export class ExtractionPool {
  private readonly pool: Piscina<ExtractionTask, ExtractionResult>;

  constructor(private readonly threads: number) {
    // From sources (tests, tsx) the worker is TypeScript, loaded through tsx as this thread is.
    const fromSources = __filename.endsWith('.ts');
    this.pool = new Piscina({
      filename: path.join(__dirname, `extraction-worker.${fromSources ? 'ts' : 'js'}`),
      minThreads: threads,
      maxThreads: threads,
      ...(fromSources && !process.execArgv.includes('tsx') ? { execArgv: [...process.execArgv, '--import', 'tsx'] } : {}),
    });
  }

  readonly read: TicketReader = async (ticket, kb) => {
    if ((ticket.subject?.length ?? 0) + (ticket.body?.length ?? 0) <= READ_HERE_UP_TO) return readHere(ticket, kb);
    const task = { revision: kb.revision, ticket: { ...(ticket.subject !== undefined ? { subject: ticket.subject } : {}), ...(ticket.body !== undefined ? { body: ticket.body } : {}) } };
    let result = await this.pool.run(task);
    if ('needsRules' in result) result = await this.pool.run({ ...task, rules: { extraction: kb.extraction, facts: kb.vocabulary.facts } });
    if ('needsRules' in result) throw new Error('an extraction worker dropped the rules it was just sent');
    return result.reading;
  };

  /**
   * Sends `kb`'s rules to every thread and has each read a long sample, so that the first long
   * ticket does not pay for starting a thread, building its automaton and compiling the reader
   * (0.3-0.8 s measured on a loaded 2-core machine, the first request of a fresh process).
   */
  async warm(kb: KnowledgeBase): Promise<void> {
    const body = 'Outlook 2003 cannot connect through NAT on the SonicWall; port 135 is blocked, server 10.0.0.5. '.repeat(50);
    await Promise.all(Array.from({ length: this.threads }, () => this.read({ subject: 'warm-up', body }, kb)));
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
