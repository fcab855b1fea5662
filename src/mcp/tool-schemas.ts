import type { OpenAPIV3_1 } from 'openapi-types';
import { rewriteRefs } from '../contract/schema-refs';

/** A JSON Schema, as a tool listing carries it. */
export type JsonSchema = Record<string, unknown>;

/**
 * A tool's input schema built from an OpenAPI operation: its path and query parameters and the
 * properties of its JSON request body, as one object schema, with the component schemas it uses
 * copied into $defs so the schema stands alone. This is also the mapping for function-calling
 * tools: one tool per operation, named after the operationId in snake_case, its arguments named
 * as the operation's parameters and body properties, so that a call maps back to the request.
 *
 * `overrides` replace an argument's schema (the facts, narrowed to the vocabulary being served)
 * and its description (words for a model rather than for an HTTP caller).
 */
export function operationInputSchema(document: OpenAPIV3_1.Document, operationId: string, overrides: Record<string, ArgumentOverride> = {}): JsonSchema {
  const operation = findOperation(document, operationId);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const parameter of (operation.parameters ?? []) as OpenAPIV3_1.ParameterObject[]) {
    properties[parameter.name] = { ...(parameter.schema as JsonSchema), ...(parameter.description ? { description: parameter.description } : {}) };
    if (parameter.required) required.push(parameter.name);
  }
  const requestBody = operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const bodySchema = requestBody?.content['application/json']?.schema as JsonSchema | undefined;
  if (bodySchema) {
    const body = resolve(document, bodySchema);
    Object.assign(properties, body.properties as Record<string, JsonSchema>);
    required.push(...((body.required as string[]) ?? []));
  }
  for (const [name, { schema, description }] of Object.entries(overrides)) {
    // An override of an argument the operation lacks is a tool out of step with openapi.yaml.
    if (!(name in properties)) throw new Error(`openapi.yaml's ${operationId} has no argument ${name}`);
    properties[name] = { ...(schema ?? properties[name]), ...(description ? { description } : {}) };
  }
  return inlineComponents(document, {
    type: 'object',
    ...(operation.summary ? { description: operation.summary } : {}),
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  });
}

/** What a tool says of one argument in place of what its operation says. */
export interface ArgumentOverride {
  schema?: JsonSchema;
  description?: string;
}

/**
 * A tool's output schema: the schema of its operation's 200 JSON answer, which is what the tool
 * returns as structured content, with every component it uses copied into $defs. Read from the
 * published contract (`publishedContract`), where the knowledge base's own schema files are
 * components too, so that the article and the fact definitions stand alone as well. Derived, not
 * copied: a change to a response schema in openapi.yaml is a change to the tool's output schema.
 */
export function operationOutputSchema(published: OpenAPIV3_1.Document, operationId: string): JsonSchema {
  const response = findOperation(published, operationId).responses?.['200'] as OpenAPIV3_1.ResponseObject | undefined;
  const schema = response?.content?.['application/json']?.schema as JsonSchema | undefined;
  if (!schema) throw new Error(`openapi.yaml's ${operationId} has no 200 JSON answer`);
  const root = resolve(published, schema);
  // MCP takes structured content as an object, and says so by an output schema of type object.
  if (root.type !== 'object') throw new Error(`openapi.yaml's ${operationId} answers with no object, which MCP's structured content must be`);
  return inlineComponents(published, root);
}

/**
 * The contract's operation with this id; throws when openapi.yaml has none, since a tool without
 * its operation is a programming error.
 */
export function findOperation(document: OpenAPIV3_1.Document, operationId: string): OpenAPIV3_1.OperationObject {
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item ?? {})) {
      if ((operation as OpenAPIV3_1.OperationObject)?.operationId === operationId) return operation as OpenAPIV3_1.OperationObject;
    }
  }
  throw new Error(`openapi.yaml has no operation ${operationId}`);
}

const COMPONENT = '#/components/schemas/';

function resolve(document: OpenAPIV3_1.Document, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref as string | undefined;
  return ref?.startsWith(COMPONENT) ? (document.components!.schemas![ref.slice(COMPONENT.length)] as JsonSchema) : schema;
}

/** Rewrites #/components/schemas/X references to #/$defs/X and copies each X it reaches. */
function inlineComponents(document: OpenAPIV3_1.Document, root: JsonSchema): JsonSchema {
  const defs: Record<string, unknown> = {};
  const pending: string[] = [];
  const toDefs = (node: unknown) =>
    rewriteRefs(node, (ref) => {
      if (!ref.startsWith(COMPONENT)) return ref;
      const name = ref.slice(COMPONENT.length);
      if (!(name in defs) && !pending.includes(name)) pending.push(name);
      return `#/$defs/${name}`;
    });
  const schema = toDefs(root) as JsonSchema;
  while (pending.length) {
    const name = pending.shift() as string;
    // Claimed before it is copied, so that a component referring to itself is not queued again.
    defs[name] = undefined;
    const component = document.components!.schemas![name];
    if (!component) throw new Error(`openapi.yaml refers to ${COMPONENT}${name}, which it does not define`);
    defs[name] = toDefs(component);
  }
  return Object.keys(defs).length ? { ...schema, $defs: defs } : schema;
}
