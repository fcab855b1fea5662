import type { OpenAPIV3_1 } from 'openapi-types';
import type { Contract } from './contract';
import { rewriteRefs } from './schema-refs';

// The knowledge-base schema files openapi.yaml refers to, and the component name each becomes.
const EXTERNAL_SCHEMAS: Record<string, string> = { 'rules/schemas/article.schema.json': 'Article', 'rules/schemas/facts.schema.json': 'Vocabulary' };

/**
 * openapi.yaml as served at /openapi.json: one self-contained document. The file refers to the
 * knowledge base's own schemas (rules/schemas/*.schema.json) so that they are written once, but a
 * browser or a code generator reading the document from the service cannot fetch those files, so
 * each is copied in as components (`Article`, and `Article.<name>` for each of its $defs) and
 * every reference to it points there instead.
 */
export function publishedContract({ document, knowledgeBaseSchemas }: Contract): OpenAPIV3_1.Document {
  const external = (ref: string) => {
    const [file, fragment = ''] = ref.split('#');
    const name = EXTERNAL_SCHEMAS[file!];
    if (!name) return ref;
    return fragment.startsWith('/$defs/') ? `#/components/schemas/${name}.${fragment.slice('/$defs/'.length)}` : `#/components/schemas/${name}`;
  };
  const components: Record<string, unknown> = {};
  for (const [file, name] of Object.entries(EXTERNAL_SCHEMAS)) {
    const schema = knowledgeBaseSchemas.get(file);
    if (!schema) throw new Error(`openapi.yaml refers to ${file}, which the contract did not load`);
    // A component is no schema document of its own: its dialect and id are the OpenAPI document's.
    const { $defs = {}, ...root } = schema;
    delete root.$schema;
    delete root.$id;
    // Inside a schema file, `#/$defs/x` is its own definition and `other.schema.json#/...` a sibling file's.
    const local = (node: unknown) => rewriteRefs(node, (ref) => (ref.startsWith('#/$defs/') ? `#/components/schemas/${name}.${ref.slice('#/$defs/'.length)}` : external(`rules/schemas/${ref}`)));
    components[name] = local(root);
    for (const [def, schema] of Object.entries($defs as Record<string, unknown>)) components[`${name}.${def}`] = local(schema);
  }
  const published = rewriteRefs(document, external) as OpenAPIV3_1.Document;
  published.components = { ...published.components, schemas: { ...published.components?.schemas, ...(components as Record<string, OpenAPIV3_1.SchemaObject>) } };
  return published;
}
