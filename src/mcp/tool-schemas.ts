import type { OpenAPIV3_1 } from 'openapi-types';
import type { Contract } from '../contract/contract';
import { rewriteRefs } from '../contract/schema-refs';

type JsonSchema = Record<string, unknown>;

/**
 * A tool's input schema built from an OpenAPI operation: its path and query parameters and the
 * properties of its JSON request body, as one object schema, with the component schemas it uses
 * copied into $defs so the schema stands alone. This is also the mapping for function-calling
 * tools: one tool per operation, named after the operationId in snake_case.
 */
export function operationInputSchema(contract: Contract, operationId: string): JsonSchema {
  const operation = findOperation(contract.document, operationId);
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const parameter of (operation.parameters ?? []) as OpenAPIV3_1.ParameterObject[]) {
    properties[parameter.name] = { ...(parameter.schema as JsonSchema), ...(parameter.description ? { description: parameter.description } : {}) };
    if (parameter.required) required.push(parameter.name);
  }
  const requestBody = operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const bodySchema = requestBody?.content['application/json']?.schema as JsonSchema | undefined;
  if (bodySchema) {
    const body = resolve(contract.document, bodySchema);
    Object.assign(properties, body.properties as object);
    required.push(...((body.required as string[]) ?? []));
  }
  return inlineComponents(contract.document, {
    type: 'object',
    ...(operation.summary ? { description: operation.summary } : {}),
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  });
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
    defs[name] = toDefs(document.components!.schemas![name]);
  }
  return Object.keys(defs).length ? { ...schema, $defs: defs } : schema;
}
