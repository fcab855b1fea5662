import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';
import { serviceApp, type ServiceAppOptions } from '../src/service/service-app';
import { Contract } from '../src/contract/contract';
import { createHttpServer } from '../src/http/http-server';
import type { components, operations } from '../src/contract/types.gen';
import { bundledKnowledgeBase } from './knowledge-base';

/** The bodies openapi.yaml names, as openapi-typescript generates them (`npm run gen:types`). */
export type Schemas = components['schemas'];

/** The body an operation answers with a status (by its operationId), where openapi.yaml gives it inline rather than by a schema name. */
export type ResponseBody<Op extends keyof operations, Status extends keyof operations[Op]['responses']> = operations[Op]['responses'][Status] extends { content: infer Content }
  ? Content[keyof Content]
  : never;

/**
 * A response, its body parsed (JSON, or each line of an NDJSON stream) or left as text. The body
 * is `T` as the test that asked for it says it expects (e.g. `api.post<Schemas['DiagnoseResponse']>`),
 * and `unknown` when it says nothing: every body was checked against the schema openapi.yaml gives
 * for its route, status and media type, so a test that asserts the status reads the body by the
 * type the contract gives that status.
 */
export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export interface RequestOptions {
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown;
  /** Sent as is; set the content type in headers. */
  body?: string;
  headers?: Record<string, string>;
}

const contract = new Contract();

/**
 * The app started in-process on port 0. Every response is checked against the schema openapi.yaml
 * gives for its route, method, status and media type; a response the contract does not describe
 * fails the test that received it.
 */
export class TestApi {
  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(options: Partial<ServiceAppOptions> = {}): Promise<TestApi> {
    const app = serviceApp({ snapshot: bundledKnowledgeBase(), contract, ...options });
    const server = await new Promise<Server>((resolve) => {
      // Served as the service serves it.
      const s = createHttpServer(app).listen(0, '127.0.0.1', () => resolve(s));
    });
    const { port } = server.address() as AddressInfo;
    return new TestApi(server, `http://127.0.0.1:${port}`);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (mediaType === 'application/x-ndjson') {
      // Each line of a streamed batch is a BatchResult.
      const lines = text
        .split('\n')
        .filter((line) => line)
        .map((line): unknown => JSON.parse(line));
      for (const line of lines) assertMatches(contract.schemaPointer('BatchResult'), `${method} ${path} line`, line);
      return { status: response.status, headers: response.headers, text, body: lines as T };
    }
    const parsed: unknown = mediaType.endsWith('json') ? JSON.parse(text) : text;
    assertConformant(method, path, response.status, mediaType, parsed);
    return { status: response.status, headers: response.headers, text, body: parsed as T };
  }

  post<T = unknown>(path: string, json: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, { json });
  }

  get<T = unknown>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path);
  }
}

/** What a batch answered for one ticket: its annotation, or undefined where it has a problem instead. */
export const annotationOf = (result: Schemas['BatchResult'] | undefined) => (result && 'annotation' in result ? result.annotation : undefined);

/** Why a batch refused one ticket: its problem, or undefined where it was annotated. */
export const problemOf = (result: Schemas['BatchResult'] | undefined) => (result && 'problem' in result ? result.problem : undefined);

/** Throws unless openapi.yaml documents this response and the body matches its schema. */
export function assertConformant(method: string, path: string, status: number, mediaType: string, body: unknown): void {
  assertMatches(responseSchemaPointer(method, path, status, mediaType), `${method} ${path} → ${status}`, body);
}

/** Checks one line of a streamed batch (or of the CLI's output) against BatchResult. */
export function assertConformantBatchLine(line: unknown): void {
  assertMatches(contract.schemaPointer('BatchResult'), 'batch line', line);
}

function assertMatches(pointer: string, what: string, body: unknown): void {
  const validate = contract.validator(pointer);
  if (!validate(body)) {
    throw new Error(`${what} does not match ${pointer}: ${JSON.stringify(validate.errors, null, 1)}\n${JSON.stringify(body)}`);
  }
}

function responseSchemaPointer(method: string, path: string, status: number, mediaType: string): string {
  const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
  const pathname = path.split('?')[0]!;
  const template = Object.keys(contract.document.paths ?? {}).find((t) => new RegExp(`^${t.replace(/\{[^/]+\}/g, '[^/]+')}$`).test(pathname));
  const operation = template ? contract.document.paths?.[template]?.[method.toLowerCase() as OpenAPIV3.HttpMethods] : undefined;
  if (!operation) {
    // Routes the contract does not have (404) and methods a path does not have (405) answer
    // with a problem, which has its own schema.
    if ((status === 404 || status === 405) && mediaType === 'application/problem+json') return contract.schemaPointer('Problem');
    throw new Error(`${method} ${path} is not in openapi.yaml but answered ${status}`);
  }
  const response = operation.responses?.[String(status)];
  if (!response) throw new Error(`openapi.yaml does not document status ${status} for ${method} ${template}`);
  const ref = '$ref' in response ? response.$ref : undefined;
  const base = ref ?? `#/paths/${escape(template!)}/${method.toLowerCase()}/responses/${status}`;
  const resolved = (ref ? resolvePointer(ref) : response) as OpenAPIV3_1.ResponseObject;
  if (!resolved.content?.[mediaType]) throw new Error(`openapi.yaml documents no ${mediaType} body for ${status} on ${method} ${template}`);
  return `${base}/content/${escape(mediaType)}/schema`;
}

function resolvePointer(ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, token) => (node as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')], contract.document);
}

/**
 * POSTs JSON on a connection of its own, closed after the answer, and parses the answer as JSON,
 * the `T` the caller expects. (fetch keeps connections open between requests, and one the server
 * closes as a request is sent on it is reset.)
 */
export function postOnNewConnection<T = unknown>(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        resolve({ status: res.statusCode!, body: parsed as T });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
