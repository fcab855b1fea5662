import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OpenAPIV3_1 } from 'openapi-types';
import YAML from 'yaml';
import { contractFile, projectRoot } from '../paths';
import type { FieldError } from '../facts/normalize';

// The base URI the contract's relative $refs (e.g. to rules/schemas/article.schema.json) resolve
// against; the knowledge-base schemas carry $ids under the same base.
const BASE = 'https://outlook-connectivity-kb/';

// Top-level OpenAPI fields and OpenAPI-only schema keywords: known to ajv, validated by nothing.
const OPENAPI_KEYWORDS = ['openapi', 'info', 'servers', 'paths', 'components', 'tags', 'jsonSchemaDialect', 'webhooks', 'security', 'externalDocs', 'discriminator', 'xml', 'example'];

/** openapi.yaml, loaded once: the document itself and ajv validators compiled from its schemas. */
export class Contract {
  readonly document: OpenAPIV3_1.Document;
  /** The knowledge base's own schemas the document refers to, by path from the project root. */
  readonly knowledgeBaseSchemas = new Map<string, Record<string, unknown>>();
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(file = contractFile) {
    this.document = YAML.parse(fs.readFileSync(file, 'utf8')) as OpenAPIV3_1.Document;
    this.ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(this.ajv);
    this.ajv.addVocabulary(OPENAPI_KEYWORDS);
    for (const name of ['article.schema.json', 'facts.schema.json']) {
      const schema = JSON.parse(fs.readFileSync(path.join(projectRoot, 'rules', 'schemas', name), 'utf8')) as Record<string, unknown>;
      this.knowledgeBaseSchemas.set(`rules/schemas/${name}`, schema);
      this.ajv.addSchema(schema);
    }
    this.ajv.addSchema(this.document as object, `${BASE}openapi.yaml`);
  }

  /** The validator for a JSON pointer into the document, e.g. `#/components/schemas/Problem`. */
  validator(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.getSchema(`${BASE}openapi.yaml${pointer}`);
      if (!validate) throw new Error(`openapi.yaml has no schema at ${pointer}`);
      this.validators.set(pointer, validate);
    }
    return validate;
  }

  /** A validator for a standalone schema (e.g. a tool's input schema built from this contract). */
  compile(schema: object): ValidateFunction {
    return this.ajv.compile(schema);
  }

  schemaPointer(name: string): string {
    return `#/components/schemas/${name}`;
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface Operation {
  /** The path template, e.g. /v1/articles/{id}. */
  path: string;
  method: (typeof METHODS)[number];
  operation: OpenAPIV3_1.OperationObject;
}

/** Every operation of an OpenAPI document, path by path in the document's order. */
export function operationsOf(document: OpenAPIV3_1.Document): Operation[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item?.[method]).map((method) => ({ path, method, operation: item![method] as OpenAPIV3_1.OperationObject })),
  );
}

/** ajv's errors as field errors: a JSON pointer to the offending field and what is wrong. */
export function toFieldErrors(errors: ErrorObject[]): FieldError[] {
  const seen = new Set<string>();
  const fieldErrors: FieldError[] = [];
  for (const error of errors) {
    // oneOf/anyOf summaries repeat what their branches already said.
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') continue;
    const params = error.params as Record<string, unknown>;
    let pointer = error.instancePath || '';
    let detail = error.message ?? error.keyword;
    if (error.keyword === 'required') {
      pointer += `/${String(params.missingProperty)}`;
      detail = 'is required';
    } else if (error.keyword === 'additionalProperties') {
      pointer += `/${String(params.additionalProperty)}`;
      detail = 'is not allowed here';
    }
    if (error.keyword === 'type') {
      // A value that fits none of a oneOf's types fails each branch; say it once, with all types.
      const sameField = errors.filter((e) => e.keyword === 'type' && e.instancePath === error.instancePath);
      detail = `must be ${[...new Set(sameField.map((e) => String((e.params as { type: unknown }).type)))].join(' or ')}`;
    }
    const fieldError: FieldError = { pointer: pointer || '/', detail };
    if (error.keyword === 'enum' || error.keyword === 'const') {
      fieldError.allowed = (params.allowedValues as FieldError['allowed']) ?? [params.allowedValue as string];
    }
    const key = `${fieldError.pointer}\0${fieldError.detail}`;
    if (!seen.has(key)) fieldErrors.push(fieldError);
    seen.add(key);
  }
  return fieldErrors;
}
