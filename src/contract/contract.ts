import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OpenAPIV3_1 } from 'openapi-types';
import YAML from 'yaml';
import { contractFile, projectRoot } from '../paths';
import { schemaCheck, type SchemaCheck } from './schema-check';

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
  /** Validators that report every error, and validators that stop at the first (see schema-check.ts). */
  private readonly ajv: Ajv2020;
  private readonly firstErrorAjv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(file = contractFile) {
    this.document = YAML.parse(fs.readFileSync(file, 'utf8')) as OpenAPIV3_1.Document;
    for (const name of ['article.schema.json', 'facts.schema.json']) {
      const schema = JSON.parse(fs.readFileSync(path.join(projectRoot, 'rules', 'schemas', name), 'utf8')) as Record<string, unknown>;
      this.knowledgeBaseSchemas.set(`rules/schemas/${name}`, schema);
    }
    this.ajv = this.createAjv(true);
    this.firstErrorAjv = this.createAjv(false);
  }

  private createAjv(allErrors: boolean): Ajv2020 {
    const ajv = new Ajv2020({ allErrors, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    ajv.addVocabulary(OPENAPI_KEYWORDS);
    for (const schema of this.knowledgeBaseSchemas.values()) ajv.addSchema(schema);
    ajv.addSchema(this.document, `${BASE}openapi.yaml`);
    return ajv;
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

  /** A check of request input against the schema at a JSON pointer into the document, in time linear in the input. */
  check(pointer: string): SchemaCheck {
    const firstError = this.firstErrorAjv.getSchema(`${BASE}openapi.yaml${pointer}`);
    if (!firstError) throw new Error(`openapi.yaml has no schema at ${pointer}`);
    return schemaCheck(firstError, this.validator(pointer));
  }

  /** The same for a standalone schema (e.g. a tool's input schema built from this contract). */
  checkSchema(schema: object): SchemaCheck {
    return schemaCheck(this.firstErrorAjv.compile(schema), this.ajv.compile(schema));
  }

  schemaPointer(name: string): string {
    return `#/components/schemas/${name}`;
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
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
