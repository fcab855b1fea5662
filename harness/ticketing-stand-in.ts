import { EventEmitter, once } from 'node:events';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { System } from '../src/delivery/outbox';
import { member as at } from './member';

/**
 * How the stand-in answers a request instead of applying it; `accept` applies it as usual;
 * `lateMs` applies it and answers only that long after, as a system that is slow to answer does
 * (the client, timed out, cannot tell it from one that never got the request).
 */
export type Failure = { status: number; retryAfter?: string; body?: string } | { lateMs: number } | 'hang' | 'accept';

/** A write the stand-in applied, as the real system would keep it. */
export interface Applied {
  ticket: string;
  kind: 'comment' | 'labels' | 'work_notes';
  /** The JSON body, as the system's API takes it (the route checked the members it needs); read it with `member`. */
  body: unknown;
}

interface Route {
  method: string;
  path: RegExp;
  kind: Applied['kind'];
  /** Why the body would be refused, as the system says it; undefined when it is valid. */
  refuse: (body: unknown) => string | undefined;
  /** The status and body of an accepted write. */
  accepted: (ticket: string) => { status: number; body: string };
}

const isStrings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');

/** Jira's label updates: a list of { add } with a word each. */
const isWords = (labels: unknown) =>
  Array.isArray(labels) &&
  labels.every((label: unknown) => {
    const add = at(label, 'add');
    return typeof add === 'string' && !/\s/.test(add);
  });

// What each system's API takes, as its documentation gives it, and the answers it gives.
const SYSTEMS: Record<System, { credentials: Record<string, string>; authorization: (c: Record<string, string>) => string; unauthorized: string; routes: Route[]; invalid: (why: string) => string }> =
  {
    zendesk: {
      credentials: { email: 'agent@example.com', apiToken: 'zendesk-token-0123456789' },
      authorization: (c) => `Basic ${Buffer.from(`${c.email}/token:${c.apiToken}`).toString('base64')}`,
      unauthorized: JSON.stringify({ error: "Couldn't authenticate you" }),
      invalid: (why) => JSON.stringify({ error: 'RecordInvalid', description: 'Record validation errors', details: { base: [{ description: why }] } }),
      routes: [
        {
          method: 'PUT',
          path: /^\/api\/v2\/tickets\/(\d+)\.json$/,
          kind: 'comment',
          refuse: (body) =>
            typeof at(body, 'ticket', 'comment', 'body') !== 'string' || at(body, 'ticket', 'comment', 'body') === ''
              ? 'Comment: body is required'
              : at(body, 'ticket', 'comment', 'public') !== false
                ? 'The note must be an internal comment (public: false)'
                : !isStrings(at(body, 'ticket', 'additional_tags'))
                  ? 'additional_tags must be a list of tags'
                  : undefined,
          accepted: (ticket) => ({ status: 200, body: JSON.stringify({ ticket: { id: Number(ticket) } }) }),
        },
      ],
    },
    jira: {
      credentials: { email: 'bot@example.com', apiToken: 'jira-token-0123456789' },
      authorization: (c) => `Basic ${Buffer.from(`${c.email}:${c.apiToken}`).toString('base64')}`,
      unauthorized: 'Client must be authenticated to access this resource.',
      invalid: (why) => JSON.stringify({ errorMessages: [], errors: { body: why } }),
      routes: [
        {
          method: 'POST',
          path: /^\/rest\/api\/3\/issue\/([A-Z][A-Z0-9]*-\d+)\/comment$/,
          kind: 'comment',
          refuse: (body) =>
            at(body, 'body', 'type') !== 'doc' || at(body, 'body', 'version') !== 1 || !Array.isArray(at(body, 'body', 'content'))
              ? 'Comment body is not a valid Atlassian Document Format document.'
              : undefined,
          accepted: (ticket) => ({ status: 201, body: JSON.stringify({ id: '10000', self: `/rest/api/3/issue/${ticket}/comment/10000` }) }),
        },
        {
          method: 'PUT',
          path: /^\/rest\/api\/3\/issue\/([A-Z][A-Z0-9]*-\d+)$/,
          kind: 'labels',
          refuse: (body) => (!isWords(at(body, 'update', 'labels')) ? 'Field labels: each label is a word without spaces.' : undefined),
          accepted: () => ({ status: 204, body: '' }),
        },
      ],
    },
    servicenow: {
      credentials: { user: 'kb.integration', password: 'servicenow-password-0123' },
      authorization: (c) => `Basic ${Buffer.from(`${c.user}:${c.password}`).toString('base64')}`,
      unauthorized: JSON.stringify({ error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }, status: 'failure' }),
      invalid: (why) => JSON.stringify({ error: { message: 'Exception while reading request', detail: why }, status: 'failure' }),
      routes: [
        {
          method: 'PATCH',
          path: /^\/api\/now\/table\/incident\/([0-9a-z]+)$/,
          kind: 'work_notes',
          refuse: (body) => (typeof at(body, 'work_notes') !== 'string' || at(body, 'work_notes') === '' ? 'work_notes must be text' : undefined),
          accepted: (ticket) => ({ status: 200, body: JSON.stringify({ result: { sys_id: ticket } }) }),
        },
      ],
    },
  };

