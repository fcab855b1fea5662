import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './api.gen.js';
import { facts, type AllowedValue, type AnyFactValue, type FactName, type Facts, type FactValue } from './facts.js';

export { facts };
export type { AllowedValue, AnyFactValue, components, FactName, Facts, FactValue, operations, paths };

type Schemas = components['schemas'];
export type DiagnoseResponse = Schemas['DiagnoseResponse'];
export type Annotation = Schemas['Annotation'];
export type BatchResult = Schemas['BatchResult'];
export type Problem = Schemas['Problem'];
/** A ticket to annotate; the facts its system already knows are typed like any others. */
export type Ticket = Omit<Schemas['Ticket'], 'facts'> & { facts?: Facts };
/** A question of `DiagnoseResponse.questions`, with its fact's name typed. */
export type Question = { [N in FactName]: Omit<Schemas['Question'], 'fact'> & { fact: N } }[FactName];

export interface KbClientOptions {
  /** Where the service is, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** Sent as X-API-Key; needed when the service has API_KEYS. */
  apiKey?: string;
  /** Another fetch (a proxy, a test double); globalThis.fetch by default. */
  fetch?: (request: Request) => Promise<Response>;
}

/** A problem answer (RFC 9457) from the service; `problem.code` is stable, `problem.errors` points at each bad field. */
export class KbError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem ? `${status} ${problem.code}: ${problem.detail}` : `The service answered ${status}`);
    this.name = 'KbError';
  }
}

/**
 * What the person consulted answers: a value of the fact asked for, `null` for "I do not know"
 * (never asked again), or `undefined` to end the consultation there.
 */
export type Answer = AnyFactValue | null | undefined;

export interface Consultation {
  /** The last diagnosis, made with every answer given. */
  answer: DiagnoseResponse;
  /** The facts it was made from: those the consultation started with and every answer. */
  facts: Facts;
  /** The questions put, in order, with their answers. */
  asked: { question: Question; answer: AnyFactValue | null }[];
  /** True when nothing was left to ask; false when the callback ended it, or maxQuestions did. */
  done: boolean;
}

export interface KbClient {
  /** Every operation of openapi.yaml, typed (openapi-fetch): `api.GET('/v1/articles/{id}', ...)`. */
  api: Client<paths>;
  /** POST /v1/diagnose: the diagnoses that hold for these facts, and the questions worth asking next. */
  diagnose(facts: Facts, options?: { candidates?: boolean }): Promise<DiagnoseResponse>;
  /**
   * Diagnoses, puts the top question through `ask`, adds the answer to the facts and diagnoses
   * again, until no question is left (or `ask` answers `undefined`, or `maxQuestions`, 20 by
   * default, have been put).
   */
  consult(facts: Facts, ask: (question: Question, answer: DiagnoseResponse) => Answer | Promise<Answer>, options?: { maxQuestions?: number }): Promise<Consultation>;
  /** POST /v1/annotate: the facts a ticket states, with their evidence, the diagnoses, tags and a note. */
  annotate(ticket: Ticket): Promise<Annotation>;
  /**
   * POST /v1/annotate/batch as NDJSON: sends the tickets one line each as they are read, and
   * yields each result as it arrives (`line` numbers the ticket it is for), in constant memory. A
   * result without `line` is the service ending the stream (408: nothing sent or read for
   * REQUEST_TIMEOUT_MS); a ticket's own problem is a result with its status, not an exception.
   */
  backfill(tickets: Iterable<Ticket> | AsyncIterable<Ticket>): AsyncGenerator<BatchResult, void, undefined>;
}

export function createKbClient({ baseUrl, apiKey, fetch = (request) => globalThis.fetch(request) }: KbClientOptions): KbClient {
  const root = baseUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = apiKey ? { 'x-api-key': apiKey } : {};
  const api = createClient<paths>({ baseUrl: root, headers, fetch });

  const diagnose: KbClient['diagnose'] = async (given, { candidates = false } = {}) => {
    const { data, error, response } = await api.POST('/v1/diagnose', { body: { facts: given }, params: { query: candidates ? { include: 'candidates' } : {} } });
    if (error !== undefined || !data) throw new KbError(response.status, problemOf(error));
    return data;
  };

  const consult: KbClient['consult'] = async (given, ask, { maxQuestions = 20 } = {}) => {
    const known: Facts = { ...given };
    const asked: Consultation['asked'] = [];
    for (;;) {
      const answer = await diagnose(known);
      const question = answer.questions[0] as Question | undefined;
      if (!question) return { answer, facts: known, asked, done: true };
      if (asked.length >= maxQuestions) return { answer, facts: known, asked, done: false };
      // The service never asks for a fact it was given; if it did, answering again would loop.
      if (question.fact in known) throw new Error(`The service asked again for ${question.fact}, which it was sent`);
      const reply = await ask(question, answer);
      if (reply === undefined) return { answer, facts: known, asked, done: false };
      asked.push({ question, answer: reply });
      (known as Record<string, unknown>)[question.fact] = reply;
    }
  };

  const annotate: KbClient['annotate'] = async (ticket) => {
    const { data, error, response } = await api.POST('/v1/annotate', { body: { ticket } });
    if (error !== undefined || !data) throw new KbError(response.status, problemOf(error));
    return data;
  };

  async function* backfill(tickets: Iterable<Ticket> | AsyncIterable<Ticket>): AsyncGenerator<BatchResult, void, undefined> {
    const source = Symbol.asyncIterator in tickets ? tickets[Symbol.asyncIterator]() : tickets[Symbol.iterator]();
    const encoder = new TextEncoder();
    // Pulled as the request is sent: a ticket is read only when the service is ready for it.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await source.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
      },
      async cancel() {
        await source.return?.();
      },
    });
    const request = new Request(`${root}/v1/annotate/batch`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-ndjson', accept: 'application/x-ndjson' },
      body,
      // A streamed request body (the results stream back while it is sent).
      duplex: 'half',
    } as RequestInit);
    const response = await fetch(request);
    if (!response.ok || !response.body) {
      const text = await response.text();
      throw new KbError(response.status, problemOf(parseJson(text)));
    }
    const lines = response.body.pipeThrough(new TextDecoderStream());
    let pending = '';
    for await (const chunk of lines) {
      pending += chunk;
      let end: number;
      while ((end = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 1);
        if (line.trim()) yield JSON.parse(line) as BatchResult;
      }
    }
    if (pending.trim()) yield JSON.parse(pending) as BatchResult;
  }

  return { api, diagnose, consult, annotate, backfill };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function problemOf(error: unknown): Problem | undefined {
  return error && typeof error === 'object' && 'code' in error && 'status' in error ? (error as Problem) : undefined;
}
