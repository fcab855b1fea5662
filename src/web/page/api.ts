// The service's API as the pages call it: relative URLs (so a path prefix in front of the
// service keeps working), the API key if the user gave one, and problems as errors.
import type { Annotation, ConfigurationFile, DiagnoseResponse, FactList, FieldFigures, InputFacts, ProblemBody } from '../../contract/schemas.js';
import type { ArticleSettings, Parameter } from './artifact-settings.js';

export type {
  Annotation,
  AppliesTo,
  Candidate,
  ConfigurationFile,
  Conflict,
  Derivation,
  DiagnoseResponse,
  Diagnosis,
  Evidence,
  FactDefinition,
  FactList,
  FieldFigures,
  InputFacts,
  OutOfScope,
  ProblemBody,
  Question,
  Source,
  WorkaroundResult,
} from '../../contract/schemas.js';
/** A value a fact may take, as the page shows and sends it. */
export type Scalar = string | boolean;

/** The parts of the published contract (/openapi.json) the page reads: each GET operation's query parameters. */
export interface OpenApiDocument {
  paths: Record<string, { get?: { parameters?: (Parameter & { in: string })[] } }>;
}

/** An answer other than a success, with the service's problem details. */
export class ApiProblem extends Error {
  constructor(readonly problem: ProblemBody) {
    super(problem.detail);
  }
}

const KEY_STORAGE = 'outlook-connectivity-kb.api-key';

/** The API key the user entered, kept for the browser session only. */
export const apiKey = {
  get: (): string => sessionStorage.getItem(KEY_STORAGE) ?? '',
  set: (key: string): void => (key ? sessionStorage.setItem(KEY_STORAGE, key) : sessionStorage.removeItem(KEY_STORAGE)),
};

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const key = apiKey.get();
  if (key) headers['x-api-key'] = key;
  const response = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (!response.ok) throw new ApiProblem(await problemOf(response));
  return response;
}

async function problemOf(response: Response): Promise<ProblemBody> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as ProblemBody;
    if (typeof problem.detail === 'string') return problem;
  } catch {
    // Not a problem document (a proxy's error page, say): described below.
  }
  return { type: 'about:blank', title: response.statusText, status: response.status, detail: `The service answered ${response.status} ${response.statusText}.`, code: 'internal_error' };
}

const json = async <T>(method: string, path: string, body?: unknown): Promise<T> => (await send(method, path, body)).json() as Promise<T>;

// Paths the API itself hands out (artifact links) are absolute; made relative like the rest.
const relative = (path: string) => path.replace(/^\//, '');

/**
 * The service calls the page makes; each resolves to the parsed JSON or rejects with an
 * ApiProblem.
 */
export const api = {
  facts: () => json<FactList>('GET', 'v1/facts'),
  /** `text`: the engineer's own words, read for facts beside those given (returned in `facts.fromText`). */
  diagnose: (facts: InputFacts, text?: string) => json<DiagnoseResponse>('POST', 'v1/diagnose?include=candidates', text === undefined ? { facts } : { facts, text }),
  annotate: (body: string) => json<Annotation>('POST', 'v1/annotate', { ticket: { id: 'diagnosis-page', body } }),
  contract: () => json<OpenApiDocument>('GET', 'openapi.json'),
  /** An article as the knowledge base encodes it: the page reads its configuration files' settings. */
  article: (id: string) => json<ArticleSettings>('GET', `v1/articles/${encodeURIComponent(id)}`),
  /** A configuration file with the other articles' advice on its ports (the service answers JSON to JSON). */
  file: (href: string, query: Record<string, string>) => json<ConfigurationFile>('GET', `${relative(href)}?${new URLSearchParams(query)}`),
  /** The field figures of the decision log (the stats page). */
  stats: (query: Record<string, string>) => json<FieldFigures>('GET', `v1/stats?${new URLSearchParams(query)}`),
};
