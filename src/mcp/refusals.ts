import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { MAX_FIELD_ERRORS } from '../contract/problem';
import { decodePointerToken } from '../contract/pointers';
import type { FieldError } from '../facts/normalize';

/**
 * A tool's refusal as MCP wants it: a result marked isError, whose text the model reads and can act
 * on, rather than a JSON-RPC error, which a client shows its user (or throws) and the model never
 * sees. The text is the whole message, with one prefix: the SDK adds its own ("MCP error -32602: ")
 * to an error it is thrown, and a client adds it again on its side.
 */
export function refusal(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}

/**
 * The text of arguments refused: each argument at fault by its name (facts.natMode, text), what is
 * wrong with it and, where there is a set, what is allowed. As in a problem, the first
 * MAX_FIELD_ERRORS and the number of the rest. `hint` says what to do next, where there is more
 * to say than the errors do.
 */
export function argumentsRefused(tool: string, errors: FieldError[], hint = ''): string {
  const listed = errors.slice(0, MAX_FIELD_ERRORS).map((e) => `${argumentPath(e.pointer)}: ${e.detail}${e.allowed ? ` (allowed: ${e.allowed.join(', ')})` : ''}`);
  const more = errors.length > MAX_FIELD_ERRORS ? [`and ${errors.length - MAX_FIELD_ERRORS} more`] : [];
  return `${tool} refused its arguments: ${[...listed, ...more].join('; ')}.${hint ? ` ${hint}` : ''}`;
}

/**
 * An argument as a model names it, from a field error's JSON pointer: /facts/natMode is
 * facts.natMode. A query parameter's error points at /query/<name> (see pointers.ts); to a tool,
 * whose arguments hold the parameters, it is the argument <name>.
 */
function argumentPath(pointer: string): string {
  const tokens = pointer.split('/').slice(1).map(decodePointerToken);
  const path = tokens[0] === 'query' ? tokens.slice(1) : tokens;
  return path.filter((token) => token !== '').join('.') || 'the arguments';
}
