import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type AnySchemaObject, type ValidateFunction } from 'ajv/dist/2020';
import { bundledRulesDir } from '../paths';

/**
 * A schema of rules/schemas/ for a file only the authoring commands read (scenario tables,
 * allowances), compiled on first use: the service never needs them. The schemas come with the
 * code, as the loader's do.
 */
export function rulesSchema(name: string): { schema: AnySchemaObject; validate: ValidateFunction } {
  let entry = compiled.get(name);
  if (!entry) {
    const schema = JSON.parse(fs.readFileSync(path.join(bundledRulesDir, 'schemas', name), 'utf8')) as AnySchemaObject;
    entry = { schema, validate: new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema) };
    compiled.set(name, entry);
  }
  return entry;
}

const compiled = new Map<string, { schema: AnySchemaObject; validate: ValidateFunction }>();