/**
 * A local stand-in for a ticketing system's API: it checks the credentials, the method and path,
 * and the body as the real API would, keeps what it applied per ticket, and can be told to answer
 * the next requests with a failure (429 with Retry-After, 503, 400) or not at all. Emits
 * 'request' for every request and 'applied' for every write it keeps, so tests wait on those.
 */
export class TicketingStandIn extends EventEmitter {
  readonly applied: Applied[] = [];
  /** Every request, accepted or not, with when it came. */
  readonly requests: { method: string; path: string; at: number; status?: number }[] = [];
  private failures: Failure[] = [];
  private always?: Failure | undefined;

  private constructor(
    readonly system: System,
    private readonly server: Server,
    readonly url: string,
    readonly credentials: Record<string, string>,
  ) {
    super();
  }

  static async start(system: System, credentials: Record<string, string> = SYSTEMS[system].credentials): Promise<TicketingStandIn> {
    const server = http.createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const standIn = new TicketingStandIn(system, server, `http://127.0.0.1:${port}`, credentials);
    server.on('request', (req, res) => void standIn.handle(req, res));
    return standIn;
  }

  /** The environment that makes the service deliver here. */
  env(credentials = this.credentials): Record<string, string> {
    const prefix = this.system.toUpperCase();
    const variables = Object.entries(credentials).map(([name, value]): [string, string] => [`${prefix}_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`, value]);
    return Object.fromEntries([[`${prefix}_URL`, this.url], ...variables]);
  }

  /** Answers the next requests with these failures, one each, in order; then accepts again. */
  failNext(...failures: Failure[]): void {
    this.failures.push(...failures);
  }

  /** Answers every request with this failure until told otherwise (undefined: accept). */
  failAlways(failure: Failure | undefined): void {
    this.always = failure;
  }

  /** What was applied to one ticket, of one kind. */
  writes(ticket: string, kind?: Applied['kind']): Applied[] {
    return this.applied.filter((a) => a.ticket === ticket && (!kind || a.kind === kind));
  }

  /** Resolves once `count` writes have been applied in all. */
  async appliedCount(count: number): Promise<void> {
    while (this.applied.length < count) await once(this, 'applied');
  }

  /** Resolves once `count` requests have come in all. */
  async requestCount(count: number): Promise<void> {
    while (this.requests.length < count) await once(this, 'request');
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const record = { method: req.method!, path: req.url!, at: Date.now() } as TicketingStandIn['requests'][number];
    this.requests.push(record);
    const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': body.startsWith('{') ? 'application/json' : 'text/plain', ...headers }).end(body);
      this.emit('request', record);
    };
    const next = this.failures.shift() ?? this.always;
    const lateMs = typeof next === 'object' && 'lateMs' in next ? next.lateMs : 0;
    const failure = next === 'accept' || lateMs ? undefined : (next as Exclude<Failure, { lateMs: number } | 'accept'> | undefined);
    if (failure === 'hang') return void this.emit('request', record);
    if (failure) return answer(failure.status, failure.body ?? JSON.stringify({ error: `stand-in failure ${failure.status}` }), failure.retryAfter ? { 'retry-after': failure.retryAfter } : {});

    const system = SYSTEMS[this.system];
    if (req.headers.authorization !== system.authorization(this.credentials)) return answer(401, system.unauthorized);
    const route = system.routes.find((r) => r.path.test(req.url!));
    if (!route) return answer(404, JSON.stringify({ error: 'RecordNotFound', description: 'Not found' }));
    if (req.method !== route.method) return answer(405, '');
    if (req.headers['content-type'] !== 'application/json') return answer(415, system.invalid('Content-Type must be application/json'));
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return answer(400, system.invalid('The body is not JSON'));
    }
    const refusal = route.refuse(body);
    if (refusal) return answer(400, system.invalid(refusal));
    const ticket = route.path.exec(req.url!)![1]!;
    const applied = { ticket, kind: route.kind, body };
    this.applied.push(applied);
    const { status, body: text } = route.accepted(ticket);
    if (lateMs) setTimeout(() => answer(status, text), lateMs).unref();
    else answer(status, text);
    this.emit('applied', applied);
  }
}
