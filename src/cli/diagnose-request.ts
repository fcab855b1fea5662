import { Contract } from '../contract/contract';
import { refusalWithFacts } from '../contract/facts-refusal';
import type { FieldError } from '../facts/normalize';
import type { KnowledgeBase } from '../kb/load';

/** The facts `outlook-kb diagnose` was given, or why they are refused, one line per field. */
export type DiagnoseInput = { ok: true; facts: Record<string, unknown>; text?: string } | { ok: false; lines: string[] };

/**
 * The facts of `outlook-kb diagnose`: `--json` is POST /v1/diagnose's body ({"facts": {...}}), so
 * what works against the API works here and the other way round; each `--fact` is added to its
 * facts. The body is checked as the API checks it (the contract's DiagnoseRequest, facts read
 * against the vocabulary), so the refusals are the API's too. `text` (--text) replaces the body's.
 */
export function diagnoseInput(json: string | undefined, flags: Record<string, unknown>, kb: KnowledgeBase, contract: Contract, text?: string): DiagnoseInput {
  let body: unknown = { facts: {} };
  if (json !== undefined) {
    try {
      body = JSON.parse(json);
    } catch (error) {
      return { ok: false, lines: [`--json is not valid JSON: ${(error as Error).message}`] };
    }
  }
  if (text !== undefined && body !== null && typeof body === 'object' && !Array.isArray(body)) (body as { text?: unknown }).text = text;
  const facts = (body as { facts?: unknown } | null)?.facts;
  // Defined, not assigned: a fact named __proto__ stays a fact (and an unknown one), not a prototype.
  if (facts !== null && typeof facts === 'object' && !Array.isArray(facts)) {
    for (const [name, value] of Object.entries(flags)) Object.defineProperty(facts, name, { value, enumerable: true, writable: true, configurable: true });
  }
  const findings = contract.check(contract.schemaPointer('DiagnoseRequest'))(body);
  const said = (body as { text?: string }).text;
  if (!findings) return { ok: true, facts: facts as Record<string, unknown>, ...(said !== undefined ? { text: said } : {}) };
  const { errors } = refusalWithFacts('--json', findings, body, { at: '/facts', vocabulary: kb.vocabulary });
  // The old --json took the facts alone; say what it takes now rather than only "/facts is required".
  const hint = errors.some((e) => e.pointer === '/facts') ? [`--json takes the body of POST /v1/diagnose: {"facts": {"clientKind": "outlook", ...}}`] : [];
  return { ok: false, lines: [...errors.map(fieldLine), ...hint] };
}

/** A field error as a line of the command's output: the fact's name (or the field's pointer), what is wrong, what is allowed. */
export function fieldLine(error: FieldError): string {
  return `${error.pointer.replace(/^\/facts\//, '')}: ${error.detail}${error.allowed ? ` (allowed: ${error.allowed.join(', ')})` : ''}`;
}
