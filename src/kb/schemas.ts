import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { bundledRulesDir } from '../paths';
import { KnowledgeBaseError } from './errors';

/**
 * Validators for the knowledge-base files, compiled from the bundled rules/schemas/. The schemas
 * describe the format this code reads, so they come with the code, whatever RULES_DIR says.
 */
export interface FileValidators {
  article: ValidateFunction;
  vocabulary: ValidateFunction;
  extraction: ValidateFunction;
  lexicon: ValidateFunction;
  bounds: ValidateFunction;
  tags: ValidateFunction;
}

let compiled: FileValidators | undefined;

/**
 * Compiled once per process: the schemas come with the code, and compiling them was most of what
 * a reload blocked the event loop for (60 of 62 ms on this project's machine).
 */
export function compileFileValidators(): FileValidators {
  return (compiled ??= compile());
}

function compile(): FileValidators {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(bundledRulesDir, 'schemas', name), 'utf8')) as AnySchemaObject;
  // The article schema first: the others refer to its definitions (sources, conditions) by $id.
  const article = ajv.compile(read('article.schema.json'));
  return {
    article,
    vocabulary: ajv.compile(read('facts.schema.json')),
    extraction: ajv.compile(read('extraction.schema.json')),
    lexicon: ajv.compile(read('lexicon.schema.json')),
    bounds: ajv.compile(read('bounds.schema.json')),
    tags: ajv.compile(read('tags.schema.json')),
  };
}

/** Throws a KnowledgeBaseError naming the most specific failure, if `data` does not validate. */
export function assertValid(validate: ValidateFunction, data: unknown, file: string): void {
  if (validate(data)) return;
  const { pointer, reason } = schemaFault(validate.errors ?? []);
  throw new KnowledgeBaseError(file, pointer, reason);
}

/** Of a validation's errors (at least one), the one that says what the author got wrong, in words. */
export function schemaFault(errors: ErrorObject[]): { pointer: string; reason: string } {
  const error = mostSpecific(errors);
  return { pointer: error.instancePath || '/', reason: describe(error) };
}

// With oneOf and if/then, ajv reports every branch that failed; the deepest path is the one that
// points at what the author got wrong.
function mostSpecific(errors: ErrorObject[]): ErrorObject {
  return [...errors].sort((a, b) => depth(b) - depth(a) || rank(a) - rank(b))[0]!;
}

function depth(error: ErrorObject): number {
  return error.instancePath.split('/').length;
}

// Among errors at the same depth, the concrete ones read better than "must match oneOf".
function rank(error: ErrorObject): number {
  return ['oneOf', 'anyOf', 'if', 'not'].includes(error.keyword) ? 1 : 0;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return `unknown property "${String(params.additionalProperty)}"`;
  if (error.keyword === 'enum') return `${error.message}: ${JSON.stringify(params.allowedValues)}`;
  return error.message ?? error.keyword;
}
